#include "geo/maps.hpp"

namespace zoneatlas::geo {

std::optional<formats::MapShape> MapShapeOf(const Store& store, const Area& area, Language language,
                                            const std::string& href) {
  std::string code = area.code;
  bool partial = area.approximate;
  if (!area.has_boundary()) {
    if (!area.parent_code) return std::nullopt;
    code = *area.parent_code;
    partial = true;
  }
  auto text = store.Boundary(code);
  if (!text) return std::nullopt;
  auto boundary = formats::ParseGeometry(*text);
  if (!boundary) return std::nullopt;
  return formats::MapShape{.label = area.names.In(language), .href = href, .boundary = std::move(*boundary),
                           .partial = partial, .shade = 0, .spoken = ""};
}

}  // namespace zoneatlas::geo
