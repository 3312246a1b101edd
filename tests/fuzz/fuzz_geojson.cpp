// GeoJSON boundaries: a FeatureCollection, or one geometry.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "platform/formats/geojson.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)zoneatlas::formats::ParseFeatures(text);
  if (auto geometry = zoneatlas::formats::ParseGeometry(text)) (void)zoneatlas::formats::WriteGeometry(*geometry);
  return 0;
}
