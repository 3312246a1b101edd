// The social map's pages: search, service, organization.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <set>
#include <unordered_map>

#include "core/text.hpp"
#include "platform/formats/qr_code.hpp"
#include "socialmap/editing.hpp"
#include "socialmap/import.hpp"
#include "socialmap/nearby.hpp"
#include "socialmap/opening.hpp"
#include "socialmap/page_words.hpp"
#include "socialmap/reach.hpp"
#include "socialmap/routes.hpp"
#include "web/access.hpp"

namespace zoneatlas::socialmap {
namespace json = boost::json;
namespace {

constexpr std::size_t kPerPage = 20;
constexpr std::size_t kMaxQueryBytes = 200;
const std::vector<int> kRadiiKm{1, 2, 5, 10, 25};

std::vector<std::string> HitIds(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const search::Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

// The listed services by id, for walking the hits in their order.
std::unordered_map<std::string_view, const Service*> ById(const std::vector<Service>& services) {
  std::unordered_map<std::string_view, const Service*> by_id;
  for (const Service& service : services) by_id.emplace(service.id, &service);
  return by_id;
}

const Service* Find(const std::unordered_map<std::string_view, const Service*>& by_id, const std::string& id) {
  const auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : it->second;
}

std::vector<std::string> Values(const http::Request& request, const std::string& name) {
  std::vector<std::string> values;
  const auto [first, last] = request.query.equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (!it->second.empty() && it->second.size() <= 64) values.push_back(it->second);
  }
  return values;
}

json::object HoursModel(const web::Site& site, Language language, const Service& service) {
  json::array days;
  for (int weekday = 0; weekday < 7; ++weekday) {
    json::array periods;
    for (const Hours& hours : service.hours) {
      if (hours.weekday != weekday) continue;
      const bool all_day = hours.opens == 0 && hours.closes == 24 * 60;
      periods.push_back(
          json::object{{"text", all_day ? Text(site, language, "socialmap_all_day")
                                        : FormatClock(hours.opens) + "–" + FormatClock(hours.closes % (24 * 60))},
                       {"walk_in", hours.walk_in},
                       {"overnight", hours.closes <= hours.opens && !all_day},
                       {"note", hours.note}});
    }
    days.push_back(json::object{
        {"name", WeekdayName(site, language, weekday)}, {"periods", periods}, {"closed", periods.empty()}});
  }
  return json::object{{"days", days}, {"has_hours", !service.hours.empty()}};
}

// "Open now" or "Closed · opens Thursday at 09:00", in Belgian time.
json::object OpenModel(const web::Site& site, Language language, const Service& service, const LocalMoment& now) {
  if (service.hours.empty()) return {{"known", false}};
  if (OpenAt(service.hours, now)) {
    return {{"known", true}, {"open", true}, {"walk_in_now", OpenAt(service.hours, now, true)}};
  }
  json::object model{{"known", true}, {"open", false}};
  if (auto next = NextOpening(service.hours, now)) {
    const std::string day = next->date == now.date
                                ? Text(site, language, "socialmap_today")
                                : WeekdayName(site, language, next->weekday) + " " + FormatDay(next->date, language);
    model["opens"] = site.renderer.catalog().Format(language, "socialmap_opens_at",
                                                    {{"day", day}, {"time", FormatClock(next->minutes)}});
  }
  if (IsPublicHoliday(now.date)) model["holiday"] = true;
  return model;
}

std::string Summary(const Service& service, Language language) {
  const std::string& plain = service.plain.In(language);
  const std::string& text = plain.empty() ? service.description.Best(language) : plain;
  if (text.size() <= 220) return text;
  std::size_t cut = text.rfind(' ', 210);
  if (cut == std::string::npos) cut = 210;
  return text.substr(0, cut) + " …";
}

json::object TermModel(const Term& term, Language language, std::size_t count, bool checked) {
  return {{"id", term.id}, {"name", term.name.Best(language)}, {"count", count}, {"checked", checked}};
}

// The words and filters a search page, its printable list and its map share.
SearchRequest FiltersOf(const http::Request& request) {
  SearchRequest query;
  query.text = request.Query("q").value_or("");
  if (query.text.size() > kMaxQueryBytes) query.text.resize(kMaxQueryBytes);
  if (!text::IsValidUtf8(query.text)) query.text.clear();
  query.themes = Values(request, "theme");
  query.target_groups = Values(request, "group");
  query.areas = Values(request, "area");
  query.languages = Values(request, "language");
  query.costs = Values(request, "cost");
  query.walk_in = request.Query("walk_in").value_or("") == "1";
  return query;
}

http::Response SearchPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  ExpireCommunityResourcesDaily(services);
  SearchRequest query = FiltersOf(request);
  const LocalMoment now = BrusselsTime(std::chrono::system_clock::now());
  const std::string open = request.Query("open").value_or("");
  const std::string day_text = request.Query("day").value_or("");
  json::array notes;
  if (open == "now") query.open_at = now;
  if (open == "day") {
    if (auto day = Date::Parse(day_text)) {
      query.open_on = *day;
    } else {
      notes.emplace_back(Text(site, language, "socialmap_day_invalid"));
    }
  }
  query.now = now;
  const std::string near = request.Query("near").value_or("");
  const int radius = static_cast<int>(text::ParseInteger(request.Query("radius").value_or("")).value_or(5));
  auto point = NearPoint(services, near.substr(0, 100));
  if (!point) return web::ErrorPage(site, request, language, point.error());
  if (*point) {
    query.near = **point;
    query.radius_km = std::clamp(radius, 1, 100);
  } else if (!text::Trim(near).empty()) {
    notes.emplace_back(
        site.renderer.catalog().Format(language, "socialmap_near_unknown", {{"place", near.substr(0, 100)}}));
  }
  const std::size_t page = static_cast<std::size_t>(
      std::clamp<long long>(text::ParseInteger(request.Query("page").value_or("1")).value_or(1), 1, 500));
  query.offset = (page - 1) * kPerPage;
  query.limit = kPerPage;
  auto result = services.search.Find(query);
  if (!result) return web::ErrorPage(site, request, language, result.error());

