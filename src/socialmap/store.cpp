#include "socialmap/store.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

namespace zoneatlas::socialmap {
namespace {

using db::Row;
using db::Value;

Value TextOrNull(const std::string& text) { return text.empty() ? Value() : Value(text); }
Value DateOrNull(const std::optional<Date>& date) { return date ? Value(date->ToIso()) : Value(); }
std::optional<Date> DateOf(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto date = Date::Parse(*text);
  return date ? std::optional<Date>(*date) : std::nullopt;
}

// Runs `sql` once per element of `items`, binding what `bind` makes of it.
template <typename Item>
Status Each(db::Connection& connection, const std::string& sql, const std::vector<Value>& shape,
            const std::vector<Item>& items, const std::function<std::vector<Value>(const Item&)>& bind) {
  std::size_t next = 0;
  auto ran = connection.ExecuteEach(sql, shape, [&](std::vector<Value>& row) {
    if (next == items.size()) return false;
    row = bind(items[next++]);
    return true;
  });
  if (!ran) return Fail(ran.error());
  return {};
}

// Raises the social map's change counter; the new value stamps the rows written next.
Result<long long> NextRevision(db::Connection& connection) {
  if (auto raised = db::RaiseCounter(connection, "socialmap"); !raised) return Fail(raised.error());
  auto counter = db::ReadCounter(connection, "socialmap");
  if (!counter) return Fail(counter.error());
  return static_cast<long long>(*counter);
}

// Ids per "IN (…)" list: SOCI names every placeholder and SQLite looks the names up one
// by one, so a long list costs quadratic time.
constexpr std::size_t kIdsPerStatement = 64;

std::string Placeholders(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  return list;
}

struct ChildRow {
  const Service* service;
  std::size_t index;
};

constexpr const char* kServiceColumns =
    "s.id, s.organization_id, s.status, s.name_nl, s.name_fr, s.name_en, s.description_nl, s.description_fr,"
    " s.description_en, s.plain_nl, s.plain_fr, s.plain_en, s.url, s.email, s.phone, s.cost, s.cost_note,"
    " s.competent_level, s.application_process, s.last_verified, s.verified_by, s.demo, s.community, s.expires_on";

Service ServiceOf(const Row& row) {
  Service service;
  service.id = row.Text(0);
  service.organization_id = row.Text(1);
  service.status = row.Text(2);
  service.name = {row.Text(3), row.Text(4), row.Text(5)};
  service.description = {row.Text(6), row.Text(7), row.Text(8)};
  service.plain = {row.Text(9), row.Text(10), row.Text(11)};
  service.url = row.Text(12);
  service.email = row.Text(13);
  service.phone = row.Text(14);
  service.cost = ParseCost(row.Text(15)).value_or(Cost::kFree);
  service.cost_note = row.Text(16);
  service.competent_level = row.Text(17);
  service.application_process = row.Text(18);
  service.last_verified = DateOf(row.OptionalText(19));
  service.verified_by = row.Text(20);
  service.demo = row.Integer(21) != 0;
  service.community = row.Integer(22) != 0;
  service.expires_on = DateOf(row.OptionalText(23));
  return service;
}

constexpr const char* kLocationColumns =
    "id, organization_id, name, address, postal_code, city, municipality_code, latitude, longitude, transport_nl,"
    " transport_fr, wheelchair";

Location LocationOf(const Row& row) {
  return Location{.id = row.Text(0),
                  .organization_id = row.OptionalText(1).value_or(""),
                  .name = row.Text(2),
                  .address = row.Text(3),
                  .postal_code = row.Text(4),
                  .city = row.Text(5),
                  .municipality_code = row.OptionalText(6).value_or(""),
                  .latitude = row.OptionalReal(7),
                  .longitude = row.OptionalReal(8),
                  .transport = {row.Text(9), row.Text(10), ""},
                  .wheelchair = row.Integer(11) != 0};
}

Organization OrganizationOf(const Row& row) {
  return Organization{.id = row.Text(0),
                      .name = row.Text(1),
                      .description = {row.Text(2), row.Text(3), ""},
                      .website = row.Text(4),
                      .email = row.Text(5),
                      .phone = row.Text(6)};
}

}  // namespace

Result<std::int64_t> Store::Save(db::Connection& connection, const SocialMap& map, const audit::Context& context,
                                 const std::string& what) {
  auto next = NextRevision(connection);
  if (!next) return Fail(next.error());
  const long long revision = *next;

  const std::string text;
  if (auto saved = Each<Organization>(
          connection,
          "INSERT INTO sm_organizations (id, name, description_nl, description_fr, website, email, phone, revision)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
          " description_nl = excluded.description_nl, description_fr = excluded.description_fr,"
          " website = excluded.website, email = excluded.email, phone = excluded.phone, revision = excluded.revision",
          {text, text, text, text, text, text, text, 0LL}, map.organizations,
          [&](const Organization& o) -> std::vector<Value> {
            return {o.id, o.name, o.description.nl, o.description.fr, o.website, o.email, o.phone, revision};
          });
      !saved) {
    return Fail(saved.error());
  }
  if (auto saved = Each<Location>(
          connection,
          "INSERT INTO sm_locations (id, organization_id, name, address, postal_code, city, municipality_code,"
          " latitude, longitude, transport_nl, transport_fr, wheelchair, revision)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
          " organization_id = excluded.organization_id, name = excluded.name, address = excluded.address,"
          " postal_code = excluded.postal_code, city = excluded.city, municipality_code = excluded.municipality_code,"
          " latitude = excluded.latitude, longitude = excluded.longitude, transport_nl = excluded.transport_nl,"
          " transport_fr = excluded.transport_fr, wheelchair = excluded.wheelchair, revision = excluded.revision",
          {text, text, text, text, text, text, text, 0.0, 0.0, text, text, 0LL, 0LL}, map.locations,
          [&](const Location& l) -> std::vector<Value> {
            return {l.id,
                    TextOrNull(l.organization_id),
                    l.name,
                    l.address,
                    l.postal_code,
                    l.city,
                    TextOrNull(l.municipality_code),
                    db::Nullable(l.latitude),
                    db::Nullable(l.longitude),
                    l.transport.nl,
                    l.transport.fr,
                    static_cast<long long>(l.wheelchair ? 1 : 0),
                    revision};
          });
      !saved) {
    return Fail(saved.error());
  }
  if (auto saved = Each<Service>(
          connection,
          "INSERT INTO sm_services (id, organization_id, status, name_nl, name_fr, name_en, description_nl,"
          " description_fr, description_en, plain_nl, plain_fr, plain_en, url, email, phone, cost, cost_note,"
          " competent_level, application_process, last_verified, verified_by, demo, community, expires_on, revision)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
          "UPDATE SET"
          " organization_id = excluded.organization_id, status = excluded.status, name_nl = excluded.name_nl,"
          " name_fr = excluded.name_fr, name_en = excluded.name_en, description_nl = excluded.description_nl,"
          " description_fr = excluded.description_fr, description_en = excluded.description_en,"
          " plain_nl = excluded.plain_nl, plain_fr = excluded.plain_fr, plain_en = excluded.plain_en,"
          " url = excluded.url, email = excluded.email, phone = excluded.phone, cost = excluded.cost,"
          " cost_note = excluded.cost_note, competent_level = excluded.competent_level,"
          " application_process = excluded.application_process, last_verified = excluded.last_verified,"
          " verified_by = excluded.verified_by, demo = excluded.demo, community = excluded.community,"
          " expires_on = excluded.expires_on, revision = excluded.revision",
          {text, text, text, text, text, text, text, text, text, text, text, text, text,
           text, text, text, text, text, text, text, text, 0LL,  0LL,  text, 0LL},
          map.services,
          [&](const Service& s) -> std::vector<Value> {
            return {s.id,
                    s.organization_id,
                    s.status,
                    s.name.nl,
                    s.name.fr,
                    s.name.en,
                    s.description.nl,
                    s.description.fr,
                    s.description.en,
                    s.plain.nl,
                    s.plain.fr,
                    s.plain.en,
                    s.url,
                    s.email,
                    s.phone,
                    std::string(CostName(s.cost)),
                    s.cost_note,
                    s.competent_level,
                    s.application_process,
                    DateOrNull(s.last_verified),
                    s.verified_by,
                    static_cast<long long>(s.demo ? 1 : 0),
                    static_cast<long long>(s.community ? 1 : 0),
                    DateOrNull(s.expires_on),
                    revision};
          });
      !saved) {
    return Fail(saved.error());
  }
  // A service's parts are replaced as a whole.
  for (const char* table :
       {"sm_schedules", "sm_service_areas", "sm_service_languages", "sm_service_terms", "sm_service_at_location"}) {
    if (auto removed = Each<Service>(connection, std::string("DELETE FROM ") + table + " WHERE service_id = ?", {text},
                                     map.services, [](const Service& s) -> std::vector<Value> { return {s.id}; });
        !removed) {
      return Fail(removed.error());
    }
  }
  std::vector<ChildRow> hours, areas, languages, themes, groups, places;
  for (const Service& service : map.services) {
    for (std::size_t i = 0; i < service.hours.size(); ++i) hours.push_back({&service, i});
    for (std::size_t i = 0; i < service.area_codes.size(); ++i) areas.push_back({&service, i});
    for (std::size_t i = 0; i < service.languages.size(); ++i) languages.push_back({&service, i});
    for (std::size_t i = 0; i < service.themes.size(); ++i) themes.push_back({&service, i});
    for (std::size_t i = 0; i < service.target_groups.size(); ++i) groups.push_back({&service, i});
    for (std::size_t i = 0; i < service.location_ids.size(); ++i) places.push_back({&service, i});
  }
  const auto run = [&](const std::string& sql, const std::vector<Value>& shape, const std::vector<ChildRow>& rows,
                       const std::function<std::vector<Value>(const ChildRow&)>& bind) {
    return Each<ChildRow>(connection, sql, shape, rows, bind);
  };
  std::vector<Status> done;
  done.push_back(run(
      "INSERT INTO sm_schedules (service_id, location_id, weekday, opens_at, closes_at, walk_in, on_holidays,"
      " valid_from, valid_to, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {text, text, text, text, text, 0LL, 0LL, text, text, text}, hours, [](const ChildRow& r) -> std::vector<Value> {
        const Hours& h = r.service->hours[r.index];
        return {r.service->id,
                TextOrNull(h.location_id),
                std::string(WeekdayCode(h.weekday)),
                FormatClock(h.opens),
                FormatClock(h.closes),
                static_cast<long long>(h.walk_in ? 1 : 0),
                static_cast<long long>(h.on_holidays ? 1 : 0),
                DateOrNull(h.valid_from),
                DateOrNull(h.valid_to),
                h.note};
      }));
  done.push_back(run("INSERT INTO sm_service_areas (service_id, area_code) VALUES (?, ?)", {text, text}, areas,
                     [](const ChildRow& r) -> std::vector<Value> {
                       return {r.service->id, r.service->area_codes[r.index]};
                     }));
  done.push_back(run("INSERT INTO sm_service_languages (service_id, language) VALUES (?, ?)", {text, text}, languages,
                     [](const ChildRow& r) -> std::vector<Value> {
                       return {r.service->id, r.service->languages[r.index]};
                     }));
  done.push_back(run("INSERT INTO sm_service_terms (service_id, taxonomy, term_id) VALUES (?, 'theme', ?)",
                     {text, text}, themes, [](const ChildRow& r) -> std::vector<Value> {
                       return {r.service->id, r.service->themes[r.index]};
                     }));
  done.push_back(run("INSERT INTO sm_service_terms (service_id, taxonomy, term_id) VALUES (?, 'target_group', ?)",
                     {text, text}, groups, [](const ChildRow& r) -> std::vector<Value> {
                       return {r.service->id, r.service->target_groups[r.index]};
                     }));
  done.push_back(run("INSERT INTO sm_service_at_location (service_id, location_id) VALUES (?, ?)", {text, text}, places,
                     [](const ChildRow& r) -> std::vector<Value> {
                       return {r.service->id, r.service->location_ids[r.index]};
                     }));
  for (const Status& status : done) {
    if (!status) return Fail(status.error());
  }
  if (what.empty()) return revision;
  const std::string summary = boost::json::serialize(boost::json::object{{"organizations", map.organizations.size()},
                                                                         {"locations", map.locations.size()},
                                                                         {"services", map.services.size()},
                                                                         {"revision", revision}});
  if (auto recorded = audit::Record(connection, context, "socialmap_import", what, std::nullopt, summary, std::nullopt);
      !recorded) {
    return Fail(recorded.error());
  }
  return revision;
}

