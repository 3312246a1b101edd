// What someone types in the social map's search box.
#include <cstddef>
#include <cstdint>
#include <string>

#include "platform/search/index.hpp"
#include "socialmap/search.hpp"
#include "socialmap/taxonomy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zoneatlas::socialmap::Taxonomy taxonomy = *zoneatlas::socialmap::Taxonomy::Shipped();
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)zoneatlas::search::Words(text);
  (void)zoneatlas::socialmap::QueryUnits(text, taxonomy);
  return 0;
}
