// Consultations against SQLite and PostgreSQL: meetings with their signals, action lines
// answering them, the audit trail, and the all-or-nothing import of a file.
#include <gtest/gtest.h>

#include "consultations/import.hpp"
#include "consultations/store.hpp"
#include "consultations/synthesis.hpp"
#include "geo/import.hpp"
#include "tests/support/shipped_vocabulary.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::consultations {
namespace {

using testing::TestDatabase;

const audit::Actor kTester{"test", "the test suite"};

Vocabulary Words() {
  return {.themes = {{"food", "Voeding", "Alimentation", "Food"}, {"housing", "Wonen", "Logement", "Housing"}},
          .target_groups = {{"young_people", "Jongeren", "Jeunes", "Young people"},
                            {"single_parent_families", "Eenoudergezinnen", "Familles monoparentales", ""}},
          .indicators = {}};
}

Consultation FoodMeeting() {
  Consultation meeting;
  meeting.zone_id = "zorgzone-noord-oost";
  meeting.held_on = *Date::FromYmd(2025, 3, 12);
  meeting.kind = MeetingKind::kThematic;
  meeting.theme = "food";
  meeting.title = "Concertation thématique alimentation";
  meeting.organisations = {"CPAS de Schaerbeek", "Maison médicale du Nord"};
  meeting.professions = {"assistant social", "diététicienne"};
  meeting.participants = 14;
  meeting.summary = "Accès inégal à une alimentation saine.";
  meeting.language = Language::kFr;
  meeting.signals = {Signal{.id = "",
                            .kind = SignalKind::kNeed,
                            .theme = "food",
                            .target_groups = {"young_people"},
                            .areas = {"21015"},
                            .description = "Les colis manquent de produits frais.",
                            .quote = ""},
                     Signal{.id = "",
                            .kind = SignalKind::kDifficulty,
                            .theme = "food",
                            .target_groups = {},
                            .areas = {},
                            .description = "Le répertoire de l'aide alimentaire est peu connu.",
                            .quote = "On ne sait pas où envoyer les gens."}};
  return meeting;
}

class ConsultationsStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    ASSERT_TRUE(testing::LoadDemoGeography(test_->database()));
    geography_ = std::make_unique<geo::Store>(test_->database());
    store_ = std::make_unique<Store>(test_->database(), *geography_, vocabulary_);
  }

  long long AuditCount(const std::string& entity_type) {
    auto rows = test_->database().WithConnection([&](db::Connection& connection) {
      return connection.Query("SELECT COUNT(*) FROM audit_log WHERE entity_type = ?", {entity_type});
    });
    return rows ? rows->front().Integer(0) : -1;
  }

  std::unique_ptr<TestDatabase> test_;
  Vocabulary vocabulary_ = Words();
  std::unique_ptr<geo::Store> geography_;
  std::unique_ptr<Store> store_;
  const audit::Context context_{
      .actor = {"user-1", "coordinator@zorgzone-noord-oost.brussels"}, .restore = false, .at = 1'790'000'000};
};

TEST_P(ConsultationsStorageTest, AMeetingReadsBackWithItsSignalsInOrder) {
  auto id = store_->Add(FoodMeeting(), context_);
  ASSERT_TRUE(id) << id.error().message();
  auto found = store_->Find(*id);
  ASSERT_TRUE(found) << found.error().message();
  Consultation expected = FoodMeeting();
  expected.id = *id;
  ASSERT_EQ(found->signals.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) expected.signals[i].id = found->signals[i].id;
  EXPECT_EQ(*found, expected);
  EXPECT_NE(found->signals[0].id, found->signals[1].id);
  EXPECT_EQ(AuditCount("consultation"), 1);
  auto in_2025 = store_->List({.zone_id = "zorgzone-noord-oost", .year = 2025});
  ASSERT_TRUE(in_2025);
  EXPECT_EQ(in_2025->size(), 1u);
  EXPECT_TRUE(store_->List({.zone_id = "zorgzone-noord-oost", .year = 2024})->empty());
  EXPECT_TRUE(store_->List({.zone_id = "elz-zennevallei", .year = std::nullopt})->empty());
  EXPECT_EQ(*store_->Years("zorgzone-noord-oost"), std::vector<int>{2025});
}

