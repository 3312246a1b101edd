// The inventory against SQLite and PostgreSQL: initiatives with their outcomes read back
// whole, and the all-or-nothing import of a file.
#include <gtest/gtest.h>

#include "initiatives/import.hpp"
#include "initiatives/store.hpp"
#include "tests/support/shipped_vocabulary.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::initiatives {
namespace {

using testing::TestDatabase;

const audit::Actor kTester{"test", "the test suite"};

class InitiativesStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    ASSERT_TRUE(testing::LoadDemoGeography(test_->database()));
    geography_ = std::make_unique<geo::Store>(test_->database());
    store_ = std::make_unique<Store>(test_->database(), *geography_, vocabulary_);
  }

  std::unique_ptr<TestDatabase> test_;
  Vocabulary vocabulary_ = testing::ShippedVocabulary();
  std::unique_ptr<geo::Store> geography_;
  std::unique_ptr<Store> store_;
};

TEST_P(InitiativesStorageTest, TheDemoInventoryReadsBackWithItsOutcomes) {
  auto report =
      ImportFile(*store_, "initiatives.json", testing::RepositoryFile("data/demo/initiatives.json"), false, kTester);
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->ok()) << report->Describe();
  auto found = store_->Find("darmkanker-op-maat-zennevallei");
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(found->strategy, Strategy::kAwareness);
  EXPECT_EQ(found->evidence, Evidence::kSome);
  EXPECT_EQ(found->areas, (std::vector<std::string>{"23027", "23077"}));
  EXPECT_EQ(found->budget, 12000);
  ASSERT_EQ(found->outcomes.size(), 2u);
  EXPECT_EQ(found->outcomes[0].indicator, "screen_colorectal");
  EXPECT_EQ(found->outcomes[0].achieved, 46.5);
  EXPECT_EQ(found->outcomes[1].reach, 340);
  EXPECT_FALSE(found->outcomes[1].baseline);
  EXPECT_EQ(store_->List("elz-zennevallei")->size(), 4u);
  const std::vector<Initiative> evere = *store_->List("zorgzone-noord-oost");
  const Initiative& fresh =
      *std::find_if(evere.begin(), evere.end(), [](const Initiative& i) { return i.id == "colis-frais-schaerbeek"; });
  EXPECT_EQ(Similar(fresh, evere).size(), 1u) << "the cooking workshops in Evere overlap in place and time";
  auto again =
      ImportFile(*store_, "initiatives.json", testing::RepositoryFile("data/demo/initiatives.json"), false, kTester);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->ok());
}

TEST_P(InitiativesStorageTest, AGoalIsAddedThenChangedWithinItsZone) {
  const audit::Context context{kTester};
  Goal goal{.id = "",
            .zone_id = "elz-zennevallei",
            .title = "Gezonde schoolomgeving",
            .description = "",
            .from_year = 2026,
            .until_year = 2030,
            .language = Language::kNl,
            .demo = false};
  auto id = store_->SaveGoal(goal, context);
  ASSERT_TRUE(id) << id.error().message();
  goal.id = *id;
  goal.title = "Een gezonde schoolomgeving";
  goal.until_year = 2031;
  ASSERT_TRUE(store_->SaveGoal(goal, context));
  auto found = store_->FindGoal("elz-zennevallei", *id);
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, goal);
  EXPECT_EQ(store_->Goals("elz-zennevallei")->size(), 1u);
  goal.until_year = 2020;
  EXPECT_EQ(store_->SaveGoal(goal, context).error().code(), ErrorCode::kInvalidArgument);
  goal.until_year = 2031;
  goal.zone_id = "zorgzone-noord";
  EXPECT_EQ(store_->SaveGoal(goal, context).error().code(), ErrorCode::kNotFound) << "not a goal of that zone";
  EXPECT_EQ(store_->FindGoal("elz-zennevallei", *id)->until_year, 2031);
  // Removed only when no initiative serves it.
  Initiative serving;
  serving.zone_id = "elz-zennevallei";
  serving.goal_id = *id;
  serving.title = "Rookvrije schoolpoorten";
  serving.theme = "prevention_screening";
  serving.from = *Date::Parse("2026-09-01");
  auto initiative = store_->Add(serving, context);
  ASSERT_TRUE(initiative) << initiative.error().message();
  EXPECT_EQ(store_->RemoveGoal("elz-zennevallei", *id, context).error().code(), ErrorCode::kFailedPrecondition);
  serving = *store_->Find(*initiative);
  serving.goal_id.clear();
  ASSERT_TRUE(store_->Update(serving, context));
  ASSERT_TRUE(store_->RemoveGoal("elz-zennevallei", *id, context));
  EXPECT_EQ(store_->FindGoal("elz-zennevallei", *id).error().code(), ErrorCode::kNotFound);
}

