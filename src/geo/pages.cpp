#include <boost/json.hpp>
#include <fmt/format.h>

#include "geo/maps.hpp"
#include "geo/routes.hpp"
#include "web/access.hpp"
#include "platform/formats/svg_map.hpp"

namespace zoneatlas::geo {
namespace json = boost::json;
namespace {

struct ZoneTotals {
  long long population = 0;
  double area_km2 = 0;
  bool complete = true;  // False when a member has no figure or is only part of an area.
  std::optional<Date> population_date;
};

std::string KindLabel(const web::Site& site, Language language, AreaKind kind) {
  return std::string(site.renderer.catalog().Get(language, "kind_" + std::string(AreaKindName(kind))));
}

std::string ZoneKindLabel(const web::Site& site, Language language, ZoneKind kind) {
  return std::string(site.renderer.catalog().Get(language, "zone_kind_" + std::string(ZoneKindName(kind))));
}

std::string OptionalNumber(const std::optional<double>& value, int decimals, Language language) {
  return value ? view::FormatNumber(*value, decimals, language) : "–";
}

std::string DateText(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

// The date the page shows, as a query string to keep in links ("" for today).
std::string DateQuery(const http::Request& request) {
  const auto date = request.Query("date");
  return date && !date->empty() ? "?date=" + *date : "";
}

std::vector<formats::MapShape> MapShapes(const Store& store, const std::vector<Area>& areas, Language language,
                                         const std::string& date_query) {
  std::vector<formats::MapShape> shapes;
  for (const Area& area : areas) {
    if (auto shape = MapShapeOf(store, area, language, web::Href(language, "/areas/" + area.code) + date_query)) {
      shapes.push_back(std::move(*shape));
    }
  }
  return shapes;
}

http::Response ZoneIndex(const web::Site& site, const Store& store, const http::Request& request, Language language) {
  auto date = web::DateParameter(request);
  if (!date) return web::ErrorPage(site, request, language, date.error());
  auto zones = store.Zones(*date);
  if (!zones) return web::ErrorPage(site, request, language, zones.error());
  const std::string date_query = DateQuery(request);
  json::array eerstelijnszones, zorgzones;
  for (const Zone& zone : *zones) {
    json::object item{{"name", zone.names.In(language)},
                      {"href", web::Href(language, "/zones/" + zone.id) + date_query},
                      {"member_count", zone.members.size()},
                      {"approximate", zone.IsApproximate()}};
    (zone.kind == ZoneKind::kEerstelijnszone ? eerstelijnszones : zorgzones).push_back(std::move(item));
  }
  json::object model{{"eerstelijnszones", std::move(eerstelijnszones)},
                     {"zorgzones", std::move(zorgzones)},
                     {"has_zones", !zones->empty()},
                     {"date", DateText(*date, language)}};
  return web::Page(site, request, language, "home", std::string(site.renderer.catalog().Get(language, "home_title")),
                   std::move(model));
}

http::Response ZonePage(const web::Site& site, const Store& store, const http::Request& request, Language language) {
  auto date = web::DateParameter(request);
  if (!date) return web::ErrorPage(site, request, language, date.error());
  auto zone = store.FindZone(std::string(request.PathParam("zone_id")), *date);
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  std::vector<std::string> codes;
  for (const ZoneMember& member : zone->members) codes.push_back(member.area_code);
  auto areas = store.AreasWithCodes(codes, *date);
  if (!areas) return web::ErrorPage(site, request, language, areas.error());
  std::sort(areas->begin(), areas->end(),
            [&](const Area& a, const Area& b) { return a.names.In(language) < b.names.In(language); });

  const std::string date_query = DateQuery(request);
  const auto& catalog = site.renderer.catalog();
  ZoneTotals totals;
  json::array members;
  for (const Area& area : *areas) {
    const auto member = std::find_if(zone->members.begin(), zone->members.end(),
                                     [&](const ZoneMember& m) { return m.area_code == area.code; });
    const bool partial = member->approximate || area.kind != AreaKind::kMunicipality;
    if (area.population && !partial) {
      totals.population += *area.population;
      if (!totals.population_date || *area.population_date < *totals.population_date) {
        totals.population_date = area.population_date;
      }
    } else {
      totals.complete = false;
    }
    if (area.AreaKm2() && !partial) {
      totals.area_km2 += *area.AreaKm2();
    } else {
      totals.complete = false;
    }
    members.push_back(json::object{
        {"name", area.names.In(language)},
        {"other_name", area.names.nl != area.names.fr ? (language == Language::kFr ? area.names.nl : area.names.fr)
                                                      : ""},
        {"href", web::Href(language, "/areas/" + area.code) + date_query},
        {"code", area.code},
        {"kind", KindLabel(site, language, area.kind)},
        {"population", area.population ? view::FormatInteger(*area.population, language) : "–"},
        {"area_km2", OptionalNumber(area.AreaKm2(), 1, language)},
        {"approximate", member->approximate || area.approximate},
        {"note", member->note.empty() ? area.note : member->note},
    });
  }
  const std::string name = zone->names.In(language);
  const std::string map = formats::RenderSvgMap(
      MapShapes(store, *areas, language, date_query),
      {.id = "zone-map",
       .title = catalog.Format(language, "zone_map_title", {{"zone", name}}),
       .description = std::string(catalog.Get(language, "zone_map_description")),
       .width = 640});
  json::object model{
      {"name", name},
      {"kind", ZoneKindLabel(site, language, zone->kind)},
      {"approximate", zone->IsApproximate()},
      {"website", zone->website},
      {"source", zone->source},
      {"members", std::move(members)},
      {"member_count", areas->size()},
      {"population", view::FormatInteger(totals.population, language)},
      {"area_km2", view::FormatNumber(totals.area_km2, 1, language)},
      {"totals_complete", totals.complete},
      {"population_date", totals.population_date ? DateText(*totals.population_date, language) : ""},
      {"map", map},
      {"has_map", !map.empty()},
      {"date", DateText(*date, language)},
      {"atlas_href", web::Href(language, "/zones/" + zone->id + "/atlas")},
      {"supply_href", web::Href(language, "/zones/" + zone->id + "/supply")},
      {"radar_href", web::Href(language, "/zones/" + zone->id + "/rights-radar")},
      {"consultations_href", web::Href(language, "/zones/" + zone->id + "/consultations")},
      {"initiatives_href", web::Href(language, "/zones/" + zone->id + "/initiatives")},
      {"plan_href", web::Href(language, "/zones/" + zone->id + "/plan")},
      {"providers_href", web::Href(language, "/zones/" + zone->id + "/providers")},
      {"referral_routes_href", web::Href(language, "/zones/" + zone->id + "/referral-routes")},
  };
  return web::Page(site, request, language, "zone", name, std::move(model));
}

http::Response AreaPage(const web::Site& site, const Store& store, const http::Request& request, Language language) {
  auto date = web::DateParameter(request);
  if (!date) return web::ErrorPage(site, request, language, date.error());
  auto area = store.FindArea(std::string(request.PathParam("code")), *date);
  if (!area) return web::ErrorPage(site, request, language, area.error());
  const std::string date_query = DateQuery(request);
  const auto& catalog = site.renderer.catalog();

  json::object model{
      {"name", area->names.In(language)},
      {"name_nl", area->names.nl},
      {"name_fr", area->names.fr},
      {"bilingual", area->names.nl != area->names.fr},
      {"code", area->code},
      {"kind", KindLabel(site, language, area->kind)},
      {"population", area->population ? view::FormatInteger(*area->population, language) : ""},
      {"population_date", area->population_date ? DateText(*area->population_date, language) : ""},
      {"area_km2", OptionalNumber(area->AreaKm2(), 2, language)},
      {"area_measured", !area->land_area_km2 && area->boundary_area_km2.has_value()},
      {"approximate", area->approximate},
      {"note", area->note},
      {"source", area->source},
      {"valid_from", DateText(area->validity.from, language)},
      {"valid_to", area->validity.to ? DateText(*area->validity.to, language) : ""},
      {"atlas_href", web::Href(language, "/areas/" + area->code + "/atlas")},
  };
  if (area->parent_code) {
    if (auto parent = store.FindArea(*area->parent_code, *date)) {
      model["parent"] = json::object{{"name", parent->names.In(language)},
                                     {"kind", KindLabel(site, language, parent->kind)},
                                     {"href", web::Href(language, "/areas/" + parent->code) + date_query}};
    }
  }
  auto zones = store.ZonesWithMember(area->code, *date);
  if (!zones) return web::ErrorPage(site, request, language, zones.error());
  json::array zone_links;
  for (const Zone& zone : *zones) {
    const auto member = std::find_if(zone.members.begin(), zone.members.end(),
                                     [&](const ZoneMember& m) { return m.area_code == area->code; });
    zone_links.push_back(json::object{{"name", zone.names.In(language)},
                                      {"href", web::Href(language, "/zones/" + zone.id) + date_query},
                                      {"approximate", member != zone.members.end() && member->approximate}});
  }
  model["has_zones"] = !zone_links.empty();
  model["zones"] = std::move(zone_links);
  auto children = store.Areas({.kind = std::nullopt, .parent_code = area->code}, *date);
  if (!children) return web::ErrorPage(site, request, language, children.error());
  json::array child_links;
  for (const Area& child : *children) {
    child_links.push_back(json::object{{"name", child.names.In(language)},
                                       {"kind", KindLabel(site, language, child.kind)},
                                       {"href", web::Href(language, "/areas/" + child.code) + date_query}});
  }
  model["has_children"] = !child_links.empty();
  model["children"] = std::move(child_links);
  const std::string name = area->names.In(language);
  const std::string map = formats::RenderSvgMap(
      MapShapes(store, {*area}, language, date_query),
      {.id = "area-map",
       .title = catalog.Format(language, "area_map_title", {{"area", name}}),
       .description = std::string(catalog.Get(language, "area_map_description")),
       .width = 480});
  model["map"] = map;
  model["has_map"] = !map.empty();
  return web::Page(site, request, language, "area", name, std::move(model));
}

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, const Store& store, web::ResponseCache& cache) {
  const auto generation = [&store] { return store.Generation(); };
  router.Get("/{lang}/",
             web::Cached(cache, generation, web::ForLanguage(site, [&](const http::Request& r, Language l) {
                           return ZoneIndex(site, store, r, l);
                         })),
             {.name = "home", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}",
             web::Cached(cache, generation, web::ForLanguage(site, [&](const http::Request& r, Language l) {
                           return ZonePage(site, store, r, l);
                         })),
             {.name = "zone_page", .access = std::string(web::kPublic)});
  router.Get("/{lang}/areas/{code}",
             web::Cached(cache, generation, web::ForLanguage(site, [&](const http::Request& r, Language l) {
                           return AreaPage(site, store, r, l);
                         })),
             {.name = "area_page", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::geo
