#include "platform/formats/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "platform/formats/svg_map.hpp"

namespace zoneatlas::formats {
namespace {

std::string Open(const ChartOptions& options, const std::string& css_class, int height) {
  const std::string id = EscapeXml(options.id);
  return fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="{}" viewBox="0 0 {} {}" width="{}" height="{}" role="img" )svg"
      R"svg(aria-labelledby="{}-title {}-desc"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>)svg",
      css_class, options.width, height, options.width, height, id, id, id, EscapeXml(options.title), id,
      EscapeXml(options.description));
}

// Labels longer than this are shortened on the chart (the table beside it has them whole).
constexpr std::size_t kMaxLabel = 30;

std::string Shortened(const std::string& label) {
  if (label.size() <= kMaxLabel) return label;
  std::size_t cut = kMaxLabel - 1;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // Not inside a UTF-8 character.
  return label.substr(0, cut) + "…";
}

std::string KindClass(const std::string& prefix, const std::string& kind) {
  return kind.empty() ? prefix : prefix + " " + prefix + "--" + kind;
}

}  // namespace

std::string Sparkline(const std::vector<std::optional<double>>& values, const std::string& spoken) {
  constexpr int kWidth = 80, kHeight = 22, kPad = 3;
  double low = INFINITY, high = -INFINITY;
  for (const auto& value : values) {
    if (!value) continue;
    low = std::min(low, *value);
    high = std::max(high, *value);
  }
  if (values.size() < 2 || low > high) return "";
  const double span = high > low ? high - low : 1;
  const double step = static_cast<double>(kWidth - 2 * kPad) / static_cast<double>(values.size() - 1);
  std::string points;
  double last_x = 0, last_y = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    last_x = kPad + step * static_cast<double>(i);
    last_y = high > low ? kHeight - kPad - (*values[i] - low) / span * (kHeight - 2 * kPad) : kHeight / 2.0;
    points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", last_x, last_y);
  }
  return fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">)svg"
      R"svg(<polyline points="{}" class="sparkline__line"/><circle cx="{:.1f}" cy="{:.1f}" r="2.5" class="sparkline__last"/></svg>)svg",
      kWidth, kHeight, kWidth, kHeight, EscapeXml(spoken), points, last_x, last_y);
}

std::string BarChart(const std::vector<Bar>& bars, const ChartOptions& options) {
  constexpr int kRow = 26, kLabel = 240, kValue = 80, kTop = 6;
  double low = 0, high = 0;
  for (const Bar& bar : bars) {
    if (!bar.value) continue;
    low = std::min({low, *bar.value, bar.low.value_or(*bar.value)});
    high = std::max({high, *bar.value, bar.high.value_or(*bar.value)});
  }
  const int height = kTop * 2 + kRow * static_cast<int>(bars.size());
  const double plot = options.width - kLabel - kValue;
  const double span = high > low ? high - low : 1;
  const auto x_of = [&](double value) { return kLabel + (value - low) / span * plot; };
  std::string svg = Open(options, "bar-chart", height);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    const std::string label = EscapeXml(Shortened(bar.label));
    svg += fmt::format(R"svg(<text x="{}" y="{:.1f}" class="{}">{}</text>)svg", kLabel - 8, y + kRow * 0.65,
                       KindClass("bar-chart__label", bar.kind), label);
    if (bar.value) {
      const double from = x_of(std::min(0.0, *bar.value)), to = x_of(std::max(0.0, *bar.value));
      svg += fmt::format(R"svg(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{}" class="{}"/>)svg", from, y + 4,
                         std::max(to - from, 1.0), kRow - 8, KindClass("bar-chart__bar", bar.kind));
    }
    double text_x = bar.value ? x_of(std::max(0.0, *bar.value)) : kLabel;
    if (bar.value && bar.low && bar.high) {
      // A line from the interval's low to its high end, with short end caps.
      const double mid = y + kRow / 2.0, from = x_of(*bar.low), to = x_of(*bar.high);
      svg += fmt::format(
          R"svg(<path d="M{0:.1f} {1:.1f}H{2:.1f}M{0:.1f} {3:.1f}V{4:.1f}M{2:.1f} {3:.1f}V{4:.1f}" class="bar-chart__whisker"/>)svg",
          from, mid, to, mid - 5, mid + 5);
      text_x = std::max(text_x, to);
    }
    svg += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" class="bar-chart__value">{}</text>)svg", text_x + 6,
                       y + kRow * 0.65, EscapeXml(bar.value_text));
  }
  svg += "</svg>";
  return svg;
}

