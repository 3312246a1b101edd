// web/history_view.hpp: a record's history from the audit trail, as a page.
//
// Each change shows when, who, what kind of change, and what it changed field by field
// (members added and removed for zones). Features that can write an old version back
// pass `restorable`, and each change with a version before it gets a restore button
// posting to /{lang}/history/{change_id}/restore.
//
// Thread safety: pure functions of their arguments.
#ifndef ZONEATLAS_WEB_HISTORY_VIEW_HPP_
#define ZONEATLAS_WEB_HISTORY_VIEW_HPP_

#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "web/site.hpp"

namespace zoneatlas::web {

// REQUIRES: request.identity is set (history is for signed-in editors).
http::Response HistoryPage(const Site& site, const http::Request& request, Language language,
                           const std::string& title, const std::string& back_href, const std::string& back_name,
                           const std::vector<audit::Change>& changes, bool restorable);

}  // namespace zoneatlas::web

#endif  // ZONEATLAS_WEB_HISTORY_VIEW_HPP_