Result<std::int64_t> Store::Generation() const { return db::ReadCounter(database_, "socialmap"); }

Result<std::vector<Service>> Store::LoadServices(const std::string& where, const std::vector<Value>& params) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Service>> {
    auto rows = connection.Query(
        std::string("SELECT ") + kServiceColumns + " FROM sm_services s WHERE " + where + " ORDER BY s.id", params);
    if (!rows) return Fail(rows.error());
    std::vector<Service> services;
    std::map<std::string, std::size_t> position;
    services.reserve(rows->size());
    for (const Row& row : *rows) {
      position[row.Text(0)] = services.size();
      services.push_back(ServiceOf(row));
    }
    const auto children = [&](const std::string& select,
                              const std::function<void(Service&, const Row&)>& add) -> Status {
      auto found = connection.Query(select + " JOIN sm_services s ON s.id = c.service_id WHERE " + where, params);
      if (!found) return Fail(found.error());
      for (const Row& row : *found) {
        if (auto it = position.find(row.Text(0)); it != position.end()) add(services[it->second], row);
      }
      return {};
    };
    std::vector<Status> done;
    done.push_back(children(
        "SELECT c.service_id, c.location_id, c.weekday, c.opens_at, c.closes_at, c.walk_in, c.valid_from, c.valid_to,"
        " c.note, c.on_holidays FROM sm_schedules c",
        [](Service& service, const Row& row) {
          service.hours.push_back({.weekday = ParseWeekday(row.Text(2)).value_or(0),
                                   .opens = ParseClock(row.Text(3)).value_or(0),
                                   .closes = ParseClock(row.Text(4)).value_or(0),
                                   .walk_in = row.Integer(5) != 0,
                                   .on_holidays = row.Integer(9) != 0,
                                   .location_id = row.OptionalText(1).value_or(""),
                                   .valid_from = DateOf(row.OptionalText(6)),
                                   .valid_to = DateOf(row.OptionalText(7)),
                                   .note = row.Text(8)});
        }));
    done.push_back(children("SELECT c.service_id, c.area_code FROM sm_service_areas c",
                            [](Service& service, const Row& row) { service.area_codes.push_back(row.Text(1)); }));
    done.push_back(children("SELECT c.service_id, c.language FROM sm_service_languages c",
                            [](Service& service, const Row& row) { service.languages.push_back(row.Text(1)); }));
    done.push_back(children("SELECT c.service_id, c.taxonomy, c.term_id FROM sm_service_terms c",
                            [](Service& service, const Row& row) {
                              (row.Text(1) == "theme" ? service.themes : service.target_groups).push_back(row.Text(2));
                            }));
    done.push_back(children("SELECT c.service_id, c.location_id FROM sm_service_at_location c",
                            [](Service& service, const Row& row) { service.location_ids.push_back(row.Text(1)); }));
    for (const Status& status : done) {
      if (!status) return Fail(status.error());
    }
    // Rows come in the engine's order; keep each list in one order for pages and exports.
    for (Service& service : services) {
      std::sort(service.hours.begin(), service.hours.end(), [](const Hours& a, const Hours& b) {
        return std::tie(a.weekday, a.opens, a.location_id) < std::tie(b.weekday, b.opens, b.location_id);
      });
      for (auto* list :
           {&service.area_codes, &service.languages, &service.themes, &service.target_groups, &service.location_ids}) {
        std::sort(list->begin(), list->end());
      }
    }
    return services;
  });
}

