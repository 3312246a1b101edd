#include "atlas/funnel.hpp"

#include <boost/json.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <algorithm>
#include <cmath>
#include <set>

#include "core/text.hpp"
#include "geo/model.hpp"
#include "platform/formats/svg_chart.hpp"
#include "platform/view/view.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;
namespace {

// Each side's share outside the limits.
constexpr double kTail95 = 0.025, kTail998 = 0.001;
// The curves are drawn through this many denominators, evenly on the logarithmic axis.
constexpr int kCurvePoints = 80;

// The count at quantile `q` of the distribution of events among `denominator` at `target`.
double CountQuantile(IntervalMethod method, double target, double denominator, double q) {
  if (method == IntervalMethod::kWilson) {
    const double trials = std::max(1.0, std::round(denominator));
    if (target <= 0) return 0;
    if (target >= 1) return trials;
    return boost::math::quantile(boost::math::binomial_distribution<>(trials, target), q);
  }
  const double mean = target * denominator;
  if (mean <= 0) return 0;
  return boost::math::quantile(boost::math::poisson_distribution<>(mean), q);
}

std::string_view ZoneName(FunnelZone zone) {
  switch (zone) {
    case FunnelZone::kBelow998:
      return "below_998";
    case FunnelZone::kBelow95:
      return "below_95";
    case FunnelZone::kWithin:
      return "within";
    case FunnelZone::kAbove95:
      return "above_95";
    case FunnelZone::kAbove998:
      break;
  }
  return "above_998";
}

}  // namespace

std::optional<FunnelLimits> FunnelLimitsAt(const Indicator& indicator, double target, double denominator) {
  if (indicator.interval == IntervalMethod::kNone || !(denominator > 0) || !std::isfinite(denominator) ||
      !(target >= 0) || !std::isfinite(target) || (indicator.interval == IntervalMethod::kWilson && target > 1)) {
    return std::nullopt;
  }
  const auto at = [&](double q) {
    const double trials =
        indicator.interval == IntervalMethod::kWilson ? std::max(1.0, std::round(denominator)) : denominator;
    return CountQuantile(indicator.interval, target, denominator, q) / trials * indicator.scale;
  };
  return FunnelLimits{at(kTail998), at(kTail95), at(1 - kTail95), at(1 - kTail998)};
}

FunnelZone FunnelZoneOf(const Indicator& indicator, double target, double numerator, double denominator) {
  const FunnelLimits limits = *FunnelLimitsAt(indicator, target, denominator);
  const double value = numerator / denominator * indicator.scale;
  if (value > limits.high998) return FunnelZone::kAbove998;
  if (value > limits.high95) return FunnelZone::kAbove95;
  if (value < limits.low998) return FunnelZone::kBelow998;
  if (value < limits.low95) return FunnelZone::kBelow95;
  return FunnelZone::kWithin;
}

