#include "atlas/roll_up.hpp"

#include <cmath>
#include <unordered_map>
#include <utility>

#include "atlas/aggregate.hpp"

namespace zoneatlas::atlas {

bool CanRollUp(const Indicator& indicator) {
  return indicator.aggregation == Aggregation::kSum || indicator.aggregation == Aggregation::kRatioOfSums;
}

std::optional<Value> SumOfParts(const Indicator& indicator, const std::vector<std::string>& parts,
                                const std::function<const Observation*(const std::string&)>& figure_of, bool& demo) {
  if (!CanRollUp(indicator) || parts.empty()) return std::nullopt;
  std::vector<Part> figures;
  figures.reserve(parts.size());
  demo = false;
  for (const std::string& code : parts) {
    const Observation* figure = figure_of(code);
    if (figure == nullptr) return std::nullopt;
    figures.push_back({figure->value, figure->numerator, figure->denominator, std::nullopt});
    demo = demo || figure->demo;
  }
  Value sum = Aggregate(indicator, figures);
  if (!sum.value || sum.incomplete) return std::nullopt;
  return sum;
}

Observation SummedFigure(const std::string& indicator_id, const std::string& area, const std::string& period,
                         const Value& sum, bool demo, int parts) {
  Observation figure;
  figure.indicator_id = indicator_id;
  figure.area_code = area;
  figure.period = period;
  figure.value = sum.value;
  figure.numerator = sum.numerator;
  figure.denominator = sum.denominator;
  figure.derived = true;
  figure.demo = demo;
  figure.parts = parts;
  return figure;
}

RolledUp RollUp(const Catalog& catalog, const std::map<std::string, std::vector<std::string>>& parts_of,
                const std::vector<Observation>& part_figures, const std::vector<Observation>& own_figures) {
  RolledUp rolled;
  if (parts_of.empty()) return rolled;
  // The parts' figures by indicator and period, then by area.
  using ByArea = std::unordered_map<std::string_view, const Observation*>;
  std::map<std::pair<std::string_view, std::string_view>, ByArea> slices;
  for (const Observation& figure : part_figures) {
    slices[{figure.indicator_id, figure.period}].emplace(figure.area_code, &figure);
  }
  std::unordered_map<std::string, const Observation*> own;
  for (const Observation& figure : own_figures) {
    if (parts_of.contains(figure.area_code)) own.emplace(figure.indicator_id + '|' + figure.area_code + '|' + figure.period, &figure);
  }
  for (const auto& [key, by_area] : slices) {
    const Indicator* indicator = catalog.Find(key.first);
    if (indicator == nullptr || !CanRollUp(*indicator)) continue;
    const auto figure_of = [&by_area](const std::string& code) -> const Observation* {
      const auto it = by_area.find(code);
      return it == by_area.end() ? nullptr : it->second;
    };
    for (const auto& [area, part_codes] : parts_of) {
      bool demo = false;
      const std::optional<Value> sum = SumOfParts(*indicator, part_codes, figure_of, demo);
      if (!sum) continue;
      const std::string period(key.second);
      if (const auto it = own.find(std::string(key.first) + '|' + area + '|' + period); it != own.end()) {
        const std::optional<double>& published = it->second->value;
        if (published && std::abs(*sum->value - *published) > kNotableDifference * std::abs(*published)) {
          rolled.differences.push_back(
              {std::string(key.first), area, period, *published, *sum->value, static_cast<int>(part_codes.size())});
        }
        continue;
      }
      rolled.figures.push_back(
          SummedFigure(std::string(key.first), area, period, *sum, demo, static_cast<int>(part_codes.size())));
    }
  }
  return rolled;
}

}  // namespace zoneatlas::atlas
