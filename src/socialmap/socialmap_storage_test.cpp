// The social map against SQLite and PostgreSQL: HSDS import, the search index kept in
// step, and search quality on the demo social map.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include "geo/import.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/hsds_csv.hpp"
#include "socialmap/import.hpp"
#include "socialmap/proposals.hpp"
#include "socialmap/search.hpp"
#include "socialmap/store.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::socialmap {
namespace {

using testing::TestDatabase;

const audit::Actor kTester{"test", "the test suite"};

LocalMoment At(int year, int month, int day, int hour, int minute) {
  const Date date = *Date::FromYmd(year, month, day);
  return {.date = date, .weekday = WeekdayOf(date), .minutes = hour * 60 + minute};
}

// A search for what someone typed, nothing else chosen.
SearchRequest Typed(std::string text) {
  SearchRequest request;
  request.text = std::move(text);
  return request;
}

bool StartsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

class SocialMapStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  // The store holds exactly `records`' services, organisations and locations.
  void ExpectStoreHolds(const SocialMap& records) {
    auto now = store_->Everything();
    ASSERT_TRUE(now);
    EXPECT_EQ(now->services, records.services);
    EXPECT_EQ(now->organizations, records.organizations);
    EXPECT_EQ(now->locations, records.locations);
  }

  // What a published export carries: everything but who verified each service.
  static SocialMap AsPublished(SocialMap records) {
    for (Service& service : records.services) service.verified_by.clear();
    return records;
  }

  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    taxonomy_ = std::make_unique<Taxonomy>(*Taxonomy::Shipped());
    store_ = std::make_unique<Store>(database());
    geography_ = std::make_unique<geo::Store>(database());
    auto index = search::Index::Open((directory_.path() / "index").string());
    ASSERT_TRUE(index) << index.error().message();
    index_ = std::move(*index);
    search_ = std::make_unique<Search>(*taxonomy_, *store_, *geography_, *index_);
    auto areas = geo::ImportAreas(database(), "areas.csv", testing::RepositoryFile("data/demo/areas.csv"), kTester);
    ASSERT_TRUE(areas && areas->ok()) << (areas ? areas->Describe() : areas.error().message());
    const geo::ImportReport demo =
        Import("social-map-demo.json", testing::RepositoryFile("data/demo/social-map-demo.json"));
    ASSERT_TRUE(demo.ok()) << demo.Describe();
    ASSERT_EQ(demo.rows_imported, 80);
  }

  db::Database& database() { return test_->database(); }

  geo::ImportReport Import(const std::string& name, const std::string& content) {
    auto report = ImportHsds(database(), *taxonomy_, *geography_, name, content, {}, kTester, search_.get());
    EXPECT_TRUE(report) << report.error().message();
    return report ? *report : geo::ImportReport{};
  }

  SearchResult Find(SearchRequest request) {
    request.limit = 100;
    auto result = search_->Find(request);
    EXPECT_TRUE(result) << result.error().message();
    return result ? *result : SearchResult{};
  }
  SearchResult Find(const std::string& text) { return Find(Typed(text)); }

  static std::vector<std::string> Ids(const SearchResult& result) {
    std::vector<std::string> ids;
    for (const search::Hit& hit : result.hits) ids.push_back(hit.id);
    return ids;
  }
  static bool AllStartWith(const SearchResult& result, const std::vector<std::string>& prefixes) {
    return std::all_of(result.hits.begin(), result.hits.end(), [&](const search::Hit& hit) {
      return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return StartsWith(hit.id, p); });
    });
  }

  std::unique_ptr<TestDatabase> test_;
  testing::TemporaryDirectory directory_;
  std::unique_ptr<Taxonomy> taxonomy_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<geo::Store> geography_;
  std::unique_ptr<search::Index> index_;
  std::unique_ptr<Search> search_;
};

TEST_P(SocialMapStorageTest, StemmingAndAccentsFindWhatPeopleType) {
  // "voedselpakketten" finds the theme's word "voedselpakket" (Dutch stem): every food service.
  const SearchResult parcels = Find("voedselpakketten");
  EXPECT_EQ(parcels.total, 16u);
  EXPECT_TRUE(AllStartWith(parcels, {"demo-food-aid-", "demo-social-grocery-"}))
      << ::testing::PrintToString(Ids(parcels));
  // ... and the food distributions, whose own text says "voedselpakketten", come first.
  EXPECT_TRUE(StartsWith(parcels.hits.front().id, "demo-food-aid-"));
  // "geisoleerd" (no diaeresis) finds "Geïsoleerde mensen" and the theme's words.
  const SearchResult isolated = Find("geisoleerd");
  EXPECT_EQ(isolated.total, 12u);
  EXPECT_TRUE(AllStartWith(isolated, {"demo-service-centre-"}));
  // French stemming: "colis alimentaires" finds "colis alimentaire".
  EXPECT_GE(Find("colis alimentaires").total, 12u);
}

