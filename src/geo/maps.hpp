// geo/maps.hpp: an area's shape for the server-drawn maps.
//
// Thread safety: reads the Store only.
#ifndef ZONEATLAS_GEO_MAPS_HPP_
#define ZONEATLAS_GEO_MAPS_HPP_

#include <optional>
#include <string>

#include "core/language.hpp"
#include "geo/model.hpp"
#include "geo/store.hpp"
#include "platform/formats/svg_map.hpp"

namespace zoneatlas::geo {

// The area's own boundary, else (for a part of a municipality) its parent's, drawn
// hatched; labelled with the area's name and linking to `href`. Nothing when neither
// has a boundary.
std::optional<formats::MapShape> MapShapeOf(const Store& store, const Area& area, Language language,
                                            const std::string& href);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_MAPS_HPP_
