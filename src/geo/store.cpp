#include "geo/store.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "geo/serialize.hpp"

namespace zoneatlas::geo {
namespace {

using db::Row;
using db::Value;

constexpr std::string_view kAreaColumns =
    "a.code, a.kind, a.name_nl, a.name_fr, a.name_en, a.parent_code, a.valid_from, a.valid_to, a.population, "
    "a.population_date, a.land_area_km2, a.approximate, a.source, a.note, "
    "g.area_km2, a.successor_code";
constexpr std::string_view kAreaFrom = " FROM areas a LEFT JOIN area_geometries g ON g.code = a.code";
// Valid at the date bound twice as the last two parameters.
constexpr std::string_view kValidAt = " a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)";

std::optional<Date> OptionalDate(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto date = Date::Parse(*text);
  return date ? std::optional(*date) : std::nullopt;
}

ValidityPeriod PeriodFrom(const Row& row, std::size_t from_column) {
  auto from = Date::Parse(row.Text(from_column));
  return ValidityPeriod{from ? *from : Date::FromYmd(1970, 1, 1).value(),
                        OptionalDate(row.OptionalText(from_column + 1))};
}

Area AreaFrom(const Row& row) {
  Area area;
  area.code = row.Text(0);
  area.kind = ParseAreaKind(row.Text(1)).value_or(AreaKind::kMunicipality);
  area.names = {row.Text(2), row.Text(3), row.Text(4)};
  area.parent_code = row.OptionalText(5);
  area.validity = PeriodFrom(row, 6);
  area.population = row.OptionalInteger(8);
  area.population_date = OptionalDate(row.OptionalText(9));
  area.land_area_km2 = row.OptionalReal(10);
  area.approximate = row.Integer(11) != 0;
  area.source = row.Text(12);
  area.note = row.Text(13);
  area.boundary_area_km2 = row.OptionalReal(14);
  area.successor_code = row.OptionalText(15);
  return area;
}

Value OptionalIso(const std::optional<Date>& date) {
  return date ? Value(date->ToIso()) : Value();
}

// Builds the zones from their rows and loads, in one query, their members valid at `date`.
Result<std::vector<Zone>> ZonesFrom(db::Connection& connection, const std::vector<Row>& rows, const Date& date) {
  std::vector<Zone> zones;
  if (rows.empty()) return zones;
  std::map<std::string, std::size_t> index;
  std::string placeholders;
  std::vector<Value> params = {date.ToIso(), date.ToIso()};
  for (const Row& row : rows) {
    Zone zone;
    zone.id = row.Text(0);
    zone.kind = ParseZoneKind(row.Text(1)).value_or(ZoneKind::kEerstelijnszone);
    zone.names = {row.Text(2), row.Text(3), row.Text(4)};
    zone.region_code = row.OptionalText(5);
    zone.website = row.Text(6);
    zone.validity = PeriodFrom(row, 7);
    zone.source = row.Text(9);
    index[zone.id] = zones.size();
    placeholders += placeholders.empty() ? "?" : ", ?";
    params.emplace_back(zone.id);
    zones.push_back(std::move(zone));
  }
  auto members = connection.Query(
      "SELECT zone_id, area_code, approximate, note, valid_from, valid_to FROM zone_members"
      " WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) AND zone_id IN (" +
          placeholders + ") ORDER BY zone_id, area_code",
      params);
  if (!members) return Fail(members.error());
  for (const Row& member : *members) {
    zones[index.at(member.Text(0))].members.push_back(
        ZoneMember{member.Text(1), member.Integer(2) != 0, member.Text(3), PeriodFrom(member, 4)});
  }
  return zones;
}

constexpr std::string_view kZoneColumns =
    "z.id, z.kind, z.name_nl, z.name_fr, z.name_en, z.region_code, z.website, z.valid_from, z.valid_to, z.source";
constexpr std::string_view kZoneValidAt = " z.valid_from <= ? AND (z.valid_to IS NULL OR z.valid_to >= ?)";

}  // namespace

Result<Area> Store::FindArea(const std::string& code, const Date& date) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + std::string(kAreaColumns) + std::string(kAreaFrom) +
                                " WHERE a.code = ? AND" + std::string(kValidAt),
                            {code, date.ToIso(), date.ToIso()});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no area with code " + code + " on " + date.ToIso()));
  return AreaFrom(rows->front());
}