TEST_P(SocialMapStorageTest, SynonymsAcrossLanguagesAndJargon) {
  // CPAS, OCMW and sociaal huis are one thing: the social services of every municipality come first.
  for (const char* text : {"CPAS", "ocmw", "sociaal huis"}) {
    const SearchResult result = Find(text);
    ASSERT_GE(result.total, 12u) << text;
    EXPECT_TRUE(StartsWith(result.hits.front().id, "demo-social-service-")) << text << ": " << result.hits.front().id;
  }
  EXPECT_EQ(Ids(Find("CPAS")), Ids(Find("sociaal huis")));
  // voedselbank ~ colis alimentaire.
  EXPECT_EQ(Find("voedselbank").total, Find("colis alimentaire").total);
}

TEST_P(SocialMapStorageTest, MisspellingsGetADidYouMean) {
  const SearchResult result = Find("voedselbnak");
  EXPECT_EQ(result.total, 0u);
  ASSERT_TRUE(result.did_you_mean);
  EXPECT_EQ(*result.did_you_mean, "voedselbank");
  EXPECT_EQ(Find("dienstencentrum").did_you_mean, std::nullopt);
}

TEST_P(SocialMapStorageTest, FacetsCountEveryMatchAndFiltersCombine) {
  const SearchResult all = Find(SearchRequest{});
  EXPECT_EQ(all.total, 80u);
  EXPECT_EQ(all.facets.at("theme").at("drinking_water"), 12u);
  // Halle's six own services, the zone's eight, and Sint-Pieters-Leeuw's social grocery,
  // which serves the whole zone: counted by action area, not by address.
  EXPECT_EQ(all.facets.at("area").at("23027"), 15u);
  // Food in Halle, free: an AND across facets, an OR within one.
  SearchRequest food;
  food.themes = {"food"};
  food.areas = {"23027"};
  const SearchResult in_halle = Find(food);
  EXPECT_EQ(in_halle.total, 3u) << ::testing::PrintToString(Ids(in_halle));
  food.costs = {"free"};
  EXPECT_EQ(Ids(Find(food)), std::vector<std::string>{"demo-food-aid-23027"});
  food.costs = {"free", "reduced"};
  EXPECT_EQ(Find(food).total, 3u);
  SearchRequest arabic;
  arabic.languages = {"ar"};
  EXPECT_TRUE(AllStartWith(Find(arabic), {"demo-food-aid-", "demo-parenting-", "demo-night-shelter-"}));
}

TEST_P(SocialMapStorageTest, NearAPointSortedByDistanceWithinTheRadius) {
  SearchRequest near;
  near.text = "drinkwater";
  near.near = search::Point{50.7336, 4.2346};  // Halle's market square.
  near.radius_km = 10;
  const SearchResult result = Find(near);
  ASSERT_GE(result.total, 4u);
  EXPECT_EQ(result.hits.front().id, "demo-water-point-23027");
  double previous = 0;
  for (const search::Hit& hit : result.hits) {
    ASSERT_TRUE(hit.distance_km);
    EXPECT_LE(*hit.distance_km, 10.0);
    EXPECT_GE(*hit.distance_km, previous);
    previous = *hit.distance_km;
  }
  // Ixelles and Watermael-Boitsfort are 12 km and more away.
  const std::vector<std::string> ids = Ids(result);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "demo-water-point-21009"), 0);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "demo-water-point-21017"), 0);
  near.radius_km = 1;
  EXPECT_EQ(Ids(Find(near)), std::vector<std::string>{"demo-water-point-23027"});
}

// Whether ranked by relevance, nearest first or in no order at all, pages of three follow
// one another without a gap or a repeat, and every page tells the same total and counts.
TEST_P(SocialMapStorageTest, PagesFollowOneAnotherInEveryOrder) {
  SearchRequest by_relevance = Typed("voedselhulp");
  SearchRequest nearest = Typed("hulp");
  nearest.near = search::Point{50.7336, 4.2346};
  SearchRequest unordered;
  unordered.languages = {"nl"};
  for (SearchRequest request : {by_relevance, nearest, unordered}) {
    const SearchResult whole = Find(request);
    ASSERT_GT(whole.total, 6u) << request.text;
    ASSERT_EQ(whole.hits.size(), std::min<std::size_t>(whole.total, 100));
    std::vector<std::string> paged;
    for (request.offset = 0; request.offset < whole.hits.size(); request.offset += 3) {
      request.limit = 3;
      const auto page = search_->Find(request);
      ASSERT_TRUE(page) << page.error().message();
      EXPECT_EQ(page->total, whole.total);
      EXPECT_EQ(page->facets, whole.facets);
      for (const search::Hit& hit : page->hits) paged.push_back(hit.id);
    }
    EXPECT_EQ(paged, Ids(whole)) << request.text;
  }
  // The name says it, so it comes before what only mentions it.
  EXPECT_TRUE(StartsWith(Find("voedselhulp").hits.front().id, "demo-food-aid-"));
}

