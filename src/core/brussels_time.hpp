// core/brussels_time.hpp: the local time in Belgium (Europe/Brussels, with summer time),
// which opening hours and the agenda are written in.
//
// Thread safety: functions.
#ifndef ZONEATLAS_CORE_BRUSSELS_TIME_HPP_
#define ZONEATLAS_CORE_BRUSSELS_TIME_HPP_

#include <chrono>

#include "core/date.hpp"

namespace zoneatlas {

struct LocalMoment {
  Date date;
  int weekday = 0;  // 0 = Monday … 6 = Sunday.
  int minutes = 0;  // After local midnight.
};

// The Belgian wall-clock time at `instant`.
LocalMoment BrusselsTime(std::chrono::system_clock::time_point instant);

// 0 = Monday … 6 = Sunday.
int WeekdayOf(const Date& date);

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_BRUSSELS_TIME_HPP_
