// rights/rule_pages.hpp: zone editors change how a right is decided — its routes,
// conditions, terms and texts — by editing its definition in the catalog's own format;
// the change is checked with the whole catalog (every test names known facts, parameters
// and rights), then reviewed by another editor, who sees it line by line against the
// definition in force, and publishes it (in force at once) or sends it back.
//
// Thread safety: as RuleChanges and CurrentCatalog.
#ifndef ZONEATLAS_RIGHTS_RULE_PAGES_HPP_
#define ZONEATLAS_RIGHTS_RULE_PAGES_HPP_

#include "platform/http/router.hpp"
#include "rights/catalog.hpp"
#include "rights/rule_changes.hpp"
#include "web/site.hpp"

namespace zoneatlas::rights {

// /{lang}/rights/rules (the changes to review), /{lang}/rights/rules/{right_id}/edit
// (GET the form, POST to propose) and POST /{lang}/rights/rules/changes/{change_id}/review.
// REQUIRES: the arguments outlive the router.
void AddRuleRoutes(http::Router& router, const web::Site& site, RuleChanges& changes, CurrentCatalog& current);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_RULE_PAGES_HPP_