Result<std::vector<Service>> Store::ChangedSince(std::int64_t revision) const {
  return LoadServices("s.revision > ?", {static_cast<long long>(revision)});
}

Result<Service> Store::FindService(const std::string& id) const {
  auto services = LoadServices("s.id = ?", {id});
  if (!services) return Fail(services.error());
  if (services->empty()) return Fail(Error::NotFound("no service '" + id + "'"));
  return std::move(services->front());
}

Result<std::vector<Service>> Store::NotVerifiedSince(const Date& cutoff) const {
  auto services =
      LoadServices("s.status = 'active' AND (s.last_verified IS NULL OR s.last_verified < ?)", {cutoff.ToIso()});
  if (!services) return Fail(services.error());
  std::stable_sort(services->begin(), services->end(), [](const Service& a, const Service& b) {
    if (a.last_verified.has_value() != b.last_verified.has_value()) return !a.last_verified.has_value();
    return a.last_verified < b.last_verified;
  });
  return services;
}

Result<std::map<std::string, std::vector<std::string>>> Store::ServicesPerArea(const std::string& theme,
                                                                               const std::string& target_group) const {
  std::string sql =
      "SELECT a.area_code, s.id FROM sm_service_areas a JOIN sm_services s ON s.id = a.service_id"
      " JOIN sm_service_terms t ON t.service_id = s.id AND t.taxonomy = 'theme' AND t.term_id = ?"
      " WHERE s.status = 'active'";
  std::vector<Value> params = {theme};
  if (!target_group.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM sm_service_terms g WHERE g.service_id = s.id AND g.taxonomy = 'target_group'"
        " AND g.term_id = ?)";
    params.emplace_back(target_group);
  }
  sql += " ORDER BY a.area_code, s.id";
  auto rows = database_.WithConnection([&](db::Connection& connection) { return connection.Query(sql, params); });
  if (!rows) return Fail(rows.error());
  std::map<std::string, std::vector<std::string>> services;
  for (const Row& row : *rows) services[row.Text(0)].push_back(row.Text(1));
  return services;
}

