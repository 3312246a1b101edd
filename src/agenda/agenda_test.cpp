// The agenda without a database: what an event must hold, its occurrences, and the
// warning when two activities compete for the same people.
#include <gtest/gtest.h>

#include "agenda/model.hpp"

namespace zoneatlas::agenda {
namespace {

Vocabulary Words() {
  return {
      .themes = {{"food", "Voeding", "Alimentation", "Food"}, {"digital_help", "Digitale hulp", "Aide numérique", ""}},
      .target_groups = {{"low_income", "Laag inkomen", "Faible revenu", ""},
                        {"older_people", "Ouderen", "Personnes âgées", ""}},
      .indicators = {{"screen_colorectal", "Dikkedarmkankeropsporing", "Dépistage du cancer colorectal", ""}}};
}

LocalDateTime At(std::string_view text) { return *calendar::ParseLocalDateTime(text); }

Event Workshop(std::string id, std::string area, std::string start, std::string end,
               std::vector<std::string> groups = {"low_income"}, std::string rule = "") {
  Event event;
  event.id = std::move(id);
  event.zone_id = "elz-zennevallei";
  event.kind = EventKind::kWorkshop;
  event.title = "Gezond koken " + event.id;
  event.theme = "food";
  event.target_groups = std::move(groups);
  event.area = std::move(area);
  event.languages = {"nl"};
  event.start = At(start);
  event.end = At(end);
  event.rule = std::move(rule);
  return event;
}

std::vector<std::string> Fields(const std::vector<Problem>& problems) {
  std::vector<std::string> fields;
  for (const Problem& problem : problems) fields.push_back(problem.field);
  return fields;
}

TEST(AgendaCheckTest, AnEventNamesEveryProblem) {
  EXPECT_TRUE(Check(Workshop("a", "23077", "2027-01-02T10:00", "2027-01-02T12:00"), Words()).empty());
  Event wrong = Workshop("a", "", "2027-01-02T10:00", "2027-01-02T09:00", {"pets"}, "FREQ=SECONDLY");
  wrong.title.clear();
  wrong.theme = "weather";
  wrong.languages = {"Nederlands"};
  EXPECT_EQ(Fields(Check(wrong, Words())),
            (std::vector<std::string>{"title", "area", "theme", "target_groups", "languages", "end", "rule"}));
  EXPECT_EQ(Fields(Check(Workshop("a", "23077", "2027-01-02T10:00", "2027-01-20T10:00"), Words())),
            std::vector<std::string>{"end"})
      << "longer than a week";
}

TEST(AgendaCheckTest, ACampaignMeasuresItselfByAnIndicatorOfTheAtlas) {
  Campaign campaign{.id = "blue-march",
                    .name_nl = "Blauwe Maart",
                    .name_fr = "Mars bleu",
                    .name_en = "",
                    .description_nl = "",
                    .description_fr = "",
                    .theme = "food",
                    .from = *Date::Parse("2027-03-01"),
                    .until = *Date::Parse("2027-03-31"),
                    .baseline_indicator = "screen_colorectal",
                    .url = "",
                    .demo = false};
  EXPECT_TRUE(Check(campaign, Words()).empty());
  campaign.baseline_indicator = "screening_colon";
  EXPECT_EQ(Fields(Check(campaign, Words())), std::vector<std::string>{"baseline_indicator"});
}

TEST(AgendaExpandTest, OccurrencesComeInOrderWithTheirOwnEnd) {
  const std::vector<Event> events{Workshop("monthly", "23077", "2026-12-05T10:00", "2026-12-05T12:30", {"low_income"},
                                           "FREQ=MONTHLY;BYDAY=1SA;COUNT=6"),
                                  Workshop("once", "23027", "2027-01-02T09:00", "2027-01-02T10:00")};
  const std::vector<Occurrence> january = Expand(events, *Date::Parse("2027-01-01"), *Date::Parse("2027-01-31"), 50);
  ASSERT_EQ(january.size(), 2u);
  EXPECT_EQ(january[0].event->id, "once");
  EXPECT_EQ(calendar::ToIso(january[1].start), "2027-01-02T10:00");
  EXPECT_EQ(calendar::ToIso(january[1].end), "2027-01-02T12:30");
  EXPECT_EQ(Expand(events, *Date::Parse("2026-12-01"), *Date::Parse("2027-12-31"), 50).size(), 7u);
}

TEST(AgendaCollisionTest, SameThemeSameGroupSamePlaceSameTimeCollide) {
  const std::vector<Event> events{
      Workshop("workshop", "23077", "2026-12-05T10:00", "2026-12-05T12:30", {"low_income"},
               "FREQ=MONTHLY;BYDAY=1SA;COUNT=6"),
      Workshop("info", "23077", "2027-01-02T10:30", "2027-01-02T12:00", {"low_income", "older_people"}),
      Workshop("elsewhere", "23027", "2027-01-02T10:30", "2027-01-02T12:00"),
      Workshop("others", "23077", "2027-01-02T10:30", "2027-01-02T12:00", {"older_people"}),
      Workshop("after", "23077", "2027-01-02T12:30", "2027-01-02T13:00")};
  const auto occurrences = Expand(events, *Date::Parse("2026-12-01"), *Date::Parse("2027-06-30"), 50);
  const std::vector<Collision> collisions = Collisions(occurrences);
  ASSERT_EQ(collisions.size(), 2u);
  EXPECT_EQ(collisions[0].first.event->id, "workshop");
  EXPECT_EQ(collisions[0].second.event->id, "info");
  EXPECT_EQ(collisions[1].second.event->id, "others") << "info and others share older people";
  EXPECT_EQ(collisions[1].first.event->id, "info");
  // For everyone and for everyone collide too; a different theme does not.
  std::vector<Event> open{Workshop("a", "21013", "2027-02-01T10:00", "2027-02-01T12:00", {}),
                          Workshop("b", "21013", "2027-02-01T11:00", "2027-02-01T13:00", {}),
                          Workshop("c", "21013", "2027-02-01T11:00", "2027-02-01T13:00", {})};
  open[2].theme = "digital_help";
  EXPECT_EQ(Collisions(Expand(open, *Date::Parse("2027-02-01"), *Date::Parse("2027-02-01"), 5)).size(), 1u);
}

}  // namespace
}  // namespace zoneatlas::agenda