// The server searches from many threads: each gets the answer a lone search gets (the
// stemmers keep working buffers, so sharing one across threads corrupted memory).
TEST_P(SocialMapStorageTest, SearchesFromManyThreadsAtOnceAnswerAsAlone) {
  const std::vector<std::string> texts{"voedselpakketten", "geisoleerd", "ocmw", "cpas", "drinkwater", "logement"};
  std::map<std::string, std::vector<std::string>> alone;
  for (const std::string& text : texts) alone[text] = Ids(Find(text));
  std::atomic<int> differing = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const std::string& text = texts[static_cast<std::size_t>(t + round) % texts.size()];
        SearchRequest request = Typed(text);
        request.limit = 100;
        const auto result = search_->Find(request);
        if (!result || Ids(*result) != alone.at(text)) ++differing;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(differing, 0);
}

TEST_P(SocialMapStorageTest, OpenNowAtFixedTimesIncludingHolidaysAndNights) {
  // Monday 23 November 2026, 10:00: the social services are open (MO 09:00–12:00).
  SearchRequest monday = Typed("ocmw");
  monday.open_at = At(2026, 11, 23, 10, 0);
  EXPECT_GE(Find(monday).total, 12u);
  // Saturday 03:00: only what runs through the night or all day.
  SearchRequest night;
  night.open_at = At(2026, 11, 28, 3, 0);
  const SearchResult at_night = Find(night);
  EXPECT_EQ(at_night.total, 12u + 2u) << ::testing::PrintToString(Ids(at_night));
  EXPECT_TRUE(AllStartWith(at_night, {"demo-water-point-", "demo-night-shelter-"}));
  // Easter Monday 2026, 10:00: closed everywhere except what is kept on holidays.
  SearchRequest easter;
  easter.open_at = At(2026, 4, 6, 10, 0);
  EXPECT_TRUE(AllStartWith(Find(easter), {"demo-water-point-", "demo-night-shelter-"}));
  // On a day: Friday 27 November 2026 has the food distributions.
  SearchRequest friday = Typed("voedselpakket");
  friday.open_on = *Date::FromYmd(2026, 11, 27);
  EXPECT_EQ(Find(friday).total, 12u);
  friday.open_on = *Date::FromYmd(2026, 11, 26);
  EXPECT_EQ(Find(friday).total, 0u);
  // The "open now" count rides along with any search.
  SearchRequest counted;
  counted.now = At(2026, 11, 28, 3, 0);
  EXPECT_EQ(Find(counted).open_now, 14u);
}

TEST_P(SocialMapStorageTest, OddQueriesNeverFail) {
  for (const std::string& text :
       {std::string("\"unterminated"), std::string("AND OR NOT"), std::string("*"), std::string(5000, 'x'),
        std::string("🙂 ∑ \xE2\x80\x8B"), std::string("a:b NEAR/3 (c")}) {
    auto result = search_->Find(Typed(text));
    EXPECT_TRUE(result) << text.substr(0, 40);
  }
}

TEST_P(SocialMapStorageTest, ExportImportsBackToTheSameRecords) {
  auto before = store_->Everything();
  ASSERT_TRUE(before);
  const std::string exported = WriteHsdsJson(*before, Language::kNl);
  const geo::ImportReport again = Import("export.json", exported);
  ASSERT_TRUE(again.ok()) << again.Describe();
  ExpectStoreHolds(AsPublished(*before));
  // Inside zoneatlas (proposals, the audit trail) who verified is kept.
  ASSERT_TRUE(Import("internal.json", WriteHsdsJson(*before, Language::kNl, Readers::kInternal)).ok());
  ExpectStoreHolds(*before);
}

