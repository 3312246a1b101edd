#include "platform/expressions/evaluator.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace zoneatlas::expressions {
namespace {

TEST(EvaluatorTest, ComparesNamedNumbersWithTheCurrentSlots) {
  Evaluator evaluator({"household.income", "household.members", "vt.grens", "vt.per_lid"});
  auto rule = evaluator.Add("household.income < vt.grens + (household.members - 1) * vt.per_lid");
  ASSERT_TRUE(rule.has_value()) << rule.error().message();
  auto slots = evaluator.slots();
  slots[1] = 2;
  slots[2] = 25630.67;
  slots[3] = 4744.94;
  slots[0] = 30375.60;
  EXPECT_EQ(evaluator.Evaluate(*rule), 1.0);
  slots[0] = 30375.61;  // Exactly at the threshold: "lager dan" is false.
  EXPECT_EQ(evaluator.Evaluate(*rule), 0.0);
}

TEST(EvaluatorTest, NamesTheVariablesAnExpressionReads) {
  Evaluator evaluator({"a", "b", "c"});
  auto rule = evaluator.Add("c >= 3 && a == 1");
  ASSERT_TRUE(rule.has_value());
  EXPECT_EQ(std::vector<int>(evaluator.Reads(*rule).begin(), evaluator.Reads(*rule).end()), (std::vector<int>{0, 2}));
}

TEST(EvaluatorTest, AFixedSlotIsTheConstantItHeldForExpressionsAddedAfter) {
  Evaluator evaluator({"household.income", "vt.grens"});
  auto slots = evaluator.slots();
  slots[1] = 25630.67;
  auto before = evaluator.Add("household.income < vt.grens");
  evaluator.Fix(1);
  auto after = evaluator.Add("household.income < vt.grens");
  ASSERT_TRUE(before.has_value() && after.has_value());
  EXPECT_EQ(std::vector<int>(evaluator.Reads(*after).begin(), evaluator.Reads(*after).end()), (std::vector<int>{0}));
  slots[0] = 26000;
  slots[1] = 30000;  // Only the expression added before Fix sees the change.
  EXPECT_EQ(evaluator.Evaluate(*before), 1.0);
  EXPECT_EQ(evaluator.Evaluate(*after), 0.0);
}

TEST(EvaluatorTest, RefusesUnknownNamesAndBadSyntaxWithThePosition) {
  Evaluator evaluator({"household.income"});
  auto unknown = evaluator.Add("household.incme < 3");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message().find("household.incme"), std::string::npos) << unknown.error().message();
  auto syntax = evaluator.Add("household.income < ");
  ASSERT_FALSE(syntax.has_value());
  EXPECT_EQ(syntax.error().code(), ErrorCode::kInvalidArgument);
}

TEST(EvaluatorTest, KeepsItsExpressionsWhenMoved) {
  Evaluator first({"x"});
  auto rule = first.Add("x * 2");
  ASSERT_TRUE(rule.has_value());
  Evaluator moved = std::move(first);
  moved.slots()[0] = 21;
  EXPECT_EQ(moved.Evaluate(*rule), 42.0);
}

}  // namespace
}  // namespace zoneatlas::expressions
