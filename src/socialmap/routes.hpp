// socialmap/routes.hpp: the social map's pages.
//
// /{lang}/social-map (search: words, filters with counts, open now or on a day, near a
// postcode, municipality or point; no JavaScript needed), /{lang}/social-map/services/
// {service_id} (plain-language summary first, opening hours with "open now / opens at",
// walk-in hours, how to get there, languages, cost, last verified) and /{lang}/social-map/
// organizations/{organization_id}. Public.
//
// Thread safety: the handlers share only immutable state, the store and the search.
#ifndef ZONEATLAS_SOCIALMAP_ROUTES_HPP_
#define ZONEATLAS_SOCIALMAP_ROUTES_HPP_

#include "geo/store.hpp"
#include "platform/http/router.hpp"
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
};

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
// The HSDS 3.0 API: /api/hsds (about), /api/hsds/services (search, taxonomy_term_id,
// taxonomy_id, organization_id, postcode, proximity in metres, lat and lon, page, per_page,
// lang), /api/hsds/services/{id}, /api/hsds/organizations[/{id}], /api/hsds/taxonomies,
// /api/hsds/taxonomy_terms. Public, like the social map itself.
void AddApiRoutes(http::Router& router, Services& services);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_ROUTES_HPP_
