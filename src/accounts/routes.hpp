// accounts/routes.hpp: signing in and out, and a user's own account page.
//
// /{lang}/login (form and post), /{lang}/logout (post), /{lang}/account (who you are,
// your roles, change your password). Forms before sign-in carry the double-submit CSRF
// token (platform/http/form.hpp); forms after sign-in carry the session's own token.
//
// Thread safety: the handlers share only Accounts and the Site.
#ifndef ZONEATLAS_ACCOUNTS_ROUTES_HPP_
#define ZONEATLAS_ACCOUNTS_ROUTES_HPP_

#include <map>
#include <optional>
#include <string>

#include "accounts/accounts.hpp"
#include "audit/audit.hpp"
#include "platform/http/router.hpp"
#include "web/site.hpp"

namespace zoneatlas::accounts {

inline constexpr std::string_view kSessionCookie = "zoneatlas_session";

void AddRoutes(http::Router& router, const web::Site& site, Accounts& accounts);
// /{lang}/admin/users: list, add and disable accounts; /{lang}/admin/tokens: issue and
// revoke API tokens; /{lang}/admin/history/{entity_type}/{entity_id}: any record's
// history (administrators only).
void AddAdminRoutes(http::Router& router, const web::Site& site, Accounts& accounts, db::Database& database);
// /api/v1/me: who the caller is, so that a partner system can check its token.
void AddApiRoutes(http::Router& router);

// Finds who makes `request`: a partner system by its "Authorization: Bearer" token, else
// a signed-in user by the session cookie; null for nobody. Returns kUnauthenticated when
// the request presents a bearer token that is unknown, revoked or malformed.
Result<std::shared_ptr<const http::Identity>> IdentityOf(Accounts& accounts, const http::Request& request);

// The audit trail's name for who makes a request.
audit::Actor ActorOf(const http::Identity& identity);

// True when a form posted by a signed-in user carries their session's CSRF token.
bool SessionFormTokenMatches(const http::Request& request, const std::multimap<std::string, std::string>& form);
// The form a signed-in user posted, when it parses and carries their session's CSRF token.
std::optional<std::multimap<std::string, std::string>> SignedForm(const http::Request& request);

}  // namespace zoneatlas::accounts

#endif  // ZONEATLAS_ACCOUNTS_ROUTES_HPP_
