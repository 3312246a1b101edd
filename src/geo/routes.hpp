// geo/routes.hpp: the geography's pages and JSON API.
//
// Pages: /{lang}/ (zones), /{lang}/zones/{zone_id}, /{lang}/areas/{code}.
// API: /api/v1/zones, /api/v1/zones/{zone_id}, /api/v1/areas, /api/v1/areas/{code},
// /api/v1/areas/{code}/geometry. Every route takes ?date=YYYY-MM-DD to see the
// geography as it was (or will be) on that day.
//
// Thread safety: the handlers share only immutable state and the Store.
#ifndef ZONEATLAS_GEO_ROUTES_HPP_
#define ZONEATLAS_GEO_ROUTES_HPP_

#include "geo/store.hpp"
#include "platform/http/router.hpp"
#include "web/response_cache.hpp"
#include "web/site.hpp"

namespace zoneatlas::geo {

// Successful answers are kept in `cache` until the geography changes (Store::Generation).
void AddPageRoutes(http::Router& router, const web::Site& site, const Store& store, web::ResponseCache& cache);
void AddApiRoutes(http::Router& router, const Store& store, web::ResponseCache& cache);
// The editors' history pages: /{lang}/zones/{zone_id}/history, /{lang}/areas/{code}/history,
// and restoring the version before a change (zone editors of the zone, administrators).
void AddHistoryRoutes(http::Router& router, const web::Site& site, Store& store, db::Database& database);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_ROUTES_HPP_
