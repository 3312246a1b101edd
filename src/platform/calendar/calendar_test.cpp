#include "platform/calendar/calendar.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace zoneatlas::calendar {
namespace {

LocalDateTime At(std::string_view text) { return *ParseLocalDateTime(text); }
Date Day(std::string_view text) { return *Date::Parse(text); }

std::vector<std::string> Iso(const std::vector<LocalDateTime>& times) {
  std::vector<std::string> texts;
  for (const LocalDateTime& time : times) texts.push_back(ToIso(time));
  return texts;
}

TEST(CalendarTest, LocalTimesReadAndWriteBack) {
  EXPECT_EQ(ToIso(At("2026-03-10T14:05")), "2026-03-10T14:05");
  EXPECT_EQ(ToIso(At("2026-03-10 09:00:00")), "2026-03-10T09:00");
  EXPECT_FALSE(ParseLocalDateTime("2026-02-31T10:00")) << "no 31 February";
  EXPECT_FALSE(ParseLocalDateTime("2026-03-10T24:00"));
  EXPECT_FALSE(ParseLocalDateTime("2026-03-10T10:00:30"));
  EXPECT_FALSE(ParseLocalDateTime("tomorrow"));
  const LocalDateTime late = At("2026-03-10T23:30");
  EXPECT_EQ(ToIso(LocalDateTime::FromOrdinal(late.Ordinal() + 60)), "2026-03-11T00:30");
}

// Belgium moves to summer time on Sunday 29 March 2026 and back on Sunday 25 October 2026:
// a weekly session at 10:00 stays at 10:00 on the wall clock on both sides.
TEST(CalendarTest, AWeeklySessionKeepsItsHourAcrossTheChangesOfTime) {
  const auto spring =
      Occurrences(At("2026-03-17T10:00"), "FREQ=WEEKLY;BYDAY=TU", Day("2026-03-01"), Day("2026-04-08"), 100);
  EXPECT_EQ(Iso(spring),
            (std::vector<std::string>{"2026-03-17T10:00", "2026-03-24T10:00", "2026-03-31T10:00", "2026-04-07T10:00"}));
  const auto autumn =
      Occurrences(At("2026-10-18T09:30"), "FREQ=WEEKLY;COUNT=3", Day("2026-10-01"), Day("2026-12-31"), 100);
  EXPECT_EQ(Iso(autumn), (std::vector<std::string>{"2026-10-18T09:30", "2026-10-25T09:30", "2026-11-01T09:30"}));
}

TEST(CalendarTest, ExpansionStaysInsideTheWindowAndTheLimit) {
  const LocalDateTime start = At("2025-01-06T18:00");
  // A rule with no end, asked about one month two years later.
  const auto march = Occurrences(start, "FREQ=WEEKLY;BYDAY=MO", Day("2027-03-01"), Day("2027-03-31"), 100);
  EXPECT_EQ(Iso(march), (std::vector<std::string>{"2027-03-01T18:00", "2027-03-08T18:00", "2027-03-15T18:00",
                                                  "2027-03-22T18:00", "2027-03-29T18:00"}));
  EXPECT_EQ(Occurrences(start, "FREQ=DAILY", Day("2025-01-01"), Day("2035-01-01"), 50).size(), 50u);
  EXPECT_EQ(Iso(Occurrences(start, "FREQ=MONTHLY;UNTIL=20250301T000000", Day("2025-01-01"), Day("2025-12-31"), 100)),
            (std::vector<std::string>{"2025-01-06T18:00", "2025-02-06T18:00"}));
  // A rule that finds no day ends the search instead of running on.
  EXPECT_TRUE(
      Occurrences(start, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", Day("2025-01-01"), Day("2125-01-01"), 10).empty());
  // Without a rule, the event itself, if it is in the window.
  EXPECT_EQ(Occurrences(start, "", Day("2025-01-01"), Day("2025-01-31"), 10).size(), 1u);
  EXPECT_TRUE(Occurrences(start, "", Day("2025-02-01"), Day("2025-02-28"), 10).empty());
}

TEST(CalendarTest, RulesThatCannotBeUsedAreNamed) {
  EXPECT_FALSE(CheckRule("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T235959Z"));
  EXPECT_FALSE(CheckRule(""));
  EXPECT_TRUE(CheckRule("every tuesday"));
  EXPECT_TRUE(CheckRule("FREQ=HOURLY"));
  EXPECT_TRUE(CheckRule("FREQ=DAILY;COUNT=5000"));
  EXPECT_TRUE(CheckRule(std::string(600, 'X')));
}

TEST(CalendarTest, AFeedHoldsTheZoneTheEventsAndEscapedFoldedText) {
  Entry entry;
  entry.uid = "event-1@zoneatlas";
  entry.summary = "Infosessie griepvaccin; vragen, antwoorden";
  entry.description = std::string(200, 'x');
  entry.location = "OCMW Halle, Kerkstraat 2";
  entry.url = "https://zoneatlas.example/nl/agenda/events/event-1";
  entry.categories = {"Preventie en screening"};
  entry.start = At("2026-10-06T14:00");
  entry.end = At("2026-10-06T16:00");
  entry.rule = "FREQ=WEEKLY;COUNT=4";
  entry.stamp = 1'790'000'000;
  const std::string feed = WriteICalendar("Agenda ELZ Zennevallei", {entry});
  EXPECT_NE(feed.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(feed.find("BEGIN:VTIMEZONE"), std::string::npos);
  EXPECT_NE(feed.find("TZID:Europe/Brussels"), std::string::npos);
  EXPECT_NE(feed.find("BEGIN:DAYLIGHT"), std::string::npos) << "summer time is in the zone";
  EXPECT_EQ(feed.find("TZNAME:BMT"), std::string::npos) << "the nineteenth century is left out";
  EXPECT_NE(feed.find("DTSTART;TZID=Europe/Brussels:20261006T140000"), std::string::npos);
  EXPECT_NE(feed.find("RRULE:FREQ=WEEKLY;COUNT=4"), std::string::npos);
  EXPECT_NE(feed.find("SUMMARY:Infosessie griepvaccin\\; vragen\\, antwoorden"), std::string::npos);
  EXPECT_NE(feed.find("X-WR-CALNAME:Agenda ELZ Zennevallei"), std::string::npos);
  std::istringstream lines(feed);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    EXPECT_LE(line.size(), 75u) << "folded: " << line;
  }
}

}  // namespace
}  // namespace zoneatlas::calendar
