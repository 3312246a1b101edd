// The history of the geography for its editors: a zone's recent changes, an area's
// history, each change with what it changed, and a way to restore the version before it.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "audit/audit.hpp"
#include "core/text.hpp"
#include "geo/routes.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/history_view.hpp"

namespace zoneatlas::geo {
namespace {

// True when the user edits a zone that `code` belongs to.
bool EditsArea(const Store& store, const http::Identity& identity, const std::string& code) {
  if (identity.HasRole(web::kAdmin)) return true;
  auto zones = store.ZonesWithMember(code, Date::Today());
  if (!zones) return false;
  for (const Zone& zone : *zones) {
    if (web::EditsZone(&identity, zone.id)) return true;
  }
  return false;
}

http::Response ZoneHistory(const web::Site& site, const Store& store, db::Database& database,
                           const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = store.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  if (!web::EditsZone(request.identity.get(), zone_id)) {
    return web::ErrorPage(site, request, language, Error::PermissionDenied("not an editor of this zone"));
  }
  auto changes = audit::ZoneChanges(database, zone_id, 100);
  if (!changes) return web::ErrorPage(site, request, language, changes.error());
  const std::string name = zone->names.In(language);
  return web::HistoryPage(site, request, language,
                          site.renderer.catalog().Format(language, "history_zone_title", {{"name", name}}),
                          web::Href(language, "/zones/" + zone_id), name, *changes, /*restorable=*/true);
}

http::Response AreaHistory(const web::Site& site, const Store& store, db::Database& database,
                           const http::Request& request, Language language) {
  const std::string code(request.PathParam("code"));
  auto area = store.FindArea(code, Date::Today());
  if (!area) return web::ErrorPage(site, request, language, area.error());
  if (!EditsArea(store, *request.identity, code)) {
    return web::ErrorPage(site, request, language, Error::PermissionDenied("not an editor of a zone with this area"));
  }
  auto changes = audit::History(database, "area", code);
  auto boundary = audit::History(database, "boundary", code);
  if (!changes || !boundary) {
    return web::ErrorPage(site, request, language, changes ? boundary.error() : changes.error());
  }
  changes->insert(changes->end(), boundary->begin(), boundary->end());
  std::sort(changes->begin(), changes->end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  const std::string name = area->names.In(language);
  return web::HistoryPage(site, request, language,
                          site.renderer.catalog().Format(language, "history_area_title", {{"name", name}}),
                          web::Href(language, "/areas/" + code), name, *changes, /*restorable=*/true);
}

http::Response RestoreChange(const web::Site& site, Store& store, db::Database& database, const http::Request& request,
                             Language language) {
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  const auto token = form->find(std::string(http::kCsrfField));
  if (token == form->end() || !http::SecretsEqual(token->second, request.identity->csrf_token)) {
    return web::FormExpiredPage(site, request, language);
  }
  const auto id = text::ParseInteger(request.PathParam("change_id"));
  if (!id) return web::ErrorPage(site, request, language, Error::NotFound("no such change"));
  auto change = audit::FindChange(database, *id);
  if (!change) return web::ErrorPage(site, request, language, change.error());
  const bool zone_change = change->entity_type == "zone";
  const bool allowed = zone_change ? web::EditsZone(request.identity.get(), change->entity_id)
                                   : EditsArea(store, *request.identity, change->entity_id);
  if (!allowed) return web::ErrorPage(site, request, language, Error::PermissionDenied("not an editor of this record"));
  const audit::Actor actor{request.identity->user_id,
                           request.identity->email.empty() ? request.identity->display_name : request.identity->email};
  if (auto restored = store.Restore(*change, /*before=*/true, {actor, /*restore=*/true}); !restored) {
    return web::ErrorPage(site, request, language, restored.error());
  }
  spdlog::info("{} restored {} {} to before change {}", actor.id, change->entity_type, change->entity_id, *id);
  const std::string back = zone_change ? "/zones/" + change->entity_id : "/areas/" + change->entity_id;
  return http::Response::Redirect(web::Href(language, back + "/history?restored=1"), 303);
}

}  // namespace

void AddHistoryRoutes(http::Router& router, const web::Site& site, Store& store, db::Database& database) {
  router.Get("/{lang}/zones/{zone_id}/history",
             web::ForLanguage(
                 site, [&](const http::Request& r, Language l) { return ZoneHistory(site, store, database, r, l); }),
             {.name = "zone_history", .access = std::string(web::kZoneEditor)});
  router.Get("/{lang}/areas/{code}/history",
             web::ForLanguage(
                 site, [&](const http::Request& r, Language l) { return AreaHistory(site, store, database, r, l); }),
             {.name = "area_history", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/history/{change_id}/restore",
              web::ForLanguage(
                  site, [&](const http::Request& r, Language l) { return RestoreChange(site, store, database, r, l); }),
              {.name = "history_restore", .access = std::string(web::kZoneEditor)});
}

}  // namespace zoneatlas::geo
