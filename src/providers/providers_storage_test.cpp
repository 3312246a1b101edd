// Providers, referral routes and referral slips against SQLite and PostgreSQL: the demo
// directory reads back whole, imports are all or nothing, and a slip keeps no person.
#include <gtest/gtest.h>

#include "providers/import.hpp"
#include "providers/store.hpp"
#include "tests/support/shipped_vocabulary.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::providers {
namespace {

using testing::TestDatabase;

const audit::Actor kTester{"test", "the test suite"};

class ProvidersStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    ASSERT_TRUE(testing::LoadDemoGeography(test_->database()));
    geography_ = std::make_unique<geo::Store>(test_->database());
    store_ = std::make_unique<Store>(test_->database(), *geography_, vocabulary_);
  }

  Result<geo::ImportReport> ImportDemo() {
    return ImportFile(*store_, "providers.json", testing::RepositoryFile("data/demo/providers.json"), false, kTester);
  }

  std::unique_ptr<TestDatabase> test_;
  Vocabulary vocabulary_ = testing::ShippedVocabulary();
  std::unique_ptr<geo::Store> geography_;
  std::unique_ptr<Store> store_;
};

TEST_P(ProvidersStorageTest, TheDemoDirectoryAndRoutesReadBack) {
  auto report = ImportDemo();
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->ok()) << report->Describe();
  auto zennevallei = store_->Providers("elz-zennevallei");
  ASSERT_TRUE(zennevallei);
  EXPECT_EQ(zennevallei->size(), 14u);
  const auto rode =
      std::find_if(zennevallei->begin(), zennevallei->end(), [](const Provider& p) { return p.id == "demo-ha-rode"; });
  ASSERT_NE(rode, zennevallei->end());
  EXPECT_EQ(rode->languages, (std::vector<std::string>{"fr", "nl"}));
  EXPECT_EQ(rode->accepting, Accepting::kUnknown);
  EXPECT_EQ(rode->consent_on, *Date::Parse("2026-09-15"));
  EXPECT_TRUE(rode->demo);
  // A zone's routes and those for every zone, by question.
  auto routes = store_->Routes("zorgzone-noord-oost");
  ASSERT_TRUE(routes);
  ASSERT_EQ(routes->size(), 2u);
  EXPECT_EQ(routes->front().id, "aide-numerique");
  auto energy = store_->FindRoute("energieschuld");
  ASSERT_TRUE(energy);
  ASSERT_EQ(energy->steps.size(), 3u);
  EXPECT_EQ(energy->steps[0].rights,
            (std::vector<std::string>{"energiefonds_ocmw", "sociaal_tarief_energie", "verwarmingstoelage"}));
  auto again = ImportDemo();
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->ok()) << "the ids are taken";
  EXPECT_EQ(store_->Providers("elz-zennevallei")->size(), 14u) << "nothing added twice";
}

TEST_P(ProvidersStorageTest, AFileWithOneBadRecordWritesNothingAndNamesIt) {
  const std::string file = R"({"providers": [
      {"id": "a", "zone": "elz-zennevallei", "name": "A", "profession": "huisarts", "phone": "1",
       "consent_on": "2026-01-02", "consent_how": "formulier"},
      {"id": "b", "zone": "elz-zennevallei", "name": "B", "profession": "huisarts", "phone": "1",
       "areas": ["21015"]}],
    "routes": [{"id": "r", "question": "Q", "theme": "housing",
                "steps": [{"service": "S", "rights": ["geen_recht"]}]}]})";
  auto report =
      ImportFile(*store_, "bad.json", file, false, kTester, [](const std::string& id) { return id == "leefloon"; });
  ASSERT_TRUE(report);
  ASSERT_FALSE(report->ok());
  const std::string described = report->Describe();
  EXPECT_NE(described.find("provider 2: consent"), std::string::npos) << described;
  EXPECT_NE(described.find("'21015' is not a municipality of elz-zennevallei"), std::string::npos) << described;
  EXPECT_NE(described.find("'geen_recht' is not a right"), std::string::npos) << described;
  EXPECT_TRUE(store_->Providers("elz-zennevallei")->empty()) << "all or nothing";
}

