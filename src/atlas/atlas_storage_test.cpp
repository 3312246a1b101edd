// The atlas's storage suite: importing observations, deriving indicators and batches,
// against SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "atlas/export.hpp"
#include "atlas/import.hpp"
#include "atlas/observations.hpp"
#include "atlas/ranking.hpp"
#include "atlas/zone_data.hpp"
#include "audit/audit.hpp"
#include "geo/import.hpp"
#include "geo/store.hpp"
#include "platform/formats/xlsx.hpp"
#include "platform/view/view.hpp"
#include "tests/support/test_database.hpp"
#include "tests/support/zip_file.hpp"
#include "web/response_cache.hpp"

namespace zoneatlas::atlas {
namespace {

using testing::TestDatabase;

const audit::Actor kTester{"test", "the test suite"};

struct Choices {
  std::string source, period;
  bool dry_run = false, skip_unknown = false;
};
ObservationImportOptions Options(const Choices& choices) {
  ObservationImportOptions options;
  options.source = choices.source;
  options.period = choices.period;
  options.dry_run = choices.dry_run;
  options.skip_unknown = choices.skip_unknown;
  return options;
}

class AtlasStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    auto catalog = Catalog::Shipped();
    ASSERT_TRUE(catalog) << catalog.error().message();
    catalog_ = std::move(*catalog);
    store_ = std::make_unique<Store>(database());
    geography_ = std::make_unique<geo::Store>(database());
    services_ = std::make_unique<Services>(Services{catalog_, *store_, *geography_, cache_, ranking_});
    auto areas = geo::ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester);
    ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe() : areas.error().message());
  }

  db::Database& database() { return test_->database(); }

  ObservationImportReport Import(const std::string& name, const std::string& content,
                                 ObservationImportOptions options = {}) {
    auto report = ImportObservations(database(), catalog_, name, content, options, kTester);
    EXPECT_TRUE(report) << report.error().message();
    return report ? *report : ObservationImportReport{};
  }

  // The stored observation, or nullopt.
  std::optional<Observation> Find(const std::string& indicator, const std::string& area, const std::string& period) {
    auto found = Store(database()).Observations({.indicators = {indicator}, .areas = {area}, .periods = {period}});
    EXPECT_TRUE(found);
    if (!found || found->empty()) return std::nullopt;
    return found->front();
  }

  long long CountObservations() {
    auto stored = Store(database()).Observations({});
    return stored ? static_cast<long long>(stored->size()) : -1;
  }

  std::unique_ptr<TestDatabase> test_;
  Catalog catalog_;
  // What the atlas's pages and exports are given, over this test's database.
  std::unique_ptr<Store> store_;
  std::unique_ptr<geo::Store> geography_;
  web::ResponseCache cache_;
  RankingCache ranking_;
  std::unique_ptr<Services> services_;
};

TEST_P(AtlasStorageTest, ALongFileIsStoredWithItsBatchAndDerivedIndicatorsAreComputed) {
  const std::string file =
      "area_code,indicator,period,value,numerator,denominator\n"
      "23064,pop_total,2024,4650,,\n"
      "23064,pop_0_19,2024,1050,,\n"
      "23064,pop_20_64,2024,2700,,\n"
      "23064,pop_65plus,2024,900,,\n"
      "23064,pop_80plus,2024,250,,\n"
      "23064,diabetes_prev,2024,,330,4600\n"
      "23027,leefloon,2024,\"3,1\",130,41800\n";
  const ObservationImportReport report = Import(
      "pepingen.csv", file, Options({.source = "Statbel 2024", .period = "", .dry_run = false, .skip_unknown = false}));
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_EQ(report.layout, "long");
  EXPECT_EQ(report.rows_read, 7);
  EXPECT_EQ(report.observations, 7u);
  EXPECT_GT(report.batch_id, 0);
  // Derived: grey pressure = 900 / 2,700 × 100 = 33.33; dependency = 1,950 / 2,700 × 100.
  const auto grey = Find("grey_pressure", "23064", "2024");
  ASSERT_TRUE(grey);
  EXPECT_NEAR(*grey->value, 33.333, 1e-3);
  EXPECT_TRUE(grey->derived);
  EXPECT_NEAR(*Find("dependency_ratio", "23064", "2024")->value, 1950.0 / 2700 * 100, 1e-9);
  // A rate given as numerator and denominator gets its value: 330 / 4,600 × 100 = 7.17 %.
  EXPECT_NEAR(*Find("diabetes_prev", "23064", "2024")->value, 330.0 / 4600 * 100, 1e-9);
  // A decimal comma is a decimal.
  EXPECT_DOUBLE_EQ(*Find("leefloon", "23027", "2024")->value, 3.1);
  EXPECT_FALSE(Find("share_hh_single", "23064", "2024")) << "no households imported, so no share";

  auto batches = Store(database()).Batches(10);
  ASSERT_TRUE(batches);
  ASSERT_EQ(batches->size(), 1u);
  EXPECT_EQ(batches->front().source, "Statbel 2024");
  EXPECT_EQ(batches->front().checksum, Sha256Hex(file));
  EXPECT_EQ(batches->front().checksum.size(), 64u);
  EXPECT_EQ(batches->front().actor.label, "the test suite");
  auto history = audit::History(database(), "atlas_batch", std::to_string(report.batch_id));
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 1u);

  // A newer import replaces the figure and the derived values follow.
  ASSERT_TRUE(Import("fix.csv", "area_code,indicator,period,value\n23064,pop_65plus,2024,1080\n").ok());
  EXPECT_NEAR(*Find("grey_pressure", "23064", "2024")->value, 40.0, 1e-9);
  auto generation = Store(database()).Generation();
  ASSERT_TRUE(generation);
  EXPECT_EQ(*generation, 2);
}

TEST_P(AtlasStorageTest, EveryBadRowIsNamedAndNothingIsWritten) {
  const std::string file =
      "area_code,indicator,period,value\n"
      "23064,pop_total,2024,4650\n"
      "Atlantis,pop_total,2024,12\n"         // 3: unknown area
      "23027,pop_total,2024,veel\n"          // 4: not a number
      "23027,grey_pressure,2024,31\n"        // 5: derived: left out with a warning
      "23027,pop_weather,2024,31\n"          // 6: unknown indicator
      "23064,pop_total,2024,4651\n"          // 7: duplicate of line 2
      "23027,pop_total,last year,40000\n"    // 8: bad period
      "23027,pop_65plus,2024,-3\n"           // 9: negative count
      "area_code,indicator,period,value\n";  // 10: a stray header row
  const ObservationImportReport report = Import("bad.csv", file);
  ASSERT_FALSE(report.ok());
  const std::string described = report.Describe();
  for (const char* expected :
       {"bad.csv:3: area_code: 'Atlantis' matches no area", "bad.csv:4: value: 'veel' is not a number",
        "bad.csv:5: warning: indicator: 1 computed indicator(s) left out (grey_pressure): zoneatlas computes them",
        "bad.csv:6: indicator: 'pop_weather' is not an indicator",
        "bad.csv:7: value: pop_total for 23064 in 2024 appears twice (also on line 2)",
        "bad.csv:8: period: 'last year' is not a period", "bad.csv:9: value: a count cannot be negative",
        "bad.csv:10: area_code: 'area_code' matches no area"}) {
    EXPECT_NE(described.find(expected), std::string::npos) << expected << "\n" << described;
  }
  EXPECT_EQ(report.unmatched_areas, (std::vector<std::string>{"Atlantis", "area_code"}));
  EXPECT_EQ(report.batch_id, 0);
  EXPECT_EQ(CountObservations(), 0) << "all or nothing";
}

