// Accessibility reports are kept, and their arrival is in the audit trail without the
// reporter's contact details; on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "accessibility/accessibility.hpp"
#include "audit/audit.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::accessibility {
namespace {

class AccessibilityReportsTest : public ::testing::TestWithParam<db::Engine> {};

TEST_P(AccessibilityReportsTest, ReportsAreKeptAndAudited) {
  std::string skip_reason;
  auto test = testing::TestDatabase::Create(GetParam(), skip_reason);
  if (!test) GTEST_SKIP() << skip_reason;
  const Report report{"2026-11-22T20:40:00Z", "/fr/zones/elz-zennevallei", "Le contraste est trop faible.",
                      "lecteur@example.org", Language::kFr};
  ASSERT_TRUE(SaveReport(test->database(), report));
  auto reports = Reports(test->database());
  ASSERT_TRUE(reports);
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].description, "Le contraste est trop faible.");
  EXPECT_EQ((*reports)[0].language, Language::kFr);
  auto history = audit::History(test->database(), "accessibility_report", report.reported_at);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].action, "create");
  EXPECT_EQ((*history)[0].actor.id, "public");
  EXPECT_EQ((*history)[0].after->find("lecteur@example.org"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccessibilityReportsTest, ::testing::ValuesIn(testing::Engines()),
                         testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::accessibility