TEST_P(SocialMapStorageTest, TheCsvPackageImportsBackToTheSameRecords) {
  auto before = store_->Everything();
  ASSERT_TRUE(before);
  const CsvPackage package = WriteHsdsCsv(*before, Language::kNl);
  for (const char* file : {"services.csv", "organizations.csv", "locations.csv", "addresses.csv", "phones.csv",
                           "schedules.csv", "service_areas.csv", "service_at_location.csv", "languages.csv",
                           "attributes.csv", "taxonomy_terms.csv", "taxonomies.csv", "datapackage.json"}) {
    EXPECT_TRUE(package.contains(file)) << file;
  }
  EXPECT_TRUE(package.at("services.csv").starts_with("id,organization_id,program_id,name,")) << "HSDS's own columns";
  geo::ImportReport assembly;
  const std::string assembled = AssembleHsdsCsv(package, assembly);
  ASSERT_TRUE(assembly.ok()) << assembly.Describe();
  const geo::ImportReport again = Import("package", assembled);
  ASSERT_TRUE(again.ok()) << again.Describe();
  ExpectStoreHolds(AsPublished(*before));
}

// A description or phone a partner wrote, opened in a spreadsheet, never runs as a formula;
// read back, it is what was written.
TEST_P(SocialMapStorageTest, TheCsvPackageNeverHandsASpreadsheetAFormula) {
  auto records = store_->Everything();
  ASSERT_TRUE(records);
  Service& service = records->services.front();
  service.description.nl = "=HYPERLINK(\"http://evil.example\",\"Klik hier\")";
  const CsvPackage package = WriteHsdsCsv(*records, Language::kNl);
  EXPECT_NE(package.at("services.csv").find(",\"'=HYPERLINK("), std::string::npos) << package.at("services.csv");
  EXPECT_EQ(package.at("services.csv").find(",\"=HYPERLINK("), std::string::npos);
  EXPECT_NE(package.at("phones.csv").find(",+32 "), std::string::npos) << "a phone number is data";
  geo::ImportReport assembly;
  const std::string assembled = AssembleHsdsCsv(package, assembly);
  ASSERT_TRUE(assembly.ok()) << assembly.Describe();
  ASSERT_TRUE(Import("package", assembled).ok());
  auto stored = store_->FindService(service.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->description.nl, service.description.nl);
}

TEST_P(SocialMapStorageTest, ACsvPackageWithBrokenReferencesNamesEachByFileAndRow) {
  auto before = store_->Everything();
  ASSERT_TRUE(before);
  CsvPackage package = WriteHsdsCsv(*before, Language::kNl);
  // Leave out the first location and give a phone a service that is not there.
  std::string& locations = package.at("locations.csv");
  const auto first = locations.find('\n') + 1;
  const std::string removed = locations.substr(first, locations.find('\n', first) + 1 - first);
  locations.erase(first, removed.size());
  package.at("phones.csv") += "p-x,,no-such-service,,,,+32 2 000 00 00,,,\n";
  package.at("attributes.csv") += "a-x,demo-food-aid-23027,zoneatlas-themes:cooking,service,service,\n";
  geo::ImportReport report;
  AssembleHsdsCsv(package, report);
  const std::string described = report.Describe();
  EXPECT_NE(described.find("phones.csv:"), std::string::npos) << described;
  EXPECT_NE(described.find("service_id: 'no-such-service' is not in services.csv"), std::string::npos);
  EXPECT_NE(described.find("location_id: '" + removed.substr(0, removed.find(',')) + "' is not in locations.csv"),
            std::string::npos);
  EXPECT_NE(described.find("taxonomy_term_id: 'zoneatlas-themes:cooking' is not in taxonomy_terms.csv"),
            std::string::npos);
  geo::ImportReport none;
  AssembleHsdsCsv({{"organizations.csv", "id,name\n"}}, none);
  EXPECT_NE(none.Describe().find("the package has no services.csv"), std::string::npos);
}

TEST_P(SocialMapStorageTest, OpenReferralsOwnCsvPackageIsReadAndItsForeignPlacesRefused) {
  CsvPackage package;
  for (const char* file : {"services.csv", "organizations.csv", "locations.csv", "addresses.csv", "phones.csv",
                           "schedules.csv", "service_areas.csv", "service_at_location.csv", "languages.csv",
                           "attributes.csv", "taxonomy_terms.csv", "taxonomies.csv"}) {
    const std::string content = testing::SharedData(std::string("hsds-3.0/examples/csv/") + file);
    if (content.empty()) GTEST_SKIP() << "../shared/data/hsds-3.0 is not beside the repository";
    package[file] = content;
  }
  geo::ImportReport assembly;
  const std::string assembled = AssembleHsdsCsv(package, assembly);
  EXPECT_TRUE(assembly.ok()) << "every reference in the example resolves: " << assembly.Describe();
  geo::ImportReport report;
  auto resolver = MunicipalityResolver(*geography_);
  ASSERT_TRUE(resolver);
  const SocialMap map = ParseHsdsJson(assembled, *taxonomy_, *resolver, report);
  ASSERT_EQ(report.problems.size(), 2u) << report.Describe();
  EXPECT_NE(report.Describe().find("is not in Belgium"), std::string::npos);
  ASSERT_EQ(map.services.size(), 1u);
  EXPECT_EQ(map.services.front().name.nl, "Community Counselling");
  EXPECT_EQ(map.services.front().phone, "\"+44 1234 234567\"");
  EXPECT_EQ(map.services.front().languages, std::vector<std::string>{"ur"});
}