TEST_P(AtlasStorageTest, WideSheetsAsPeopleKeepThemInExcel) {
  // One column per year, municipalities by name in either language, a code without its
  // leading zero (Excel), blank cells for years without a figure.
  const std::string by_year =
      "Gemeente;indicator;2019;2020;2021\n"
      "Hal;increased_reimb;13,9;14,2;14,8\n"
      "Rhode-Saint-Genèse;increased_reimb;6,1;;6,4\n"
      "sint-genesius-rode;gmd_coverage;70;71;72\n";
  const ObservationImportReport wide = Import("vt.csv", by_year);
  ASSERT_TRUE(wide.ok()) << wide.Describe();
  EXPECT_EQ(wide.layout, "wide by period");
  EXPECT_EQ(wide.observations, 8u);
  EXPECT_DOUBLE_EQ(*Find("increased_reimb", "23027", "2020")->value, 14.2);
  EXPECT_FALSE(Find("increased_reimb", "23101", "2020"));
  // One column per indicator, for one period given on the command line.
  const ObservationImportReport by_indicator =
      Import("counts.csv", "nis;pop_total;pop_65plus;opmerking\n2000;6774807;1420000;Vlaams Gewest\n23098;5653;700;\n",
             Options({.source = "", .period = "2020", .dry_run = false, .skip_unknown = false}));
  ASSERT_TRUE(by_indicator.ok()) << by_indicator.Describe();
  EXPECT_EQ(by_indicator.layout, "wide by indicator");
  EXPECT_DOUBLE_EQ(*Find("pop_total", "02000", "2020")->value, 6774807);
  ASSERT_EQ(by_indicator.warnings.size(), 1u);
  EXPECT_EQ(by_indicator.warnings.front().field, "opmerking");
  // A sheet by year of a computed indicator would import nothing: it is refused, not quietly empty.
  ObservationImportOptions computed;
  computed.indicator = "grey_pressure";
  const ObservationImportReport refused = Import("grijze-druk.csv", "gemeente;2020;2021\nHalle;31,2;31,9\n", computed);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.Describe().find("'grey_pressure' is computed by zoneatlas from its counts"), std::string::npos)
      << refused.Describe();
  // Without a period, a sheet by indicator says what is missing.
  EXPECT_NE(Import("counts.csv", "nis;pop_total\n23098;5653\n").Describe().find("period"), std::string::npos);
}

// A title and a source line above the header, as people keep their sheets.
TEST_P(AtlasStorageTest, RowsAboveTheHeaderAreLeftOutAndSaid) {
  const ObservationImportReport csv = Import(
      "vt.csv", "Verhoogde tegemoetkoming;;\nBron: IMA-Atlas;;\ngemeente;indicator;2024\nHalle;increased_reimb;14,1\n");
  ASSERT_TRUE(csv.ok()) << csv.Describe();
  EXPECT_EQ(csv.observations, 1u);
  EXPECT_NE(csv.Describe().find("vt.csv:1: warning: 2 row(s) above the header (line 3) were left out"),
            std::string::npos)
      << csv.Describe();
  using formats::XlsxCell;
  auto workbook = formats::WriteXlsx({{"VT",
                                       {{std::string("Verhoogde tegemoetkoming")},
                                        {std::string("gemeente"), std::string("indicator"), std::string("2023")},
                                        {std::string("Hal"), std::string("increased_reimb"), 13.9}},
                                       {}}});
  ASSERT_TRUE(workbook);
  const ObservationImportReport xlsx = Import("vt.xlsx", *workbook);
  ASSERT_TRUE(xlsx.ok()) << xlsx.Describe();
  EXPECT_DOUBLE_EQ(*Find("increased_reimb", "23027", "2023")->value, 13.9);
  EXPECT_NE(xlsx.Describe().find("vt.xlsx:VT!1: warning: 1 row(s) above the header (line 2) were left out"),
            std::string::npos)
      << xlsx.Describe();
}

TEST_P(AtlasStorageTest, StatbelPopulationByAgeBecomesTheCatalogsAgeBands) {
  // Statbel's layout (TF_SOC_POP_STRUCT), a few strata: Pepingen (23064) and a
  // municipality not in the database (11001), with their district, province and region.
  const std::string header =
      "CD_REFNIS|TX_DESCR_NL|TX_DESCR_FR|CD_DSTR_REFNIS|CD_PROV_REFNIS|CD_RGN_REFNIS|CD_SEX|CD_NATLTY|CD_CIV_STS|CD_"
      "AGE|"
      "MS_POPULATION\n";
  std::string rows;
  auto row = [&](const char* code, const char* district, const char* province, int age, const char* nationality,
                 int count) {
    rows += std::string(code) + "|x|x|" + district + "|" + province + "|2000|F|" + nationality + "|1|" +
            std::to_string(age) + "|" + std::to_string(count) + "\n";
  };
  row("23064", "23000", "20001", 1, "BEL", 40);
  row("23064", "23000", "20001", 10, "BEL", 60);
  row("23064", "23000", "20001", 30, "BEL", 500);
  row("23064", "23000", "20001", 30, "ETR", 20);
  row("23064", "23000", "20001", 70, "BEL", 90);
  row("23064", "23000", "20001", 82, "BEL", 30);
  row("23064", "23000", "20001", 90, "BEL", 4);
  row("11001", "11000", "10000", 30, "BEL", 1000);
  const ObservationImportReport report = Import("TF_SOC_POP_STRUCT_2024.txt", header + rows);
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_EQ(report.layout, "statbel population");
  EXPECT_EQ(report.rows_read, 8);
  EXPECT_EQ(report.rows_skipped, 1);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23064", "2024")->value, 744);
  EXPECT_DOUBLE_EQ(*Find("pop_0_2", "23064", "2024")->value, 40);
  EXPECT_DOUBLE_EQ(*Find("pop_0_19", "23064", "2024")->value, 100);
  EXPECT_DOUBLE_EQ(*Find("pop_20_64", "23064", "2024")->value, 520);
  EXPECT_DOUBLE_EQ(*Find("pop_65plus", "23064", "2024")->value, 124);
  EXPECT_DOUBLE_EQ(*Find("pop_80plus", "23064", "2024")->value, 34);
  EXPECT_DOUBLE_EQ(*Find("pop_85plus", "23064", "2024")->value, 4);
  EXPECT_DOUBLE_EQ(*Find("pop_belgian", "23064", "2024")->value, 724);
  EXPECT_DOUBLE_EQ(*Find("pop_non_belgian", "23064", "2024")->value, 20);
  // The share of non-Belgians from the same rows: 20 / 744 × 100.
  EXPECT_NEAR(*Find("nationality_nonbelgian", "23064", "2024")->value, 20.0 / 744 * 100, 1e-9);
  // The region gets the sum of the rows of the file: Pepingen and 11001.
  EXPECT_DOUBLE_EQ(*Find("pop_total", "02000", "2024")->value, 1744);
  // And the derived indicators: 124 / 520 × 100.
  EXPECT_NEAR(*Find("grey_pressure", "23064", "2024")->value, 23.846, 1e-3);
}

