#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::accounts {
namespace json = boost::json;
namespace {

// Only a path on this site may follow sign-in, never "//elsewhere" or "https://…". Browsers
// drop tabs and line breaks from a Location and read "\\" as "/", so "/\t/evil.example" would
// leave the site: only printable ASCII without backslashes is taken.
std::string SafeNext(std::string_view next, Language language) {
  const bool printable = std::ranges::all_of(next, [](char c) { return c > ' ' && c < 0x7F && c != '\\'; });
  if (printable && next.size() > 1 && next.front() == '/' && next[1] != '/') return std::string(next);
  return web::Href(language, "/account");
}

std::string SessionCookie(const http::Request& request, const std::string& value, bool clear) {
  std::string cookie = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  // Behind a TLS-terminating proxy the cookie must never travel in clear text.
  if (text::AsciiLower(request.headers.Get("X-Forwarded-Proto")) == "https") cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

http::Response LoginForm(const web::Site& site, const http::Request& request, Language language, json::object state,
                         int status = 200) {
  http::Response cookies;
  state["csrf_token"] = http::CsrfToken(request, cookies);
  state["csrf_field"] = http::kCsrfField;
  state["action"] = web::Href(language, "/login");
  if (!state.contains("next")) state["next"] = request.Query("next").value_or("");
  http::Response page =
      web::Page(site, request, language, "login", std::string(site.renderer.catalog().Get(language, "login_title")),
                std::move(state), status);
  for (const auto& [name, value] : cookies.headers.fields()) page.headers.Add(name, value);
  // The form carries this browser's token; no cache may hand it to another.
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Login(const web::Site& site, Accounts& accounts, const http::Request& request, Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  const std::string email = http::FormField(*form, "email");
  json::object state{{"email", email}, {"next", http::FormField(*form, "next")}};
  if (!http::CsrfTokenMatches(request, *form)) {
    spdlog::warn("sign-in refused: missing or stale form token, from {}", request.remote_address);
    state["error"] = catalog.Get(language, "form_expired");
    return LoginForm(site, request, language, std::move(state), 403);
  }
  auto outcome = accounts.SignInWithPassword(email, http::FormField(*form, "password"), request.remote_address);
  if (!outcome) return web::ErrorPage(site, request, language, outcome.error());
  switch (outcome->outcome) {
    case SignInOutcome::kSignedIn: {
      spdlog::info("signed in from {}", request.remote_address);
      http::Response response = http::Response::Redirect(SafeNext(http::FormField(*form, "next"), language), 303);
      response.headers.Add("Set-Cookie", SessionCookie(request, outcome->session_token, false));
      return response;
    }
    case SignInOutcome::kRefused:
      spdlog::warn("sign-in refused (wrong address or password) from {}", request.remote_address);
      state["error"] = catalog.Get(language, "login_refused");
      return LoginForm(site, request, language, std::move(state), 401);
    case SignInOutcome::kThrottled:
    case SignInOutcome::kLocked: {
      spdlog::warn("sign-in {} for {} s, from {}", outcome->outcome == SignInOutcome::kLocked ? "locked" : "slowed",
                   outcome->retry_after.count(), request.remote_address);
      const bool locked = outcome->outcome == SignInOutcome::kLocked;
      const long long wait = outcome->retry_after.count();
      state["error"] =
          catalog.Format(language, locked ? "login_locked" : "login_throttled",
                         {{"minutes", std::to_string((wait + 59) / 60)}, {"seconds", std::to_string(wait)}});
      http::Response response = LoginForm(site, request, language, std::move(state), 429);
      response.headers.Set("Retry-After", std::to_string(wait));
      return response;
    }
  }
  return web::ErrorPage(site, request, language, Error::Internal("unknown sign-in outcome"));
}

http::Response AccountPage(const web::Site& site, const http::Request& request, Language language, json::object state,
                           int status = 200) {
  const http::Identity& identity = *request.identity;
  const auto& catalog = site.renderer.catalog();
  json::array roles;
  for (const http::Grant& grant : identity.grants) {
    json::object role{{"role", catalog.Get(language, "role_" + grant.role)}, {"scope", grant.scope}};
    if (grant.role == web::kZoneEditor) {
      role["history_href"] = web::Href(language, "/zones/" + grant.scope + "/history");
      role["history_label"] = catalog.Format(language, "account_zone_history", {{"zone", grant.scope}});
    }
    roles.push_back(std::move(role));
  }
  state["email"] = identity.email;
  state["display_name"] = identity.display_name;
  if (identity.HasRole(web::kZoneEditor) || identity.HasRole(web::kAdmin)) {
    state["import_href"] = web::Href(language, "/atlas/import");
    state["batches_href"] = web::Href(language, "/atlas/batches");
    state["figures_href"] = web::Href(language, "/rights/figures");
    state["rules_href"] = web::Href(language, "/rights/rules");
  }
  if (web::Allows(web::kProfessional, &identity)) {
    state["review_href"] = web::Href(language, "/social-map/review");
  }
  state["roles"] = std::move(roles);
  state["has_roles"] = !identity.grants.empty();
  state["is_admin"] = identity.HasRole(web::kAdmin);
  state["admin_href"] = web::Href(language, "/admin/users");
  state["csrf_token"] = identity.csrf_token;
  state["csrf_field"] = http::kCsrfField;
  state["password_action"] = web::Href(language, "/account/password");
  state["logout_action"] = web::Href(language, "/logout");
  return web::Page(site, request, language, "account", std::string(catalog.Get(language, "account_title")),
                   std::move(state), status);
}

http::Response ChangePassword(const web::Site& site, Accounts& accounts, const http::Request& request,
                              Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  if (!SessionFormTokenMatches(request, *form)) {
    return AccountPage(site, request, language, {{"error", catalog.Get(language, "form_expired")}}, 403);
  }
  const auto token = http::Cookie(request, kSessionCookie).value_or("");
  auto changed = accounts.ChangePassword(request.identity->user_id, http::FormField(*form, "current_password"),
                                         http::FormField(*form, "new_password"), token, {ActorOf(*request.identity)});
  if (!changed) {
    if (changed.error().Is(ErrorCode::kPermissionDenied)) {
      return AccountPage(site, request, language, {{"error", catalog.Get(language, "account_password_wrong")}}, 403);
    }
    if (changed.error().Is(ErrorCode::kInvalidArgument)) {
      return AccountPage(site, request, language, {{"error", catalog.Get(language, "account_password_policy")}}, 422);
    }
    return web::ErrorPage(site, request, language, changed.error());
  }
  spdlog::info("password changed for user {}", request.identity->user_id);
  return AccountPage(site, request, language, {{"success", catalog.Get(language, "account_password_changed")}});
}

http::Response Logout(const web::Site& site, Accounts& accounts, const http::Request& request, Language language) {
  const auto form = http::ParseForm(request);
  if (!form || !SessionFormTokenMatches(request, *form)) {
    return AccountPage(site, request, language, {{"error", site.renderer.catalog().Get(language, "form_expired")}},
                       403);
  }
  if (auto ended = accounts.SignOut(http::Cookie(request, kSessionCookie).value_or("")); !ended) {
    return web::ErrorPage(site, request, language, ended.error());
  }
  http::Response response = http::Response::Redirect(web::Href(language, "/"), 303);
  response.headers.Add("Set-Cookie", SessionCookie(request, "", true));
  return response;
}

}  // namespace

Result<std::shared_ptr<const http::Identity>> IdentityOf(Accounts& accounts, const http::Request& request) {
  if (const std::string_view authorization = request.headers.Get("Authorization"); !authorization.empty()) {
    if (!text::StartsWith(text::AsciiLower(authorization.substr(0, 7)), "bearer ")) {
      return Fail(Error::Unauthenticated("use Authorization: Bearer with an API token"));
    }
    auto identity = accounts.FindApiToken(std::string(text::Trim(authorization.substr(7))));
    if (!identity) return Fail(identity.error());
    if (!*identity) {
      spdlog::warn("API token refused (unknown or revoked) from {}", request.remote_address);
      return Fail(Error::Unauthenticated("the API token is unknown or revoked"));
    }
    return std::make_shared<const http::Identity>(std::move(**identity));
  }
  const auto token = http::Cookie(request, kSessionCookie);
  if (!token || token->empty()) return nullptr;
  auto identity = accounts.FindSession(*token);
  if (!identity) return Fail(identity.error());
  if (!*identity) return nullptr;
  return std::make_shared<const http::Identity>(std::move(**identity));
}

void AddApiRoutes(http::Router& router) {
  router.Get("/api/v1/me",
             [](const http::Request& request) {
               json::array grants;
               for (const http::Grant& grant : request.identity->grants) {
                 grants.push_back(json::object{{"role", grant.role}, {"scope", grant.scope}});
               }
               json::object me{{"id", request.identity->user_id},
                               {"email", request.identity->email},
                               {"name", request.identity->display_name},
                               {"grants", std::move(grants)}};
               return http::Response::Json(json::serialize(me));
             },
             {.name = "api_me", .access = std::string(web::kSignedIn)});
}

audit::Actor ActorOf(const http::Identity& identity) {
  return {identity.user_id, identity.email.empty() ? identity.display_name : identity.email};
}

bool SessionFormTokenMatches(const http::Request& request, const std::multimap<std::string, std::string>& form) {
  if (!request.identity) return false;
  return http::SecretsEqual(http::FormField(form, std::string(http::kCsrfField)), request.identity->csrf_token);
}

std::optional<std::multimap<std::string, std::string>> SignedForm(const http::Request& request) {
  auto form = http::ParseForm(request);
  if (!form || !SessionFormTokenMatches(request, *form)) return std::nullopt;
  return form;
}

void AddRoutes(http::Router& router, const web::Site& site, Accounts& accounts) {
  router.Get("/{lang}/login",
             web::ForLanguage(site, [&site](const http::Request& request,
                                            Language language) { return LoginForm(site, request, language, {}); }),
             {.name = "login_form", .access = std::string(web::kPublic)});
  router.Post("/{lang}/login",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return Login(site, accounts, request, language);
                               }),
              {.name = "login", .access = std::string(web::kPublic)});
  router.Post("/{lang}/logout",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return Logout(site, accounts, request, language);
                               }),
              {.name = "logout", .access = std::string(web::kSignedIn)});
  router.Get("/{lang}/account",
             web::ForLanguage(site, [&site](const http::Request& request,
                                            Language language) { return AccountPage(site, request, language, {}); }),
             {.name = "account", .access = std::string(web::kSignedIn)});
  router.Post("/{lang}/account/password",
              web::ForLanguage(site,
                               [&site, &accounts](const http::Request& request, Language language) {
                                 return ChangePassword(site, accounts, request, language);
                               }),
              {.name = "account_password", .access = std::string(web::kSignedIn)});
}

}  // namespace zoneatlas::accounts
