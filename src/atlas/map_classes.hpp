// atlas/map_classes.hpp: what a choropleth's five shades mean. Fixed on the region's
// distribution — the quintiles of all its municipalities' figures in the same period — so
// that a shade means the same in every zone of the region; a zone's own spread decides
// only when the region has too few municipalities with a figure.
//
// Thread safety: pure functions; RegionFigures reads the stores only.
#ifndef ZONEATLAS_ATLAS_MAP_CLASSES_HPP_
#define ZONEATLAS_ATLAS_MAP_CLASSES_HPP_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/observations.hpp"
#include "atlas/routes.hpp"
#include "atlas/zone_data.hpp"
#include "core/error.hpp"
#include "geo/model.hpp"

namespace zoneatlas::atlas {

// The region's figures are used from this many municipalities on.
inline constexpr std::size_t kMinForQuintiles = 10;

struct MapClasses {
  // Five classes from low to high: class i holds values from bounds[i] up to bounds[i + 1]
  // (the last one inclusive).
  std::array<double, 6> bounds{};
  bool regional = false;  // The region's quintiles; else five equal slices of the zone's range.
};

// The quintiles of `values` (the region's municipalities; nearest-rank, so each bound is a
// figure of the region); nothing for fewer than kMinForQuintiles.
std::optional<MapClasses> RegionalQuintiles(std::vector<double> values);
// Five equal slices from `low` to `high`.
MapClasses EqualSlices(double low, double high);
// The class of `value`, 1 (lowest) to 5.
int ClassOf(const MapClasses& classes, double value);

// A municipality of the region with its figure.
struct RegionFigure {
  geo::Area area;
  Observation figure;
};
// The shown figures of every municipality of the zone's region for `indicator` in
// `period`, published or added up from sectors, hidden ones (and those hidden to protect
// them) left out. An indicator page reads them once, for its map classes and its funnel.
Result<std::vector<RegionFigure>> RegionFigures(const Services& services, const ZoneData& zone,
                                                const Indicator& indicator, const std::string& period);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_MAP_CLASSES_HPP_
