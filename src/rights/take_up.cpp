#include "rights/take_up.hpp"

#include <algorithm>
#include <cmath>

namespace zoneatlas::rights {
namespace {

constexpr std::size_t kSpareAreas = 5;

// Solves a·x = b by Gaussian elimination with partial pivoting; nothing when singular.
std::optional<std::vector<double>> Solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  const std::size_t n = b.size();
  for (std::size_t column = 0; column < n; ++column) {
    std::size_t pivot = column;
    for (std::size_t row = column + 1; row < n; ++row) {
      if (std::abs(a[row][column]) > std::abs(a[pivot][column])) pivot = row;
    }
    if (std::abs(a[pivot][column]) < 1e-9) return std::nullopt;
    std::swap(a[pivot], a[column]);
    std::swap(b[pivot], b[column]);
    for (std::size_t row = column + 1; row < n; ++row) {
      const double factor = a[row][column] / a[column][column];
      for (std::size_t k = column; k < n; ++k) a[row][k] -= factor * a[column][k];
      b[row] -= factor * b[column];
    }
  }
  std::vector<double> x(n);
  for (std::size_t row = n; row-- > 0;) {
    double sum = b[row];
    for (std::size_t k = row + 1; k < n; ++k) sum -= a[row][k] * x[k];
    x[row] = sum / a[row][row];
  }
  return x;
}

double Predict(const std::vector<double>& coefficients, const std::vector<double>& predictors) {
  double value = coefficients[0];
  for (std::size_t i = 0; i < predictors.size(); ++i) value += coefficients[i + 1] * predictors[i];
  return value;
}

}  // namespace

std::optional<TakeUpFit> FitTakeUp(const std::vector<AreaTakeUp>& areas) {
  if (areas.empty()) return std::nullopt;
  const std::size_t k = areas.front().predictors.size() + 1;
  if (areas.size() < k + kSpareAreas) return std::nullopt;
  // The predictors standardised, so that euros and percentages weigh alike in the solve.
  std::vector<double> mean(k - 1, 0), spread(k - 1, 0);
  for (const AreaTakeUp& area : areas) {
    for (std::size_t i = 0; i + 1 < k; ++i) mean[i] += area.predictors[i] / static_cast<double>(areas.size());
  }
  for (const AreaTakeUp& area : areas) {
    for (std::size_t i = 0; i + 1 < k; ++i) spread[i] += std::pow(area.predictors[i] - mean[i], 2);
  }
  for (double& s : spread) s = std::sqrt(s / static_cast<double>(areas.size()));
  if (std::ranges::any_of(spread, [](double s) { return s == 0; })) return std::nullopt;
  std::vector<std::vector<double>> normal(k, std::vector<double>(k, 0));
  std::vector<double> right(k, 0);
  for (const AreaTakeUp& area : areas) {
    std::vector<double> x = {1};
    for (std::size_t i = 0; i + 1 < k; ++i) x.push_back((area.predictors[i] - mean[i]) / spread[i]);
    for (std::size_t r = 0; r < k; ++r) {
      for (std::size_t c = 0; c < k; ++c) normal[r][c] += x[r] * x[c];
      right[r] += x[r] * area.share;
    }
  }
  auto standardised = Solve(std::move(normal), std::move(right));
  if (!standardised) return std::nullopt;
  // Back to the indicators' own units.
  TakeUpFit fit;
  fit.coefficients.assign(k, 0);
  fit.coefficients[0] = (*standardised)[0];
  for (std::size_t i = 0; i + 1 < k; ++i) {
    fit.coefficients[i + 1] = (*standardised)[i + 1] / spread[i];
    fit.coefficients[0] -= fit.coefficients[i + 1] * mean[i];
  }
  fit.areas = areas.size();
  double mean_share = 0;
  for (const AreaTakeUp& area : areas) mean_share += area.share / static_cast<double>(areas.size());
  double total = 0, residual = 0;
  for (const AreaTakeUp& area : areas) {
    total += std::pow(area.share - mean_share, 2);
    residual += std::pow(area.share - Predict(fit.coefficients, area.predictors), 2);
  }
  fit.r_squared = total > 0 ? 1 - residual / total : 0;
  return fit;
}

double ExpectedShare(const TakeUpFit& fit, const std::vector<double>& predictors) {
  return std::max(0.0, Predict(fit.coefficients, predictors));
}

}  // namespace zoneatlas::rights
