// geo/export.hpp: writing areas, zones and boundaries in the layouts the importers read,
// so that an export can be edited and imported again.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_GEO_EXPORT_HPP_
#define ZONEATLAS_GEO_EXPORT_HPP_

#include <string>

#include "core/error.hpp"
#include "geo/store.hpp"

namespace zoneatlas::geo {

// Areas valid at `date`, as areas CSV.
Result<std::string> ExportAreas(const Store& store, const Date& date);
// Zones valid at `date`, as zones CSV (one row per member).
Result<std::string> ExportZones(const Store& store, const Date& date);
// Boundaries of the areas valid at `date`, as a GeoJSON FeatureCollection.
Result<std::string> ExportBoundaries(const Store& store, const Date& date);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_EXPORT_HPP_