Result<std::vector<Service>> Store::ServicesOf(const std::string& organization_id) const {
  return LoadServices("s.organization_id = ?", {organization_id});
}

Result<Organization> Store::FindOrganization(const std::string& id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "SELECT id, name, description_nl, description_fr, website, email, phone FROM sm_organizations WHERE id = ?",
        {id});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no organization '" + id + "'"));
  return OrganizationOf(rows->front());
}

Result<std::vector<Location>> Store::Locations(const std::vector<std::string>& ids) const {
  std::vector<Location> locations;
  for (std::size_t start = 0; start < ids.size(); start += kIdsPerStatement) {
    const std::size_t end = std::min(ids.size(), start + kIdsPerStatement);
    const std::vector<Value> chunk(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                   ids.begin() + static_cast<std::ptrdiff_t>(end));
    auto rows = database_.WithConnection([&](db::Connection& connection) {
      return connection.Query(std::string("SELECT ") + kLocationColumns + " FROM sm_locations WHERE id IN (" +
                                  Placeholders(chunk.size()) + ")",
                              chunk);
    });
    if (!rows) return Fail(rows.error());
    for (const Row& row : *rows) locations.push_back(LocationOf(row));
  }
  return locations;
}

Result<Store::Listing> Store::List(const std::vector<std::string>& ids) const {
  Listing listing;
  std::map<std::string, Service> found;
  for (std::size_t start = 0; start < ids.size(); start += kIdsPerStatement) {
    const std::size_t end = std::min(ids.size(), start + kIdsPerStatement);
    const std::vector<Value> chunk(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                   ids.begin() + static_cast<std::ptrdiff_t>(end));
    auto services = LoadServices("s.id IN (" + Placeholders(chunk.size()) + ")", chunk);
    if (!services) return Fail(services.error());
    for (Service& service : *services) {
      std::string id = service.id;
      found.emplace(std::move(id), std::move(service));
    }
  }
  std::set<std::string> organization_ids, location_ids;
  for (const std::string& id : ids) {
    auto it = found.find(id);
    if (it == found.end()) continue;
    organization_ids.insert(it->second.organization_id);
    location_ids.insert(it->second.location_ids.begin(), it->second.location_ids.end());
    listing.services.push_back(std::move(it->second));
    found.erase(it);
  }
  const std::vector<std::string> wanted(organization_ids.begin(), organization_ids.end());
  for (std::size_t start = 0; start < wanted.size(); start += kIdsPerStatement) {
    const std::size_t end = std::min(wanted.size(), start + kIdsPerStatement);
    const std::vector<Value> chunk(wanted.begin() + static_cast<std::ptrdiff_t>(start),
                                   wanted.begin() + static_cast<std::ptrdiff_t>(end));
    auto rows = database_.WithConnection([&](db::Connection& connection) {
      return connection.Query(
          "SELECT id, name, description_nl, description_fr, website, email, phone FROM sm_organizations WHERE id IN (" +
              Placeholders(chunk.size()) + ")",
          chunk);
    });
    if (!rows) return Fail(rows.error());
    for (const Row& row : *rows) {
      Organization organization = OrganizationOf(row);
      std::string id = organization.id;
      listing.organizations.emplace(std::move(id), std::move(organization));
    }
  }
  auto locations = Locations(std::vector<std::string>(location_ids.begin(), location_ids.end()));
  if (!locations) return Fail(locations.error());
  for (Location& location : *locations) {
    std::string id = location.id;
    listing.locations.emplace(std::move(id), std::move(location));
  }
  return listing;
}

