// atlas/ranking.hpp: one indicator and period across every zone and every area at once —
// the zones' figures aggregated by the indicator's rule, and the areas ranked — answered
// from memory.
//
// The figures of an indicator-period and the zones' compositions are kept in memory
// while the atlas's and the geography's change counters stay the same (one single-row
// read each per call), so that comparing all 60 zones or ranking 20,000 statistical
// sectors reads no observations from the database after the first time.
//
// Thread safety: Ranking may be called from many threads.
#ifndef ZONEATLAS_ATLAS_RANKING_HPP_
#define ZONEATLAS_ATLAS_RANKING_HPP_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/model.hpp"
#include "atlas/observations.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"

namespace zoneatlas::atlas {

struct RankedArea {
  std::string area_code;
  Value value;  // Suppressed values are not ranked.
  bool demo = false;
  int rank = 0;  // 1 = the highest value.
};

struct ZoneFigure {
  std::string zone_id;
  Value value;
  bool demo = false;
};

struct RankingResult {
  std::vector<ZoneFigure> zones;   // In the order of the zones (kind, name).
  std::vector<RankedArea> areas;   // Highest value first; none hidden to protect another.
  // Areas whose figure is hidden, though not small, so that a hidden one cannot be
  // subtracted out of their total (ProtectHidden): every other answer hides them too.
  std::vector<std::string> protective;
};

class RankingCache {
 public:
  // The zones valid today and all areas with a figure for `indicator` in `period`. A
  // member without a figure of its own has its parts' added up (atlas/roll_up.hpp).
  Result<RankingResult> Rank(const Catalog& catalog, const Store& store, const geo::Store& geography,
                             const Indicator& indicator, const std::string& period);

  // RankingResult::protective alone, sorted.
  Result<std::vector<std::string>> Protective(const Catalog& catalog, const Store& store, const geo::Store& geography,
                                              const Indicator& indicator, const std::string& period);

  // The figures of `codes` for `indicator` in `period`: each area's own, or else its parts'
  // added up, level by level (a region from its provinces, down to the sectors), with
  // Observation::parts set. Areas with neither, or hidden to protect another, are left out.
  Result<std::vector<Observation>> FiguresOf(const Catalog& catalog, const Store& store, const geo::Store& geography,
                                             const Indicator& indicator, const std::string& period,
                                             const std::vector<std::string>& codes);

 private:
  struct Slice {
    std::string period;
    std::unordered_map<std::string, Observation> by_area;
    std::vector<RankedArea> ranked;
  };
  Result<std::shared_ptr<const Slice>> SliceOf(const Store& store, const Indicator& indicator, const std::string& period,
                                               std::int64_t generation);
  // The zones, and what every area is made of (geo::Store::AllParts).
  struct Geography {
    std::vector<geo::Zone> zones;
    std::map<std::string, std::vector<std::string>> parts_of;
  };
  class Summer;
  // Which areas and zones are hidden to protect another, for one indicator and period.
  struct Protection {
    std::unordered_set<std::string> areas;
    std::unordered_set<std::string> zones;
  };
  static Protection ProtectionOf(const Indicator& indicator, const Geography& geography, Summer& summer,
                                 const std::vector<ZoneFigure>& zones);
  Result<std::shared_ptr<const Geography>> ZonesOf(const geo::Store& geography, std::int64_t generation);

  // Rank, kept while both generations stay the same.
  Result<std::shared_ptr<const RankingResult>> Ranked(const Catalog& catalog, const Store& store,
                                                      const geo::Store& geography, const Indicator& indicator,
                                                      const std::string& period);
  struct KeptRanking {
    std::int64_t atlas_generation, geo_generation;
    std::shared_ptr<const RankingResult> ranking;
  };
  std::unordered_map<std::string, KeptRanking> rankings_;  // "indicator|period"; guarded by mutex_.

  std::mutex mutex_;
  struct KeptSlice {
    std::int64_t generation;
    std::shared_ptr<const Slice> slice;
  };
  std::unordered_map<std::string, KeptSlice> slices_;  // "indicator|period"; guarded by mutex_.
  std::int64_t zones_generation_ = -1;                 // Guarded by mutex_.
  std::shared_ptr<const Geography> zones_;  // Guarded by mutex_.
};

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_RANKING_HPP_
