#include "atlas/sectors.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <unordered_map>

#include "geo/maps.hpp"
#include "platform/formats/svg_map.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;

Result<std::optional<json::object>> SectorsModel(const Services& services, const ZoneData& zone,
                                                 const Indicator& indicator, const std::string& period,
                                                 const Presentation& words) {
  const Language language = words.language();
  const Date today = Date::Today();
  struct Sector {
    geo::Area area;
    std::string municipality;
  };
  std::vector<Sector> sectors;
  for (const geo::Area& member : zone.members) {
    auto found = services.geography.Areas(
        {.kind = geo::AreaKind::kStatisticalSector, .parent_code = member.code, .any_time = false}, today);
    if (!found) return Fail(found.error());
    for (geo::Area& sector : *found) sectors.push_back({std::move(sector), member.names.In(language)});
  }
  if (sectors.empty()) return std::optional<json::object>();
  auto ranking = services.ranking.Rank(services.catalog, services.store, services.geography, indicator, period);
  if (!ranking) return Fail(ranking.error());
  std::unordered_map<std::string, const RankedArea*> figures;
  for (const RankedArea& ranked : ranking->areas) figures.emplace(ranked.area_code, &ranked);
  double low = INFINITY, high = -INFINITY;
  bool any = false, demo = false;
  for (const Sector& sector : sectors) {
    const auto it = figures.find(sector.area.code);
    if (it == figures.end()) continue;
    any = true;
    demo = demo || it->second->demo;
    low = std::min(low, *it->second->value.value);
    high = std::max(high, *it->second->value.value);
  }
  if (!any) return std::optional<json::object>();

  const auto& texts = words.texts();
  std::vector<formats::MapShape> shapes;
  json::array rows;
  int shown = 0;
  for (const Sector& sector : sectors) {
    const auto it = figures.find(sector.area.code);
    const bool has_value = it != figures.end();
    const double value = has_value ? it->second->value.value.value_or(0) : 0;
    const std::string name = sector.area.names.In(language);
    const std::string cell = has_value ? words.Number(indicator, value) : "–";
    shown += has_value ? 1 : 0;
    rows.push_back(json::object{
        {"name", name}, {"code", sector.area.code}, {"municipality", sector.municipality}, {"value", cell}});
    // Only a sector's own boundary: its municipality's would cover its neighbours.
    if (!sector.area.has_boundary()) continue;
    auto shape = geo::MapShapeOf(services.geography, sector.area, language, "");
    if (!shape) continue;
    shape->label = "";
    shape->shade = has_value ? ShadeOf(value, low, high) : 0;
    shape->spoken = name + " (" + sector.municipality + "): " + (has_value ? words.WithUnit(indicator, value) : cell);
    shapes.push_back(std::move(*shape));
  }
  json::array legend;
  for (int shade = 1; shade <= 5; ++shade) {
    const double from = low + (high - low) * (shade - 1) / 5, to = low + (high - low) * shade / 5;
    legend.push_back(json::object{{"shade", "legend__swatch--q" + std::to_string(shade)},
                                  {"range", words.Number(indicator, from) + " – " + words.Number(indicator, to)}});
  }
  const std::string indicator_name = indicator.names.In(language);
  return json::object{
      {"sector_map", shapes.empty()
                         ? std::string()
                         : formats::RenderSvgMap(
                               shapes, {.id = "sectors",
                                        .title = texts.Format(language, "atlas_sector_map_title",
                                                              {{"indicator", indicator_name}, {"period", period}}),
                                        .description = std::string(texts.Get(language, "atlas_sector_map_description")),
                                        .width = 640})},
      {"sector_legend", std::move(legend)},
      {"sector_rows", std::move(rows)},
      {"sector_count", view::FormatInteger(static_cast<long long>(sectors.size()), language)},
      {"sector_shown", view::FormatInteger(shown, language)},
      {"sector_demo", demo},
  };
}

}  // namespace zoneatlas::atlas