std::optional<json::object> FunnelModel(const ZoneData& zone, const std::vector<RegionFigure>& region,
                                        const Indicator& indicator, const std::string& period,
                                        const Presentation& words) {
  if (indicator.interval == IntervalMethod::kNone || !zone.region) return std::nullopt;
  // The region's figure is the target: from its own or summed numerator and denominator.
  const auto region_figure = std::ranges::find_if(zone.observations, [&](const Observation& figure) {
    return figure.indicator_id == indicator.id && figure.area_code == zone.region->code && figure.period == period;
  });
  if (region_figure == zone.observations.end()) return std::nullopt;
  double target = 0;
  if (region_figure->numerator && region_figure->denominator && *region_figure->denominator > 0) {
    target = *region_figure->numerator / *region_figure->denominator;
  } else if (region_figure->value) {
    target = *region_figure->value / indicator.scale;
  } else {
    return std::nullopt;
  }
  const std::set<std::string> members(zone.member_codes.begin(), zone.member_codes.end());
  const Language language = words.language();
  const view::Catalog& texts = words.texts();
  struct Row {
    const geo::Area* area;
    double numerator, denominator, value;
    FunnelZone place;
  };
  std::vector<Row> rows;
  for (const RegionFigure& municipality : region) {
    const Observation& figure = municipality.figure;
    if (!figure.numerator || !figure.denominator || !(*figure.denominator > 0)) continue;
    rows.push_back({&municipality.area, *figure.numerator, *figure.denominator,
                    *figure.numerator / *figure.denominator * indicator.scale,
                    FunnelZoneOf(indicator, target, *figure.numerator, *figure.denominator)});
  }
  if (rows.size() < 3) return std::nullopt;
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    return text::Fold(a.area->names.In(language)) < text::Fold(b.area->names.In(language));
  });
  std::vector<formats::FunnelPoint> points;
  double low = INFINITY, high = -INFINITY;
  json::array table;
  int above = 0, below = 0, zone_outside = 0;
  for (const Row& row : rows) {
    const bool member = members.contains(row.area->code);
    points.push_back({row.denominator, row.value, row.area->names.In(language), member});
    low = std::min(low, row.denominator);
    high = std::max(high, row.denominator);
    above += row.place == FunnelZone::kAbove95 || row.place == FunnelZone::kAbove998;
    below += row.place == FunnelZone::kBelow95 || row.place == FunnelZone::kBelow998;
    zone_outside += member && row.place != FunnelZone::kWithin;
    table.push_back(json::object{
        {"name", row.area->names.In(language)},
        {"member", member},
        {"numerator", row.numerator == std::round(row.numerator)
                          ? view::FormatInteger(std::llround(row.numerator), language)
                          : view::FormatNumber(row.numerator, 1, language)},
        {"denominator", view::FormatInteger(std::llround(row.denominator), language)},
        {"value", words.Number(indicator, row.value)},
        {"place", std::string(texts.Get(language, "atlas_funnel_" + std::string(ZoneName(row.place))))}});
  }
  std::vector<formats::FunnelCurve> curves = {{{}, {}, "998"}, {{}, {}, "95"}, {{}, {}, "target"},
                                              {{}, {}, "95"},  {{}, {}, "998"}};
  for (int i = 0; i < kCurvePoints; ++i) {
    const double n = low * std::pow(high / low, static_cast<double>(i) / (kCurvePoints - 1));
    const auto limits = FunnelLimitsAt(indicator, target, n);
    if (!limits) continue;
    const double values[] = {limits->low998, limits->low95, target * indicator.scale, limits->high95,
                             limits->high998};
    for (std::size_t c = 0; c < curves.size(); ++c) {
      curves[c].denominators.push_back(n);
      curves[c].values.push_back(values[c]);
    }
  }
  double y_low = INFINITY, y_high = -INFINITY;
  for (const auto& point : points) {
    y_low = std::min(y_low, point.value);
    y_high = std::max(y_high, point.value);
  }
  for (const auto& curve : curves) {
    for (const double value : curve.values) {
      y_low = std::min(y_low, value);
      y_high = std::max(y_high, value);
    }
  }
  const std::string name = indicator.names.In(language);
  const std::string region_name = zone.region->names.In(language);
  json::object model;
  model["funnel_chart"] = formats::FunnelChart(
      points, curves,
      {.x_low = view::FormatInteger(std::llround(low), language),
       .x_high = view::FormatInteger(std::llround(high), language),
       .y_low = words.Number(indicator, y_low),
       .y_high = words.Number(indicator, y_high),
       .x_name = std::string(texts.Get(language, "atlas_funnel_x"))},
      {.id = "funnel",
       .title = texts.Format(language, "atlas_funnel_title", {{"indicator", name}, {"period", period}}),
       .description = texts.Format(language, "atlas_funnel_description",
                                   {{"region", region_name},
                                    {"count", view::FormatInteger(static_cast<long long>(rows.size()), language)},
                                    {"above", view::FormatInteger(above, language)},
                                    {"below", view::FormatInteger(below, language)}}),
       .width = 640});
  model["funnel_rows"] = std::move(table);
  model["funnel_table"] = texts.Format(language, "atlas_funnel_table",
                                       {{"count", view::FormatInteger(static_cast<long long>(rows.size()), language)}});
  model["funnel_summary"] = texts.Format(language, "atlas_funnel_summary",
                                         {{"region", region_name},
                                          {"target", words.WithUnit(indicator, target * indicator.scale)},
                                          {"count", view::FormatInteger(static_cast<long long>(rows.size()), language)},
                                          {"above", view::FormatInteger(above, language)},
                                          {"below", view::FormatInteger(below, language)},
                                          {"zone_outside", view::FormatInteger(zone_outside, language)}});
  model["funnel_method"] = std::string(texts.Get(
      language, indicator.interval == IntervalMethod::kPoisson ? "atlas_funnel_method_poisson" : "atlas_funnel_method_binomial"));
  return model;
}

}  // namespace zoneatlas::atlas
