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
#include "atlas/ranking.hpp"
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

// One indicator and period: summed to every zone by the indicator's rule (members without
// a figure from their sectors), the figures that protect a hidden one found, and every
// area ranked by its value, as /api/v1/indicators/{id}/ranking answers it. Each call
// starts from an empty cache, so it reads the figures and the geography as after an import;
// later calls with nothing changed answer from memory.
void BM_AggregateToAllZonesAndRankAllSectors(benchmark::State& state) {
  const atlas::Catalog catalog = *atlas::Catalog::Shipped();
  const atlas::Indicator& indicator = *catalog.Find(indicator_id);
  const atlas::Store store(Database());
  const geo::Store geography(Database());
  std::size_t zones = 0, sectors = 0;
  for (auto _ : state) {
    atlas::RankingCache cache;
    auto ranking = cache.Rank(catalog, store, geography, indicator, period);
    if (!ranking) {
      state.SkipWithError(ranking.error().message().c_str());
      return;
    }
    zones = ranking->zones.size();
    sectors = ranking->areas.size();
    benchmark::DoNotOptimize(ranking);
  }
  state.counters["zones"] = static_cast<double>(zones);
  state.counters["sectors"] = static_cast<double>(sectors);
}
BENCHMARK(BM_AggregateToAllZonesAndRankAllSectors)->Unit(benchmark::kMillisecond)->UseRealTime();

// The zone's profile page, made afresh each time (a new query string misses the cache).
void BM_ZoneProfilePage(benchmark::State& state) {
  app::Application::Options options;
  options.search_index = database_url + ".search";  // The application needs one; the page does not use it.
  auto application = app::Application::Create(Database(), std::move(options));
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