Result<std::vector<Area>> Store::Areas(const AreaFilter& filter, const Date& date) const {
  std::string sql = std::string("SELECT ") + std::string(kAreaColumns) + std::string(kAreaFrom) + " WHERE" +
                    (filter.any_time ? std::string(" 1 = 1") : std::string(kValidAt));
  std::vector<Value> params;
  if (!filter.any_time) params = {date.ToIso(), date.ToIso()};
  if (filter.kind) {
    sql += " AND a.kind = ?";
    params.emplace_back(std::string(AreaKindName(*filter.kind)));
  }
  if (filter.parent_code) {
    sql += " AND a.parent_code = ?";
    params.emplace_back(*filter.parent_code);
  }
  sql += " ORDER BY a.name_nl";
  auto rows = database_.WithConnection([&](db::Connection& connection) { return connection.Query(sql, params); });
  if (!rows) return Fail(rows.error());
  std::vector<Area> areas;
  for (const Row& row : *rows) areas.push_back(AreaFrom(row));
  return areas;
}

Result<std::vector<Area>> Store::AreasWithCodes(const std::vector<std::string>& codes, const Date& date) const {
  std::vector<Area> areas;
  if (codes.empty()) return areas;
  std::string placeholders;
  std::vector<Value> params = {date.ToIso(), date.ToIso()};
  for (const std::string& code : codes) {
    placeholders += placeholders.empty() ? "?" : ", ?";
    params.emplace_back(code);
  }
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + std::string(kAreaColumns) + std::string(kAreaFrom) + " WHERE" +
                                std::string(kValidAt) + " AND a.code IN (" + placeholders + ")",
                            params);
  });
  if (!rows) return Fail(rows.error());
  for (const Row& row : *rows) areas.push_back(AreaFrom(row));
  return areas;
}

Result<std::vector<Area>> Store::Predecessors(const std::vector<std::string>& codes) const {
  std::vector<Area> areas;
  if (codes.empty()) return areas;
  std::string placeholders;
  std::vector<Value> params;
  for (const std::string& code : codes) {
    placeholders += placeholders.empty() ? "?" : ", ?";
    params.emplace_back(code);
  }
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + std::string(kAreaColumns) + std::string(kAreaFrom) +
                                " WHERE a.successor_code IN (" + placeholders + ") ORDER BY a.code",
                            params);
  });
  if (!rows) return Fail(rows.error());
  for (const Row& row : *rows) areas.push_back(AreaFrom(row));
  return areas;
}

Result<std::string> Store::Boundary(const std::string& code) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT geojson FROM area_geometries WHERE code = ?", {code});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("area " + code + " has no boundary"));
  return rows->front().Text(0);
}

Result<std::vector<Zone>> Store::Zones(const Date& date) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Zone>> {
    auto rows = connection.Query(std::string("SELECT ") + std::string(kZoneColumns) + " FROM zones z WHERE" +
                                     std::string(kZoneValidAt) + " ORDER BY z.kind, z.name_nl",
                                 {date.ToIso(), date.ToIso()});
    if (!rows) return Fail(rows.error());
    return ZonesFrom(connection, *rows, date);
  });
}

Result<Zone> Store::FindZone(const std::string& id, const Date& date) const {
  auto zones = database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Zone>> {
    auto rows = connection.Query(std::string("SELECT ") + std::string(kZoneColumns) +
                                     " FROM zones z WHERE z.id = ? AND" + std::string(kZoneValidAt),
                                 {id, date.ToIso(), date.ToIso()});
    if (!rows) return Fail(rows.error());
    return ZonesFrom(connection, *rows, date);
  });
  if (!zones) return Fail(zones.error());
  if (zones->empty()) return Fail(Error::NotFound("no zone " + id + " on " + date.ToIso()));
  return std::move(zones->front());
}

