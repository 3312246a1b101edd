// The administrators' users page: who has an account, with which roles; add an account;
// disable one.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <ctime>

#include "accounts/routes.hpp"
#include "core/date.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/history_view.hpp"

namespace zoneatlas::accounts {
namespace json = boost::json;
namespace {

http::Response UsersPage(const web::Site& site, Accounts& accounts, const http::Request& request, Language language,
                         json::object state, int status = 200) {
  const auto& catalog = site.renderer.catalog();
  auto users = accounts.Users();
  if (!users) return web::ErrorPage(site, request, language, users.error());
  json::array rows;
  for (const User& user : *users) {
    std::string roles;
    for (const http::Grant& grant : user.grants) {
      if (!roles.empty()) roles += ", ";
      roles += catalog.Get(language, "role_" + grant.role);
      if (!grant.scope.empty()) roles += " (" + grant.scope + ")";
    }
    rows.push_back(json::object{{"email", user.email},
                                {"display_name", user.display_name},
                                {"roles", roles},
                                {"disabled", user.disabled},
                                {"is_self", user.id == request.identity->user_id},
                                {"disable_action", web::Href(language, "/admin/users/" + user.id + "/disable")},
                                {"history_href", web::Href(language, "/admin/history/user/" + user.id)},
                                {"href", web::Href(language, "/admin/users/" + user.id)}});
  }
  state["users"] = std::move(rows);
  state["csrf_token"] = request.identity->csrf_token;
  state["csrf_field"] = http::kCsrfField;
  state["add_action"] = web::Href(language, "/admin/users");
  state["tokens_href"] = web::Href(language, "/admin/tokens");
  json::array roles;
  for (std::string_view role : {web::kProfessional, web::kPartnerEditor, web::kZoneEditor, web::kAdmin}) {
    roles.push_back(json::object{{"value", role},
                                 {"label", catalog.Get(language, "role_" + std::string(role))},
                                 {"selected", state.contains("role") && state.at("role").as_string() == role}});
  }
  state["role_options"] = std::move(roles);
  return web::Page(site, request, language, "admin_users", std::string(catalog.Get(language, "admin_users_title")),
                   std::move(state), status);
}

http::Response AddUserFromForm(const web::Site& site, Accounts& accounts, const http::Request& request,
                               Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  json::object state{{"email", http::FormField(*form, "email")},
                     {"display_name", http::FormField(*form, "display_name")},
                     {"role", http::FormField(*form, "role")},
                     {"scope", http::FormField(*form, "scope")}};
  if (!SessionFormTokenMatches(request, *form)) {
    state["error"] = catalog.Get(language, "form_expired");
    return UsersPage(site, accounts, request, language, std::move(state), 403);
  }
  NewUser user{
      http::FormField(*form, "email"), http::FormField(*form, "display_name"), http::FormField(*form, "password"), {}};
  if (const std::string role = http::FormField(*form, "role"); !role.empty()) {
    user.grants.push_back({role, http::FormField(*form, "scope")});
  }
  auto added = accounts.AddUser(user, {ActorOf(*request.identity)});
  if (!added) {
    if (added.error().Is(ErrorCode::kInvalidArgument) || added.error().Is(ErrorCode::kAlreadyExists)) {
      // The message names the field that is wrong; it contains no secret.
      state["error"] = catalog.Format(language, "admin_users_not_added", {{"reason", added.error().message()}});
      return UsersPage(site, accounts, request, language, std::move(state), 422);
    }
    return web::ErrorPage(site, request, language, added.error());
  }
  spdlog::info("user {} added by {}", added->id, request.identity->user_id);
  return UsersPage(site, accounts, request, language,
                   {{"success", catalog.Format(language, "admin_users_added", {{"email", added->email}})}});
}

http::Response DisableUser(const web::Site& site, Accounts& accounts, const http::Request& request, Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form || !SessionFormTokenMatches(request, *form)) {
    return UsersPage(site, accounts, request, language, {{"error", catalog.Get(language, "form_expired")}}, 403);
  }
  const std::string user_id(request.PathParam("user_id"));
  if (user_id == request.identity->user_id) {
    return UsersPage(site, accounts, request, language, {{"error", catalog.Get(language, "admin_users_not_self")}},
                     409);
  }
  if (auto disabled = accounts.Disable(user_id, {ActorOf(*request.identity)}); !disabled) {
    return web::ErrorPage(site, request, language, disabled.error());
  }
  spdlog::info("user {} disabled by {}", user_id, request.identity->user_id);
  return UsersPage(site, accounts, request, language, {{"success", catalog.Get(language, "admin_users_disabled")}});
}

http::Response TokensPage(const web::Site& site, Accounts& accounts, const http::Request& request, Language language,
                          json::object state, int status = 200) {
  const auto& catalog = site.renderer.catalog();
  auto tokens = accounts.ApiTokens();
  if (!tokens) return web::ErrorPage(site, request, language, tokens.error());
  json::array rows;
  for (const ApiToken& token : *tokens) {
    rows.push_back(json::object{
        {"organisation", token.organisation},
        {"label", token.label},
        {"created", view::FormatTimestamp(token.created_at) + " · " + token.created_by_email},
        {"last_used", token.last_used_at ? view::FormatTimestamp(*token.last_used_at)
                                         : std::string(catalog.Get(language, "admin_tokens_never"))},
        {"revoked", token.revoked_at ? view::FormatTimestamp(*token.revoked_at) : ""},
        {"scope", std::string(catalog.Get(language, token.reads_professional ? "admin_tokens_scope_professional"
                                                                             : "admin_tokens_scope_partner"))},
        {"expires", token.expires_at ? view::FormatTimestamp(*token.expires_at) : ""},
        {"revoke_action", web::Href(language, "/admin/tokens/" + token.id + "/revoke")},
        {"history_href", web::Href(language, "/admin/history/api_token/" + token.id)}});
  }
  state["tokens"] = std::move(rows);
  state["has_tokens"] = !tokens->empty();
  state["csrf_token"] = request.identity->csrf_token;
  state["csrf_field"] = http::kCsrfField;
  state["issue_action"] = web::Href(language, "/admin/tokens");
  state["users_href"] = web::Href(language, "/admin/users");
  return web::Page(site, request, language, "admin_tokens", std::string(catalog.Get(language, "admin_tokens_title")),
                   std::move(state), status);
}

http::Response IssueToken(const web::Site& site, Accounts& accounts, const http::Request& request, Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form || !SessionFormTokenMatches(request, *form)) {
    return TokensPage(site, accounts, request, language, {{"error", catalog.Get(language, "form_expired")}}, 403);
  }
  ApiTokenScope scope{.reads_professional = http::FormField(*form, "reads_professional") == "1", .expires_at = {}};
  if (const std::string expires = http::FormField(*form, "expires_on"); !expires.empty()) {
    auto day = Date::Parse(expires);
    if (!day) {
      return TokensPage(site, accounts, request, language,
                        {{"error", catalog.Format(language, "admin_tokens_not_issued",
                                                  {{"reason", "expires_on: " + day.error().message()}})},
                         {"organisation", http::FormField(*form, "organisation")},
                         {"label", http::FormField(*form, "label")}},
                        422);
    }
    // It works through the day given.
    scope.expires_at = static_cast<std::int64_t>(day->DaysSinceEpoch() + 1) * 86400;
  }
  auto token = accounts.IssueApiToken(http::FormField(*form, "organisation"), http::FormField(*form, "label"),
                                      request.identity->user_id, {ActorOf(*request.identity)}, scope);
  if (!token) {
    if (token.error().Is(ErrorCode::kInvalidArgument)) {
      return TokensPage(
          site, accounts, request, language,
          {{"error", catalog.Format(language, "admin_tokens_not_issued", {{"reason", token.error().message()}})},
           {"organisation", http::FormField(*form, "organisation")},
           {"label", http::FormField(*form, "label")}},
          422);
    }
    return web::ErrorPage(site, request, language, token.error());
  }
  spdlog::info("API token for {} issued by {}", http::FormField(*form, "organisation"), request.identity->user_id);
  return TokensPage(site, accounts, request, language, {{"issued_token", *token}});
}

