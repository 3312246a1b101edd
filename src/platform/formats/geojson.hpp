// platform/formats/geojson.hpp: reading and writing GeoJSON (RFC 7946) boundaries.
//
// Only what area boundaries need: Features with scalar properties and a Polygon or
// MultiPolygon geometry in WGS84 longitude/latitude. A feature whose geometry is
// missing or malformed is still returned, with geometry_error saying what is wrong, so
// that an importer can report every bad feature rather than stop at the first.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_PLATFORM_FORMATS_GEOJSON_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_GEOJSON_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace zoneatlas::formats {

struct Position {
  double lon = 0;
  double lat = 0;
};
using Ring = std::vector<Position>;      // Closed: first == last.
using Polygon = std::vector<Ring>;       // Outer ring, then holes.
using MultiPolygon = std::vector<Polygon>;

struct Feature {
  int number = 0;  // 1-based position in the collection.
  std::map<std::string, std::string, std::less<>> properties;  // Scalars as text; nulls left out.
  std::optional<MultiPolygon> geometry;
  std::string geometry_error;  // Set when geometry is empty.

  // Returns the first non-empty property among `names`.
  std::optional<std::string> Property(std::initializer_list<std::string_view> names) const;
};

// Parses a FeatureCollection (or a single Feature). Returns kInvalidArgument for text
// that is not JSON (naming the line) or not a FeatureCollection.
Result<std::vector<Feature>> ParseFeatures(std::string_view json);

// Parses a bare geometry object ({"type":"MultiPolygon",…}).
Result<MultiPolygon> ParseGeometry(std::string_view json);

// Writes `geometry` as a GeoJSON MultiPolygon with 6 decimals (about 10 cm).
std::string WriteGeometry(const MultiPolygon& geometry);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_GEOJSON_HPP_
