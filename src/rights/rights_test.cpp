#include <gtest/gtest.h>

#include "rights/catalog.hpp"
#include "rights/explain.hpp"
#include "rights/facts.hpp"
#include "rights/screen.hpp"
#include "rights/take_up.hpp"

namespace zoneatlas::rights {
namespace {

Date Day(std::string_view text) { return *Date::Parse(text); }

Person Adult(double income, std::string_view born = "1984-03-01") {
  return {"a", Role::kApplicant, Day(born), income, IncomeKind::kWork, StatusSet{0}, {}};
}

// Outcomes from least to most favourable: unlikely, unknown, possible, likely.
int Rank(Outcome outcome) {
  return outcome == Outcome::kLikely ? 3 : outcome == Outcome::kPossible ? 2 : outcome == Outcome::kUnknown ? 1 : 0;
}

// A catalog around one condition, for the checks Parse makes.
std::string OneRight(std::string_view test, std::string_view extra = "") {
  return std::string(R"({"parameters": [{"id": "grens", "unit": "EUR/jaar", "description": {"nl": "g", "fr": "g"},
    "known_until": "2024-12-31", "values": [{"from": "2024-01-01", "value": 100, "source": "https://example.org",
    "reliability": "O"}]}],
   "rights": [{"id": "test_recht", "name": {"nl": "n", "fr": "n"}, "explanation": {"nl": "e", "fr": "e"},
    "level": "federal", "theme": "income", "effect": "raises_income", "competent_body": {"nl": "b", "fr": "b"},
    "how_to_apply": {"nl": "h", "fr": "h"}, "social_worker_may_apply": true, "automatic": "no",
    "sources": ["https://example.org"], "routes": [{"name": {"nl": "r", "fr": "r"}, "conditions": [
      {"test": ")") +
         std::string(test) + R"(", "yes": {"nl": "ja", "fr": "oui"}, "no": {"nl": "nee", "fr": "non"}}
    ]}])" +
         std::string(extra) + "}]}";
}

TEST(CatalogTest, TheShippedCatalogHoldsItsRules) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  EXPECT_GE(catalog->rights().size(), 15U);
  for (const Parameter& parameter : catalog->parameters()) {
    for (const ParameterValue& value : parameter.values) EXPECT_FALSE(value.source.empty()) << parameter.id;
  }
  // Rights that read another right's outcome come after it.
  const auto& order = catalog->evaluation_order();
  const auto position = [&](std::string_view id) {
    return std::ranges::find(order, static_cast<int>(catalog->Find(id) - catalog->rights().data())) - order.begin();
  };
  EXPECT_LT(position("verhoogde_tegemoetkoming"), position("sociaal_tarief_energie"));
}

TEST(CatalogTest, RefusesRulesThatNameUnknownFactsOrParameters) {
  EXPECT_TRUE(Catalog::Parse(OneRight("household.income < grens")).has_value());
  auto unknown_fact = Catalog::Parse(OneRight("household.incme < grens"));
  ASSERT_FALSE(unknown_fact.has_value());
  EXPECT_NE(unknown_fact.error().message().find("right test_recht: route 1: condition 1: test"), std::string::npos)
      << unknown_fact.error().message();
  EXPECT_FALSE(Catalog::Parse(OneRight("household.income < grens_2025")).has_value());
  EXPECT_FALSE(Catalog::Parse(OneRight("right.test_recht")).has_value()) << "a right cannot depend on itself";
}

