// platform/formats/svg_chart.hpp: small charts as server-rendered SVG.
//
// Like the maps, charts are drawn on the server so that they print and need no
// JavaScript; each carries an accessible name and description, and the page always
// shows the same numbers in a table. Numbers arrive formatted, in the reader's language.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_PLATFORM_FORMATS_SVG_CHART_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_SVG_CHART_HPP_

#include <optional>
#include <string>
#include <vector>

namespace zoneatlas::formats {

// A trend in a line of text height: the values over time, oldest first, with the last
// one marked. `spoken` is what a screen reader says ("2022: 19.1 %, 2024: 19.8 %").
std::string Sparkline(const std::vector<std::optional<double>>& values, const std::string& spoken);

struct Bar {
  std::string label;
  std::optional<double> value;
  std::string value_text;  // Formatted, shown at the end of the bar ("–" when there is none).
  std::string kind;        // "" for an area, "zone" or "region" for the reference bars.
  // The figure's 95 % interval, drawn as a whisker across the end of the bar.
  std::optional<double> low, high;
};

struct ChartOptions {
  std::string id = "chart";  // Prefix for element ids, unique within the page.
  std::string title;
  std::string description;
  int width = 640;
};

// Horizontal bars, in the given order, from zero (or from the smallest negative value).
// The chart is one image (role="img"), so it holds no links: the map and table beside
// it link to the areas.
std::string BarChart(const std::vector<Bar>& bars, const ChartOptions& options);

struct Line {
  std::string label;
  std::vector<std::optional<double>> values;  // One per x label; gaps stay gaps.
  std::string kind;                           // "" for an area, "zone" or "region".
};

// Lines over periods, with the smallest and largest value written on the axis.
std::string LineChart(const std::vector<std::string>& x_labels, const std::vector<Line>& lines,
                      const std::string& low_text, const std::string& high_text, const ChartOptions& options);

// A funnel plot: points by their denominator (a logarithmic horizontal axis, as sizes run
// from hundreds to hundreds of thousands) and value, with the target and its control
// limits as curves over the same denominators.
struct FunnelPoint {
  double denominator = 0;
  double value = 0;
  std::string label;         // Written beside a highlighted point; the table has the others.
  bool highlighted = false;  // The zone's own members.
};
struct FunnelCurve {
  std::vector<double> denominators;
  std::vector<double> values;  // One per denominator.
  std::string kind;            // "target", "95" or "998": the line's style.
};
struct FunnelAxes {
  std::string x_low, x_high;  // The denominators at the ends, formatted.
  std::string y_low, y_high;  // The values at the ends, formatted.
  std::string x_name;
};
// Nothing when no point has a denominator above zero.
std::string FunnelChart(const std::vector<FunnelPoint>& points, const std::vector<FunnelCurve>& curves,
                        const FunnelAxes& axes, const ChartOptions& options);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_SVG_CHART_HPP_
