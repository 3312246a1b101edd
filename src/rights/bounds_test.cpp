// Screening when a figure has run out: a parameter only ever indexed upwards lies between
// its last figure and the next one (or the largest rise the catalog allows since), and
// the screening answers from those bounds, saying on what it rests.
#include <gtest/gtest.h>

#include <set>

#include "rights/catalog.hpp"
#include "rights/explain.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {

Date Day(std::string_view text) { return *Date::Parse(text); }

// One right, "income under the limit", over a limit of 100 in 2023 and 120 from 2025
// (none known for 2024), known until the end of 2025; a yearly rise of at most 15 %.
std::string TestCatalog(bool indexed_upwards, bool with_rise = true) {
  const std::string marked = indexed_upwards ? R"("indexed_upwards": "https://example.org/index",)" : "";
  const std::string rise = with_rise ? R"({"id": "screening.max_stijging_per_jaar", "unit": "aandeel per jaar",
    "description": {"nl": "s", "fr": "s"}, "known_until": "2099-12-31",
    "values": [{"from": "2000-01-01", "value": 0.15, "source": "zoneatlas: methode", "reliability": "M"}]},)"
                                     : "";
  return R"({"parameters": [)" + rise + R"({"id": "grens", "unit": "EUR/jaar", )" + marked +
         R"( "description": {"nl": "g", "fr": "g"}, "known_until": "2025-12-31", "values": [
      {"from": "2023-01-01", "until": "2023-12-31", "value": 100, "source": "https://example.org", "reliability": "O"},
      {"from": "2025-01-01", "value": 120, "source": "https://example.org", "reliability": "O"}]}],
   "rights": [{"id": "test_recht", "name": {"nl": "n", "fr": "n"}, "explanation": {"nl": "e", "fr": "e"},
    "level": "federal", "theme": "income", "effect": "raises_income", "competent_body": {"nl": "b", "fr": "b"},
    "how_to_apply": {"nl": "h", "fr": "h"}, "social_worker_may_apply": true, "automatic": "no",
    "sources": ["https://example.org"], "routes": [{"name": {"nl": "Laag inkomen", "fr": "r"}, "conditions": [
      {"test": "household.income < grens", "yes": {"nl": "Onder {grens}.", "fr": "oui"},
       "no": {"nl": "Boven {grens}.", "fr": "non"}}]}]}]})";
}

struct Answer {
  Outcome outcome;
  std::string reason;
};

Answer ScreenAt(const Catalog& catalog, std::string_view day, double income) {
  auto screener = Screener::Create(catalog, Day(day));
  EXPECT_TRUE(screener.has_value());
  Household household{
      "h", {{"a", Role::kApplicant, Day("1980-01-01"), income, IncomeKind::kWork, StatusSet{0}, {}}}, 23027, {}};
  std::vector<RightResult> results;
  screener->Screen(ComputeFacts(household, Day(day)), results);
  auto messages = view::Catalog::Load();
  EXPECT_TRUE(messages.has_value());
  return {results[0].outcome, Reason(*screener, *messages, catalog.rights()[0], results[0], Language::kNl)};
}

TEST(IndexedUpwardsTest, InAGapTheFiguresBeforeAndAfterBoundTheAnswer) {
  auto catalog = Catalog::Parse(TestCatalog(true));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  const Answer below = ScreenAt(*catalog, "2024-06-01", 90);
  EXPECT_EQ(below.outcome, Outcome::kLikely) << below.reason;
  EXPECT_NE(below.reason.find("Gebaseerd op de bedragen van 1 januari 2023 (100,00 €)"), std::string::npos)
      << below.reason;
  const Answer between = ScreenAt(*catalog, "2024-06-01", 110);
  EXPECT_EQ(between.outcome, Outcome::kPossible) << between.reason;
  EXPECT_NE(between.reason.find("laat het nakijken"), std::string::npos) << between.reason;
  const Answer above = ScreenAt(*catalog, "2024-06-01", 130);
  EXPECT_EQ(above.outcome, Outcome::kUnlikely) << above.reason;
  EXPECT_NE(above.reason.find("volgende bekende bedrag, van 1 januari 2025"), std::string::npos) << above.reason;
}

TEST(IndexedUpwardsTest, PastTheNewestFigureTheLargestRiseBoundsIt) {
  auto catalog = Catalog::Parse(TestCatalog(true));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  // 2026-06-01 is in the second year since 2025-01-01: at most 120 × 1.15² = 158.70.
  const Answer below = ScreenAt(*catalog, "2026-06-01", 100);
  EXPECT_EQ(below.outcome, Outcome::kLikely) << below.reason;
  EXPECT_NE(below.reason.find("Onder 120,00 €."), std::string::npos)
      << "the last figure, not a guess: " << below.reason;
  EXPECT_NE(below.reason.find("alleen verhoogd"), std::string::npos) << below.reason;
  EXPECT_EQ(ScreenAt(*catalog, "2026-06-01", 158).outcome, Outcome::kPossible);
  const Answer far = ScreenAt(*catalog, "2026-06-01", 159);
  EXPECT_EQ(far.outcome, Outcome::kUnlikely) << far.reason;
  EXPECT_NE(far.reason.find("15 % per jaar, 2 jaar lang: screening.max_stijging_per_jaar"), std::string::npos)
      << far.reason;
  // In its first year the bound is one year's rise: 120 × 1.15 = 138.
  EXPECT_EQ(ScreenAt(*catalog, "2026-01-01", 137).outcome, Outcome::kPossible);
  EXPECT_EQ(ScreenAt(*catalog, "2026-01-01", 139).outcome, Outcome::kUnlikely);
}

