// app/radar_pages.hpp: the non-take-up radar — per municipality of a zone, the people
// likely entitled to a right beside those who have it, to point outreach at the biggest
// gaps (rights/take_up.hpp states the method). It joins the rights catalog (which right,
// which atlas indicators) and the atlas (the figures), so it lives where they are wired.
//
// Thread safety: the handler reads the stores only.
#ifndef ZONEATLAS_APP_RADAR_PAGES_HPP_
#define ZONEATLAS_APP_RADAR_PAGES_HPP_

#include "atlas/routes.hpp"
#include "platform/http/router.hpp"
#include "rights/catalog.hpp"
#include "web/site.hpp"

namespace zoneatlas::app {

// /{lang}/zones/{zone_id}/rights-radar?right=ID (public; without a right, the first the
// atlas has figures for).
void AddRadarRoutes(http::Router& router, const web::Site& site, const atlas::Services& atlas,
                    rights::CurrentCatalog& rights);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_RADAR_PAGES_HPP_