Result<std::vector<Zone>> Store::ZonesWithMember(const std::string& code, const Date& date) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Zone>> {
    auto rows = connection.Query(
        std::string("SELECT ") + std::string(kZoneColumns) + " FROM zones z WHERE" + std::string(kZoneValidAt) +
            " AND z.id IN (SELECT m.zone_id FROM zone_members m WHERE m.area_code = ? AND m.valid_from <= ?"
            " AND (m.valid_to IS NULL OR m.valid_to >= ?)) ORDER BY z.name_nl",
        {date.ToIso(), date.ToIso(), code, date.ToIso(), date.ToIso()});
    if (!rows) return Fail(rows.error());
    return ZonesFrom(connection, *rows, date);
  });
}

Result<std::int64_t> Store::Generation() const { return db::ReadCounter(database_, "geo"); }

namespace {

Status RaiseGeneration(db::Connection& connection) { return db::RaiseCounter(connection, "geo"); }

// The stored version of an area, zone or boundary as JSON for the audit trail, or
// nothing when there is none.
Result<std::optional<std::string>> StoredArea(db::Connection& connection, const std::string& code,
                                              const Date& valid_from) {
  auto rows = connection.Query(std::string("SELECT ") + std::string(kAreaColumns) + std::string(kAreaFrom) +
                                   " WHERE a.code = ? AND a.valid_from = ?",
                               {code, valid_from.ToIso()});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional(boost::json::serialize(AreaToJson(AreaFrom(rows->front()))));
}

Result<std::optional<std::string>> StoredZone(db::Connection& connection, const std::string& id) {
  auto rows = connection.Query(std::string("SELECT ") + std::string(kZoneColumns) + " FROM zones z WHERE z.id = ?",
                               {id});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  auto members = connection.Query(
      "SELECT area_code, approximate, note, valid_from, valid_to FROM zone_members WHERE zone_id = ?"
      " ORDER BY area_code, valid_from",
      {id});
  if (!members) return Fail(members.error());
  const Row& row = rows->front();
  Zone zone{row.Text(0), ParseZoneKind(row.Text(1)).value_or(ZoneKind::kEerstelijnszone),
            {row.Text(2), row.Text(3), row.Text(4)}, row.OptionalText(5), row.Text(6), PeriodFrom(row, 7),
            row.Text(9), {}};
  for (const Row& member : *members) {
    zone.members.push_back(ZoneMember{member.Text(0), member.Integer(1) != 0, member.Text(2), PeriodFrom(member, 3)});
  }
  return std::optional(boost::json::serialize(ZoneToJson(zone, true)));
}

Result<std::optional<std::string>> StoredBoundary(db::Connection& connection, const std::string& code) {
  auto rows = connection.Query("SELECT geojson, area_km2, source FROM area_geometries WHERE code = ?", {code});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  boost::json::object boundary{{"code", code},
                               {"geometry", boost::json::parse(rows->front().Text(0))},
                               {"area_km2", rows->front().Real(1)},
                               {"source", rows->front().Text(2)}};
  return std::optional(boost::json::serialize(boundary));
}

boost::json::object CompositionToJson(const Composition& composition) {
  boost::json::array parts;
  for (const std::string& part : composition.part_codes) parts.emplace_back(part);
  return {{"area_code", composition.area_code},
          {"parts", std::move(parts)},
          {"approximate", composition.approximate},
          {"source", composition.source}};
}

Result<Composition> CompositionFromJson(const std::string& text) {
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(text, error);
  if (error || !parsed.is_object()) return Fail(Error::InvalidArgument("a composition is not a JSON object"));
  const boost::json::object& object = parsed.as_object();
  Composition composition;
  if (const auto* code = object.if_contains("area_code"); code && code->is_string()) {
    composition.area_code = std::string(code->as_string());
  }
  if (const auto* parts = object.if_contains("parts"); parts && parts->is_array()) {
    for (const boost::json::value& part : parts->as_array()) {
      if (part.is_string()) composition.part_codes.emplace_back(part.as_string());
    }
  }
  if (const auto* approximate = object.if_contains("approximate"); approximate && approximate->is_bool()) {
    composition.approximate = approximate->as_bool();
  }
  if (const auto* source = object.if_contains("source"); source && source->is_string()) {
    composition.source = std::string(source->as_string());
  }
  if (composition.area_code.empty()) return Fail(Error::InvalidArgument("a composition names no area"));
  return composition;
}

// The compositions of the areas in `where` (a condition on area_code), parts in code order.
Result<std::vector<Composition>> CompositionsWhere(db::Connection& connection, const std::string& where,
                                                   const std::vector<db::Value>& params) {
  auto rows = connection.Query(
      "SELECT area_code, part_code, approximate, source FROM area_parts" + where + " ORDER BY area_code, part_code",
      params);
  if (!rows) return Fail(rows.error());
  std::vector<Composition> compositions;
  for (const Row& row : *rows) {
    if (compositions.empty() || compositions.back().area_code != row.Text(0)) {
      compositions.push_back({row.Text(0), {}, row.Integer(2) != 0, row.Text(3)});
    }
    compositions.back().part_codes.push_back(row.Text(1));
  }
  return compositions;
}

Result<std::optional<std::string>> StoredComposition(db::Connection& connection, const std::string& code) {
  auto found = CompositionsWhere(connection, " WHERE area_code = ?", {code});
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<std::string>();
  return std::optional(boost::json::serialize(CompositionToJson(found->front())));
}

}  // namespace

