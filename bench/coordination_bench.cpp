// Coordination at scale, as the server answers it: 10,000 agenda events (a quarter of them
// weekly for a year), 20,000 consultation signals and 2,000 initiatives in the demo zones,
// made up in a fresh SQLite file. Measures the filtered iCalendar feed, the month view, the
// monitoring pages, the overlap warning of one event, a zone's inventory of initiatives, an
// initiative's page and the similar-initiatives warning (`make bench-coordination`).
//
//   coordination_bench [--database FILE] [benchmark flags]   (default: a temporary file)
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "agenda/model.hpp"
#include "agenda/store.hpp"
#include "app/application.hpp"
#include "app/vocabulary.hpp"
#include "atlas/catalog.hpp"
#include "consultations/store.hpp"
#include "core/text.hpp"
#include "geo/import.hpp"
#include "initiatives/model.hpp"
#include "initiatives/store.hpp"
#include "platform/db/database.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas {
namespace {

std::string database_path;
constexpr int kEvents = 10'000;
constexpr int kMeetings = 2'000;
constexpr int kSignalsPerMeeting = 10;
constexpr int kInitiatives = 2'000;

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

template <typename T>
void Check(const std::expected<T, Error>& result, const char* what) {
  if (!result) {
    std::cerr << what << ": " << result.error().message() << "\n";
    std::exit(1);
  }
}

// The demo geography, then the made-up events and meetings, once per run.
db::Database& Database() {
  static std::unique_ptr<db::Database> database = [] {
    if (database_path.empty()) {
      database_path = (std::filesystem::temp_directory_path() / "zoneatlas-coordination-bench.db").string();
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_path + suffix);
    auto opened = db::Database::Open(database_path, 4);
    Check(opened, "open");
    Check((*opened)->Migrate(), "migrate");
    const audit::Actor actor{"bench", "coordination bench"};
    const std::string root = ZONEATLAS_SOURCE_ROOT;
    Check(geo::ImportAreas(**opened, "areas.csv", ReadFile(root + "/data/demo/areas.csv"), actor), "areas");
    Check(geo::ImportZones(**opened, "zones.csv", ReadFile(root + "/data/demo/zones.csv"), actor), "zones");
    const Vocabulary vocabulary = app::SharedVocabulary(*socialmap::Taxonomy::Shipped(), *atlas::Catalog::Shipped());
    const geo::Store geography(**opened);
    auto zones = geography.Zones(*Date::Parse("2026-01-01"));
    Check(zones, "zones");
    std::mt19937 random(7);
    const auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };

    std::vector<agenda::Event> events;
    for (int i = 0; i < kEvents; ++i) {
      const geo::Zone& zone = (*zones)[pick(zones->size())];
      agenda::Event event;
      event.id = "event-" + std::to_string(i);
      event.zone_id = zone.id;
      event.kind = agenda::kEventKinds[pick(5)];
      event.title = "Activiteit " + std::to_string(i);
      event.theme = vocabulary.themes[pick(vocabulary.themes.size())].id;
      event.target_groups = {vocabulary.target_groups[pick(vocabulary.target_groups.size())].id};
      event.area = zone.members[pick(zone.members.size())].area_code;
      event.languages = {"nl", "fr"};
      const Date day =
          Date::FromDaysSinceEpoch(Date::Parse("2027-01-01")->DaysSinceEpoch() + static_cast<long>(pick(365)));
      const int minutes = 9 * 60 + static_cast<int>(pick(20)) * 30;
      event.start = {day, minutes};
      event.end = {day, minutes + 90};
      if (i % 4 == 0) {
        event.start.date = *Date::Parse("2027-01-04");
        event.end.date = event.start.date;
        event.rule = "FREQ=WEEKLY;UNTIL=20271231T235959Z";
      }
      events.push_back(std::move(event));
    }
    agenda::Store agenda(**opened, geography, vocabulary);
    Check(agenda.Import({}, events, {.actor = actor}), "events");

    std::vector<consultations::Consultation> meetings;
    for (int i = 0; i < kMeetings; ++i) {
      const geo::Zone& zone = (*zones)[pick(zones->size())];
      consultations::Consultation meeting;
      meeting.id = "meeting-" + std::to_string(i);
      meeting.zone_id = zone.id;
      meeting.held_on =
          Date::FromDaysSinceEpoch(Date::Parse("2025-01-01")->DaysSinceEpoch() + static_cast<long>(pick(365)));
      meeting.theme = vocabulary.themes[pick(vocabulary.themes.size())].id;
      meeting.title = "Overleg " + std::to_string(i);
      meeting.organisations = {"Organisatie " + std::to_string(pick(300)), "Organisatie " + std::to_string(pick(300))};
      for (int s = 0; s < kSignalsPerMeeting; ++s) {
        meeting.signals.push_back(
            {.id = meeting.id + "-" + std::to_string(s),
             .kind = s % 2 ? consultations::SignalKind::kNeed : consultations::SignalKind::kDifficulty,
             .theme = vocabulary.themes[pick(vocabulary.themes.size())].id,
             .target_groups = {vocabulary.target_groups[pick(vocabulary.target_groups.size())].id},
             .areas = {},
             .description = "Een signaal uit het werkveld.",
             .quote = ""});
      }
      meetings.push_back(std::move(meeting));
    }
    consultations::Store store(**opened, geography, vocabulary);
    Check(store.Import({}, meetings, {}, {.actor = actor}), "meetings");

    std::vector<initiatives::Initiative> inventory;
    for (int i = 0; i < kInitiatives; ++i) {
      const geo::Zone& zone = (*zones)[pick(zones->size())];
      initiatives::Initiative initiative;
      initiative.id = "initiative-" + std::to_string(i);
      initiative.zone_id = zone.id;
      initiative.title = "Initiatief " + std::to_string(i);
      initiative.theme = vocabulary.themes[pick(vocabulary.themes.size())].id;
      initiative.target_groups = {vocabulary.target_groups[pick(vocabulary.target_groups.size())].id};
      initiative.strategy = initiatives::kStrategies[pick(4)];
      initiative.areas = {zone.members[pick(zone.members.size())].area_code};
      initiative.lead = "Organisatie " + std::to_string(pick(300));
      initiative.from =
          Date::FromDaysSinceEpoch(Date::Parse("2024-01-01")->DaysSinceEpoch() + static_cast<long>(pick(3 * 365)));
      initiative.until = Date::FromDaysSinceEpoch(initiative.from.DaysSinceEpoch() + 365);
      initiative.budget = static_cast<double>(1000 * pick(50));
      initiative.outcomes = {{.label = "Bereik",
                              .indicator = "",
                              .unit = "people",
                              .baseline = std::nullopt,
                              .target = 200,
                              .achieved = static_cast<double>(pick(300)),
                              .reach = static_cast<long long>(pick(300)),
                              .period = "2025"}};
      inventory.push_back(std::move(initiative));
    }
    initiatives::Store initiatives_store(**opened, geography, vocabulary);
    Check(initiatives_store.Import({}, inventory, {.actor = actor}), "initiatives");
    return std::move(*opened);
  }();
  return *database;
}