TEST_P(AtlasStorageTest, ADryRunChecksEverythingAndWritesNothing) {
  const ObservationImportReport report =
      Import("ok.csv", "area_code,indicator,period,value\n23064,pop_total,2024,4650\n",
             Options({.source = "", .period = "", .dry_run = true, .skip_unknown = false}));
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.observations, 1u);
  EXPECT_EQ(report.batch_id, 0);
  EXPECT_EQ(CountObservations(), 0);
}

// The inhabitants of every municipality as the open compilation publishes them (2020).
TEST_P(AtlasStorageTest, RealPopulationFiguresImportFromTheirPublishedFile) {
  const std::string published = testing::SharedData("belgian-municipalities/belgian_municipalities_2020.csv");
  if (published.empty()) GTEST_SKIP() << "../shared/data is not there";
  const ObservationImportReport report =
      Import("belgian_municipalities_2020.csv", published,
             Options({.source = "", .period = "2020", .dry_run = false, .skip_unknown = true}));
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_EQ(report.rows_read, 581);
  EXPECT_EQ(report.observations, 26u) << "the 26 municipalities of the demo";
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23027", "2020")->value, 40182);   // Halle
  EXPECT_DOUBLE_EQ(*Find("pop_total", "21004", "2020")->value, 185103);  // Brussel
  // The 2018 edition writes "25,069" and the 2019 one "25 251": both are whole numbers.
  for (const char* year : {"2018", "2019"}) {
    const std::string file =
        testing::SharedData(std::string("belgian-municipalities/belgian_municipalities_") + year + ".csv");
    const ObservationImportReport older =
        Import("belgian_municipalities.csv", file,
               Options({.source = "", .period = year, .dry_run = false, .skip_unknown = true}));
    ASSERT_TRUE(older.ok()) << older.Describe();
  }
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23003", "2018")->value, 25069);  // Beersel
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23003", "2019")->value, 25251);
}

// Statbel's fiscal income per municipality, as downloaded: a zip holding one pipe-separated
// text file with a byte-order mark, an income year in CD_YEAR and totals in MS_* columns.
TEST_P(AtlasStorageTest, StatbelFiscalIncomeImportsFromTheZipAsPublished) {
  const std::string published =
      testing::SharedData("published/statbel-income-municipalities-2005-2013/TF_PSNL_INC_TAX_MUNTY_tcm325-272513.zip");
  if (published.empty()) GTEST_SKIP() << "../shared/data is not there";
  const ObservationImportReport report = Import("TF_PSNL_INC_TAX_MUNTY_tcm325-272513.zip", published);
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_EQ(report.layout, "statbel fiscal income");
  EXPECT_EQ(report.rows_read, 5301) << "589 municipalities over 9 years, less those not yet or no longer there";
  // Halle, income year 2013, as the file gives it: 689,200,978.88 € over 21,481 returns with
  // an income and 1,138 without, and 37,453 inhabitants.
  const auto mean = Find("income_mean_return", "23027", "2013");
  ASSERT_TRUE(mean);
  EXPECT_DOUBLE_EQ(*mean->numerator, 689200978.88);
  EXPECT_DOUBLE_EQ(*mean->denominator, 21481 + 1138);
  EXPECT_NEAR(*mean->value, 689200978.88 / 22619, 1e-6);
  const auto per_inhabitant = Find("income_per_inhabitant", "23027", "2013");
  ASSERT_TRUE(per_inhabitant);
  EXPECT_NEAR(*per_inhabitant->value, 689200978.88 / 37453, 1e-6);
  EXPECT_TRUE(Find("income_mean_return", "23100", "2005")) << "Linkebeek, the first year";
  // The Brussels-Capital Region as the sum of its 19 municipalities' rows in 2013.
  const auto brussels = Find("income_mean_return", "04000", "2013");
  ASSERT_TRUE(brussels);
  EXPECT_NEAR(*brussels->numerator, 15736035912.10, 0.01);
  EXPECT_DOUBLE_EQ(*brussels->denominator, 716638);
  EXPECT_FALSE(Find("income_median_return", "23027", "2013")) << "this edition has no median";
}

TEST_P(AtlasStorageTest, StatbelFiscalIncomeMarkedConfidentialIsLeftOutAndCounted) {
  const ObservationImportReport report =
      Import("TF_PSNL_INC_TAX_SECTOR.txt",
             "\xEF\xBB\xBF"
             "CD_YEAR|CD_MUNTY_REFNIS|MS_NBR_NON_ZERO_INC|MS_NBR_ZERO_INC|MS_TOT_NET_TAXABLE_INC|"
             "MS_TOT_RESIDENTS|MS_MEDIAN_NET_TAXABLE_INC\n"
             "2022|23027|22000|1000|800000000|40000|27500\n"
             "2022|23100|C|C|C|4800|C\n"
             "2022|99999|10|0|100|10|10\n");
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_DOUBLE_EQ(*Find("income_median_return", "23027", "2022")->value, 27500);
  EXPECT_FALSE(Find("income_mean_return", "23100", "2022")) << "secret, so no figure";
  EXPECT_NE(report.Describe().find("4 cell(s) marked confidential by their producer"), std::string::npos) << report.Describe();
  EXPECT_NE(report.Describe().find("1 areas of the file are not in the database"), std::string::npos)
      << report.Describe();
  // A cell that is neither a number nor C is a problem, and nothing is written.
  const long long before = CountObservations();
  const ObservationImportReport bad =
      Import("income.txt",
             "CD_YEAR|CD_MUNTY_REFNIS|MS_NBR_NON_ZERO_INC|MS_NBR_ZERO_INC|MS_TOT_NET_TAXABLE_INC\n"
             "2022|23027|22000|1000|veel\n2022|23003|-5|0|100\n");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.Describe().find("'veel' is not a number"), std::string::npos) << bad.Describe();
  EXPECT_NE(bad.Describe().find("cannot be negative"), std::string::npos) << bad.Describe();
  EXPECT_EQ(CountObservations(), before);
}

// Statbel's population per statistical sector, the same workbook the sectors came from:
// one figure per sector known, the year from the file's name.
TEST_P(AtlasStorageTest, StatbelSectorPopulationImportsForTheSectorsKnown) {
  const std::string published = testing::SharedData("published/statbel-sectors-2025/OPENDATA_SECTOREN_2025_NEW.xlsx");
  if (published.empty()) GTEST_SKIP() << "../shared/data is not there";
  auto sectors = geo::ImportAreas(database(), "OPENDATA_SECTOREN_2025_NEW.xlsx", published, kTester,
                                  {.skip_unknown_parents = true});
  ASSERT_TRUE(sectors && sectors->ok()) << (sectors ? sectors->Describe() : sectors.error().message());
  const ObservationImportReport report = Import("OPENDATA_SECTOREN_2025_NEW.xlsx", published);
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_EQ(report.layout, "statbel sector population");
  EXPECT_EQ(report.rows_read, 21183);
  EXPECT_EQ(report.observations, static_cast<std::size_t>(sectors->rows_imported)) << "one figure per sector known";
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23027A00K", "2025")->value, 1057);  // Halle centrum oost.
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23027ZZZZ", "2025")->value, 7) << "not located in a sector, still counted";
  EXPECT_FALSE(Find("pop_total", "23027", "2025")) << "a sector is never read as its municipality";
  // Halle's sectors add up to its 42,884 inhabitants on 1 January 2025.
  auto halle = Store(database()).Observations({.indicators = {"pop_total"}, .areas = {}, .periods = {"2025"}});
  ASSERT_TRUE(halle);
  double sum = 0;
  for (const Observation& figure : *halle) {
    if (figure.area_code.starts_with("23027") && figure.area_code.size() == 9) sum += *figure.value;
  }
  EXPECT_DOUBLE_EQ(sum, 42884);
}

