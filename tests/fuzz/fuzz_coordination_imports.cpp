// The coordination features' JSON imports — the prevention agenda, care providers and
// referral routes, consultations with their signals and action lines, the inventory of
// initiatives — checked in full against the demo geography (a dry run). The first byte
// picks the import.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "agenda/import.hpp"
#include "app/vocabulary.hpp"
#include "atlas/catalog.hpp"
#include "consultations/import.hpp"
#include "geo/store.hpp"
#include "initiatives/import.hpp"
#include "providers/import.hpp"
#include "socialmap/taxonomy.hpp"
#include "tests/fuzz/demo_database.hpp"

namespace {

using namespace zoneatlas;

struct Coordination {
  std::unique_ptr<geo::Store> geography;
  Vocabulary vocabulary;
  std::unique_ptr<agenda::Store> agenda;
  std::unique_ptr<providers::Store> providers;
  std::unique_ptr<consultations::Store> consultations;
  std::unique_ptr<initiatives::Store> initiatives;
};

Coordination& Stores() {
  static Coordination stores = [] {
    Coordination made;
    db::Database& database = fuzz::DemoDatabase();
    made.geography = std::make_unique<geo::Store>(database);
    made.vocabulary = app::SharedVocabulary(*socialmap::Taxonomy::Shipped(), *atlas::Catalog::Shipped());
    made.agenda = std::make_unique<agenda::Store>(database, *made.geography, made.vocabulary);
    made.providers = std::make_unique<providers::Store>(database, *made.geography, made.vocabulary);
    made.consultations = std::make_unique<consultations::Store>(database, *made.geography, made.vocabulary);
    made.initiatives = std::make_unique<initiatives::Store>(database, *made.geography, made.vocabulary);
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
