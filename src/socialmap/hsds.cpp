#include "socialmap/hsds.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/text.hpp"
#include "socialmap/json_fields.hpp"

namespace zoneatlas::socialmap {
namespace json = boost::json;
namespace {

constexpr std::string_view kThemes = kThemeTaxonomy;
constexpr std::string_view kTargetGroups = kTargetGroupTaxonomy;
// Belgium with a margin: a point outside is a typing error (latitude and longitude swapped,
// a comma lost).
constexpr double kSouth = 49.45, kNorth = 51.55, kWest = 2.5, kEast = 6.45;

class Reader {
 public:
  Reader(const Taxonomy& taxonomy, const AreaResolver& areas, geo::ImportReport& report)
      : taxonomy_(taxonomy), areas_(areas), report_(report) {}

  void ReadService(const json::value& value, std::size_t index) {
    ++report_.rows_read;
    where_ = "services[" + std::to_string(index) + "]";
    if (!value.is_object()) return Problem("", "is not an object");
    const json::object& object = value.as_object();
    Service service;
    service.id = StringField(object, "id");
    if (service.id.empty()) return Problem("id", "is required");
    where_ += " (" + service.id + ")";
    if (!service_ids_.insert(service.id).second) return Problem("id", "appears twice in the file");
    const json::object& extra = ObjectField(object, "zoneatlas");
    service.name = TextsField(extra, "name");
    const std::string name = StringField(object, "name");
    if (name.empty()) Problem("name", "is required");
    if (service.name.empty()) service.name.nl = name;
    service.description = TextsField(extra, "description");
    if (service.description.empty()) service.description.nl = StringField(object, "description");
    service.plain = TextsField(extra, "plain");
    service.status = StringField(object, "status");
    if (service.status.empty()) {
      Problem("status", "is required (active, inactive, defunct or temporarily closed)");
    } else if (service.status != "active" && service.status != "inactive" && service.status != "defunct" &&
               service.status != "temporarily closed") {
      Problem("status", "'" + service.status + "' is not active, inactive, defunct or temporarily closed");
    }
    service.url = StringField(object, "url");
    service.email = StringField(object, "email");
    service.application_process = StringField(object, "application_process");
    service.cost_note = StringField(object, "fees_description");
    if (const std::string cost = StringField(extra, "cost"); !cost.empty()) {
      if (auto parsed = ParseCost(cost)) {
        service.cost = *parsed;
      } else {
        Problem("zoneatlas.cost", "'" + cost + "' is not free, reduced or paid");
      }
    }
    service.competent_level = StringField(extra, "competent_level");
    if (service.competent_level.empty()) service.competent_level = "private";
    if (taxonomy_.FindCompetentLevel(service.competent_level) == nullptr) {
      Problem("zoneatlas.competent_level", "'" + service.competent_level + "' is not a competent level");
    }
    service.demo = BoolField(extra, "demo");
    service.community = BoolField(extra, "community");
    if (const std::string expires = StringField(extra, "expires_on"); !expires.empty()) {
      if (auto date = Date::Parse(expires)) {
        service.expires_on = *date;
      } else {
        Problem("zoneatlas.expires_on", "'" + expires + "' is not a date (YYYY-MM-DD)");
      }
    }
    if (const std::string assured = StringField(object, "assured_date"); !assured.empty()) {
      if (auto date = Date::Parse(assured)) {
        service.last_verified = *date;
      } else {
        Problem("assured_date", "'" + assured + "' is not a date (YYYY-MM-DD)");
      }
    }
    service.verified_by = StringField(object, "assurer_email");
    for (const json::value& phone : ArrayField(object, "phones")) {
      if (phone.is_object() && service.phone.empty()) service.phone = StringField(phone.as_object(), "number");
    }
    ReadOrganization(object, service);
    for (const json::value& at : ArrayField(object, "service_at_locations")) {
      if (!at.is_object()) continue;
      const json::object& location = ObjectField(at.as_object(), "location");
      std::string id = StringField(location, "id");
      if (id.empty()) id = StringField(at.as_object(), "location_id");
      if (id.empty()) {
        Problem("service_at_locations", "a location has no id");
        continue;
      }
      if (!location.empty()) ReadLocation(location, service.organization_id);
      service.location_ids.push_back(id);
      referenced_locations_.emplace_back(id, where_);
    }
    for (const json::value& schedule : ArrayField(object, "schedules")) ReadSchedule(schedule, service);
    for (const json::value& area : ArrayField(object, "service_areas")) {
      if (!area.is_object()) continue;
      std::string named = StringField(area.as_object(), "name");
      if (named.empty()) named = StringField(area.as_object(), "extent");
      auto code = areas_(named);
      if (!code) {
        Problem("service_areas", "'" + named + "' is not a known municipality (NIS code or name)");
      } else if (std::find(service.area_codes.begin(), service.area_codes.end(), *code) == service.area_codes.end()) {
        service.area_codes.push_back(*code);
      }
    }
    for (const json::value& language : ArrayField(object, "languages")) {
      if (!language.is_object()) continue;
      const std::string code = text::AsciiLower(StringField(language.as_object(), "code"));
      if (code.size() != 2) {
        Problem("languages", "'" + code + "' is not a two-letter language code (ISO 639-1)");
      } else {
        service.languages.push_back(code);
      }
    }
    for (const json::value& attribute : ArrayField(object, "attributes")) {
      if (!attribute.is_object()) continue;
      const json::object& term = ObjectField(attribute.as_object(), "taxonomy_term");
      const std::string taxonomy = StringField(term, "taxonomy");
      // The term's code in its taxonomy; its id may be anything unique (CSV packages use
      // "taxonomy:code").
      std::string id = StringField(term, "code");
      if (id.empty()) id = StringField(term, "id");
      if (taxonomy == kThemes) {
        if (taxonomy_.FindTheme(id) == nullptr) Problem("attributes", "'" + id + "' is not a theme");
        service.themes.push_back(id);
      } else if (taxonomy == kTargetGroups) {
        if (taxonomy_.FindTargetGroup(id) == nullptr) Problem("attributes", "'" + id + "' is not a target group");
        service.target_groups.push_back(id);
      }
    }
    map_.services.push_back(std::move(service));
  }

