// atlas/sectors.hpp: an indicator below the municipality — the statistical sectors of a
// zone's municipalities, drawn as a second choropleth on the indicator page with their
// figures as a table beside it, where sectors have figures and boundaries.
//
// Within a municipality, needs differ street by street; proportional universalism asks
// where. Sectors are found through their parent municipality; the figures come from
// the ranking kept in memory, so suppressed figures are left out as everywhere else.
//
// Thread safety: reads the stores only.
#ifndef ZONEATLAS_ATLAS_SECTORS_HPP_
#define ZONEATLAS_ATLAS_SECTORS_HPP_

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "atlas/catalog.hpp"
#include "atlas/presentation.hpp"
#include "atlas/routes.hpp"
#include "atlas/zone_data.hpp"
#include "core/error.hpp"

namespace zoneatlas::atlas {

// The page model for the sectors of `zone`'s members in `period`: "sector_map" (SVG),
// "sector_legend", "sector_rows" and "sector_count"; nothing when no sector of the zone
// has a figure for the indicator in that period.
Result<std::optional<boost::json::object>> SectorsModel(const Services& services, const ZoneData& zone,
                                                        const Indicator& indicator, const std::string& period,
                                                        const Presentation& words);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_SECTORS_HPP_