TEST_P(SocialMapStorageTest, APageOfServicesIsListedWithItsOrganizationsAndPlacesInTheHitsOrder) {
  std::vector<std::string> ids = {"demo-water-point-23027", "no-such-service", "demo-social-service-23027"};
  const auto offered = store_->ServicesOf("ocmw-21007");
  ASSERT_TRUE(offered);
  for (const Service& service : *offered) ids.push_back(service.id);
  auto listing = store_->List(ids);
  ASSERT_TRUE(listing) << listing.error().message();
  ASSERT_GE(listing->services.size(), 3u);
  EXPECT_EQ(listing->services[0].id, "demo-water-point-23027");
  EXPECT_EQ(listing->services[1].id, "demo-social-service-23027") << "missing ids are left out, the order kept";
  for (const Service& service : listing->services) {
    EXPECT_EQ(service, *store_->FindService(service.id)) << "whole, as one by one";
    ASSERT_NE(listing->OrganizationOf(service), nullptr) << service.id;
    EXPECT_EQ(*listing->OrganizationOf(service), *store_->FindOrganization(service.organization_id));
    EXPECT_EQ(listing->LocationsOf(service).size(), service.location_ids.size()) << service.id;
  }
  // More ids than one statement takes.
  std::vector<std::string> many;
  const auto everything = store_->Everything();
  ASSERT_TRUE(everything);
  for (const Service& service : everything->services) many.push_back(service.id);
  EXPECT_EQ(store_->List(many)->services.size(), 80u);
}

TEST_P(SocialMapStorageTest, ABadFileImportsNothing) {
  auto before = store_->Generation();
  const geo::ImportReport report = Import(
      "bad.json", R"([{"id": "new-1", "name": "Nieuw", "status": "active", "organization": {"id": "o", "name": "O"}},
                      {"id": "new-2", "name": "Kapot", "status": "active", "organization_id": "o",
                       "schedules": [{"byday": "MO", "opens_at": "25:00", "closes_at": "12:00"}]}])");
  EXPECT_FALSE(report.ok());
  EXPECT_NE(report.Describe().find("services[1] (new-2): schedules.opens_at: '25:00' is not a time"), std::string::npos)
      << report.Describe();
  EXPECT_EQ(*store_->Generation(), *before);
  EXPECT_FALSE(store_->FindService("new-1"));
}

TEST_P(SocialMapStorageTest, OpenReferralsOwnExamplesAreReadAndTheirForeignPlacesRefused) {
  const std::string full = testing::SharedData("hsds-3.0/examples/service_full.json");
  if (full.empty()) GTEST_SKIP() << "../shared/data/hsds-3.0 is not beside the repository";
  geo::ImportReport report;
  auto resolver = MunicipalityResolver(*geography_);
  ASSERT_TRUE(resolver);
  const SocialMap map = ParseHsdsJson(full, *taxonomy_, *resolver, report);
  // The example is British: its point (100, 101) is not in Belgium, "MyCity" is no municipality.
  ASSERT_EQ(report.problems.size(), 2u) << report.Describe();
  EXPECT_NE(report.Describe().find("is not in Belgium"), std::string::npos);
  EXPECT_NE(report.Describe().find("is not a known municipality"), std::string::npos);
  // Everything else is read as HSDS means it.
  ASSERT_EQ(map.services.size(), 1u);
  const Service& service = map.services.front();
  EXPECT_EQ(service.name.nl, "Community Counselling");
  EXPECT_EQ(service.phone, "\"+44 1234 234567\"");
  EXPECT_EQ(service.last_verified, *Date::FromYmd(2005, 1, 1));
  ASSERT_EQ(service.hours.size(), 2u);  // byday TH,FR, 10:00–18:00.
  EXPECT_EQ(service.hours[0].opens, 600);
  EXPECT_EQ(service.hours[1].weekday, 4);
  // An HSDS page of services is read as a list.
  geo::ImportReport page;
  ParseHsdsJson(testing::SharedData("hsds-3.0/examples/service_list.json"), *taxonomy_, *resolver, page);
  EXPECT_EQ(page.rows_read, 1);
}

