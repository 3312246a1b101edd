#include "web/history_view.hpp"

#include <boost/json.hpp>
#include <set>

#include "platform/http/form.hpp"

namespace zoneatlas::web {
namespace json = boost::json;
namespace {

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
json::array Differences(const Site& site, Language language, const audit::Change& change) {
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

json::object ChangeJson(const Site& site, Language language, const audit::Change& change,
                        const std::string& csrf_token, bool restorable) {
  const auto& catalog = site.renderer.catalog();
  return json::object{
      {"when", view::FormatTimestamp(change.at)},
      {"who", change.actor.label},
      {"action", catalog.Get(language, "history_action_" + change.action)},
      {"what", std::string(catalog.Get(language, "history_entity_" + change.entity_type)) + " " + change.entity_id},
      {"differences", Differences(site, language, change)},
      {"can_restore", restorable && change.before.has_value()},
      {"restore_action", Href(language, "/history/" + std::to_string(change.id) + "/restore")},
      {"csrf_token", csrf_token},
      {"csrf_field", http::kCsrfField},
  };
}

}  // namespace

http::Response HistoryPage(const Site& site, const http::Request& request, Language language,
                           const std::string& title, const std::string& back_href, const std::string& back_name,
                           const std::vector<audit::Change>& changes, bool restorable) {
  json::array entries;
  for (const audit::Change& change : changes) {
    entries.push_back(ChangeJson(site, language, change, request.identity->csrf_token, restorable));
  }
  json::object model{{"heading", title},
                     {"back_href", back_href},
                     {"back_name", back_name},
                     {"changes", std::move(entries)},
                     {"has_changes", !changes.empty()},
                     {"restored", request.Query("restored").has_value()}};
  return Page(site, request, language, "history", title, std::move(model));
}

}  // namespace zoneatlas::web