TEST(CatalogTest, RefusesFiguresWithoutSourceAndPlaceholdersOfNothing) {
  std::string no_source = OneRight("household.income < grens");
  no_source.replace(no_source.find(R"("source": "https://example.org",)"), 32, "");
  auto refused = Catalog::Parse(no_source);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("parameter grens: values[0]: source"), std::string::npos)
      << refused.error().message();
  std::string placeholder = OneRight("household.income < grens");
  placeholder.replace(placeholder.find(R"("ja")"), 4, R"("{inkomen}")");
  EXPECT_FALSE(Catalog::Parse(placeholder).has_value());
}

TEST(ParameterTest, AFigureHoldsUpToTheNextOrItsEndAndNotBeyondWhatIsKnown) {
  Parameter parameter{"p", {}, "EUR", {}, Day("2025-02-28"), ""};
  parameter.values.push_back({Day("2024-05-01"), Day("2025-01-31"), 1288.46, {}, "", "s", Reliability::kSecondary});
  parameter.values.push_back({Day("2025-02-01"), {}, 1314.20, {}, "", "s", Reliability::kPayingBody});
  EXPECT_EQ(parameter.At(Day("2024-04-30")), nullptr);
  EXPECT_EQ(parameter.At(Day("2025-01-31"))->value, 1288.46);
  EXPECT_EQ(parameter.At(Day("2025-02-01"))->value, 1314.20);
  EXPECT_EQ(parameter.At(Day("2025-03-01")), nullptr) << "no extrapolation past known_until";
}

TEST(FactsTest, SomeoneHasAStatusAsSoonAsOneMemberIsKnownToHaveIt) {
  Household household{"h", {Adult(9000), {"p", Role::kPartner, {}, {}, {}, {}, {}}}, 23027, {}};
  household.members[0].statuses = StatusSet{1} << static_cast<int>(SocialStatus::kLeefloon);
  const FactValues facts = ComputeFacts(household, Day("2024-06-01"));
  const int leefloon = FindFact("status.leefloon");
  const int igo = FindFact("status.igo");
  EXPECT_TRUE(facts.Known(leefloon));
  EXPECT_EQ(facts.values[leefloon], 1);
  EXPECT_FALSE(facts.Known(igo)) << "the partner's statuses are not known";
  EXPECT_FALSE(facts.Known(FindFact("household.income"))) << "an adult's income is missing";
  EXPECT_EQ(facts.values[FindFact("region.flanders")], 1);
}

TEST(FactsTest, RegionsFollowTheNisCode) {
  EXPECT_EQ(RegionOfMunicipality(23027), Region::kFlanders);  // Halle
  EXPECT_EQ(RegionOfMunicipality(21004), Region::kBrussels);  // Brussel
  EXPECT_EQ(RegionOfMunicipality(25005), Region::kWallonia);  // Braine-l'Alleud
  EXPECT_EQ(RegionOfMunicipality(62063), Region::kWallonia);  // Liège
  EXPECT_FALSE(RegionOfMunicipality(2302).has_value());
}

// The margin "a < limit * factor" multiplies the whole limit only where muparser would:
// the screener compares a shared limit itself, and must read the rule as written.
TEST(ScreenerTest, AMarginMultipliesTheLimitAsTheRuleIsWritten) {
  struct Case {
    const char* test;
    const char* near;
    Outcome at_200;
  };
  const Case cases[] = {
      {"household.income < grens + 10", "household.income < grens + 10 * 3", Outcome::kUnlikely},  // 200 ≥ 130
      {"household.income < (grens + 10)", "household.income < (grens + 10) * 3", Outcome::kPossible},  // 200 < 330
      {"household.income < 2 * grens", "household.income < 2 * grens * 1.5", Outcome::kPossible},    // 200 < 300
      {"household.income < grens / 2 * 3", "household.income < grens / 2 * 3 * 1.2", Outcome::kUnlikely},  // 180
  };
  for (const Case& c : cases) {
    auto catalog = Catalog::Parse(OneRight(std::string(c.test) + R"(", "near": ")" + c.near));
    ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
    auto screener = Screener::Create(*catalog, Day("2024-06-01"));
    ASSERT_TRUE(screener.has_value());
    std::vector<RightResult> results;
    screener->Screen(ComputeFacts({"h", {Adult(200)}, 23027, {}}, Day("2024-06-01")), results);
    EXPECT_EQ(OutcomeName(results[0].outcome), OutcomeName(c.at_200)) << c.near;
    screener->Screen(ComputeFacts({"h", {Adult(50)}, 23027, {}}, Day("2024-06-01")), results);
    EXPECT_EQ(results[0].outcome, Outcome::kLikely) << c.test;
  }
}

// More income never makes an income-tested right more likely.
TEST(PropertyTest, MoreIncomeNeverMakesARightMoreLikely) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  // 2026-12-07: every income-tested figure has run out, so the bounds answer.
  for (const char* day : {"2022-06-01", "2023-06-01", "2024-06-01", "2026-12-07"}) {
    auto screener = Screener::Create(*catalog, Day(day));
    ASSERT_TRUE(screener.has_value());
    for (int members = 1; members <= 5; ++members) {
      std::vector<RightResult> before, after;
      for (double income = 0; income <= 60000; income += 250) {
        Household household{"h", {Adult(income)}, 23027, {}};
        household.members[0].statuses = StatusSet{1} << static_cast<int>(SocialStatus::kOilHeating);
        household.members[0].income_kind = IncomeKind::kPension;
        household.members[0].birth_date = Day("1955-01-01");
        household.members[0].current_monthly_income = income / 24;  // Half of last year's, a month.
        for (int child = 1; child < members; ++child) {
          household.members.push_back({"c", Role::kChild, Day("2016-01-01"), {}, {}, StatusSet{0}, {}});
        }
        screener->Screen(ComputeFacts(household, Day(day)), after);
        if (!before.empty()) {
          for (std::size_t r = 0; r < after.size(); ++r) {
            EXPECT_LE(Rank(after[r].outcome), Rank(before[r].outcome))
                << catalog->rights()[r].id << " at " << income << " for " << members << " on " << day;
          }
        }
        before = after;
      }
    }
  }
}

