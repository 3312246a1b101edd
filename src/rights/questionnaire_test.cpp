#include "rights/questionnaire.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "platform/view/view.hpp"

namespace zoneatlas::rights {
namespace {

Date Day(std::string_view text) { return *Date::Parse(text); }

TEST(QuestionnaireTest, AmountsAreReadAsPeopleWriteThem) {
  EXPECT_EQ(text::ParseEuro("25.000", Language::kNl), 25000);
  EXPECT_EQ(text::ParseEuro("25.000,50", Language::kFr), 25000.5);
  EXPECT_EQ(text::ParseEuro("18500", Language::kNl), 18500);
  EXPECT_EQ(text::ParseEuro("€ 1 200,75", Language::kNl), 1200.75);
  EXPECT_EQ(text::ParseEuro("25,000.50", Language::kEn), 25000.5);
  EXPECT_EQ(text::ParseEuro("1\u00a0200,75", Language::kFr), 1200.75) << "a no-break space between thousands";
  EXPECT_EQ(text::ParseEuro(view::FormatNumber(1234567.5, 2, Language::kFr), Language::kFr), 1234567.5)
      << "what FormatNumber writes in French reads back";
  EXPECT_FALSE(text::ParseEuro("25.00", Language::kNl).has_value()) << "a dot that is not a thousands separator";
  EXPECT_FALSE(text::ParseEuro("veel", Language::kNl).has_value());
  EXPECT_FALSE(text::ParseEuro("-5", Language::kNl).has_value());
  EXPECT_FALSE(text::ParseEuro("inf", Language::kNl).has_value());
}

TEST(QuestionnaireTest, AnswersDescribeTheHousehold) {
  Answers answers;
  answers.postcode = "1500";
  answers.age = "40";
  answers.income = "18.500";
  answers.income_kind = "work";
  answers.partner = true;
  answers.partner_age = "38";
  answers.minor_children = "2";
  answers.statuses_answered = true;
  answers.statuses = {"tenant"};
  const Interpretation interpretation = Interpret(answers, Day("2024-06-01"), Language::kNl);
  ASSERT_TRUE(interpretation.problems.empty());
  const Household& household = interpretation.household;
  ASSERT_EQ(household.members.size(), 4U);
  EXPECT_EQ(household.region, Region::kFlanders);
  const FactValues facts = ComputeFacts(household, Day("2024-06-01"));
  EXPECT_EQ(facts.values[FindFact("applicant.age")], 40);
  EXPECT_EQ(facts.values[FindFact("household.minor_children")], 2);
  EXPECT_EQ(facts.values[FindFact("status.tenant")], 1);
  EXPECT_TRUE(facts.Known(FindFact("status.owner"))) << "what is not ticked does not apply";
  EXPECT_FALSE(facts.Known(FindFact("household.income"))) << "the partner's income was left empty";
}

TEST(QuestionnaireTest, SaysWhichAnswerIsWrong) {
  Answers answers;
  answers.age = "140";
  answers.income = "-3";
  answers.postcode = "99";
  answers.minor_children = "veel";
  answers.date = "2024-02-30";
  const Interpretation interpretation = Interpret(answers, Day("2024-06-01"), Language::kNl);
  std::vector<std::string> fields;
  for (const AnswerProblem& problem : interpretation.problems) fields.push_back(problem.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"date", "postcode", "age", "income", "minor_children"}));
}

TEST(QuestionnaireTest, AnswersTravelInAFormAndBack) {
  Answers answers;
  answers.age = "70";
  answers.partner = true;
  answers.statuses_answered = true;
  answers.statuses = {"igo", "oil_heating"};
  std::multimap<std::string, std::string> form;
  for (const auto& [name, value] : AnswerFields(answers)) form.emplace(name, value);
  const Answers back = ReadAnswers(form);
  EXPECT_EQ(back.age, "70");
  EXPECT_TRUE(back.partner);
  EXPECT_TRUE(back.statuses_answered);
  EXPECT_EQ(back.statuses, answers.statuses);
}

TEST(QuestionnaireTest, TheIncomeNowIsTheCouplesAndChecked) {
  Answers answers;
  answers.age = "66";
  answers.income = "30.000";
  answers.current_income = "1.400";
  answers.partner = true;
  answers.partner_age = "64";
  answers.partner_income = "0";
  const Interpretation interpretation = Interpret(answers, Day("2026-12-07"), Language::kNl);
  ASSERT_TRUE(interpretation.problems.empty());
  const FactValues facts = ComputeFacts(interpretation.household, Day("2026-12-07"));
  EXPECT_EQ(facts.values[FindFact("household.current_income")], 16800);
  EXPECT_EQ(facts.values[FindFact("couple.recent_income")], 16800);
  EXPECT_EQ(facts.values[FindFact("household.income_may_have_dropped")], 0) << "the income now is known";
  EXPECT_EQ(facts.values[FindFact("household.oldest_birth_year")], 1959)
      << "66 on 7 December 2026: born from 8 December 1959 on; the earliest year counts";
  answers.current_income = "30.000";
  const Interpretation yearly = Interpret(answers, Day("2026-12-07"), Language::kNl);
  ASSERT_EQ(yearly.problems.size(), 1U);
  EXPECT_EQ(yearly.problems[0].field, "current_income");
  EXPECT_EQ(yearly.problems[0].message_key, "rights_problem_current_income");
  answers.current_income = "-3";
  EXPECT_EQ(Interpret(answers, Day("2026-12-07"), Language::kNl).problems.at(0).message_key, "rights_problem_income");
}

}  // namespace
}  // namespace zoneatlas::rights