TEST_P(InitiativesStorageTest, ABadFileImportsNothingAndNamesEveryProblem) {
  const std::string content = R"({"initiatives": [
    {"id": "a", "zone": "elz-zennevallei", "title": "A", "theme": "food", "strategy": "awareness", "from": "2025-01-01",
     "areas": ["21013"], "outcomes": [{"label": "x", "target": "veel"}]},
    {"id": "b", "zone": "elz-zennevallei", "title": "B", "theme": "food", "strategy": "hope", "from": "2025-02-30",
     "evidence": "strong"}]})";
  auto report = ImportFile(*store_, "bad.json", content, false, kTester);
  ASSERT_TRUE(report);
  std::vector<std::string> named;
  for (const geo::ImportProblem& problem : report->problems) named.push_back(problem.location + "/" + problem.field);
  for (const char* expected : {"initiative 1/areas", "initiative 1 outcome 1/target", "initiative 2/strategy",
                               "initiative 2/from", "initiative 2/evidence"}) {
    EXPECT_NE(std::find(named.begin(), named.end(), expected), named.end()) << expected << " in " << report->Describe();
  }
  EXPECT_TRUE(store_->List("")->empty());
}

// The multi-year plan: goals read back in order, initiatives keep the goal they serve, and a
// goal of another zone's plan, or none at all, is named as a problem with nothing written.
TEST_P(InitiativesStorageTest, ThePlansGoalsReadBackAndAnInitiativeServesAGoalOfItsOwnZone) {
  auto report =
      ImportFile(*store_, "initiatives.json", testing::RepositoryFile("data/demo/initiatives.json"), false, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : report.error().message());
  auto goals = store_->Goals("elz-zennevallei");
  ASSERT_TRUE(goals);
  ASSERT_EQ(goals->size(), 3u);
  EXPECT_EQ(goals->front().from_year, 2025);
  EXPECT_EQ(goals->front().until_year, 2030);
  EXPECT_EQ(store_->Find("buurtmaaltijd-spl")->goal_id, "zv-plan-eenzaamheid");
  const std::string wrong = R"({"goals": [{"id": "g", "zone": "elz-zennevallei", "title": "Doel",
                                          "from_year": 2030, "until_year": 2025}],
      "initiatives": [{"id": "i", "zone": "elz-zennevallei", "goal": "no-plan-alimentation", "title": "T",
                       "theme": "food", "strategy": "care", "from": "2026-01-01"},
                      {"id": "j", "zone": "elz-zennevallei", "goal": "g", "title": "T", "theme": "food",
                       "strategy": "care", "from": "2026-01-01"}]})";
  auto refused = ImportFile(*store_, "plan.json", wrong, false, kTester);
  ASSERT_TRUE(refused);
  ASSERT_FALSE(refused->ok());
  const std::string described = refused->Describe();
  EXPECT_NE(described.find("goal 1: years"), std::string::npos) << described;
  EXPECT_NE(described.find("'no-plan-alimentation' is not a goal of elz-zennevallei"), std::string::npos) << described;
  EXPECT_EQ(described.find("initiative 2: goal"), std::string::npos) << "a goal of the same file is known";
  EXPECT_EQ(store_->Goals("elz-zennevallei")->size(), 3u) << "nothing written";
}

INSTANTIATE_TEST_SUITE_P(Engines, InitiativesStorageTest, ::testing::ValuesIn(testing::Engines()),
                         testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::initiatives
