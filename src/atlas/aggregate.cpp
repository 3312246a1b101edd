#include "atlas/aggregate.hpp"

#include <algorithm>
#include <cmath>

namespace zoneatlas::atlas {
namespace {

bool IsSmall(const std::optional<double>& count, int threshold) {
  return count && *count > 0 && *count < threshold;
}

}  // namespace

Value Suppress(const Indicator& indicator, Value value) {
  const int threshold = indicator.small_count_threshold;
  if (IsCount(indicator) ? IsSmall(value.value, threshold)
                         : IsSmall(value.numerator, threshold) || IsSmall(value.denominator, threshold)) {
    value.suppressed = true;
  }
  return value;
}

Value Aggregate(const Indicator& indicator, const std::vector<Part>& parts) {
  Value result;
  switch (indicator.aggregation) {
    case Aggregation::kSum: {
      double sum = 0;
      bool any = false;
      for (const Part& part : parts) {
        if (!part.value) {
          result.incomplete = true;
          continue;
        }
        sum += *part.value;
        any = true;
      }
      if (any) result.value = sum;
      break;
    }
    case Aggregation::kRatioOfSums: {
      double numerator = 0, denominator = 0;
      bool any = false;
      for (const Part& part : parts) {
        if (!part.numerator || !part.denominator) {
          result.incomplete = true;
          continue;
        }
        numerator += *part.numerator;
        denominator += *part.denominator;
        any = true;
      }
      if (any) {
        result.numerator = numerator;
        result.denominator = denominator;
        if (denominator != 0) result.value = numerator / denominator * indicator.scale;
      }
      break;
    }
    case Aggregation::kPopulationWeightedMean: {
      double weighted = 0, population = 0;
      for (const Part& part : parts) {
        if (!part.value || !part.population) {
          result.incomplete = true;
          continue;
        }
        weighted += *part.value * *part.population;
        population += *part.population;
      }
      if (population > 0) result.value = weighted / population;
      break;
    }
    case Aggregation::kNone:
      break;
  }
  return Suppress(indicator, result);
}

Value Derive(const Indicator& indicator, const std::map<std::string, double>& counts) {
  std::vector<std::string> ids;
  std::vector<double> values;
  for (const auto& [id, value] : counts) {
    ids.push_back(id);
    values.push_back(value);
  }
  return Deriver(indicator, ids)(values);
}

Deriver::Deriver(const Indicator& indicator, const std::vector<std::string>& count_ids) : indicator_(indicator) {
  auto positions = [&](const std::vector<std::string>& ids) -> std::optional<std::vector<std::size_t>> {
    std::vector<std::size_t> found;
    for (const std::string& id : ids) {
      const auto it = std::find(count_ids.begin(), count_ids.end(), id);
      if (it == count_ids.end()) return std::nullopt;
      found.push_back(static_cast<std::size_t>(it - count_ids.begin()));
    }
    return found;
  };
  numerator_ = positions(indicator.formula->numerator);
  denominator_ = positions(indicator.formula->denominator);
}

Value Deriver::operator()(std::span<const double> counts) const {
  auto total = [&](const std::optional<std::vector<std::size_t>>& positions) -> std::optional<double> {
    if (!positions) return std::nullopt;
    double sum = 0;
    for (std::size_t position : *positions) {
      if (std::isnan(counts[position])) return std::nullopt;
      sum += counts[position];
    }
    return sum;
  };
  Value result;
  result.numerator = total(numerator_);
  result.denominator = total(denominator_);
  if (!result.numerator || !result.denominator) {
    result.incomplete = true;
    return result;
  }
  if (*result.denominator != 0) result.value = *result.numerator / *result.denominator * indicator_.scale;
  return Suppress(indicator_, result);
}

}  // namespace zoneatlas::atlas
