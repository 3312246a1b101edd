// The atlas's JSON API.
#include <boost/json.hpp>

#include "atlas/compare.hpp"
#include "atlas/routes.hpp"
#include "atlas/zone_data.hpp"
#include "core/text.hpp"
#include "web/access.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;
namespace {

constexpr std::size_t kDefaultLimit = 10'000;
constexpr std::size_t kMaxLimit = 100'000;

json::object Languages(const Texts& texts) {
  return json::object{{"nl", texts.nl}, {"fr", texts.fr}, {"en", texts.en}};
}

json::object IndicatorJson(const Catalog& catalog, const Indicator& indicator) {
  json::object object{{"id", indicator.id},
                      {"group", indicator.group},
                      {"kind", KindName(indicator.kind)},
                      {"names", Languages(indicator.names)},
                      {"definitions", Languages(indicator.definitions)},
                      {"unit", indicator.unit},
                      {"source", indicator.source},
                      {"source_url", indicator.source_url},
                      {"direction", DirectionName(indicator.direction)},
                      {"aggregation", AggregationName(indicator.aggregation)},
                      {"small_count_threshold", indicator.small_count_threshold},
                      {"scale", indicator.scale},
                      {"decimals", indicator.decimals},
                      {"note", indicator.note},
                      {"links", json::object{{"self", "/api/v1/indicators/" + indicator.id},
                                             {"observations", "/api/v1/observations?indicator=" + indicator.id}}}};
  json::array regions;
  for (geo::Region region : indicator.regions) regions.emplace_back(geo::RegionName(region));
  object["regions"] = std::move(regions);
  if (const Unit* unit = catalog.FindUnit(indicator.unit)) object["unit_names"] = Languages(unit->names);
  if (indicator.formula) {
    object["formula"] = json::object{{"numerator", json::value_from(indicator.formula->numerator)},
                                     {"denominator", json::value_from(indicator.formula->denominator)}};
  }
  return object;
}

json::value Number(const std::optional<double>& value) { return value ? json::value(*value) : json::value(); }

// A figure as the public may see it: without its numbers when they rest on too few people.
json::object FigureJson(const Indicator& indicator, const Figure& figure) {
  const bool shown = !figure.value.suppressed;
  const auto interval = IntervalOf(indicator, figure);
  return json::object{{"value", shown ? Number(figure.value.value) : json::value()},
                      {"numerator", shown ? Number(figure.value.numerator) : json::value()},
                      {"denominator", shown ? Number(figure.value.denominator) : json::value()},
                      {"ci_low", interval ? json::value(interval->low) : json::value()},
                      {"ci_high", interval ? json::value(interval->high) : json::value()},
                      {"unstable", interval && interval->unstable},
                      {"suppressed", figure.value.suppressed},
                      {"incomplete", figure.value.incomplete},
                      {"demo", figure.demo}};
}

std::vector<std::string> ListParameter(const http::Request& request, std::string_view name) {
  std::vector<std::string> values;
  if (auto text = request.Query(name)) {
    for (std::string_view part : text::Split(*text, ',')) {
      if (!text::Trim(part).empty()) values.emplace_back(text::Trim(part));
    }
  }
  return values;
}

http::Response JsonResponse(const json::value& value) { return http::Response::Json(json::serialize(value)); }

http::Response ListIndicators(const Services& services, const http::Request& request) {
  const auto group = request.Query("group");
  json::array list;
  for (const Indicator& indicator : services.catalog.indicators()) {
    if (group && indicator.group != *group) continue;
    list.push_back(IndicatorJson(services.catalog, indicator));
  }
  json::array groups;
  for (const Group& g : services.catalog.groups())
    groups.push_back(json::object{{"id", g.id}, {"names", Languages(g.names)}});
  return JsonResponse(json::object{{"groups", std::move(groups)}, {"indicators", std::move(list)}});
}

http::Response GetIndicator(const Services& services, const http::Request& request) {
  const Indicator* indicator = services.catalog.Find(request.PathParam("indicator_id"));
  if (indicator == nullptr)
    return web::Problem(Error::NotFound("no indicator " + std::string(request.PathParam("indicator_id"))));
  return JsonResponse(IndicatorJson(services.catalog, *indicator));
}

http::Response Ranking(const Services& services, const http::Request& request) {
  const Indicator* indicator = services.catalog.Find(request.PathParam("indicator_id"));
  if (indicator == nullptr) {
    return web::Problem(Error::NotFound("no indicator " + std::string(request.PathParam("indicator_id"))));
  }
  const auto period = request.Query("period");
  if (!period || period->empty()) return web::Problem(Error::InvalidArgument("give period=… (2024, 2023-2024)"));
  auto ranking = services.ranking.Rank(services.catalog, services.store, services.geography, *indicator, *period);
  if (!ranking) return web::Problem(ranking.error());
  json::array zones;
  for (const ZoneFigure& zone : ranking->zones) {
    json::object object = FigureJson(*indicator, {.value = zone.value, .demo = zone.demo, .present = true});
    object["zone_id"] = zone.zone_id;
    zones.push_back(std::move(object));
  }
  json::array areas;
  for (const RankedArea& area : ranking->areas) {
    areas.push_back(json::object{
        {"area_code", area.area_code}, {"rank", area.rank}, {"value", Number(area.value.value)}, {"demo", area.demo}});
  }
  return JsonResponse(json::object{
      {"indicator", indicator->id}, {"period", *period}, {"zones", std::move(zones)}, {"areas", std::move(areas)}});
}

http::Response ListObservations(const Services& services, const http::Request& request) {
  ObservationFilter filter{.indicators = ListParameter(request, "indicator"),
                           .areas = ListParameter(request, "area"),
                           .periods = ListParameter(request, "period")};
  for (const std::string& id : filter.indicators) {
    if (services.catalog.Find(id) == nullptr) return web::Problem(Error::InvalidArgument("no indicator " + id));
  }
  if (filter.indicators.empty() && filter.areas.empty()) {
    return web::Problem(Error::InvalidArgument("give indicator=… or area=… (comma-separated lists)"));
  }
  std::size_t limit = kDefaultLimit;
  if (auto text = request.Query("limit")) {
    auto parsed = text::ParseInteger(*text);
    if (!parsed || *parsed < 1 || static_cast<std::size_t>(*parsed) > kMaxLimit) {
      return web::Problem(Error::InvalidArgument("limit is a whole number from 1 to 100000"));
    }
    limit = static_cast<std::size_t>(*parsed);
  }
  auto observations = services.store.Observations(filter);
  if (!observations) return web::Problem(observations.error());
  json::array list;
  // Per indicator and period: the figures hidden to protect another (ProtectHidden).
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> protective;
  for (const Observation& observation : *observations) {
    if (list.size() == limit) break;
    const Indicator* indicator = services.catalog.Find(observation.indicator_id);
    if (indicator == nullptr) continue;  // An indicator since removed from the catalog.
    auto [hidden, added] = protective.try_emplace({observation.indicator_id, observation.period});
    if (added) {
      auto found = services.ranking.Protective(services.catalog, services.store, services.geography, *indicator,
                                               observation.period);
      if (!found) return web::Problem(found.error());
      hidden->second = std::move(*found);
    }
    Figure figure = FigureOf(*indicator, &observation);
    if (std::binary_search(hidden->second.begin(), hidden->second.end(), observation.area_code)) {
      figure.value.suppressed = true;
      figure.protective = true;
    }
    json::object object = FigureJson(*indicator, figure);
    object["indicator"] = observation.indicator_id;
    object["area_code"] = observation.area_code;
    object["period"] = observation.period;
    object["derived"] = observation.derived;
    list.push_back(std::move(object));
  }
  return JsonResponse(json::object{{"observations", std::move(list)}, {"truncated", observations->size() > limit}});
}

http::Response ZoneAggregates(const Services& services, const http::Request& request) {
  std::vector<std::string> indicators = ListParameter(request, "indicator");
  for (const std::string& id : indicators) {
    if (services.catalog.Find(id) == nullptr) return web::Problem(Error::InvalidArgument("no indicator " + id));
  }
  const std::vector<std::string> periods = ListParameter(request, "period");
  std::vector<std::string> loaded = indicators;
  if (!loaded.empty()) loaded.push_back("pop_total");  // Weights for population-weighted means.
  auto data = LoadZone(services, std::string(request.PathParam("zone_id")), Language::kEn, loaded);
  if (!data) return web::Problem(data.error());
  const ObservationIndex index(data->observations);
  json::array list;
  for (const Indicator& indicator : services.catalog.indicators()) {
    if (!indicators.empty() && std::find(indicators.begin(), indicators.end(), indicator.id) == indicators.end())
      continue;
    const Comparison comparison = Compare(indicator, index, data->Scope());
    for (const auto& [period, figure] : comparison.zone) {
      if (!periods.empty() && std::find(periods.begin(), periods.end(), period) == periods.end()) continue;
      json::object object = FigureJson(indicator, figure);
      object["indicator"] = indicator.id;
      object["period"] = period;
      list.push_back(std::move(object));
    }
  }
  return JsonResponse(json::object{
      {"zone_id", data->zone.id}, {"members", json::value_from(data->member_codes)}, {"aggregates", std::move(list)}});
}

}  // namespace

void AddApiRoutes(http::Router& router, const Services& services) {
  const auto generation = [&services] { return Generation(services); };
  const auto cached = [&](auto handler) {
    return web::Cached(services.cache, generation,
                       [&services, handler](const http::Request& r) { return handler(services, r); });
  };
  router.Get("/api/v1/indicators", cached(ListIndicators),
             {.name = "api_indicators", .access = std::string(web::kPublic)});
  router.Get("/api/v1/indicators/{indicator_id}", cached(GetIndicator),
             {.name = "api_indicator", .access = std::string(web::kPublic)});
  router.Get("/api/v1/indicators/{indicator_id}/ranking", cached(Ranking),
             {.name = "api_indicator_ranking", .access = std::string(web::kPublic)});
  router.Get("/api/v1/observations", cached(ListObservations),
             {.name = "api_observations", .access = std::string(web::kPublic)});
  router.Get("/api/v1/zones/{zone_id}/aggregates", cached(ZoneAggregates),
             {.name = "api_zone_aggregates", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::atlas
