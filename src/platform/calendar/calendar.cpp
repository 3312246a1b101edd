#include "platform/calendar/calendar.hpp"

#include <libical/ical.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

#include "core/text.hpp"

namespace zoneatlas::calendar {
namespace {

constexpr const char* kZone = "Europe/Brussels";
constexpr int kMaxCount = 1000;
// Steps an expansion may take, whatever the window: a rule such as "every day of
// February 30th" finds nothing for ever and must stop.
constexpr int kMaxSteps = 100'000;

// libical's strings are ours to free.
struct Freer {
  void operator()(char* text) const { icalmemory_free_buffer(text); }
};
struct ComponentFreer {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
struct IteratorFreer {
  void operator()(icalrecur_iterator* iterator) const { icalrecur_iterator_free(iterator); }
};

icaltimetype ToIcal(const LocalDateTime& time) {
  icaltimetype ical = icaltime_null_time();
  ical.year = time.date.year();
  ical.month = time.date.month();
  ical.day = time.date.day();
  ical.hour = time.minutes / 60;
  ical.minute = time.minutes % 60;
  ical.is_date = 0;
  return ical;
}

std::optional<LocalDateTime> FromIcal(const icaltimetype& ical) {
  auto date = Date::FromYmd(ical.year, ical.month, ical.day);
  if (!date) return std::nullopt;
  return LocalDateTime{*date, ical.is_date ? 0 : ical.hour * 60 + ical.minute};
}

// The VTIMEZONE of Europe/Brussels, made once: libical loads its zones lazily.
const std::string& BrusselsTimezone() {
  static const std::string component = [] {
    icaltimezone* zone = icaltimezone_get_builtin_timezone(kZone);
    if (zone == nullptr) return std::string();
    icalcomponent* vtimezone = icaltimezone_get_component(zone);
    if (vtimezone == nullptr) return std::string();
    return std::string(icalcomponent_as_ical_string(vtimezone));
  }();
  return component;
}

// Names the zone as events name it (libical prefixes its own path) and keeps only the
// rules in force since 1996: the events of a zone are recent, and a century of Belgian
// clock history would make every feed ten times longer.
void TrimTimezone(icalcomponent* zone) {
  if (icalproperty* tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY)) {
    icalproperty_set_tzid(tzid, kZone);
  }
  std::vector<icalcomponent*> old;
  for (icalcomponent* rule = icalcomponent_get_first_component(zone, ICAL_ANY_COMPONENT); rule != nullptr;
       rule = icalcomponent_get_next_component(zone, ICAL_ANY_COMPONENT)) {
    // The last year the observance applies: its rule's end, for ever, or its one start.
    int last_year = icalcomponent_get_dtstart(rule).year;
    if (icalproperty* recurrence = icalcomponent_get_first_property(rule, ICAL_RRULE_PROPERTY)) {
      const icaltimetype until = icalproperty_get_rrule(recurrence).until;
      last_year = icaltime_is_null_time(until) ? 9999 : until.year;
    }
    if (last_year < 1996) old.push_back(rule);
  }
  for (icalcomponent* rule : old) {
    icalcomponent_remove_component(zone, rule);
    icalcomponent_free(rule);
  }
}

}  // namespace

LocalDateTime LocalDateTime::FromOrdinal(std::int64_t ordinal) {
  const std::int64_t days = ordinal >= 0 ? ordinal / 1440 : (ordinal - 1439) / 1440;
  return {Date::FromDaysSinceEpoch(static_cast<long>(days)), static_cast<int>(ordinal - days * 1440)};
}

std::optional<LocalDateTime> ParseLocalDateTime(std::string_view text) {
  text = text::Trim(text);
  if (text.size() != 16 && !(text.size() == 19 && text.substr(16) == ":00")) return std::nullopt;
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  auto date = Date::Parse(text.substr(0, 10));
  if (!date || text[13] != ':') return std::nullopt;
  const auto hours = text::ParseInteger(text.substr(11, 2));
  const auto minutes = text::ParseInteger(text.substr(14, 2));
  if (!hours || !minutes || *hours < 0 || *hours > 23 || *minutes < 0 || *minutes > 59) return std::nullopt;
  return LocalDateTime{*date, static_cast<int>(*hours * 60 + *minutes)};
}

std::string ToIso(const LocalDateTime& time) {
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d", time.minutes / 60 % 24, time.minutes % 60);
  return time.date.ToIso() + clock;
}

std::optional<std::string> CheckRule(std::string_view rule) {
  if (rule.empty()) return std::nullopt;
  if (rule.size() > 500) return "the rule is longer than 500 characters";
  const std::string text(rule);
  const icalrecurrencetype parsed = icalrecurrencetype_from_string(text.c_str());
  icalerror_clear_errno();
  if (parsed.freq == ICAL_NO_RECURRENCE) return "'" + text + "' is not a recurrence rule (RFC 5545 RRULE)";
  if (parsed.freq == ICAL_SECONDLY_RECURRENCE || parsed.freq == ICAL_MINUTELY_RECURRENCE ||
      parsed.freq == ICAL_HOURLY_RECURRENCE) {
    return "an event repeats at most daily";
  }
  if (parsed.count > kMaxCount) return "at most " + std::to_string(kMaxCount) + " occurrences";
  return std::nullopt;
}

std::vector<LocalDateTime> Occurrences(const LocalDateTime& start, std::string_view rule, const Date& from,
                                       const Date& until, std::size_t limit) {
  std::vector<LocalDateTime> starts;
  if (limit == 0 || until < from) return starts;
  if (rule.empty()) {
    if (from <= start.date && start.date <= until) starts.push_back(start);
    return starts;
  }
  const std::string text(rule);
  const icalrecurrencetype parsed = icalrecurrencetype_from_string(text.c_str());
  icalerror_clear_errno();
  if (parsed.freq == ICAL_NO_RECURRENCE) return starts;
  std::unique_ptr<icalrecur_iterator, IteratorFreer> iterator(icalrecur_iterator_new(parsed, ToIcal(start)));
  if (!iterator) return starts;
  // Without a count, start at the window (or the event, if later) instead of walking to it.
  if (parsed.count == 0 && start.date < from) {
    icalrecur_iterator_set_start(iterator.get(), ToIcal(LocalDateTime{from, 0}));
  }
  for (int step = 0; step < kMaxSteps && starts.size() < limit; ++step) {
    const icaltimetype next = icalrecur_iterator_next(iterator.get());
    if (icaltime_is_null_time(next)) break;
    const auto occurrence = FromIcal(next);
    if (!occurrence || until < occurrence->date) break;
    if (occurrence->date < from || *occurrence < start) continue;
    starts.push_back(*occurrence);
  }
  return starts;
}

std::string WriteICalendar(std::string_view name, const std::vector<Entry>& entries) {
  std::unique_ptr<icalcomponent, ComponentFreer> calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//zoneatlas//agenda//NL"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalproperty* calendar_name = icalproperty_new_x(std::string(name).c_str());
  icalproperty_set_x_name(calendar_name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), calendar_name);
  icalproperty* timezone_name = icalproperty_new_x(kZone);
  icalproperty_set_x_name(timezone_name, "X-WR-TIMEZONE");
  icalcomponent_add_property(calendar.get(), timezone_name);
  {
    static std::mutex parsing;  // libical's parser keeps state per call, but be sure.
    const std::lock_guard lock(parsing);
    if (const std::string& vtimezone = BrusselsTimezone(); !vtimezone.empty()) {
      if (icalcomponent* zone = icalparser_parse_string(vtimezone.c_str())) {
        TrimTimezone(zone);
        icalcomponent_add_component(calendar.get(), zone);
      }
    }
  }
  for (const Entry& entry : entries) {
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(event, icalproperty_new_uid(entry.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
                                          static_cast<time_t>(entry.stamp), 0, icaltimezone_get_utc_timezone())));
    for (const auto& [time, make] :
         {std::pair{entry.start, &icalproperty_new_dtstart}, std::pair{entry.end, &icalproperty_new_dtend}}) {
      icalproperty* property = make(ToIcal(time));
      icalproperty_add_parameter(property, icalparameter_new_tzid(kZone));
      icalcomponent_add_property(event, property);
    }
    icalcomponent_add_property(event, icalproperty_new_summary(entry.summary.c_str()));
    if (!entry.description.empty()) {
      icalcomponent_add_property(event, icalproperty_new_description(entry.description.c_str()));
    }
    if (!entry.location.empty()) icalcomponent_add_property(event, icalproperty_new_location(entry.location.c_str()));
    if (!entry.url.empty()) icalcomponent_add_property(event, icalproperty_new_url(entry.url.c_str()));
    for (const std::string& category : entry.categories) {
      icalcomponent_add_property(event, icalproperty_new_categories(category.c_str()));
    }
    if (!entry.rule.empty()) {
      const icalrecurrencetype recurrence = icalrecurrencetype_from_string(entry.rule.c_str());
      icalerror_clear_errno();
      if (recurrence.freq != ICAL_NO_RECURRENCE) icalcomponent_add_property(event, icalproperty_new_rrule(recurrence));
    }
    icalcomponent_add_component(calendar.get(), event);
  }
  std::unique_ptr<char, Freer> text(icalcomponent_as_ical_string_r(calendar.get()));
  return text ? std::string(text.get()) : std::string();
}

}  // namespace zoneatlas::calendar
