// The geography's storage suite: the same cases against SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "audit/audit.hpp"
#include "geo/export.hpp"
#include "geo/geometry.hpp"
#include "geo/import.hpp"
#include "geo/store.hpp"
#include "platform/formats/xlsx.hpp"
#include "platform/geodata/ogr.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::geo {
namespace {

using testing::TestDatabase;

Date Day(const char* iso) { return *Date::Parse(iso); }

const audit::Actor kTester{"test", "the test suite"};

class GeoStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    store_ = std::make_unique<Store>(database());
  }

  db::Database& database() { return test_->database(); }

  // Imports the demo geography shipped in data/demo.
  void ImportDemo() {
    auto areas = ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester);
    ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe() : areas.error().message());
    auto zones = ImportZones(database(), "zones.csv", testing::RepositoryFile("data/demo/zones.csv"), kTester);
    ASSERT_TRUE(zones && zones->ok()) << (zones ? zones->Describe() : zones.error().message());
    auto boundaries =
        ImportBoundaries(database(), "boundaries.geojson", testing::RepositoryFile("data/demo/boundaries.geojson"),
                         {.source = "demo"}, kTester);
    ASSERT_TRUE(boundaries && boundaries->ok()) << (boundaries ? boundaries->Describe() : boundaries.error().message());
  }

  // The stored boundary of `code`; empty when there is none.
  formats::MultiPolygon BoundaryOf(const std::string& code) {
    auto geojson = store_->Boundary(code);
    if (!geojson || geojson->empty()) return {};
    auto geometry = formats::ParseGeometry(*geojson);
    return geometry ? *geometry : formats::MultiPolygon{};
  }

  long long CountRows(const std::string& table) {
    auto rows = database().WithConnection(
        [&](db::Connection& connection) { return connection.Query("SELECT COUNT(*) FROM " + table); });
    EXPECT_TRUE(rows);
    return rows ? rows->front().Integer(0) : -1;
  }

  std::unique_ptr<TestDatabase> test_;
  std::unique_ptr<Store> store_;
};

TEST_P(GeoStorageTest, MigrationsRunOnceAndAreListed) {
  auto again = database().Migrate();
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_TRUE(again->empty());
  auto statuses = database().Migrations();
  ASSERT_TRUE(statuses);
  ASSERT_GE(statuses->size(), 2u);
  EXPECT_EQ((*statuses)[0].name, "geography");
  for (const auto& status : *statuses) EXPECT_TRUE(status.applied) << status.name;
}

TEST_P(GeoStorageTest, AScriptRunsEveryStatementEvenAfterATrailingComment) {
  auto ran = database().WithConnection([](db::Connection& connection) {
    return connection.ExecuteScript(
        "CREATE TABLE script_a (x TEXT);  -- a comment after the statement\n"
        "-- a line of comment; with a semicolon\n"
        "CREATE TABLE script_b (x TEXT DEFAULT '--not a comment');\n"
        "INSERT INTO script_b DEFAULT VALUES;\n");
  });
  ASSERT_TRUE(ran) << ran.error().message();
  EXPECT_EQ(CountRows("script_a"), 0);
  auto rows =
      database().WithConnection([](db::Connection& connection) { return connection.Query("SELECT x FROM script_b"); });
  ASSERT_TRUE(rows && rows->size() == 1u);
  EXPECT_EQ(rows->front().Text(0), "--not a comment");
}

TEST_P(GeoStorageTest, TransactionsRollBackOnFailure) {
  auto failed = database().InTransaction([](db::Connection& connection) -> Status {
    auto inserted = connection.Execute(
        "INSERT INTO zones (id, kind, name_nl, name_fr, valid_from) VALUES ('z1', 'zorgzone', 'a', 'b', '2024-01-01')");
    if (!inserted) return Fail(inserted.error());
    return Fail(Error::InvalidArgument("a later row is bad"));
  });
  EXPECT_FALSE(failed);
  EXPECT_EQ(CountRows("zones"), 0);
  auto duplicate = database().WithConnection([](db::Connection& connection) -> Status {
    for (int i = 0; i < 2; ++i) {
      auto inserted = connection.Execute(
          "INSERT INTO zones (id, kind, name_nl, name_fr, valid_from) VALUES ('z1', 'zorgzone', 'a', 'b', "
          "'2024-01-01')");
      if (!inserted) return Fail(inserted.error());
    }
    return {};
  });
  ASSERT_FALSE(duplicate);
  EXPECT_TRUE(duplicate.error().Is(ErrorCode::kAlreadyExists)) << duplicate.error().ToString();
}