TEST_P(SocialMapStorageTest, TheIndexFollowsEveryChangeAndRebuildsTheSame) {
  const std::vector<std::string> water = Ids(Find("drinkwater"));
  ASSERT_EQ(water.size(), 12u);
  // A service closed for good leaves the results at the next search.
  auto closed = store_->FindService("demo-water-point-23027");
  ASSERT_TRUE(closed);
  closed->status = "defunct";
  auto organization = store_->FindOrganization(closed->organization_id);
  ASSERT_TRUE(organization);
  auto locations = store_->Locations(closed->location_ids);
  ASSERT_TRUE(locations);
  auto saved = database().InTransaction([&](db::Connection& connection) {
    return Store::Save(connection, SocialMap{{*organization}, *locations, {*closed}}, {.actor = kTester}, "closing");
  });
  ASSERT_TRUE(saved) << saved.error().message();
  // Written by "another process": this search catches up on its own.
  EXPECT_EQ(Find("drinkwater").total, 11u);
  EXPECT_EQ(*index_->Revision(), *store_->Generation());
  auto rebuilt = search_->Rebuild();
  ASSERT_TRUE(rebuilt);
  EXPECT_EQ(*rebuilt, 79u);
  EXPECT_EQ(Find("drinkwater").total, 11u);
}

long long AuditRows(db::Database& database, const std::string& entity_type, const std::string& entity_id) {
  auto rows = database.WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT COUNT(*) FROM audit_log WHERE entity_type = ? AND entity_id = ?",
                            {entity_type, entity_id});
  });
  EXPECT_TRUE(rows);
  return rows ? rows->front().Integer(0) : -1;
}

