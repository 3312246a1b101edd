#include "rights/batch.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "platform/formats/csv.hpp"

namespace zoneatlas::rights {
namespace {

Date Day(std::string_view text) { return *Date::Parse(text); }

TEST(BatchTest, WritesOneRowPerHouseholdAndRight) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  auto messages = view::Catalog::Load();
  ASSERT_TRUE(messages.has_value());
  std::istringstream input(
      "household_id;person_id;role;birth_date;gross_taxable_income;income_kind;statuses;municipality_nis;remark\n"
      "h1;p1;applicant;1984-03-01;20000;work;;23027;ignored\n"
      "h2;p2;applicant;1950-01-01;9000;pension;\"igo;oil_heating\";21004;\n"
      "h2;p3;partner;1952-01-01;;pension;;21004;\n");
  std::ostringstream output;
  auto counts = ScreenBatch(input, output, *catalog, *messages, Day("2024-06-01"), Language::kNl);
  ASSERT_TRUE(counts.has_value()) << counts.error().message();
  EXPECT_EQ(counts->households, 2);
  EXPECT_EQ(counts->persons, 3);
  auto table = formats::ParseCsv(output.str());
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->header,
            (std::vector<std::string>{"household_id", "right_id", "outcome", "reason", "missing_facts"}));
  ASSERT_EQ(table->records.size(), 2 * catalog->rights().size());
  EXPECT_EQ(table->records.front().fields[1], "leefloon") << "income-raising rights first";
  bool found = false;
  for (const auto& record : table->records) {
    if (record.fields[0] == "h2" && record.fields[1] == "verhoogde_tegemoetkoming") {
      found = true;
      EXPECT_EQ(record.fields[2], "likely");
      EXPECT_NE(record.fields[3].find("IGO"), std::string::npos) << record.fields[3];
    }
  }
  EXPECT_TRUE(found);
}

TEST(BatchTest, NamesEveryBadRowAndColumn) {
  std::istringstream input(
      "household_id,person_id,role,birth_date,gross_taxable_income,income_kind,statuses,municipality_nis\n"
      "h1,p1,applicant,2030-01-01,-5,salary,lefloon,2302\n"
      "h2,p2,partner,1980-01-01,100,work,,23027\n"
      "h3,p3,applicant,1980-02-30,abc,work,,23027\n"
      "h1,p4,child,,,,,\n");
  auto checked = CheckBatch(input, Day("2024-06-01"));
  ASSERT_FALSE(checked.has_value());
  const std::string& message = checked.error().message();
  for (const char* expected :
       {"line 2, column birth_date: 2030-01-01 is after the screening date",
        "line 2, column gross_taxable_income: -5 is negative", "line 2, column income_kind: 'salary'",
        "line 2, column statuses: 'lefloon'", "line 2, column municipality_nis: '2302'",
        "line 3, column role: household h2 has 0 applicants", "line 4, column birth_date: '1980-02-30'",
        "line 4, column gross_taxable_income: 'abc'", "line 5, column household_id: appears again"}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n" << message;
  }
}

TEST(BatchTest, TheIncomeNowIsCheckedAndCounts) {
  std::istringstream bad(
      "household_id,person_id,role,birth_date,gross_taxable_income,current_monthly_income,income_kind\n"
      "h1,p1,applicant,1960-01-01,20000,veel,pension\n"
      "h2,p2,applicant,1960-01-01,20000,-1,pension\n"
      "h3,p3,applicant,1960-01-01,20000,17000,pension\n");
  auto checked = CheckBatch(bad, Day("2026-12-07"));
  ASSERT_FALSE(checked.has_value());
  for (const char* expected : {"line 2, column current_monthly_income: 'veel' is not an amount in euro a month",
                               "line 3, column current_monthly_income: -1 is negative",
                               "line 4, column current_monthly_income: 17000 a month is more than ten times"}) {
    EXPECT_NE(checked.error().message().find(expected), std::string::npos) << checked.error().message();
  }
  // A new pensioner: last year's wage is far above the leefloon, the pension now is not.
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  auto messages = view::Catalog::Load();
  ASSERT_TRUE(messages.has_value());
  std::istringstream input(
      "household_id,person_id,role,birth_date,gross_taxable_income,current_monthly_income,income_kind,statuses\n"
      "h1,p1,applicant,1960-01-01,32000,900,pension,\n");
  std::ostringstream output;
  ASSERT_TRUE(ScreenBatch(input, output, *catalog, *messages, Day("2026-12-07"), Language::kNl).has_value());
  auto table = formats::ParseCsv(output.str());
  ASSERT_TRUE(table.has_value());
  for (const auto& record : table->records) {
    if (record.fields[1] != "leefloon") continue;
    EXPECT_EQ(record.fields[2], "possible") << record.fields[3];
    EXPECT_NE(record.fields[3].find("10.800,00 € per jaar"), std::string::npos) << record.fields[3];
  }
}

TEST(BatchTest, RequiresTheIdentifyingColumns) {
  std::istringstream input("household_id,role\nh1,applicant\n");
  auto checked = CheckBatch(input, Day("2024-06-01"));
  ASSERT_FALSE(checked.has_value());
  EXPECT_NE(checked.error().message().find("person_id"), std::string::npos);
}

}  // namespace
}  // namespace zoneatlas::rights