app::Application& Application() {
  static std::unique_ptr<app::Application> application = [] {
    app::Application::Options options;
    options.search_index = database_path + ".search";
    auto created = app::Application::Create(Database(), std::move(options));
    Check(created, "application");
    return std::move(*created);
  }();
  return *application;
}

// One page or feed as the server makes it; a new query string each time so nothing is cached.
void Serve(benchmark::State& state, const std::string& path, const std::string& query) {
  app::Application& application = Application();
  long long iteration = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    http::Request request;
    request.path = path;
    const std::string bench = std::to_string(++iteration);
    request.target = path + "?" + query + "&bench=" + bench;
    for (std::string_view pair : text::Split(query, '&')) {
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos) request.query.emplace(pair.substr(0, equals), pair.substr(equals + 1));
    }
    request.query.emplace("bench", bench);
    request.remote_address = "127.0.0.1";
    const http::Response response = application.Handle(request);
    if (response.status != 200) {
      state.SkipWithError(("status " + std::to_string(response.status)).c_str());
      return;
    }
    bytes = response.body.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_FilteredICalendarFeed(benchmark::State& state) {
  Serve(state, "/api/v1/agenda.ics", "zone=elz-zennevallei&theme=food");
}
BENCHMARK(BM_FilteredICalendarFeed)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WholeICalendarFeed(benchmark::State& state) { Serve(state, "/api/v1/agenda.ics", "x=1"); }
BENCHMARK(BM_WholeICalendarFeed)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MonthViewOfAZone(benchmark::State& state) {
  Serve(state, "/nl/agenda", "view=month&month=2027-03&zone=elz-zennevallei");
}
BENCHMARK(BM_MonthViewOfAZone)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MonthViewOfEverything(benchmark::State& state) { Serve(state, "/nl/agenda", "view=month&month=2027-03"); }
BENCHMARK(BM_MonthViewOfEverything)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ZoneMonitoringPage(benchmark::State& state) {
  Serve(state, "/nl/zones/elz-zennevallei/consultations", "year=2025");
}
BENCHMARK(BM_ZoneMonitoringPage)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MonitoringAcrossZones(benchmark::State& state) { Serve(state, "/nl/consultations", "year=2025"); }
BENCHMARK(BM_MonitoringAcrossZones)->Unit(benchmark::kMillisecond)->UseRealTime();