  // Checks what only the whole file can tell: locations a service refers to exist.
  void Finish() {
    for (const auto& [id, where] : referenced_locations_) {
      if (!location_ids_.contains(id))
        report_.problems.push_back({where, "service_at_locations", "location '" + id + "' is not in the file"});
    }
  }

  SocialMap& map() { return map_; }

 private:
  void Problem(const std::string& field, const std::string& message) {
    report_.problems.push_back({where_, field, message});
  }

  void ReadOrganization(const json::object& service_object, Service& service) {
    const json::object& object = ObjectField(service_object, "organization");
    service.organization_id = StringField(object, "id");
    if (service.organization_id.empty()) service.organization_id = StringField(service_object, "organization_id");
    if (service.organization_id.empty()) return Problem("organization", "every service needs its organization");
    if (object.empty()) {
      if (!organizations_.contains(service.organization_id)) {
        Problem("organization_id", "organization '" + service.organization_id + "' is not in the file");
      }
      return;
    }
    Organization organization{.id = service.organization_id,
                              .name = StringField(object, "name"),
                              .description = TextsField(ObjectField(object, "zoneatlas"), "description"),
                              .website = StringField(object, "website"),
                              .email = StringField(object, "email"),
                              .phone = {}};
    if (organization.description.empty()) organization.description.nl = StringField(object, "description");
    for (const json::value& phone : ArrayField(object, "phones")) {
      if (phone.is_object() && organization.phone.empty())
        organization.phone = StringField(phone.as_object(), "number");
    }
    if (organization.name.empty()) Problem("organization.name", "is required");
    const auto [it, inserted] = organizations_.emplace(organization.id, map_.organizations.size());
    if (inserted) {
      map_.organizations.push_back(std::move(organization));
    } else if (!(map_.organizations[it->second] == organization)) {
      Problem("organization", "organization '" + organization.id + "' differs from an earlier copy in the file");
    }
  }

