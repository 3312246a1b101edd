#include "core/brussels_time.hpp"

#include <date/tz.h>

namespace zoneatlas {

LocalMoment BrusselsTime(std::chrono::system_clock::time_point instant) {
  static const date::time_zone* const brussels = date::locate_zone("Europe/Brussels");
  const auto local = brussels->to_local(std::chrono::time_point_cast<std::chrono::seconds>(instant));
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd(day);
  const auto since_midnight = std::chrono::duration_cast<std::chrono::minutes>(local - day);
  const auto date = Date::FromYmd(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                                  static_cast<int>(static_cast<unsigned>(ymd.day())));
  return {.date = *date,
          .weekday = static_cast<int>(date::weekday(day).iso_encoding()) - 1,
          .minutes = static_cast<int>(since_midnight.count())};
}

int WeekdayOf(const Date& date) {
  return static_cast<int>(date::weekday(date::sys_days(date::days(date.DaysSinceEpoch()))).iso_encoding()) - 1;
}

}  // namespace zoneatlas
