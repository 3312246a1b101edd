// tests/http/signed_in.hpp: users and sessions for HTTP tests — accounts made with the
// command line (the password on standard input), signed in through the real form.
#ifndef ZONEATLAS_TESTS_HTTP_SIGNED_IN_HPP_
#define ZONEATLAS_TESTS_HTTP_SIGNED_IN_HPP_

#include <string>
#include <vector>

#include "tests/http/server_process.hpp"

namespace zoneatlas::testing {

inline constexpr const char* kPassword = "een lange zin als wachtwoord";
inline constexpr const char* kFormType = "Content-Type: application/x-www-form-urlencoded";

// The value of `name` in a "name=value; …" Set-Cookie header list.
std::string CookieValue(const std::string& set_cookie, const std::string& name);
// The value of the first hidden csrf_token field in a page.
std::string FormToken(const std::string& page);
std::string UrlEncode(const std::string& text);

// Adds a user with kPassword and `roles` ("professional", "zone_editor:ZONE", …).
void AddUser(const ServerProcess& server, const std::string& email, const std::vector<std::string>& roles);

struct Session {
  std::string cookie;      // "zoneatlas_session=…"
  std::string csrf_token;  // The session's own form token.
};

HttpResponse PostLogin(const ServerProcess& server, const std::string& email, const std::string& password,
                       const std::string& next = "");
Session SignIn(const ServerProcess& server, const std::string& email);

}  // namespace zoneatlas::testing

#endif  // ZONEATLAS_TESTS_HTTP_SIGNED_IN_HPP_
