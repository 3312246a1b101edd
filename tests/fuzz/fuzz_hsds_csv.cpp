// The social map as HSDS's CSV tabular package. The input holds the package's files as
// "name\n" then the content, files separated by a NUL byte.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "geo/import.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/hsds_csv.hpp"
#include "socialmap/taxonomy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zoneatlas::socialmap::Taxonomy taxonomy = *zoneatlas::socialmap::Taxonomy::Shipped();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  zoneatlas::socialmap::CsvPackage package;
  for (std::size_t start = 0; start <= input.size();) {
    const std::size_t end = std::min(input.find('\0', start), input.size());
    const std::string_view file = input.substr(start, end - start);
    const std::size_t newline = file.find('\n');
    if (newline != std::string_view::npos) package[std::string(file.substr(0, newline))] = file.substr(newline + 1);
    start = end + 1;
  }
  zoneatlas::geo::ImportReport report;
  const std::string json = zoneatlas::socialmap::AssembleHsdsCsv(package, report);
  if (report.ok()) {
    (void)zoneatlas::socialmap::ParseHsdsJson(
        json, taxonomy, [](std::string_view code) { return std::optional<std::string>(code); }, report);
  }
  return 0;
}
