#include "geo/export.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "platform/formats/csv.hpp"

namespace zoneatlas::geo {
namespace {

std::string OptionalText(const std::optional<std::string>& value) { return value.value_or(""); }
std::string OptionalIso(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

}  // namespace

Result<std::string> ExportAreas(const Store& store, const Date& date) {
  auto areas = store.Areas({}, date);
  if (!areas) return Fail(areas.error());
  std::string out = formats::CsvLine({"code", "kind", "name_nl", "name_fr", "name_en", "parent_code", "valid_from",
                                      "valid_to", "population", "population_date", "land_area_km2", "approximate",
                                      "source", "note", "successor_code"});
  for (const Area& area : *areas) {
    out += formats::CsvLine({area.code, std::string(AreaKindName(area.kind)), area.names.nl, area.names.fr,
                             area.names.en, OptionalText(area.parent_code), area.validity.from.ToIso(),
                             OptionalIso(area.validity.to), area.population ? std::to_string(*area.population) : "",
                             OptionalIso(area.population_date),
                             area.land_area_km2 ? fmt::format("{}", *area.land_area_km2) : "",
                             area.approximate ? "yes" : "no", area.source, area.note, OptionalText(area.successor_code)});
  }
  return out;
}

Result<std::string> ExportZones(const Store& store, const Date& date) {
  auto zones = store.Zones(date);
  if (!zones) return Fail(zones.error());
  std::string out = formats::CsvLine({"zone_id", "kind", "name_nl", "name_fr", "name_en", "region_code", "website",
                                      "source", "valid_from", "valid_to", "member_code", "approximate", "note"});
  for (const Zone& zone : *zones) {
    for (const ZoneMember& member : zone.members) {
      out += formats::CsvLine({zone.id, std::string(ZoneKindName(zone.kind)), zone.names.nl, zone.names.fr,
                               zone.names.en, OptionalText(zone.region_code), zone.website, zone.source,
                               zone.validity.from.ToIso(), OptionalIso(zone.validity.to), member.area_code,
                               member.approximate ? "yes" : "no", member.note});
    }
  }
  return out;
}

Result<std::string> ExportBoundaries(const Store& store, const Date& date) {
  auto areas = store.Areas({}, date);
  if (!areas) return Fail(areas.error());
  boost::json::array features;
  for (const Area& area : *areas) {
    if (!area.has_boundary()) continue;
    auto geometry = store.Boundary(area.code);
    if (!geometry) return Fail(geometry.error());
    features.push_back(boost::json::object{
        {"type", "Feature"},
        {"properties", boost::json::object{{"code", area.code}, {"name_nl", area.names.nl}, {"name_fr", area.names.fr}}},
        {"geometry", boost::json::parse(*geometry)}});
  }
  return boost::json::serialize(boost::json::object{{"type", "FeatureCollection"}, {"features", std::move(features)}});
}

}  // namespace zoneatlas::geo