std::string LineChart(const std::vector<std::string>& x_labels, const std::vector<Line>& lines,
                      const std::string& low_text, const std::string& high_text, const ChartOptions& options) {
  constexpr int kHeight = 240, kLeft = 70, kRight = 200, kTop = 14, kBottom = 30;
  double low = INFINITY, high = -INFINITY;
  for (const Line& line : lines) {
    for (const auto& value : line.values) {
      if (!value) continue;
      low = std::min(low, *value);
      high = std::max(high, *value);
    }
  }
  if (x_labels.empty() || low > high) return "";
  const double span = high > low ? high - low : 1;
  const double plot_width = options.width - kLeft - kRight;
  const double plot_height = kHeight - kTop - kBottom;
  const auto x_of = [&](std::size_t i) {
    return x_labels.size() == 1 ? kLeft + plot_width / 2
                                : kLeft + plot_width * static_cast<double>(i) / static_cast<double>(x_labels.size() - 1);
  };
  const auto y_of = [&](double value) { return kTop + plot_height - (value - low) / span * plot_height; };
  std::string svg = Open(options, "line-chart", kHeight);
  svg += fmt::format(R"svg(<line x1="{}" y1="{}" x2="{}" y2="{}" class="line-chart__axis"/>)svg", kLeft, kTop + plot_height,
                     kLeft + plot_width, kTop + plot_height);
  svg += fmt::format(R"svg(<text x="{}" y="{:.1f}" class="line-chart__tick line-chart__tick--y">{}</text>)svg", kLeft - 6,
                     y_of(high) + 4, EscapeXml(high_text));
  svg += fmt::format(R"svg(<text x="{}" y="{:.1f}" class="line-chart__tick line-chart__tick--y">{}</text>)svg", kLeft - 6,
                     y_of(low) + 4, EscapeXml(low_text));
  for (std::size_t i = 0; i < x_labels.size(); ++i) {
    svg += fmt::format(R"svg(<text x="{:.1f}" y="{}" class="line-chart__tick">{}</text>)svg", x_of(i), kHeight - 8,
                       EscapeXml(x_labels[i]));
  }
  for (const Line& line : lines) {
    std::string points;
    double last_x = 0, last_y = 0;
    for (std::size_t i = 0; i < line.values.size() && i < x_labels.size(); ++i) {
      if (!line.values[i]) continue;
      last_x = x_of(i);
      last_y = y_of(*line.values[i]);
      points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", last_x, last_y);
      svg += fmt::format(R"svg(<circle cx="{:.1f}" cy="{:.1f}" r="3" class="{}"/>)svg", last_x, last_y,
                         KindClass("line-chart__point", line.kind));
    }
    if (points.empty()) continue;
    svg += fmt::format(R"svg(<polyline points="{}" class="{}"/>)svg", points, KindClass("line-chart__line", line.kind));
    svg += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" class="{}">{}</text>)svg", last_x + 8, last_y + 4,
                       KindClass("line-chart__name", line.kind), EscapeXml(Shortened(line.label)));
  }
  svg += "</svg>";
  return svg;
}

