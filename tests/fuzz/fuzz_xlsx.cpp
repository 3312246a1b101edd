// An .xlsx workbook as uploaded: a zip archive of XML parts, read within Excel's limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/formats/xlsx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)zoneatlas::formats::ReadXlsx(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