TEST_P(ProvidersStorageTest, AProviderAndARouteAreChangedWithinTheirZone) {
  ASSERT_TRUE(ImportDemo());
  const audit::Context context{kTester};
  auto provider = store_->FindProvider("elz-zennevallei", "demo-ha-halle-1");
  ASSERT_TRUE(provider) << provider.error().message();
  provider->accepting = Accepting::kNo;
  provider->phone = "02 000 00 77";
  ASSERT_TRUE(store_->Update(*provider, context));
  EXPECT_EQ(*store_->FindProvider("elz-zennevallei", "demo-ha-halle-1"), *provider);
  EXPECT_EQ(store_->FindProvider("zorgzone-noord", "demo-ha-halle-1").error().code(), ErrorCode::kNotFound);
  Provider elsewhere = *provider;
  elsewhere.areas = {"21004"};
  EXPECT_EQ(store_->Update(elsewhere, context).error().code(), ErrorCode::kInvalidArgument);

  auto route = store_->FindRoute("energieschuld");
  ASSERT_TRUE(route);
  route->question = "Energieschuld of afsluiting";
  route->steps.pop_back();
  ASSERT_TRUE(store_->SaveRoute(*route, context));
  EXPECT_EQ(*store_->FindRoute("energieschuld"), *route);
  Route fresh = *route;
  fresh.id.clear();
  fresh.question = "Huurachterstal";
  auto id = store_->SaveRoute(fresh, context);
  ASSERT_TRUE(id) << id.error().message();
  EXPECT_EQ(store_->FindRoute(*id)->question, "Huurachterstal");
  Route moved = *route;
  moved.zone_id = "zorgzone-noord";
  EXPECT_EQ(store_->SaveRoute(moved, context).error().code(), ErrorCode::kNotFound) << "not a route of that zone";
  Route empty = *route;
  empty.steps.clear();
  EXPECT_EQ(store_->SaveRoute(empty, context).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->FindRoute("energieschuld")->steps.size(), route->steps.size()) << "nothing half-saved";
}

TEST_P(ProvidersStorageTest, ASlipIsCountedAndAcknowledgedOnceWithoutAnyPerson) {
  ASSERT_TRUE(ImportDemo());
  auto route = store_->FindRoute("energieschuld");
  ASSERT_TRUE(route);
  auto asked = store_->RecordReferral("elz-zennevallei", *route, 0, true);
  ASSERT_TRUE(asked) << asked.error().message();
  EXPECT_EQ(asked->size(), 32u) << "a link no one guesses";
  ASSERT_TRUE(store_->RecordReferral("elz-zennevallei", *route, 1, false));
  EXPECT_FALSE(store_->RecordReferral("elz-zennevallei", *route, 3, false)) << "no such step";
  EXPECT_FALSE(store_->RecordReferral("zorgzone-noord-oost", *route, 0, false)) << "another zone's route";
  ASSERT_TRUE(store_->Acknowledge(*asked));
  auto twice = store_->Acknowledge(*asked);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code(), ErrorCode::kFailedPrecondition);
  auto counts = store_->ReferralCounts("elz-zennevallei");
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ(counts->front().route_id, "energieschuld");
  EXPECT_EQ(counts->front().month, Date::Today().ToIso().substr(0, 7));
  EXPECT_EQ(counts->front().made, 2);
  EXPECT_EQ(counts->front().asked, 1);
  EXPECT_EQ(counts->front().acknowledged, 1);
  EXPECT_TRUE(store_->ReferralCounts("zorgzone-noord-oost")->empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ProvidersStorageTest, ::testing::ValuesIn(testing::Engines()),
                         testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::providers
