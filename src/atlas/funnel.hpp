// atlas/funnel.hpp: a funnel plot — every municipality of the region by its size (the
// indicator's denominator) against the region's figure, with the limits within which
// 95 % and 99.8 % of municipalities of that size would fall by chance alone
// (Spiegelhalter, "Funnel plots for comparing institutional performance", 2005).
//
// A small municipality's figure swings widely by chance; the funnel narrows as the
// denominator grows, so a point outside it stands out for a reason, whatever its size.
// The limits are exact: quantiles of the binomial distribution for shares of people, of
// the Poisson distribution for rates of events, rounded outwards.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_ATLAS_FUNNEL_HPP_
#define ZONEATLAS_ATLAS_FUNNEL_HPP_

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/map_classes.hpp"
#include "atlas/presentation.hpp"
#include "atlas/zone_data.hpp"

namespace zoneatlas::atlas {

// Where a figure lies against the funnel at its denominator.
enum class FunnelZone { kBelow998, kBelow95, kWithin, kAbove95, kAbove998 };

// The limits at `denominator`, in the indicator's unit.
struct FunnelLimits {
  double low998 = 0, low95 = 0, high95 = 0, high998 = 0;
};

// The limits around `target` (a share from 0 to 1, or events per person: the figure
// divided by the indicator's scale) for a denominator; nothing when the indicator has no
// interval method, the target is out of range or the denominator is not above zero.
std::optional<FunnelLimits> FunnelLimitsAt(const Indicator& indicator, double target, double denominator);

// REQUIRES: FunnelLimitsAt(indicator, target, denominator) has a value.
FunnelZone FunnelZoneOf(const Indicator& indicator, double target, double numerator, double denominator);

// The page model for `indicator`'s funnel in `period` over `region` (RegionFigures):
// "funnel_chart" (SVG), "funnel_rows" (every municipality of the region with its figure and
// place), "funnel_table", "funnel_summary" and "funnel_method"; nothing when the indicator
// has no interval method, the region has no figure or fewer than three municipalities have
// their numerator and denominator.
std::optional<boost::json::object> FunnelModel(const ZoneData& zone, const std::vector<RegionFigure>& region,
                                               const Indicator& indicator, const std::string& period,
                                               const Presentation& words);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_FUNNEL_HPP_
