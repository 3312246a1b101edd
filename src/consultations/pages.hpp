// consultations/pages.hpp: the monitoring of consultations on the web and in the API.
//
// Pages (no JavaScript needed; they print as the year's report):
//   /{lang}/consultations?year=                         every zone: the year's synthesis and each zone
//   /{lang}/zones/{zone_id}/consultations?year=&theme=&target_group=
//                                                       a zone: synthesis, meetings, what became of each
//                                                       signal, the action lines
//   /{lang}/consultations/{consultation_id}             one meeting with its signals and action lines
// Zone editors of the zone (and administrators) record a meeting with its signals
// (/{lang}/zones/{zone_id}/consultations/new), add signals and action lines to a meeting,
// and move an action line along (/{lang}/action-lines/{action_line_id}/status).
// API (JSON, public like the pages): /api/v1/consultations?zone=&year=,
// /api/v1/consultations/{consultation_id}, /api/v1/consultations/synthesis?zone=&year=&theme=&target_group=,
// /api/v1/action-lines?zone=, /api/v1/working-groups?zone=.
//
// Thread safety: the handlers share only the Services, which are thread-safe.
#ifndef ZONEATLAS_CONSULTATIONS_PAGES_HPP_
#define ZONEATLAS_CONSULTATIONS_PAGES_HPP_

#include "consultations/store.hpp"
#include "geo/store.hpp"
#include "platform/http/router.hpp"
#include "web/site.hpp"

namespace zoneatlas::consultations {

struct Services {
  Store& store;
  const geo::Store& geography;
  const Vocabulary& vocabulary;
  // The title of an initiative of the inventory, which this feature cannot read itself
  // (the application wires it); nothing when there is no such initiative.
  std::function<std::optional<std::string>(const std::string& initiative_id)> initiative_title = {};
  // The zone's initiatives (id, title), for choosing those that carry out an action line.
  std::function<std::vector<std::pair<std::string, std::string>>(const std::string& zone_id)> zone_initiatives = {};
};

// REQUIRES: the arguments outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
// /{lang}/action-lines/{action_line_id}/edit: the zone's editors rework an action line — its
// words, status, owner, working group, the signals it answers and the initiatives that carry
// it out.
void AddActionLineRoutes(http::Router& router, const web::Site& site, Services& services);
void AddApiRoutes(http::Router& router, Services& services);
// /{lang}/zones/{zone_id}/working-groups (the list; zone editors post a new group there) and
// /{lang}/working-groups/{working_group_id} (members — people's names for signed-in
// professionals only — meetings and action lines).
void AddGroupRoutes(http::Router& router, const web::Site& site, Services& services);

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_PAGES_HPP_
