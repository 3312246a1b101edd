// rights/take_up.hpp: the non-take-up radar's estimate — how much of a right a
// municipality would take up if it took it up as much as municipalities like it do.
//
// Method: across every municipality with figures for one period (of the right's region,
// for a Flemish or Brussels right), an ordinary least squares fit of the right's take-up
// share on indicators of need (for the verhoogde tegemoetkoming: unemployed job-seekers,
// the median income per tax return and the leefloon rate). A municipality's expected
// share is the fit at its own indicators; the gap is expected minus actual, times its
// target group (inhabitants, pupils): people likely entitled who have not taken the right
// up, relative to comparable municipalities. Since those municipalities under-use rights
// too, the gap is a floor, and it points outreach rather than counts it.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_RIGHTS_TAKE_UP_HPP_
#define ZONEATLAS_RIGHTS_TAKE_UP_HPP_

#include <optional>
#include <string>
#include <vector>

namespace zoneatlas::rights {

struct AreaTakeUp {
  std::string code;
  double share = 0;                // Take-up, as a percentage of inhabitants.
  std::vector<double> predictors;  // The need indicators, in the fit's order.
};

struct TakeUpFit {
  std::vector<double> coefficients;  // Intercept first, then one per predictor.
  double r_squared = 0;
  std::size_t areas = 0;
};

// The fit over `areas`; nothing when there are fewer than five areas more than
// coefficients, or the indicators do not tell the areas apart (a singular system).
// REQUIRES: every area has the same number of predictors.
std::optional<TakeUpFit> FitTakeUp(const std::vector<AreaTakeUp>& areas);

// The share the fit expects for an area with `predictors`, never below 0.
double ExpectedShare(const TakeUpFit& fit, const std::vector<double>& predictors);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_TAKE_UP_HPP_