// The monitoring pages share a year's meetings until something is written, by anyone.
TEST_P(ConsultationsStorageTest, SharedListsFollowEveryWrite) {
  const Filter filter{.zone_id = "zorgzone-noord-oost", .year = 2025};
  auto before = store_->SharedList(filter);
  ASSERT_TRUE(before);
  EXPECT_TRUE((*before)->empty());
  EXPECT_EQ(store_->SharedList(filter)->get(), before->get()) << "nothing written: the same list";
  auto id = store_->Add(FoodMeeting(), context_);
  ASSERT_TRUE(id);
  auto after = store_->SharedList(filter);
  ASSERT_TRUE(after);
  ASSERT_EQ((*after)->size(), 1u);
  // Another store on the same database (another server process) writes a signal.
  Store other(test_->database(), *geography_, vocabulary_);
  ASSERT_TRUE(other.AddSignal(*id,
                              Signal{.id = "",
                                     .kind = SignalKind::kNeed,
                                     .theme = "housing",
                                     .target_groups = {},
                                     .areas = {},
                                     .description = "Logements insalubres.",
                                     .quote = ""},
                              context_));
  EXPECT_EQ((*store_->SharedList(filter))->front().signals.size(), 3u);
  ActionLine line;
  line.zone_id = "zorgzone-noord-oost";
  line.theme = "food";
  line.title = "Un répertoire";
  ASSERT_TRUE(other.Add(line, context_));
  EXPECT_EQ((*store_->SharedActionLines("zorgzone-noord-oost"))->size(), 1u);
}

TEST_P(ConsultationsStorageTest, AWorkingGroupTakesUpActionLinesOfItsOwnZoneOnly) {
  WorkingGroup group{.id = "",
                     .zone_id = "zorgzone-noord-oost",
                     .theme = "housing",
                     .name = "Groupe de travail logement",
                     .purpose = "Outiller les professionnels.",
                     .organisations = {"CPAS de Schaerbeek"},
                     .people = {"Claire Dubois (CPAS de Schaerbeek)"},
                     .language = Language::kFr,
                     .demo = false};
  auto id = store_->Add(group, context_);
  ASSERT_TRUE(id) << id.error().message();
  group.id = *id;
  EXPECT_EQ(*store_->FindGroup(*id), group);
  EXPECT_EQ(store_->Groups("zorgzone-noord-oost")->size(), 1u);
  EXPECT_TRUE(store_->Groups("zorgzone-zuid")->empty());
  ActionLine line;
  line.zone_id = "zorgzone-noord-oost";
  line.theme = "housing";
  line.title = "Un village logement";
  line.working_group_id = *id;
  auto line_id = store_->Add(line, context_);
  ASSERT_TRUE(line_id) << line_id.error().message();
  EXPECT_EQ(store_->FindActionLine(*line_id)->working_group_id, *id);
  line.zone_id = "zorgzone-zuid";
  EXPECT_EQ(store_->Problems(line)->front().field, "working_group") << "another zone's group";
  Consultation meeting = FoodMeeting();
  meeting.kind = MeetingKind::kWorkingGroup;
  meeting.working_group_id = *id;
  auto meeting_id = store_->Add(meeting, context_);
  ASSERT_TRUE(meeting_id) << meeting_id.error().message();
  EXPECT_EQ(store_->Find(*meeting_id)->working_group_id, *id);
  group.people.push_back("Marc Lenoir (Habitat et Humanisme)");
  group.purpose = "Outiller les professionnels non spécialisés.";
  ASSERT_TRUE(store_->Update(group, context_));
  EXPECT_EQ(*store_->FindGroup(*id), group);
  group.name.clear();
  EXPECT_FALSE(store_->Add(group, context_));
  EXPECT_EQ(store_->Update(group, context_).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->FindGroup(*id)->name, "Groupe de travail logement");
}