Result<std::map<std::string, std::vector<std::string>>> Store::PartsOf(const std::vector<std::string>& codes,
                                                                       const Date& date) const {
  std::map<std::string, std::vector<std::string>> parts;
  if (codes.empty()) return parts;
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::map<std::string, std::vector<std::string>>> {
    std::string placeholders;
    std::vector<db::Value> params;
    for (const std::string& code : codes) {
      placeholders += placeholders.empty() ? "?" : ", ?";
      params.emplace_back(code);
    }
    auto compositions = CompositionsWhere(connection, " WHERE area_code IN (" + placeholders + ")", params);
    if (!compositions) return Fail(compositions.error());
    for (Composition& composition : *compositions) {
      parts[composition.area_code] = std::move(composition.part_codes);
    }
    // The others: their statistical sectors, if they have any.
    std::string others;
    std::vector<db::Value> other_params = {date.ToIso(), date.ToIso()};
    for (const std::string& code : codes) {
      if (parts.contains(code)) continue;
      others += others.empty() ? "?" : ", ?";
      other_params.emplace_back(code);
    }
    if (others.empty()) return parts;
    auto rows = connection.Query(
        "SELECT a.parent_code, a.code FROM areas a WHERE a.kind = 'statistical_sector' AND" + std::string(kValidAt) +
            " AND a.parent_code IN (" + others + ") ORDER BY a.parent_code, a.code",
        other_params);
    if (!rows) return Fail(rows.error());
    for (const Row& row : *rows) parts[row.Text(0)].push_back(row.Text(1));
    return parts;
  });
}

