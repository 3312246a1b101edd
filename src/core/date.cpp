#include "core/date.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace zoneatlas {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<int> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d is not a date", year, month, day);
    return Fail(Error::InvalidArgument(text));
  }
  return Date(year, month, day);
}

Result<Date> Date::Parse(std::string_view text) {
  std::optional<int> year, month, day;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    year = ParseNumber(text.substr(0, 4));
    month = ParseNumber(text.substr(5, 2));
    day = ParseNumber(text.substr(8, 2));
  } else if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    day = ParseNumber(text.substr(0, 2));
    month = ParseNumber(text.substr(3, 2));
    year = ParseNumber(text.substr(6, 4));
  }
  if (!year || !month || !day) {
    return Fail(Error::InvalidArgument("'" + std::string(text) + "' is not a date (expected YYYY-MM-DD)"));
  }
  return FromYmd(*year, *month, *day);
}

Date Date::Today() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{today};
  return Date(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day())));
}

std::string Date::ToIso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year_, month_, day_);
  return text;
}

long Date::DaysSinceEpoch() const {
  const std::chrono::year_month_day ymd{std::chrono::year(year_), std::chrono::month(static_cast<unsigned>(month_)),
                                        std::chrono::day(static_cast<unsigned>(day_))};
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

Date Date::FromDaysSinceEpoch(long days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  return Date(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day())));
}

bool ValidityPeriod::Overlaps(const ValidityPeriod& other) const {
  const bool this_ends_before = to && *to < other.from;
  const bool other_ends_before = other.to && *other.to < from;
  return !this_ends_before && !other_ends_before;
}

Result<ValidityPeriod> MakeValidityPeriod(Date from, std::optional<Date> to) {
  if (to && *to < from) {
    return Fail(Error::InvalidArgument("validity ends (" + to->ToIso() + ") before it starts (" + from.ToIso() + ")"));
  }
  return ValidityPeriod{from, to};
}

}  // namespace zoneatlas