http::Response RevokeToken(const web::Site& site, Accounts& accounts, const http::Request& request, Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form || !SessionFormTokenMatches(request, *form)) {
    return TokensPage(site, accounts, request, language, {{"error", catalog.Get(language, "form_expired")}}, 403);
  }
  if (auto revoked = accounts.RevokeApiToken(std::string(request.PathParam("token_id")), {ActorOf(*request.identity)});
      !revoked) {
    return web::ErrorPage(site, request, language, revoked.error());
  }
  spdlog::info("API token {} revoked by {}", request.PathParam("token_id"), request.identity->user_id);
  return TokensPage(site, accounts, request, language, {{"success", catalog.Get(language, "admin_tokens_revoked")}});
}

http::Response UserPage(const web::Site& site, Accounts& accounts, const http::Request& request, Language language,
                        json::object state, int status = 200) {
  const auto& catalog = site.renderer.catalog();
  const std::string user_id(request.PathParam("user_id"));
  auto users = accounts.Users();
  if (!users) return web::ErrorPage(site, request, language, users.error());
  const auto user = std::find_if(users->begin(), users->end(), [&](const User& u) { return u.id == user_id; });
  if (user == users->end()) return web::ErrorPage(site, request, language, Error::NotFound("no such user"));
  json::array grants;
  for (const http::Grant& grant : user->grants) {
    grants.push_back(json::object{
        {"label", catalog.Get(language, "role_" + grant.role)}, {"role", grant.role}, {"scope", grant.scope}});
  }
  json::array roles;
  for (std::string_view role : {web::kProfessional, web::kPartnerEditor, web::kZoneEditor, web::kAdmin}) {
    roles.push_back(json::object{{"value", role}, {"label", catalog.Get(language, "role_" + std::string(role))}});
  }
  const std::string base = "/admin/users/" + user->id;
  state["email"] = user->email;
  state["display_name"] = user->display_name;
  state["disabled"] = user->disabled;
  state["grants"] = std::move(grants);
  state["has_grants"] = !user->grants.empty();
  state["role_options"] = std::move(roles);
  state["csrf_token"] = request.identity->csrf_token;
  state["csrf_field"] = http::kCsrfField;
  state["grant_action"] = web::Href(language, base + "/grants");
  state["revoke_action"] = web::Href(language, base + "/grants/remove");
  state["history_href"] = web::Href(language, "/admin/history/user/" + user->id);
  state["users_href"] = web::Href(language, "/admin/users");
  return web::Page(site, request, language, "admin_user", user->email, std::move(state), status);
}

