// A table of atlas figures as a zone editor uploads it (CSV, Statbel's text, a zip or an
// .xlsx workbook), checked in full against the demo geography — a dry run, as the upload
// page does before anyone confirms. The first byte picks the file name the import sees.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "atlas/catalog.hpp"
#include "atlas/import.hpp"
#include "geo/import.hpp"
#include "platform/db/database.hpp"

namespace {

using namespace zoneatlas;

std::string Demo(const std::string& name) {
  std::ifstream in(std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/" + name, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A database of its own for this run, removed at exit.
std::string database_path;

db::Database& DemoDatabase() {
  static std::unique_ptr<db::Database> database = [] {
    database_path =
        (std::filesystem::temp_directory_path() / ("zoneatlas-fuzz-" + std::to_string(getpid()) + ".db")).string();
    std::atexit([] {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_path + suffix);
    });
    auto opened = db::Database::Open(database_path, 1);
    if (!opened || !(*opened)->Migrate()) std::abort();
    if (!geo::ImportAreas(**opened, "areas.csv", Demo("areas.csv"), audit::CommandLineActor())) std::abort();
    return std::move(*opened);
  }();
  return *database;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const atlas::Catalog catalog = *atlas::Catalog::Shipped();
  if (size == 0) return 0;
  static constexpr const char* kNames[] = {"figures.csv", "statbel.txt", "figures.zip", "figures.xlsx"};
  atlas::ObservationImportOptions options;
  options.dry_run = true;
  options.period = "2024";
  (void)atlas::ImportObservations(DemoDatabase(), catalog, kNames[data[0] % 4],
                                  std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), options,
                                  audit::CommandLineActor());
  return 0;
}
