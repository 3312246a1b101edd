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
#include <span>
#include <string>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/intervals.hpp"
#include "atlas/model.hpp"
#include "atlas/observations.hpp"
#include "core/date.hpp"

namespace zoneatlas::atlas {

struct Figure {
  Value value;
  bool demo = false;          // Rests on demonstration values.
  bool present = false;       // False when there is no figure at all.
  bool reaggregated = false;  // Added up from the areas this one was formed from by a merger.
  bool summed = false;        // Added up from the area's parts (atlas/roll_up.hpp), having none of its own.
  bool protective = false;    // Hidden although not small, so that a hidden figure cannot be subtracted out.

  // The number that may be shown: nothing when absent or suppressed.
  std::optional<double> Shown() const { return present && !value.suppressed ? value.value : std::nullopt; }
};

using Series = std::map<std::string, Figure>;  // Period → figure.

// A stored observation as the public may see it: suppressed when it rests on fewer
// people than the indicator's threshold. Absent for nullptr.
Figure FigureOf(const Indicator& indicator, const Observation* observation);

// Suppression that survives subtraction. When exactly one of `parts` is hidden for a small
// count and `whole` (what they add up to: a zone of its members, a municipality of its
// sectors) is shown, the whole minus the shown parts would give it away. So the shown part
// resting on the fewest people (above zero: a zero subtracts nothing) is hidden too,
// marked protective; with no such part, the whole is hidden. Returns the part hidden, if any.
// REQUIRES: `whole` adds up exactly the parts that have a figure (a zone its members; a
// municipality its sectors only when every sector has one).
// The rankings (atlas/ranking.hpp) apply it to every zone and every area made of parts, and
// every page, download and API answer hides what they hide.
std::optional<std::size_t> ProtectHidden(const Indicator& indicator, std::span<Figure* const> parts, Figure& whole);

struct Comparison {
  const Indicator* indicator = nullptr;
  std::vector<std::string> periods;       // Every period with a figure, oldest first.
  std::map<std::string, Series> members;  // Area code → series.
  Series zone;
  std::map<std::string, Series> levels;  // Arrondissement, province: area code → its own series.
  Series region;
  // The latest period with a zone figure, else with any figure; "" when there is none.
  std::string Latest() const;
  // A level's figure in `period`; absent when it has none.
  Figure Level(const std::string& code, const std::string& period) const;
};

enum class Standing { kSimilar, kAbove, kBelow };
enum class Judgement { kNeutral, kFavourable, kUnfavourable };

// Where `value` stands against `reference`: markedly above or below (a tenth or more of
// the reference), else similar.
Standing StandingOf(double value, double reference);
// Where a shown `figure` of `indicator` stands against `reference`: where it has a 95 %
// interval (atlas/intervals.hpp), higher or lower only when the reference lies outside it —
// a small municipality's 10 % is often chance, a large one's 3 % seldom; without one, as
// StandingOf(value, reference).
Standing StandingOf(const Indicator& indicator, const Figure& figure, double reference);
// Against an interval: above when the reference lies below it, below when above it.
Standing StandingOf(const Interval& interval, double reference);
// The 95 % interval of a shown figure (atlas/intervals.hpp); nothing when it is not shown
// or its indicator or parts allow none.
std::optional<Interval> IntervalOf(const Indicator& indicator, const Figure& figure);
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

// An area merged into another, and its last day on its own.
struct Predecessor {
  std::string code;
  Date ended;
};
// Area code → the areas merged into it.
using Predecessors = std::map<std::string, std::vector<Predecessor>>;

// What a comparison is about: the zone's members, the levels between them and the region
// (their published figures, shown for reference), and the region.
struct ComparisonScope {
  std::vector<std::string> members;
  std::vector<std::string> levels;
  std::string region;  // "" for none.
  Predecessors predecessors;
};

// The comparison of `indicator` for the zone made of the scope's members, its levels and
// its region. For a member formed by a merger, a period before the merger adds up, by the
// indicator's rule (counts summed, ratios from summed numerators and denominators), its
// own figure and those of the areas still separate then; such figures are marked
// reaggregated.
Comparison Compare(const Indicator& indicator, const ObservationIndex& index, const ComparisonScope& scope);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_COMPARE_HPP_
