// atlas/zone_data.hpp: a zone with its members, its region and their observations, as
// the atlas's pages and exports read them.
//
// Thread safety: a value type; LoadZone reads the stores only.
#ifndef ZONEATLAS_ATLAS_ZONE_DATA_HPP_
#define ZONEATLAS_ATLAS_ZONE_DATA_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "atlas/compare.hpp"
#include "atlas/observations.hpp"
#include "atlas/roll_up.hpp"
#include "atlas/routes.hpp"
#include "core/language.hpp"
#include "geo/model.hpp"

namespace zoneatlas::atlas {

struct ZoneData {
  geo::Zone zone;
  std::vector<geo::Area> members;  // Sorted by name in the language asked for.
  std::optional<geo::Area> region;
  std::vector<geo::Area> levels;                         // Shared by all members below the region, nearest first.
  std::vector<Observation> observations;                 // Of the members and the region.
  std::vector<std::string> member_codes;                 // In the order of `members`.
  Predecessors predecessors;                             // Of members formed by mergers (and of those, in turn).
  std::map<std::string, std::string> predecessor_names;  // Code → name, for the notes.
  // Members' published figures that differ notably from the sum of their parts'.
  std::vector<RollUpDifference> roll_up_differences;

  std::string RegionCode() const { return region ? region->code : ""; }
  // The members, levels, region and mergers, for Compare.
  ComparisonScope Scope() const;
};

// The zone as it is today; `indicators` empty loads every indicator's observations.
Result<ZoneData> LoadZone(const Services& services, const std::string& zone_id, Language language,
                          const std::vector<std::string>& indicators);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_ZONE_DATA_HPP_
