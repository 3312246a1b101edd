// The atlas's rules, with expectations computed by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "atlas/aggregate.hpp"
#include "atlas/catalog.hpp"
#include "atlas/compare.hpp"
#include "atlas/funnel.hpp"
#include "atlas/intervals.hpp"
#include "atlas/map_classes.hpp"
#include "atlas/needs.hpp"
#include "atlas/roll_up.hpp"

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

Observation PartFigure(const std::string& indicator, const std::string& area, std::optional<double> value,
                   std::optional<double> numerator = std::nullopt, std::optional<double> denominator = std::nullopt) {
  Observation observation;
  observation.indicator_id = indicator;
  observation.area_code = area;
  observation.period = "2024";
  observation.value = value;
  observation.numerator = numerator;
  observation.denominator = denominator;
  return observation;
}

// A district of three sectors: counts add up, a share comes from the summed parts, a
// median is not made up, and an area missing one part's figure gets none.
TEST_F(AtlasTest, AnAreaMadeOfPartsAddsUpTheirFiguresByTheIndicatorsRule) {
  const std::map<std::string, std::vector<std::string>> parts_of = {{"district", {"s1", "s2", "s3"}},
                                                                    {"gap", {"s1", "s4"}}};
  const std::vector<Observation> parts = {
      PartFigure("pop_total", "s1", 1200),
      PartFigure("pop_total", "s2", 800),
      PartFigure("pop_total", "s3", 500),
      PartFigure("increased_reimb", "s1", 10, 120, 1200),
      PartFigure("increased_reimb", "s2", 20, 160, 800),
      PartFigure("increased_reimb", "s3", 40, 200, 500),
      PartFigure("income_median_return", "s1", 24000),
      PartFigure("income_median_return", "s2", 26000),
      PartFigure("income_median_return", "s3", 30000),
  };
  const RolledUp rolled = RollUp(catalog_, parts_of, parts, {});
  std::map<std::string, const Observation*> by_indicator;
  for (const Observation& figure : rolled.figures) {
    EXPECT_EQ(figure.area_code, "district") << "s4 has no figure, so 'gap' has none";
    EXPECT_EQ(figure.parts, 3);
    EXPECT_EQ(figure.period, "2024");
    by_indicator[figure.indicator_id] = &figure;
  }
  ASSERT_TRUE(by_indicator.contains("pop_total"));
  EXPECT_DOUBLE_EQ(*by_indicator["pop_total"]->value, 2500);
  ASSERT_TRUE(by_indicator.contains("increased_reimb"));
  // (120 + 160 + 200) / (1,200 + 800 + 500), not the mean of 10, 20 and 40 %.
  EXPECT_DOUBLE_EQ(*by_indicator["increased_reimb"]->numerator, 480);
  EXPECT_DOUBLE_EQ(*by_indicator["increased_reimb"]->denominator, 2500);
  EXPECT_DOUBLE_EQ(*by_indicator["increased_reimb"]->value, 480.0 / 2500 * 100);
  EXPECT_FALSE(by_indicator.contains("income_median_return")) << "a median cannot be added up";
  EXPECT_FALSE(CanRollUp(Get("income_median_return")));
  EXPECT_TRUE(rolled.differences.empty());
}

TEST_F(AtlasTest, APublishedFigureStandsAndANotableGapToTheSumIsTold) {
  const std::map<std::string, std::vector<std::string>> parts_of = {{"a", {"s1", "s2"}}, {"b", {"s3", "s4"}}};
  const std::vector<Observation> parts = {PartFigure("pop_total", "s1", 600), PartFigure("pop_total", "s2", 400),
                                          PartFigure("pop_total", "s3", 600), PartFigure("pop_total", "s4", 400)};
  // a: 1,004 published beside 1,000 summed (0.4 %); b: 1,006 (0.6 %).
  const std::vector<Observation> own = {PartFigure("pop_total", "a", 1004), PartFigure("pop_total", "b", 1006)};
  const RolledUp rolled = RollUp(catalog_, parts_of, parts, own);
  EXPECT_TRUE(rolled.figures.empty()) << "published figures are not replaced";
  ASSERT_EQ(rolled.differences.size(), 1u);
  EXPECT_EQ(rolled.differences[0].area_code, "b");
  EXPECT_DOUBLE_EQ(rolled.differences[0].published, 1006);
  EXPECT_DOUBLE_EQ(rolled.differences[0].sum, 1000);
  EXPECT_EQ(rolled.differences[0].parts, 2);
}

