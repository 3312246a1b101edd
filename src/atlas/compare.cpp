#include "atlas/compare.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "atlas/aggregate.hpp"

namespace zoneatlas::atlas {
namespace {

constexpr double kMarkedly = 0.10;

}  // namespace

Figure FigureOf(const Indicator& indicator, const Observation* observation) {
  if (observation == nullptr) return {};
  Figure figure;
  figure.present = true;
  figure.demo = observation->demo;
  figure.summed = observation->parts > 0;
  figure.value = Suppress(indicator, {.value = observation->value,
                                      .numerator = observation->numerator,
                                      .denominator = observation->denominator,
                                      .suppressed = false,
                                      .incomplete = false});
  return figure;
}

std::optional<std::size_t> ProtectHidden(const Indicator& indicator, std::span<Figure* const> parts, Figure& whole) {
  if (!whole.Shown()) return std::nullopt;
  std::size_t hidden = 0;
  for (const Figure* part : parts) hidden += part->present && part->value.suppressed;
  if (hidden != 1) return std::nullopt;
  // What a figure rests on: a count's value, else its numerator (then its denominator).
  const auto people = [&](const Figure& figure) -> std::optional<double> {
    if (IsCount(indicator)) return figure.value.value;
    return figure.value.numerator ? figure.value.numerator : figure.value.denominator;
  };
  std::optional<std::size_t> smallest;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto count = parts[i]->Shown() ? people(*parts[i]) : std::nullopt;
    if (!count || *count <= 0) continue;
    if (!smallest || *count < *people(*parts[*smallest])) smallest = i;
  }
  if (!smallest) {
    whole.value.suppressed = true;
    whole.protective = true;
    return std::nullopt;
  }
  parts[*smallest]->value.suppressed = true;
  parts[*smallest]->protective = true;
  return smallest;
}

Figure Comparison::Level(const std::string& code, const std::string& period) const {
  const auto level = levels.find(code);
  if (level == levels.end()) return {};
  const auto figure = level->second.find(period);
  return figure == level->second.end() ? Figure{} : figure->second;
}

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

Standing StandingOf(const Interval& interval, double reference) {
  if (reference < interval.low) return Standing::kAbove;
  if (reference > interval.high) return Standing::kBelow;
  return Standing::kSimilar;
}

Standing StandingOf(const Indicator& indicator, const Figure& figure, double reference) {
  const auto interval = IntervalOf(indicator, figure);
  return interval ? StandingOf(*interval, reference) : StandingOf(figure.Shown().value_or(0), reference);
}

std::optional<Interval> IntervalOf(const Indicator& indicator, const Figure& figure) {
  if (!figure.Shown()) return std::nullopt;
  return IntervalOf(indicator, figure.value.numerator, figure.value.denominator);
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

namespace {

// A member's figure and its part in the zone.
struct MemberFigure {
  Figure figure;
  Part part{.value = std::nullopt, .numerator = std::nullopt, .denominator = std::nullopt, .population = std::nullopt};
};

// The first day a period covers: "2024", "2023-2024", "2024-Q1" and "2024-01-01" all
// start in their first year.
Date PeriodStart(const std::string& period) {
  int year = 0;
  for (std::size_t i = 0; i < 4 && i < period.size() && period[i] >= '0' && period[i] <= '9'; ++i) {
    year = year * 10 + (period[i] - '0');
  }
  auto date = Date::FromYmd(year, 1, 1);
  return date ? *date : Date::FromYmd(1970, 1, 1).value();
}

// An area's figure for a period as its territory is today: its own observation (published
// for the area as it was then) plus, by the indicator's rule, the figures of the areas
// that were merged into it later but were still separate during the period.
MemberFigure FigureFor(const Indicator& indicator, const ObservationIndex& index, const Predecessors& predecessors,
                       const std::string& area, const std::string& period, int depth) {
  MemberFigure own;
  if (const Observation* observation = index.Find(indicator.id, area, period)) {
    own.figure = FigureOf(indicator, observation);
    own.part = {.value = observation->value,
                .numerator = observation->numerator,
                .denominator = observation->denominator,
                .population = std::nullopt};
    if (const Observation* population = index.Find("pop_total", area, period)) own.part.population = population->value;
  }
  const auto earlier = predecessors.find(area);
  constexpr int kMaxMergers = 5;  // Mergers of mergers, and no further: the data could loop.
  if (earlier == predecessors.end() || depth >= kMaxMergers) return own;
  std::vector<Part> parts;
  bool demo = own.figure.demo, added = false;
  if (own.figure.present) parts.push_back(own.part);
  const Date start = PeriodStart(period);
  for (const Predecessor& predecessor : earlier->second) {
    if (predecessor.ended < start) continue;  // Already part of this area during the period.
    MemberFigure part = FigureFor(indicator, index, predecessors, predecessor.code, period, depth + 1);
    if (!part.figure.present) continue;
    added = true;
    demo = demo || part.figure.demo;
    parts.push_back(part.part);
  }
  if (!added) return own;
  const Value value = Aggregate(indicator, parts);
  if (!value.value && !value.suppressed) return {};  // The rule cannot add these up (a median).
  MemberFigure result;
  result.figure = {.value = value, .demo = demo, .present = true, .reaggregated = true};
  double population = 0;
  bool all_populations = true;
  for (const Part& part : parts) {
    if (part.population) {
      population += *part.population;
    } else {
      all_populations = false;
    }
  }
  result.part = {.value = value.value,
                 .numerator = value.numerator,
                 .denominator = value.denominator,
                 .population = all_populations ? std::optional<double>(population) : std::nullopt};
  return result;
}

}  // namespace

Comparison Compare(const Indicator& indicator, const ObservationIndex& index, const ComparisonScope& scope) {
  Comparison comparison;
  comparison.indicator = &indicator;
  comparison.periods = index.Periods(indicator.id);
  for (const std::string& period : comparison.periods) {
    std::vector<Part> parts;
    bool any = false, demo = false;
    for (const std::string& member : scope.members) {
      MemberFigure figure = FigureFor(indicator, index, scope.predecessors, member, period, 0);
      if (figure.figure.present) {
        any = true;
        demo = demo || figure.figure.demo;
      }
      comparison.members[member][period] = figure.figure;
      parts.push_back(figure.part);
    }
    if (any) {
      Figure zone;
      zone.present = true;
      zone.demo = demo;
      zone.value = Aggregate(indicator, parts);
      zone.present = zone.value.value.has_value() || zone.value.suppressed;
      std::vector<Figure*> member_figures;
      for (const std::string& member : scope.members) member_figures.push_back(&comparison.members[member][period]);
      ProtectHidden(indicator, member_figures, zone);
      comparison.zone[period] = zone;
    }
    for (const std::string& level : scope.levels) {
      if (const Observation* observation = index.Find(indicator.id, level, period)) {
        comparison.levels[level][period] = FigureOf(indicator, observation);
      }
    }
    if (!scope.region.empty()) {
      comparison.region[period] = FigureOf(indicator, index.Find(indicator.id, scope.region, period));
    }
  }
  return comparison;
}

}  // namespace zoneatlas::atlas
