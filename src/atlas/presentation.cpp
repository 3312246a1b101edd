#include "atlas/presentation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace zoneatlas::atlas {

std::string PlainNumber(double value) {
  char buffer[32];  // Enough for any double in its shortest form.
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

int ShadeOf(double value, double low, double high) {
  if (high <= low) return 3;
  return std::clamp(static_cast<int>(std::floor((value - low) / (high - low) * 5)) + 1, 1, 5);
}

std::string Presentation::Number(const Indicator& indicator, double value) const {
  return view::FormatNumber(value, indicator.decimals, language_);
}

std::string Presentation::UnitName(const Indicator& indicator) const {
  const Unit* unit = catalog_.FindUnit(indicator.unit);
  return unit == nullptr ? indicator.unit : unit->names.In(language_);
}

std::string Presentation::WithUnit(const Indicator& indicator, double value) const {
  const std::string unit = UnitName(indicator);
  // A thin no-break space before the per-cent sign, as both languages write it.
  return Number(indicator, value) + (indicator.unit == "percent" ? "\u202F%" : " " + unit);
}

std::string Presentation::Cell(const Indicator& indicator, const Figure& figure) const {
  if (!figure.present) return "–";
  if (figure.value.suppressed) return std::string(texts_.Get(language_, "atlas_hidden"));
  if (!figure.value.value) return "–";
  return Number(indicator, *figure.value.value);
}

std::string Presentation::Comparison(const std::optional<Interval>& interval, double value, double reference) const {
  switch (interval ? StandingOf(*interval, reference) : StandingOf(value, reference)) {
    case Standing::kAbove:
      return std::string(texts_.Get(language_, "atlas_higher_than"));
    case Standing::kBelow:
      return std::string(texts_.Get(language_, "atlas_lower_than"));
    case Standing::kSimilar:
      break;
  }
  return std::string(texts_.Get(language_, interval ? "atlas_not_clearly_different" : "atlas_similar_to"));
}

std::string Presentation::Sentence(const Indicator& indicator, const std::string& subject, const Figure& figure,
                                   const std::string& zone_name, std::optional<double> zone,
                                   const std::string& region_name, std::optional<double> region) const {
  const double value = *figure.Shown();
  std::string sentence = subject + ": " + WithUnit(indicator, value);
  // Counts grow with an area's size; comparing them with a zone or region says nothing.
  if (IsCount(indicator)) return sentence + ".";
  const auto interval = IntervalOf(indicator, figure);
  std::string comparisons;
  if (zone) {
    comparisons = texts_.Format(language_, "atlas_compared",
                                {{"comparison", Comparison(interval, value, *zone)}, {"reference", zone_name},
                                 {"value", WithUnit(indicator, *zone)}});
  }
  if (region) {
    const std::string other = texts_.Format(language_, "atlas_compared",
                                            {{"comparison", Comparison(interval, value, *region)},
                                             {"reference", region_name},
                                             {"value", WithUnit(indicator, *region)}});
    comparisons = comparisons.empty() ? other
                                      : comparisons + std::string(texts_.Get(language_, "atlas_and")) + other;
  }
  if (!comparisons.empty()) sentence += " — " + comparisons;
  return sentence + ".";
}

std::string Presentation::MarkerText(Standing standing, Judgement judgement) const {
  if (standing == Standing::kSimilar) return "";
  std::string text(texts_.Get(language_, standing == Standing::kAbove ? "atlas_marker_above" : "atlas_marker_below"));
  if (judgement == Judgement::kFavourable) text += std::string(texts_.Get(language_, "atlas_marker_favourable"));
  if (judgement == Judgement::kUnfavourable) text += std::string(texts_.Get(language_, "atlas_marker_unfavourable"));
  return text;
}

}  // namespace zoneatlas::atlas