// Adding a dependent never lowers a per-member threshold: the same income stays as likely.
TEST(PropertyTest, AnotherChildNeverMakesARightLessLikely) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  for (const char* day : {"2024-06-01", "2026-12-07"}) {
    auto screener = Screener::Create(*catalog, Day(day));
    ASSERT_TRUE(screener.has_value());
    for (double income = 0; income <= 60000; income += 500) {
      Household household{"h", {Adult(income)}, 23027, {}};
      household.members[0].statuses = StatusSet{1} << static_cast<int>(SocialStatus::kOilHeating);
      std::vector<RightResult> fewer, more;
      for (int children = 1; children <= 4; ++children) {
        household.members.push_back({"c", Role::kChild, Day("2016-01-01"), {}, {}, StatusSet{0}, {}});
        screener->Screen(ComputeFacts(household, Day(day)), more);
        if (!fewer.empty()) {
          for (const char* id : {"verhoogde_tegemoetkoming", "verwarmingstoelage", "sociale_huurwoning", "huursubsidie",
                                 "groeipakket_sociale_toeslag"}) {
            const auto r = catalog->Find(id) - catalog->rights().data();
            EXPECT_GE(Rank(more[r].outcome), Rank(fewer[r].outcome))
                << id << " at " << income << ", " << children << " on " << day;
          }
        }
        fewer = more;
      }
    }
  }
}

// More income now never makes a right more likely either, whatever last year's was.
TEST(PropertyTest, MoreIncomeNowNeverMakesARightMoreLikely) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  auto screener = Screener::Create(*catalog, Day("2026-12-07"));
  ASSERT_TRUE(screener.has_value());
  for (double last_year : {0.0, 15000.0, 40000.0}) {
    std::vector<RightResult> before, after;
    for (double now = 0; now <= 4000; now += 50) {
      Household household{"h", {Adult(last_year, "1958-01-01")}, 21004, {}};
      household.members[0].income_kind = IncomeKind::kPension;
      household.members[0].current_monthly_income = now;
      screener->Screen(ComputeFacts(household, Day("2026-12-07")), after);
      if (!before.empty()) {
        for (std::size_t r = 0; r < after.size(); ++r) {
          EXPECT_LE(Rank(after[r].outcome), Rank(before[r].outcome))
              << catalog->rights()[r].id << " at " << now << " a month, " << last_year << " last year";
        }
      }
      before = after;
    }
  }
}

TEST(ExplainTest, IncomeRaisingRightsComeFirst) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  const std::vector<int> order = PresentationOrder(*catalog);
  bool lowering_seen = false;
  for (int r : order) {
    const bool raises = catalog->rights()[r].effect == Effect::kRaisesIncome;
    EXPECT_FALSE(raises && lowering_seen) << catalog->rights()[r].id;
    lowering_seen |= !raises;
  }
}

}  // namespace
}  // namespace zoneatlas::rights

