#include "platform/formats/svg_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace zoneatlas::formats {
namespace {

struct Box {
  double min_lon = std::numeric_limits<double>::max();
  double min_lat = std::numeric_limits<double>::max();
  double max_lon = std::numeric_limits<double>::lowest();
  double max_lat = std::numeric_limits<double>::lowest();
};

// An equirectangular projection scaled by the cosine of the middle latitude: accurate
// enough for a zone a few tens of kilometres across.
class Projection {
 public:
  Projection(const Box& box, int width, double padding) : box_(box), padding_(padding) {
    const double middle = (box.min_lat + box.max_lat) / 2 * std::numbers::pi / 180;
    x_factor_ = std::cos(middle);
    const double span_x = std::max((box.max_lon - box.min_lon) * x_factor_, 1e-9);
    const double span_y = std::max(box.max_lat - box.min_lat, 1e-9);
    scale_ = (width - 2 * padding) / span_x;
    height_ = static_cast<int>(std::ceil(span_y * scale_ + 2 * padding));
  }
  double X(double lon) const { return padding_ + (lon - box_.min_lon) * x_factor_ * scale_; }
  double Y(double lat) const { return padding_ + (box_.max_lat - lat) * scale_; }
  int height() const { return height_; }

 private:
  Box box_;
  double padding_;
  double x_factor_ = 1;
  double scale_ = 1;
  int height_ = 0;
};

// The centroid of the largest outer ring, in projected coordinates, for the label.
std::pair<double, double> LabelPoint(const MultiPolygon& boundary, const Projection& projection) {
  double best_area = -1;
  std::pair<double, double> best{0, 0};
  for (const Polygon& polygon : boundary) {
    const Ring& ring = polygon.front();
    double area = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      const double x0 = projection.X(ring[i].lon), y0 = projection.Y(ring[i].lat);
      const double x1 = projection.X(ring[i + 1].lon), y1 = projection.Y(ring[i + 1].lat);
      const double cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (std::fabs(area) > best_area && area != 0) {
      best_area = std::fabs(area);
      best = {cx / (3 * area), cy / (3 * area)};
    }
  }
  return best;
}

std::string PathData(const MultiPolygon& boundary, const Projection& projection) {
  std::string data;
  for (const Polygon& polygon : boundary) {
    for (const Ring& ring : polygon) {
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        fmt::format_to(std::back_inserter(data), "{}{:.1f} {:.1f}", i == 0 ? "M" : "L", projection.X(ring[i].lon),
                       projection.Y(ring[i].lat));
      }
      data += 'Z';
    }
  }
  return data;
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string RenderSvgMap(const std::vector<MapShape>& shapes, const MapOptions& options) {
  Box box;
  for (const MapShape& shape : shapes) {
    for (const Polygon& polygon : shape.boundary) {
      for (const Position& position : polygon.front()) {
        box.min_lon = std::min(box.min_lon, position.lon);
        box.max_lon = std::max(box.max_lon, position.lon);
        box.min_lat = std::min(box.min_lat, position.lat);
        box.max_lat = std::max(box.max_lat, position.lat);
      }
    }
  }
  const std::string id = EscapeXml(options.id);
  if (box.min_lon > box.max_lon) return "";
  const Projection projection(box, options.width, 8);
  std::string svg = fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="area-map" viewBox="0 0 {} {}" width="{}" height="{}" )svg"
      R"svg(aria-labelledby="{}-title {}-desc">)svg"
      "<title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>"
      R"svg(<defs><pattern id="{}-partial" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">)svg"
      R"svg(<rect width="8" height="8" class="area-map__partial-bg"/><line x1="0" y1="0" x2="0" y2="8" class="area-map__hatch"/>)svg"
      "</pattern></defs>",
      options.width, projection.height(), options.width, projection.height(), id, id, id, EscapeXml(options.title), id,
      EscapeXml(options.description), id);
  std::string labels;
  for (const MapShape& shape : shapes) {
    const std::string label = EscapeXml(shape.label);
    const std::string path =
        fmt::format(R"svg(<path d="{}" class="area-map__shape{}{}"{}/>)svg", PathData(shape.boundary, projection),
                    shape.partial ? " area-map__shape--partial" : "",
                    shape.shade > 0 ? fmt::format(" area-map__shape--q{}", std::clamp(shape.shade, 1, 5)) : "",
                    shape.partial ? fmt::format(R"svg( fill="url(#{}-partial)")svg", id) : "");
    if (shape.href.empty() && !shape.spoken.empty()) {
      // A pointer shows it; the page's table says it to everyone else.
      svg.append(path, 0, path.size() - 2);
      svg += "><title>" + EscapeXml(shape.spoken) + "</title></path>";
    } else if (shape.href.empty()) {
      svg += path;
    } else {
      svg += fmt::format(R"svg(<a href="{}" aria-label="{}">{}</a>)svg", EscapeXml(shape.href),
                         shape.spoken.empty() ? label : EscapeXml(shape.spoken), path);
    }
    if (shape.label.empty()) continue;  // Too many, too small to name (statistical sectors).
    auto [x, y] = LabelPoint(shape.boundary, projection);
    // Keep the label inside the map: about 6.5 units per character at the label's size.
    const double half_width = 3.25 * static_cast<double>(shape.label.size());
    x = std::clamp(x, std::min(half_width, options.width / 2.0),
                   std::max(options.width - half_width, options.width / 2.0));
    labels += fmt::format(R"svg(<text x="{:.1f}" y="{:.1f}" class="area-map__label" aria-hidden="true">{}</text>)svg",
                          x, y, label);
  }
  // Labels go last so that no shape covers another's name.
  svg += labels;
  svg += "</svg>";
  return svg;
}

}  // namespace zoneatlas::formats