// The Brussels Wijkmonitoring's export as downloaded (and edited by its owner: two
// districts twice, columns appended): labels, units and years in three rows above the
// districts, their figures stored for the monitoring districts imported from UrbIS.
TEST_P(AtlasStorageTest, TheBrusselsWijkmonitoringExportImportsPerDistrict) {
  const std::string districts =
      testing::SharedData("published/brussels-monitoring-districts/UrbAdm_MONITORING_DISTRICT.gpkg");
  const std::string published =
      testing::SharedData("published/brussels-wijkmonitoring-export/wijkmonitoring-export-v2.xlsx");
  if (districts.empty() || published.empty()) GTEST_SKIP() << "../shared/data is not there";
  // Without the districts as areas, each row says what to import first, and nothing is written.
  const ObservationImportReport without = Import("wijkmonitoring-export-v2.xlsx", published);
  EXPECT_FALSE(without.ok());
  EXPECT_NE(without.Describe().find("Gegevens!4: Code: district 2 (Dansaert) is not in the database"),
            std::string::npos)
      << without.Describe();
  auto areas = geo::ImportAreas(database(), "UrbAdm_MONITORING_DISTRICT.gpkg", districts, kTester);
  ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe() : areas.error().message());

  // A label the catalog does not know is named with --map; % becomes per 1,000 for leefloon.
  ObservationImportOptions options;
  options.columns["Aandeel begunstigden van een OCMW-inkomen (leefloon of equivalent) in de bevolking"] = "leefloon";
  const ObservationImportReport report = Import("wijkmonitoring-export-v2.xlsx", published, options);
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_EQ(report.layout, "brussels wijkmonitoring");
  EXPECT_EQ(report.rows_read, 119);
  // Marollen (district 8) and Dansaert (2), as the file gives them.
  EXPECT_DOUBLE_EQ(*Find("pop_total", "mdrc-008", "2021")->value, 12269);
  EXPECT_DOUBLE_EQ(*Find("income_median_return", "mdrc-008", "2020")->value, 16156);
  EXPECT_DOUBLE_EQ(*Find("increased_reimb", "mdrc-002", "2021")->value, 28.3);
  EXPECT_NEAR(*Find("leefloon", "mdrc-008", "2020")->value, 123.3, 1e-9);
  // The district written twice with different figures: both rows named, neither read.
  EXPECT_NE(report.Describe().find("Gegevens!17: warning: Code: district 37 (Flagey - Malibran) is on rows 17, 18"),
            std::string::npos)
      << report.Describe();
  EXPECT_FALSE(Find("pop_total", "mdrc-037", "2021"));
  // Labels nobody mapped are listed once, with their number of columns.
  EXPECT_NE(report.Describe().find("'Werkloosheidsgraad' (14)"), std::string::npos) << report.Describe();

  // The same layout by hand: a cell kept secret ("VS") is counted, not a problem; a row
  // whose district is no number is.
  const ObservationImportReport secret = Import("wijken.csv",
                                                ",Gebied,Totale bevolking,Totale bevolking\n"
                                                ",,Aantal inwoners,Aantal inwoners\n"
                                                ",,2022,2023\n"
                                                "8,Marollen,12000,VS\n");
  ASSERT_TRUE(secret.ok()) << secret.Describe();
  EXPECT_DOUBLE_EQ(*Find("pop_total", "mdrc-008", "2022")->value, 12000);
  EXPECT_NE(secret.Describe().find("1 cell(s) marked confidential by their producer"), std::string::npos)
      << secret.Describe();
  const ObservationImportReport bad = Import("wijken.csv",
                                             ",Gebied,Totale bevolking\n,,Aantal inwoners\n,,2022\n"
                                             "acht,Marollen,12000\n");
  EXPECT_NE(bad.Describe().find("wijken.csv:4: Code: 'acht' is not the number of a monitoring district (Marollen)"),
            std::string::npos)
      << bad.Describe();

  // A unit that does not fit the indicator named, and an indicator that does not exist.
  ObservationImportOptions wrong;
  wrong.columns["Mediaan belastbaar inkomen der aangiften"] = "increased_reimb";
  wrong.columns["Werkloosheidsgraad"] = "werkloosheid";
  const ObservationImportReport refused = Import("wijkmonitoring-export-v2.xlsx", published, wrong);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.Describe().find("Gegevens!2: Mediaan belastbaar inkomen der aangiften: the unit '€' does not fit "
                                    "increased_reimb (percent)"),
            std::string::npos)
      << refused.Describe();
  EXPECT_NE(refused.Describe().find("--map names 'werkloosheid', no indicator of the catalog"), std::string::npos)
      << refused.Describe();
}

// A Flemish producer's table with Brussels rows (filled in by hand, or from another
// source) does not make the indicator measured there: those figures are left out.
TEST_P(AtlasStorageTest, FiguresWhereTheIndicatorsSourceMeasuresNothingAreLeftOutAndSaid) {
  const ObservationImportReport report =
      Import("herkomst.csv",
             "area_code,indicator,period,value\n23027,origin_maghreb_count,2024,1200\n"
             "21001,origin_maghreb_count,2024,30000\n21004,origin_maghreb_count,2024,40000\n"
             "21001,pop_total,2024,128000\n");
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_TRUE(Find("origin_maghreb_count", "23027", "2024"));
  EXPECT_FALSE(Find("origin_maghreb_count", "21001", "2024"));
  EXPECT_TRUE(Find("pop_total", "21001", "2024"));
  EXPECT_NE(report.Describe().find("2 figure(s) left out for areas in a region their indicator's source does not "
                                   "cover (origin_maghreb_count)"),
            std::string::npos)
      << report.Describe();
}

// A cell may hold anything, of any length: reading it must never exhaust the stack (a
// backtracking pattern did, on a header of "2024." and 60,000 zeros).
TEST_P(AtlasStorageTest, AVeryLongCellIsReadWithoutExhaustingTheServer) {
  const std::string year = "2024." + std::string(60000, '0');
  const ObservationImportReport excel = Import("long.csv", "area_code,indicator," + year + "\n23027,pop_total,41000\n");
  ASSERT_TRUE(excel.ok()) << excel.Describe().substr(0, 500);
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23027", "2024")->value, 41000) << "Excel's 2024.000… is the year 2024";
  std::string grouped = "1";
  for (int i = 0; i < 30000; ++i) grouped += ",000";
  const ObservationImportReport count =
      Import("count.csv", "area_code,indicator,period,value\n23027,pop_total,2025,\"" + grouped + "\"\n");
  EXPECT_FALSE(count.ok()) << "a number no count can be";
  EXPECT_NE(count.Describe().find("is not a number"), std::string::npos) << count.Describe().substr(0, 300);
  const ObservationImportReport period = Import(
      "period.csv", "area_code,indicator,period,value\n23027,pop_total,2024-" + std::string(50000, '1') + ",5\n");
  EXPECT_FALSE(period.ok());
  EXPECT_NE(period.Describe().find("is not a period"), std::string::npos);
}

