// agenda/pages.hpp: the shared prevention calendar on the web, as a calendar feed and in
// the API.
//
//   /{lang}/agenda?view=list|month&from=YYYY-MM-DD&month=YYYY-MM&theme=&target_group=&area=&zone=&language=&campaign=
//       the events (list: 90 days from `from`, by day; month: a calendar table), filtered by a
//       plain GET form, with a link to the same selection as a feed and a warning where events
//       of the same theme and target group collide in a municipality
//   /{lang}/agenda/events/{event_id}       an event, its next dates and what it collides with
//   /{lang}/agenda/campaigns/{campaign_id}?zone=   a campaign and its sessions; for the zone
//                                          chosen, its baseline indicator per municipality,
//                                          lowest uptake first, beside the sessions planned there
//   /api/v1/agenda.ics?(same filters)      iCalendar (RFC 5545) for Outlook, Google and Apple
//   /api/v1/agenda/events?(same filters)&from=&until=   the occurrences as JSON
//
// Thread safety: the handlers share only the Services, which are thread-safe.
#ifndef ZONEATLAS_AGENDA_PAGES_HPP_
#define ZONEATLAS_AGENDA_PAGES_HPP_

#include <functional>
#include <optional>

#include "agenda/store.hpp"
#include "geo/store.hpp"
#include "platform/http/router.hpp"
#include "web/figure_table.hpp"
#include "web/site.hpp"

namespace zoneatlas::agenda {

struct Services {
  Store& store;
  const geo::Store& geography;
  const Vocabulary& vocabulary;
  // A campaign's baseline indicator in every municipality of a zone, the least favourable
  // first; nothing when the atlas has no figure. Set by the application, which joins the atlas.
  std::function<Result<std::optional<web::FigureTable>>(const std::string& indicator_id, const std::string& zone_id,
                                                        Language language)>
      baseline = {};
};

// REQUIRES: the arguments outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
void AddApiRoutes(http::Router& router, const web::Site& site, Services& services);

}  // namespace zoneatlas::agenda

#endif  // ZONEATLAS_AGENDA_PAGES_HPP_