std::string FunnelChart(const std::vector<FunnelPoint>& points, const std::vector<FunnelCurve>& curves,
                        const FunnelAxes& axes, const ChartOptions& options) {
  constexpr int kHeight = 320, kLeft = 70, kRight = 150, kTop = 14, kBottom = 44;
  double x_low = INFINITY, x_high = -INFINITY, y_low = INFINITY, y_high = -INFINITY;
  for (const FunnelPoint& point : points) {
    if (!(point.denominator > 0)) continue;
    x_low = std::min(x_low, point.denominator);
    x_high = std::max(x_high, point.denominator);
    y_low = std::min(y_low, point.value);
    y_high = std::max(y_high, point.value);
  }
  if (x_low > x_high) return "";
  for (const FunnelCurve& curve : curves) {
    for (std::size_t i = 0; i < curve.values.size() && i < curve.denominators.size(); ++i) {
      if (curve.denominators[i] < x_low || curve.denominators[i] > x_high || !std::isfinite(curve.values[i])) continue;
      y_low = std::min(y_low, curve.values[i]);
      y_high = std::max(y_high, curve.values[i]);
    }
  }
  // A little room around the outermost points, so that none sits on an axis.
  const double log_pad = x_high > x_low ? (std::log10(x_high) - std::log10(x_low)) * 0.03 : 0.5;
  const double log_low = std::log10(x_low) - log_pad, log_span = std::log10(x_high) + log_pad - log_low;
  const double y_pad = y_high > y_low ? (y_high - y_low) * 0.04 : 1;
  const double y_axis_low = y_low - y_pad, y_span = y_high + y_pad - y_axis_low;
  const double plot_width = options.width - kLeft - kRight, plot_height = kHeight - kTop - kBottom;
  const auto x_of = [&](double x) { return kLeft + (std::log10(x) - log_low) / log_span * plot_width; };
  const auto y_of = [&](double y) { return kTop + plot_height - (y - y_axis_low) / y_span * plot_height; };
  std::string svg = Open(options, "funnel-chart", kHeight);
  svg += fmt::format(R"svg(<path d="M{0} {1}V{2}H{3}" class="funnel-chart__axis"/>)svg", kLeft, kTop,
                     kTop + plot_height, kLeft + plot_width);
  svg += fmt::format(R"svg(<text x="{}" y="{:.1f}" class="funnel-chart__tick funnel-chart__tick--y">{}</text>)svg",
                     kLeft - 6, y_of(y_high) + 4, EscapeXml(axes.y_high));
  svg += fmt::format(R"svg(<text x="{}" y="{:.1f}" class="funnel-chart__tick funnel-chart__tick--y">{}</text>)svg",
                     kLeft - 6, y_of(y_low) + 4, EscapeXml(axes.y_low));
  svg += fmt::format(R"svg(<text x="{:.1f}" y="{}" class="funnel-chart__tick">{}</text>)svg", x_of(x_low),
                     kTop + plot_height + 16, EscapeXml(axes.x_low));
  svg += fmt::format(R"svg(<text x="{:.1f}" y="{}" class="funnel-chart__tick funnel-chart__tick--end">{}</text>)svg",
                     x_of(x_high), kTop + plot_height + 16, EscapeXml(axes.x_high));
  svg += fmt::format(R"svg(<text x="{:.1f}" y="{}" class="funnel-chart__name">{}</text>)svg",
                     kLeft + plot_width / 2, kHeight - 6, EscapeXml(axes.x_name));
  for (const FunnelCurve& curve : curves) {
    std::string path;
    for (std::size_t i = 0; i < curve.values.size() && i < curve.denominators.size(); ++i) {
      if (curve.denominators[i] < x_low || curve.denominators[i] > x_high || !std::isfinite(curve.values[i])) continue;
      path += fmt::format("{}{:.1f} {:.1f}", path.empty() ? "M" : "L", x_of(curve.denominators[i]),
                          y_of(curve.values[i]));
    }
    if (!path.empty()) svg += fmt::format(R"svg(<path d="{}" class="funnel-chart__curve funnel-chart__curve--{}"/>)svg", path, EscapeXml(curve.kind));
  }
  // The region's points first, the zone's on top of them.
  for (const bool highlighted : {false, true}) {
    for (const FunnelPoint& point : points) {
      if (point.highlighted != highlighted || !(point.denominator > 0)) continue;
      const double x = x_of(point.denominator), y = y_of(point.value);
      svg += fmt::format(R"svg(<circle cx="{:.1f}" cy="{:.1f}" r="{}" class="{}"/>)svg", x, y, highlighted ? 4.5 : 2.5,
                         highlighted ? "funnel-chart__point funnel-chart__point--zone" : "funnel-chart__point");
      if (highlighted) {
        svg += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" class="funnel-chart__label">{}</text>)svg", x + 7, y + 4,
                           EscapeXml(Shortened(point.label)));
      }
    }
  }
  svg += "</svg>";
  return svg;
}

}  // namespace zoneatlas::formats
