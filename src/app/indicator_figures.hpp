// app/indicator_figures.hpp: the atlas figures the coordination pages show beside their own
// records, so that effort goes where the need is and its effect can be seen:
// - an initiative's outcome indicator before it started and at its latest;
// - a campaign's baseline per municipality of a zone, lowest uptake first.
//
// The atlas and the coordination features never include each other; the application hands
// these functions to the features' services.
//
// Thread safety: reads the atlas stores only.
#ifndef ZONEATLAS_APP_INDICATOR_FIGURES_HPP_
#define ZONEATLAS_APP_INDICATOR_FIGURES_HPP_

#include <optional>
#include <string>

#include "atlas/routes.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "initiatives/model.hpp"
#include "platform/view/view.hpp"
#include "web/figure_table.hpp"

namespace zoneatlas::app {

// The initiative's outcome indicator in its municipalities (every municipality of the zone
// when it is zone-wide), the zone and the region: the last period before it started and the
// latest since, with the change and whether it is favourable. Nothing when the initiative
// names no indicator or the atlas has no figure of it before the start.
Result<std::optional<web::FigureTable>> BeforeAndAfter(const atlas::Services& atlas, const view::Catalog& texts,
                                                       const initiatives::Initiative& initiative, Language language);

// The indicator in every municipality of the zone at its latest period, the least favourable
// first (lowest uptake of a screening), each against the zone; then the zone and the region.
// Nothing when the atlas has no figure of it for the zone.
Result<std::optional<web::FigureTable>> Baseline(const atlas::Services& atlas, const view::Catalog& texts,
                                                 const std::string& indicator_id, const std::string& zone_id,
                                                 Language language);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_INDICATOR_FIGURES_HPP_