TEST_P(GeoStorageTest, DemoGeographyHasTheRealZones) {
  ImportDemo();
  const Date today = Day("2026-01-01");
  auto zones = store_->Zones(today);
  ASSERT_TRUE(zones) << zones.error().message();
  ASSERT_EQ(zones->size(), 6u);
  auto zennevallei = store_->FindZone("elz-zennevallei", today);
  ASSERT_TRUE(zennevallei);
  std::vector<std::string> codes;
  for (const auto& member : zennevallei->members) codes.push_back(member.area_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"23003", "23027", "23064", "23077", "23098", "23100", "23101"}));
  EXPECT_FALSE(zennevallei->IsApproximate());

  auto rode = store_->FindArea("23101", today);
  ASSERT_TRUE(rode);
  EXPECT_EQ(rode->names.nl, "Sint-Genesius-Rode");
  EXPECT_EQ(rode->names.fr, "Rhode-Saint-Genèse");
  ASSERT_TRUE(rode->boundary_area_km2);
  // Statbel gives 22.77 km² for Sint-Genesius-Rode; the simplified boundary is close.
  EXPECT_NEAR(*rode->boundary_area_km2, 22.8, 0.5);

  // Brussels-City is split between zones: its parts are members, marked approximate.
  auto brussels_zones = store_->ZonesWithMember("21004-LNH", today);
  ASSERT_TRUE(brussels_zones);
  ASSERT_EQ(brussels_zones->size(), 1u);
  EXPECT_EQ(brussels_zones->front().id, "zorgzone-noord");
  EXPECT_TRUE(brussels_zones->front().IsApproximate());
  auto parts = store_->Areas({.kind = AreaKind::kNeighbourhood, .parent_code = "21004"}, today);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->size(), 5u);
  for (const Area& part : *parts) EXPECT_TRUE(part.approximate) << part.code;

  auto municipalities = store_->Areas({.kind = AreaKind::kMunicipality, .parent_code = std::nullopt}, today);
  ASSERT_TRUE(municipalities);
  EXPECT_EQ(municipalities->size(), 26u);
}

TEST_P(GeoStorageTest, EveryWriteRaisesTheGeneration) {
  auto before = store_->Generation();
  ASSERT_TRUE(before) << before.error().message();
  auto failed = ImportAreas(database(), "bad.csv", "code,kind,name_nl,name_fr\n1,planet,X,Y\n", kTester);
  ASSERT_TRUE(failed && !failed->ok());
  EXPECT_EQ(*store_->Generation(), *before) << "a refused import writes nothing";
  ImportDemo();
  auto after = store_->Generation();
  ASSERT_TRUE(after);
  EXPECT_GT(*after, *before);
}

TEST_P(GeoStorageTest, AreasAreReadAtADate) {
  // The 2019 merger: Kruishoutem (45017) and Zingem (45057) became Kruisem (45068).
  const std::string csv =
      "code,kind,name_nl,name_fr,valid_from,valid_to\n"
      "45017,municipality,Kruishoutem,Kruishoutem,1977-01-01,2018-12-31\n"
      "45057,municipality,Zingem,Zingem,1977-01-01,2018-12-31\n"
      "45068,municipality,Kruisem,Kruisem,2019-01-01,\n";
  auto report = ImportAreas(database(), "merger.csv", csv, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : "");
  EXPECT_TRUE(store_->FindArea("45017", Day("2018-12-31")));
  auto gone = store_->FindArea("45017", Day("2019-01-01"));
  ASSERT_FALSE(gone);
  EXPECT_TRUE(gone.error().Is(ErrorCode::kNotFound));
  EXPECT_FALSE(store_->FindArea("45068", Day("2018-06-30")));
  EXPECT_TRUE(store_->FindArea("45068", Day("2019-01-01")));
  auto before = store_->Areas({.kind = AreaKind::kMunicipality, .parent_code = std::nullopt}, Day("2018-06-30"));
  auto after = store_->Areas({.kind = AreaKind::kMunicipality, .parent_code = std::nullopt}, Day("2020-06-30"));
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->size(), 2u);
  EXPECT_EQ(after->size(), 1u);
}

TEST_P(GeoStorageTest, ABadRowMeansNothingIsImportedAndEveryProblemIsNamed) {
  ImportDemo();
  const long long areas_before = CountRows("areas");
  const std::string csv =
      "code,kind,name_nl,name_fr,population,population_date,valid_from,approximate\n"
      "99001,municipality,Goed,Bon,1000,2024-01-01,1977-01-01,no\n"
      "99002,gemeente,Slecht,Mauvais,12a,2024-01-01,1977-01-01,no\n"
      "99003,municipality,,Sans nom,,,2025-02-30,misschien\n"
      "99001,municipality,Dubbel,Double,,,1977-01-01,no\n";
  auto report = ImportAreas(database(), "bad.csv", csv, kTester);
  ASSERT_TRUE(report) << report.error().message();
  EXPECT_FALSE(report->ok());
  const std::string described = report->Describe();
  EXPECT_NE(described.find("bad.csv:3: kind:"), std::string::npos) << described;
  EXPECT_NE(described.find("bad.csv:3: population: '12a' is not a whole number"), std::string::npos) << described;
  EXPECT_NE(described.find("bad.csv:4: name_nl:"), std::string::npos) << described;
  EXPECT_NE(described.find("bad.csv:4: valid_from:"), std::string::npos) << described;
  EXPECT_NE(described.find("bad.csv:4: approximate:"), std::string::npos) << described;
  EXPECT_NE(described.find("bad.csv:5: code: area 99001 valid from 1977-01-01 is already in this file (line 2)"),
            std::string::npos)
      << described;
  EXPECT_EQ(CountRows("areas"), areas_before) << "the good row must not be imported either";
}

TEST_P(GeoStorageTest, ZonesNeedKnownMembersAndConsistentRows) {
  ImportDemo();
  const std::string csv =
      "zone_id,kind,name_nl,name_fr,member_code,approximate\n"
      "elz-test,eerstelijnszone,ELZ Test,ZPL Test,23064,no\n"
      "elz-test,eerstelijnszone,ELZ Anders,ZPL Test,99999,no\n"
      "Bad Id,zorgzone,X,Y,21001,no\n";
  auto report = ImportZones(database(), "zones.csv", csv, kTester);
  ASSERT_TRUE(report);
  const std::string described = report->Describe();
  EXPECT_NE(described.find("zones.csv:3: zone_id: the zone's kind, names"), std::string::npos) << described;
  EXPECT_NE(described.find("zones.csv:3: member_code: area 99999 is not imported"), std::string::npos) << described;
  EXPECT_NE(described.find("zones.csv:4: zone_id:"), std::string::npos) << described;
  EXPECT_FALSE(store_->FindZone("elz-test", Date::Today()));
}

