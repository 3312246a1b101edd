// socialmap/editing.hpp: what the public pages show signed-in people about editing a
// service (socialmap/edit_pages.cpp has the editing pages themselves).
//
// Thread safety: reads the stores only.
#ifndef ZONEATLAS_SOCIALMAP_EDITING_HPP_
#define ZONEATLAS_SOCIALMAP_EDITING_HPP_

#include <boost/json/object.hpp>

#include "core/language.hpp"
#include "platform/http/message.hpp"
#include "socialmap/model.hpp"
#include "socialmap/routes.hpp"
#include "web/site.hpp"

namespace zoneatlas::socialmap {

// For a service page: "report_href" for professionals; "edit_href" and "verify_action"
// (with the form token) for those who may edit the service; "verified_now" after a
// confirmation. Empty for visitors who are not signed in.
boost::json::object EditorActions(const Services& services, const http::Request& request, Language language,
                                  const Service& service);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_EDITING_HPP_
