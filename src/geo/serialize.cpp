#include "geo/serialize.hpp"

#include <boost/json.hpp>

namespace zoneatlas::geo {
namespace json = boost::json;
namespace {

json::object NamesJson(const Names& names) {
  return json::object{{"nl", names.nl}, {"fr", names.fr}, {"en", names.en.empty() ? json::value() : json::value(names.en)}};
}

json::value OptionalDateJson(const std::optional<Date>& date) { return date ? json::value(date->ToIso()) : json::value(); }

// Reading helpers: each throws std::invalid_argument on a missing or mistyped field; the
// public functions turn that into kInvalidArgument.
std::string Text(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) throw std::invalid_argument(std::string(key) + " is not text");
  return std::string(value->get_string());
}

std::string OptionalTextOrEmpty(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::optional<Date> OptionalDate(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  auto date = Date::Parse(value->is_string() ? std::string_view(value->get_string()) : "");
  if (!date) throw std::invalid_argument(std::string(key) + " is not a date");
  return *date;
}

Date RequiredDate(const json::object& object, std::string_view key) {
  auto date = OptionalDate(object, key);
  if (!date) throw std::invalid_argument(std::string(key) + " is missing");
  return *date;
}

Names NamesFrom(const json::object& object) {
  const json::value* names = object.if_contains("names");
  if (names == nullptr || !names->is_object()) throw std::invalid_argument("names are missing");
  return {Text(names->get_object(), "nl"), Text(names->get_object(), "fr"),
          OptionalTextOrEmpty(names->get_object(), "en")};
}

bool Flag(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_bool() && value->get_bool();
}

}  // namespace

json::object AreaToJson(const Area& area) {
  return json::object{
      {"code", area.code},
      {"kind", AreaKindName(area.kind)},
      {"names", NamesJson(area.names)},
      {"parent_code", area.parent_code ? json::value(*area.parent_code) : json::value()},
      {"valid_from", area.validity.from.ToIso()},
      {"valid_to", OptionalDateJson(area.validity.to)},
      {"population", area.population ? json::value(*area.population) : json::value()},
      {"population_date", OptionalDateJson(area.population_date)},
      {"land_area_km2", area.land_area_km2 ? json::value(*area.land_area_km2) : json::value()},
      {"approximate", area.approximate},
      {"source", area.source},
      {"note", area.note},
      {"successor_code", area.successor_code ? json::value(*area.successor_code) : json::value()},
  };
}

json::object ZoneToJson(const Zone& zone, bool with_members) {
  json::object object{
      {"id", zone.id},
      {"kind", ZoneKindName(zone.kind)},
      {"names", NamesJson(zone.names)},
      {"region_code", zone.region_code ? json::value(*zone.region_code) : json::value()},
      {"website", zone.website},
      {"valid_from", zone.validity.from.ToIso()},
      {"valid_to", OptionalDateJson(zone.validity.to)},
      {"approximate", zone.IsApproximate()},
      {"source", zone.source},
      {"member_count", zone.members.size()},
  };
  if (with_members) {
    json::array members;
    for (const ZoneMember& member : zone.members) {
      members.push_back(json::object{{"area_code", member.area_code},
                                     {"approximate", member.approximate},
                                     {"note", member.note},
                                     {"valid_from", member.validity.from.ToIso()},
                                     {"valid_to", OptionalDateJson(member.validity.to)}});
    }
    object["members"] = std::move(members);
  }
  return object;
}

Result<Area> AreaFromJson(std::string_view text) {
  try {
    const json::value parsed = json::parse(text);
    const json::object& object = parsed.as_object();
    Area area;
    area.code = Text(object, "code");
    const auto kind = ParseAreaKind(Text(object, "kind"));
    if (!kind) throw std::invalid_argument("kind is unknown");
    area.kind = *kind;
    area.names = NamesFrom(object);
    if (const std::string parent = OptionalTextOrEmpty(object, "parent_code"); !parent.empty()) area.parent_code = parent;
    area.validity = {RequiredDate(object, "valid_from"), OptionalDate(object, "valid_to")};
    if (const json::value* population = object.if_contains("population"); population && population->is_int64()) {
      area.population = population->get_int64();
    }
    area.population_date = OptionalDate(object, "population_date");
    if (const json::value* land = object.if_contains("land_area_km2"); land && land->is_number()) {
      area.land_area_km2 = land->to_number<double>();
    }
    area.approximate = Flag(object, "approximate");
    area.source = OptionalTextOrEmpty(object, "source");
    area.note = OptionalTextOrEmpty(object, "note");
    if (const std::string successor = OptionalTextOrEmpty(object, "successor_code"); !successor.empty()) {
      area.successor_code = successor;
    }
    return area;
  } catch (const std::exception& e) {
    return Fail(Error::InvalidArgument(std::string("not an area: ") + e.what()));
  }
}

Result<Zone> ZoneFromJson(std::string_view text) {
  try {
    const json::value parsed = json::parse(text);
    const json::object& object = parsed.as_object();
    Zone zone;
    zone.id = Text(object, "id");
    const auto kind = ParseZoneKind(Text(object, "kind"));
    if (!kind) throw std::invalid_argument("kind is unknown");
    zone.kind = *kind;
    zone.names = NamesFrom(object);
    if (const std::string region = OptionalTextOrEmpty(object, "region_code"); !region.empty()) zone.region_code = region;
    zone.website = OptionalTextOrEmpty(object, "website");
    zone.validity = {RequiredDate(object, "valid_from"), OptionalDate(object, "valid_to")};
    zone.source = OptionalTextOrEmpty(object, "source");
    const json::value* members = object.if_contains("members");
    if (members == nullptr || !members->is_array()) throw std::invalid_argument("members are missing");
    for (const json::value& member : members->get_array()) {
      const json::object& fields = member.as_object();
      zone.members.push_back(ZoneMember{Text(fields, "area_code"), Flag(fields, "approximate"),
                                        OptionalTextOrEmpty(fields, "note"),
                                        {RequiredDate(fields, "valid_from"), OptionalDate(fields, "valid_to")}});
    }
    return zone;
  } catch (const std::exception& e) {
    return Fail(Error::InvalidArgument(std::string("not a zone: ") + e.what()));
  }
}

}  // namespace zoneatlas::geo
