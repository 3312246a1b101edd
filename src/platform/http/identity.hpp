// platform/http/identity.hpp: who is making a request, as the routes see it.
//
// The accounts feature finds the identity (from a session cookie) before the route runs
// and the application checks the route's access rule against it; handlers read it from
// Request::identity. This type only carries what was found; it decides nothing.
//
// Thread safety: immutable once attached to a request.
#ifndef ZONEATLAS_PLATFORM_HTTP_IDENTITY_HPP_
#define ZONEATLAS_PLATFORM_HTTP_IDENTITY_HPP_

#include <string>
#include <vector>

namespace zoneatlas::http {

struct Grant {
  std::string role;   // "admin", "zone_editor", "partner_editor", "professional".
  std::string scope;  // A zone id, an organisation id, or "" for everywhere.
};

struct Identity {
  std::string user_id;
  std::string email;
  std::string display_name;
  std::vector<Grant> grants;
  std::string csrf_token;  // The session's token, which every form must carry back.
  // A partner system's API token rather than a person: its editor grant does not make it a
  // professional (access.hpp); only a token issued with the "professional" grant is one.
  bool via_token = false;

  bool HasRole(std::string_view role) const {
    for (const Grant& grant : grants) {
      if (grant.role == role) return true;
    }
    return false;
  }
};

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_IDENTITY_HPP_