TEST_P(GeoStorageTest, ReimportingAZoneReplacesItsMembers) {
  ImportDemo();
  const std::string csv =
      "zone_id,kind,name_nl,name_fr,member_code,valid_from\n"
      "elz-zennevallei,eerstelijnszone,Eerstelijnszone Zennevallei,Zone de première ligne "
      "Zennevallei,23027,2020-01-01\n";
  auto report = ImportZones(database(), "one.csv", csv, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : "");
  auto zone = store_->FindZone("elz-zennevallei", Date::Today());
  ASSERT_TRUE(zone);
  ASSERT_EQ(zone->members.size(), 1u);
  EXPECT_EQ(zone->members[0].area_code, "23027");
}

TEST_P(GeoStorageTest, EveryChangeIsInTheHistoryAndCanBeRestored) {
  ImportDemo();
  auto created = audit::History(database(), "zone", "elz-zennevallei");
  ASSERT_TRUE(created) << created.error().message();
  ASSERT_EQ(created->size(), 1u);
  EXPECT_EQ((*created)[0].action, "create");
  EXPECT_EQ((*created)[0].actor.label, "the test suite");
  EXPECT_FALSE((*created)[0].before);

  const std::string csv =
      "zone_id,kind,name_nl,name_fr,member_code,valid_from\n"
      "elz-zennevallei,eerstelijnszone,Eerstelijnszone Zennevallei,Zone de première ligne "
      "Zennevallei,23027,2020-01-01\n";
  ASSERT_TRUE(ImportZones(database(), "one.csv", csv, {"editor-1", "editor@zone.be"})->ok());
  auto history = audit::History(database(), "zone", "elz-zennevallei");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  const audit::Change& update = (*history)[0];
  EXPECT_EQ(update.action, "update");
  EXPECT_EQ(update.actor.id, "editor-1");
  ASSERT_TRUE(update.before && update.after);
  EXPECT_NE(update.before->find("\"23101\""), std::string::npos);
  EXPECT_EQ(update.after->find("\"23101\""), std::string::npos);

  // Reimporting the same file changes nothing, and records nothing.
  ASSERT_TRUE(ImportZones(database(), "one.csv", csv, {"editor-1", "editor@zone.be"})->ok());
  EXPECT_EQ(audit::History(database(), "zone", "elz-zennevallei")->size(), 2u);

  ASSERT_TRUE(store_->Restore(update, /*before=*/true, {{"admin-1", "admin@zone.be"}, /*restore=*/true}));
  auto zone = store_->FindZone("elz-zennevallei", Date::Today());
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->members.size(), 7u);
  auto after_restore = audit::ZoneChanges(database(), "elz-zennevallei", 10);
  ASSERT_TRUE(after_restore);
  ASSERT_EQ(after_restore->size(), 3u);
  EXPECT_EQ((*after_restore)[0].action, "restore");
  EXPECT_EQ((*after_restore)[0].actor.label, "admin@zone.be");
  EXPECT_EQ((*after_restore)[0].after, update.before);

  auto created_change = audit::FindChange(database(), (*created)[0].id);
  ASSERT_TRUE(created_change);
  auto nothing = store_->Restore(*created_change, /*before=*/true, {{"admin-1", "admin@zone.be"}, true});
  ASSERT_FALSE(nothing);
  EXPECT_TRUE(nothing.error().Is(ErrorCode::kFailedPrecondition));

  auto area_history = audit::History(database(), "area", "23064");
  auto boundary_history = audit::History(database(), "boundary", "23064");
  ASSERT_TRUE(area_history && boundary_history);
  EXPECT_EQ(area_history->size(), 1u);
  EXPECT_EQ(boundary_history->size(), 1u);
}

