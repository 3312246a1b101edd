#include "app/radar_pages.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <set>

#include "atlas/observations.hpp"
#include "atlas/presentation.hpp"
#include "core/text.hpp"
#include "geo/maps.hpp"
#include "platform/formats/svg_map.hpp"
#include "platform/view/view.hpp"
#include "rights/facts.hpp"
#include "rights/take_up.hpp"
#include "web/access.hpp"

namespace zoneatlas::app {
namespace json = boost::json;
namespace {

std::string Text(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

// Indicator → municipality → period → observation.
using Figures = std::map<std::string, std::map<std::string, std::map<std::string, atlas::Observation>>>;

std::optional<double> ValueOf(const Figures& figures, const std::string& indicator, const std::string& code,
                              const std::string& period) {
  const auto by_indicator = figures.find(indicator);
  if (by_indicator == figures.end()) return std::nullopt;
  const auto by_area = by_indicator->second.find(code);
  if (by_area == by_indicator->second.end()) return std::nullopt;
  const auto found = by_area->second.find(period);
  return found == by_area->second.end() ? std::nullopt : found->second.value;
}

http::Response RadarPage(const web::Site& site, const atlas::Services& atlas, const rights::Catalog& catalog,
                         const http::Request& request, Language language) {
  std::vector<const rights::Right*> measured;
  for (const rights::Right& right : catalog.rights()) {
    if (!right.take_up_indicator.empty()) measured.push_back(&right);
  }
  if (measured.empty()) return web::ErrorPage(site, request, language, Error::NotFound("no right has take-up figures"));
  const std::string right_id = request.Query("right").value_or(measured.front()->id);
  const auto chosen = std::ranges::find_if(measured, [&](const rights::Right* r) { return r->id == right_id; });
  if (chosen == measured.end()) return web::ErrorPage(site, request, language, Error::NotFound("no such right"));
  const rights::Right& right = **chosen;
  const Date today = Date::Today();
  auto zone = atlas.geography.FindZone(std::string(request.PathParam("zone_id")), today);
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto municipalities = atlas.geography.Areas({.kind = geo::AreaKind::kMunicipality, .parent_code = {}}, today);
  if (!municipalities) return web::ErrorPage(site, request, language, municipalities.error());
  // A Flemish or Brussels right is compared among the municipalities of its region only.
  std::optional<rights::Region> region;
  if (right.level == rights::Level::kFlemish) region = rights::Region::kFlanders;
  if (right.level == rights::Level::kBrussels) region = rights::Region::kBrussels;
  std::map<std::string, const geo::Area*> municipality_of;
  for (const geo::Area& area : *municipalities) {
    const auto nis = text::ParseInteger(area.code);
    if (region && (!nis || rights::RegionOfMunicipality(static_cast<int>(*nis)) != region)) continue;
    municipality_of[area.code] = &area;
  }

  const std::string base_indicator = right.take_up_base.empty() ? "pop_total" : right.take_up_base;
  std::vector<std::string> wanted = {right.take_up_indicator, base_indicator};
  wanted.insert(wanted.end(), right.need_indicators.begin(), right.need_indicators.end());
  auto observations = atlas.store.Observations({.indicators = wanted, .areas = {}, .periods = {}});
  if (!observations) return web::ErrorPage(site, request, language, observations.error());
  Figures figures;
  bool demo = false;
  for (atlas::Observation& observation : *observations) {
    if (!municipality_of.contains(observation.area_code)) continue;
    demo = demo || observation.demo;
    figures[observation.indicator_id][observation.area_code][observation.period] = std::move(observation);
  }
  // The latest period with take-up figures for a member of the zone.
  std::set<std::string> member_codes;
  for (const geo::ZoneMember& member : zone->members) member_codes.insert(member.area_code);
  std::string period;
  for (const auto& [code, periods] : figures[right.take_up_indicator]) {
    if (member_codes.contains(code) && !periods.empty()) period = std::max(period, periods.rbegin()->first);
  }
  // Take-up as a percentage of its target group, whatever the atlas's unit (the leefloon is
  // counted per 1,000 inhabitants).
  const atlas::Indicator* take_up = atlas.catalog.Find(right.take_up_indicator);
  const double to_percent = take_up != nullptr && take_up->unit == "per_1000" ? 0.1 : 1.0;
  auto share_of = [&](const std::string& code) -> std::optional<double> {
    const auto value = ValueOf(figures, right.take_up_indicator, code, period);
    return value ? std::optional<double>(*value * to_percent) : std::nullopt;
  };
  // Every municipality with all figures of that period takes part in the fit.
  std::vector<rights::AreaTakeUp> areas;
  for (const auto& [code, area] : municipality_of) {
    const auto share = share_of(code);
    if (!share) continue;
    rights::AreaTakeUp entry{code, *share, {}};
    for (const std::string& indicator : right.need_indicators) {
      if (const auto value = ValueOf(figures, indicator, code, period)) entry.predictors.push_back(*value);
    }
    if (entry.predictors.size() == right.need_indicators.size()) areas.push_back(std::move(entry));
  }
  const auto fit = rights::FitTakeUp(areas);

  // `base` is who the share is of: the take-up's denominator when the figures carry it
  // (inhabitants, pupils…), else the right's base count, else the inhabitants.
  struct Row {
    const geo::Area* area;
    std::optional<double> base, share, expected;
  };
  std::vector<Row> rows;
  for (const std::string& code : member_codes) {
    const auto area = municipality_of.find(code);
    if (area == municipality_of.end()) continue;
    Row row{area->second, std::nullopt, share_of(code), std::nullopt};
    if (const auto observed = figures[right.take_up_indicator][code].find(period);
        observed != figures[right.take_up_indicator][code].end()) {
      row.base = observed->second.denominator;
    }
    if (!row.base) row.base = ValueOf(figures, base_indicator, code, period);
    if (!row.base && right.take_up_base.empty() && area->second->population) {
      row.base = static_cast<double>(*area->second->population);
    }
    const auto entry = std::ranges::find_if(areas, [&](const rights::AreaTakeUp& a) { return a.code == code; });
    if (fit && entry != areas.end()) row.expected = rights::ExpectedShare(*fit, entry->predictors);
    rows.push_back(row);
  }
  auto gap_people = [](const Row& row) -> std::optional<double> {
    if (!row.expected || !row.share || !row.base) return std::nullopt;
    return (*row.expected - *row.share) / 100 * *row.base;
  };
  std::ranges::sort(rows, [&](const Row& a, const Row& b) {
    return gap_people(a).value_or(-INFINITY) > gap_people(b).value_or(-INFINITY);
  });

  const std::string right_href = web::Href(language, "/rights/" + right.id);
  json::array table;
  std::vector<formats::MapShape> shapes;
  double most = 0;
  for (const Row& row : rows) most = std::max(most, gap_people(row).value_or(0) / row.base.value_or(1) * 100);
  double zone_gap = 0;
  for (const Row& row : rows) {
    const std::string name = row.area->names.In(language);
    const auto gap = gap_people(row);
    if (gap && *gap > 0) zone_gap += *gap;
    auto percent = [&](std::optional<double> value) {
      return value ? view::FormatNumber(*value, 1, language) + " %" : std::string("–");
    };
    table.push_back(json::object{
        {"name", name},
        {"href", web::Href(language, "/areas/" + row.area->code + "/atlas")},
        {"base", row.base ? view::FormatNumber(*row.base, 0, language) : "–"},
        {"share", percent(row.share)},
        {"expected", percent(row.expected)},
        {"gap", !gap       ? "–"
                : *gap < 0 ? ""
                           : view::FormatNumber(*gap, 0, language)},
        {"above", gap && *gap < 0},
    });
    if (auto shape = geo::MapShapeOf(atlas.geography, *row.area, language,
                                     web::Href(language, "/areas/" + row.area->code + "/atlas"))) {
      if (gap && row.base) {
        const double gap_share = std::max(0.0, *gap / *row.base * 100);
        shape->shade = atlas::ShadeOf(gap_share, 0, most > 0 ? most : 1);
        shape->spoken = name + ": " + view::FormatNumber(std::max(0.0, *gap), 0, language) + " " +
                        Text(site, language, "radar_people_gap");
      }
      shapes.push_back(std::move(*shape));
    }
  }
  json::array choices;
  for (const rights::Right* each : measured) {
    choices.push_back(json::object{{"id", each->id}, {"name", each->name.In(language)}, {"selected", each == &right}});
  }
  const std::string zone_name = zone->names.In(language);
  const std::string title = site.renderer.catalog().Format(language, "radar_title",
                                                           {{"right", right.name.In(language)}, {"zone", zone_name}});
  json::object model{
      {"title", title},
      {"zone_name", zone_name},
      {"zone_href", web::Href(language, "/zones/" + zone->id)},
      {"action", web::Href(language, "/zones/" + zone->id + "/rights-radar")},
      {"rights", std::move(choices)},
      {"right_name", right.name.In(language)},
      {"right_href", right_href},
      {"period", period},
      {"rows", std::move(table)},
      {"demo", demo},
      {"has_fit", fit.has_value()},
      {"zone_gap", view::FormatNumber(zone_gap, 0, language)},
  };
  std::vector<std::string> need_names;
  for (const std::string& id : right.need_indicators) {
    const atlas::Indicator* indicator = atlas.catalog.Find(id);
    need_names.push_back(indicator ? indicator->names.In(language) : id);
  }
  std::string needs;
  for (const std::string& name : need_names) needs += (needs.empty() ? "" : ", ") + name;
  model["method"] = site.renderer.catalog().Format(language, "radar_method", {{"indicators", needs}});
  if (fit) {
    model["fit"] =
        site.renderer.catalog().Format(language, "radar_fit",
                                       {{"areas", view::FormatInteger(static_cast<long long>(fit->areas), language)},
                                        {"r2", view::FormatNumber(fit->r_squared, 2, language)}});
    model["map"] = formats::RenderSvgMap(shapes, {.id = "radar-map",
                                                  .title = title,
                                                  .description = Text(site, language, "radar_map_description"),
                                                  .width = 560});
  }
  return web::Page(site, request, language, "zone_rights_radar", title, std::move(model));
}

}  // namespace

void AddRadarRoutes(http::Router& router, const web::Site& site, const atlas::Services& atlas,
                    rights::CurrentCatalog& rights) {
  router.Get("/{lang}/zones/{zone_id}/rights-radar",
             web::ForLanguage(site,
                              [&site, &atlas, &rights](const http::Request& request, Language language) {
                                return RadarPage(site, atlas, *rights.Get(), request, language);
                              }),
             {.name = "zone_rights_radar", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::app
