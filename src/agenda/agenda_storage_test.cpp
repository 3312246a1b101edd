// The agenda against SQLite and PostgreSQL: events kept with their rule and found by the
// window they may happen in, filters, and the all-or-nothing import of a file.
#include <gtest/gtest.h>

#include "agenda/import.hpp"
#include "agenda/store.hpp"
#include "geo/import.hpp"
#include "tests/support/shipped_vocabulary.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::agenda {
namespace {

using testing::TestDatabase;

const audit::Actor kTester{"test", "the test suite"};

Date Day(std::string_view text) { return *Date::Parse(text); }

class AgendaStorageTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    ASSERT_TRUE(testing::LoadDemoGeography(test_->database()));
    geography_ = std::make_unique<geo::Store>(test_->database());
    store_ = std::make_unique<Store>(test_->database(), *geography_, vocabulary_);
    auto report = ImportFile(*store_, "agenda.json", testing::RepositoryFile("data/demo/agenda.json"), false, kTester);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->Describe();
  }

  std::vector<std::string> Ids(const EventFilter& filter, const Date& from, const Date& until) {
    auto events = store_->Events(filter, from, until);
    EXPECT_TRUE(events) << events.error().message();
    std::vector<std::string> ids;
    if (events) {
      for (const Event& event : *events) ids.push_back(event.id);
    }
    return ids;
  }

  std::unique_ptr<TestDatabase> test_;
  Vocabulary vocabulary_ = testing::ShippedVocabulary();
  std::unique_ptr<geo::Store> geography_;
  std::unique_ptr<Store> store_;
};

TEST_P(AgendaStorageTest, AnEventReadsBackWithItsRuleAndLanguages) {
  auto event = store_->FindEvent("digitaal-inloop-halle");
  ASSERT_TRUE(event) << event.error().message();
  EXPECT_EQ(event->rule, "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629T235959Z");
  EXPECT_EQ(calendar::ToIso(event->start), "2026-09-01T10:00");
  EXPECT_EQ(event->languages, (std::vector<std::string>{"nl", "fr"}));
  EXPECT_EQ(event->kind, EventKind::kWalkIn);
  EXPECT_TRUE(event->demo);
  auto campaign = store_->FindCampaign("blue-march-2027");
  ASSERT_TRUE(campaign);
  EXPECT_EQ(campaign->baseline_indicator, "screen_colorectal");
  EXPECT_EQ(store_->FindEvent("nothing").error().code(), ErrorCode::kNotFound);
}

TEST_P(AgendaStorageTest, AnEventIsChangedOrRemovedAndTheWindowsFollow) {
  auto event = store_->FindEvent("darmkanker-halle");
  ASSERT_TRUE(event) << event.error().message();
  const audit::Context context{kTester};
  // Moved from March to April 2027 (and described): no longer in March's window.
  event->start = {Day("2027-04-06"), 14 * 60};
  event->end = {Day("2027-04-06"), 16 * 60};
  event->description = "Verplaatst naar april.";
  ASSERT_TRUE(store_->Update(*event, context));
  auto moved = store_->FindEvent("darmkanker-halle");
  ASSERT_TRUE(moved);
  EXPECT_EQ(calendar::ToIso(moved->start), "2027-04-06T14:00");
  EXPECT_EQ(moved->description, "Verplaatst naar april.");
  const auto in_march = Ids({}, Day("2027-03-01"), Day("2027-03-31"));
  EXPECT_EQ(std::find(in_march.begin(), in_march.end(), "darmkanker-halle"), in_march.end());
  // A change that does not hold is refused whole; nor does an event leave its zone.
  Event wrong = *moved;
  wrong.area = "21004";
  EXPECT_EQ(store_->Update(wrong, context).error().code(), ErrorCode::kInvalidArgument);
  wrong = *moved;
  wrong.zone_id = "zorgzone-noord";
  EXPECT_EQ(store_->Update(wrong, context).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->FindEvent("darmkanker-halle")->area, "23027");
  ASSERT_TRUE(store_->Remove("darmkanker-halle", context));
  EXPECT_EQ(store_->FindEvent("darmkanker-halle").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->Remove("darmkanker-halle", context).error().code(), ErrorCode::kNotFound);
  auto history = audit::History(test_->database(), "agenda_event", "darmkanker-halle");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u) << "created, moved, removed";
  EXPECT_EQ(history->front().action, "delete");
  EXPECT_TRUE(history->front().before->find("Verplaatst naar april.") != std::string::npos);
  // Blue March keeps its other session, so it stays; without sessions it may go.
  EXPECT_EQ(store_->RemoveCampaign("blue-march-2027", context).error().code(), ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(store_->Remove("depistage-anderlecht", context));
  ASSERT_TRUE(store_->RemoveCampaign("blue-march-2027", context));
  EXPECT_EQ(store_->FindCampaign("blue-march-2027").error().code(), ErrorCode::kNotFound);
}