namespace zoneatlas::rights {
namespace {

TEST(TakeUpTest, TheFitRecoversALinearRelationAndNeedsEnoughAreas) {
  // share = 2 + 0.5 × jobseekers − 0.1 × income (thousands), exactly.
  std::vector<AreaTakeUp> areas;
  for (int i = 0; i < 12; ++i) {
    const double jobseekers = 3 + i % 5, income = 20 + (i * 7) % 11;
    areas.push_back({"a" + std::to_string(i), 2 + 0.5 * jobseekers - 0.1 * income, {jobseekers, income}});
  }
  const auto fit = FitTakeUp(areas);
  ASSERT_TRUE(fit.has_value());
  EXPECT_NEAR(fit->coefficients[0], 2, 1e-9);
  EXPECT_NEAR(fit->coefficients[1], 0.5, 1e-9);
  EXPECT_NEAR(fit->coefficients[2], -0.1, 1e-9);
  EXPECT_NEAR(fit->r_squared, 1, 1e-9);
  EXPECT_NEAR(ExpectedShare(*fit, {10, 20}), 5, 1e-9);
  EXPECT_EQ(ExpectedShare(*fit, {0, 100}), 0) << "never a negative share";
  areas.resize(7);
  EXPECT_FALSE(FitTakeUp(areas).has_value()) << "3 coefficients need at least 8 areas";
}

TEST(TakeUpTest, IndicatorsThatDoNotVaryGiveNoFit) {
  std::vector<AreaTakeUp> areas;
  for (int i = 0; i < 10; ++i) areas.push_back({"a", 10.0 + i, {5, 30}});
  EXPECT_FALSE(FitTakeUp(areas).has_value());
}

}  // namespace
}  // namespace zoneatlas::rights

namespace zoneatlas::rights {
namespace {

TEST(CatalogTest, ReviewedFiguresJoinTheirParameterAndAreCheckedWithTheRest) {
  ParameterValue figure;
  figure.from = *Date::Parse("2026-03-01");
  figure.value = 1340.48;
  figure.source = "https://www.mi-is.be/";
  figure.reliability = Reliability::kOfficial;
  auto catalog = Catalog::Shipped({{"leefloon.alleenstaand", figure, *Date::Parse("2026-12-31")}});
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  const Parameter* parameter = catalog->FindParameter("leefloon.alleenstaand");
  ASSERT_NE(parameter, nullptr);
  EXPECT_EQ(parameter->At(*Date::Parse("2026-06-01"))->value, 1340.48);
  EXPECT_EQ(parameter->At(*Date::Parse("2026-02-15"))->value, 1314.20) << "the earlier figure until the new one";
  EXPECT_EQ(parameter->At(*Date::Parse("2027-01-01")), nullptr);
  // A figure for the same day corrects the file's.
  figure.from = *Date::Parse("2025-02-01");
  figure.value = 1314.21;
  auto corrected = Catalog::Shipped({{"leefloon.alleenstaand", figure, *Date::Parse("2025-02-28")}});
  ASSERT_TRUE(corrected.has_value()) << corrected.error().message();
  EXPECT_EQ(corrected->FindParameter("leefloon.alleenstaand")->At(*Date::Parse("2025-02-10"))->value, 1314.21);
  // A figure whose period overlaps the next one is refused with the parameter named.
  figure.from = *Date::Parse("2024-06-01");
  figure.until = *Date::Parse("2025-06-01");
  auto overlapping = Catalog::Shipped({{"leefloon.alleenstaand", figure, *Date::Parse("2025-02-28")}});
  ASSERT_FALSE(overlapping.has_value());
  EXPECT_NE(overlapping.error().message().find("parameter leefloon.alleenstaand"), std::string::npos);
  EXPECT_FALSE(Catalog::Shipped({{"geen.parameter", figure, *Date::Parse("2025-02-28")}}).has_value());
}

}  // namespace
}  // namespace zoneatlas::rights