TEST_P(SocialMapStorageTest, APublishedProposalReplacesTheServiceAndIsAuditedBeforeAndAfter) {
  Proposals proposals(database(), *store_, *taxonomy_);
  auto before = store_->FindService("demo-social-service-23027");
  ASSERT_TRUE(before);
  Service changed = *before;
  changed.phone = "+32 2 301 99 99";
  changed.plain.nl = "Te weinig geld? Kom langs.";
  const audit::Context partner{.actor = {"user-1", "ocmw@halle.be"}, .restore = false, .at = 1'790'000'000};
  auto id = proposals.Submit(NewProposal(ProposalKind::kChange, changed.id, changed.organization_id, changed,
                                         std::nullopt, "nieuw nummer", false),
                             partner);
  ASSERT_TRUE(id) << id.error().message();
  auto pending = proposals.Pending();
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ(pending->front().service->phone, "+32 2 301 99 99") << "the proposal reads back whole";
  EXPECT_EQ(pending->front().service->location_ids, before->location_ids);
  EXPECT_EQ(pending->front().proposed_by.label, "ocmw@halle.be");
  EXPECT_EQ(store_->FindService(changed.id)->phone, before->phone) << "nothing changes before review";

  const audit::Context editor{.actor = {"user-2", "zone@zennevallei.be"}, .restore = false, .at = 1'790'000'100};
  const Date today = *Date::FromYmd(2026, 11, 23);
  ASSERT_TRUE(proposals.Publish(*id, today, "dank", editor));
  auto after = store_->FindService(changed.id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->phone, "+32 2 301 99 99");
  EXPECT_EQ(after->last_verified, today);
  EXPECT_EQ(after->verified_by, "zone@zennevallei.be");
  EXPECT_EQ(after->hours, before->hours);
  EXPECT_EQ(after->location_ids, before->location_ids);
  EXPECT_EQ(AuditRows(database(), "socialmap_service", changed.id), 1);
  EXPECT_EQ(AuditRows(database(), "socialmap_proposal", *id), 2) << "proposed, then published";
  EXPECT_EQ(Ids(Find("301 99 99")).size(), 0u);  // Phones are not searched; the text is:
  EXPECT_EQ(Ids(Find("sociale dienst halle")).front(), changed.id);
  const Status again = proposals.Publish(*id, today, "", editor);
  ASSERT_FALSE(again);
  EXPECT_TRUE(again.error().Is(ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(proposals.Pending()->empty());
}

TEST_P(SocialMapStorageTest, ACommunityResourceIsAddedWithItsPlaceAndExpiresUnlessConfirmed) {
  Proposals proposals(database(), *store_, *taxonomy_);
  Service water{.id = "community-test",
                .organization_id = "community",
                .status = "active",
                .name = {"Waterkraan De Linde", "", ""},
                .description = {},
                .plain = {"Gratis water.", "", ""},
                .url = {},
                .email = {},
                .phone = {},
                .cost = Cost::kFree,
                .cost_note = {},
                .competent_level = "private",
                .application_process = {},
                .last_verified = {},
                .verified_by = {},
                .demo = false,
                .community = true,
                .expires_on = {},
                .location_ids = {"community-test-place"},
                .hours = {},
                .area_codes = {"23027"},
                .languages = {},
                .themes = {"drinking_water"},
                .target_groups = {}};
  Location place{.id = "community-test-place",
                 .organization_id = "community",
                 .name = "Buurthuis De Linde",
                 .address = "Lindestraat 12",
                 .postal_code = "1500",
                 .city = "Halle",
                 .municipality_code = "23027",
                 .latitude = {},
                 .longitude = {},
                 .transport = {},
                 .wheelchair = true};
  const audit::Context pro{.actor = {"user-3", "pro@halle.be"}, .restore = false, .at = 0};
  auto id = proposals.Submit(NewProposal(ProposalKind::kNew, water.id, "community", water, place, "", true), pro);
  ASSERT_TRUE(id) << id.error().message();
  auto read = proposals.Find(*id);
  ASSERT_TRUE(read);
  ASSERT_TRUE(read->location);
  EXPECT_EQ(read->location->address, "Lindestraat 12");
  EXPECT_TRUE(Find("waterkraan").hits.empty());
  const Date published_on = *Date::FromYmd(2026, 5, 1);
  ASSERT_TRUE(proposals.Publish(*id, published_on, "",
                                {.actor = {"user-2", "zone@zennevallei.be"}, .restore = false, .at = 0}));
  auto service = store_->FindService(water.id);
  ASSERT_TRUE(service);
  EXPECT_TRUE(service->community);
  EXPECT_EQ(service->expires_on, *Date::FromYmd(2026, 10, 31));  // 183 days on.
  EXPECT_EQ(Ids(Find("waterkraan")), std::vector<std::string>{water.id});
  EXPECT_EQ(store_->Locations({"community-test-place"})->front().city, "Halle");

  // Confirmed in time: it stays. Then nobody confirms it: the day after, it is gone.
  const audit::Context system{.actor = {"system", "expiry"}, .restore = false, .at = 0};
  auto confirmed = database().InTransaction([&](db::Connection& connection) {
    return Store::Verify(connection, water.id, *Date::FromYmd(2026, 10, 1), "pro@halle.be", system);
  });
  ASSERT_TRUE(confirmed) << confirmed.error().message();
  EXPECT_EQ(store_->FindService(water.id)->expires_on, *Date::FromYmd(2027, 4, 2));
  auto early = database().InTransaction([&](db::Connection& connection) {
    return Store::ExpireCommunity(connection, *Date::FromYmd(2027, 4, 2), system);
  });
  ASSERT_TRUE(early);
  EXPECT_TRUE(early->empty()) << "not expired on its last day";
  auto late = database().InTransaction([&](db::Connection& connection) {
    return Store::ExpireCommunity(connection, *Date::FromYmd(2027, 4, 3), system);
  });
  ASSERT_TRUE(late);
  EXPECT_EQ(*late, std::vector<std::string>{water.id});
  EXPECT_EQ(store_->FindService(water.id)->status, "inactive");
  EXPECT_TRUE(Find("waterkraan").hits.empty()) << "the search follows";
  EXPECT_FALSE(store_->FindService("demo-water-point-23027")->status != "active") << "only community resources expire";
  EXPECT_EQ(AuditRows(database(), "socialmap_service", water.id), 3) << "published, confirmed, expired";
}

TEST_P(SocialMapStorageTest, SendingBackNeedsACommentAndLeavesTheServiceAlone) {
  Proposals proposals(database(), *store_, *taxonomy_);
  auto before = store_->FindService("demo-social-service-23027");
  ASSERT_TRUE(before);
  const audit::Context partner{.actor = {"user-1", "ocmw@halle.be"}, .restore = false, .at = 0};
  auto id = proposals.Submit(NewProposal(ProposalKind::kReport, before->id, before->organization_id, std::nullopt,
                                         std::nullopt, "dicht op woensdag", false),
                             partner);
  ASSERT_TRUE(id);
  const audit::Context editor{.actor = {"user-2", "zone@zennevallei.be"}, .restore = false, .at = 0};
  const Status empty = proposals.SendBack(*id, "  ", editor);
  ASSERT_FALSE(empty);
  EXPECT_TRUE(empty.error().Is(ErrorCode::kInvalidArgument));
  ASSERT_TRUE(proposals.SendBack(*id, "Welke woensdag?", editor));
  auto read = proposals.Find(*id);
  EXPECT_EQ(read->status, ProposalStatus::kSentBack);
  EXPECT_EQ(read->review_comment, "Welke woensdag?");
  EXPECT_EQ(read->reviewed_by, "zone@zennevallei.be");
  EXPECT_EQ(*store_->FindService(before->id), *before);
  EXPECT_EQ(proposals.ProposedBy("user-1", 10)->size(), 1u);
}

TEST_P(SocialMapStorageTest, NobodyReviewsTheirOwnProposal) {
  Proposals proposals(database(), *store_, *taxonomy_);
  auto before = store_->FindService("demo-social-service-23027");
  ASSERT_TRUE(before);
  Service changed = *before;
  changed.phone = "+32 2 301 99 99";
  const audit::Context editor{.actor = {"user-2", "zone@zennevallei.be"}, .restore = false, .at = 0};
  auto id = proposals.Submit(
      NewProposal(ProposalKind::kChange, changed.id, changed.organization_id, changed, std::nullopt, "", false),
      editor);
  ASSERT_TRUE(id);
  const Status published = proposals.Publish(*id, *Date::FromYmd(2026, 12, 7), "", editor);
  ASSERT_FALSE(published);
  EXPECT_TRUE(published.error().Is(ErrorCode::kPermissionDenied));
  EXPECT_TRUE(proposals.SendBack(*id, "toch niet", editor).error().Is(ErrorCode::kPermissionDenied));
  EXPECT_EQ(store_->FindService(changed.id)->phone, before->phone);
  const audit::Context other{.actor = {"user-3", "coordinator@zennevallei.be"}, .restore = false, .at = 0};
  EXPECT_TRUE(proposals.Publish(*id, *Date::FromYmd(2026, 12, 7), "", other));
  // A reviewer's own change within reach is published as it is sent, not left pending.
  changed.phone = "+32 2 301 88 88";
  auto direct = proposals.SubmitPublished(
      NewProposal(ProposalKind::kChange, changed.id, changed.organization_id, changed, std::nullopt, "", false),
      *Date::FromYmd(2026, 12, 7), editor);
  ASSERT_TRUE(direct) << direct.error().message();
  EXPECT_EQ(store_->FindService(changed.id)->phone, "+32 2 301 88 88");
}

// A proposal kept from an older version (hours that close when they open, which forms
// once let through) no longer reads as a service: it stays in the queue, to be sent
// back, and every other proposal can still be reviewed.
TEST_P(SocialMapStorageTest, AProposalThatNoLongerReadsNeverBreaksTheQueue) {
  Proposals proposals(database(), *store_, *taxonomy_);
  auto service = store_->FindService("demo-social-service-23027");
  ASSERT_TRUE(service);
  const audit::Context partner{.actor = {"user-1", "ocmw@halle.be"}, .restore = false, .at = 0};
  auto broken = proposals.Submit(
      NewProposal(ProposalKind::kChange, service->id, service->organization_id, *service, std::nullopt, "", false),
      partner);
  auto fine = proposals.Submit(NewProposal(ProposalKind::kReport, service->id, service->organization_id, std::nullopt,
                                           std::nullopt, "dicht op woensdag", false),
                               partner);
  ASSERT_TRUE(broken && fine);
  ASSERT_TRUE(database().WithConnection([&](db::Connection& connection) -> Status {
    auto done = connection.Execute(
        "UPDATE sm_proposals SET proposed = replace(proposed, '\"12:00\"', '\"09:00\"') WHERE id = ?", {*broken});
    if (!done) return Fail(done.error());
    return {};
  }));
  auto pending = proposals.Pending();
  ASSERT_TRUE(pending) << pending.error().message();
  ASSERT_EQ(pending->size(), 2u);
  const Proposal& unreadable = pending->at(0).id == *broken ? pending->at(0) : pending->at(1);
  EXPECT_NE(unreadable.unreadable.find("closes when it opens"), std::string::npos) << unreadable.unreadable;
  EXPECT_FALSE(unreadable.service.has_value());
  // What it still says plainly is kept, so that the zone editors of its municipalities find it.
  EXPECT_EQ(unreadable.unreadable_name, service->name.Best(Language::kNl));
  EXPECT_THAT(unreadable.unreadable_area_codes, ::testing::Contains("23027"));
  const audit::Context editor{.actor = {"user-2", "zone@zennevallei.be"}, .restore = false, .at = 0};
  const Status publish = proposals.Publish(*broken, *Date::FromYmd(2026, 12, 7), "", editor);
  ASSERT_FALSE(publish);
  EXPECT_TRUE(publish.error().Is(ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(proposals.SendBack(*broken, "Wanneer sluit u op maandag?", editor));
  EXPECT_TRUE(proposals.Publish(*fine, *Date::FromYmd(2026, 12, 7), "", editor));
}

INSTANTIATE_TEST_SUITE_P(Engines, SocialMapStorageTest, ::testing::ValuesIn(testing::Engines()),
                         testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::socialmap
