// The geography imports as an administrator runs them — areas (our CSV, Statbel's REFNIS
// list and sectors, GeoJSON), zones, boundaries and what areas are made of — written for real, since these imports
// have no dry run. Each input starts from the same demo database (a fresh copy of it), so a
// finding reproduces from its input alone. The first byte picks the import and its options.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "audit/audit.hpp"
#include "geo/import.hpp"
#include "tests/fuzz/demo_database.hpp"

using namespace zoneatlas;

namespace {

// A copy of the demo database the current input may change; the original stays as made.
std::string FreshCopy() {
  static const std::string pristine = fuzz::DemoDatabasePath();
  static const std::string copy = pristine + "-input";
  static const bool cleaned = [] {
    std::atexit([] { std::filesystem::remove(copy); });
    return true;
  }();
  (void)cleaned;
  std::filesystem::copy_file(pristine, copy, std::filesystem::copy_options::overwrite_existing);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(copy + suffix);
  return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto opened = db::Database::Open(FreshCopy(), 1);
  if (!opened) std::abort();
  db::Database& database = **opened;
  const audit::Actor actor = audit::CommandLineActor();
  switch (data[0] % 7) {
    case 0:
      (void)geo::ImportAreas(database, "areas.csv", content, actor);
      break;
    case 1:
      (void)geo::ImportAreas(database, "areas.geojson", content, actor);
      break;
    case 2:
      (void)geo::ImportAreas(database, "sectors.xlsx", content, actor, {.skip_unknown_parents = true});
      break;
    case 3:
      (void)geo::ImportZones(database, "zones.csv", content, actor);
      break;
    case 4:
      (void)geo::ImportBoundaries(database, "boundaries.geojson", content, {}, actor);
      break;
    case 5:
      (void)geo::ImportBoundaries(database, "boundaries.geojson", content,
                                  {.simplify_meters = 25, .skip_unknown = true, .source = "fuzz"}, actor);
      break;
    default:
      (void)geo::ImportCompositions(database, "parts.csv", content, actor);
      break;
  }
  return 0;
}
