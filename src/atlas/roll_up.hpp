// atlas/roll_up.hpp: the figures of an area made of parts — a Brussels district or a part
// of Brussels-City made of statistical sectors (geo::Composition), a municipality made of
// its sectors — added up from its parts' figures.
//
// Counts add up; a ratio of sums adds numerators and denominators. Medians, scores and
// published rates cannot be added up: such an area has no figure ("not combinable"). A
// sum that misses a part would be too low, so an area gets a figure only when every part
// has one. Where an area has a published figure of its own, that one stands; the sum
// beside it is a check, and a difference over kNotableDifference is reported.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_ATLAS_ROLL_UP_HPP_
#define ZONEATLAS_ATLAS_ROLL_UP_HPP_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/observations.hpp"

namespace zoneatlas::atlas {

// Half a percent: Statbel's sectors leave people "not to be located in a sector"
// (ZZZZ, about 0.1–0.7 % of a Brussels municipality), so smaller gaps are expected.
inline constexpr double kNotableDifference = 0.005;

// True when `indicator`'s figures can be added up from parts: counts and ratios of sums.
bool CanRollUp(const Indicator& indicator);

// The sum of `parts`' figures for `indicator` (`figure_of(code)` gives a part's figure,
// nullptr for none), with `demo` set when any was a demonstration value; nothing when a
// part has no figure or the indicator's figures cannot be added up.
std::optional<Value> SumOfParts(const Indicator& indicator, const std::vector<std::string>& parts,
                                const std::function<const Observation*(const std::string&)>& figure_of, bool& demo);

// The figure `area` gets from `sum`, the sum of its `parts` parts (SumOfParts).
Observation SummedFigure(const std::string& indicator_id, const std::string& area, const std::string& period,
                         const Value& sum, bool demo, int parts);

// A published figure and the sum of the parts beside it, when they differ notably.
struct RollUpDifference {
  std::string indicator_id;
  std::string area_code;
  std::string period;
  double published = 0;
  double sum = 0;
  int parts = 0;
};

struct RolledUp {
  // For the areas without a figure of their own: Observation::parts is the number added up.
  std::vector<Observation> figures;
  std::vector<RollUpDifference> differences;
};

// For each area of `parts_of` (area → its parts), each indicator and period: the sum of
// its parts' figures among `part_figures`, when every part has one. An area's own figure
// among `own_figures` stands, and is compared with the sum.
RolledUp RollUp(const Catalog& catalog, const std::map<std::string, std::vector<std::string>>& parts_of,
                const std::vector<Observation>& part_figures, const std::vector<Observation>& own_figures);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_ROLL_UP_HPP_