TEST(IndexedUpwardsTest, WithoutALargestRiseNothingAboveTheLastFigureIsUnlikely) {
  auto catalog = Catalog::Parse(TestCatalog(true, false));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  EXPECT_EQ(ScreenAt(*catalog, "2030-06-01", 100).outcome, Outcome::kLikely);
  EXPECT_EQ(ScreenAt(*catalog, "2030-06-01", 100000).outcome, Outcome::kPossible);
}

TEST(IndexedUpwardsTest, AParameterNotMarkedStillCannotTell) {
  auto catalog = Catalog::Parse(TestCatalog(false));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  const Answer gap = ScreenAt(*catalog, "2024-06-01", 90);
  EXPECT_EQ(gap.outcome, Outcome::kUnknown) << gap.reason;
  EXPECT_NE(gap.reason.find("nog geen bedrag bekend"), std::string::npos) << gap.reason;
  EXPECT_EQ(ScreenAt(*catalog, "2026-06-01", 90).outcome, Outcome::kUnknown);
  EXPECT_EQ(ScreenAt(*catalog, "2022-06-01", 90).outcome, Outcome::kUnknown)
      << "nothing bounds it before its first figure";
}

TEST(IndexedUpwardsTest, OnlyAmountsInEuroMayBeMarked) {
  std::string text = TestCatalog(true);
  text.replace(text.find(R"("unit": "EUR/jaar")"), 18, R"("unit": "jaar")");
  auto refused = Catalog::Parse(text);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("parameter grens: indexed_upwards"), std::string::npos)
      << refused.error().message();
}

// A rule proposal whose terms use each other twice over would double at every level:
// 30 levels are a thousand million copies. It is refused, not expanded.
TEST(TermsTest, TermsThatGrowExponentiallyOrUseThemselvesAreRefused) {
  std::string terms = R"("terms": {"t0": "household.income")";
  for (int level = 1; level <= 30; ++level) {
    terms += ", \"t" + std::to_string(level) + "\": \"t" + std::to_string(level - 1) + " + t" +
             std::to_string(level - 1) + "\"";
  }
  terms += "},";
  std::string text = TestCatalog(false);
  text.insert(text.find(R"("routes")"), terms);
  text.replace(text.find("household.income < grens"), 24, "t30 < grens");
  const auto refused = Catalog::Parse(text);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("longer than 65536 characters"), std::string::npos)
      << refused.error().message().substr(0, 500);

  std::string itself = TestCatalog(false);
  itself.insert(itself.find(R"("routes")"), R"("terms": {"a": "b + 1", "b": "a * 2"},)");
  itself.replace(itself.find("household.income < grens"), 24, "a < grens");
  const auto cycle = Catalog::Parse(itself);
  ASSERT_FALSE(cycle.has_value());
  EXPECT_NE(cycle.error().message().find("a term uses itself"), std::string::npos) << cycle.error().message();
}

// A household likely on the last day of a figure stays likely or possible the day after,
// for the shipped catalog's figures that run out.
TEST(IndexedUpwardsTest, LikelyOnTheLastDayStaysLikelyOrPossibleTheDayAfter) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  // Each last day of a marked parameter's figure, with the rights whose rules read it (a
  // right whose rules change on the same day, like the sociaal tarief on 2023-07-01, is not
  // about figures).
  std::vector<std::pair<Date, std::set<std::size_t>>> last_days;
  for (const Parameter& parameter : catalog->parameters()) {
    if (parameter.indexed_upwards.empty()) continue;
    std::set<std::size_t> readers;
    for (std::size_t r = 0; r < catalog->rights().size(); ++r) {
      const Right& right = catalog->rights()[r];
      for (const Route& route : right.routes) {
        for (const Condition& condition : route.conditions) {
          for (const std::string& name : NamesIn(Catalog::ExpandTerms(right, condition.test))) {
            if (name == parameter.id) readers.insert(r);
          }
        }
      }
    }
    for (const ParameterValue& value : parameter.values) {
      if (value.until) last_days.emplace_back(*value.until, readers);
    }
    last_days.emplace_back(parameter.NewestEnds(), readers);
  }
  ASSERT_FALSE(last_days.empty()) << "the shipped catalog marks amounts as indexed upwards";
  std::vector<RightResult> before, after;
  for (const auto& [last, readers] : last_days) {
    const Date next = Date::FromDaysSinceEpoch(last.DaysSinceEpoch() + 1);
    auto on_last = Screener::Create(*catalog, last);
    auto on_next = Screener::Create(*catalog, next);
    ASSERT_TRUE(on_last.has_value() && on_next.has_value());
    for (double income = 0; income <= 80000; income += 1000) {
      for (int children = 0; children <= 3; ++children) {
        Household household{"h",
                            {{"a",
                              Role::kApplicant,
                              Day("1950-01-01"),
                              income,
                              IncomeKind::kPension,
                              StatusSet{1} << static_cast<int>(SocialStatus::kOilHeating),
                              {}}},
                            23027,
                            {}};
        for (int child = 0; child < children; ++child) {
          household.members.push_back({"c", Role::kChild, Day("2016-01-01"), {}, {}, StatusSet{0}, {}});
        }
        on_last->Screen(ComputeFacts(household, last), before);
        on_next->Screen(ComputeFacts(household, next), after);
        for (std::size_t r : readers) {
          if (before[r].outcome != Outcome::kLikely) continue;
          EXPECT_TRUE(after[r].outcome == Outcome::kLikely || after[r].outcome == Outcome::kPossible)
              << catalog->rights()[r].id << " at " << income << " with " << children << " children, " << last.ToIso()
              << " → " << next.ToIso() << ": " << OutcomeName(after[r].outcome);
        }
      }
    }
  }
}

}  // namespace
}  // namespace zoneatlas::rights
