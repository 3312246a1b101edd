// Consultations without a database: what a record must hold, and the yearly synthesis.
#include <gtest/gtest.h>

#include "consultations/model.hpp"
#include "consultations/synthesis.hpp"

namespace zoneatlas::consultations {
namespace {

Vocabulary Words() {
  return {.themes = {{"food", "Voeding", "Alimentation", "Food"},
                     {"housing", "Wonen", "Logement", "Housing"},
                     {"mental_health", "Geestelijke gezondheid", "Santé mentale", "Mental health"}},
          .target_groups = {{"young_people", "Jongeren", "Jeunes", "Young people"},
                            {"older_people", "Ouderen", "Personnes âgées", "Older people"}},
          .indicators = {}};
}

Signal Need(std::string id, std::string theme, std::vector<std::string> groups = {}) {
  return {.id = std::move(id),
          .kind = SignalKind::kNeed,
          .theme = std::move(theme),
          .target_groups = std::move(groups),
          .areas = {},
          .description = "iets",
          .quote = ""};
}

Consultation Meeting(std::string id, std::string zone, std::vector<Signal> signals,
                     std::vector<std::string> organisations = {}) {
  Consultation meeting;
  meeting.id = std::move(id);
  meeting.zone_id = std::move(zone);
  meeting.held_on = *Date::FromYmd(2025, 3, 12);
  meeting.theme = "food";
  meeting.title = "Thematisch overleg voeding";
  meeting.organisations = std::move(organisations);
  meeting.signals = std::move(signals);
  return meeting;
}

ActionLine Answer(std::string id, ActionStatus status, std::vector<std::string> signals) {
  ActionLine line;
  line.id = std::move(id);
  line.zone_id = "zorgzone-noord";
  line.theme = "food";
  line.title = "Repertorium voedselhulp";
  line.status = status;
  line.signal_ids = std::move(signals);
  return line;
}

std::vector<std::string> Fields(const std::vector<Problem>& problems) {
  std::vector<std::string> fields;
  for (const Problem& problem : problems) fields.push_back(problem.field);
  return fields;
}

TEST(ConsultationCheckTest, AWellFormedMeetingHasNoProblems) {
  const Date today = *Date::FromYmd(2026, 11, 23);
  EXPECT_TRUE(Check(Meeting("m", "zorgzone-noord", {Need("s", "food", {"young_people"})}), Words(), today).empty());
}

TEST(ConsultationCheckTest, EveryProblemIsNamedByItsField) {
  Consultation meeting = Meeting("m", "", {Need("s1", "food"), Need("s2", "weather", {"pets"})});
  meeting.title = "";
  meeting.theme = "gardening";
  meeting.held_on = *Date::FromYmd(2031, 2, 1);
  meeting.participants = 0;
  meeting.signals[0].description = "";
  const std::vector<std::string> fields = Fields(Check(meeting, Words(), *Date::FromYmd(2026, 11, 23)));
  EXPECT_EQ(fields,
            (std::vector<std::string>{"title", "zone", "held_on", "theme", "participants", "signals[1].description",
                                      "signals[2].theme", "signals[2].target_groups"}));
}

TEST(ConsultationCheckTest, AnActionLineNeedsATitleAndAKnownTheme) {
  ActionLine line = Answer("a", ActionStatus::kIdea, {});
  EXPECT_TRUE(Check(line, Words()).empty());
  line.title.clear();
  line.theme = "weather";
  line.owner = std::string(300, 'x');
  EXPECT_EQ(Fields(Check(line, Words())), (std::vector<std::string>{"title", "owner", "theme"}));
}

TEST(ConsultationCodesTest, EveryCodeReadsBack) {
  for (MeetingKind kind : kMeetingKinds) EXPECT_EQ(ParseMeetingKind(Code(kind)), kind);
  for (SignalKind kind : kSignalKinds) EXPECT_EQ(ParseSignalKind(Code(kind)), kind);
  for (ActionStatus status : kActionStatuses) EXPECT_EQ(ParseActionStatus(Code(status)), status);
  EXPECT_FALSE(ParseActionStatus("finished"));
}

TEST(SynthesisTest, CountsMeetingsZonesOrganisationsAndTheThemesMostRaised) {
  const std::vector<Consultation> meetings{
      Meeting("m1", "zorgzone-noord", {Need("s1", "food", {"young_people"}), Need("s2", "housing")},
              {"CAW Brussel", "OCMW Schaarbeek"}),
      Meeting("m2", "zorgzone-zuid", {Need("s3", "food", {"young_people", "older_people"})}, {"caw brussel"}),
      Meeting("m3", "zorgzone-zuid", {})};
  const Synthesis synthesis = Synthesize(meetings, {}, {});
  EXPECT_EQ(synthesis.meetings, 3u);
  EXPECT_EQ(synthesis.zones, 2u);
  EXPECT_EQ(synthesis.organisations, 2u) << "the same organisation written twice counts once";
  EXPECT_EQ(synthesis.signals, 3u);
  EXPECT_EQ(synthesis.needs, 3u);
  EXPECT_EQ(synthesis.themes, (std::vector<Count>{{"food", 2}, {"housing", 1}}));
  EXPECT_EQ(synthesis.target_groups, (std::vector<Count>{{"young_people", 2}, {"older_people", 1}}));
  EXPECT_EQ(synthesis.theme_by_target_group.at("food").at("young_people"), 2u);
  EXPECT_EQ(synthesis.theme_by_target_group.at("housing").at(""), 1u) << "a signal naming no group";
  EXPECT_EQ(synthesis.without_answer, 3u);
}

TEST(SynthesisTest, ASignalShowsTheFurthestItsActionLinesGot) {
  const std::vector<Consultation> meetings{
      Meeting("m1", "zorgzone-noord", {Need("s1", "food"), Need("s2", "food"), Need("s3", "food")})};
  const std::vector<ActionLine> lines{Answer("a1", ActionStatus::kDropped, {"s1", "s2"}),
                                      Answer("a2", ActionStatus::kRunning, {"s1"}),
                                      Answer("a3", ActionStatus::kIdea, {"s1"})};
  const Synthesis synthesis = Synthesize(meetings, lines, {});
  ASSERT_EQ(synthesis.outcomes.size(), 3u);
  EXPECT_EQ(synthesis.outcomes[0].outcome, ActionStatus::kRunning);
  EXPECT_EQ(synthesis.outcomes[0].answers.size(), 3u);
  EXPECT_EQ(synthesis.outcomes[1].outcome, ActionStatus::kDropped) << "dropped only when nothing else answers";
  EXPECT_FALSE(synthesis.outcomes[2].outcome);
  EXPECT_EQ(synthesis.by_outcome.at(ActionStatus::kRunning), 1u);
  EXPECT_EQ(synthesis.by_outcome.at(ActionStatus::kDropped), 1u);
  EXPECT_EQ(synthesis.without_answer, 1u);
}

TEST(SynthesisTest, AFilterKeepsTheSignalsOfOneThemeAndTargetGroup) {
  const std::vector<Consultation> meetings{
      Meeting("m1", "zorgzone-noord",
              {Need("s1", "food", {"young_people"}), Need("s2", "food", {"older_people"}), Need("s3", "housing")})};
  const Synthesis food_for_young = Synthesize(meetings, {}, {.theme = "food", .target_group = "young_people"});
  EXPECT_EQ(food_for_young.meetings, 1u);
  ASSERT_EQ(food_for_young.outcomes.size(), 1u);
  EXPECT_EQ(food_for_young.outcomes[0].signal->id, "s1");
  EXPECT_EQ(Synthesize(meetings, {}, {.theme = "food", .target_group = ""}).signals, 2u);
}

}  // namespace
}  // namespace zoneatlas::consultations