TEST_P(AtlasStorageTest, ThousandsOfBadRowsGiveTheFirstProblemsAndACount) {
  std::string file = "area_code,indicator,period,value\n";
  for (int row = 0; row < 50'000; ++row) file += "Atlantis" + std::to_string(row) + ",pop_total,2024,5\n";
  const ObservationImportReport report = Import("bad.csv", file);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.problems.size(), 50'000u) << "every problem is counted";
  EXPECT_EQ(report.problems.listed().size(), geo::ProblemList::kKept);
  EXPECT_EQ(report.problems.left_out(), 50'000u - geo::ProblemList::kKept);
  EXPECT_EQ(report.problems.front().location, "line 2");
  EXPECT_NE(report.Describe().find("bad.csv: … and 49000 more problem(s) not listed"), std::string::npos);
  EXPECT_EQ(report.unmatched_areas.size(), kUnmatchedListed);
}

// A zip must hold exactly one data file; otherwise the report says what it holds.
TEST_P(AtlasStorageTest, AZipWithSeveralOrNoDataFilesIsRefusedNamingWhatIsInside) {
  const std::string two = testing::Zip({{"a.txt", "CD_YEAR|CD_MUNTY_REFNIS\n"}, {"b.csv", "x\n"}});
  const ObservationImportReport several = Import("two.zip", two);
  EXPECT_FALSE(several.ok());
  EXPECT_NE(several.Describe().find("several data files"), std::string::npos) << several.Describe();
  EXPECT_NE(several.Describe().find("a.txt, b.csv"), std::string::npos) << several.Describe();
  const ObservationImportReport none = Import("none.zip", testing::Zip({{"readme.pdf", "%PDF"}}));
  EXPECT_FALSE(none.ok());
  EXPECT_NE(none.Describe().find("no data file"), std::string::npos) << none.Describe();
  EXPECT_NE(none.Describe().find("readme.pdf"), std::string::npos) << none.Describe();
  // One file inside: read as if it had come alone.
  const ObservationImportReport one = Import(
      "one.zip", testing::Zip({{"figures.csv", "area_code,indicator,period,value\n23027,pop_total,2024,42000\n"}}));
  ASSERT_TRUE(one.ok()) << one.Describe();
  EXPECT_DOUBLE_EQ(*Find("pop_total", "23027", "2024")->value, 42000);
}

// Statistical sectors of a municipality are stored together; each import must still
// change only the figures it brings, and derive each sector's own indicators.
TEST_P(AtlasStorageTest, SectorFiguresOfOneMunicipalityFollowEachImportSeparately) {
  auto sectors = geo::ImportAreas(
      database(), "sectors.csv",
      "code,kind,name_nl,name_fr,name_en,parent_code,valid_from,valid_to,population,population_date,land_area_km2,"
      "approximate,source,note\n"
      "23064A00-,statistical_sector,Pepingen-Centrum,Pepingen-Centre,,23064,1970-01-01,,,,,no,test,\n"
      "23064B01-,statistical_sector,Bogaarden,Bogaarden,,23064,1970-01-01,,,,,no,test,\n"
      "23064C00-,statistical_sector,Heikruis,Heikruis,,23064,1970-01-01,,,,,no,test,\n",
      kTester);
  ASSERT_TRUE(sectors && sectors->ok()) << (sectors ? sectors->Describe() : sectors.error().message());
  ASSERT_TRUE(Import("first.csv",
                     "area_code,indicator,period,value\n"
                     "23064A00-,pop_65plus,2024,300\n23064A00-,pop_20_64,2024,1000\n"
                     "23064B01-,pop_65plus,2024,120\n23064B01-,pop_20_64,2024,600\n"
                     "23064,pop_65plus,2024,900\n23064,pop_20_64,2024,2700\n")
                  .ok());
  const ObservationImportReport second = Import("second.csv",
                                                "area_code,indicator,period,value\n"
                                                "23064A00-,pop_65plus,2024,350\n"
                                                "23064C00-,pop_65plus,2024,80\n23064C00-,pop_20_64,2024,400\n");
  ASSERT_TRUE(second.ok()) << second.Describe();
  EXPECT_DOUBLE_EQ(*Find("pop_65plus", "23064A00-", "2024")->value, 350);
  EXPECT_DOUBLE_EQ(*Find("pop_65plus", "23064B01-", "2024")->value, 120) << "left as it was";
  EXPECT_DOUBLE_EQ(*Find("pop_65plus", "23064C00-", "2024")->value, 80);
  EXPECT_DOUBLE_EQ(*Find("pop_65plus", "23064", "2024")->value, 900) << "the municipality's own figure";
  // Grey pressure per sector, from that sector's counts only.
  EXPECT_NEAR(*Find("grey_pressure", "23064A00-", "2024")->value, 35.0, 1e-9);
  EXPECT_NEAR(*Find("grey_pressure", "23064B01-", "2024")->value, 20.0, 1e-9);
  EXPECT_NEAR(*Find("grey_pressure", "23064C00-", "2024")->value, 20.0, 1e-9);
  EXPECT_NEAR(*Find("grey_pressure", "23064", "2024")->value, 100.0 / 3, 1e-9);
  const auto a = Find("pop_65plus", "23064A00-", "2024");
  EXPECT_EQ(a->batch_id, second.batch_id) << "each figure remembers the batch it came from";
  EXPECT_NE(Find("pop_65plus", "23064B01-", "2024")->batch_id, second.batch_id);
  // Asking for one sector gives that sector only; asking for an indicator gives them all.
  auto one = Store(database()).Observations({.indicators = {}, .areas = {"23064B01-"}, .periods = {}});
  ASSERT_TRUE(one);
  EXPECT_TRUE(std::all_of(one->begin(), one->end(), [](const Observation& o) { return o.area_code == "23064B01-"; }));
  EXPECT_FALSE(one->empty());
  auto all = Store(database()).Observations({.indicators = {"pop_65plus"}, .areas = {}, .periods = {"2024"}});
  ASSERT_TRUE(all);
  std::vector<std::string> codes;
  for (const Observation& o : *all) codes.push_back(o.area_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"23064", "23064A00-", "23064B01-", "23064C00-"}));
}

