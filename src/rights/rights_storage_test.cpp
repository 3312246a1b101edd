// Reviewed figures of the rights catalog against SQLite and PostgreSQL: proposed by one
// zone editor, published or sent back by another, laid over the shipped catalog.
#include <gtest/gtest.h>

#include "rights/figures.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::rights {
namespace {

using testing::TestDatabase;

FigureProposal LeefloonFigure(double value) {
  FigureProposal proposal;
  proposal.change.parameter_id = "leefloon.alleenstaand";
  proposal.change.value.from = *Date::Parse("2025-03-01");
  proposal.change.value.value = value;
  proposal.change.value.source = "https://www.mi-is.be/";
  proposal.change.value.reliability = Reliability::kOfficial;
  proposal.change.value.decided = *Date::Parse("2025-02-20");
  proposal.change.known_until = *Date::Parse("2025-12-31");
  proposal.note = "spilindex";
  return proposal;
}

class RightsStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
  }

  std::unique_ptr<TestDatabase> test_;
  const audit::Context proposer_{.actor = {"user-1", "zone@zennevallei.be"}, .restore = false, .at = 1'790'000'000};
  const audit::Context reviewer_{.actor = {"user-2", "zone@noord.brussels"}, .restore = false, .at = 1'790'000'100};
};

TEST_P(RightsStorageTest, AFigureIsPublishedBySomeoneElseAndJoinsTheCatalog) {
  Figures figures(test_->database());
  auto id = figures.Propose(LeefloonFigure(1340.48), proposer_);
  ASSERT_TRUE(id) << id.error().message();
  auto pending = figures.Pending();
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1U);
  EXPECT_EQ(pending->front().change.value.value, 1340.48);
  EXPECT_EQ(pending->front().change.value.decided, *Date::Parse("2025-02-20"));
  EXPECT_EQ(pending->front().proposed_by.label, "zone@zennevallei.be");
  auto own = figures.Review(*id, FigureStatus::kPublished, "", proposer_);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code(), ErrorCode::kFailedPrecondition) << "no one reviews their own figure";
  ASSERT_TRUE(figures.Review(*id, FigureStatus::kPublished, "nagekeken", reviewer_));
  EXPECT_FALSE(figures.Review(*id, FigureStatus::kSentBack, "", reviewer_)) << "reviewed once";
  auto published = figures.Published();
  ASSERT_TRUE(published);
  ASSERT_EQ(published->size(), 1U);
  auto catalog = Catalog::Shipped(*published);
  ASSERT_TRUE(catalog) << catalog.error().message();
  EXPECT_EQ(catalog->FindParameter("leefloon.alleenstaand")->At(*Date::Parse("2025-06-01"))->value, 1340.48);
  auto history = test_->database().WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT action FROM audit_log WHERE entity_type = 'rights_figure' ORDER BY id");
  });
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ(history->at(0).Text(0), "create");
  EXPECT_EQ(history->at(1).Text(0), "update");
}

TEST_P(RightsStorageTest, ASentBackFigureChangesNothing) {
  Figures figures(test_->database());
  auto id = figures.Propose(LeefloonFigure(9999), proposer_);
  ASSERT_TRUE(id);
  ASSERT_TRUE(figures.Review(*id, FigureStatus::kSentBack, "dat bedrag klopt niet", reviewer_));
  auto found = figures.Find(*id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, FigureStatus::kSentBack);
  EXPECT_EQ(found->review_comment, "dat bedrag klopt niet");
  EXPECT_TRUE(figures.Published()->empty());
  EXPECT_TRUE(figures.Pending()->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, RightsStorageTest, ::testing::ValuesIn(testing::Engines()), testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::rights
