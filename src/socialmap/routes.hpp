// socialmap/routes.hpp: the social map's pages.
//
// /{lang}/social-map (search: words, filters with counts, open now or on a day, near a
// postcode, municipality or point; no JavaScript needed), /{lang}/social-map/services/
// {service_id} (plain-language summary first, opening hours with "open now / opens at",
// walk-in hours, how to get there, languages, cost, last verified) and /{lang}/social-map/
// organizations/{organization_id}. Public; editors also see what they may do there.
//
// Thread safety: the handlers share only immutable state, the store and the search.
#ifndef ZONEATLAS_SOCIALMAP_ROUTES_HPP_
#define ZONEATLAS_SOCIALMAP_ROUTES_HPP_

#include "geo/store.hpp"
#include "platform/http/router.hpp"
#include "platform/db/database.hpp"
#include "socialmap/proposals.hpp"
#include "socialmap/search.hpp"
#include "socialmap/store.hpp"
#include "socialmap/taxonomy.hpp"
#include "web/site.hpp"

namespace zoneatlas::socialmap {

struct Services {
  const Taxonomy& taxonomy;
  const Store& store;
  const geo::Store& geography;
  Search& search;
  Proposals& proposals;
  db::Database& database;  // For the editing pages' writes.
};

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
// Editing (socialmap/edit_pages.cpp): /{lang}/social-map/services/{service_id}/edit, /verify
// and /report, /{lang}/social-map/organizations/{organization_id}/new-service,
// /{lang}/social-map/propose (a community resource), /{lang}/social-map/review (the queue)
// and /{lang}/social-map/review/{proposal_id} (side by side; /publish, /send-back). For
// professionals; who may edit or review which service is decided per record (Reach).
void AddEditRoutes(http::Router& router, const web::Site& site, Services& services);
// Takes expired community resources off the map, at most once a day (the first search
// or page of the day does it).
void ExpireCommunityResourcesDaily(Services& services);
// The HSDS 3.0 API: /api/hsds (about), /api/hsds/services (search, taxonomy_term_id,
// taxonomy_id, organization_id, postcode, proximity in metres, lat and lon, page, per_page,
// lang), /api/hsds/services/{id}, /api/hsds/organizations[/{id}], /api/hsds/taxonomies,
// /api/hsds/taxonomy_terms. Public, like the social map itself.
void AddApiRoutes(http::Router& router, Services& services);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_ROUTES_HPP_
