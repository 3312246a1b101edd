// The needs index of a zone: page, workbook and API.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "atlas/compare.hpp"
#include "atlas/needs.hpp"
#include "atlas/presentation.hpp"
#include "atlas/routes.hpp"
#include "atlas/zone_data.hpp"
#include "core/text.hpp"
#include "geo/maps.hpp"
#include "platform/formats/xlsx.hpp"
#include "web/access.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;
namespace {

constexpr double kDefaultBudget = 100'000;
constexpr double kDefaultUniversal = 0.5;

struct NeedsRequest {
  std::vector<NeedsComponent> components;
  double budget = kDefaultBudget;
  double universal = kDefaultUniversal;  // 0–1.
};

// From a page's form (w_ID=weight, budget, universal in per cent) or the API
// (weights=ID:weight,…, budget, universal in per cent); the defaults otherwise.
Result<NeedsRequest> ReadRequest(const Catalog& catalog, const http::Request& request) {
  NeedsRequest wanted;
  if (auto budget = request.Query("budget"); budget && !budget->empty()) {
    auto parsed = text::ParseDecimal(*budget);
    if (!parsed || *parsed < 0 || *parsed > 1e12) return Fail(Error::InvalidArgument("budget is an amount in euro"));
    wanted.budget = *parsed;
  }
  if (auto universal = request.Query("universal"); universal && !universal->empty()) {
    auto parsed = text::ParseDecimal(*universal);
    if (!parsed || *parsed < 0 || *parsed > 100)
      return Fail(Error::InvalidArgument("universal is a percentage from 0 to 100"));
    wanted.universal = *parsed / 100;
  }
  if (auto weights = request.Query("weights"); weights && !weights->empty()) {
    for (std::string_view part : text::Split(*weights, ',')) {
      const auto pieces = text::Split(part, ':');
      const std::string id(text::Trim(pieces.front()));
      const auto weight = pieces.size() == 2 ? text::ParseDecimal(pieces[1]) : std::optional<double>(1.0);
      if (catalog.Find(id) == nullptr || !weight || *weight < 0) {
        return Fail(Error::InvalidArgument("weights: '" + std::string(part) + "' is not INDICATOR:WEIGHT"));
      }
      if (*weight > 0) wanted.components.push_back({id, *weight});
    }
    return wanted;
  }
  bool form = false;
  for (const Indicator& indicator : catalog.indicators()) {
    const auto weight = request.Query("w_" + indicator.id);
    if (!weight) continue;
    form = true;
    const auto parsed = text::ParseDecimal(*weight);
    if (!weight->empty() && (!parsed || *parsed < 0 || *parsed > 100)) {
      return Fail(Error::InvalidArgument("the weight of " + indicator.id + " is a number from 0 to 100"));
    }
    if (parsed && *parsed > 0) wanted.components.push_back({indicator.id, *parsed});
  }
  if (!form) wanted.components = DefaultNeedsComponents();
  return wanted;
}

struct ZoneNeeds {
  ZoneData data;
  NeedsRequest request;
  NeedsResult result;
  std::map<std::string, std::string> periods;  // Indicator → the period used.
  std::map<std::string, double> population;    // Area → inhabitants used.
};

// The latest period in which at least two members have a figure that may be shown.
Result<ZoneNeeds> ComputeZoneNeeds(const Services& services, const std::string& zone_id, Language language,
                                   NeedsRequest request) {
  std::vector<std::string> wanted = {"pop_total"};
  for (const NeedsComponent& component : request.components) wanted.push_back(component.indicator);
  auto data = LoadZone(services, zone_id, language, wanted);
  if (!data) return Fail(data.error());
  ZoneNeeds needs{
      .data = std::move(*data), .request = std::move(request), .result = {}, .periods = {}, .population = {}};
  const ObservationIndex index(needs.data.observations);
  std::vector<NeedsArea> areas;
  for (const std::string& code : needs.data.member_codes) areas.push_back({code, 0, {}});
  const Indicator* population = services.catalog.Find("pop_total");
  const Comparison people = Compare(*population, index, needs.data.Scope());
  for (NeedsArea& area : areas) {
    for (auto it = people.periods.rbegin(); it != people.periods.rend(); ++it) {
      if (auto shown = people.members.at(area.code).at(*it).Shown()) {
        area.population = *shown;
        break;
      }
    }
    needs.population[area.code] = area.population;
  }
  for (const NeedsComponent& component : needs.request.components) {
    const Comparison comparison = Compare(*services.catalog.Find(component.indicator), index, needs.data.Scope());
    for (auto period = comparison.periods.rbegin(); period != comparison.periods.rend(); ++period) {
      int shown = 0;
      for (const std::string& code : needs.data.member_codes)
        shown += comparison.members.at(code).at(*period).Shown() ? 1 : 0;
      if (shown < 2) continue;
      needs.periods[component.indicator] = *period;
      for (NeedsArea& area : areas) {
        if (auto value = comparison.members.at(area.code).at(*period).Shown())
          area.values[component.indicator] = *value;
      }
      break;
    }
  }
  needs.result = ComputeNeedsIndex(services.catalog, needs.request.components, areas, needs.request.budget,
                                   needs.request.universal);
  return needs;
}

const geo::Area* AreaOf(const ZoneData& data, const std::string& code) {
  for (const geo::Area& area : data.members) {
    if (area.code == code) return &area;
  }
  return nullptr;
}

std::string Query(const NeedsRequest& request) {
  std::string query = "?budget=" + PlainNumber(request.budget) + "&universal=" + PlainNumber(request.universal * 100);
  for (const NeedsComponent& component : request.components) {
    query += "&w_" + component.indicator + "=" + PlainNumber(component.weight);
  }
  return query;
}

http::Response NeedsPage(const web::Site& site, const Services& services, const http::Request& request,
                         Language language) {
  const auto& texts = site.renderer.catalog();
  auto wanted = ReadRequest(services.catalog, request);
  if (!wanted) return web::ErrorPage(site, request, language, wanted.error());
  auto needs = ComputeZoneNeeds(services, std::string(request.PathParam("zone_id")), language, std::move(*wanted));
  if (!needs) return web::ErrorPage(site, request, language, needs.error());
  const Presentation words(services.catalog, texts, language);
  const std::string zone_name = needs->data.zone.names.In(language);
  const std::string base = web::Href(language, "/zones/" + needs->data.zone.id + "/atlas");
  // The form: every rate and share, with its weight (0 leaves it out).
  json::array groups;
  for (const Group& group : services.catalog.groups()) {
    json::array choices;
    for (const Indicator& indicator : services.catalog.indicators()) {
      if (indicator.group != group.id || IsCount(indicator)) continue;
      double weight = 0;
      for (const NeedsComponent& component : needs->request.components) {
        if (component.indicator == indicator.id) weight = component.weight;
      }
      choices.push_back(json::object{{"id", indicator.id},
                                     {"name", indicator.names.In(language)},
                                     {"weight", PlainNumber(weight)},
                                     {"chosen", weight > 0}});
    }
    groups.push_back(json::object{{"name", group.names.In(language)}, {"choices", std::move(choices)}});
  }
  json::array components;
  for (const NeedsComponent& component : needs->request.components) {
    const Indicator& indicator = *services.catalog.Find(component.indicator);
    const bool constant = std::find(needs->result.constant_indicators.begin(), needs->result.constant_indicators.end(),
                                    component.indicator) != needs->result.constant_indicators.end();
    components.push_back(json::object{
        {"name", indicator.names.In(language)},
        {"href", base + "/" + indicator.id},
        {"weight",
         view::FormatNumber(component.weight, component.weight == std::floor(component.weight) ? 0 : 1, language)},
        {"direction",
         std::string(texts.Get(language, indicator.direction == Direction::kHigherIsBetter ? "needs_direction_better"
                                                                                           : "needs_direction_worse"))},
        {"period", needs->periods.contains(component.indicator) ? needs->periods.at(component.indicator)
                                                                : std::string(texts.Get(language, "needs_no_figures"))},
        {"constant", constant}});
  }
  json::array rows;
  std::vector<formats::MapShape> shapes;
  double low = INFINITY, high = -INFINITY;
  for (const NeedsScore& score : needs->result.areas) {
    if (!score.index) continue;
    low = std::min(low, *score.index);
    high = std::max(high, *score.index);
  }
  for (const NeedsScore& score : needs->result.areas) {
    const geo::Area* area = AreaOf(needs->data, score.code);
    if (area == nullptr) continue;
    const std::string name = area->names.In(language);
    const double people = needs->population.at(score.code);
    rows.push_back(json::object{
        {"rank", score.rank > 0 ? std::to_string(score.rank) : "–"},
        {"name", name},
        {"href", web::Href(language, "/areas/" + score.code + "/atlas")},
        {"index", score.index ? view::FormatNumber(*score.index, 2, language) : "–"},
        {"population", view::FormatNumber(people, 0, language)},
        {"base", view::FormatNumber(score.base, 0, language)},
        {"need_share", view::FormatNumber(score.need_share, 0, language)},
        {"total", view::FormatNumber(score.Allocation(), 0, language)},
        {"per_inhabitant",
         people > 0 && score.index ? view::FormatNumber(score.Allocation() / people, 2, language) : "–"},
    });
    if (auto shape = geo::MapShapeOf(services.geography, *area, language,
                                     web::Href(language, "/areas/" + score.code + "/atlas"))) {
      if (score.index) {
        shape->shade = ShadeOf(*score.index, low, high);
      }
      shape->spoken = name + ": " + (score.index ? view::FormatNumber(*score.index, 2, language) : "–");
      shapes.push_back(std::move(*shape));
    }
  }
  const std::string map =
      formats::RenderSvgMap(shapes, {.id = "needs-map",
                                     .title = texts.Format(language, "needs_map_title", {{"zone", zone_name}}),
                                     .description = std::string(texts.Get(language, "needs_map_description")),
                                     .width = 560});
  const std::string query = Query(needs->request);
  json::object model{{"zone_name", zone_name},
                     {"zone_href", web::Href(language, "/zones/" + needs->data.zone.id)},
                     {"profile_href", base},
                     {"action", base + "/needs"},
                     {"groups", std::move(groups)},
                     {"components", std::move(components)},
                     {"rows", std::move(rows)},
                     {"map", map},
                     {"has_map", !map.empty()},
                     {"budget", PlainNumber(needs->request.budget)},
                     {"budget_text", view::FormatNumber(needs->request.budget, 0, language)},
                     {"universal", PlainNumber(needs->request.universal * 100)},
                     {"need_percent", view::FormatNumber((1 - needs->request.universal) * 100, 0, language)},
                     {"universal_text", view::FormatNumber(needs->request.universal * 100, 0, language)},
                     {"xlsx_href", base + "/needs.xlsx" + query},
                     {"api_href", "/api/v1/zones/" + needs->data.zone.id + "/needs-index"}};
  return web::Page(site, request, language, "atlas_needs", texts.Format(language, "needs_title", {{"zone", zone_name}}),
                   std::move(model));
}

http::Response NeedsWorkbook(const web::Site& site, const Services& services, const http::Request& request,
                             Language language) {
  const auto& texts = site.renderer.catalog();
  auto wanted = ReadRequest(services.catalog, request);
  if (!wanted) return web::ErrorPage(site, request, language, wanted.error());
  auto needs = ComputeZoneNeeds(services, std::string(request.PathParam("zone_id")), language, std::move(*wanted));
  if (!needs) return web::ErrorPage(site, request, language, needs.error());
  using formats::XlsxCell;
  std::vector<XlsxCell> header = {std::string("rank"),       std::string("area_code"),   std::string("area_name"),
                                  std::string("population"), std::string("needs_index"), std::string("base"),
                                  std::string("need_share"), std::string("allocation"),  std::string("per_inhabitant")};
  for (const NeedsComponent& component : needs->request.components)
    header.emplace_back(std::in_place_type<std::string>, "z_" + component.indicator);
  formats::XlsxSheet allocation{
      std::string(texts.Get(language, "needs_sheet_allocation")), {header}, {6, 11, 24, 12, 12, 14, 14, 14, 14}};
  for (const NeedsScore& score : needs->result.areas) {
    const geo::Area* area = AreaOf(needs->data, score.code);
    const double people = needs->population.at(score.code);
    std::vector<XlsxCell> row = {score.rank > 0 ? XlsxCell(static_cast<double>(score.rank)) : XlsxCell(),
                                 score.code,
                                 area ? area->names.In(language) : score.code,
                                 people,
                                 score.index ? XlsxCell(*score.index) : XlsxCell(),
                                 score.base,
                                 score.need_share,
                                 score.Allocation(),
                                 people > 0 && score.index ? XlsxCell(score.Allocation() / people) : XlsxCell()};
    for (const NeedsComponent& component : needs->request.components) {
      const auto it = score.scores.find(component.indicator);
      row.push_back(it == score.scores.end() ? XlsxCell() : XlsxCell(it->second));
    }
    allocation.rows.push_back(std::move(row));
  }
  formats::XlsxSheet method{std::string(texts.Get(language, "needs_sheet_method")),
                            {{std::string("indicator"), std::string("indicator_name"), std::string("weight"),
                              std::string("direction"), std::string("period")}},
                            {24, 40, 8, 18, 10}};
  for (const NeedsComponent& component : needs->request.components) {
    const Indicator& indicator = *services.catalog.Find(component.indicator);
    method.rows.push_back(
        {indicator.id, indicator.names.In(language), component.weight,
         std::string(indicator.direction == Direction::kHigherIsBetter ? "higher_is_better" : "higher_is_worse"),
         needs->periods.contains(indicator.id) ? needs->periods.at(indicator.id) : std::string()});
  }
  method.rows.push_back({});
  method.rows.push_back({std::string("budget"), std::string(), needs->request.budget});
  method.rows.push_back({std::string("universal_share"), std::string(), needs->request.universal});
  method.rows.push_back({std::string(texts.Get(language, "needs_method_text"))});
  auto bytes = formats::WriteXlsx({std::move(allocation), std::move(method)});
  if (!bytes) return web::ErrorPage(site, request, language, bytes.error());
  http::Response response =
      http::Response::Make(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(*bytes));
  response.headers.Set("Content-Disposition",
                       "attachment; filename=\"zoneatlas-" + needs->data.zone.id + "-needs-index.xlsx\"");
  return response;
}

http::Response NeedsApi(const Services& services, const http::Request& request) {
  auto wanted = ReadRequest(services.catalog, request);
  if (!wanted) return web::Problem(wanted.error());
  auto needs = ComputeZoneNeeds(services, std::string(request.PathParam("zone_id")), Language::kEn, std::move(*wanted));
  if (!needs) return web::Problem(needs.error());
  json::array components;
  for (const NeedsComponent& component : needs->request.components) {
    components.push_back(json::object{
        {"indicator", component.indicator},
        {"weight", component.weight},
        {"period", needs->periods.contains(component.indicator) ? json::value(needs->periods.at(component.indicator))
                                                                : json::value()}});
  }
  json::array areas;
  for (const NeedsScore& score : needs->result.areas) {
    json::object scores;
    for (const auto& [indicator, z] : score.scores) scores[indicator] = z;
    areas.push_back(json::object{{"area_code", score.code},
                                 {"rank", score.rank > 0 ? json::value(score.rank) : json::value()},
                                 {"index", score.index ? json::value(*score.index) : json::value()},
                                 {"population", needs->population.at(score.code)},
                                 {"scores", std::move(scores)},
                                 {"base", score.base},
                                 {"need_share", score.need_share},
                                 {"allocation", score.Allocation()}});
  }
  return http::Response::Json(
      json::serialize(json::object{{"zone_id", needs->data.zone.id},
                                   {"budget", needs->request.budget},
                                   {"universal_share", needs->request.universal},
                                   {"components", std::move(components)},
                                   {"constant_indicators", json::value_from(needs->result.constant_indicators)},
                                   {"areas", std::move(areas)}}));
}

}  // namespace

void AddNeedsRoutes(http::Router& router, const web::Site& site, const Services& services) {
  const auto generation = [&services] { return Generation(services); };
  router.Get(
      "/{lang}/zones/{zone_id}/atlas/needs",
      web::Cached(services.cache, generation,
                  web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                            Language l) { return NeedsPage(site, services, r, l); })),
      {.name = "atlas_needs", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}/atlas/needs.xlsx",
             web::Cached(services.cache, generation,
                         web::ForLanguage(site,
                                          [&site, &services](const http::Request& r, Language l) {
                                            return NeedsWorkbook(site, services, r, l);
                                          })),
             {.name = "atlas_needs_xlsx", .access = std::string(web::kPublic)});
  router.Get(
      "/api/v1/zones/{zone_id}/needs-index",
      web::Cached(services.cache, generation, [&services](const http::Request& r) { return NeedsApi(services, r); }),
      {.name = "api_zone_needs_index", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::atlas
