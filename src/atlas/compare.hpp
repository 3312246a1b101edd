// atlas/compare.hpp: an indicator's figures for a zone, its member areas and its region,
// period by period, ready to show.
//
// The zone's figure is aggregated from its members by the indicator's rule (never by
// averaging percentages) and is incomplete when a member has no figure. Every figure is
// suppressed when it rests on fewer people than the indicator's threshold. A member is
// "markedly" above or below the zone when it differs by at least a tenth of the zone's
// figure; whether that is favourable follows the indicator's direction.
//
// Thread safety: pure functions over value types.
#ifndef ZONEATLAS_ATLAS_COMPARE_HPP_
#define ZONEATLAS_ATLAS_COMPARE_HPP_

#include <map>
#include <string>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/model.hpp"
#include "atlas/observations.hpp"

namespace zoneatlas::atlas {

struct Figure {
  Value value;
  bool demo = false;     // Rests on demonstration values.
  bool present = false;  // False when there is no figure at all.

  // The number that may be shown: nothing when absent or suppressed.
  std::optional<double> Shown() const { return present && !value.suppressed ? value.value : std::nullopt; }
};

using Series = std::map<std::string, Figure>;  // Period → figure.

struct Comparison {
  const Indicator* indicator = nullptr;
  std::vector<std::string> periods;             // Every period with a figure, oldest first.
  std::map<std::string, Series> members;        // Area code → series.
  Series zone;
  Series region;
  // The latest period with a zone figure, else with any figure; "" when there is none.
  std::string Latest() const;
};

enum class Standing { kSimilar, kAbove, kBelow };
enum class Judgement { kNeutral, kFavourable, kUnfavourable };

// Where `value` stands against `reference`: markedly above or below (a tenth or more of
// the reference), else similar.
Standing StandingOf(double value, double reference);
Judgement JudgementOf(const Indicator& indicator, Standing standing);

// Indexes observations by indicator, area and period, for building comparisons.
class ObservationIndex {
 public:
  explicit ObservationIndex(const std::vector<Observation>& observations);
  const Observation* Find(const std::string& indicator, const std::string& area, const std::string& period) const;
  // Periods with any observation of `indicator`, oldest first.
  std::vector<std::string> Periods(const std::string& indicator) const;

 private:
  std::map<std::string, std::map<std::string, std::map<std::string, const Observation*>>> index_;
};

// The comparison of `indicator` for the zone made of `members` and its `region`.
Comparison Compare(const Indicator& indicator, const ObservationIndex& index, const std::vector<std::string>& members,
                   const std::string& region);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_COMPARE_HPP_