  json::array hits;
  auto listing = services.store.List(HitIds(*result));
  if (!listing) return web::ErrorPage(site, request, language, listing.error());
  const auto by_id = ById(listing->services);
  for (const search::Hit& hit : result->hits) {
    const Service* service = Find(by_id, hit.id);
    if (service == nullptr) continue;  // Removed since the index last caught up.
    const Organization* organization = listing->OrganizationOf(*service);
    const auto locations = listing->LocationsOf(*service);
    std::string where;
    if (!locations.empty()) {
      const Location& first = *locations.front();
      where = first.address + ", " + first.postal_code + " " + first.city;
    }
    json::object item{{"name", service->name.Best(language)},
                      {"href", web::Href(language, "/social-map/services/" + web::PercentEncode(service->id))},
                      {"organization", organization ? organization->name : ""},
                      {"summary", Summary(*service, language)},
                      {"plain", !service->plain.In(language).empty()},
                      {"where", where},
                      {"walk_in", service->walk_in()},
                      {"cost", Text(site, language, "socialmap_cost_" + std::string(CostName(service->cost)))},
                      {"state", OpenModel(site, language, *service, now)},
                      {"demo", service->demo}};
    if (hit.distance_km) item["distance"] = view::FormatNumber(*hit.distance_km, 1, language) + " km";
    hits.push_back(std::move(item));
  }