Result<std::map<std::string, std::vector<std::string>>> Store::AllParts(const Date& date) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::map<std::string, std::vector<std::string>>> {
    std::map<std::string, std::vector<std::string>> parts;
    auto compositions = CompositionsIn(connection);
    if (!compositions) return Fail(compositions.error());
    for (Composition& composition : *compositions) parts[composition.area_code] = std::move(composition.part_codes);
    std::set<std::string> composed;
    for (const auto& [code, list] : parts) composed.insert(code);
    auto rows = connection.Query(
        "SELECT a.code, a.kind, a.parent_code, p.kind FROM areas a JOIN areas p ON p.code = a.parent_code AND"
        " p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?) WHERE" + std::string(kValidAt) +
            " ORDER BY a.parent_code, a.code",
        {date.ToIso(), date.ToIso(), date.ToIso(), date.ToIso()});
    if (!rows) return Fail(rows.error());
    for (const Row& row : *rows) {
      const std::string parent = row.Text(2);
      if (composed.contains(parent)) continue;
      const auto part_kind = ParseAreaKind(row.Text(1)), whole_kind = ParseAreaKind(row.Text(3));
      if (part_kind && whole_kind && PartOfKind(*part_kind, *whole_kind)) parts[parent].push_back(row.Text(0));
    }
    return parts;
  });
}

Result<std::vector<Composition>> Store::Compositions() const {
  return database_.WithConnection([&](db::Connection& connection) { return CompositionsIn(connection); });
}

Result<std::vector<Composition>> Store::CompositionsIn(db::Connection& connection) {
  return CompositionsWhere(connection, "", {});
}

Status Store::PutComposition(db::Connection& connection, const Composition& composition,
                             const audit::Context& context) {
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  auto before = StoredComposition(connection, composition.area_code);
  if (!before) return Fail(before.error());
  auto deleted = connection.Execute("DELETE FROM area_parts WHERE area_code = ?", {composition.area_code});
  if (!deleted) return Fail(deleted.error());
  for (const std::string& part : composition.part_codes) {
    auto inserted = connection.Execute(
        "INSERT INTO area_parts (area_code, part_code, approximate, source) VALUES (?, ?, ?, ?)",
        {composition.area_code, part, static_cast<long long>(composition.approximate), composition.source});
    if (!inserted) return Fail(inserted.error());
  }
  auto after = StoredComposition(connection, composition.area_code);
  if (!after) return Fail(after.error());
  return audit::Record(connection, context, "composition", composition.area_code, *before, *after, std::nullopt);
}

Status Store::PutArea(db::Connection& connection, const Area& area, const audit::Context& context) {
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  auto before = StoredArea(connection, area.code, area.validity.from);
  if (!before) return Fail(before.error());
  auto deleted = connection.Execute("DELETE FROM areas WHERE code = ? AND valid_from = ?",
                                    {area.code, area.validity.from.ToIso()});
  if (!deleted) return Fail(deleted.error());
  auto inserted = connection.Execute(
      "INSERT INTO areas (code, kind, name_nl, name_fr, name_en, parent_code, valid_from, valid_to, population,"
      " population_date, land_area_km2, approximate, source, note, successor_code)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {area.code, std::string(AreaKindName(area.kind)), area.names.nl, area.names.fr, area.names.en,
       db::Nullable(area.parent_code), area.validity.from.ToIso(), OptionalIso(area.validity.to),
       db::Nullable(area.population), OptionalIso(area.population_date), db::Nullable(area.land_area_km2),
       static_cast<long long>(area.approximate), area.source, area.note, db::Nullable(area.successor_code)});
  if (!inserted) return Fail(inserted.error());
  auto after = StoredArea(connection, area.code, area.validity.from);
  if (!after) return Fail(after.error());
  return audit::Record(connection, context, "area", area.code, *before, *after, std::nullopt);
}