const Organization* Store::Listing::OrganizationOf(const Service& service) const {
  const auto it = organizations.find(service.organization_id);
  return it == organizations.end() ? nullptr : &it->second;
}

std::vector<const Location*> Store::Listing::LocationsOf(const Service& service) const {
  std::vector<const Location*> places;
  for (const std::string& id : service.location_ids) {
    if (const auto it = locations.find(id); it != locations.end()) places.push_back(&it->second);
  }
  return places;
}

Result<std::pair<std::map<std::string, std::string>, std::map<std::string, Location>>> Store::PlacesChangedSince(
    std::int64_t revision) const {
  using Places = std::pair<std::map<std::string, std::string>, std::map<std::string, Location>>;
  return database_.WithConnection([&](db::Connection& connection) -> Result<Places> {
    const std::vector<Value> since{static_cast<long long>(revision)};
    auto organizations = connection.Query(
        "SELECT id, name FROM sm_organizations WHERE id IN"
        " (SELECT organization_id FROM sm_services WHERE revision > ?)",
        since);
    if (!organizations) return Fail(organizations.error());
    auto locations =
        connection.Query(std::string("SELECT ") + kLocationColumns +
                             " FROM sm_locations WHERE id IN (SELECT a.location_id FROM sm_service_at_location a"
                             " JOIN sm_services s ON s.id = a.service_id WHERE s.revision > ?)",
                         since);
    if (!locations) return Fail(locations.error());
    Places places;
    for (const Row& row : *organizations) places.first[row.Text(0)] = row.Text(1);
    for (const Row& row : *locations) {
      Location location = LocationOf(row);
      places.second.emplace(location.id, std::move(location));
    }
    return places;
  });
}