TEST_P(AgendaStorageTest, EventsAreFoundByTheWindowTheyMayHappenInAndByTheirFilters) {
  // March 2027: the weekly walk-in begun in September, the monthly praatcafé with no end,
  // the Thursday permanence (30 weeks from October), the Wednesday café and Blue March.
  const std::vector<std::string> march = Ids({}, Day("2027-03-01"), Day("2027-03-31"));
  for (const char* id : {"digitaal-inloop-halle", "praatcafe-ouders-halle", "permanence-numerique-saint-gilles",
                         "papote-uccle", "darmkanker-halle", "depistage-anderlecht"}) {
    EXPECT_NE(std::find(march.begin(), march.end(), id), march.end()) << id;
  }
  EXPECT_EQ(std::find(march.begin(), march.end(), "griep-apotheek-halle"), march.end()) << "over by then";
  EXPECT_EQ(Ids({.zone_id = "",
                 .theme = "",
                 .target_group = "",
                 .area = "",
                 .language = "",
                 .campaign_id = "blue-march-2027"},
                Day("2027-01-01"), Day("2027-12-31")),
            (std::vector<std::string>{"darmkanker-halle", "depistage-anderlecht"}));
  // A target group keeps the events for that group and those for everyone.
  const auto older = Ids({.zone_id = "zorgzone-zuid",
                          .theme = "",
                          .target_group = "older_people",
                          .area = "",
                          .language = "",
                          .campaign_id = ""},
                         Day("2026-11-01"), Day("2026-12-31"));
  EXPECT_EQ(older, (std::vector<std::string>{"permanence-numerique-saint-gilles", "papote-uccle"}));
  EXPECT_EQ(Ids({.zone_id = "", .theme = "", .target_group = "", .area = "", .language = "ar", .campaign_id = ""},
                Day("2026-11-01"), Day("2027-12-31")),
            (std::vector<std::string>{"griep-schaerbeek", "depistage-anderlecht"}));
}

TEST_P(AgendaStorageTest, ABadFileImportsNothingAndNamesEveryProblem) {
  const std::string content = R"({
    "campaigns": [{"id": "c", "name_nl": "C", "name_fr": "C", "theme": "food", "from": "2027-05-01", "until": "2027-04-01"}],
    "events": [
      {"id": "e1", "zone": "elz-zennevallei", "kind": "workshop", "title": "X", "theme": "food", "area": "21013",
       "start": "2027-02-31T10:00", "end": "2027-03-01T12:00"},
      {"id": "e2", "zone": "elz-zennevallei", "kind": "party", "title": "X", "theme": "food", "area": "23027",
       "start": "2027-03-01T10:00", "end": "2027-03-01T09:00", "rule": "FREQ=HOURLY", "campaign": "nope"}
    ]})";
  auto report = ImportFile(*store_, "bad.json", content, false, kTester);
  ASSERT_TRUE(report);
  std::vector<std::string> named;
  for (const geo::ImportProblem& problem : report->problems) named.push_back(problem.location + "/" + problem.field);
  for (const char* expected : {"campaign 1/until", "event 1/start", "event 1/area", "event 2/kind", "event 2/end",
                               "event 2/rule", "event 2/campaign"}) {
    EXPECT_NE(std::find(named.begin(), named.end(), expected), named.end()) << expected << " in " << report->Describe();
  }
  EXPECT_FALSE(store_->FindCampaign("c"));
  auto again = ImportFile(*store_, "agenda.json", testing::RepositoryFile("data/demo/agenda.json"), false, kTester);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->ok()) << "the same ids twice";
}

TEST_P(AgendaStorageTest, AnAddedEventIsCheckedAndAudited) {
  Event event = *store_->FindEvent("mocktails-beersel");
  event.area = "21013";  // Saint-Gilles is not in Zennevallei.
  auto refused = store_->Add(event, {.actor = kTester, .restore = false, .at = 1'790'000'000});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  event.area = "23003";
  event.start = *calendar::ParseLocalDateTime("2027-02-18T19:00");
  event.end = *calendar::ParseLocalDateTime("2027-02-18T21:00");
  auto id = store_->Add(event, {.actor = kTester, .restore = false, .at = 1'790'000'000});
  ASSERT_TRUE(id) << id.error().message();
  EXPECT_NE(*id, "mocktails-beersel");
  auto rows = test_->database().WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'agenda_event' AND entity_id = ?",
                            {*id});
  });
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->front().Integer(0), 1);
}

// Pages and feeds share a window's expanded activities until something is written, by anyone.
TEST_P(AgendaStorageTest, SharedWindowsFollowEveryWrite) {
  const EventFilter beersel{
      .zone_id = "", .theme = "addiction", .target_group = "", .area = "23003", .language = "", .campaign_id = ""};
  auto before = store_->SharedWindow(beersel, Day("2027-02-01"), Day("2027-02-28"), 10);
  ASSERT_TRUE(before);
  ASSERT_EQ((*before)->occurrences.size(), 1u);
  EXPECT_EQ((*before)->occurrences.front().event->id, "mocktails-beersel");
  EXPECT_EQ(store_->SharedWindow(beersel, Day("2027-02-01"), Day("2027-02-28"), 10)->get(), before->get());
  Event weekly = *store_->FindEvent("mocktails-beersel");
  weekly.start = *calendar::ParseLocalDateTime("2027-02-04T19:00");
  weekly.end = *calendar::ParseLocalDateTime("2027-02-04T20:00");
  weekly.rule = "FREQ=WEEKLY;COUNT=3";
  Store other(test_->database(), *geography_, vocabulary_);  // Another server process.
  ASSERT_TRUE(other.Add(weekly, {.actor = kTester, .restore = false, .at = 1'790'000'000}));
  auto after = store_->SharedWindow(beersel, Day("2027-02-01"), Day("2027-02-28"), 10);
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)->occurrences.size(), 4u);
  EXPECT_EQ((*before)->occurrences.size(), 1u) << "what a page already holds stays whole";
}

INSTANTIATE_TEST_SUITE_P(Engines, AgendaStorageTest, ::testing::ValuesIn(testing::Engines()), testing::EngineTestName);

}  // namespace
}  // namespace zoneatlas::agenda
