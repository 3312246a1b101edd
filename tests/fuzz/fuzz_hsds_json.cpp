// The social map in HSDS 3.0 JSON, as a partner's system sends it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "geo/import.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/taxonomy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zoneatlas::socialmap::Taxonomy taxonomy = *zoneatlas::socialmap::Taxonomy::Shipped();
  zoneatlas::geo::ImportReport report;
  const auto map = zoneatlas::socialmap::ParseHsdsJson(
      std::string_view(reinterpret_cast<const char*>(data), size), taxonomy,
      [](std::string_view code) { return std::optional<std::string>(code); }, report);
  if (report.ok()) (void)zoneatlas::socialmap::WriteHsdsJson(map, zoneatlas::Language::kFr);
  return 0;
}