  const auto counts = [&](const char* facet) {
    const auto it = result->facets.find(facet);
    return it == result->facets.end() ? std::map<std::string, std::size_t>() : it->second;
  };
  const auto chosen = [](const std::vector<std::string>& values, const std::string& id) {
    return std::find(values.begin(), values.end(), id) != values.end();
  };
  json::array themes, groups, areas, languages, costs;
  for (const Term& term : services.taxonomy.themes()) {
    const std::size_t count = counts("theme")[term.id];
    if (count > 0 || chosen(query.themes, term.id))
      themes.push_back(TermModel(term, language, count, chosen(query.themes, term.id)));
  }
  for (const Term& term : services.taxonomy.target_groups()) {
    const std::size_t count = counts("target_group")[term.id];
    if (count > 0 || chosen(query.target_groups, term.id)) {
      groups.push_back(TermModel(term, language, count, chosen(query.target_groups, term.id)));
    }
  }
  std::vector<json::object> area_items;
  for (const auto& [code, count] : counts("area")) {
    area_items.push_back({{"id", code},
                          {"name", AreaName(services, code, language)},
                          {"count", count},
                          {"checked", chosen(query.areas, code)}});
  }
  std::sort(area_items.begin(), area_items.end(), [](const json::object& a, const json::object& b) {
    return a.at("name").as_string() < b.at("name").as_string();
  });
  for (json::object& item : area_items) areas.push_back(std::move(item));
  for (const auto& [code, count] : counts("language")) {
    languages.push_back(json::object{{"id", code},
                                     {"name", LanguageName(site, language, code)},
                                     {"count", count},
                                     {"checked", chosen(query.languages, code)}});
  }
  for (Cost cost : {Cost::kFree, Cost::kReduced, Cost::kPaid}) {
    const std::string id(CostName(cost));
    const std::size_t count = counts("cost")[id];
    if (count > 0 || chosen(query.costs, id)) {
      costs.push_back(json::object{{"id", id},
                                   {"name", Text(site, language, "socialmap_cost_" + id)},
                                   {"count", count},
                                   {"checked", chosen(query.costs, id)}});
    }
  }
  json::array radii;
  for (int km : kRadiiKm) radii.push_back(json::object{{"km", km}, {"selected", km == radius}});

  // The same search on another page.
  std::string base = web::Href(language, "/social-map") + "?";
  for (const auto& [name, value] : request.query) {
    if (name != "page") base += name + "=" + web::PercentEncode(value) + "&";
  }
  json::object model{
      {"action", web::Href(language, "/social-map")},
      {"q", query.text},
      {"near", near.substr(0, 100)},
      {"radii", radii},
      {"open_now", open == "now"},
      {"open_day", open == "day"},
      {"open_any", open != "now" && open != "day"},
      {"day", day_text.substr(0, 10)},
      {"walk_in", query.walk_in},
      {"walk_in_count", counts("walk_in")["yes"]},
      {"open_now_count", result->open_now.value_or(0)},
      {"has_themes", !themes.empty()},
      {"has_groups", !groups.empty()},
      {"has_areas", !areas.empty()},
      {"has_desk_languages", !languages.empty()},
      {"has_costs", !costs.empty()},
      {"themes", themes},
      {"groups", groups},
      {"areas", areas},
      {"desk_languages", languages},
      {"costs", costs},
      {"hits", hits},
      {"has_hits", !hits.empty()},
      {"notes", notes},
      {"total", result->total},
      {"total_text", result->total == 1
                         ? Text(site, language, "socialmap_total_one")
                         : site.renderer.catalog().Format(
                               language, "socialmap_total",
                               {{"count", view::FormatInteger(static_cast<long long>(result->total), language)}})},
      {"near_sorted", query.near.has_value()},
  };
  if (result->did_you_mean) {
    model["did_you_mean"] = *result->did_you_mean;
    model["did_you_mean_href"] = web::Href(language, "/social-map") + "?q=" + web::PercentEncode(*result->did_you_mean);
  }
  std::string filters = base.substr(base.find('?'));
  filters.pop_back();  // The '&' (or '?') that the page number would follow.
  model["print_href"] = web::Href(language, "/social-map/print") + filters;
  if (web::Allows(web::kProfessional, request.identity.get())) {
    model["review_href"] = web::Href(language, "/social-map/review");
    model["propose_href"] = web::Href(language, "/social-map/propose");
  }
  if (request.identity && (request.identity->HasRole(web::kZoneEditor) ||
                           request.identity->HasRole(web::kPartnerEditor) || request.identity->HasRole(web::kAdmin))) {
    model["to_verify_href"] = web::Href(language, "/social-map/to-verify");
  }
  // The interactive map, for browsers that run scripts: every match, clustered.
  model["map_points"] = web::Href(language, "/social-map/map.json") + filters;
  web::AddLeafletAssets(site, model, "/static/js/social-map.js");
  if (page > 1) model["previous_href"] = base + "page=" + std::to_string(page - 1);
  if (query.offset + kPerPage < result->total) model["next_href"] = base + "page=" + std::to_string(page + 1);
  return web::Page(site, request, language, "socialmap_search", Text(site, language, "socialmap_title"),
                   std::move(model));
}

constexpr std::size_t kMaxPrinted = 300;

// The repertory to print: the search's matches (usually a theme and a municipality) as a
// plain A4 list, each service with a QR code to its page.
http::Response PrintPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  SearchRequest query = FiltersOf(request);
  query.limit = kMaxPrinted;
  auto result = services.search.Find(query);
  if (!result) return web::ErrorPage(site, request, language, result.error());
  std::vector<std::string> about;
  for (const std::string& id : query.themes) {
    if (const Term* term = services.taxonomy.FindTheme(id)) about.push_back(term->name.Best(language));
  }
  for (const std::string& code : query.areas) about.push_back(AreaName(services, code, language));
  if (!query.text.empty()) about.push_back("“" + query.text + "”");
  const std::string subtitle = Join(about, " · ");
  const std::string& base = web::Origin(site);
  json::array items;
  auto listing = services.store.List(HitIds(*result));
  if (!listing) return web::ErrorPage(site, request, language, listing.error());
  const auto by_id = ById(listing->services);
  for (const search::Hit& hit : result->hits) {
    const Service* service = Find(by_id, hit.id);
    if (service == nullptr) continue;
    const Organization* organization = listing->OrganizationOf(*service);
    const auto locations = listing->LocationsOf(*service);
    const std::string path =
        "/" + std::string(LanguageCode(language)) + "/social-map/services/" + web::PercentEncode(service->id);
    const std::string name = service->name.Best(language);
    auto qr = formats::QrCodeSvg(base + path,
                                 site.renderer.catalog().Format(language, "socialmap_qr_label", {{"name", name}}));
    json::object item{{"name", name},
                      {"organization", organization ? organization->name : ""},
                      {"summary", Summary(*service, language)},
                      {"phone", service->phone},
                      {"hours", CompactHours(site, language, *service)},
                      {"cost", Text(site, language, "socialmap_cost_" + std::string(CostName(service->cost)))},
                      {"url", base + path},
                      {"qr", qr ? *qr : ""},
                      {"demo", service->demo}};
    if (!locations.empty()) {
      const Location& place = *locations.front();
      item["address"] = place.address + ", " + place.postal_code + " " + place.city;
    }
    items.push_back(std::move(item));
  }
  const LocalMoment now = BrusselsTime(std::chrono::system_clock::now());
  std::string filters = "?";
  for (const auto& [name, value] : request.query) filters += name + "=" + web::PercentEncode(value) + "&";
  const std::string back = web::Href(language, "/social-map") + filters;
  const std::string pdf = site.prints_pdf ? web::Href(language, "/social-map/print.pdf") + filters : "";
  return web::Page(site, request, language, "socialmap_print", Text(site, language, "socialmap_print_title"),
                   json::object{{"subtitle", subtitle},
                                {"items", items},
                                {"has_items", !items.empty()},
                                {"count", view::FormatInteger(static_cast<long long>(items.size()), language)},
                                {"more", result->total > items.size()},
                                {"today", FormatDay(now.date, language)},
                                {"back_href", back},
                                {"pdf_href", pdf}});
}

