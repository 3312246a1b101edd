// The atlas's rules, with expectations computed by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "atlas/aggregate.hpp"
#include "atlas/catalog.hpp"

namespace zoneatlas::atlas {
namespace {

class AtlasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shipped = Catalog::Shipped();
    ASSERT_TRUE(shipped) << shipped.error().message();
    catalog_ = std::move(*shipped);
  }
  const Indicator& Get(std::string_view id) {
    const Indicator* indicator = catalog_.Find(id);
    EXPECT_NE(indicator, nullptr) << id;
    return *indicator;
  }
  Catalog catalog_;
};

TEST_F(AtlasTest, TheShippedCatalogIsCompleteInThreeLanguages) {
  EXPECT_GE(catalog_.indicators().size(), 11u);
  EXPECT_EQ(catalog_.groups().size(), 5u);
  for (const Indicator& indicator : catalog_.indicators()) {
    for (Language language : kLanguages) {
      EXPECT_FALSE(indicator.names.In(language).empty()) << indicator.id;
      EXPECT_FALSE(indicator.definitions.In(language).empty()) << indicator.id;
    }
  }
  EXPECT_EQ(Get("grey_pressure").aggregation, Aggregation::kRatioOfSums);
  EXPECT_EQ(Get("pop_total").aggregation, Aggregation::kSum);
}

TEST_F(AtlasTest, ZoneRatiosComeFromSummedCountsNotFromAveragedPercentages) {
  // Two municipalities: 300 of 1,000 and 10 of 100 are 65+ (30 % and 10 %). The zone has
  // 310 of 1,100 = 28.18 %, not the 20 % an average of percentages would give.
  const Indicator& share = Get("share_65plus");
  const Value zone = Aggregate(share, {{std::nullopt, 300, 1000, std::nullopt}, {std::nullopt, 10, 100, std::nullopt}});
  ASSERT_TRUE(zone.value);
  EXPECT_NEAR(*zone.value, 28.1818, 1e-3);
  EXPECT_EQ(*zone.numerator, 310);
  EXPECT_EQ(*zone.denominator, 1100);
  EXPECT_FALSE(zone.suppressed);
}

TEST_F(AtlasTest, DerivedIndicatorsFollowTheFlemishFormulas) {
  // Pepingen-sized numbers: 0-19: 1,050; 20-64: 2,600; 65+: 900 (of which 80+: 250).
  const std::map<std::string, double> counts = {
      {"pop_total", 4550}, {"pop_0_19", 1050}, {"pop_20_64", 2600}, {"pop_65plus", 900}, {"pop_80plus", 250}};
  EXPECT_NEAR(*Derive(Get("grey_pressure"), counts).value, 900.0 / 2600 * 100, 1e-9);    // 34.62
  EXPECT_NEAR(*Derive(Get("green_pressure"), counts).value, 1050.0 / 2600 * 100, 1e-9);  // 40.38
  EXPECT_NEAR(*Derive(Get("dependency_ratio"), counts).value, 1950.0 / 2600 * 100, 1e-9);  // 75.00
  EXPECT_NEAR(*Derive(Get("share_65plus"), counts).value, 900.0 / 4550 * 100, 1e-9);     // 19.78
  EXPECT_NEAR(*Derive(Get("internal_ageing"), counts).value, 250.0 / 900 * 100, 1e-9);   // 27.78
  const Value missing = Derive(Get("grey_pressure"), {{"pop_65plus", 900}});
  EXPECT_FALSE(missing.value);
  EXPECT_TRUE(missing.incomplete);
  EXPECT_FALSE(Derive(Get("grey_pressure"), {{"pop_65plus", 0}, {"pop_20_64", 0}}).value) << "no division by zero";
}

TEST_F(AtlasTest, SmallCountsAreSuppressed) {
  const Indicator& count = Get("pop_80plus");
  EXPECT_TRUE(Aggregate(count, {{3, std::nullopt, std::nullopt, std::nullopt}}).suppressed);
  EXPECT_FALSE(Aggregate(count, {{5, std::nullopt, std::nullopt, std::nullopt}}).suppressed);
  EXPECT_FALSE(Aggregate(count, {{0, std::nullopt, std::nullopt, std::nullopt}}).suppressed) << "zero reveals no one";
  // 2 of 3 inhabitants of a tiny sector: the share would point at them.
  const Value tiny = Derive(Get("share_65plus"), {{"pop_total", 3}, {"pop_65plus", 2}});
  EXPECT_TRUE(tiny.suppressed);
  // Summed over a zone, the same people are no longer recognisable.
  const Value zone = Aggregate(Get("share_65plus"), {{std::nullopt, 2, 3, std::nullopt},
                                                     {std::nullopt, 400, 2000, std::nullopt}});
  EXPECT_FALSE(zone.suppressed);
}

TEST_F(AtlasTest, SumsAndWeightedMeansSkipMissingPartsAndSaySo) {
  const Value sum = Aggregate(Get("pop_total"), {{1000, std::nullopt, std::nullopt, std::nullopt},
                                                  {std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                                                  {500, std::nullopt, std::nullopt, std::nullopt}});
  EXPECT_EQ(*sum.value, 1500);
  EXPECT_TRUE(sum.incomplete);
  Indicator mean = Get("pop_total");
  mean.is_count = false;
  mean.aggregation = Aggregation::kPopulationWeightedMean;
  // 10 (pop 1,000) and 40 (pop 3,000): (10×1000 + 40×3000) / 4000 = 32.5.
  const Value weighted = Aggregate(mean, {{10, std::nullopt, std::nullopt, 1000}, {40, std::nullopt, std::nullopt, 3000}});
  EXPECT_DOUBLE_EQ(*weighted.value, 32.5);
  mean.aggregation = Aggregation::kNone;
  EXPECT_FALSE(Aggregate(mean, {{10, std::nullopt, std::nullopt, 1000}}).value);
}

TEST(CatalogTest, ABadCatalogNamesEveryProblem) {
  const auto parsed = Catalog::Parse(R"({"groups":[{"id":"demography","names":{"nl":"D","fr":"D","en":"D"}}],
    "indicators":[
      {"id":"a","group":"demography","kind":"count","names":{"nl":"A","fr":"A"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","direction":"neutral","aggregation":"sum"},
      {"id":"b","group":"weather","kind":"derived","names":{"nl":"B","fr":"B","en":"B"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"%","source":"s","direction":"up","aggregation":"population_weighted_mean",
       "formula":{"numerator":["a"],"denominator":["c"],"scale":100}},
      {"id":"a","group":"demography","kind":"count","names":{"nl":"A","fr":"A","en":"A"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","direction":"neutral","aggregation":"sum"}]})");
  ASSERT_FALSE(parsed);
  const std::string& message = parsed.error().message();
  for (const char* expected : {"indicator a: names: en: is missing", "indicator b: group: is not a group",
                               "indicator b: direction: is not", "indicator b: aggregation: a derived ratio",
                               "indicator b: formula: c is not a count indicator", "indicator a: id: appears twice"}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n" << message;
  }
}

}  // namespace
}  // namespace zoneatlas::atlas
