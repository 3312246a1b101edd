// agenda/edit_pages.hpp: zone editors add, change and remove the activities of the
// prevention calendar.
//
// /{lang}/zones/{zone_id}/agenda/new: a form in plain words (a day, from and to, "every week
// until …" rather than a recurrence rule) that warns, before saving, of activities of the
// same theme for the same people at the same time in the municipality, and saves only when
// the editor confirms. /{lang}/agenda/events/{event_id}/edit: the same form filled in (a rule
// imported that the words cannot say is kept "as recorded"), and /…/remove takes the
// activity out of the calendar and its feeds once the editor ticks that they mean it. Only
// editors of the event's zone (and administrators) may.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_AGENDA_EDIT_PAGES_HPP_
#define ZONEATLAS_AGENDA_EDIT_PAGES_HPP_

#include "agenda/pages.hpp"

namespace zoneatlas::agenda {

// REQUIRES: the arguments outlive the router.
void AddEditRoutes(http::Router& router, const web::Site& site, Services& services);
// /{lang}/agenda/campaigns/new and /{lang}/agenda/campaigns/{campaign_id}/edit: zone editors
// add and keep current the regional campaigns (they belong to no one zone).
void AddCampaignRoutes(http::Router& router, const web::Site& site, Services& services);

// The rule for a plain-words repetition: "weekly", "fortnightly" or "monthly" until `last`
// (a day); "" for "once". Nothing when `repeat` is none of those.
std::optional<std::string> RuleFor(std::string_view repeat, const Date& last);

}  // namespace zoneatlas::agenda

#endif  // ZONEATLAS_AGENDA_EDIT_PAGES_HPP_