// The overlap warning for one event: its municipality's events of its theme over a year,
// expanded, and the collisions among them.
void BM_OverlapWarningOfOneEvent(benchmark::State& state) {
  const Vocabulary vocabulary = app::SharedVocabulary(*socialmap::Taxonomy::Shipped(), *atlas::Catalog::Shipped());
  const geo::Store geography(Database());
  const agenda::Store store(Database(), geography, vocabulary);
  const agenda::Event event = *store.FindEvent("event-1");
  const Date from = *Date::Parse("2027-01-01"), until = *Date::Parse("2027-12-31");
  std::size_t found = 0;
  for (auto _ : state) {
    auto neighbours = store.Events({.zone_id = "",
                                    .theme = event.theme,
                                    .target_group = "",
                                    .area = event.area,
                                    .language = "",
                                    .campaign_id = ""},
                                   from, until);
    if (!neighbours) {
      state.SkipWithError(neighbours.error().message().c_str());
      return;
    }
    found = agenda::Collisions(agenda::Expand(*neighbours, from, until, 800)).size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["collisions"] = static_cast<double>(found);
}
BENCHMARK(BM_OverlapWarningOfOneEvent)->Unit(benchmark::kMillisecond)->UseRealTime();

// A zone's inventory (about 300 of the 2,000) as the page shows it, and one initiative's
// page with the similar initiatives beside it.
void BM_InitiativesOfAZone(benchmark::State& state) {
  Serve(state, "/nl/zones/elz-zennevallei/initiatives", "theme=");
}
BENCHMARK(BM_InitiativesOfAZone)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_InitiativePage(benchmark::State& state) { Serve(state, "/nl/initiatives/initiative-1", "x=1"); }
BENCHMARK(BM_InitiativePage)->Unit(benchmark::kMillisecond)->UseRealTime();

// The warning shown before a new initiative is saved: the similar ones of its zone.
void BM_SimilarInitiativesWarning(benchmark::State& state) {
  const Vocabulary vocabulary = app::SharedVocabulary(*socialmap::Taxonomy::Shipped(), *atlas::Catalog::Shipped());
  const geo::Store geography(Database());
  const initiatives::Store store(Database(), geography, vocabulary);
  initiatives::Initiative candidate = *store.Find("initiative-1");
  candidate.id.clear();
  std::size_t found = 0;
  for (auto _ : state) {
    auto zone = store.List(candidate.zone_id);
    if (!zone) {
      state.SkipWithError(zone.error().message().c_str());
      return;
    }
    found = initiatives::Similar(candidate, *zone).size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["similar"] = static_cast<double>(found);
}
BENCHMARK(BM_SimilarInitiativesWarning)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace zoneatlas

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--database") == 0 && i + 1 < argc) {
      zoneatlas::database_path = argv[++i];
      continue;
    }
    rest.push_back(argv[i]);
  }
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
