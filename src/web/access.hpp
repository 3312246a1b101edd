// web/access.hpp: the access rules that routes declare.
//
// Every route names one rule in RouteOptions::access; the application refuses to start
// with a route that names none or an unknown one, and checks the rule against the
// request's identity before the handler runs (401 when nobody is signed in, 403 when the
// signed-in user lacks the role). Rules about a particular zone or organisation are
// checked by the handler, which knows which record is meant.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_WEB_ACCESS_HPP_
#define ZONEATLAS_WEB_ACCESS_HPP_

#include <array>
#include <string_view>

#include "platform/http/identity.hpp"

namespace zoneatlas::web {

// Anyone, signed in or not.
inline constexpr std::string_view kPublic = "public";
// Any signed-in user.
inline constexpr std::string_view kSignedIn = "signed_in";
// Professionals, and everyone who may edit (editors are professionals too) — but an API
// token only when issued with the professional grant (Identity::via_token).
inline constexpr std::string_view kProfessional = "professional";
inline constexpr std::string_view kPartnerEditor = "partner_editor";
inline constexpr std::string_view kZoneEditor = "zone_editor";
inline constexpr std::string_view kAdmin = "admin";

inline constexpr std::array<std::string_view, 6> kAccessRules = {kPublic,        kSignedIn,   kProfessional,
                                                                 kPartnerEditor, kZoneEditor, kAdmin};

bool IsAccessRule(std::string_view rule);

// True when `identity` (null: nobody signed in) satisfies `rule`. Administrators satisfy
// every rule. REQUIRES: IsAccessRule(rule).
bool Allows(std::string_view rule, const http::Identity* identity);

// True when `identity` (null: nobody) may edit the records of zone `zone_id`: an
// administrator, or a zone editor granted that zone.
bool EditsZone(const http::Identity* identity, std::string_view zone_id);

}  // namespace zoneatlas::web

#endif  // ZONEATLAS_WEB_ACCESS_HPP_
