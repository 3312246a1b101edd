#include "atlas/intervals.hpp"

#include <boost/math/special_functions/gamma.hpp>
#include <cmath>

namespace zoneatlas::atlas {
namespace {

constexpr double kZ = 1.959963984540054;  // The standard normal's 97.5th percentile.
constexpr double kTail = 0.025;            // Each side of a 95 % interval.

}  // namespace

std::optional<Interval> WilsonInterval(double part, double whole) {
  if (!(whole > 0) || !(part >= 0) || part > whole || !std::isfinite(whole)) return std::nullopt;
  const double p = part / whole;
  const double z2 = kZ * kZ;
  const double denominator = 1 + z2 / whole;
  const double centre = (p + z2 / (2 * whole)) / denominator;
  const double half = kZ * std::sqrt(p * (1 - p) / whole + z2 / (4 * whole * whole)) / denominator;
  return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<Interval> PoissonInterval(double events, double exposure) {
  if (!(exposure > 0) || !(events >= 0) || !std::isfinite(events) || !std::isfinite(exposure)) return std::nullopt;
  // The gamma quantiles are the chi-square ones halved: low = χ²(0.025; 2k) / 2,
  // high = χ²(0.975; 2k + 2) / 2.
  const double low = events == 0 ? 0 : boost::math::gamma_p_inv(events, kTail);
  const double high = boost::math::gamma_p_inv(events + 1, 1 - kTail);
  return Interval{low / exposure, high / exposure};
}

std::optional<Interval> IntervalOf(const Indicator& indicator, std::optional<double> numerator,
                                   std::optional<double> denominator) {
  if (!numerator || !denominator || indicator.interval == IntervalMethod::kNone) return std::nullopt;
  const auto interval = indicator.interval == IntervalMethod::kWilson ? WilsonInterval(*numerator, *denominator)
                                                                      : PoissonInterval(*numerator, *denominator);
  if (!interval) return std::nullopt;
  return Interval{interval->low * indicator.scale, interval->high * indicator.scale, *numerator < kUnstableBelow};
}

}  // namespace zoneatlas::atlas