TEST_P(GeoStorageTest, ImportsStatbelRefnisAsPublished) {
  const std::string refnis = testing::SharedData("statbel-refnis/TU_COM_REFNIS.txt");
  if (refnis.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  auto report = ImportAreas(database(), "TU_COM_REFNIS.txt", refnis, kTester);
  ASSERT_TRUE(report) << report.error().message();
  ASSERT_TRUE(report->ok()) << report->Describe().substr(0, 2000);
  EXPECT_GT(report->rows_imported, 2700);
  // Halle-Vilvoorde moved from the old province of Brabant (20000) to Flemish Brabant
  // (20001) on 1 January 1995: two versions, each valid in its own time.
  auto in_1990 = store_->FindArea("23000", Day("1990-01-01"));
  auto in_2000 = store_->FindArea("23000", Day("2000-01-01"));
  ASSERT_TRUE(in_1990 && in_2000);
  EXPECT_EQ(in_1990->parent_code, "20000");
  EXPECT_EQ(in_2000->parent_code, "20001");
  auto rode = store_->FindArea("23101", Day("2024-01-01"));
  ASSERT_TRUE(rode);
  EXPECT_EQ(rode->names.fr, "Rhode-Saint-Genèse");
  auto municipalities =
      store_->Areas({.kind = AreaKind::kMunicipality, .parent_code = std::nullopt}, Day("2020-01-01"));
  ASSERT_TRUE(municipalities);
  EXPECT_EQ(municipalities->size(), 581u);  // After the 2019 mergers, before those of 2025.
}

// Statbel's list of statistical sectors, the workbook as published (2025 delineation):
// each sector an area under its municipality, valid from its start date, its hm² as km².
TEST_P(GeoStorageTest, ImportsStatbelSectorsAsPublishedUnderTheMunicipalitiesKnown) {
  const std::string published = testing::SharedData("published/statbel-sectors-2025/OPENDATA_SECTOREN_2025_NEW.xlsx");
  if (published.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  ImportDemo();
  auto refused = ImportAreas(database(), "OPENDATA_SECTOREN_2025_NEW.xlsx", published, kTester);
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->ok()) << "sectors of municipalities not in the database, unless asked to leave them out";
  EXPECT_NE(refused->Describe().find("CD_REFNIS: parent area 11001 is neither in this file nor imported"),
            std::string::npos)
      << refused->Describe().substr(0, 600);
  auto report =
      ImportAreas(database(), "OPENDATA_SECTOREN_2025_NEW.xlsx", published, kTester, {.skip_unknown_parents = true});
  ASSERT_TRUE(report) << report.error().message();
  ASSERT_TRUE(report->ok()) << report->Describe().substr(0, 2000);
  EXPECT_EQ(report->rows_read, 21183);
  EXPECT_EQ(report->rows_imported + report->rows_skipped, 21183);
  // Halle's first sector, as the file gives it: start 45658 (2025-01-01), open end
  // (2958465), 18.5978 hm².
  auto oost = store_->FindArea("23027A00K", Day("2025-06-01"));
  ASSERT_TRUE(oost);
  EXPECT_EQ(oost->kind, AreaKind::kStatisticalSector);
  EXPECT_EQ(oost->parent_code, "23027");
  EXPECT_EQ(oost->names.nl, "HALLE CENTRUM OOST");
  EXPECT_EQ(oost->validity.from.ToIso(), "2025-01-01");
  EXPECT_FALSE(oost->validity.to);
  EXPECT_NEAR(*oost->land_area_km2, 0.185978318938503, 1e-12);
  EXPECT_FALSE(store_->FindArea("23027A00K", Day("2024-06-01"))) << "drawn in 2025";
  // The sectors that cannot be located have no area.
  auto unlocated = store_->FindArea("23027ZZZZ", Day("2025-06-01"));
  ASSERT_TRUE(unlocated);
  EXPECT_EQ(unlocated->names.fr, "Non localisable dans un secteur");
  EXPECT_FALSE(unlocated->land_area_km2);
  auto halle = store_->Areas({.kind = AreaKind::kStatisticalSector, .parent_code = "23027"}, Day("2025-06-01"));
  ASSERT_TRUE(halle);
  EXPECT_GT(halle->size(), 30u);
}

// The parts of Brussels-City that the zorgzones hold are made of its statistical sectors;
// a municipality without a composition is made of its own sectors.
TEST_P(GeoStorageTest, AnAreaIsMadeOfPartsWhateverTheirParents) {
  const std::string published = testing::SharedData("published/statbel-sectors-2025/OPENDATA_SECTOREN_2025_NEW.xlsx");
  if (published.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  ImportDemo();
  auto sectors =
      ImportAreas(database(), "OPENDATA_SECTOREN_2025_NEW.xlsx", published, kTester, {.skip_unknown_parents = true});
  ASSERT_TRUE(sectors && sectors->ok());
  auto report = ImportCompositions(database(), "brussels-city-parts.csv",
                                   testing::RepositoryFile("data/geography/brussels-city-parts.csv"), kTester);
  ASSERT_TRUE(report) << report.error().message();
  ASSERT_TRUE(report->ok()) << report->Describe();
  EXPECT_EQ(report->rows_imported, 112);
  auto parts = store_->PartsOf({"21004-LNH", "21008", "21004-VH", "23064B01-"}, Day("2025-06-01"));
  ASSERT_TRUE(parts) << parts.error().message();
  // Laeken (E, 22 sectors), Neder-Over-Heembeek (F, 14) and Haren (G, 8).
  ASSERT_TRUE(parts->contains("21004-LNH"));
  EXPECT_EQ(parts->at("21004-LNH").size(), 22u + 14u + 8u);
  EXPECT_EQ(parts->at("21004-LNH").front(), "21004E101");
  EXPECT_EQ(parts->at("21004-VH").size(), 32u);
  // Ganshoren has no composition: its sectors, the one not to be located included.
  ASSERT_TRUE(parts->contains("21008"));
  EXPECT_NE(std::ranges::find(parts->at("21008"), "21008ZZZZ"), parts->at("21008").end());
  EXPECT_FALSE(parts->contains("23064B01-")) << "a sector is made of nothing";
  // Every area at once, for adding up level by level: the region from its arrondissement,
  // that from its 19 municipalities, Brussels-City from its sectors and not from the parts
  // the zorgzones draw by hand.
  auto all = store_->AllParts(Day("2025-06-01"));
  ASSERT_TRUE(all) << all.error().message();
  EXPECT_EQ(all->at("04000"), std::vector<std::string>{"21000"});
  EXPECT_EQ(all->at("21000").size(), 19u);
  EXPECT_EQ(all->at("21004").size(), 113u) << "its 112 sectors in sections and the one not to be located";
  EXPECT_EQ(std::ranges::count_if(all->at("21004"), [](const std::string& code) { return code.find('-') == 5; }), 0);
  EXPECT_EQ(all->at("21004-LNH").size(), 44u);
  EXPECT_FALSE(all->contains("21004E101"));
  auto compositions = store_->Compositions();
  ASSERT_TRUE(compositions);
  ASSERT_EQ(compositions->size(), 5u);
  EXPECT_TRUE(compositions->front().approximate);
  auto history = audit::History(database(), "composition", "21004-LNH");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->size(), 1u) << "recorded in the audit trail";
  const long long stored = CountRows("area_parts");

  // Bad rows: nothing is written and each is named by line and field.
  auto refused = ImportCompositions(database(), "parts.csv",
                                    "area_code,part_code,approximate\n"
                                    "21004-VH,21004-VH,no\n"        // line 2: itself
                                    "21004-VH,21004X999,no\n"       // line 3: not imported
                                    "21004-NW,21004-LE,no\n"        // line 4: a part made of parts
                                    "21004E101,21004E112,no\n"      // line 5: a part made of parts
                                    "21004-VH,21004A001,maybe\n"    // line 6: not yes or no
                                    "21004-VH,21004A002,no\n"       // line 7
                                    "21004-VH,21004A002,no\n",      // line 8: twice
                                    kTester);
  ASSERT_TRUE(refused) << refused.error().message();
  const std::string problems = refused->Describe();
  EXPECT_NE(problems.find("parts.csv:2: part_code: an area cannot be a part of itself"), std::string::npos)
      << problems;
  EXPECT_NE(problems.find("parts.csv:3: part_code: area 21004X999 is not imported"), std::string::npos) << problems;
  EXPECT_NE(problems.find("parts.csv:4: part_code: 21004-LE is itself made of parts"), std::string::npos) << problems;
  EXPECT_NE(problems.find("parts.csv:5: area_code: 21004E101 is a part of 21004-LNH"), std::string::npos) << problems;
  EXPECT_NE(problems.find("parts.csv:6: approximate: 'maybe' is not yes or no"), std::string::npos) << problems;
  EXPECT_NE(problems.find("parts.csv:8: part_code: 21004A002 is already a part of 21004-VH (line 7)"),
            std::string::npos)
      << problems;
  EXPECT_EQ(CountRows("area_parts"), stored) << "all or nothing";

  // A file replaces the compositions it names, and only those.
  auto replaced = ImportCompositions(database(), "vh.csv", "area_code,part_code\n21004-VH,21004A001\n", kTester);
  ASSERT_TRUE(replaced && replaced->ok()) << (replaced ? replaced->Describe() : replaced.error().message());
  parts = store_->PartsOf({"21004-VH", "21004-LNH"}, Day("2025-06-01"));
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->at("21004-VH"), std::vector<std::string>{"21004A001"});
  EXPECT_EQ(parts->at("21004-LNH").size(), 44u);
}

