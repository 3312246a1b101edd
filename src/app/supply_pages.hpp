// app/supply_pages.hpp: supply beside need — per municipality of a zone, how many services
// of a theme (and target group) serve it per 1,000 inhabitants, counted by action area
// rather than head office, set beside the atlas indicators that measure the need that
// theme answers (the theme's need_indicators in the social map's taxonomy), as a table and
// a map. The analysis the Brussels zones now do by hand outside their social map.
//
// It joins two features (the atlas and the social map), which never include each other,
// so it lives where they are wired together.
//
// Thread safety: the handler reads the stores only.
#ifndef ZONEATLAS_APP_SUPPLY_PAGES_HPP_
#define ZONEATLAS_APP_SUPPLY_PAGES_HPP_

#include "atlas/routes.hpp"
#include "platform/http/router.hpp"
#include "socialmap/routes.hpp"
#include "web/site.hpp"

namespace zoneatlas::app {

// /{lang}/zones/{zone_id}/supply?theme=ID&group=ID (public; without a theme, the first).
void AddSupplyRoutes(http::Router& router, const web::Site& site, const atlas::Services& atlas,
                     socialmap::Services& socialmap);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_SUPPLY_PAGES_HPP_
