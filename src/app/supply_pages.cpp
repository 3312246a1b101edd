#include "app/supply_pages.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <set>

#include "atlas/compare.hpp"
#include "atlas/presentation.hpp"
#include "atlas/zone_data.hpp"
#include "geo/maps.hpp"
#include "platform/formats/svg_map.hpp"
#include "platform/view/view.hpp"
#include "web/access.hpp"

namespace zoneatlas::app {
namespace json = boost::json;
namespace {

constexpr double kPer = 1000;  // Services per 1,000 inhabitants.

std::string Text(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

// ▲/▼ with its words when `value` stands markedly apart from the zone's.
void Mark(json::object& cell, const atlas::Presentation& words, const atlas::Indicator* indicator, double value,
          double zone) {
  const atlas::Standing standing = atlas::StandingOf(value, zone);
  if (standing == atlas::Standing::kSimilar) return;
  const atlas::Judgement judgement =
      indicator != nullptr ? atlas::JudgementOf(*indicator, standing) : atlas::Judgement::kNeutral;
  cell["marker"] = standing == atlas::Standing::kAbove ? "▲" : "▼";
  cell["marker_text"] = words.MarkerText(standing, judgement);
  cell["marker_class"] = judgement == atlas::Judgement::kFavourable     ? "marker--favourable"
                         : judgement == atlas::Judgement::kUnfavourable ? "marker--unfavourable"
                                                                        : "marker--neutral";
}

json::array Choices(const std::vector<socialmap::Term>& terms, const std::string& chosen, Language language) {
  json::array list;
  for (const socialmap::Term& term : terms) {
    list.push_back(json::object{{"id", term.id}, {"name", term.name.Best(language)}, {"selected", term.id == chosen}});
  }
  return list;
}

http::Response SupplyPage(const web::Site& site, const atlas::Services& atlas, socialmap::Services& socialmap,
                          const http::Request& request, Language language) {
  const auto& themes = socialmap.taxonomy.themes();
  const std::string theme_id = request.Query("theme").value_or(themes.front().id);
  const socialmap::Term* theme = socialmap.taxonomy.FindTheme(theme_id);
  if (theme == nullptr) return web::ErrorPage(site, request, language, Error::NotFound("no such theme"));
  const std::string group_id = request.Query("group").value_or("");
  const socialmap::Term* group = group_id.empty() ? nullptr : socialmap.taxonomy.FindTargetGroup(group_id);
  if (!group_id.empty() && group == nullptr) {
    return web::ErrorPage(site, request, language, Error::NotFound("no such target group"));
  }
  std::vector<const atlas::Indicator*> needs;
  std::vector<std::string> wanted = {"pop_total"};
  for (const std::string& id : theme->need_indicators) {
    if (const atlas::Indicator* indicator = atlas.catalog.Find(id)) {
      needs.push_back(indicator);
      wanted.push_back(id);
    }
  }
  auto data = atlas::LoadZone(atlas, std::string(request.PathParam("zone_id")), language, wanted);
  if (!data) return web::ErrorPage(site, request, language, data.error());
  auto served = socialmap.store.ServicesPerArea(theme->id, group_id);
  if (!served) return web::ErrorPage(site, request, language, served.error());

  const atlas::Presentation words(atlas.catalog, site.renderer.catalog(), language);
  const atlas::ObservationIndex index(data->observations);
  const atlas::ComparisonScope scope = data->Scope();
  // Inhabitants: the atlas's latest population, else the geography's.
  const atlas::Comparison people = atlas::Compare(*atlas.catalog.Find("pop_total"), index, scope);
  const std::string people_period = people.Latest();
  std::map<std::string, double> population;
  double zone_population = 0;
  bool population_complete = true;
  for (const geo::Area& area : data->members) {
    std::optional<double> inhabitants;
    if (!people_period.empty()) inhabitants = people.members.at(area.code).at(people_period).Shown();
    if (!inhabitants && area.population) inhabitants = static_cast<double>(*area.population);
    if (inhabitants && *inhabitants > 0) {
      population[area.code] = *inhabitants;
      zone_population += *inhabitants;
    } else {
      population_complete = false;
    }
  }
  std::set<std::string> zone_services;
  for (const std::string& code : data->member_codes) {
    if (const auto it = served->find(code); it != served->end())
      zone_services.insert(it->second.begin(), it->second.end());
  }
  // The zone's rate is its municipalities' rate averaged by inhabitants (a service that
  // serves three municipalities counts in each, as it does for them), so that each
  // municipality compares with it; none when a member's population is unknown.
  std::size_t links = 0;
  for (const std::string& code : data->member_codes) {
    if (const auto it = served->find(code); it != served->end()) links += it->second.size();
  }
  const bool has_zone_rate = zone_population > 0 && population_complete;
  const double zone_rate = has_zone_rate ? kPer * static_cast<double>(links) / zone_population : 0;

  std::vector<atlas::Comparison> comparisons;
  json::array need_headers;
  for (const atlas::Indicator* indicator : needs) {
    comparisons.push_back(atlas::Compare(*indicator, index, scope));
    need_headers.push_back(json::object{
        {"name", indicator->names.In(language)},
        {"period", comparisons.back().Latest()},
        {"href", web::Href(language, "/zones/" + data->zone.id + "/atlas/" + indicator->id)},
    });
  }

  std::map<std::string, double> rates;
  double low = INFINITY, high = -INFINITY;
  for (const auto& [code, inhabitants] : population) {
    const auto it = served->find(code);
    const double rate = kPer * static_cast<double>(it == served->end() ? 0 : it->second.size()) / inhabitants;
    rates[code] = rate;
    low = std::min(low, rate);
    high = std::max(high, rate);
  }
  const std::string search =
      web::Href(language, "/social-map") + "?theme=" + theme->id + (group_id.empty() ? "" : "&group=" + group_id);
  json::array rows;
  std::vector<formats::MapShape> shapes;
  bool any_demo = false;
  for (const geo::Area& area : data->members) {
    const auto it = served->find(area.code);
    const std::size_t count = it == served->end() ? 0 : it->second.size();
    const std::string name = area.names.In(language);
    json::object rate_cell{
        {"value", rates.contains(area.code) ? view::FormatNumber(rates.at(area.code), 2, language) : "–"}};
    if (rates.contains(area.code) && has_zone_rate) Mark(rate_cell, words, nullptr, rates.at(area.code), zone_rate);
    json::array need_cells;
    for (const atlas::Comparison& comparison : comparisons) {
      const std::string period = comparison.Latest();
      const atlas::Figure figure = period.empty() ? atlas::Figure{} : comparison.members.at(area.code).at(period);
      any_demo = any_demo || figure.demo;
      json::object cell{{"value", words.Cell(*comparison.indicator, figure)}};
      const auto zone = comparison.zone.find(period);
      if (figure.Shown() && zone != comparison.zone.end() && zone->second.Shown() &&
          !atlas::IsCount(*comparison.indicator)) {
        Mark(cell, words, comparison.indicator, *figure.Shown(), *zone->second.Shown());
      }
      need_cells.push_back(std::move(cell));
    }
    rows.push_back(json::object{
        {"name", name},
        {"href", web::Href(language, "/areas/" + area.code + "/atlas")},
        {"services", view::FormatInteger(static_cast<long long>(count), language)},
        {"services_href", search + "&area=" + area.code},
        {"inhabitants",
         population.contains(area.code) ? view::FormatNumber(population.at(area.code), 0, language) : "–"},
        {"rate", std::move(rate_cell)},
        {"needs", std::move(need_cells)},
    });
    if (auto shape = geo::MapShapeOf(atlas.geography, area, language, search + "&area=" + area.code)) {
      if (rates.contains(area.code)) {
        shape->shade = atlas::ShadeOf(rates.at(area.code), low, high);
        shape->spoken = name + ": " + view::FormatNumber(rates.at(area.code), 2, language) + " " +
                        Text(site, language, "supply_per_1000");
      }
      shapes.push_back(std::move(*shape));
    }
  }
  json::array zone_needs;
  for (const atlas::Comparison& comparison : comparisons) {
    const auto zone = comparison.zone.find(comparison.Latest());
    zone_needs.push_back(
        json::object{{"value", zone == comparison.zone.end() ? "–" : words.Cell(*comparison.indicator, zone->second)}});
  }
  const std::string zone_name = data->zone.names.In(language);
  const std::string theme_name = theme->name.Best(language);
  const std::string title =
      site.renderer.catalog().Format(language, "supply_title", {{"theme", theme_name}, {"zone", zone_name}});
  json::array legend;
  if (low < high) {
    for (int shade = 1; shade <= 5; ++shade) {
      const double from = low + (high - low) * (shade - 1) / 5, to = low + (high - low) * shade / 5;
      legend.push_back(
          json::object{{"shade", "legend__swatch--q" + std::to_string(shade)},
                       {"range", view::FormatNumber(from, 2, language) + " – " + view::FormatNumber(to, 2, language)}});
    }
  }
  const std::string map = formats::RenderSvgMap(
      shapes, {.id = "supply-map",
               .title = site.renderer.catalog().Format(language, "supply_map_title", {{"theme", theme_name}}),
               .description = Text(site, language, "supply_map_description"),
               .width = 560});
  json::object model{
      {"title", title},
      {"zone_name", zone_name},
      {"zone_href", web::Href(language, "/zones/" + data->zone.id)},
      {"action", web::Href(language, "/zones/" + data->zone.id + "/supply")},
      {"themes", Choices(themes, theme->id, language)},
      {"groups", Choices(socialmap.taxonomy.target_groups(), group_id, language)},
      {"group_name", group != nullptr ? group->name.Best(language) : ""},
      {"rows", std::move(rows)},
      {"need_headers", std::move(need_headers)},
      {"has_needs", !needs.empty()},
      {"zone_services", view::FormatInteger(static_cast<long long>(zone_services.size()), language)},
      {"zone_services_href", search},
      {"zone_inhabitants", population_complete ? view::FormatNumber(zone_population, 0, language) : "–"},
      {"zone_rate", has_zone_rate ? view::FormatNumber(zone_rate, 2, language) : "–"},
      {"zone_needs", std::move(zone_needs)},
      {"map", map},
      {"has_map", !map.empty()},
      {"legend", std::move(legend)},
      {"people_period", people_period},
      {"has_demo", any_demo},
  };
  return web::Page(site, request, language, "zone_supply", title, std::move(model));
}

}  // namespace

void AddSupplyRoutes(http::Router& router, const web::Site& site, const atlas::Services& atlas,
                     socialmap::Services& socialmap) {
  router.Get("/{lang}/zones/{zone_id}/supply",
             web::ForLanguage(site,
                              [&site, &atlas, &socialmap](const http::Request& request, Language language) {
                                return SupplyPage(site, atlas, socialmap, request, language);
                              }),
             {.name = "zone_supply", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::app