TEST_P(GeoStorageTest, AStatbelSectorCodeIsNineCharactersOrTheFourAfterItsMunicipality) {
  ImportDemo();
  const std::string header =
      "CD_REFNIS|CD_SECTOR|POPULATION|DT_STRT_SECTOR|DT_STOP_SECTOR|TX_DESCR_SECTOR_NL|"
      "TX_DESCR_SECTOR_FR\n";
  auto report = ImportAreas(database(), "sectors.txt",
                            header +
                                "23027|A00-|1000|1981-03-01|9999-12-31|HALLE CENTRUM|HAL CENTRE\n"
                                "23003|23003A012|800|29646|2958465|BEERSEL DORP|\n",
                            kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : report.error().message());
  EXPECT_TRUE(store_->FindArea("23027A00-", Day("2024-01-01")));
  auto beersel = store_->FindArea("23003A012", Day("2024-01-01"));
  ASSERT_TRUE(beersel);
  EXPECT_EQ(beersel->validity.from.ToIso(), "1981-03-01");
  EXPECT_EQ(beersel->names.fr, "BEERSEL DORP") << "one name serves both languages";
  const auto before = store_->Generation();
  auto bad = ImportAreas(database(), "sectors.txt",
                         header + "23027|A0|1|1981-03-01||X|X\n23027|B001|1|not a day||Y|Y\n", kTester);
  ASSERT_TRUE(bad);
  EXPECT_FALSE(bad->ok());
  EXPECT_NE(bad->Describe().find("sectors.txt:2: CD_SECTOR: 'A0' is neither a nine-character sector code"),
            std::string::npos)
      << bad->Describe();
  EXPECT_NE(bad->Describe().find("sectors.txt:3: DT_STRT_SECTOR"), std::string::npos) << bad->Describe();
  EXPECT_EQ(*store_->Generation(), *before) << "a refused import writes nothing";
}

TEST_P(GeoStorageTest, ImportsRealBoundariesAndSkipsUnknownAreasOnlyWhenAsked) {
  const std::string boundaries = testing::SharedData("municipality-boundaries/municipalities-belgium.geojson");
  if (boundaries.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  auto areas = ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester);
  ASSERT_TRUE(areas && areas->ok());
  auto strict = ImportBoundaries(database(), "municipalities-belgium.geojson", boundaries, {}, kTester);
  ASSERT_TRUE(strict);
  EXPECT_FALSE(strict->ok());
  EXPECT_EQ(CountRows("area_geometries"), 0);

  auto lenient = ImportBoundaries(database(), "municipalities-belgium.geojson", boundaries,
                                  {.simplify_meters = 20, .skip_unknown = true, .source = "test"}, kTester);
  ASSERT_TRUE(lenient);
  ASSERT_TRUE(lenient->ok()) << lenient->Describe();
  EXPECT_EQ(lenient->rows_imported, 26);
  EXPECT_EQ(lenient->rows_skipped, 589 - 26);
  // Ixelles comes in two parts in this file (a GeometryCollection).
  auto ixelles = store_->FindArea("21009", Date::Today());
  ASSERT_TRUE(ixelles && ixelles->boundary_area_km2);
  EXPECT_NEAR(*ixelles->boundary_area_km2, 6.3, 0.4);  // Statbel: 6.34 km².
}

