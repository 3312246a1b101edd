#include "atlas/map_classes.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "atlas/compare.hpp"
#include "geo/model.hpp"

namespace zoneatlas::atlas {

std::optional<MapClasses> RegionalQuintiles(std::vector<double> values) {
  std::erase_if(values, [](double value) { return !std::isfinite(value); });
  if (values.size() < kMinForQuintiles) return std::nullopt;
  std::sort(values.begin(), values.end());
  MapClasses classes;
  classes.regional = true;
  classes.bounds[0] = values.front();
  classes.bounds[5] = values.back();
  for (int q = 1; q < 5; ++q) {
    // Nearest rank: the smallest value with at least q fifths of the values at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()) / 5));
    classes.bounds[q] = values[std::max<std::size_t>(rank, 1) - 1];
  }
  return classes;
}

MapClasses EqualSlices(double low, double high) {
  MapClasses classes;
  for (int i = 0; i <= 5; ++i) classes.bounds[i] = low + (high - low) * i / 5;
  return classes;
}

int ClassOf(const MapClasses& classes, double value) {
  for (int i = 1; i < 5; ++i) {
    if (value <= classes.bounds[i]) return i;
  }
  return 5;
}

Result<std::vector<RegionFigure>> RegionFigures(const Services& services, const ZoneData& zone,
                                                const Indicator& indicator, const std::string& period) {
  std::vector<RegionFigure> shown;
  if (!zone.region) return shown;
  const auto region = geo::RegionOfCode(zone.region->code);
  if (!region) return shown;
  auto municipalities = services.geography.Areas({.kind = geo::AreaKind::kMunicipality}, Date::Today());
  if (!municipalities) return Fail(municipalities.error());
  std::erase_if(*municipalities, [&](const geo::Area& area) { return geo::RegionOfCode(area.code) != region; });
  std::vector<std::string> codes;
  for (const geo::Area& area : *municipalities) codes.push_back(area.code);
  auto figures = services.ranking.FiguresOf(services.catalog, services.store, services.geography, indicator, period,
                                            codes);
  if (!figures) return Fail(figures.error());
  std::unordered_map<std::string, geo::Area*> by_code;
  for (geo::Area& area : *municipalities) by_code.emplace(area.code, &area);
  for (Observation& figure : *figures) {
    if (!FigureOf(indicator, &figure).Shown()) continue;
    shown.push_back({*by_code.at(figure.area_code), std::move(figure)});
  }
  return shown;
}

}  // namespace zoneatlas::atlas
