#include "platform/formats/geojson.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <fmt/format.h>

namespace zoneatlas::formats {
namespace json = boost::json;
namespace {

Result<json::value> ParseJson(std::string_view text) {
  json::stream_parser parser;
  json::error_code ec;
  const std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(consumed), '\n');
    return Fail(Error::InvalidArgument(fmt::format("line {}: not valid JSON ({})", line, ec.message())));
  }
  return parser.release();
}

std::optional<double> Number(const json::value& value) {
  if (value.is_double()) return value.get_double();
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  return std::nullopt;
}

Result<Ring> ParseRing(const json::value& value) {
  if (!value.is_array()) return Fail(Error::InvalidArgument("a ring is not an array of positions"));
  Ring ring;
  for (const json::value& position : value.get_array()) {
    if (!position.is_array() || position.get_array().size() < 2) {
      return Fail(Error::InvalidArgument("a position is not [longitude, latitude]"));
    }
    const auto lon = Number(position.get_array()[0]);
    const auto lat = Number(position.get_array()[1]);
    if (!lon || !lat || !std::isfinite(*lon) || !std::isfinite(*lat)) {
      return Fail(Error::InvalidArgument("a position has a coordinate that is not a number"));
    }
    if (*lon < -180 || *lon > 180 || *lat < -90 || *lat > 90) {
      return Fail(Error::InvalidArgument(
          fmt::format("position [{}, {}] is not longitude/latitude in WGS84 (is the file projected, e.g. Lambert 72?)",
                      *lon, *lat)));
    }
    ring.push_back({*lon, *lat});
  }
  if (ring.size() < 4) return Fail(Error::InvalidArgument("a ring has fewer than 4 positions"));
  if (ring.front().lon != ring.back().lon || ring.front().lat != ring.back().lat) {
    return Fail(Error::InvalidArgument("a ring is not closed (its first and last positions differ)"));
  }
  return ring;
}

Result<Polygon> ParsePolygon(const json::value& value) {
  if (!value.is_array() || value.get_array().empty()) {
    return Fail(Error::InvalidArgument("a polygon is not a non-empty array of rings"));
  }
  Polygon polygon;
  for (const json::value& ring : value.get_array()) {
    auto parsed = ParseRing(ring);
    if (!parsed) return Fail(parsed.error());
    polygon.push_back(std::move(*parsed));
  }
  return polygon;
}

Result<MultiPolygon> ParseGeometryValue(const json::value& value) {
  if (!value.is_object()) return Fail(Error::InvalidArgument("the geometry is missing"));
  const json::object& object = value.get_object();
  const json::value* type = object.if_contains("type");
  if (type == nullptr || !type->is_string()) return Fail(Error::InvalidArgument("the geometry has no type"));
  const std::string_view kind = type->get_string();
  MultiPolygon result;
  // Some published boundary files give a municipality in several parts (Ixelles,
  // Baarle-Hertog) as a GeometryCollection of polygons.
  if (kind == "GeometryCollection") {
    const json::value* members = object.if_contains("geometries");
    if (members == nullptr || !members->is_array() || members->get_array().empty()) {
      return Fail(Error::InvalidArgument("a GeometryCollection has no geometries"));
    }
    for (const json::value& member : members->get_array()) {
      auto part = ParseGeometryValue(member);
      if (!part) return Fail(part.error());
      for (Polygon& polygon : *part) result.push_back(std::move(polygon));
    }
    return result;
  }
  const json::value* coordinates = object.if_contains("coordinates");
  if (coordinates == nullptr) return Fail(Error::InvalidArgument("the geometry has no coordinates"));
  if (kind == "Polygon") {
    auto polygon = ParsePolygon(*coordinates);
    if (!polygon) return Fail(polygon.error());
    result.push_back(std::move(*polygon));
  } else if (kind == "MultiPolygon") {
    if (!coordinates->is_array() || coordinates->get_array().empty()) {
      return Fail(Error::InvalidArgument("a MultiPolygon has no polygons"));
    }
    for (const json::value& polygon_value : coordinates->get_array()) {
      auto polygon = ParsePolygon(polygon_value);
      if (!polygon) return Fail(polygon.error());
      result.push_back(std::move(*polygon));
    }
  } else {
    return Fail(Error::InvalidArgument("geometry type " + std::string(kind) +
                                       " is not an area (expected Polygon or MultiPolygon)"));
  }
  return result;
}