Status Store::PutZone(db::Connection& connection, const Zone& zone, const audit::Context& context) {
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  auto before = StoredZone(connection, zone.id);
  if (!before) return Fail(before.error());
  auto deleted = connection.Execute("DELETE FROM zone_members WHERE zone_id = ?", {zone.id});
  if (deleted) deleted = connection.Execute("DELETE FROM zones WHERE id = ?", {zone.id});
  if (!deleted) return Fail(deleted.error());
  auto inserted = connection.Execute(
      "INSERT INTO zones (id, kind, name_nl, name_fr, name_en, region_code, website, valid_from, valid_to, source)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {zone.id, std::string(ZoneKindName(zone.kind)), zone.names.nl, zone.names.fr, zone.names.en,
       db::Nullable(zone.region_code), zone.website, zone.validity.from.ToIso(), OptionalIso(zone.validity.to),
       zone.source});
  if (!inserted) return Fail(inserted.error());
  for (const ZoneMember& member : zone.members) {
    auto added = connection.Execute(
        "INSERT INTO zone_members (zone_id, area_code, approximate, note, valid_from, valid_to)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        {zone.id, member.area_code, static_cast<long long>(member.approximate), member.note,
         member.validity.from.ToIso(), OptionalIso(member.validity.to)});
    if (!added) return Fail(added.error());
  }
  auto after = StoredZone(connection, zone.id);
  if (!after) return Fail(after.error());
  return audit::Record(connection, context, "zone", zone.id, *before, *after, zone.id);
}

Status Store::PutBoundary(db::Connection& connection, const std::string& code, const std::string& geojson,
                          double area_km2, const std::string& source, const audit::Context& context) {
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  auto before = StoredBoundary(connection, code);
  if (!before) return Fail(before.error());
  auto deleted = connection.Execute("DELETE FROM area_geometries WHERE code = ?", {code});
  if (!deleted) return Fail(deleted.error());
  auto inserted = connection.Execute(
      "INSERT INTO area_geometries (code, geojson, area_km2, source) VALUES (?, ?, ?, ?)",
      {code, geojson, area_km2, source});
  if (!inserted) return Fail(inserted.error());
  auto after = StoredBoundary(connection, code);
  if (!after) return Fail(after.error());
  return audit::Record(connection, context, "boundary", code, *before, *after, std::nullopt);
}

Status Store::Restore(const audit::Change& change, bool before, const audit::Context& context) {
  const std::optional<std::string>& version = before ? change.before : change.after;
  if (!version) return Fail(Error::FailedPrecondition("that version is an empty record; there is nothing to restore"));
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    if (change.entity_type == "zone") {
      auto zone = ZoneFromJson(*version);
      if (!zone) return Fail(zone.error());
      return PutZone(connection, *zone, context);
    }
    if (change.entity_type == "area") {
      auto area = AreaFromJson(*version);
      if (!area) return Fail(area.error());
      return PutArea(connection, *area, context);
    }
    if (change.entity_type == "boundary") {
      const auto parsed = boost::json::parse(*version).as_object();
      return PutBoundary(connection, change.entity_id, boost::json::serialize(parsed.at("geometry")),
                         parsed.at("area_km2").to_number<double>(), std::string(parsed.at("source").as_string()),
                         context);
    }
    if (change.entity_type == "composition") {
      auto composition = CompositionFromJson(*version);
      if (!composition) return Fail(composition.error());
      return PutComposition(connection, *composition, context);
    }
    return Fail(Error::FailedPrecondition("changes to " + change.entity_type + " are not restored here"));
  });
}

Result<bool> Store::AreaExists(db::Connection& connection, const std::string& code) {
  auto rows = connection.Query("SELECT COUNT(*) FROM areas WHERE code = ?", {code});
  if (!rows) return Fail(rows.error());
  return rows->front().Integer(0) > 0;
}

Result<PlaceNames> PlaceNamesOf(const Store& store, Language language, const Date& date) {
  PlaceNames names;
  auto zones = store.Zones(date);
  if (!zones) return Fail(zones.error());
  std::vector<std::string> codes;
  for (const Zone& zone : *zones) {
    names.zones[zone.id] = zone.names.In(language);
    for (const ZoneMember& member : zone.members) codes.push_back(member.area_code);
  }
  auto areas = store.AreasWithCodes(codes, date);
  if (!areas) return Fail(areas.error());
  for (const Area& area : *areas) names.areas[area.code] = area.names.In(language);
  return names;
}

}  // namespace zoneatlas::geo