// Provincies in Cijfers' municipalities as published: a shapefile in Belgian Lambert 72,
// read and reprojected by GDAL, codes in the Swing platform's "geoitem".
TEST_P(GeoStorageTest, ImportsBoundariesInLambert72FromAShapefile) {
  const std::filesystem::path shapefile = testing::SourceRoot().parent_path() / "shared" / "data" / "published" /
                                          "provincies-in-cijfers-areas" / "shapefiles" / "gemeente.shp";
  if (!std::filesystem::exists(shapefile)) GTEST_SKIP() << "../shared/data is not beside the repository";
  ASSERT_TRUE(ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester)->ok());
  auto geojson = geodata::ReadAsGeoJson(shapefile);
  ASSERT_TRUE(geojson) << geojson.error().message();
  auto report =
      ImportBoundaries(database(), "gemeente.shp", *geojson, {.skip_unknown = true, .source = "PinC"}, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : report.error().message());
  // 304 features: the Flemish municipalities of 2025 and Brussels as one (code 04000).
  EXPECT_EQ(report->rows_read, 304);
  EXPECT_EQ(report->rows_imported, 26);
  auto halle = store_->FindArea("23027", Date::Today());
  ASSERT_TRUE(halle && halle->boundary_area_km2);
  EXPECT_NEAR(*halle->boundary_area_km2, 44.4, 1.0);  // Statbel: 44.39 km²; the file is simplified.
  const formats::MultiPolygon boundary = BoundaryOf("23027");
  EXPECT_TRUE(Contains(boundary, 4.2365, 50.7337));   // Halle's Grote Markt.
  EXPECT_FALSE(Contains(boundary, 4.3524, 50.8467));  // Brussels' Grand-Place.
}

// UrbIS' statistical sectors of Brussels as published: a GeoPackage in Lambert 72 whose
// features name their sector in "cd_sector".
TEST_P(GeoStorageTest, ReadsAGeoPackageUploadedAsItIs) {
  const std::string geopackage = testing::SharedData("published/brussels-sectors-2022/BXL_SS_PREPROCESSED.gpkg");
  if (geopackage.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  ASSERT_TRUE(ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester)->ok());
  const std::string sector =
      "code,kind,name_nl,name_fr,parent_code,valid_from\n"
      "21004A001,statistical_sector,Grote Markt,Grand-Place,21004,2022-01-01\n";
  ASSERT_TRUE(ImportAreas(database(), "sector.csv", sector, kTester)->ok());
  auto report = ImportBoundaries(database(), "BXL_SS_PREPROCESSED.gpkg", geopackage, {.skip_unknown = true}, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : report.error().message());
  EXPECT_EQ(report->rows_read, 724);
  EXPECT_EQ(report->rows_imported, 1);
  auto sector_area = store_->FindArea("21004A001", Date::Today());
  ASSERT_TRUE(sector_area && sector_area->boundary_area_km2);
  EXPECT_NEAR(*sector_area->boundary_area_km2, 0.1078, 0.002);      // The file's ms_area_ha: 10.775 ha.
  EXPECT_TRUE(Contains(BoundaryOf("21004A001"), 4.3524, 50.8467));  // The Grand-Place lies in its own sector.
}

// A file GDAL cannot read is refused in GDAL's words, naming the file as uploaded, never
// the private copy GDAL was given.
TEST_P(GeoStorageTest, AnUnreadableGeoPackageIsRefusedByItsOwnName) {
  auto report = ImportBoundaries(database(), "wijken.gpkg", "not a GeoPackage", {}, kTester);
  ASSERT_TRUE(report);
  ASSERT_FALSE(report->ok());
  EXPECT_NE(report->Describe().find("wijken.gpkg: Unable to open datasource `wijken.gpkg'"), std::string::npos)
      << report->Describe();
  EXPECT_EQ(report->Describe().find("zoneatlas-tmp-"), std::string::npos) << report->Describe();
  EXPECT_EQ(CountRows("area_geometries"), 0);
}