Result<std::optional<search::Point>> Store::PlaceOf(const std::string& postcode_or_code) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "SELECT AVG(latitude), AVG(longitude) FROM sm_locations WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        " AND (postal_code = ? OR municipality_code = ?)",
        {postcode_or_code, postcode_or_code});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty() || !rows->front().OptionalReal(0) || !rows->front().OptionalReal(1)) {
    return std::optional<search::Point>();
  }
  return std::optional<search::Point>(search::Point{*rows->front().OptionalReal(0), *rows->front().OptionalReal(1)});
}

Result<std::optional<std::string>> Store::MunicipalityOfPostcode(const std::string& postcode) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "SELECT municipality_code, COUNT(*) FROM sm_locations WHERE postal_code = ? AND municipality_code IS NOT NULL"
        " GROUP BY municipality_code ORDER BY COUNT(*) DESC, municipality_code LIMIT 1",
        {postcode});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

Result<std::pair<std::vector<Organization>, std::size_t>> Store::Organizations(std::size_t offset,
                                                                               std::size_t limit) const {
  return database_.WithConnection(
      [&](db::Connection& connection) -> Result<std::pair<std::vector<Organization>, std::size_t>> {
        auto count = connection.Query("SELECT COUNT(*) FROM sm_organizations");
        if (!count) return Fail(count.error());
        auto rows = connection.Query(
            "SELECT id, name, description_nl, description_fr, website, email, phone FROM sm_organizations"
            " ORDER BY name, id LIMIT ? OFFSET ?",
            {static_cast<long long>(limit), static_cast<long long>(offset)});
        if (!rows) return Fail(rows.error());
        std::vector<Organization> organizations;
        for (const Row& row : *rows) organizations.push_back(OrganizationOf(row));
        return std::pair(std::move(organizations), static_cast<std::size_t>(count->front().Integer(0)));
      });
}

