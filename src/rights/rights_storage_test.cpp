// Reviewed figures of the rights catalog against SQLite and PostgreSQL: proposed by one
// zone editor, published or sent back by another, laid over the shipped catalog.
#include <gtest/gtest.h>

#include "rights/figures.hpp"
#include "rights/rule_changes.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::rights {
namespace {

using testing::TestDatabase;

FigureProposal LeefloonFigure(double value) {
  FigureProposal proposal;
  proposal.change.parameter_id = "leefloon.alleenstaand";
  proposal.change.value.from = *Date::Parse("2026-03-01");
  proposal.change.value.value = value;
  proposal.change.value.source = "https://www.mi-is.be/";
  proposal.change.value.reliability = Reliability::kOfficial;
  proposal.change.value.decided = *Date::Parse("2026-02-20");
  proposal.change.known_until = *Date::Parse("2026-12-31");
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
  EXPECT_EQ(pending->front().change.value.decided, *Date::Parse("2026-02-20"));
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
  EXPECT_EQ(catalog->FindParameter("leefloon.alleenstaand")->At(*Date::Parse("2026-06-01"))->value, 1340.48);
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

// The text a zone editor starts from, with one change made in it.
std::string Changed(std::string_view from, std::string_view to) {
  auto definition = Catalog::ShippedDefinition("leefloon");
  EXPECT_TRUE(definition) << definition.error().message();
  std::string text = definition.value_or("");
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST_P(RightsStorageTest, ARuleChangeIsCheckedWithTheWholeCatalogAndPublishedBySomeoneElse) {
  RuleChanges changes(test_->database());
  // As shipped, the definition reads back as the same right.
  auto shipped = Catalog::ShippedDefinition("leefloon");
  ASSERT_TRUE(shipped);
  auto unchanged = CatalogInForce(test_->database(), std::nullopt, RightChange{"leefloon", *shipped});
  ASSERT_TRUE(unchanged) << unchanged.error().message();
  EXPECT_EQ(unchanged->Find("leefloon")->routes.size(), Catalog::Shipped()->Find("leefloon")->routes.size());
  // A test naming a fact that does not exist is refused, naming the right and the field.
  auto misspelt = CatalogInForce(test_->database(), std::nullopt,
                                 RightChange{"leefloon", Changed("couple.recent_income < leefloon_jaar",
                                                                 "couple.recent_incme < leefloon_jaar")});
  ASSERT_FALSE(misspelt);
  EXPECT_NE(misspelt.error().message().find("right leefloon:"), std::string::npos) << misspelt.error().message();
  EXPECT_NE(misspelt.error().message().find("couple.recent_incme"), std::string::npos) << misspelt.error().message();
  EXPECT_FALSE(CatalogInForce(test_->database(), std::nullopt, RightChange{"leefloon", "{\"id\": \"leefloon\""}))
      << "not JSON";
  EXPECT_FALSE(CatalogInForce(test_->database(), std::nullopt,
                              RightChange{"leefloon", Changed("\"id\": \"leefloon\"", "\"id\": \"andere\"")}))
      << "the id stays";

  const std::string plainer =
      Changed("voor wie te weinig geld heeft om van te leven", "als je te weinig geld hebt om van te leven");
  RuleProposal proposal;
  proposal.change = {"leefloon", plainer};
  proposal.note = "eenvoudiger";
  auto id = changes.Propose(proposal, proposer_);
  ASSERT_TRUE(id) << id.error().message();
  ASSERT_EQ(changes.Pending()->size(), 1U);
  EXPECT_EQ(*changes.DefinitionInForce("leefloon"), *shipped) << "pending changes nothing";
  auto own = changes.Review(*id, FigureStatus::kPublished, "", proposer_);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code(), ErrorCode::kFailedPrecondition) << "no one reviews their own rule";
  ASSERT_TRUE(changes.Review(*id, FigureStatus::kPublished, "goed", reviewer_));
  EXPECT_FALSE(changes.Review(*id, FigureStatus::kSentBack, "", reviewer_)) << "reviewed once";
  EXPECT_EQ(*changes.DefinitionInForce("leefloon"), plainer);
  auto catalog = CatalogInForce(test_->database());
  ASSERT_TRUE(catalog) << catalog.error().message();
  EXPECT_EQ(catalog->Find("leefloon")->explanation.nl,
            "Een inkomen van het OCMW als je te weinig geld hebt om van te leven.");
  EXPECT_EQ(catalog->rights().size(), Catalog::Shipped()->rights().size()) << "replaced, not added";
  auto history = test_->database().WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT action FROM audit_log WHERE entity_type = 'rights_rule' ORDER BY id");
  });
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Engines, RightsStorageTest, ::testing::ValuesIn(testing::Engines()), testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::rights