TEST_P(ConsultationsStorageTest, AMunicipalityOutsideTheZoneOrAnUnknownZoneIsRefused) {
  Consultation meeting = FoodMeeting();
  meeting.signals[0].areas = {"23027"};  // Halle, in Zennevallei.
  auto problems = store_->Problems(meeting);
  ASSERT_TRUE(problems);
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_EQ(problems->front().field, "signals[1].areas");
  auto refused = store_->Add(meeting, context_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  meeting = FoodMeeting();
  meeting.zone_id = "zorgzone-atlantis";
  EXPECT_EQ(store_->Problems(meeting)->front().field, "zone");
  EXPECT_TRUE(store_->List({})->empty()) << "nothing was written";
  EXPECT_EQ(AuditCount("consultation"), 0);
}

TEST_P(ConsultationsStorageTest, AnActionLineAnswersSignalsAndItsStatusIsAudited) {
  auto meeting_id = store_->Add(FoodMeeting(), context_);
  ASSERT_TRUE(meeting_id);
  const Consultation meeting = *store_->Find(*meeting_id);
  ActionLine line;
  line.zone_id = "zorgzone-noord-oost";
  line.consultation_id = *meeting_id;
  line.theme = "food";
  line.title = "Un répertoire de l'aide alimentaire";
  line.status = ActionStatus::kPlanned;
  line.owner = "Bassin Nord-Est";
  line.signal_ids = {meeting.signals[1].id};
  line.language = Language::kFr;
  auto line_id = store_->Add(line, context_);
  ASSERT_TRUE(line_id) << line_id.error().message();
  ASSERT_TRUE(store_->SetStatus(*line_id, ActionStatus::kRunning, context_));
  auto found = store_->FindActionLine(*line_id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, ActionStatus::kRunning);
  EXPECT_EQ(found->signal_ids, line.signal_ids);
  EXPECT_EQ(AuditCount("action_line"), 2);
  const std::vector<Consultation> meetings = *store_->List({.zone_id = "zorgzone-noord-oost", .year = 2025});
  const std::vector<ActionLine> lines = *store_->ActionLines("zorgzone-noord-oost");
  const Synthesis synthesis = Synthesize(meetings, lines, {});
  EXPECT_EQ(synthesis.without_answer, 1u);
  EXPECT_EQ(synthesis.by_outcome.at(ActionStatus::kRunning), 1u);
  // A signal of another zone cannot be answered here.
  line.zone_id = "zorgzone-zuid";
  line.consultation_id.clear();
  EXPECT_EQ(store_->Problems(line)->front().field, "signals");
  EXPECT_EQ(store_->SetStatus("nothing", ActionStatus::kDone, context_).error().code(), ErrorCode::kNotFound);
  // Reworked: it answers the other signal now and an initiative carries it out.
  ActionLine reworked = *found;
  reworked.signal_ids = {meeting.signals[0].id};
  reworked.initiative_ids = {"ateliers-cuisine-evere"};
  reworked.owner = "CPAS d'Evere";
  ASSERT_TRUE(store_->Update(reworked, context_));
  EXPECT_EQ(*store_->FindActionLine(*line_id), reworked);
  EXPECT_EQ(AuditCount("action_line"), 3);
  reworked.zone_id = "zorgzone-zuid";
  EXPECT_EQ(store_->Update(reworked, context_).error().code(), ErrorCode::kInvalidArgument) << "stays in its zone";
  reworked = *found;
  reworked.signal_ids = {"no-such-signal"};
  EXPECT_EQ(store_->Update(reworked, context_).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->FindActionLine(*line_id)->owner, "CPAS d'Evere") << "nothing half-saved";
}

TEST_P(ConsultationsStorageTest, AddingASignalKeepsTheOthersAndIsAudited) {
  auto id = store_->Add(FoodMeeting(), context_);
  ASSERT_TRUE(id);
  auto added = store_->AddSignal(*id,
                                 Signal{.id = "",
                                        .kind = SignalKind::kNeed,
                                        .theme = "housing",
                                        .target_groups = {"single_parent_families"},
                                        .areas = {},
                                        .description = "Logements insalubres.",
                                        .quote = ""},
                                 context_);
  ASSERT_TRUE(added) << added.error().message();
  const Consultation after = *store_->Find(*id);
  ASSERT_EQ(after.signals.size(), 3u);
  EXPECT_EQ(after.signals[2].id, *added);
  EXPECT_EQ(after.signals[2].theme, "housing");
  EXPECT_EQ(AuditCount("consultation"), 2);
  EXPECT_FALSE(store_->AddSignal(*id,
                                 Signal{.id = "",
                                        .kind = SignalKind::kNeed,
                                        .theme = "weather",
                                        .target_groups = {},
                                        .areas = {},
                                        .description = "x",
                                        .quote = ""},
                                 context_));
  EXPECT_EQ(store_->Find(*id)->signals.size(), 3u);
}

TEST_P(ConsultationsStorageTest, AMeetingIsCorrectedAndItsSignalsKeepTheirIds) {
  auto id = store_->Add(FoodMeeting(), context_);
  ASSERT_TRUE(id);
  Consultation meeting = *store_->Find(*id);
  const std::string first = meeting.signals[0].id;
  meeting.title = "Voedselhulp in Evere";
  meeting.signals[0].description = "Herschreven";
  meeting.signals.push_back(Signal{.id = "",
                                   .kind = SignalKind::kNeed,
                                   .theme = "food",
                                   .target_groups = {},
                                   .areas = {},
                                   .description = "Nog een nood",
                                   .quote = ""});
  ASSERT_TRUE(store_->Update(meeting, context_));
  const Consultation after = *store_->Find(*id);
  EXPECT_EQ(after.title, "Voedselhulp in Evere");
  EXPECT_EQ(after.signals[0].id, first);
  EXPECT_EQ(after.signals[0].description, "Herschreven");
  ASSERT_EQ(after.signals.size(), meeting.signals.size());
  EXPECT_FALSE(after.signals.back().id.empty());
  // A signal taken away or out of order, or a meeting moved to another zone: refused whole.
  Consultation fewer = after;
  fewer.signals.pop_back();
  EXPECT_EQ(store_->Update(fewer, context_).error().code(), ErrorCode::kInvalidArgument);
  Consultation swapped = after;
  std::swap(swapped.signals[0], swapped.signals[1]);
  EXPECT_EQ(store_->Update(swapped, context_).error().code(), ErrorCode::kInvalidArgument);
  Consultation moved = after;
  moved.zone_id = "zorgzone-zuid";
  EXPECT_EQ(store_->Update(moved, context_).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(*store_->Find(*id), after);
}

TEST_P(ConsultationsStorageTest, TheDemoFileImportsWholeAndASecondTimeNotAtAll) {
  vocabulary_ = testing::ShippedVocabulary();
  const std::string content = testing::RepositoryFile("data/demo/consultations.json");
  auto report = ImportFile(*store_, "consultations.json", content, false, kTester);
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->ok()) << report->Describe();
  auto meetings = store_->List({});
  ASSERT_TRUE(meetings);
  const Synthesis brussels = Synthesize(*store_->List({.zone_id = "", .year = 2025}), *store_->ActionLines(""), {});
  EXPECT_EQ(brussels.meetings, 16u) << "the 2025 synthesis of the Brussels zones: 16 meetings";
  EXPECT_EQ(brussels.zones, 5u);
  EXPECT_EQ(store_->List({.zone_id = "elz-zennevallei", .year = 2024})->size(), 3u) << "three round tables";
  EXPECT_EQ(store_->Groups("")->size(), 3u);
  EXPECT_EQ(store_->FindActionLine("al-noord-repertorium-voedselhulp")->working_group_id, "wg-noord-voeding");
  auto again = ImportFile(*store_, "consultations.json", content, false, kTester);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->ok()) << "the same ids twice";
  EXPECT_EQ(store_->List({})->size(), meetings->size());
}