constexpr std::size_t kMaxMapPoints = 5000;

// The matches of a search as points for the interactive map.
http::Response MapPoints(const web::Site& site, Services& services, const http::Request& request, Language language) {
  SearchRequest query = FiltersOf(request);
  query.limit = kMaxMapPoints;
  auto result = services.search.Find(query);
  if (!result) return web::Problem(result.error());
  json::array points;
  auto listing = services.store.List(HitIds(*result));
  if (!listing) return web::Problem(listing.error());
  const auto by_id = ById(listing->services);
  for (const search::Hit& hit : result->hits) {
    const Service* service = Find(by_id, hit.id);
    if (service == nullptr) continue;
    for (const Location* place : listing->LocationsOf(*service)) {
      const Location& location = *place;
      if (!location.latitude || !location.longitude) continue;
      points.push_back(
          json::object{{"name", service->name.Best(language)},
                       {"href", web::Href(language, "/social-map/services/" + web::PercentEncode(service->id))},
                       {"where", location.address + ", " + location.city},
                       {"lat", *location.latitude},
                       {"lon", *location.longitude}});
    }
  }
  return http::Response::Make(
      200, "application/json",
      json::serialize(
          json::object{{"points", points}, {"attribution", Text(site, language, "socialmap_map_attribution")}}));
}

