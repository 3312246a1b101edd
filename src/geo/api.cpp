#include <boost/json.hpp>

#include "geo/routes.hpp"
#include "geo/serialize.hpp"
#include "web/access.hpp"

namespace zoneatlas::geo {
namespace json = boost::json;
namespace {

json::object AreaJson(const Area& area) {
  json::object object = AreaToJson(area);
  object["boundary_area_km2"] = area.boundary_area_km2 ? json::value(*area.boundary_area_km2) : json::value();
  json::object links{{"self", "/api/v1/areas/" + area.code}};
  if (area.has_boundary()) links["geometry"] = "/api/v1/areas/" + area.code + "/geometry";
  object["links"] = std::move(links);
  return object;
}

json::object ZoneJson(const Zone& zone, bool with_members) {
  json::object object = ZoneToJson(zone, with_members);
  if (with_members) {
    for (json::value& member : object["members"].as_array()) {
      member.as_object()["links"] =
          json::object{{"area", "/api/v1/areas/" + std::string(member.as_object()["area_code"].as_string())}};
    }
  }
  object["links"] = json::object{{"self", "/api/v1/zones/" + zone.id}};
  return object;
}

http::Response JsonResponse(const json::value& value) { return http::Response::Json(json::serialize(value)); }

http::Response ListZones(const Store& store, const http::Request& request) {
  auto date = web::DateParameter(request);
  if (!date) return web::Problem(date.error());
  auto zones = store.Zones(*date);
  if (!zones) return web::Problem(zones.error());
  json::array list;
  for (const Zone& zone : *zones) list.push_back(ZoneJson(zone, false));
  return JsonResponse(json::object{{"date", date->ToIso()}, {"zones", std::move(list)}});
}

http::Response GetZone(const Store& store, const http::Request& request) {
  auto date = web::DateParameter(request);
  if (!date) return web::Problem(date.error());
  auto zone = store.FindZone(std::string(request.PathParam("zone_id")), *date);
  if (!zone) return web::Problem(zone.error());
  return JsonResponse(ZoneJson(*zone, true));
}

http::Response ListAreas(const Store& store, const http::Request& request) {
  auto date = web::DateParameter(request);
  if (!date) return web::Problem(date.error());
  AreaFilter filter;
  if (const auto kind = request.Query("kind")) {
    filter.kind = ParseAreaKind(*kind);
    if (!filter.kind) return web::Problem(Error::InvalidArgument("unknown area kind '" + *kind + "'"));
  }
  filter.parent_code = request.Query("parent");
  auto areas = store.Areas(filter, *date);
  if (!areas) return web::Problem(areas.error());
  json::array list;
  for (const Area& area : *areas) list.push_back(AreaJson(area));
  return JsonResponse(json::object{{"date", date->ToIso()}, {"areas", std::move(list)}});
}

http::Response GetArea(const Store& store, const http::Request& request) {
  auto date = web::DateParameter(request);
  if (!date) return web::Problem(date.error());
  auto area = store.FindArea(std::string(request.PathParam("code")), *date);
  if (!area) return web::Problem(area.error());
  return JsonResponse(AreaJson(*area));
}

http::Response GetGeometry(const Store& store, const http::Request& request) {
  auto date = web::DateParameter(request);
  if (!date) return web::Problem(date.error());
  auto area = store.FindArea(std::string(request.PathParam("code")), *date);
  if (!area) return web::Problem(area.error());
  auto geometry = store.Boundary(area->code);
  if (!geometry) return web::Problem(geometry.error());
  json::object feature{
      {"type", "Feature"},
      {"id", area->code},
      {"properties", json::object{{"code", area->code},
                                  {"kind", AreaKindName(area->kind)},
                                  {"name_nl", area->names.nl},
                                  {"name_fr", area->names.fr}}},
      {"geometry", json::parse(*geometry)},
  };
  return http::Response::Make(200, "application/geo+json", json::serialize(feature));
}

}  // namespace

void AddApiRoutes(http::Router& router, const Store& store, web::ResponseCache& cache) {
  const auto generation = [&store] { return store.Generation(); };
  const auto cached = [&](http::Response (*handler)(const Store&, const http::Request&)) {
    return web::Cached(cache, generation, [&store, handler](const http::Request& r) { return handler(store, r); });
  };
  router.Get("/api/v1/zones", cached(ListZones), {.name = "api_zones", .access = std::string(web::kPublic)});
  router.Get("/api/v1/zones/{zone_id}", cached(GetZone), {.name = "api_zone", .access = std::string(web::kPublic)});
  router.Get("/api/v1/areas", cached(ListAreas), {.name = "api_areas", .access = std::string(web::kPublic)});
  router.Get("/api/v1/areas/{code}", cached(GetArea), {.name = "api_area", .access = std::string(web::kPublic)});
  router.Get("/api/v1/areas/{code}/geometry", cached(GetGeometry), {.name = "api_area_geometry", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::geo
