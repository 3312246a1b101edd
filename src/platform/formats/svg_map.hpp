// platform/formats/svg_map.hpp: maps of areas as server-rendered SVG.
//
// Maps are drawn on the server so that they print, work without JavaScript and carry
// their own accessible names; every shape links to its area's page, and the page
// always shows the same data as a table next to the map.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_PLATFORM_FORMATS_SVG_MAP_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_SVG_MAP_HPP_

#include <string>
#include <vector>

#include "platform/formats/geojson.hpp"

namespace zoneatlas::formats {

struct MapShape {
  std::string label;  // Shown on the map and read out as the link's name; empty for none.
  std::string href;   // Empty for no link.
  MultiPolygon boundary;
  bool partial = false;  // Drawn hatched: only part of it belongs to what the map shows.
  int shade = 0;         // 1–5: a choropleth class, light to dark; 0 for the plain fill.
  std::string spoken;    // Read out instead of the label, e.g. "Halle: 21.4 %"; empty for the label.
                         // Without a link, a tooltip.
};

struct MapOptions {
  std::string id = "map";   // Prefix for element ids, unique within the page.
  std::string title;        // The map's accessible name.
  std::string description;  // A sentence read after the title.
  int width = 640;          // The viewBox width; the height follows the shapes' aspect.
};

// Returns an <svg> element. Every text is escaped.
std::string RenderSvgMap(const std::vector<MapShape>& shapes, const MapOptions& options);

// Escapes text for XML and HTML content and attributes.
std::string EscapeXml(std::string_view text);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_SVG_MAP_HPP_
