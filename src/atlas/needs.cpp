#include "atlas/needs.hpp"

#include <algorithm>
#include <cmath>

namespace zoneatlas::atlas {

std::vector<NeedsComponent> DefaultNeedsComponents() {
  return {{"increased_reimb", 2}, {"leefloon", 2},          {"income_per_inhabitant", 1},
          {"chronic_status", 1},  {"education_low", 1},     {"share_hh_single_parent", 1},
          {"share_80plus", 1},    {"pupil_school_allowance", 1}};
}

NeedsResult ComputeNeedsIndex(const Catalog& catalog, const std::vector<NeedsComponent>& components,
                              const std::vector<NeedsArea>& areas, double budget, double universal_share) {
  NeedsResult result;
  for (const NeedsArea& area : areas) result.areas.push_back({.code = area.code, .index = std::nullopt, .scores = {},
                                                              .rank = 0, .base = 0, .need_share = 0});
  for (const NeedsComponent& component : components) {
    const Indicator* indicator = catalog.Find(component.indicator);
    if (indicator == nullptr || component.weight <= 0) continue;
    double sum = 0;
    int count = 0;
    for (const NeedsArea& area : areas) {
      if (const auto it = area.values.find(component.indicator); it != area.values.end()) {
        sum += it->second;
        ++count;
      }
    }
    if (count < 2) continue;
    const double mean = sum / count;
    double squares = 0;
    for (const NeedsArea& area : areas) {
      if (const auto it = area.values.find(component.indicator); it != area.values.end()) {
        squares += (it->second - mean) * (it->second - mean);
      }
    }
    // The population standard deviation: the areas compared are all there is, not a sample.
    const double sd = std::sqrt(squares / count);
    if (sd == 0) {
      result.constant_indicators.push_back(component.indicator);
      continue;
    }
    const double sign = indicator->direction == Direction::kHigherIsBetter ? -1 : 1;
    for (std::size_t i = 0; i < areas.size(); ++i) {
      if (const auto it = areas[i].values.find(component.indicator); it != areas[i].values.end()) {
        result.areas[i].scores[component.indicator] = sign * (it->second - mean) / sd;
      }
    }
  }
  for (NeedsScore& score : result.areas) {
    double weighted = 0, weights = 0;
    for (const NeedsComponent& component : components) {
      if (const auto it = score.scores.find(component.indicator); it != score.scores.end()) {
        weighted += component.weight * it->second;
        weights += component.weight;
      }
    }
    if (weights > 0) score.index = weighted / weights;
  }
  // The budget: a base by inhabitants, the rest by inhabitants × need above the lowest.
  universal_share = std::clamp(universal_share, 0.0, 1.0);
  double population = 0, lowest = INFINITY;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (!result.areas[i].index) continue;
    population += areas[i].population;
    lowest = std::min(lowest, *result.areas[i].index);
  }
  double weighted_need = 0;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (result.areas[i].index) weighted_need += areas[i].population * (*result.areas[i].index - lowest);
  }
  for (std::size_t i = 0; i < areas.size(); ++i) {
    NeedsScore& score = result.areas[i];
    if (!score.index || population <= 0) continue;
    score.base = budget * universal_share * areas[i].population / population;
    const double need_part = budget * (1 - universal_share);
    // With no difference in need, the whole budget follows the inhabitants.
    score.need_share = weighted_need > 0 ? need_part * areas[i].population * (*score.index - lowest) / weighted_need
                                         : need_part * areas[i].population / population;
  }
  std::stable_sort(result.areas.begin(), result.areas.end(), [](const NeedsScore& a, const NeedsScore& b) {
    if (a.index.has_value() != b.index.has_value()) return a.index.has_value();
    return a.index && *a.index > *b.index;
  });
  int rank = 0;
  for (NeedsScore& score : result.areas) {
    if (score.index) score.rank = ++rank;
  }
  return result;
}

}  // namespace zoneatlas::atlas
