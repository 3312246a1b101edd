#include "web/access.hpp"

#include <algorithm>
#include <cassert>

namespace zoneatlas::web {

bool IsAccessRule(std::string_view rule) {
  return std::find(kAccessRules.begin(), kAccessRules.end(), rule) != kAccessRules.end();
}

bool Allows(std::string_view rule, const http::Identity* identity) {
  assert(IsAccessRule(rule) && "routes name one of web::kAccessRules");
  if (rule == kPublic) return true;
  if (identity == nullptr) return false;
  if (rule == kSignedIn || identity->HasRole(kAdmin)) return true;
  if (rule == kProfessional) {
    // Editors are people who work in care; a partner system's token is not, unless it
    // was issued to read what professionals read.
    if (identity->HasRole(kProfessional)) return true;
    return !identity->via_token && (identity->HasRole(kPartnerEditor) || identity->HasRole(kZoneEditor));
  }
  return identity->HasRole(rule);
}

bool EditsZone(const http::Identity* identity, std::string_view zone_id) {
  if (identity == nullptr) return false;
  if (identity->HasRole(kAdmin)) return true;
  return std::any_of(identity->grants.begin(), identity->grants.end(),
                     [&](const http::Grant& grant) { return grant.role == kZoneEditor && grant.scope == zone_id; });
}

}  // namespace zoneatlas::web
