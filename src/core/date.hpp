// core/date.hpp: calendar dates and validity periods.
//
// Areas, zones and (later) indicator parameters are valid for a period: the
// 1 January 2025 Flemish mergers ended some municipalities and started others.
// A ValidityPeriod runs from its first day to its last day, both inclusive; an open
// end means "still valid". Dates are stored as ISO text ("2025-01-01").
//
// Thread safety: value types.
#ifndef ZONEATLAS_CORE_DATE_HPP_
#define ZONEATLAS_CORE_DATE_HPP_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace zoneatlas {

class Date {
 public:
  // Returns kInvalidArgument unless year/month/day name a real day in 1000..9999.
  static Result<Date> FromYmd(int year, int month, int day);
  // Accepts ISO "2025-01-01" and the Belgian "01/01/2025" that Statbel files use.
  static Result<Date> Parse(std::string_view text);
  // Today in Europe/Brussels is close enough to UTC for validity dates; this uses UTC.
  static Date Today();

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }

  // "2025-01-01".
  std::string ToIso() const;
  // Days since 1970-01-01, for arithmetic.
  long DaysSinceEpoch() const;
  // The inverse of DaysSinceEpoch. REQUIRES: the day falls in 1000..9999.
  static Date FromDaysSinceEpoch(long days);

  auto operator<=>(const Date&) const = default;

 private:
  Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}
  int year_;
  int month_;
  int day_;
};

struct ValidityPeriod {
  Date from;
  std::optional<Date> to;  // Last valid day; empty while still valid.

  bool Contains(const Date& date) const { return from <= date && (!to || date <= *to); }
  bool Overlaps(const ValidityPeriod& other) const;
};

// Returns kInvalidArgument when `to` comes before `from`.
Result<ValidityPeriod> MakeValidityPeriod(Date from, std::optional<Date> to);

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_DATE_HPP_