Result<SocialMap> Store::Everything() const {
  SocialMap map;
  auto services = LoadServices("1 = 1", {});
  if (!services) return Fail(services.error());
  map.services = std::move(*services);
  auto rows =
      database_.WithConnection([](db::Connection& connection) -> Result<std::pair<std::vector<Row>, std::vector<Row>>> {
        auto organizations = connection.Query(
            "SELECT id, name, description_nl, description_fr, website, email, phone FROM sm_organizations ORDER BY id");
        if (!organizations) return Fail(organizations.error());
        auto locations = connection.Query(std::string("SELECT ") + kLocationColumns + " FROM sm_locations ORDER BY id");
        if (!locations) return Fail(locations.error());
        return std::pair(std::move(*organizations), std::move(*locations));
      });
  if (!rows) return Fail(rows.error());
  for (const Row& row : rows->first) map.organizations.push_back(OrganizationOf(row));
  for (const Row& row : rows->second) map.locations.push_back(LocationOf(row));
  return map;
}

Status Store::Verify(db::Connection& connection, const std::string& service_id, const Date& today,
                     const std::string& verified_by, const audit::Context& context) {
  auto rows = connection.Query("SELECT last_verified, verified_by, community, expires_on FROM sm_services WHERE id = ?",
                               {service_id});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no service " + service_id));
  const Row& row = rows->front();
  const bool community = row.Integer(2) != 0;
  const auto state = [](const std::optional<std::string>& verified, const std::string& by,
                        const std::optional<std::string>& expires) {
    boost::json::object object{{"last_verified", verified ? boost::json::value(*verified) : nullptr},
                               {"verified_by", by}};
    if (expires) object["expires_on"] = *expires;
    return boost::json::serialize(object);
  };
  const std::optional<std::string> expires =
      community
          ? std::optional<std::string>(Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + kCommunityLifeDays).ToIso())
          : row.OptionalText(3);
  auto next = NextRevision(connection);
  if (!next) return Fail(next.error());
  auto updated = connection.Execute(
      "UPDATE sm_services SET last_verified = ?, verified_by = ?, expires_on = ?, revision = ? WHERE id = ?",
      {today.ToIso(), verified_by, expires ? Value(*expires) : Value(), *next, service_id});
  if (!updated) return Fail(updated.error());
  return audit::Record(connection, context, "socialmap_service", service_id,
                       state(row.OptionalText(0), row.Text(1), row.OptionalText(3)),
                       state(today.ToIso(), verified_by, expires), std::nullopt);
}

Result<std::vector<std::string>> Store::ExpireCommunity(db::Connection& connection, const Date& today,
                                                        const audit::Context& context) {
  auto rows = connection.Query(
      "SELECT id, expires_on FROM sm_services WHERE community = 1 AND status = 'active' AND expires_on < ? ORDER BY id",
      {today.ToIso()});
  if (!rows) return Fail(rows.error());
  std::vector<std::string> expired;
  if (rows->empty()) return expired;
  auto next = NextRevision(connection);
  if (!next) return Fail(next.error());
  for (const Row& row : *rows) {
    const std::string id = row.Text(0);
    auto updated =
        connection.Execute("UPDATE sm_services SET status = 'inactive', revision = ? WHERE id = ?", {*next, id});
    if (!updated) return Fail(updated.error());
    const std::string before =
        boost::json::serialize(boost::json::object{{"status", "active"}, {"expires_on", row.Text(1)}});
    const std::string after =
        boost::json::serialize(boost::json::object{{"status", "inactive"}, {"expires_on", row.Text(1)}});
    if (auto recorded = audit::Record(connection, context, "socialmap_service", id, before, after, std::nullopt);
        !recorded) {
      return Fail(recorded.error());
    }
    expired.push_back(id);
  }
  return expired;
}

}  // namespace zoneatlas::socialmap
