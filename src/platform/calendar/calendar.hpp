// platform/calendar/calendar.hpp: recurring events and iCalendar (RFC 5545), on libical.
//
// Times are wall-clock times in Belgium (Europe/Brussels), as people write them: a weekly
// session at 10:00 stays at 10:00 across the change to and from summer time, which is what
// RFC 5545 means by a DTSTART with a TZID. Recurrence rules are RRULE values
// ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231"); expanding one is always bounded by a window and a
// number, so a rule that never ends cannot run away.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_PLATFORM_CALENDAR_CALENDAR_HPP_
#define ZONEATLAS_PLATFORM_CALENDAR_CALENDAR_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace zoneatlas::calendar {

// A wall-clock time in Belgium.
struct LocalDateTime {
  Date date = Date::FromDaysSinceEpoch(0);
  int minutes = 0;  // Since midnight, 0 … 1439.

  auto operator<=>(const LocalDateTime&) const = default;
  // Minutes since 1970-01-01 00:00, wall clock: for differences and overlaps.
  std::int64_t Ordinal() const { return static_cast<std::int64_t>(date.DaysSinceEpoch()) * 1440 + minutes; }
  static LocalDateTime FromOrdinal(std::int64_t ordinal);
};

// "2026-03-10T14:00" (seconds, if given, must be zero); nothing when it is not one.
std::optional<LocalDateTime> ParseLocalDateTime(std::string_view text);
std::string ToIso(const LocalDateTime& time);  // "2026-03-10T14:00"

// Why `rule` cannot be used, or nothing when it can: it must parse, repeat at most daily
// and, when it counts, count at most 1,000 occurrences.
std::optional<std::string> CheckRule(std::string_view rule);

// The starts of the occurrences of an event that starts at `start` and repeats by `rule`
// (none: it happens once), that fall on days `from` … `until`, earliest first, at most `limit`.
// REQUIRES: !CheckRule(rule) when a rule is given.
std::vector<LocalDateTime> Occurrences(const LocalDateTime& start, std::string_view rule, const Date& from,
                                       const Date& until, std::size_t limit);

// One event of a calendar feed.
struct Entry {
  std::string uid;  // Stable across feeds: calendar programs update the event they know.
  std::string summary;
  std::string description;
  std::string location;
  std::string url;
  std::vector<std::string> categories;
  LocalDateTime start, end;
  std::string rule;        // RRULE value, or empty.
  std::int64_t stamp = 0;  // Unix seconds of the last change.
};

// A VCALENDAR named `name` with Europe/Brussels as its VTIMEZONE and one VEVENT per entry
// (recurring ones with their RRULE, for the calendar program to expand).
std::string WriteICalendar(std::string_view name, const std::vector<Entry>& entries);

}  // namespace zoneatlas::calendar

#endif  // ZONEATLAS_PLATFORM_CALENDAR_CALENDAR_HPP_