http::Response ChangeGrant(const web::Site& site, Accounts& accounts, const http::Request& request, Language language,
                           bool grant) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  if (!SessionFormTokenMatches(request, *form)) return web::FormExpiredPage(site, request, language);
  const std::string user_id(request.PathParam("user_id"));
  const http::Grant change{http::FormField(*form, "role"), http::FormField(*form, "scope")};
  const audit::Context context{ActorOf(*request.identity)};
  auto done = grant ? accounts.Grant(user_id, change, context) : accounts.Revoke(user_id, change, context);
  if (!done) {
    if (done.error().Is(ErrorCode::kInvalidArgument)) {
      return UserPage(
          site, accounts, request, language,
          {{"error", catalog.Format(language, "admin_users_not_added", {{"reason", done.error().message()}})}}, 422);
    }
    return web::ErrorPage(site, request, language, done.error());
  }
  spdlog::info("role {} ({}) {} user {} by {}", change.role, change.scope, grant ? "granted to" : "taken from", user_id,
               request.identity->user_id);
  return UserPage(site, accounts, request, language,
                  {{"success", catalog.Get(language, grant ? "admin_user_granted" : "admin_user_revoked")}});
}

// Any record's history, read-only: accounts and tokens are changed through their own
// pages, not restored.
http::Response AdminHistory(const web::Site& site, db::Database& database, const http::Request& request,
                            Language language) {
  const std::string entity_type(request.PathParam("entity_type"));
  const std::string entity_id(request.PathParam("entity_id"));
  auto changes = audit::History(database, entity_type, entity_id);
  if (!changes) return web::ErrorPage(site, request, language, changes.error());
  if (changes->empty()) return web::ErrorPage(site, request, language, Error::NotFound("no history for this record"));
  const auto& catalog = site.renderer.catalog();
  const std::string name = std::string(catalog.Get(language, "history_entity_" + entity_type)) + " " + entity_id;
  return web::HistoryPage(site, request, language, catalog.Format(language, "history_area_title", {{"name", name}}),
                          web::Href(language, "/admin/users"), std::string(catalog.Get(language, "admin_users_title")),
                          *changes, /*restorable=*/false);
}

}  // namespace