std::string ScalarText(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_int64()) return std::to_string(value.get_int64());
  if (value.is_uint64()) return std::to_string(value.get_uint64());
  if (value.is_double()) return fmt::format("{}", value.get_double());
  if (value.is_bool()) return value.get_bool() ? "true" : "false";
  return json::serialize(value);
}

Feature ParseFeature(const json::value& value, int number) {
  Feature feature;
  feature.number = number;
  if (!value.is_object()) {
    feature.geometry_error = "the feature is not an object";
    return feature;
  }
  const json::object& object = value.get_object();
  if (const json::value* properties = object.if_contains("properties"); properties && properties->is_object()) {
    for (const auto& [key, property] : properties->get_object()) {
      if (!property.is_null()) feature.properties.emplace(std::string(key), ScalarText(property));
    }
  }
  const json::value* geometry = object.if_contains("geometry");
  if (geometry == nullptr || geometry->is_null()) {
    feature.geometry_error = "the feature has no geometry";
    return feature;
  }
  auto parsed = ParseGeometryValue(*geometry);
  if (parsed) {
    feature.geometry = std::move(*parsed);
  } else {
    feature.geometry_error = parsed.error().message();
  }
  return feature;
}

void AppendNumber(std::string& out, double value) {
  fmt::format_to(std::back_inserter(out), "{:.6f}", value);
  // Trim trailing zeros to keep files small: "4.250000" -> "4.25".
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
}

}  // namespace

std::optional<std::string> Feature::Property(std::initializer_list<std::string_view> names) const {
  for (std::string_view name : names) {
    const auto it = properties.find(name);
    if (it != properties.end() && !it->second.empty()) return it->second;
  }
  return std::nullopt;
}

Result<std::vector<Feature>> ParseFeatures(std::string_view text) {
  auto document = ParseJson(text);
  if (!document) return Fail(document.error());
  if (!document->is_object()) return Fail(Error::InvalidArgument("the GeoJSON is not an object"));
  const json::object& root = document->get_object();
  const json::value* type = root.if_contains("type");
  if (type != nullptr && type->is_string() && type->get_string() == "Feature") {
    return std::vector<Feature>{ParseFeature(*document, 1)};
  }
  const json::value* features = root.if_contains("features");
  if (type == nullptr || !type->is_string() || type->get_string() != "FeatureCollection" || features == nullptr ||
      !features->is_array()) {
    return Fail(Error::InvalidArgument("the GeoJSON is not a FeatureCollection with a \"features\" array"));
  }
  std::vector<Feature> parsed;
  int number = 0;
  for (const json::value& feature : features->get_array()) parsed.push_back(ParseFeature(feature, ++number));
  return parsed;
}

Result<MultiPolygon> ParseGeometry(std::string_view text) {
  auto document = ParseJson(text);
  if (!document) return Fail(document.error());
  return ParseGeometryValue(*document);
}

std::string WriteGeometry(const MultiPolygon& geometry) {
  std::string out = R"({"type":"MultiPolygon","coordinates":[)";
  for (std::size_t p = 0; p < geometry.size(); ++p) {
    if (p > 0) out += ',';
    out += '[';
    for (std::size_t r = 0; r < geometry[p].size(); ++r) {
      if (r > 0) out += ',';
      out += '[';
      for (std::size_t i = 0; i < geometry[p][r].size(); ++i) {
        if (i > 0) out += ',';
        out += '[';
        AppendNumber(out, geometry[p][r][i].lon);
        out += ',';
        AppendNumber(out, geometry[p][r][i].lat);
        out += ']';
      }
      out += ']';
    }
    out += ']';
  }
  out += "]}";
  return out;
}

}  // namespace zoneatlas::formats
