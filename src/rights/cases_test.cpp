// The worked cases of tests/cases/rights/screening.json: households derived by hand from
// the official criteria (../shared/rights.md), each with the outcome and reason the
// screening must give and, in "why", the arithmetic behind it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "rights/catalog.hpp"
#include "rights/explain.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {
namespace json = boost::json;

Household HouseholdOf(const json::object& worked) {
  Household household;
  household.id = std::string(worked.at("name").as_string());
  if (const auto* nis = worked.if_contains("municipality_nis")) household.municipality_nis = nis->to_number<int>();
  int number = 0;
  for (const json::value& item : worked.at("members").as_array()) {
    const json::object& member = item.as_object();
    Person person;
    person.id = std::to_string(++number);
    person.role = *ParseRole(std::string_view(member.at("role").as_string()));
    if (const auto* born = member.if_contains("birth_date")) {
      person.birth_date = *Date::Parse(std::string_view(born->as_string()));
    }
    if (const auto* income = member.if_contains("income")) person.gross_taxable_income = income->to_number<double>();
    if (const auto* now = member.if_contains("current_monthly_income")) {
      person.current_monthly_income = now->to_number<double>();
    }
    if (const auto* kind = member.if_contains("income_kind")) {
      person.income_kind = *ParseIncomeKind(std::string_view(kind->as_string()));
    }
    if (const auto* statuses = member.if_contains("statuses")) {
      StatusSet set = 0;
      for (const json::value& word : statuses->as_array()) {
        const auto status = ParseStatus(std::string_view(word.as_string()));
        EXPECT_TRUE(status.has_value()) << word;
        if (status) set |= StatusSet{1} << static_cast<int>(*status);
      }
      person.statuses = set;
    }
    household.members.push_back(std::move(person));
  }
  return household;
}

TEST(WorkedCasesTest, EveryCaseGetsItsOutcomeAndReason) {
  std::ifstream file(std::string(ZONEATLAS_CASES_DIR) + "/screening.json");
  ASSERT_TRUE(file) << "tests/cases/rights/screening.json is missing";
  std::stringstream text;
  text << file.rdbuf();
  const json::array cases = json::parse(text.str()).as_array();
  ASSERT_GE(cases.size(), 40U);
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  auto messages = view::Catalog::Load();
  ASSERT_TRUE(messages.has_value());
  std::vector<RightResult> results;
  for (const json::value& item : cases) {
    const json::object& worked = item.as_object();
    const std::string name(worked.at("name").as_string());
    SCOPED_TRACE(name + " — " + std::string(worked.at("why").as_string()));
    const Date date = *Date::Parse(std::string_view(worked.at("date").as_string()));
    auto screener = Screener::Create(*catalog, date);
    ASSERT_TRUE(screener.has_value());
    const Household household = HouseholdOf(worked);
    screener->Screen(ComputeFacts(household, date), results);
    for (const json::value& expected_value : worked.at("expect").as_array()) {
      const json::object& expected = expected_value.as_object();
      const std::string right_id(expected.at("right").as_string());
      const Right* right = catalog->Find(right_id);
      ASSERT_NE(right, nullptr) << right_id;
      const RightResult& result = results[right - catalog->rights().data()];
      const std::string reason = Reason(*screener, *messages, *right, result, Language::kNl);
      EXPECT_EQ(OutcomeName(result.outcome), std::string_view(expected.at("outcome").as_string()))
          << right_id << ": " << reason;
      if (const auto* fragment = expected.if_contains("reason")) {
        EXPECT_NE(reason.find(std::string_view(fragment->as_string())), std::string::npos)
            << right_id << ": " << reason;
      }
      if (const auto* missing = expected.if_contains("missing")) {
        std::vector<std::string> wanted;
        for (const json::value& field : missing->as_array()) wanted.emplace_back(field.as_string());
        EXPECT_EQ(MissingInputs(result), wanted) << right_id;
      }
    }
  }
}

}  // namespace
}  // namespace zoneatlas::rights
