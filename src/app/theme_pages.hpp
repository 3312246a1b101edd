// app/theme_pages.hpp: what happens where on one theme — for a zone or one of its
// municipalities, the atlas indicators that measure the theme's need (beside the zone and
// the region), the initiatives of the theme with the plan goal they serve, the coming
// activities of the prevention calendar, and links to the social map's places, the supply
// page and the signals from the field.
//
// It joins four features (atlas, initiatives, agenda, social map), which never include
// each other, so it lives where they are wired together.
//
// Thread safety: the handler reads the stores only.
#ifndef ZONEATLAS_APP_THEME_PAGES_HPP_
#define ZONEATLAS_APP_THEME_PAGES_HPP_

#include "agenda/pages.hpp"
#include "atlas/routes.hpp"
#include "initiatives/pages.hpp"
#include "platform/http/router.hpp"
#include "socialmap/routes.hpp"
#include "web/site.hpp"

namespace zoneatlas::app {

// /{lang}/zones/{zone_id}/themes/{theme_id}?area=NIS (public).
void AddThemeRoutes(http::Router& router, const web::Site& site, const atlas::Services& atlas,
                    socialmap::Services& socialmap, initiatives::Services& initiatives, agenda::Services& agenda);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_THEME_PAGES_HPP_
