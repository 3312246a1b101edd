// The social map's search at scale (bench/socialmap.sh builds the data: 100,000 services):
// a faceted, geo-sorted, filtered text search as the search page and the HSDS API make it,
// in process. Reports the median and the 99th percentile over many runs.
//
//   socialmap_bench --database FILE_OR_URL --search-index DIR
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>

#include "core/brussels_time.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"
#include "platform/search/index.hpp"
#include "socialmap/search.hpp"
#include "socialmap/store.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas {
namespace {

std::string database_url;
std::string index_directory;

struct World {
  std::unique_ptr<db::Database> database;
  socialmap::Taxonomy taxonomy;
  std::unique_ptr<socialmap::Store> store;
  std::unique_ptr<geo::Store> geography;
  std::unique_ptr<search::Index> index;
  std::unique_ptr<socialmap::Search> search;
};

World& TheWorld() {
  static World world = [] {
    World w;
    auto opened = db::Database::Open(database_url, 4);
    auto taxonomy = socialmap::Taxonomy::Shipped();
    auto index = search::Index::Open(index_directory);
    if (!opened || !taxonomy || !index) {
      std::cerr << "cannot open the database, taxonomy or index\n";
      std::exit(1);
    }
    w.database = std::move(*opened);
    w.taxonomy = std::move(*taxonomy);
    w.store = std::make_unique<socialmap::Store>(*w.database);
    w.geography = std::make_unique<geo::Store>(*w.database);
    w.index = std::move(*index);
    w.search = std::make_unique<socialmap::Search>(w.taxonomy, *w.store, *w.geography, *w.index);
    return w;
  }();
  return world;
}

// What a social worker in Brussels asks: food aid, free, near the Bourse within 5 km,
// nearest first, with every facet counted and how many are open now.
socialmap::SearchRequest Typical() {
  socialmap::SearchRequest request;
  request.text = "voedselhulp";
  request.costs = {"free"};
  request.near = search::Point{50.8476, 4.3497};
  request.radius_km = 5;
  request.now = BrusselsTime(std::chrono::system_clock::now());
  request.limit = 20;
  return request;
}

void Measure(benchmark::State& state, const socialmap::SearchRequest& request) {
  World& world = TheWorld();
  std::vector<double> milliseconds;
  std::size_t total = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto result = world.search->Find(request);
    milliseconds.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!result) {
      state.SkipWithError(result.error().message().c_str());
      return;
    }
    total = result->total;
    benchmark::DoNotOptimize(result);
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  state.counters["matches"] = static_cast<double>(total);
  state.counters["p50_ms"] = milliseconds[milliseconds.size() / 2];
  state.counters["p99_ms"] = milliseconds[std::min(milliseconds.size() - 1, milliseconds.size() * 99 / 100)];
}

void BM_FacetedGeoSortedFilteredTextSearch(benchmark::State& state) { Measure(state, Typical()); }
BENCHMARK(BM_FacetedGeoSortedFilteredTextSearch)->Iterations(2000)->Unit(benchmark::kMillisecond);

// The same without a place: every match in the country is counted for the facets.
void BM_FacetedTextSearchEverywhere(benchmark::State& state) {
  socialmap::SearchRequest request = Typical();
  request.near.reset();
  request.radius_km.reset();
  Measure(state, request);
}
BENCHMARK(BM_FacetedTextSearchEverywhere)->Iterations(500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zoneatlas

int main(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--database") == 0) zoneatlas::database_url = argv[i + 1];
    if (std::strcmp(argv[i], "--search-index") == 0) zoneatlas::index_directory = argv[i + 1];
  }
  if (zoneatlas::database_url.empty() || zoneatlas::index_directory.empty()) {
    std::cerr << "usage: socialmap_bench --database FILE_OR_URL --search-index DIR [benchmark flags]\n";
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