http::Response ServicePage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  ExpireCommunityResourcesDaily(services);
  auto service = services.store.FindService(std::string(request.PathParam("service_id")));
  if (!service) return web::ErrorPage(site, request, language, service.error());
  auto organization = services.store.FindOrganization(service->organization_id);
  if (!organization) return web::ErrorPage(site, request, language, organization.error());
  auto locations = services.store.Locations(service->location_ids);
  if (!locations) return web::ErrorPage(site, request, language, locations.error());
  const LocalMoment now = BrusselsTime(std::chrono::system_clock::now());
  json::array places;
  for (const Location& location : *locations) {
    json::object place{{"name", location.name},
                       {"address", location.address},
                       {"postal_code", location.postal_code},
                       {"city", location.city},
                       {"transport", location.transport.Best(language)},
                       {"wheelchair", location.wheelchair}};
    if (location.latitude && location.longitude) {
      const std::string lat = std::to_string(*location.latitude), lon = std::to_string(*location.longitude);
      place["map_href"] = "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=17/" + lat + "/" + lon;
    }
    places.push_back(std::move(place));
  }
  json::array themes;
  std::vector<std::string> groups, languages;
  for (const std::string& id : service->themes) {
    if (const Term* term = services.taxonomy.FindTheme(id)) {
      themes.push_back(json::object{{"name", term->name.Best(language)},
                                    {"href", web::Href(language, "/social-map") + "?theme=" + id}});
    }
  }
  for (const std::string& id : service->target_groups) {
    if (const Term* term = services.taxonomy.FindTargetGroup(id)) groups.push_back(term->name.Best(language));
  }
  for (const std::string& code : service->languages) languages.push_back(LanguageName(site, language, code));
  const Term* level = services.taxonomy.FindCompetentLevel(service->competent_level);
  json::object model{
      {"name", service->name.Best(language)},
      {"name_missing", service->name.In(language).empty()},
      {"plain", service->plain.In(language)},
      {"has_plain", !service->plain.In(language).empty()},
      {"description", service->description.Best(language)},
      {"description_missing", service->description.In(language).empty() && !service->description.empty()},
      {"organization", organization->name},
      {"organization_href", web::Href(language, "/social-map/organizations/" + web::PercentEncode(organization->id))},
      {"state", OpenModel(site, language, *service, now)},
      {"hours", HoursModel(site, language, *service)},
      {"walk_in", service->walk_in()},
      {"places", places},
      {"themes", themes},
      {"groups", Join(groups, ", ")},
      {"has_groups", !groups.empty()},
      {"areas", ServedAreas(services, *service, language)},
      {"desk_languages", Join(languages, ", ")},
      {"has_desk_languages", !languages.empty()},
      {"cost", Text(site, language, "socialmap_cost_" + std::string(CostName(service->cost)))},
      {"cost_note", service->cost_note},
      {"competent", level != nullptr ? level->name.Best(language) : service->competent_level},
      {"application", service->application_process},
      {"phone", service->phone},
      {"email", service->email},
      {"url", service->url},
      {"demo", service->demo},
      {"search_href", web::Href(language, "/social-map")},
      {"inactive", !service->active()},
  };
  model["actions"] = EditorActions(services, request, language, *service);
  // Its places on the interactive map, for browsers that run scripts (the address and the
  // OpenStreetMap link stay the way without).
  json::array map_points;
  for (const Location& location : *locations) {
    if (!location.latitude || !location.longitude) continue;
    map_points.push_back(json::object{{"name", service->name.Best(language)},
                                      {"href", "#where-heading"},
                                      {"where", location.address + ", " + location.city},
                                      {"lat", *location.latitude},
                                      {"lon", *location.longitude}});
  }
  if (!map_points.empty()) {
    model["map_inline"] = json::serialize(json::object{
        {"points", std::move(map_points)}, {"attribution", Text(site, language, "socialmap_map_attribution")}});
    web::AddLeafletAssets(site, model, "/static/js/social-map.js");
  }
  if (service->community) {
    model["community"] = true;
    if (service->expires_on) model["expires"] = FormatDay(*service->expires_on, language);
  }
  if (service->last_verified) {
    model["verified"] = FormatDay(*service->last_verified, language);
    // Who checked it, for professionals who may want to ask them; not for the public.
    if (web::Allows(web::kProfessional, request.identity.get())) model["verified_by"] = service->verified_by;
    model["stale"] = now.date.DaysSinceEpoch() - service->last_verified->DaysSinceEpoch() > kVerifiedWithinDays;
  }
  return web::Page(site, request, language, "socialmap_service", service->name.Best(language), std::move(model));
}