// Every Flemish eerstelijnszone, as `make demo` loads them from data/geography: each
// municipality of the published table (Provincies in Cijfers' gemeente_elz.xlsx) is a member
// of the zone elz.xlsx names for it, with a boundary and Statbel's inhabitants.
TEST_P(GeoStorageTest, EveryFlemishEerstelijnszoneAsPublished) {
  const std::string published = testing::SharedData("published/provincies-in-cijfers-areas/gemeente_elz.xlsx");
  const std::string names = testing::SharedData("published/provincies-in-cijfers-areas/elz.xlsx");
  if (published.empty() || names.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  ImportDemo();
  auto areas = ImportAreas(database(), "flanders-areas.csv",
                           testing::RepositoryFile("data/geography/flanders-areas.csv"), kTester);
  ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe() : areas.error().message());
  auto zones = ImportZones(database(), "flanders-zones.csv",
                           testing::RepositoryFile("data/geography/flanders-zones.csv"), kTester);
  ASSERT_TRUE(zones && zones->ok()) << (zones ? zones->Describe() : zones.error().message());
  auto boundaries = ImportBoundaries(database(), "flanders-boundaries.geojson",
                                     testing::RepositoryFile("data/geography/flanders-boundaries.geojson"), {}, kTester);
  ASSERT_TRUE(boundaries && boundaries->ok()) << (boundaries ? boundaries->Describe() : boundaries.error().message());

  auto zone_table = formats::ReadXlsx(names);
  auto member_table = formats::ReadXlsx(published);
  ASSERT_TRUE(zone_table && member_table);
  std::map<std::string, std::string> zone_name;  // "elz53" → "Zennevallei"
  for (const formats::CsvRecord& row : zone_table->front().table.records) zone_name[row.fields[1]] = row.fields[3];
  const Date today = Date::Today();
  auto stored = store_->Zones(today);
  ASSERT_TRUE(stored);
  std::set<std::string> flemish_zones;
  int municipalities = 0;
  for (const formats::CsvRecord& row : member_table->front().table.records) {
    const std::string& code = row.fields[0];
    const std::string& zone = row.fields[1];
    // Brussels is one zone on the platform (the zorgzones stand for it); 9999x locate nothing.
    if (zone == "elz7" || code.starts_with("9999")) continue;
    ++municipalities;
    flemish_zones.insert(zone);
    auto of = store_->ZonesWithMember(code, today);
    ASSERT_TRUE(of);
    const auto named = std::ranges::find_if(*of, [&](const Zone& candidate) {
      return candidate.names.nl == "Eerstelijnszone " + zone_name[zone] && candidate.kind == ZoneKind::kEerstelijnszone;
    });
    EXPECT_NE(named, of->end()) << code << " in " << zone_name[zone];
    EXPECT_FALSE(BoundaryOf(code).empty()) << code;
  }
  EXPECT_EQ(municipalities, 285) << "Flanders since the mergers of 1 January 2025";
  EXPECT_EQ(flemish_zones.size(), 56U);
  // Antwerp (Borsbeek since 2025): Statbel's sectors add up to 562,002 inhabitants.
  auto antwerpen = store_->FindArea("11002", today);
  ASSERT_TRUE(antwerpen);
  EXPECT_EQ(antwerpen->names.fr, "Anvers");
  EXPECT_EQ(antwerpen->population, 562002);
  EXPECT_EQ(antwerpen->parent_code, "10000");
}

// UrbIS' monitoring districts as published (a GeoPackage in Lambert 72): the Brussels
// Wijkmonitoring's wijken as areas under the Region, with their boundaries.
TEST_P(GeoStorageTest, ImportsTheBrusselsMonitoringDistrictsAsPublished) {
  const std::string geopackage =
      testing::SharedData("published/brussels-monitoring-districts/UrbAdm_MONITORING_DISTRICT.gpkg");
  if (geopackage.empty()) GTEST_SKIP() << "../shared/data is not beside the repository";
  ASSERT_TRUE(ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester)->ok());
  auto report = ImportAreas(database(), "UrbAdm_MONITORING_DISTRICT.gpkg", geopackage, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : report.error().message());
  EXPECT_EQ(report->rows_imported, 145);
  // District 26, as the file has it: DAILLY, 883,365.16 m², since 2015-10-05.
  auto dailly = store_->FindArea("mdrc-026", Date::Today());
  ASSERT_TRUE(dailly) << dailly.error().message();
  EXPECT_EQ(dailly->names.nl, "DAILLY");
  EXPECT_EQ(dailly->kind, AreaKind::kNeighbourhood);
  EXPECT_EQ(dailly->parent_code, "04000");
  EXPECT_EQ(dailly->validity.from, *Date::FromYmd(2015, 10, 5));
  ASSERT_TRUE(dailly->land_area_km2 && dailly->boundary_area_km2);
  EXPECT_NEAR(*dailly->land_area_km2, 0.8834, 0.0001);
  EXPECT_NEAR(*dailly->boundary_area_km2, 0.8834, 0.01);
  EXPECT_TRUE(Contains(BoundaryOf("mdrc-026"), 4.3864, 50.8543));  // Inside it (GDAL: ST_PointOnSurface).
}

