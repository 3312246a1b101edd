// atlas/needs.hpp: a needs index for proportional universalism, and the budget it shares.
//
// Each chosen indicator is standardised across the areas compared (z = (x − mean) / sd)
// and turned so that a higher score always means more need: as is when higher is worse
// (or neutral), negated when higher is better. The index is the weighted mean of an
// area's scores over the indicators it has a figure for. A budget is then shared as a
// universal base per inhabitant plus a part proportional to inhabitants × need, where
// need is the index above the lowest area's (so the least needy area gets the base only).
//
// Thread safety: pure functions over value types.
#ifndef ZONEATLAS_ATLAS_NEEDS_HPP_
#define ZONEATLAS_ATLAS_NEEDS_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "atlas/catalog.hpp"

namespace zoneatlas::atlas {

struct NeedsComponent {
  std::string indicator;
  double weight = 1;
};

// The default choice: income-related deprivation first, then health, education, family.
std::vector<NeedsComponent> DefaultNeedsComponents();

struct NeedsArea {
  std::string code;
  double population = 0;
  std::map<std::string, double> values;  // Indicator → the figure used (missing: no figure).
};

struct NeedsScore {
  std::string code;
  std::optional<double> index;                 // Nothing when the area has none of the figures.
  std::map<std::string, double> scores;        // Indicator → need-oriented z-score.
  int rank = 0;                                // 1 = highest need; 0 without an index.
  double base = 0, need_share = 0;             // The budget's parts for this area.
  double Allocation() const { return base + need_share; }
};

struct NeedsResult {
  std::vector<NeedsScore> areas;                // Highest need first; areas without an index last.
  std::vector<std::string> constant_indicators;  // Same figure everywhere: they cannot tell areas apart.
};

// `universal_share` in [0, 1] is the part of `budget` shared by inhabitants alone.
NeedsResult ComputeNeedsIndex(const Catalog& catalog, const std::vector<NeedsComponent>& components,
                              const std::vector<NeedsArea>& areas, double budget, double universal_share);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_NEEDS_HPP_
