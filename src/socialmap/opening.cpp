#include "socialmap/opening.hpp"

#include "core/text.hpp"

namespace zoneatlas::socialmap {
namespace {

constexpr int kDay = 24 * 60;

// Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher).
Date EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
  return *Date::FromYmd(year, month, day);
}

Date AddDays(const Date& date, long days) { return Date::FromDaysSinceEpoch(date.DaysSinceEpoch() + days); }

bool ValidOn(const Hours& hours, const Date& date) {
  return (!hours.valid_from || *hours.valid_from <= date) && (!hours.valid_to || date <= *hours.valid_to);
}

bool OvernightHours(const Hours& hours) { return hours.closes <= hours.opens; }

}  // namespace

bool IsPublicHoliday(const Date& date) {
  const int month = date.month(), day = date.day();
  if ((month == 1 && day == 1) || (month == 5 && day == 1) || (month == 7 && day == 21) || (month == 8 && day == 15) ||
      (month == 11 && (day == 1 || day == 11)) || (month == 12 && day == 25)) {
    return true;
  }
  const long easter = EasterSunday(date.year()).DaysSinceEpoch();
  const long offset = date.DaysSinceEpoch() - easter;
  return offset == 1 || offset == 39 || offset == 50;  // Easter Monday, Ascension, Whit Monday.
}

bool OpenAt(const std::vector<Hours>& hours, const LocalMoment& moment, bool walk_in_only) {
  const Date yesterday = AddDays(moment.date, -1);
  const int previous_weekday = (moment.weekday + 6) % 7;
  for (const Hours& h : hours) {
    if (walk_in_only && !h.walk_in) continue;
    // Hours that started today.
    if (h.weekday == moment.weekday && ValidOn(h, moment.date) && (h.on_holidays || !IsPublicHoliday(moment.date)) &&
        moment.minutes >= h.opens && (OvernightHours(h) || moment.minutes < h.closes)) {
      return true;
    }
    // Hours that started yesterday and run past midnight.
    if (OvernightHours(h) && h.weekday == previous_weekday && ValidOn(h, yesterday) &&
        (h.on_holidays || !IsPublicHoliday(yesterday)) && moment.minutes < h.closes) {
      return true;
    }
  }
  return false;
}

std::optional<LocalMoment> NextOpening(const std::vector<Hours>& hours, const LocalMoment& moment) {
  std::optional<LocalMoment> best;
  long best_at = 0;
  for (int ahead = 0; ahead <= 14; ++ahead) {
    const Date date = AddDays(moment.date, ahead);
    const int weekday = (moment.weekday + ahead) % 7;
    const bool holiday = IsPublicHoliday(date);
    for (const Hours& h : hours) {
      if (h.weekday != weekday || !ValidOn(h, date) || (holiday && !h.on_holidays)) continue;
      if (ahead == 0 && h.opens <= moment.minutes) continue;
      const long at = static_cast<long>(ahead) * kDay + h.opens;
      if (!best || at < best_at) {
        best = LocalMoment{.date = date, .weekday = weekday, .minutes = h.opens};
        best_at = at;
      }
    }
    if (best) return best;
  }
  return best;
}

std::string PackHours(const std::vector<Hours>& hours) {
  std::string packed;
  for (const Hours& h : hours) {
    if (!packed.empty()) packed += ';';
    packed += std::to_string(h.weekday) + ',' + std::to_string(h.opens) + ',' + std::to_string(h.closes) + ',' +
              (h.walk_in ? '1' : '0') + ',' + (h.on_holidays ? '1' : '0') + ',' +
              (h.valid_from ? std::to_string(h.valid_from->DaysSinceEpoch()) : "") + ',' +
              (h.valid_to ? std::to_string(h.valid_to->DaysSinceEpoch()) : "");
  }
  return packed;
}

std::vector<Hours> UnpackHours(std::string_view packed) {
  std::vector<Hours> hours;
  for (std::string_view item : text::Split(packed, ';')) {
    const auto fields = text::Split(item, ',');
    if (fields.size() != 7) continue;
    Hours h;
    h.weekday = static_cast<int>(text::ParseInteger(fields[0]).value_or(0));
    h.opens = static_cast<int>(text::ParseInteger(fields[1]).value_or(0));
    h.closes = static_cast<int>(text::ParseInteger(fields[2]).value_or(0));
    h.walk_in = fields[3] == "1";
    h.on_holidays = fields[4] == "1";
    if (auto from = text::ParseInteger(fields[5])) h.valid_from = Date::FromDaysSinceEpoch(*from);
    if (auto to = text::ParseInteger(fields[6])) h.valid_to = Date::FromDaysSinceEpoch(*to);
    hours.push_back(std::move(h));
  }
  return hours;
}

}  // namespace zoneatlas::socialmap