void AddAdminRoutes(http::Router& router, const web::Site& site, Accounts& accounts, db::Database& database) {
  router.Get("/{lang}/admin/users/{user_id}",
             web::ForLanguage(site,
                              [&site, &accounts](const http::Request& request, Language language) {
                                return UserPage(site, accounts, request, language, {});
                              }),
             {.name = "admin_user", .access = std::string(web::kAdmin)});
  router.Post("/{lang}/admin/users/{user_id}/grants",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return ChangeGrant(site, accounts, request, language, /*grant=*/true);
                               }),
              {.name = "admin_grant_role", .access = std::string(web::kAdmin)});
  router.Post("/{lang}/admin/users/{user_id}/grants/remove",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return ChangeGrant(site, accounts, request, language, /*grant=*/false);
                               }),
              {.name = "admin_revoke_role", .access = std::string(web::kAdmin)});
  router.Get("/{lang}/admin/history/{entity_type}/{entity_id}",
             web::ForLanguage(site,
                              [&site, &database](const http::Request& request, Language language) {
                                return AdminHistory(site, database, request, language);
                              }),
             {.name = "admin_history", .access = std::string(web::kAdmin)});
  router.Get("/{lang}/admin/users",
             web::ForLanguage(site,
                              [&site, &accounts](const http::Request& request, Language language) {
                                return UsersPage(site, accounts, request, language, {});
                              }),
             {.name = "admin_users", .access = std::string(web::kAdmin)});
  router.Post("/{lang}/admin/users",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return AddUserFromForm(site, accounts, request, language);
                               }),
              {.name = "admin_add_user", .access = std::string(web::kAdmin)});
  router.Post("/{lang}/admin/users/{user_id}/disable",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return DisableUser(site, accounts, request, language);
                               }),
              {.name = "admin_disable_user", .access = std::string(web::kAdmin)});
  router.Get("/{lang}/admin/tokens",
             web::ForLanguage(site,
                              [&site, &accounts](const http::Request& request, Language language) {
                                return TokensPage(site, accounts, request, language, {});
                              }),
             {.name = "admin_tokens", .access = std::string(web::kAdmin)});
  router.Post("/{lang}/admin/tokens",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return IssueToken(site, accounts, request, language);
                               }),
              {.name = "admin_issue_token", .access = std::string(web::kAdmin)});
  router.Post("/{lang}/admin/tokens/{token_id}/revoke",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return RevokeToken(site, accounts, request, language);
                               }),
              {.name = "admin_revoke_token", .access = std::string(web::kAdmin)});
}

}  // namespace zoneatlas::accounts
