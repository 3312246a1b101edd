// atlas/aggregate.hpp: combining areas' values by an indicator's rule, deriving values
// from formulas, and suppressing small counts.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_ATLAS_AGGREGATE_HPP_
#define ZONEATLAS_ATLAS_AGGREGATE_HPP_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "atlas/model.hpp"

namespace zoneatlas::atlas {

// Combines the parts (one per area) by `indicator`'s rule: a sum of values; a ratio of
// the summed numerators and denominators (× the formula's scale); a mean weighted by
// population. kNone gives no value. Parts without a value are skipped and the result is
// marked incomplete. Then suppresses as Suppress does.
Value Aggregate(const Indicator& indicator, const std::vector<Part>& parts);

// Computes a derived indicator for one area from its counts (by indicator id).
// REQUIRES: indicator.formula. Missing counts or a zero denominator give no value.
Value Derive(const Indicator& indicator, const std::map<std::string, double>& counts);

// Derive for many areas at once: the formula's counts are found once among `count_ids`,
// then each area's counts are read by position, not looked up by name.
class Deriver {
 public:
  // REQUIRES: indicator.formula; `indicator` outlives the deriver.
  Deriver(const Indicator& indicator, const std::vector<std::string>& count_ids);
  // `counts[i]` is the area's count of count_ids[i], NaN when it has none.
  Value operator()(std::span<const double> counts) const;
  const Indicator& indicator() const { return indicator_; }

 private:
  const Indicator& indicator_;
  // Positions in count_ids; nothing when the formula names a count not among them.
  std::optional<std::vector<std::size_t>> numerator_, denominator_;
};

// Marks `value` suppressed when the count it rests on (the value of a count indicator,
// else its numerator and its denominator) is above zero but below the threshold: a
// share of 2 people out of 3 tells who they are.
Value Suppress(const Indicator& indicator, Value value);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_AGGREGATE_HPP_
