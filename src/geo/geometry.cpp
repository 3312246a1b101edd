#include "geo/geometry.hpp"

#include <fmt/format.h>

// Boost.Geometry 1.81's envelope code trips g++ 12's -Wmaybe-uninitialized on a box it
// fills before use; the warning is in the library, not here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#pragma GCC diagnostic pop
#include <cmath>

namespace zoneatlas::geo {
namespace bg = boost::geometry;
namespace {

using GeoPoint = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
using GeoPolygon = bg::model::polygon<GeoPoint>;
using GeoMultiPolygon = bg::model::multi_polygon<GeoPolygon>;
// Simplification and validity run in plain degrees, which is fine at the scale of a
// municipality's boundary.
using FlatPoint = bg::model::d2::point_xy<double>;
using FlatPolygon = bg::model::polygon<FlatPoint>;
using FlatMultiPolygon = bg::model::multi_polygon<FlatPolygon>;

template <typename MultiPolygonType>
MultiPolygonType Convert(const formats::MultiPolygon& boundary) {
  using PolygonType = typename MultiPolygonType::value_type;
  using PointType = typename PolygonType::point_type;
  MultiPolygonType converted;
  for (const formats::Polygon& polygon : boundary) {
    PolygonType out;
    for (std::size_t r = 0; r < polygon.size(); ++r) {
      auto& ring = r == 0 ? out.outer() : out.inners().emplace_back();
      for (const formats::Position& position : polygon[r]) ring.push_back(PointType(position.lon, position.lat));
    }
    converted.push_back(std::move(out));
  }
  bg::correct(converted);
  return converted;
}

formats::Ring ToRing(const bg::model::ring<FlatPoint>& ring) {
  formats::Ring out;
  for (const FlatPoint& point : ring) out.push_back({point.x(), point.y()});
  return out;
}

}  // namespace

double AreaKm2(const formats::MultiPolygon& boundary) {
  return std::fabs(bg::area(Convert<GeoMultiPolygon>(boundary))) / 1e6;
}

formats::MultiPolygon Simplify(const formats::MultiPolygon& boundary, double tolerance_meters) {
  // One degree of latitude is about 111 km; at Belgian latitudes a degree of longitude
  // is about 70 km. Using the latitude figure keeps the error below the tolerance.
  const double tolerance_degrees = tolerance_meters / 111'000.0;
  formats::MultiPolygon simplified;
  for (const formats::Polygon& polygon : boundary) {
    formats::Polygon out;
    for (const formats::Ring& ring : polygon) {
      bg::model::ring<FlatPoint> flat, reduced;
      for (const formats::Position& position : ring) flat.push_back(FlatPoint(position.lon, position.lat));
      bg::simplify(flat, reduced, tolerance_degrees);
      if (reduced.size() < 4) reduced = flat;
      out.push_back(ToRing(reduced));
    }
    simplified.push_back(std::move(out));
  }
  return simplified;
}

std::string GeometryProblem(const formats::MultiPolygon& boundary) {
  std::string message;
  if (bg::is_valid(Convert<FlatMultiPolygon>(boundary), message)) return "";
  return message;
}

std::string OutsideBelgium(const formats::MultiPolygon& boundary) {
  // Belgium lies within 2.54–6.41° E and 49.49–51.51° N; a tenth of a degree to spare.
  for (const formats::Polygon& polygon : boundary) {
    for (const formats::Ring& ring : polygon) {
      for (const formats::Position& point : ring) {
        if (point.lon < 2.4 || point.lon > 6.5 || point.lat < 49.4 || point.lat > 51.6) {
          return fmt::format(
              "the point ({}, {}) lies outside Belgium: are the coordinates in WGS84 longitude, latitude?", point.lon,
              point.lat);
        }
      }
    }
  }
  return "";
}

bool Contains(const formats::MultiPolygon& boundary, double lon, double lat) {
  return bg::within(FlatPoint(lon, lat), Convert<FlatMultiPolygon>(boundary));
}

}  // namespace zoneatlas::geo
