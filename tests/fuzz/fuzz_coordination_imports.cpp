// The coordination features' JSON imports — the prevention agenda, care providers and
// referral routes, consultations with their signals and action lines, the inventory of
// initiatives — checked in full against the demo geography (a dry run). The first byte
// picks the import.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "agenda/import.hpp"
#include "app/vocabulary.hpp"
#include "atlas/catalog.hpp"
#include "consultations/import.hpp"
#include "geo/import.hpp"
#include "geo/store.hpp"
#include "initiatives/import.hpp"
#include "platform/db/database.hpp"
#include "providers/import.hpp"
#include "socialmap/taxonomy.hpp"

namespace {

using namespace zoneatlas;

std::string Demo(const std::string& name) {
  std::ifstream in(std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/" + name, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A database of its own for this run, with the demo areas and zones, removed at exit.
std::string database_path;

struct Coordination {
  std::unique_ptr<db::Database> database;
  std::unique_ptr<geo::Store> geography;
  Vocabulary vocabulary;
  std::unique_ptr<agenda::Store> agenda;
  std::unique_ptr<providers::Store> providers;
  std::unique_ptr<consultations::Store> consultations;
  std::unique_ptr<initiatives::Store> initiatives;
};

Coordination& Stores() {
  static Coordination stores = [] {
    database_path =
        (std::filesystem::temp_directory_path() / ("zoneatlas-fuzz-" + std::to_string(getpid()) + ".db")).string();
    std::atexit([] {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_path + suffix);
    });
    Coordination made;
    auto opened = db::Database::Open(database_path, 1);
    if (!opened || !(*opened)->Migrate()) std::abort();
    made.database = std::move(*opened);
    if (!geo::ImportAreas(*made.database, "areas.csv", Demo("areas.csv"), audit::CommandLineActor()) ||
        !geo::ImportZones(*made.database, "zones.csv", Demo("zones.csv"), audit::CommandLineActor())) {
      std::abort();
    }
    made.geography = std::make_unique<geo::Store>(*made.database);
    made.vocabulary = app::SharedVocabulary(*socialmap::Taxonomy::Shipped(), *atlas::Catalog::Shipped());
    made.agenda = std::make_unique<agenda::Store>(*made.database, *made.geography, made.vocabulary);
    made.providers = std::make_unique<providers::Store>(*made.database, *made.geography, made.vocabulary);
    made.consultations = std::make_unique<consultations::Store>(*made.database, *made.geography, made.vocabulary);
    made.initiatives = std::make_unique<initiatives::Store>(*made.database, *made.geography, made.vocabulary);
    return made;
  }();
  return stores;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Coordination& stores = Stores();
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  const audit::Actor actor = audit::CommandLineActor();
  switch (data[0] % 4) {
    case 0:
      (void)agenda::ImportFile(*stores.agenda, "agenda.json", content, true, actor);
      break;
    case 1:
      (void)providers::ImportFile(*stores.providers, "providers.json", content, true, actor);
      break;
    case 2:
      (void)consultations::ImportFile(*stores.consultations, "consultations.json", content, true, actor);
      break;
    default:
      (void)initiatives::ImportFile(*stores.initiatives, "initiatives.json", content, true, actor);
  }
  return 0;
}