// Coordinates that cannot be Belgian in WGS84 are refused, naming the feature: metres of
// a projection, or latitude and longitude swapped; the same file saying it is in Lambert
// 72 is reprojected and imported.
TEST_P(GeoStorageTest, ABoundaryOutsideBelgiumIsRefusedUnlessItsCoordinateSystemIsNamed) {
  ASSERT_TRUE(ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester)->ok());
  const auto collection = [](const std::string& ring, const std::string& members = "") {
    return R"({"type":"FeatureCollection",)" + members +
           R"("features":[{"type":"Feature","properties":{"code":"23027"},"geometry":{"type":"Polygon",)"
           R"("coordinates":[)" +
           ring + "]}}]}";
  };
  // A square of 1 km in Lambert 72 metres around Halle's Grote Markt (140,664 E, 158,138 N).
  const std::string lambert_square =
      "[[140164,157638],[141164,157638],[141164,158638],[140164,158638],[140164,157638]]";
  auto projected = ImportBoundaries(database(), "halle.geojson", collection(lambert_square), {}, kTester);
  ASSERT_TRUE(projected);
  ASSERT_FALSE(projected->ok());
  EXPECT_NE(projected->Describe().find("halle.geojson:feature 1: geometry: position [140164, 157638] is not "
                                       "longitude/latitude in WGS84"),
            std::string::npos)
      << projected->Describe();
  const std::string swapped = "[[50.73,4.23],[50.73,4.24],[50.74,4.24],[50.74,4.23],[50.73,4.23]]";
  auto refused = ImportBoundaries(database(), "halle.geojson", collection(swapped), {}, kTester);
  ASSERT_TRUE(refused);
  ASSERT_FALSE(refused->ok());
  EXPECT_NE(refused->Describe().find("halle.geojson:feature 1: geometry: area 23027: the point (50.73, 4.23) lies "
                                     "outside Belgium"),
            std::string::npos)
      << refused->Describe();
  EXPECT_EQ(CountRows("area_geometries"), 0);

  const std::string crs = R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::31370"}},)";
  auto imported = ImportBoundaries(database(), "halle.geojson", collection(lambert_square, crs), {}, kTester);
  ASSERT_TRUE(imported && imported->ok()) << (imported ? imported->Describe() : imported.error().message());
  auto halle = store_->FindArea("23027", Date::Today());
  ASSERT_TRUE(halle && halle->boundary_area_km2);
  EXPECT_NEAR(*halle->boundary_area_km2, 1.0, 0.01);
  EXPECT_TRUE(Contains(BoundaryOf("23027"), 4.2365, 50.7337));
}

TEST_P(GeoStorageTest, ExportsReadBackAsTheyWere) {
  ImportDemo();
  const Date today = Date::Today();
  auto areas = ExportAreas(*store_, today);
  auto zones = ExportZones(*store_, today);
  auto boundaries = ExportBoundaries(*store_, today);
  ASSERT_TRUE(areas && zones && boundaries);

  std::string skip_reason;
  auto other = TestDatabase::Create(GetParam(), skip_reason);
  ASSERT_TRUE(other);
  ASSERT_TRUE(ImportAreas(other->database(), "areas.csv", *areas, kTester)->ok());
  ASSERT_TRUE(ImportZones(other->database(), "zones.csv", *zones, kTester)->ok());
  ASSERT_TRUE(ImportBoundaries(other->database(), "b.geojson", *boundaries, {}, kTester)->ok());
  Store copy(other->database());
  EXPECT_EQ(*ExportAreas(copy, today), *areas);
  EXPECT_EQ(*ExportZones(copy, today), *zones);
  EXPECT_EQ(*ExportBoundaries(copy, today), *boundaries);
}

// The 2025 Flemish mergers: the old municipalities end and name the one they became.
TEST_P(GeoStorageTest, AMergedMunicipalityNamesWhatItBecame) {
  const std::string merger =
      "code,kind,name_nl,name_fr,valid_from,valid_to,successor_code\n"
      "44083,municipality,Deinze (oud),Deinze (ancien),1977-01-01,2024-12-31,44086\n"
      "44049,municipality,Nevele,Nevele,1977-01-01,2018-12-31,44083\n"
      "44085,municipality,Lievegem,Lievegem,2019-01-01,,\n"
      "44086,municipality,Deinze,Deinze,2025-01-01,,\n";
  auto report = ImportAreas(database(), "mergers.csv", merger, kTester);
  ASSERT_TRUE(report && report->ok()) << (report ? report->Describe() : report.error().message());
  auto predecessors = store_->Predecessors({"44086"});
  ASSERT_TRUE(predecessors);
  ASSERT_EQ(predecessors->size(), 1u);
  EXPECT_EQ(predecessors->front().code, "44083");
  EXPECT_EQ(*predecessors->front().successor_code, "44086");
  auto exported = ExportAreas(*store_, Day("2024-06-01"));
  ASSERT_TRUE(exported);
  EXPECT_NE(exported->find("44083,municipality,Deinze (oud),Deinze (ancien),,,1977-01-01,2024-12-31,,,,no,,,44086"),
            std::string::npos)
      << *exported;
  auto bad = ImportAreas(
      database(), "bad.csv",
      "code,kind,name_nl,name_fr,valid_from,successor_code\n11001,municipality,A,A,1977-01-01,11002\n", kTester);
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->Describe().find("bad.csv:2: successor_code: an area merged into another ends: give valid_to"),
            std::string::npos)
      << bad->Describe();
}

INSTANTIATE_TEST_SUITE_P(Engines, GeoStorageTest, ::testing::ValuesIn(testing::Engines()), testing::EngineTestName);

TEST(GeometryTest, MeasuresAndSimplifies) {
  // One by one kilometre, roughly, at Brussels' latitude.
  auto square = formats::ParseGeometry(
      R"({"type":"Polygon","coordinates":[[[4.35,50.85],[4.364185,50.85],[4.364185,50.858993],[4.35,50.858993],[4.35,50.85]]]})");
  ASSERT_TRUE(square);
  EXPECT_NEAR(AreaKm2(*square), 1.0, 0.01);
  EXPECT_EQ(GeometryProblem(*square), "");
  EXPECT_TRUE(Contains(*square, 4.357, 50.854));
  EXPECT_FALSE(Contains(*square, 4.37, 50.854));
  auto bowtie = formats::ParseGeometry(R"({"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]})");
  ASSERT_TRUE(bowtie);
  EXPECT_NE(GeometryProblem(*bowtie), "");
}

}  // namespace
}  // namespace zoneatlas::geo
