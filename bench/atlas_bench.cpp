// The atlas's speed on a realistically shaped database (bench/atlas.sh builds it):
// aggregating one indicator and period to every zone and ranking every statistical
// sector, and rendering a zone's profile page, both as the server does them.
//
//   atlas_bench --database FILE_OR_URL --indicator ID --period P   (bench/atlas.sh passes these)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <map>

#include "app/application.hpp"
#include "atlas/aggregate.hpp"
#include "atlas/catalog.hpp"
#include "atlas/observations.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas {
namespace {

std::string database_url;
std::string indicator_id = "diabetes_prev";
std::string period = "2024";
std::string profile_zone = "elz-zennevallei";

db::Database& Database() {
  static std::unique_ptr<db::Database> database = [] {
    auto opened = db::Database::Open(database_url, 4);
    if (!opened) {
      std::cerr << opened.error().message() << "\n";
      std::exit(1);
    }
    return std::move(*opened);
  }();
  return *database;
}

// One indicator and period: read from the database, summed to every zone by the
// indicator's rule, and every area ranked by its value.
void BM_AggregateToAllZonesAndRankAllSectors(benchmark::State& state) {
  const atlas::Catalog catalog = *atlas::Catalog::Shipped();
  const atlas::Indicator& indicator = *catalog.Find(indicator_id);
  const atlas::Store store(Database());
  const geo::Store geography(Database());
  const auto zones = geography.Zones(Date::Today());
  if (!zones || zones->empty()) {
    state.SkipWithError("no zones");
    return;
  }
  std::size_t sectors = 0;
  for (auto _ : state) {
    auto observations = store.Observations({.indicators = {indicator_id}, .areas = {}, .periods = {period}});
    if (!observations) {
      state.SkipWithError(observations.error().message().c_str());
      return;
    }
    std::unordered_map<std::string_view, const atlas::Observation*> by_area;
    by_area.reserve(observations->size());
    for (const atlas::Observation& observation : *observations) by_area.emplace(observation.area_code, &observation);
    std::vector<atlas::Value> zone_values;
    zone_values.reserve(zones->size());
    for (const geo::Zone& zone : *zones) {
      std::vector<atlas::Part> parts;
      parts.reserve(zone.members.size());
      for (const geo::ZoneMember& member : zone.members) {
        const auto it = by_area.find(member.area_code);
        if (it == by_area.end()) {
          parts.push_back({std::nullopt, std::nullopt, std::nullopt, std::nullopt});
        } else {
          parts.push_back({it->second->value, it->second->numerator, it->second->denominator, std::nullopt});
        }
      }
      zone_values.push_back(atlas::Aggregate(indicator, parts));
    }
    std::vector<const atlas::Observation*> ranked;
    ranked.reserve(observations->size());
    for (const atlas::Observation& observation : *observations) {
      if (observation.value) ranked.push_back(&observation);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) { return *a->value > *b->value; });
    sectors = ranked.size();
    benchmark::DoNotOptimize(zone_values);
    benchmark::DoNotOptimize(ranked);
  }
  state.counters["zones"] = static_cast<double>(zones->size());
  state.counters["sectors"] = static_cast<double>(sectors);
}
BENCHMARK(BM_AggregateToAllZonesAndRankAllSectors)->Unit(benchmark::kMillisecond)->UseRealTime();

// The zone's profile page, made afresh each time (a new query string misses the cache).
void BM_ZoneProfilePage(benchmark::State& state) {
  auto application = app::Application::Create(Database(), {});
  if (!application) {
    state.SkipWithError(application.error().message().c_str());
    return;
  }
  long long iteration = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    http::Request request;
    request.path = "/nl/zones/" + profile_zone + "/atlas";
    request.target = request.path + "?bench=" + std::to_string(++iteration);
    request.query.emplace("bench", std::to_string(iteration));
    request.remote_address = "127.0.0.1";
    const http::Response response = (*application)->Handle(request);
    if (response.status != 200) {
      state.SkipWithError(("status " + std::to_string(response.status)).c_str());
      return;
    }
    bytes = response.body.size();
  }
  state.counters["page_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ZoneProfilePage)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace zoneatlas

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    auto take = [&](const char* flag, std::string& into) {
      if (std::strcmp(argv[i], flag) == 0 && i + 1 < argc) {
        into = argv[++i];
        return true;
      }
      return false;
    };
    if (take("--database", zoneatlas::database_url) || take("--indicator", zoneatlas::indicator_id) ||
        take("--period", zoneatlas::period) || take("--profile-zone", zoneatlas::profile_zone)) {
      continue;
    }
    rest.push_back(argv[i]);
  }
  if (zoneatlas::database_url.empty()) {
    std::cerr << "usage: atlas_bench --database FILE [--indicator ID] [--period P] [--profile-zone ID]\n";
    return 2;
  }
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
