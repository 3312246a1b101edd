// platform/geodata/ogr.hpp: boundary files in any vector format and coordinate system GDAL
// reads — Shapefile, GeoPackage, GML, KML, GeoJSON in Belgian Lambert 72 … — handed on as
// GeoJSON in WGS84, the one form the geography imports read.
//
// GDAL's C++ library cannot be built against on Debian 12 beside zoneatlas (libgdal-dev
// pulls in Boost 1.74's headers, which conflict with the Boost 1.81 ones zoneatlas uses),
// so GDAL's own ogr2ogr (package gdal-bin) reads and reprojects, in a process of its own
// with a time limit, and writes RFC 7946 GeoJSON to a private temporary file.
//
// Thread safety: the functions may be called from many threads.
#ifndef ZONEATLAS_PLATFORM_GEODATA_OGR_HPP_
#define ZONEATLAS_PLATFORM_GEODATA_OGR_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace zoneatlas::geodata {

// The largest GeoJSON a conversion may give, and how long it may take.
inline constexpr std::size_t kMaxGeoJsonBytes = std::size_t{512} << 20;
inline constexpr int kTimeoutSeconds = 300;

// Whether a file must go through GDAL: GeoJSON that names a coordinate system other than
// WGS84 ("crs", which RFC 7946 dropped: such files are in Lambert 72 or another
// projection), or, when it is not GeoJSON, a name ending .shp, .gpkg, .gml, .kml or .zip.
bool NeedsGdal(std::string_view file_name, std::string_view content);

// The features of the vector file at `path` (a .shp beside its .dbf, .shx and .prj, a
// .gpkg, .gml, a .zip holding a shapefile…) as one GeoJSON FeatureCollection in WGS84.
// kUnavailable when ogr2ogr is not installed; kInvalidArgument, with GDAL's words, when it
// cannot read the file or it holds more than one layer.
Result<std::string> ReadAsGeoJson(const std::filesystem::path& path);

// The same for a file's content received under `file_name` (one file: .gpkg, .gml, .kml,
// GeoJSON, or a .zip holding a shapefile).
Result<std::string> ReadAsGeoJson(std::string_view file_name, std::string_view content);

}  // namespace zoneatlas::geodata

#endif  // ZONEATLAS_PLATFORM_GEODATA_OGR_HPP_
