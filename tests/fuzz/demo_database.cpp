#include "tests/fuzz/demo_database.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "audit/audit.hpp"
#include "geo/import.hpp"

namespace zoneatlas::fuzz {
namespace {

std::string database_path;

}  // namespace

std::string DemoFile(const std::string& name) {
  std::ifstream in(std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/" + name, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

db::Database& DemoDatabase() {
  static std::unique_ptr<db::Database> database = [] {
    database_path =
        (std::filesystem::temp_directory_path() / ("zoneatlas-fuzz-" + std::to_string(getpid()) + ".db")).string();
    std::atexit([] {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_path + suffix);
    });
    auto opened = db::Database::Open(database_path, 1);
    if (!opened || !(*opened)->Migrate()) std::abort();
    if (!geo::ImportAreas(**opened, "areas.csv", DemoFile("areas.csv"), audit::CommandLineActor()) ||
        !geo::ImportZones(**opened, "zones.csv", DemoFile("zones.csv"), audit::CommandLineActor())) {
      std::abort();
    }
    auto checkpointed = (*opened)->WithConnection(
        [](db::Connection& connection) { return connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)"); });
    if (!checkpointed) std::abort();
    return std::move(*opened);
  }();
  return *database;
}

std::string DemoDatabasePath() {
  (void)DemoDatabase();
  return database_path;
}

}  // namespace zoneatlas::fuzz
