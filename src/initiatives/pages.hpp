// initiatives/pages.hpp: the inventory of preventive initiatives on the web and in the API.
//
//   /{lang}/zones/{zone_id}/initiatives?theme=&strategy=&area=   a zone's inventory, filtered
//   /{lang}/zones/{zone_id}/initiatives/export.xlsx               the same as a workbook
//   /{lang}/initiatives/{initiative_id}   one initiative: logic model, its outcome indicator
//                                         before the start and since (from the atlas),
//                                         outcomes, evidence, evaluation notes, and the
//                                         similar initiatives
//   /api/v1/initiatives?zone=             the inventory as JSON
//   /{lang}/zones/{zone_id}/initiatives/new   zone editors add one (see AddEditRoutes)
//   /{lang}/initiatives/{initiative_id}/edit  and edit one
//   /{lang}/zones/{zone_id}/plan   the multi-year plan: goals → strategies → initiatives;
//                                  its editors add and change goals (see AddGoalRoutes)
//
// Thread safety: the handlers share only the Services, which are thread-safe.
#ifndef ZONEATLAS_INITIATIVES_PAGES_HPP_
#define ZONEATLAS_INITIATIVES_PAGES_HPP_

#include <functional>
#include <optional>

#include "geo/store.hpp"
#include "initiatives/store.hpp"
#include "platform/http/router.hpp"
#include "web/figure_table.hpp"
#include "web/site.hpp"

namespace zoneatlas::initiatives {

struct Services {
  Store& store;
  const geo::Store& geography;
  const Vocabulary& vocabulary;
  // The atlas figures of the initiative's outcome indicator before it started and at their
  // latest; nothing when there are none. Set by the application, which joins the atlas.
  std::function<Result<std::optional<web::FigureTable>>(const Initiative& initiative, Language language)>
      before_and_after = {};
};

// REQUIRES: the arguments outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
void AddApiRoutes(http::Router& router, Services& services);
// /{lang}/zones/{zone_id}/initiatives/new: zone editors add an initiative, shown the similar
// ones (same theme, place and time) before it is saved; /{lang}/initiatives/{id}/edit: the
// zone's editors change one, its results and notes kept.
void AddEditRoutes(http::Router& router, const web::Site& site, Services& services);
// /{lang}/zones/{zone_id}/plan/goals/new and …/goals/{goal_id}/edit: the zone's editors write
// the goals of its multi-year plan.
void AddGoalRoutes(http::Router& router, const web::Site& site, Services& services);

}  // namespace zoneatlas::initiatives

#endif  // ZONEATLAS_INITIATIVES_PAGES_HPP_