// The records an editor should check: active services not verified for a year, those of
// the zones they edit (by action area) and of the organisations they edit; everything for
// administrators.
http::Response ToVerifyPage(const web::Site& site, Services& services, const http::Request& request,
                            Language language) {
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  const LocalMoment now = BrusselsTime(std::chrono::system_clock::now());
  const Date cutoff = Date::FromDaysSinceEpoch(now.date.DaysSinceEpoch() - kVerifiedWithinDays);
  auto stale = services.store.NotVerifiedSince(cutoff);
  if (!stale) return web::ErrorPage(site, request, language, stale.error());
  json::array rows;
  for (const Service& service : *stale) {
    if (!reach->MayEdit(service)) continue;
    auto organization = services.store.FindOrganization(service.organization_id);
    json::object row{{"name", service.name.Best(language)},
                     {"href", web::Href(language, "/social-map/services/" + web::PercentEncode(service.id))},
                     {"organization", organization ? organization->name : service.organization_id},
                     {"served", ServedAreas(services, service, language)},
                     {"verified_by", service.verified_by}};
    if (service.last_verified) row["verified"] = FormatDay(*service.last_verified, language);
    rows.push_back(std::move(row));
  }
  const bool editor = reach->IsEditor();
  return web::Page(site, request, language, "socialmap_to_verify", Text(site, language, "socialmap_to_verify_title"),
                   json::object{{"rows", rows},
                                {"has_rows", !rows.empty()},
                                {"editor", editor},
                                {"count", view::FormatInteger(static_cast<long long>(rows.size()), language)},
                                {"cutoff", FormatDay(cutoff, language)},
                                {"search_href", web::Href(language, "/social-map")}});
}

http::Response OrganizationPage(const web::Site& site, Services& services, const http::Request& request,
                                Language language) {
  auto organization = services.store.FindOrganization(std::string(request.PathParam("organization_id")));
  if (!organization) return web::ErrorPage(site, request, language, organization.error());
  auto offered = services.store.ServicesOf(organization->id);
  if (!offered) return web::ErrorPage(site, request, language, offered.error());
  json::array list;
  for (const Service& service : *offered) {
    if (!service.active()) continue;
    list.push_back(json::object{{"name", service.name.Best(language)},
                                {"href", web::Href(language, "/social-map/services/" + web::PercentEncode(service.id))},
                                {"summary", Summary(service, language)}});
  }
  bool may_add = false;
  if (request.identity) {
    auto reach = Reach::Of(*request.identity, services.geography);
    may_add = reach && reach->MayEditOrganization(organization->id);
  }
  return web::Page(
      site, request, language, "socialmap_organization", organization->name,
      json::object{
          {"name", organization->name},
          {"description", organization->description.Best(language)},
          {"website", organization->website},
          {"email", organization->email},
          {"phone", organization->phone},
          {"services", list},
          {"search_href", web::Href(language, "/social-map")},
          {"new_service_href", may_add ? web::Href(language, "/social-map/organizations/" +
                                                                 web::PercentEncode(organization->id) + "/new-service")
                                       : ""}});
}

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/{lang}/social-map",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return SearchPage(site, services, r, l); }),
             {.name = "socialmap_search", .access = everyone});
  router.Get("/{lang}/social-map/map.json",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return MapPoints(site, services, r, l); }),
             {.name = "socialmap_map_points", .access = everyone});
  router.Get("/{lang}/social-map/print",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return PrintPage(site, services, r, l); }),
             {.name = "socialmap_print", .access = everyone});
  router.Get("/{lang}/social-map/services/{service_id}",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return ServicePage(site, services, r, l); }),
             {.name = "socialmap_service", .access = everyone});
  router.Get("/{lang}/social-map/to-verify",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return ToVerifyPage(site, services, r, l); }),
             {.name = "socialmap_to_verify", .access = std::string(web::kProfessional)});
  router.Get("/{lang}/social-map/organizations/{organization_id}",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return OrganizationPage(site, services, r, l); }),
             {.name = "socialmap_organization", .access = everyone});
}

}  // namespace zoneatlas::socialmap