// Limits as exact quantiles rounded outwards: a point beyond one has under 2.5 % (0.1 %)
// chance on that side. Binomial(100, 0.1): P(X ≤ 3) = 0.008, P(X ≥ 17) = 0.021 but
// P(X ≥ 16) = 0.040; Poisson(10): P(X ≤ 2) = 0.003, P(X ≥ 18) = 0.014, P(X ≥ 17) = 0.027.
TEST_F(AtlasTest, FunnelLimitsAreExactQuantilesAroundTheTarget) {
  const Indicator& share = Get("increased_reimb");  // Wilson: a share of people, in %.
  const auto limits = FunnelLimitsAt(share, 0.1, 100);
  ASSERT_TRUE(limits);
  EXPECT_DOUBLE_EQ(limits->low95, 4);
  EXPECT_DOUBLE_EQ(limits->high95, 16);
  EXPECT_DOUBLE_EQ(limits->low998, 1);
  EXPECT_DOUBLE_EQ(limits->high998, 20);
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 10, 100), FunnelZone::kWithin);
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 16, 100), FunnelZone::kWithin) << "on the limit is within";
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 17, 100), FunnelZone::kAbove95);
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 21, 100), FunnelZone::kAbove998);
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 3, 100), FunnelZone::kBelow95);
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 0, 100), FunnelZone::kBelow998);
  // The funnel narrows: 12 % is within at 100 people, far outside at 10,000.
  EXPECT_EQ(FunnelZoneOf(share, 0.1, 1200, 10000), FunnelZone::kAbove998);

  Indicator rate;  // Events per 100,000 inhabitants.
  rate.interval = IntervalMethod::kPoisson;
  rate.scale = 100000;
  const auto deaths = FunnelLimitsAt(rate, 1e-4, 100000);  // 10 expected.
  ASSERT_TRUE(deaths);
  EXPECT_DOUBLE_EQ(deaths->low95, 3);
  EXPECT_DOUBLE_EQ(deaths->high95, 17);
  EXPECT_DOUBLE_EQ(deaths->high998, 21);
  EXPECT_FALSE(FunnelLimitsAt(Get("income_median_return"), 0.1, 100)) << "no interval, no funnel";
  EXPECT_FALSE(FunnelLimitsAt(share, 1.2, 100)) << "a share above one";
  EXPECT_FALSE(FunnelLimitsAt(share, 0.1, 0));
}

// A zone of five: one hidden for a small count, so the next smallest above zero goes too,
// or the zone's total minus the others would be it.
TEST_F(AtlasTest, ALoneHiddenFigureTakesTheNextSmallestWithIt) {
  const Indicator& count = Get("pop_total");
  const auto figure = [&](double value) { return Figure{.value = Suppress(count, {.value = value}), .present = true}; };
  std::vector<Figure> members = {figure(3), figure(0), figure(10), figure(8), figure(50)};
  ASSERT_TRUE(members[0].value.suppressed);
  ASSERT_FALSE(members[1].value.suppressed) << "zero is not a small count";
  Figure zone{.value = Suppress(count, {.value = 71}), .present = true};
  std::vector<Figure*> parts;
  for (Figure& member : members) parts.push_back(&member);
  EXPECT_EQ(ProtectHidden(count, parts, zone), std::optional<std::size_t>(3)) << "8, not 0";
  EXPECT_TRUE(members[3].value.suppressed);
  EXPECT_TRUE(members[3].protective);
  EXPECT_FALSE(members[2].value.suppressed);
  EXPECT_TRUE(zone.Shown());
  // Two hidden already: the total gives only their sum away, nothing more to do.
  EXPECT_EQ(ProtectHidden(count, parts, zone), std::nullopt);
  // Nothing else shown to hide (a total shown against the rule, as a caller might pass
  // one): the total goes.
  std::vector<Figure> pair = {figure(3), figure(0)};
  Figure small_zone{.value = {.value = 3}, .present = true};
  std::vector<Figure*> pair_parts = {&pair[0], &pair[1]};
  EXPECT_EQ(ProtectHidden(count, pair_parts, small_zone), std::nullopt);
  EXPECT_FALSE(small_zone.Shown());
  EXPECT_TRUE(small_zone.protective);
  // A share: what it rests on is its numerator.
  const Indicator& share = Get("increased_reimb");
  const auto part = [&](double numerator, double denominator) {
    return Figure{.value = Suppress(share, {.value = numerator / denominator * 100, .numerator = numerator,
                                            .denominator = denominator}),
                  .present = true};
  };
  std::vector<Figure> shares = {part(2, 40), part(30, 300), part(12, 400)};
  Figure total{.value = Suppress(share, {.value = 44.0 / 740 * 100, .numerator = 44, .denominator = 740}),
               .present = true};
  std::vector<Figure*> share_parts = {&shares[0], &shares[1], &shares[2]};
  EXPECT_EQ(ProtectHidden(share, share_parts, total), std::optional<std::size_t>(2)) << "12 people, not 30";
}

