// The history of the geography for its editors: a zone's recent changes, an area's
// history, each change with what it changed, and a way to restore the version before it.
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <ctime>
#include <set>

#include "audit/audit.hpp"
#include "core/text.hpp"
#include "geo/routes.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::geo {
namespace json = boost::json;
namespace {

// True when the signed-in user edits `zone_id` (or administers everything).
bool EditsZone(const http::Identity& identity, const std::string& zone_id) {
  if (identity.HasRole(web::kAdmin)) return true;
  for (const http::Grant& grant : identity.grants) {
    if (grant.role == web::kZoneEditor && grant.scope == zone_id) return true;
  }
  return false;
}

// True when the user edits a zone that `code` belongs to.
bool EditsArea(const Store& store, const http::Identity& identity, const std::string& code) {
  if (identity.HasRole(web::kAdmin)) return true;
  auto zones = store.ZonesWithMember(code, Date::Today());
  if (!zones) return false;
  for (const Zone& zone : *zones) {
    if (EditsZone(identity, zone.id)) return true;
  }
  return false;
}

std::string Compact(const json::value& value) {
  std::string text = value.is_string() ? std::string(value.get_string()) : json::serialize(value);
  if (text.size() > 120) text = text.substr(0, 117) + "…";
  return text.empty() ? "–" : text;
}

std::set<std::string> MemberCodes(const json::object& zone) {
  std::set<std::string> codes;
  if (const json::value* members = zone.if_contains("members"); members && members->is_array()) {
    for (const json::value& member : members->get_array()) {
      codes.insert(std::string(member.as_object().at("area_code").as_string()));
    }
  }
  return codes;
}

// What a change changed, one line per field, in the reader's language.
json::array Differences(const web::Site& site, Language language, const audit::Change& change) {
  const auto& catalog = site.renderer.catalog();
  json::array lines;
  const json::object empty;
  const json::value before_value = change.before ? json::parse(*change.before) : json::value(json::object());
  const json::value after_value = change.after ? json::parse(*change.after) : json::value(json::object());
  const json::object& before = before_value.is_object() ? before_value.get_object() : empty;
  const json::object& after = after_value.is_object() ? after_value.get_object() : empty;
  std::set<std::string> keys;
  for (const auto& field : before) keys.insert(std::string(field.key()));
  for (const auto& field : after) keys.insert(std::string(field.key()));
  for (const std::string& key : keys) {
    const json::value* old_value = before.if_contains(key);
    const json::value* new_value = after.if_contains(key);
    if (old_value && new_value && *old_value == *new_value) continue;
    if (key == "member_count" || key == "approximate") continue;  // Follow from the members.
    std::string text;
    if (key == "members") {
      const auto old_codes = MemberCodes(before);
      const auto new_codes = MemberCodes(after);
      std::string added, removed;
      for (const auto& code : new_codes) {
        if (!old_codes.contains(code)) added += (added.empty() ? "" : ", ") + code;
      }
      for (const auto& code : old_codes) {
        if (!new_codes.contains(code)) removed += (removed.empty() ? "" : ", ") + code;
      }
      if (!added.empty()) text += catalog.Format(language, "history_members_added", {{"codes", added}});
      if (!removed.empty()) {
        text += (text.empty() ? "" : "; ") + catalog.Format(language, "history_members_removed", {{"codes", removed}});
      }
      if (text.empty()) text = catalog.Get(language, "history_members_changed");
    } else if (key == "geometry") {
      text = catalog.Get(language, "history_geometry_changed");
    } else {
      text = key + ": " + (old_value ? Compact(*old_value) : "–") + " → " + (new_value ? Compact(*new_value) : "–");
    }
    lines.push_back(json::string(text));
  }
  return lines;
}

json::object ChangeJson(const web::Site& site, Language language, const audit::Change& change,
                        const std::string& csrf_token) {
  const auto& catalog = site.renderer.catalog();
  return json::object{
      {"when", view::FormatTimestamp(change.at)},
      {"who", change.actor.label},
      {"action", catalog.Get(language, "history_action_" + change.action)},
      {"what", std::string(catalog.Get(language, "history_entity_" + change.entity_type)) + " " + change.entity_id},
      {"differences", Differences(site, language, change)},
      {"can_restore", change.before.has_value()},
      {"restore_action", web::Href(language, "/history/" + std::to_string(change.id) + "/restore")},
      {"csrf_token", csrf_token},
      {"csrf_field", http::kCsrfField},
  };
}

http::Response HistoryPage(const web::Site& site, const http::Request& request, Language language,
                           const std::string& title, const std::string& back_href, const std::string& back_name,
                           const std::vector<audit::Change>& changes) {
  json::array entries;
  for (const audit::Change& change : changes) {
    entries.push_back(ChangeJson(site, language, change, request.identity->csrf_token));
  }
  json::object model{{"heading", title},
                     {"back_href", back_href},
                     {"back_name", back_name},
                     {"changes", std::move(entries)},
                     {"has_changes", !changes.empty()},
                     {"restored", request.Query("restored").has_value()}};
  return web::Page(site, request, language, "history", title, std::move(model));
}

http::Response ZoneHistory(const web::Site& site, const Store& store, db::Database& database,
                           const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = store.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  if (!EditsZone(*request.identity, zone_id)) {
    return web::ErrorPage(site, request, language, Error::PermissionDenied("not an editor of this zone"));
  }
  auto changes = audit::ZoneChanges(database, zone_id, 100);
  if (!changes) return web::ErrorPage(site, request, language, changes.error());
  const std::string name = zone->names.In(language);
  return HistoryPage(site, request, language,
                     site.renderer.catalog().Format(language, "history_zone_title", {{"name", name}}),
                     web::Href(language, "/zones/" + zone_id), name, *changes);
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
  return HistoryPage(site, request, language,
                     site.renderer.catalog().Format(language, "history_area_title", {{"name", name}}),
                     web::Href(language, "/areas/" + code), name, *changes);
}

http::Response RestoreChange(const web::Site& site, Store& store, db::Database& database,
                             const http::Request& request, Language language) {
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  const auto token = form->find(std::string(http::kCsrfField));
  if (token == form->end() || request.identity->csrf_token.empty() || token->second != request.identity->csrf_token) {
    return web::FormExpiredPage(site, request, language);
  }
  const auto id = text::ParseInteger(request.PathParam("change_id"));
  if (!id) return web::ErrorPage(site, request, language, Error::NotFound("no such change"));
  auto change = audit::FindChange(database, *id);
  if (!change) return web::ErrorPage(site, request, language, change.error());
  const bool zone_change = change->entity_type == "zone";
  const bool allowed = zone_change ? EditsZone(*request.identity, change->entity_id)
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
             web::ForLanguage(site, [&](const http::Request& r, Language l) {
               return ZoneHistory(site, store, database, r, l);
             }),
             {.name = "zone_history", .access = std::string(web::kZoneEditor)});
  router.Get("/{lang}/areas/{code}/history",
             web::ForLanguage(site, [&](const http::Request& r, Language l) {
               return AreaHistory(site, store, database, r, l);
             }),
             {.name = "area_history", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/history/{change_id}/restore",
              web::ForLanguage(site, [&](const http::Request& r, Language l) {
                return RestoreChange(site, store, database, r, l);
              }),
              {.name = "history_restore", .access = std::string(web::kZoneEditor)});
}

}  // namespace zoneatlas::geo