TEST_P(ConsultationsStorageTest, ABadFileImportsNothingAndNamesEveryProblem) {
  const std::string content = R"({
    "consultations": [
      {"id": "m1", "zone": "zorgzone-noord", "held_on": "2025-02-31", "kind": "thematic", "theme": "food",
       "title": "Voeding", "signals": [{"id": "s1", "kind": "need", "theme": "food", "description": "x"}]},
      {"id": "m2", "zone": "zorgzone-noord", "held_on": "2025-03-01", "kind": "party", "theme": "food",
       "title": "Voeding", "signals": [{"id": "s1", "kind": "wish", "theme": "food", "description": ""}]}
    ],
    "action_lines": [
      {"id": "a1", "zone": "zorgzone-noord", "theme": "food", "title": "X", "status": "someday", "signals": ["s9"]}
    ]})";
  auto report = ImportFile(*store_, "bad.json", content, false, kTester);
  ASSERT_TRUE(report);
  std::vector<std::string> named;
  for (const geo::ImportProblem& problem : report->problems) named.push_back(problem.location + "/" + problem.field);
  for (const char* expected : {"consultation 1/held_on", "consultation 2/kind", "consultation 2 signal 1/kind",
                               "consultation 2/id", "consultation 2/signals[1].description", "action line 1/status"}) {
    EXPECT_NE(std::find(named.begin(), named.end(), expected), named.end()) << expected << " in " << report->Describe();
  }
  EXPECT_TRUE(store_->List({})->empty());
  // A good meeting with an action line answering a signal that is not in the file.
  const std::string dangling = R"({
    "consultations": [{"id": "m1", "zone": "zorgzone-noord", "held_on": "2025-03-01", "kind": "thematic",
       "theme": "food", "title": "Voeding", "signals": [{"id": "s1", "kind": "need", "theme": "food", "description": "x"}]}],
    "action_lines": [{"id": "a1", "zone": "zorgzone-noord", "theme": "food", "title": "X", "status": "idea",
       "signals": ["s1", "s2"]}]})";
  report = ImportFile(*store_, "dangling.json", dangling, false, kTester);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->ok());
  EXPECT_TRUE(store_->List({})->empty()) << "the meeting was not kept either";
  EXPECT_TRUE(store_->ActionLines("")->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultationsStorageTest, ::testing::ValuesIn(testing::Engines()),
                         testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::consultations
