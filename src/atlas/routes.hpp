// atlas/routes.hpp: the atlas's pages, downloads and JSON API.
//
// Pages: /{lang}/atlas (the remembered zone or municipality, else the choice of zones),
// /{lang}/zones/{zone_id}/atlas (the zone's profile), /{lang}/zones/{zone_id}/atlas/
// {indicator_id} (one indicator: chart, map, trend, table, definition and source),
// /{lang}/areas/{code}/atlas (a municipality against its zone and region).
// Downloads: /{lang}/zones/{zone_id}/atlas.csv (?indicator= for one).
// API: /api/v1/indicators, /api/v1/indicators/{indicator_id}, /api/v1/indicators/
// {indicator_id}/ranking (every zone and ranked area for a period), /api/v1/observations,
// /api/v1/zones/{zone_id}/aggregates.
// Public figures are suppressed below each indicator's small-count threshold everywhere.
//
// Thread safety: the handlers share only immutable state and the stores.
#ifndef ZONEATLAS_ATLAS_ROUTES_HPP_
#define ZONEATLAS_ATLAS_ROUTES_HPP_

#include "atlas/catalog.hpp"
#include "atlas/observations.hpp"
#include "atlas/ranking.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "web/response_cache.hpp"
#include "web/site.hpp"

namespace zoneatlas::atlas {

struct Services {
  const Catalog& catalog;
  const Store& store;
  const geo::Store& geography;
  web::ResponseCache& cache;
  RankingCache& ranking;
};

// What the atlas's pages and answers rest on: the geography's and the figures' change
// counters, summed (both only grow, so the sum moves when either does).
Result<std::int64_t> Generation(const Services& services);

void AddPageRoutes(http::Router& router, const web::Site& site, const Services& services);
void AddApiRoutes(http::Router& router, const Services& services);
// The needs index: /{lang}/zones/{zone_id}/atlas/needs (choose indicators and weights,
// see the ranking, the map and the budget shared), …/needs.xlsx, and
// /api/v1/zones/{zone_id}/needs-index.
void AddNeedsRoutes(http::Router& router, const web::Site& site, const Services& services);
// Importing figures on the web (zone editors, for their zones' areas; administrators):
// /{lang}/atlas/import (upload and check), /{lang}/atlas/import/{upload_id} (confirm),
// /{lang}/atlas/batches (every import with its source, checksum, who and when).
void AddImportRoutes(http::Router& router, const web::Site& site, const Services& services, db::Database& database);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_ROUTES_HPP_
