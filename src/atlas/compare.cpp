#include "atlas/compare.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "atlas/aggregate.hpp"

namespace zoneatlas::atlas {
namespace {

constexpr double kMarkedly = 0.10;

Figure FigureOf(const Indicator& indicator, const Observation* observation) {
  if (observation == nullptr) return {};
  Figure figure;
  figure.present = true;
  figure.demo = observation->demo;
  figure.value = Suppress(indicator, {.value = observation->value, .numerator = observation->numerator,
                                      .denominator = observation->denominator, .suppressed = false,
                                      .incomplete = false});
  return figure;
}

}  // namespace

std::string Comparison::Latest() const {
  for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
    if (zone.contains(*it) && zone.at(*it).present) return *it;
  }
  return periods.empty() ? "" : periods.back();
}

Standing StandingOf(double value, double reference) {
  const double margin = std::abs(reference) * kMarkedly;
  if (margin == 0) return value > 0 ? Standing::kAbove : value < 0 ? Standing::kBelow : Standing::kSimilar;
  if (value >= reference + margin) return Standing::kAbove;
  if (value <= reference - margin) return Standing::kBelow;
  return Standing::kSimilar;
}

Judgement JudgementOf(const Indicator& indicator, Standing standing) {
  if (standing == Standing::kSimilar || indicator.direction == Direction::kNeutral) return Judgement::kNeutral;
  const bool higher = standing == Standing::kAbove;
  return higher == (indicator.direction == Direction::kHigherIsBetter) ? Judgement::kFavourable
                                                                        : Judgement::kUnfavourable;
}

ObservationIndex::ObservationIndex(const std::vector<Observation>& observations) {
  for (const Observation& observation : observations) {
    index_[observation.indicator_id][observation.area_code][observation.period] = &observation;
  }
}

const Observation* ObservationIndex::Find(const std::string& indicator, const std::string& area,
                                          const std::string& period) const {
  const auto by_indicator = index_.find(indicator);
  if (by_indicator == index_.end()) return nullptr;
  const auto by_area = by_indicator->second.find(area);
  if (by_area == by_indicator->second.end()) return nullptr;
  const auto found = by_area->second.find(period);
  return found == by_area->second.end() ? nullptr : found->second;
}

std::vector<std::string> ObservationIndex::Periods(const std::string& indicator) const {
  std::set<std::string> periods;
  if (const auto by_indicator = index_.find(indicator); by_indicator != index_.end()) {
    for (const auto& [area, series] : by_indicator->second) {
      for (const auto& [period, observation] : series) periods.insert(period);
    }
  }
  return {periods.begin(), periods.end()};
}

Comparison Compare(const Indicator& indicator, const ObservationIndex& index, const std::vector<std::string>& members,
                   const std::string& region) {
  Comparison comparison;
  comparison.indicator = &indicator;
  comparison.periods = index.Periods(indicator.id);
  for (const std::string& period : comparison.periods) {
    std::vector<Part> parts;
    bool any = false, demo = false;
    for (const std::string& member : members) {
      const Observation* observation = index.Find(indicator.id, member, period);
      Figure figure = FigureOf(indicator, observation);
      if (figure.present) {
        any = true;
        demo = demo || figure.demo;
      }
      comparison.members[member][period] = figure;
      Part part{.value = std::nullopt, .numerator = std::nullopt, .denominator = std::nullopt,
                .population = std::nullopt};
      if (observation != nullptr) {
        part.value = observation->value;
        part.numerator = observation->numerator;
        part.denominator = observation->denominator;
        if (const Observation* population = index.Find("pop_total", member, period)) part.population = population->value;
      }
      parts.push_back(part);
    }
    if (any) {
      Figure zone;
      zone.present = true;
      zone.demo = demo;
      zone.value = Aggregate(indicator, parts);
      zone.present = zone.value.value.has_value() || zone.value.suppressed;
      comparison.zone[period] = zone;
    }
    if (!region.empty()) {
      comparison.region[period] = FigureOf(indicator, index.Find(indicator.id, region, period));
    }
  }
  return comparison;
}

}  // namespace zoneatlas::atlas