// Migration 020 moved a row per figure into blocks: what was stored reads back the same.
TEST_P(AtlasStorageTest, FiguresStoredARowEachBeforeMigration20ReadBackTheSame) {
  const bool sqlite = GetParam() == db::Engine::kSqlite;
  auto moved = database().WithConnection([&](db::Connection& connection) -> Status {
    for (const char* sql :
         {"DROP TABLE atlas_figures",
          "CREATE TABLE atlas_observations (indicator_id TEXT NOT NULL, area_code TEXT NOT NULL, period TEXT NOT NULL,"
          " value DOUBLE PRECISION, numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, batch_id BIGINT NOT NULL,"
          " derived INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (indicator_id, area_code, period))",
          "INSERT INTO atlas_batches (id, at, actor_id, actor_label, file_name, layout, source, checksum, rows_read,"
          " observations, demo) VALUES (7, 0, 'test', 'test', 'old.csv', 'long', 'old', 'x', 4, 4, 1)",
          "INSERT INTO atlas_observations VALUES ('pop_65plus', '23064', '2024', 900, NULL, NULL, 7, 0),"
          " ('pop_65plus', '23064A00-', '2024', 300, NULL, NULL, 7, 0),"
          " ('pop_65plus', '23064B01-', '2024', 120, NULL, NULL, 7, 0),"
          " ('diabetes_prev', '23064', '2024', 7.1739130434782608, 330, 4600, 7, 0),"
          " ('grey_pressure', '23064', '2024', 33.333333333333336, 900, 2700, 7, 1)"}) {
      if (auto done = connection.Execute(sql); !done) return Fail(done.error());
    }
    return connection.ExecuteScript(testing::RepositoryFile(sqlite ? "migrations/020_atlas_figures.sqlite.sql"
                                                                   : "migrations/020_atlas_figures.postgresql.sql"));
  });
  ASSERT_TRUE(moved) << moved.error().message();
  auto stored = Store(database()).Observations({});
  ASSERT_TRUE(stored) << stored.error().message();
  ASSERT_EQ(stored->size(), 5u);
  const Observation& diabetes = (*stored)[0];
  EXPECT_EQ(diabetes.indicator_id, "diabetes_prev");
  EXPECT_EQ(*diabetes.value, 7.1739130434782608) << "every digit kept";
  EXPECT_EQ(*diabetes.numerator, 330);
  EXPECT_EQ(*diabetes.denominator, 4600);
  EXPECT_TRUE(diabetes.demo);
  EXPECT_EQ(diabetes.batch_id, 7);
  EXPECT_TRUE((*stored)[1].derived);
  EXPECT_EQ(*(*stored)[1].value, 33.333333333333336);
  EXPECT_EQ((*stored)[3].area_code, "23064A00-");
  EXPECT_FALSE((*stored)[3].numerator);
  EXPECT_EQ(*(*stored)[4].value, 120);
}

TEST_P(AtlasStorageTest, ARankingFromMemoryFollowsEveryImport) {
  auto zones = geo::ImportZones(database(), "zones.csv", testing::RepositoryFile("data/demo/zones.csv"), kTester);
  ASSERT_TRUE(zones && zones->ok());
  ASSERT_TRUE(Import("vt.csv",
                     "area_code,indicator,period,value,numerator,denominator\n"
                     "23027,increased_reimb,2024,,5000,40000\n23064,increased_reimb,2024,,900,4600\n"
                     "23100,increased_reimb,2024,,3,4700\n23003,increased_reimb,2024,,2000,25000\n")
                  .ok());
  const Store& store = *store_;
  const geo::Store& geography = *geography_;
  RankingCache cache;
  const Indicator& vt = *catalog_.Find("increased_reimb");
  auto first = cache.Rank(catalog_, store, geography, vt, "2024");
  ASSERT_TRUE(first) << first.error().message();
  // Halle 12.5 % before Beersel 8 %; Linkebeek's 3 people are not ranked, and neither is
  // Pepingen, the next smallest (900 people), or the zone minus the others would be 3.
  ASSERT_EQ(first->areas.size(), 2u);
  EXPECT_EQ(first->areas[0].area_code, "23027");
  EXPECT_EQ(first->areas[1].area_code, "23003");
  EXPECT_EQ(first->areas[1].rank, 2);
  EXPECT_EQ(first->protective, std::vector<std::string>{"23064"});
  const auto zone = std::find_if(first->zones.begin(), first->zones.end(),
                                 [](const ZoneFigure& z) { return z.zone_id == "elz-zennevallei"; });
  ASSERT_NE(zone, first->zones.end());
  EXPECT_NEAR(*zone->value.value, 7903.0 / 74300 * 100, 1e-9);
  EXPECT_TRUE(zone->value.incomplete);
  // A new figure for Halle: the next ranking sees it.
  ASSERT_TRUE(Import("vt2.csv",
                     "area_code,indicator,period,value,numerator,denominator\n"
                     "23027,increased_reimb,2024,,1000,40000\n")
                  .ok());
  auto second = cache.Rank(catalog_, store, geography, vt, "2024");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->areas[0].area_code, "23003");
  EXPECT_EQ(second->areas[1].area_code, "23027");
}

