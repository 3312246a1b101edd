// atlas/intervals.hpp: how sure a figure is — the 95 % interval of a proportion or a rate
// from the numerator and denominator it was computed from.
//
// A proportion of people (a share of inhabitants, of people aged 65 and over…) takes
// Wilson's score interval, which stays inside 0–100 % and behaves at 0 and at small counts;
// a rate of events over a population (deaths per 100,000, disconnections per 1,000
// households) takes the exact Poisson (Garwood) interval of its count. Which one an
// indicator takes is its catalog field "interval", by default Wilson for a percentage.
// A figure whose numerator is under kUnstableBelow is marked unstable: its interval is wide.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_ATLAS_INTERVALS_HPP_
#define ZONEATLAS_ATLAS_INTERVALS_HPP_

#include <optional>

#include "atlas/model.hpp"

namespace zoneatlas::atlas {

struct Interval {
  double low = 0;
  double high = 0;
  bool unstable = false;  // IntervalOf: the numerator is under kUnstableBelow.
};

inline constexpr double kUnstableBelow = 20;

// Wilson's 95 % interval of `part` out of `whole` people, as proportions (0 to 1); nothing
// unless 0 ≤ part ≤ whole and whole > 0.
std::optional<Interval> WilsonInterval(double part, double whole);
// The exact 95 % interval of a rate of `events` over `exposure`, per unit of exposure;
// nothing unless events ≥ 0 and exposure > 0.
std::optional<Interval> PoissonInterval(double events, double exposure);

// The 95 % interval of a figure of `indicator` in the indicator's unit (its scale applied),
// or nothing when it takes none or its parts do not allow one (a numerator larger than
// its denominator, a negative count, no denominator).
std::optional<Interval> IntervalOf(const Indicator& indicator, std::optional<double> numerator,
                                   std::optional<double> denominator);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_INTERVALS_HPP_
