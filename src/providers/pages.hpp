// providers/pages.hpp: the directory of local providers and the referral routes on the web
// and in the API.
//
//   /{lang}/zones/{zone_id}/providers?profession=&area=&language=&accepting=1
//       who practises what, where, in which languages, taking new patients or not; phone,
//       e-mail and address for signed-in professionals only
//   /{lang}/zones/{zone_id}/referral-routes   the zone's questions, and how many slips were
//                                              made for each, per month (no person kept)
//   /{lang}/zones/{zone_id}/referral-routes/{route_id}   the services to go to, in order, with
//       the social map's places and the rights to check; professionals make a slip there
//   POST …/{route_id}/slip     a printable referral slip; its acknowledgement link, when asked
//   /{lang}/referrals/{referral_id}   what the receiving service sees, and its "seen" button
//   /api/v1/providers?zone=, /api/v1/referral-routes?zone=
//
// Thread safety: the handlers share only the Services, which are thread-safe.
#ifndef ZONEATLAS_PROVIDERS_PAGES_HPP_
#define ZONEATLAS_PROVIDERS_PAGES_HPP_

#include <functional>
#include <utility>
#include <vector>

#include "geo/store.hpp"
#include "platform/http/router.hpp"
#include "providers/store.hpp"
#include "web/site.hpp"

namespace zoneatlas::providers {

struct Services {
  Store& store;
  const geo::Store& geography;
  const Vocabulary& vocabulary;
  // The rights of the rights explorer in force (id, name in `language`), which this feature
  // cannot read itself (the application wires them): routes name the rights to check.
  std::function<std::vector<std::pair<std::string, std::string>>(Language language)> rights = {};
};

// REQUIRES: the arguments outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
void AddApiRoutes(http::Router& router, Services& services);
// /{lang}/zones/{zone_id}/providers/new: zone editors add a provider, with the consent
// recorded; …/providers/{provider_id}/edit updates one on consent confirmed again, and
// …/remove takes one out when consent is withdrawn. …/referral-routes/new and
// …/referral-routes/{route_id}/edit: they write the zone's referral routes.
void AddEditRoutes(http::Router& router, const web::Site& site, Services& services);
void AddRouteEditRoutes(http::Router& router, const web::Site& site, Services& services);

}  // namespace zoneatlas::providers

#endif  // ZONEATLAS_PROVIDERS_PAGES_HPP_