  void ReadLocation(const json::object& object, const std::string& organization_id) {
    Location location{.id = StringField(object, "id"),
                      .organization_id = StringField(object, "organization_id"),
                      .name = StringField(object, "name"),
                      .address = {},
                      .postal_code = {},
                      .city = {},
                      .municipality_code = {},
                      .latitude = NumberField(object, "latitude"),
                      .longitude = NumberField(object, "longitude"),
                      .transport = TextsField(ObjectField(object, "zoneatlas"), "transport"),
                      .wheelchair = BoolField(ObjectField(object, "zoneatlas"), "wheelchair")};
    if (location.organization_id.empty()) location.organization_id = organization_id;
    if (location.transport.empty()) location.transport.nl = StringField(object, "transportation");
    for (const json::value& access : ArrayField(object, "accessibility")) {
      if (access.is_object() &&
          text::Fold(StringField(access.as_object(), "description")).find("wheelchair") != std::string::npos) {
        location.wheelchair = true;
      }
    }
    const std::string field = "location " + location.id;
    if (location.latitude.has_value() != location.longitude.has_value()) {
      Problem(field, "give both latitude and longitude, or neither");
    } else if (location.latitude && (*location.latitude < kSouth || *location.latitude > kNorth ||
                                     *location.longitude < kWest || *location.longitude > kEast)) {
      Problem(field, "latitude " + std::to_string(*location.latitude) + ", longitude " +
                         std::to_string(*location.longitude) + " is not in Belgium");
    }
    const json::array& addresses = ArrayField(object, "addresses");
    if (!addresses.empty() && addresses.front().is_object()) {
      const json::object& address = addresses.front().as_object();
      location.address = StringField(address, "address_1");
      location.postal_code = StringField(address, "postal_code");
      location.city = StringField(address, "city");
    }
    std::string municipality = StringField(ObjectField(object, "zoneatlas"), "municipality_code");
    if (municipality.empty()) municipality = location.city;
    if (!municipality.empty()) {
      if (auto code = areas_(municipality)) location.municipality_code = *code;
    }
    if (location.name.empty()) location.name = location.address;
    const auto [it, inserted] = location_ids_.emplace(location.id, map_.locations.size());
    if (inserted) {
      map_.locations.push_back(std::move(location));
    } else if (!(map_.locations[it->second] == location)) {
      Problem(field, "differs from an earlier copy of the same location in the file");
    }
  }

  void ReadSchedule(const json::value& value, Service& service) {
    if (!value.is_object()) return;
    const json::object& object = value.as_object();
    const std::string opens = StringField(object, "opens_at");
    const std::string closes = StringField(object, "closes_at");
    const auto opens_at = ParseClock(opens);
    const auto closes_at = ParseClock(closes);
    if (!opens_at) Problem("schedules.opens_at", "'" + opens + "' is not a time (HH:MM)");
    if (!closes_at) Problem("schedules.closes_at", "'" + closes + "' is not a time (HH:MM)");
    if (const std::string freq = StringField(object, "freq"); !freq.empty() && freq != "WEEKLY") {
      Problem("schedules.freq", "only weekly opening hours are read ('" + freq + "')");
    }
    const std::string days = StringField(object, "byday");
    if (days.empty()) Problem("schedules.byday", "name the weekdays (MO,TU,…)");
    Hours hours{.weekday = 0,
                .opens = opens_at.value_or(0),
                .closes = closes_at.value_or(0),
                .walk_in = BoolField(ObjectField(object, "zoneatlas"), "walk_in"),
                .on_holidays = BoolField(ObjectField(object, "zoneatlas"), "on_holidays"),
                .location_id = StringField(object, "location_id"),
                .valid_from = std::nullopt,
                .valid_to = std::nullopt,
                .note = StringField(object, "description")};
    for (const char* bound : {"valid_from", "valid_to"}) {
      if (const std::string text = StringField(object, bound); !text.empty()) {
        auto date = Date::Parse(text);
        if (!date) {
          Problem(std::string("schedules.") + bound, "'" + text + "' is not a date (YYYY-MM-DD)");
        } else {
          (std::string_view(bound) == "valid_from" ? hours.valid_from : hours.valid_to) = *date;
        }
      }
    }
    if (opens_at && closes_at && *opens_at == *closes_at) Problem("schedules.closes_at", "closes when it opens");
    for (std::string_view day : text::Split(days, ',')) {
      if (day.empty()) continue;
      auto weekday = ParseWeekday(day);
      if (!weekday) {
        Problem("schedules.byday", "'" + std::string(day) + "' is not a weekday (MO, TU, WE, TH, FR, SA, SU)");
        continue;
      }
      hours.weekday = *weekday;
      service.hours.push_back(hours);
    }
  }

