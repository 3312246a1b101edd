// rights/pages.hpp: the rights explorer on the web — the catalog by theme, level and
// competent body; a page per right with its figures; the screening questionnaire, its
// result and a one-page flyer to take along. Screening pages are public, work without
// JavaScript, and store nothing: answers travel in the posted form only.
//
// Thread safety: the routes share an immutable Catalog.
#ifndef ZONEATLAS_RIGHTS_PAGES_HPP_
#define ZONEATLAS_RIGHTS_PAGES_HPP_

#include "platform/http/router.hpp"
#include "rights/catalog.hpp"
#include "web/site.hpp"

namespace zoneatlas::rights {

// REQUIRES: `site` and `catalog` outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, const Catalog& catalog);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_PAGES_HPP_
