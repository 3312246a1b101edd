// rights/figure_pages.hpp: zone editors keep the catalog's figures current — propose a
// figure (a new index jump, next year's thresholds) with its period, decision and source,
// and review the figures others proposed: publish (the catalog in force changes at once,
// checked as a whole) or send back with a comment. Nobody reviews their own figure.
//
// Thread safety: as Figures and CurrentCatalog.
#ifndef ZONEATLAS_RIGHTS_FIGURE_PAGES_HPP_
#define ZONEATLAS_RIGHTS_FIGURE_PAGES_HPP_

#include "platform/http/router.hpp"
#include "rights/catalog.hpp"
#include "rights/figures.hpp"
#include "web/site.hpp"

namespace zoneatlas::rights {

// /{lang}/rights/figures (the list and the form), POST there to propose, and
// /{lang}/rights/figures/{figure_id}/review. REQUIRES: the arguments outlive the router.
void AddFigureRoutes(http::Router& router, const web::Site& site, Figures& figures, CurrentCatalog& current);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_FIGURE_PAGES_HPP_
