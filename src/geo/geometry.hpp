// geo/geometry.hpp: measuring and simplifying boundaries (Boost.Geometry).
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_GEO_GEOMETRY_HPP_
#define ZONEATLAS_GEO_GEOMETRY_HPP_

#include <string>

#include "platform/formats/geojson.hpp"

namespace zoneatlas::geo {

// Returns the area on the WGS84 ellipsoid, in km².
double AreaKm2(const formats::MultiPolygon& boundary);

// Returns `boundary` simplified (Douglas-Peucker) to within about `tolerance_meters`,
// keeping every ring closed and at least a triangle.
formats::MultiPolygon Simplify(const formats::MultiPolygon& boundary, double tolerance_meters);

// Returns why `boundary` is not a valid area (self-intersection, …), or "" if it is.
std::string GeometryProblem(const formats::MultiPolygon& boundary);

// Why `boundary` cannot be a Belgian area — a point outside Belgium with a margin, as
// Lambert 72 metres or latitude and longitude swapped would put it — or "" when it can.
std::string OutsideBelgium(const formats::MultiPolygon& boundary);

// True when (lon, lat) lies inside `boundary`.
bool Contains(const formats::MultiPolygon& boundary, double lon, double lat);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_GEOMETRY_HPP_