TEST_P(AtlasStorageTest, ADownloadNeverCarriesAFormulaASpreadsheetWouldRun) {
  auto zones = geo::ImportZones(database(), "zones.csv", testing::RepositoryFile("data/demo/zones.csv"), kTester);
  ASSERT_TRUE(zones && zones->ok());
  auto renamed =
      geo::ImportAreas(database(), "areas.csv",
                       "code,kind,name_nl,name_fr,parent_code,valid_from\n"
                       "23064,municipality,\"=HYPERLINK(\"\"http://evil.example\"\")\",Pepingen,23000,1977-01-01\n",
                       kTester);
  ASSERT_TRUE(renamed && renamed->ok()) << (renamed ? renamed->Describe() : renamed.error().message());
  ASSERT_TRUE(Import("p.csv", "area_code,indicator,period,value\n23064,pop_total,2024,4650\n").ok());
  auto texts = view::Catalog::Load();
  ASSERT_TRUE(texts);
  const Services& services = *services_;
  auto csv = ExportZone(services, *texts, "elz-zennevallei", Language::kNl, ExportFormat::kCsv, "pop_total");
  ASSERT_TRUE(csv) << csv.error().message();
  EXPECT_NE(csv->content.find("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), std::string::npos) << csv->content;
}

// Deinze: Nevele merged into it on 1 January 2019 (Deinze kept its code), then Deinze and
// Zulte into a new Deinze on 1 January 2025 (a new code). Figures published for the old
// codes are added up onto today's municipality, by each indicator's rule.
TEST_P(AtlasStorageTest, FiguresOfMergedMunicipalitiesAddUpOntoTodaysMunicipality) {
  auto areas = geo::ImportAreas(database(), "mergers.csv",
                                "code,kind,name_nl,name_fr,valid_from,valid_to,successor_code\n"
                                "44049,municipality,Nevele,Nevele,1977-01-01,2018-12-31,44083\n"
                                "44083,municipality,Deinze,Deinze,1977-01-01,2024-12-31,44086\n"
                                "44081,municipality,Zulte,Zulte,1977-01-01,2024-12-31,44086\n"
                                "44086,municipality,Deinze,Deinze,2025-01-01,,\n",
                                kTester);
  ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe() : areas.error().message());
  auto zones = geo::ImportZones(database(), "zones.csv",
                                "zone_id,kind,name_nl,name_fr,valid_from,member_code\n"
                                "elz-leieland,eerstelijnszone,Leieland,Leieland,2025-01-01,44086\n",
                                kTester);
  ASSERT_TRUE(zones && zones->ok()) << (zones ? zones->Describe() : zones.error().message());
  ASSERT_TRUE(Import("deinze.csv",
                     "area_code,indicator,period,value,numerator,denominator\n"
                     "44049,pop_total,2017,11000,,\n44083,pop_total,2017,20000,,\n44081,pop_total,2017,15000,,\n"
                     "44083,pop_total,2023,33000,,\n44081,pop_total,2023,16000,,\n44086,pop_total,2025,49500,,\n"
                     "44083,increased_reimb,2023,,3300,33000\n44081,increased_reimb,2023,,800,16000\n"
                     "44083,income_median_return,2023,27000,,\n44081,income_median_return,2023,29000,,\n")
                  .ok());
  const Services& services = *services_;
  auto data = LoadZone(services, "elz-leieland", Language::kNl, {});
  ASSERT_TRUE(data) << data.error().message();
  ASSERT_EQ(data->member_codes, (std::vector<std::string>{"44086"}));
  const ObservationIndex index(data->observations);
  const Comparison people = Compare(*catalog_.Find("pop_total"), index, data->Scope());
  const Series& deinze = people.members.at("44086");
  // 2017: Deinze (without Nevele then) + Nevele + Zulte.
  EXPECT_DOUBLE_EQ(*deinze.at("2017").Shown(), 20000 + 11000 + 15000);
  EXPECT_TRUE(deinze.at("2017").reaggregated);
  // 2023: Deinze (with Nevele since 2019) + Zulte; 2025: the new municipality's own figure.
  EXPECT_DOUBLE_EQ(*deinze.at("2023").Shown(), 33000 + 16000);
  EXPECT_DOUBLE_EQ(*deinze.at("2025").Shown(), 49500);
  EXPECT_FALSE(deinze.at("2025").reaggregated);
  EXPECT_DOUBLE_EQ(*people.zone.at("2023").Shown(), 49000) << "and the zone with it";
  // A ratio from its summed numerators and denominators: 4,100 / 49,000.
  const Comparison vt = Compare(*catalog_.Find("increased_reimb"), index, data->Scope());
  EXPECT_NEAR(*vt.members.at("44086").at("2023").Shown(), 4100.0 / 49000 * 100, 1e-9);
  // A median cannot be added up: no figure rather than a wrong one.
  const Comparison median = Compare(*catalog_.Find("income_median_return"), index, data->Scope());
  EXPECT_FALSE(median.members.at("44086").at("2023").present);
}

// Zorgzone Noord holds a part of Brussels-City (Laeken, Neder-Over-Heembeek and Haren) that
// has no figures of its own: it is made of the city's sectors of sections E, F and G, and
// its figure is theirs added up; a municipality without its own figure is its sectors'.
TEST_P(AtlasStorageTest, AnAreaMadeOfSectorsHasTheirFiguresAddedUp) {
  const std::string sectors = testing::SharedData("published/statbel-sectors-2025/OPENDATA_SECTOREN_2025_NEW.xlsx");
  if (sectors.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  auto zones = geo::ImportZones(database(), "zones.csv", testing::RepositoryFile("data/demo/zones.csv"), kTester);
  ASSERT_TRUE(zones && zones->ok());
  auto areas = geo::ImportAreas(database(), "OPENDATA_SECTOREN_2025_NEW.xlsx", sectors, kTester,
                                {.skip_unknown_parents = true});
  ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe().substr(0, 600) : areas.error().message());
  auto parts = geo::ImportCompositions(database(), "brussels-city-parts.csv",
                                       testing::RepositoryFile("data/geography/brussels-city-parts.csv"), kTester);
  ASSERT_TRUE(parts && parts->ok()) << (parts ? parts->Describe() : parts.error().message());
  const ObservationImportReport population =
      Import("OPENDATA_SECTOREN_2025_NEW.xlsx", sectors, Options({.skip_unknown = true}));
  ASSERT_TRUE(population.ok()) << population.Describe().substr(0, 600);

  const Services& services = *services_;
  auto data = LoadZone(services, "zorgzone-noord", Language::kNl, {"pop_total"});
  ASSERT_TRUE(data) << data.error().message();
  const ObservationIndex index(data->observations);
  const Comparison people = Compare(*catalog_.Find("pop_total"), index, data->Scope());
  // Sections E, F and G of 21004 in the file: 64,712 + 22,972 + 7,790 inhabitants.
  const Figure part = people.members.at("21004-LNH").at("2025");
  EXPECT_DOUBLE_EQ(*part.Shown(), 64712 + 22972 + 7790);
  EXPECT_TRUE(part.summed);
  // Ganshoren's sectors, the 17 not to be located in one included: its 25,693 inhabitants.
  EXPECT_DOUBLE_EQ(*people.members.at("21008").at("2025").Shown(), 25693);
  const Figure zone = people.zone.at("2025");
  EXPECT_FALSE(zone.value.incomplete) << "every member has its figure";
  // The region from its arrondissement, from its 19 municipalities, from their sectors: the
  // file's total of the codes 21xxx.
  EXPECT_DOUBLE_EQ(*people.region.at("2025").Shown(), 1255795);
  EXPECT_TRUE(people.region.at("2025").summed);
  EXPECT_DOUBLE_EQ(*zone.Shown(), 25693 + 54390 + 22979 + 95474 + 25803);
  // The ranking of all zones adds up the same parts.
  auto ranked = ranking_.Rank(catalog_, *store_, *geography_, *catalog_.Find("pop_total"), "2025");
  ASSERT_TRUE(ranked) << ranked.error().message();
  const auto noord = std::ranges::find(ranked->zones, "zorgzone-noord", &ZoneFigure::zone_id);
  ASSERT_NE(noord, ranked->zones.end());
  EXPECT_DOUBLE_EQ(*noord->value.value, 224339);

  // A published figure stands beside the sum; a difference over half a percent is told.
  ASSERT_TRUE(Import("published.csv", "area_code,indicator,period,value\n21008,pop_total,2025,26000\n"
                                      "21010,pop_total,2025,54500\n")
                  .ok());
  data = LoadZone(services, "zorgzone-noord", Language::kNl, {"pop_total"});
  ASSERT_TRUE(data) << data.error().message();
  const ObservationIndex again(data->observations);
  const Comparison published = Compare(*catalog_.Find("pop_total"), again, data->Scope());
  EXPECT_DOUBLE_EQ(*published.members.at("21008").at("2025").Shown(), 26000);
  EXPECT_FALSE(published.members.at("21008").at("2025").summed);
  ASSERT_EQ(data->roll_up_differences.size(), 1u) << "Jette: 54,390 beside 54,500 is 0.2 %";
  const RollUpDifference& ganshoren = data->roll_up_differences.front();
  EXPECT_EQ(ganshoren.area_code, "21008");
  EXPECT_DOUBLE_EQ(ganshoren.published, 26000);
  EXPECT_DOUBLE_EQ(ganshoren.sum, 25693);
  EXPECT_EQ(ganshoren.parts, 20) << "its 19 sectors and the one for those not to be located";
}

// Over every demo zone, indicator and period: a zone's figure minus its members' shown
// figures never equals a hidden member's (early school leavers once gave away 3 of 48).
TEST_P(AtlasStorageTest, NoHiddenFigureIsTheZoneMinusItsShownMembers) {
  auto zones = geo::ImportZones(database(), "zones.csv", testing::RepositoryFile("data/demo/zones.csv"), kTester);
  ASSERT_TRUE(zones && zones->ok());
  ASSERT_TRUE(Import("observations-demo.csv", testing::RepositoryFile("data/demo/observations-demo.csv")).ok());
  ASSERT_TRUE(Import("population.csv", testing::RepositoryFile("data/demo/population-2018-2020.csv")).ok());
  auto all = geography_->Zones(Date::Today());
  ASSERT_TRUE(all);
  int hidden = 0, protective = 0;
  for (const geo::Zone& zone : *all) {
    auto data = LoadZone(*services_, zone.id, Language::kNl, {});
    ASSERT_TRUE(data) << data.error().message();
    const ObservationIndex index(data->observations);
    for (const Indicator& indicator : catalog_.indicators()) {
      if (indicator.aggregation != Aggregation::kSum && indicator.aggregation != Aggregation::kRatioOfSums) continue;
      const Comparison comparison = Compare(indicator, index, data->Scope());
      for (const auto& [period, total] : comparison.zone) {
        if (!total.Shown()) continue;
        const bool ratio = indicator.aggregation == Aggregation::kRatioOfSums;
        double value = ratio ? total.value.numerator.value_or(0) : *total.value.value;
        double denominator = total.value.denominator.value_or(0);
        std::vector<const Figure*> hidden_here;
        for (const auto& [code, series] : comparison.members) {
          const auto it = series.find(period);
          if (it == series.end() || !it->second.present) continue;
          const Value& member = it->second.value;
          if (member.suppressed) {
            hidden_here.push_back(&it->second);
            protective += it->second.protective;
            continue;
          }
          value -= ratio ? member.numerator.value_or(0) : member.value.value_or(0);
          denominator -= member.denominator.value_or(0);
        }
        hidden += static_cast<int>(hidden_here.size());
        for (const Figure* member : hidden_here) {
          const bool given_away = ratio ? std::abs(value - member->value.numerator.value_or(-1)) < 1e-9 &&
                                              std::abs(denominator - member->value.denominator.value_or(-1)) < 1e-9
                                        : std::abs(value - member->value.value.value_or(-1)) < 1e-9;
          EXPECT_FALSE(given_away) << zone.id << " " << indicator.id << " " << period << ": the zone minus its shown "
                                   << "members is a hidden member's figure";
        }
      }
    }
  }
  EXPECT_GT(hidden, 0) << "the demo has hidden figures to protect";
  EXPECT_GT(protective, 0);
}

// A share of more people than it counts is kept as published, named in the report, and
// shown without an interval rather than a made-up one.
TEST_P(AtlasStorageTest, AShareAboveItsDenominatorIsToldAndHasNoInterval) {
  const ObservationImportReport report =
      Import("odd.csv", "area_code,indicator,period,value,numerator,denominator\n23027,increased_reimb,2024,,500,400\n");
  ASSERT_TRUE(report.ok()) << report.Describe();
  EXPECT_NE(report.Describe().find("odd.csv:2: warning: numerator: is larger than the denominator"),
            std::string::npos)
      << report.Describe();
  const auto stored = Find("increased_reimb", "23027", "2024");
  ASSERT_TRUE(stored);
  EXPECT_DOUBLE_EQ(*stored->value, 125);
  const Indicator& share = *catalog_.Find("increased_reimb");
  EXPECT_FALSE(IntervalOf(share, FigureOf(share, &*stored)));
}

// A zone's workbook, imported into another database, gives the same numbers.
TEST_P(AtlasStorageTest, AnExportedWorkbookImportsBackToTheSameNumbers) {
  auto zones = geo::ImportZones(database(), "zones.csv", testing::RepositoryFile("data/demo/zones.csv"), kTester);
  ASSERT_TRUE(zones && zones->ok());
  const ObservationImportReport demo =
      Import("observations-demo.csv", testing::RepositoryFile("data/demo/observations-demo.csv"));
  ASSERT_TRUE(demo.ok()) << demo.Describe();
  auto texts = view::Catalog::Load();
  ASSERT_TRUE(texts);
  const Services& services = *services_;
  const Store& store = *store_;
  auto workbook = ExportZone(services, *texts, "elz-zennevallei", Language::kFr, ExportFormat::kXlsx, "");
  ASSERT_TRUE(workbook) << workbook.error().message();
  EXPECT_EQ(workbook->file_name, "zoneatlas-elz-zennevallei.xlsx");

  std::string skip_reason;
  auto other = TestDatabase::Create(GetParam(), skip_reason);
  ASSERT_TRUE(other) << skip_reason;
  ASSERT_TRUE(
      geo::ImportAreas(other->database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester));
  auto again = ImportObservations(other->database(), catalog_, workbook->file_name, workbook->content, {}, kTester);
  ASSERT_TRUE(again) << again.error().message();
  ASSERT_TRUE(again->ok()) << again->Describe();
  // The group sheets are read; the zone's sheet and the definitions are left out.
  EXPECT_NE(again->Describe().find(":Zone: warning: sheet left out"), std::string::npos) << again->Describe();

  const std::vector<std::string> areas = {"23003", "23098", "23027", "23100", "23064", "23101", "23077", "02000"};
  auto before = store.Observations({.indicators = {}, .areas = areas, .periods = {}});
  auto after = Store(other->database()).Observations({.indicators = {}, .areas = areas, .periods = {}});
  ASSERT_TRUE(before && after);
  std::map<std::string, Observation> imported;
  for (const Observation& observation : *after) {
    imported[observation.indicator_id + "|" + observation.area_code + "|" + observation.period] = observation;
  }
  // What the zone's comparisons hide to protect another (ProtectHidden).
  std::set<std::string> protective;
  {
    auto data = LoadZone(*services_, "elz-zennevallei", Language::kNl, {});
    ASSERT_TRUE(data);
    const ObservationIndex index(data->observations);
    for (const Indicator& indicator : catalog_.indicators()) {
      const Comparison comparison = Compare(indicator, index, data->Scope());
      for (const auto& [code, series] : comparison.members) {
        for (const auto& [period, figure] : series) {
          if (figure.protective) protective.insert(indicator.id + "|" + code + "|" + period);
        }
      }
    }
  }
  EXPECT_FALSE(protective.empty()) << "the demo has figures hidden to protect another";
  int compared = 0;
  for (const Observation& observation : *before) {
    const Indicator& indicator = *catalog_.Find(observation.indicator_id);
    const Value shown = FigureOf(indicator, &observation).value;
    const auto found = imported.find(observation.indicator_id + "|" + observation.area_code + "|" + observation.period);
    if (shown.suppressed) {
      // Hidden in the export; a derived value of hidden counts cannot come back either.
      continue;
    }
    if (found == imported.end() && protective.contains(observation.indicator_id + "|" + observation.area_code + "|" +
                                                       observation.period)) {
      continue;  // Hidden to protect a small count beside it.
    }
    ASSERT_NE(found, imported.end()) << observation.indicator_id << " " << observation.area_code << " "
                                     << observation.period;
    EXPECT_DOUBLE_EQ(*found->second.value, *observation.value)
        << observation.indicator_id << " " << observation.area_code;
    if (observation.numerator) {
      EXPECT_DOUBLE_EQ(*found->second.numerator, *observation.numerator);
    }
    ++compared;
  }
  EXPECT_GT(compared, 2500);
}

INSTANTIATE_TEST_SUITE_P(Engines, AtlasStorageTest, ::testing::ValuesIn(testing::Engines()), testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::atlas
