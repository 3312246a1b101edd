// A table of atlas figures as a zone editor uploads it (CSV, Statbel's text, a zip or an
// .xlsx workbook), checked in full against the demo geography — a dry run, as the upload
// page does before anyone confirms. The first byte picks the file name the import sees.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "atlas/catalog.hpp"
#include "atlas/import.hpp"
#include "tests/fuzz/demo_database.hpp"

using namespace zoneatlas;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const atlas::Catalog catalog = *atlas::Catalog::Shipped();
  if (size == 0) return 0;
  static constexpr const char* kNames[] = {"figures.csv", "statbel.txt", "figures.zip", "figures.xlsx"};
  atlas::ObservationImportOptions options;
  options.dry_run = true;
  options.period = "2024";
  options.columns["Aandeel"] = "leefloon";  // A label named as an indicator (--map).
  (void)atlas::ImportObservations(fuzz::DemoDatabase(), catalog, kNames[data[0] % 4],
                                  std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), options,
                                  audit::CommandLineActor());
  return 0;
}