// Map classes on the region's quintiles (nearest rank): ten municipalities 1 to 10 make
// classes up to 2, 4, 6, 8 and 10, two municipalities each.
TEST_F(AtlasTest, MapClassesAreTheRegionsQuintiles) {
  const auto classes = RegionalQuintiles({10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
  ASSERT_TRUE(classes);
  EXPECT_TRUE(classes->regional);
  EXPECT_EQ(classes->bounds, (std::array<double, 6>{1, 2, 4, 6, 8, 10}));
  EXPECT_EQ(ClassOf(*classes, 1), 1);
  EXPECT_EQ(ClassOf(*classes, 2), 1);
  EXPECT_EQ(ClassOf(*classes, 2.5), 2);
  EXPECT_EQ(ClassOf(*classes, 8), 4);
  EXPECT_EQ(ClassOf(*classes, 10), 5);
  EXPECT_EQ(ClassOf(*classes, 50), 5) << "beyond the region's highest";
  EXPECT_FALSE(RegionalQuintiles({1, 2, 3, 4, 5, 6, 7, 8, 9})) << "too few to say";
  const MapClasses equal = EqualSlices(0, 50);
  EXPECT_FALSE(equal.regional);
  EXPECT_EQ(ClassOf(equal, 25), 3);
}

TEST_F(AtlasTest, TheShippedCatalogIsCompleteInThreeLanguages) {
  EXPECT_GE(catalog_.indicators().size(), 11u);
  EXPECT_EQ(catalog_.groups().size(), 5u);
  for (const Indicator& indicator : catalog_.indicators()) {
    for (Language language : kLanguages) {
      EXPECT_FALSE(indicator.names.In(language).empty()) << indicator.id;
      EXPECT_FALSE(indicator.definitions.In(language).empty()) << indicator.id;
    }
  }
  for (const Indicator& indicator : catalog_.indicators()) {
    const Unit* unit = catalog_.FindUnit(indicator.unit);
    ASSERT_NE(unit, nullptr) << indicator.id;
    for (Language language : kLanguages) EXPECT_FALSE(unit->names.In(language).empty()) << unit->id;
  }
  EXPECT_EQ(Get("grey_pressure").aggregation, Aggregation::kRatioOfSums);
  EXPECT_EQ(Get("pop_total").aggregation, Aggregation::kSum);
}

// Every indicator ../shared/indicators.md names, by the DESTEP group the issue puts it in
// (a family of indicators, such as origin or household types, by its members).
TEST_F(AtlasTest, TheCatalogHasEveryIndicatorOfTheOmgevingsanalyse) {
  const std::map<std::string, std::vector<std::string>> expected = {
      {"demography",
       {"pop_density",
        "share_0_2",
        "share_3_11",
        "share_12_17",
        "share_0_19",
        "share_20_64",
        "share_65_79",
        "share_80plus",
        "share_85plus",
        "dependency_ratio",
        "grey_pressure",
        "green_pressure",
        "share_65plus",
        "internal_ageing",
        "ageing_coefficient",
        "replacement_ratio",
        "family_care_index",
        "nationality_nonbelgian",
        "nationality_eu",
        "nationality_non_eu",
        "nationality_at_birth",
        "origin_belgian",
        "origin_neighbouring",
        "origin_eu_other",
        "origin_maghreb",
        "origin_turkey",
        "origin_sub_saharan_africa",
        "origin_asia",
        "share_hh_single",
        "share_hh_married_children",
        "share_hh_cohabiting_children",
        "share_hh_single_parent",
        "share_hh_other",
        "household_size",
        "share_hh_size_5plus",
        "living_alone_65plus"}},
      {"health",
       {"chronic_status", "diabetes_prev", "bel_score_homecare_65", "dg_han_recognised", "care_budget_severe",
        "care_budget_elderly", "care_budget_disability", "gmd_coverage", "screen_breast", "screen_cervix",
        "screen_colorectal", "dental_visit", "med_antibiotics", "med_antidepressants", "med_antidementia",
        "gps_per_1000", "flu_vaccination_65plus", "life_expectancy", "premature_mortality"}},
      {"socio_economics",
       {"income_mean_return", "income_median_return", "income_per_inhabitant", "increased_reimb", "leefloon",
        "socioecon_employed", "socioecon_jobseekers", "socioecon_inactive", "credit_arrears", "energy_budget_meters",
        "energy_social_supplier", "energy_disconnections", "pupil_home_language", "pupil_mother_low_education",
        "pupil_school_allowance", "pupil_neighbourhood", "early_school_leavers", "kansarmoede_index",
        "births_without_work_income"}},
      {"technology", {"education_low", "education_mid", "education_high"}},
      {"ecology",
       {"built_up_share", "dwellings", "dwellings_per_1000", "tenure_owner", "tenure_private_tenant",
        "tenure_social_tenant", "social_rental_dwellings", "bso_progress", "social_housing_candidates",
        "eldercare_wzc_per_1000", "eldercare_cvk_per_1000", "eldercare_dvc_per_1000",
        "eldercare_assisted_living_per_1000", "childcare_0_3", "childcare_out_of_school",
        "local_service_centres_per_1000", "homecare_hours_per_65plus", "overcrowding"}},
  };
  for (const auto& [group, ids] : expected) {
    for (const std::string& id : ids) {
      const Indicator* indicator = catalog_.Find(id);
      ASSERT_NE(indicator, nullptr) << id;
      EXPECT_EQ(indicator->group, group) << id;
    }
  }
  // A zone median cannot come from municipal medians, nor a formula nobody could confirm,
  // nor a life expectancy or an age-standardised rate from its municipalities'.
  EXPECT_EQ(Get("income_median_return").aggregation, Aggregation::kNone);
  EXPECT_EQ(Get("life_expectancy").aggregation, Aggregation::kNone);
  EXPECT_EQ(Get("premature_mortality").aggregation, Aggregation::kNone);
  // Measured where their producers measure them.
  EXPECT_FALSE(MeasuredIn(Get("kansarmoede_index"), "21004"));
  EXPECT_FALSE(MeasuredIn(Get("births_without_work_income"), "23027"));
  EXPECT_TRUE(MeasuredIn(Get("births_without_work_income"), "21004"));
  EXPECT_EQ(Get("family_care_index").aggregation, Aggregation::kNone);
  // Screening again among people with verhoogde tegemoetkoming, where uptake is lower.
  const auto among = catalog_.SubgroupsOf("screen_colorectal");
  ASSERT_EQ(among.size(), 1u);
  EXPECT_EQ(among.front()->id, "screen_colorectal_vt");
  EXPECT_EQ(among.front()->subgroup.nl, "Met verhoogde tegemoetkoming");
  EXPECT_EQ(catalog_.SubgroupsOf("screen_breast").size(), 1u);
  EXPECT_TRUE(catalog_.SubgroupsOf("pop_total").empty());
}

TEST_F(AtlasTest, PublishedRatesCombineFromTheirNumeratorsAndDenominators) {
  // Diabetes: 812 of 11,400 insured and 95 of 2,100: (907 / 13,500) × 100 = 6.7185 %.
  const Value zone =
      Aggregate(Get("diabetes_prev"), {{7.12, 812, 11400, std::nullopt}, {4.52, 95, 2100, std::nullopt}});
  EXPECT_NEAR(*zone.value, 907.0 / 13500 * 100, 1e-9);
  // Leefloon per 1,000: 60 of 20,000 and 12 of 4,000 → 72 / 24,000 × 1,000 = 3.
  EXPECT_DOUBLE_EQ(*Aggregate(Get("leefloon"), {{3, 60, 20000, std::nullopt}, {3, 12, 4000, std::nullopt}}).value, 3);
  // Only a value, no numerator: the zone's figure cannot be computed honestly.
  const Value unknown = Aggregate(Get("diabetes_prev"), {{7.12, std::nullopt, std::nullopt, std::nullopt}});
  EXPECT_FALSE(unknown.value);
  EXPECT_TRUE(unknown.incomplete);
  // 3 people with a leefloon in a municipality: suppressed.
  EXPECT_TRUE(Suppress(Get("leefloon"), {.value = 0.75, .numerator = 3, .denominator = 4000}).suppressed);
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
  EXPECT_NEAR(*Derive(Get("grey_pressure"), counts).value, 900.0 / 2600 * 100, 1e-9);      // 34.62
  EXPECT_NEAR(*Derive(Get("green_pressure"), counts).value, 1050.0 / 2600 * 100, 1e-9);    // 40.38
  EXPECT_NEAR(*Derive(Get("dependency_ratio"), counts).value, 1950.0 / 2600 * 100, 1e-9);  // 75.00
  EXPECT_NEAR(*Derive(Get("share_65plus"), counts).value, 900.0 / 4550 * 100, 1e-9);       // 19.78
  EXPECT_NEAR(*Derive(Get("internal_ageing"), counts).value, 250.0 / 900 * 100, 1e-9);     // 27.78
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
  const Value zone =
      Aggregate(Get("share_65plus"), {{std::nullopt, 2, 3, std::nullopt}, {std::nullopt, 400, 2000, std::nullopt}});
  EXPECT_FALSE(zone.suppressed);
}

TEST_F(AtlasTest, SumsAndWeightedMeansSkipMissingPartsAndSaySo) {
  const Value sum = Aggregate(Get("pop_total"), {{1000, std::nullopt, std::nullopt, std::nullopt},
                                                 {std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                                                 {500, std::nullopt, std::nullopt, std::nullopt}});
  EXPECT_EQ(*sum.value, 1500);
  EXPECT_TRUE(sum.incomplete);
  Indicator mean = Get("pop_total");
  mean.kind = Kind::kRate;
  mean.aggregation = Aggregation::kPopulationWeightedMean;
  // 10 (pop 1,000) and 40 (pop 3,000): (10×1000 + 40×3000) / 4000 = 32.5.
  const Value weighted =
      Aggregate(mean, {{10, std::nullopt, std::nullopt, 1000}, {40, std::nullopt, std::nullopt, 3000}});
  EXPECT_DOUBLE_EQ(*weighted.value, 32.5);
  mean.aggregation = Aggregation::kNone;
  EXPECT_FALSE(Aggregate(mean, {{10, std::nullopt, std::nullopt, 1000}}).value);
}

TEST(CatalogTest, ABadCatalogNamesEveryProblem) {
  const auto parsed = Catalog::Parse(R"({"groups":[{"id":"demography","names":{"nl":"D","fr":"D","en":"D"}}],
    "units":{"persons":{"nl":"personen","fr":"personnes","en":"persons"}},
    "indicators":[
      {"id":"a","group":"demography","kind":"count","names":{"nl":"A","fr":"A"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","direction":"neutral","aggregation":"sum"},
      {"id":"b","group":"weather","kind":"derived","names":{"nl":"B","fr":"B","en":"B"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"%","source":"s","direction":"up","aggregation":"population_weighted_mean",
       "formula":{"numerator":["a"],"denominator":["c"],"scale":100}},
      {"id":"a","group":"demography","kind":"count","names":{"nl":"A","fr":"A","en":"A"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","direction":"neutral","aggregation":"sum"},
      {"id":"a_vt","group":"demography","kind":"count","names":{"nl":"A","fr":"A","en":"A"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","direction":"higher_is_worse","aggregation":"sum","subgroup_of":"a",
       "subgroup":{"nl":"G","fr":"G","en":"G"}},
      {"id":"d_vt","group":"demography","kind":"count","names":{"nl":"D","fr":"D","en":"D"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","direction":"neutral","aggregation":"sum","subgroup_of":"d",
       "subgroup":{"nl":"G","fr":"G"}},
      {"id":"e","group":"demography","kind":"count","names":{"nl":"E","fr":"E","en":"E"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","regions":["flanders","vlaanderen"],"direction":"neutral","aggregation":"sum"},
      {"id":"f","group":"demography","kind":"count","names":{"nl":"F","fr":"F","en":"F"},"definitions":{"nl":"x","fr":"x","en":"x"},
       "unit":"persons","source":"s","regions":[],"direction":"neutral","aggregation":"sum"}]})");
  ASSERT_FALSE(parsed);
  const std::string& message = parsed.error().message();
  for (const char* expected :
       {"indicator a: names: en: is missing", "indicator b: group: is not a group", "indicator b: direction: is not",
        "indicator b: aggregation: a derived ratio", "indicator b: formula: c is not a count indicator",
        "indicator a: id: appears twice", "indicator b: unit: is not in the catalog's units",
        "indicator a_vt: subgroup_of: a has another unit or direction",
        "indicator d_vt: subgroup_of: d is not an indicator of the whole population",
        "indicator e: regions: lists something other than flanders, brussels or wallonia",
        "indicator f: regions: needs a list of the regions the source covers"}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << "\n" << message;
  }
}

// A producer of one region has no figure for the others: the area's code tells its region.
TEST_F(AtlasTest, AnIndicatorIsMeasuredOnlyInTheRegionsItsSourceCovers) {
  const Indicator& origin = *catalog_.Find("origin_maghreb_count");  // Statistiek Vlaanderen.
  EXPECT_TRUE(MeasuredIn(origin, "23027"));                          // Halle.
  EXPECT_TRUE(MeasuredIn(origin, "23027A00K"));                      // A sector of Halle.
  EXPECT_TRUE(MeasuredIn(origin, "02000"));                          // The Flemish Region.
  EXPECT_TRUE(MeasuredIn(origin, "20001"));                          // Vlaams-Brabant.
  EXPECT_FALSE(MeasuredIn(origin, "21004"));                         // Brussels-City.
  EXPECT_FALSE(MeasuredIn(origin, "21004-LNH"));                     // Laken, a part of it.
  EXPECT_FALSE(MeasuredIn(origin, "04000"));
  EXPECT_FALSE(MeasuredIn(origin, "25072"));  // Waterloo, in Walloon Brabant.
  EXPECT_TRUE(MeasuredIn(origin, "zone-x")) << "a code that says nothing of its region";
  EXPECT_FALSE(MeasuredIn(*catalog_.Find("origin_maghreb"), "21001")) << "computed from a Flemish count";
  EXPECT_TRUE(MeasuredIn(*catalog_.Find("pop_total"), "21001"));
  EXPECT_TRUE(MeasuredIn(*catalog_.Find("share_65plus"), "21001")) << "computed from Statbel's counts";
}

}  // namespace
}  // namespace zoneatlas::atlas

namespace zoneatlas::atlas {
namespace {

TEST_F(AtlasTest, TheNeedsIndexStandardisesTurnsAndWeighsIndicators) {
  // Three areas. VT (higher is worse): 10, 20, 30 → mean 20, sd √(200/3) = 8.165 →
  // z −1.2247, 0, 1.2247. Income (higher is better): 30,000, 20,000, 10,000 → the same z,
  // turned: −1.2247, 0, 1.2247. With weights 2 and 1 each index equals its z.
  const std::vector<NeedsArea> areas = {
      {"A", 1000, {{"increased_reimb", 10}, {"income_per_inhabitant", 30000}}},
      {"B", 2000, {{"increased_reimb", 20}, {"income_per_inhabitant", 20000}}},
      {"C", 1000, {{"increased_reimb", 30}, {"income_per_inhabitant", 10000}}},
      {"D", 500, {}},
  };
  const NeedsResult result =
      ComputeNeedsIndex(catalog_, {{"increased_reimb", 2}, {"income_per_inhabitant", 1}}, areas, 100'000, 0.5);
  ASSERT_EQ(result.areas.size(), 4u);
  EXPECT_EQ(result.areas[0].code, "C");
  EXPECT_EQ(result.areas[0].rank, 1);
  EXPECT_NEAR(*result.areas[0].index, 1.224745, 1e-6);
  EXPECT_NEAR(result.areas[0].scores.at("income_per_inhabitant"), 1.224745, 1e-6) << "low income is high need";
  EXPECT_EQ(result.areas[2].code, "A");
  EXPECT_EQ(result.areas[3].code, "D");
  EXPECT_FALSE(result.areas[3].index) << "no figures, no index";
  EXPECT_EQ(result.areas[3].rank, 0);
  // Budget 100,000, half universal: base 50,000 over 4,000 inhabitants (12.5 each).
  // Need above the lowest (A): A 0, B 1.2247 × 2,000, C 2.4495 × 1,000 → B and C share
  // the other 50,000 equally (2,449.5 each).
  const auto& c = result.areas[0];
  const auto& b = result.areas[1];
  const auto& a = result.areas[2];
  EXPECT_NEAR(a.base, 12'500, 1e-6);
  EXPECT_NEAR(a.need_share, 0, 1e-6) << "the least needy area gets the base only";
  EXPECT_NEAR(b.Allocation(), 25'000 + 25'000, 1e-6);
  EXPECT_NEAR(c.Allocation(), 12'500 + 25'000, 1e-6);
  EXPECT_NEAR(a.Allocation() + b.Allocation() + c.Allocation(), 100'000, 1e-6) << "the whole budget, no more";
}

TEST_F(AtlasTest, AnIndicatorWithoutDifferencesCannotRankAndABudgetWithoutNeedFollowsInhabitants) {
  const std::vector<NeedsArea> areas = {{"A", 1000, {{"leefloon", 5}}}, {"B", 3000, {{"leefloon", 5}}}};
  const NeedsResult result = ComputeNeedsIndex(catalog_, {{"leefloon", 1}}, areas, 4000, 0.25);
  EXPECT_EQ(result.constant_indicators, (std::vector<std::string>{"leefloon"}));
  EXPECT_FALSE(result.areas[0].index);
  // Two indicators that cancel out: the same need everywhere, so the budget follows the
  // inhabitants (1,000 and 3,000 of 4,000).
  const std::vector<NeedsArea> even = {{"A", 1000, {{"increased_reimb", 10}, {"income_per_inhabitant", 10000}}},
                                       {"B", 3000, {{"increased_reimb", 20}, {"income_per_inhabitant", 20000}}}};
  const NeedsResult shared =
      ComputeNeedsIndex(catalog_, {{"increased_reimb", 1}, {"income_per_inhabitant", 1}}, even, 4000, 0.25);
  for (const NeedsScore& score : shared.areas) {
    EXPECT_NEAR(*score.index, 0, 1e-12);
    EXPECT_NEAR(score.Allocation(), score.code == "A" ? 1000 : 3000, 1e-9);
  }
  EXPECT_FALSE(DefaultNeedsComponents().empty());
  for (const NeedsComponent& component : DefaultNeedsComponents()) {
    EXPECT_NE(catalog_.Find(component.indicator), nullptr) << component.indicator;
  }
}

// Wilson's interval against the values of the textbook formula (z = 1.96), at 0, 1, small
// and large counts.
TEST(IntervalTest, WilsonsIntervalOfAProportion) {
  const auto none = WilsonInterval(0, 10);
  ASSERT_TRUE(none);
  EXPECT_DOUBLE_EQ(none->low, 0);
  EXPECT_NEAR(none->high, 0.27753, 1e-5);
  EXPECT_NEAR(WilsonInterval(1, 10)->low, 0.01788, 1e-5);
  EXPECT_NEAR(WilsonInterval(1, 10)->high, 0.40415, 1e-5);
  EXPECT_NEAR(WilsonInterval(5, 10)->low, 0.23659, 1e-5);
  EXPECT_NEAR(WilsonInterval(5, 10)->high, 0.76341, 1e-5);
  EXPECT_NEAR(WilsonInterval(500, 1000)->low, 0.46907, 1e-5);
  EXPECT_NEAR(WilsonInterval(10, 10)->high, 1.0, 1e-12);
  EXPECT_FALSE(WilsonInterval(11, 10)) << "more people in the part than in the whole";
  EXPECT_FALSE(WilsonInterval(-1, 10));
  EXPECT_FALSE(WilsonInterval(0, 0));
}

// The exact Poisson interval against the published table of 95 % limits for a count
// (Garwood; as in Ulm 1990 and every epidemiology handbook).
TEST(IntervalTest, ExactPoissonIntervalOfACount) {
  const double table[][3] = {{0, 0, 3.689}, {1, 0.0253, 5.572}, {2, 0.2422, 7.225},
                             {5, 1.6235, 11.668}, {10, 4.7954, 18.390}, {20, 12.217, 30.889}};
  for (const auto& [count, low, high] : table) {
    const auto interval = PoissonInterval(count, 1);
    ASSERT_TRUE(interval);
    EXPECT_NEAR(interval->low, low, 5e-4) << count;
    EXPECT_NEAR(interval->high, high, 5e-3) << count;
  }
  // A rate: 10 deaths among 25,000 people, per 100,000.
  const auto rate = PoissonInterval(10, 25000);
  EXPECT_NEAR(rate->low * 100000, 4.7954 / 25000 * 100000, 1e-2);
  EXPECT_FALSE(PoissonInterval(3, 0));
}

// The catalog says which interval an indicator takes: Wilson for shares of people, Poisson
// for events, none for amounts of money.
TEST(IntervalTest, EachIndicatorTakesItsIntervalInItsUnit) {
  const Catalog catalog = *Catalog::Shipped();
  const Indicator& share = *catalog.Find("increased_reimb");
  EXPECT_EQ(share.interval, IntervalMethod::kWilson);
  const auto halle = IntervalOf(share, 4797, 41155);
  ASSERT_TRUE(halle);
  EXPECT_NEAR(halle->low, 11.34948, 1e-4);
  EXPECT_NEAR(halle->high, 11.96955, 1e-4);
  EXPECT_EQ(catalog.Find("leefloon")->interval, IntervalMethod::kWilson);
  EXPECT_EQ(catalog.Find("premature_mortality")->interval, IntervalMethod::kPoisson);
  EXPECT_EQ(catalog.Find("income_mean_return")->interval, IntervalMethod::kNone);
  EXPECT_FALSE(IntervalOf(*catalog.Find("income_mean_return"), 689200978.88, 22619));
  EXPECT_FALSE(IntervalOf(share, std::nullopt, 41155)) << "no numerator, no interval";
  EXPECT_FALSE(halle->unstable);
  EXPECT_TRUE(IntervalOf(share, 19, 4000)->unstable) << "under 20";
  EXPECT_FALSE(IntervalOf(share, 20, 4000)->unstable);
}

// Significance, not a fixed 10 %: a village's 13.2 % against a region's 12 % is chance
// (66 of 500: 10.5 % to 16.4 %), a town's 13.0 % against 12.6 % is not (5,356 of 41,155:
// 12.69 % to 13.34 %); at the interval's very edge the figure is not clearly different.
TEST(IntervalTest, HigherOrLowerOnlyWhenTheReferenceLiesOutsideTheInterval) {
  const Catalog catalog = *Catalog::Shipped();
  const Indicator& share = *catalog.Find("increased_reimb");
  const auto figure = [](double part, double whole) {
    return Figure{.value = {.value = part / whole * 100, .numerator = part, .denominator = whole}, .present = true};
  };
  EXPECT_EQ(StandingOf(share, figure(66, 500), 12.0), Standing::kSimilar) << "10 % above, but 500 people";
  EXPECT_EQ(StandingOf(66.0 / 500 * 100, 12.0), Standing::kAbove) << "the old rule said markedly higher";
  EXPECT_EQ(StandingOf(share, figure(5356, 41155), 12.6), Standing::kAbove) << "3 % above, 41,155 people";
  const auto edge = IntervalOf(share, 5356, 41155);
  EXPECT_EQ(StandingOf(share, figure(5356, 41155), edge->low), Standing::kSimilar);
  EXPECT_EQ(StandingOf(share, figure(5356, 41155), std::nextafter(edge->low, 0.0)), Standing::kAbove);
  EXPECT_EQ(StandingOf(share, figure(5356, 41155), std::nextafter(edge->high, 100.0)), Standing::kBelow);
  // Without its parts a figure falls back on the 10 % rule.
  const Figure bare{.value = {.value = 13.2, .numerator = std::nullopt, .denominator = std::nullopt}, .present = true};
  EXPECT_EQ(StandingOf(share, bare, 12.0), Standing::kAbove);
}

}  // namespace
}  // namespace zoneatlas::atlas
