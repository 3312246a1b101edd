#include "atlas/aggregate.hpp"

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
  const Formula& formula = *indicator.formula;
  auto total = [&](const std::vector<std::string>& ids) -> std::optional<double> {
    double sum = 0;
    for (const std::string& id : ids) {
      const auto it = counts.find(id);
      if (it == counts.end()) return std::nullopt;
      sum += it->second;
    }
    return sum;
  };
  Value result;
  result.numerator = total(formula.numerator);
  result.denominator = total(formula.denominator);
  if (!result.numerator || !result.denominator) {
    result.incomplete = true;
    return result;
  }
  if (*result.denominator != 0) result.value = *result.numerator / *result.denominator * indicator.scale;
  return Suppress(indicator, result);
}

}  // namespace zoneatlas::atlas
