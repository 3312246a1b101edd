// CSV as uploaded: any bytes, with the delimiter guessed or given.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/formats/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)zoneatlas::formats::ParseCsv(text);
  (void)zoneatlas::formats::ParseCsv(text, ';');
  return 0;
}
