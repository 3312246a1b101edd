// agenda/pages.hpp: the shared prevention calendar on the web, as a calendar feed and in
// the API.
//
//   /{lang}/agenda?view=list|month&from=YYYY-MM-DD&month=YYYY-MM&theme=&target_group=&area=&zone=&language=&campaign=
//       the events (list: 90 days from `from`, by day; month: a calendar table), filtered by a
//       plain GET form, with a link to the same selection as a feed and a warning where events
//       of the same theme and target group collide in a municipality
//   /{lang}/agenda/events/{event_id}       an event, its next dates and what it collides with
//   /{lang}/agenda/campaigns/{campaign_id} a campaign, its baseline indicator in the atlas per
//                                          zone, and its sessions
//   /api/v1/agenda.ics?(same filters)      iCalendar (RFC 5545) for Outlook, Google and Apple
//   /api/v1/agenda/events?(same filters)&from=&until=   the occurrences as JSON
//
// Thread safety: the handlers share only the Services, which are thread-safe.
#ifndef ZONEATLAS_AGENDA_PAGES_HPP_
#define ZONEATLAS_AGENDA_PAGES_HPP_

#include "agenda/store.hpp"
#include "geo/store.hpp"
#include "platform/http/router.hpp"
#include "web/site.hpp"

namespace zoneatlas::agenda {

struct Services {
  Store& store;
  const geo::Store& geography;
  const Vocabulary& vocabulary;
};

// REQUIRES: the arguments outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, Services& services);
void AddApiRoutes(http::Router& router, Services& services);

}  // namespace zoneatlas::agenda

#endif  // ZONEATLAS_AGENDA_PAGES_HPP_