  const Taxonomy& taxonomy_;
  const AreaResolver& areas_;
  geo::ImportReport& report_;
  std::string where_;
  SocialMap map_;
  std::set<std::string> service_ids_;
  std::map<std::string, std::size_t> organizations_, location_ids_;
  std::vector<std::pair<std::string, std::string>> referenced_locations_;
};

json::object TextsJson(const Texts& texts) {
  json::object object;
  if (!texts.nl.empty()) object["nl"] = texts.nl;
  if (!texts.fr.empty()) object["fr"] = texts.fr;
  if (!texts.en.empty()) object["en"] = texts.en;
  return object;
}

json::object LocationJson(const Location& location) {
  json::object extra{{"transport", TextsJson(location.transport)}, {"wheelchair", location.wheelchair}};
  if (!location.municipality_code.empty()) extra["municipality_code"] = location.municipality_code;
  json::object object{
      {"id", location.id},
      {"location_type", "physical"},
      {"name", location.name},
      {"transportation", location.transport.Best(Language::kNl)},
      {"addresses", json::array{json::object{{"id", location.id + "-address"},
                                             {"location_id", location.id},
                                             {"address_1", location.address},
                                             {"city", location.city},
                                             {"state_province", ProvinceOfPostcode(location.postal_code)},
                                             {"postal_code", location.postal_code},
                                             {"country", "BE"},
                                             {"address_type", "physical"}}}},
      {"zoneatlas", std::move(extra)}};
  if (!location.organization_id.empty()) object["organization_id"] = location.organization_id;
  if (location.latitude) object["latitude"] = *location.latitude;
  if (location.longitude) object["longitude"] = *location.longitude;
  if (location.wheelchair) {
    object["accessibility"] = json::array{json::object{
        {"id", location.id + "-wheelchair"}, {"location_id", location.id}, {"description", "wheelchair accessible"}}};
  }
  return object;
}

}  // namespace

SocialMap ParseHsdsJson(std::string_view content, const Taxonomy& taxonomy, const AreaResolver& areas,
                        geo::ImportReport& report) {
  json::error_code ec;
  const json::value root = json::parse(content, ec);
  if (ec) {
    report.problems.push_back({"", "", "not JSON: " + ec.message()});
    return {};
  }
  const json::array* services = nullptr;
  json::array single;
  if (root.is_array()) {
    services = &root.as_array();
  } else if (root.is_object() && root.as_object().contains("contents")) {
    services = &ArrayField(root.as_object(), "contents");
  } else if (root.is_object()) {
    single.push_back(root);
    services = &single;
  } else {
    report.problems.push_back({"", "", "expected a service, a list of services or an HSDS page"});
    return {};
  }
  Reader reader(taxonomy, areas, report);
  for (std::size_t i = 0; i < services->size(); ++i) reader.ReadService((*services)[i], i);
  reader.Finish();
  return std::move(reader.map());
}

std::string WriteHsdsJson(const SocialMap& map, Language language, Readers readers) {
  std::map<std::string, const Organization*> organizations;
  for (const Organization& organization : map.organizations) organizations[organization.id] = &organization;
  std::map<std::string, const Location*> locations;
  for (const Location& location : map.locations) locations[location.id] = &location;
  json::array services;
  for (const Service& service : map.services) {
    const auto it = organizations.find(service.organization_id);
    services.push_back(
        ServiceJson(service, it == organizations.end() ? nullptr : it->second, locations, language, readers));
  }
  return json::serialize(services);
}

json::object OrganizationJson(const Organization& organization, Language language) {
  json::object nested{{"id", organization.id},
                      {"name", organization.name},
                      {"description", organization.description.Best(language)},
                      {"zoneatlas", json::object{{"description", TextsJson(organization.description)}}}};
  if (!organization.website.empty()) nested["website"] = organization.website;
  if (!organization.email.empty()) nested["email"] = organization.email;
  if (!organization.phone.empty()) {
    nested["phones"] = json::array{json::object{{"id", organization.id + "-phone"}, {"number", organization.phone}}};
  }
  return nested;
}

json::object TaxonomyTermJson(const Term& term, std::string_view taxonomy, Language language) {
  return {{"id", term.id},
          {"code", term.id},
          {"name", term.name.Best(language)},
          {"description", term.name.Best(language)},
          {"taxonomy", taxonomy},
          {"language", LanguageCode(language)}};
}

json::object ServiceJson(const Service& service, const Organization* organization,
                         const std::map<std::string, const Location*>& locations, Language language, Readers readers) {
  json::object extra{{"name", TextsJson(service.name)},
                     {"description", TextsJson(service.description)},
                     {"plain", TextsJson(service.plain)},
                     {"cost", CostName(service.cost)},
                     {"competent_level", service.competent_level},
                     {"demo", service.demo}};
  if (service.community) extra["community"] = true;
  if (service.expires_on) extra["expires_on"] = service.expires_on->ToIso();
  json::object object{{"id", service.id},
                      {"organization_id", service.organization_id},
                      {"name", service.name.Best(language)},
                      {"description", service.description.Best(language)},
                      {"status", service.status},
                      {"zoneatlas", std::move(extra)}};
  if (!service.url.empty()) object["url"] = service.url;
  if (!service.email.empty()) object["email"] = service.email;
  if (!service.application_process.empty()) object["application_process"] = service.application_process;
  if (!service.cost_note.empty()) object["fees_description"] = service.cost_note;
  if (service.last_verified) object["assured_date"] = service.last_verified->ToIso();
  if (readers == Readers::kInternal && !service.verified_by.empty()) object["assurer_email"] = service.verified_by;
  if (!service.phone.empty()) {
    object["phones"] = json::array{json::object{{"id", service.id + "-phone"}, {"number", service.phone}}};
  }
  if (organization != nullptr) object["organization"] = OrganizationJson(*organization, language);
  json::array schedules;
  for (std::size_t i = 0; i < service.hours.size(); ++i) {
    const Hours& hours = service.hours[i];
    json::object schedule{{"id", service.id + "-hours-" + std::to_string(i + 1)},
                          {"service_id", service.id},
                          {"freq", "WEEKLY"},
                          {"byday", WeekdayCode(hours.weekday)},
                          {"opens_at", FormatClock(hours.opens)},
                          {"closes_at", FormatClock(hours.closes)},
                          {"zoneatlas", json::object{{"walk_in", hours.walk_in}, {"on_holidays", hours.on_holidays}}}};
    if (!hours.location_id.empty()) schedule["location_id"] = hours.location_id;
    if (hours.valid_from) schedule["valid_from"] = hours.valid_from->ToIso();
    if (hours.valid_to) schedule["valid_to"] = hours.valid_to->ToIso();
    if (!hours.note.empty()) schedule["description"] = hours.note;
    if (hours.walk_in) schedule["attending_type"] = "walk-in";
    schedules.push_back(std::move(schedule));
  }
  object["schedules"] = std::move(schedules);
  json::array areas;
  for (const std::string& code : service.area_codes) {
    areas.push_back(json::object{{"id", service.id + "-area-" + code}, {"service_id", service.id}, {"name", code}});
  }
  object["service_areas"] = std::move(areas);
  json::array languages;
  for (const std::string& code : service.languages) {
    languages.push_back(
        json::object{{"id", service.id + "-language-" + code}, {"service_id", service.id}, {"code", code}});
  }
  object["languages"] = std::move(languages);
  json::array at_locations;
  for (const std::string& id : service.location_ids) {
    json::object at{{"id", service.id + "-at-" + id}, {"service_id", service.id}, {"location_id", id}};
    if (const auto it = locations.find(id); it != locations.end()) at["location"] = LocationJson(*it->second);
    at_locations.push_back(std::move(at));
  }
  object["service_at_locations"] = std::move(at_locations);
  json::array attributes;
  const auto attribute = [&](std::string_view taxonomy, const std::string& term) {
    attributes.push_back(json::object{
        {"id", service.id + "-" + std::string(taxonomy) + "-" + term},
        {"link_id", service.id},
        {"link_type", "service"},
        {"link_entity", "service"},
        {"taxonomy_term_id", std::string(taxonomy) + ":" + term},
        {"taxonomy_term",
         json::object{{"id", term}, {"code", term}, {"name", term}, {"description", term}, {"taxonomy", taxonomy}}}});
  };
  for (const std::string& theme : service.themes) attribute(kThemes, theme);
  for (const std::string& group : service.target_groups) attribute(kTargetGroups, group);
  object["attributes"] = std::move(attributes);
  return object;
}

}  // namespace zoneatlas::socialmap
