// platform/http/form.hpp: HTML form posts and their CSRF protection.
//
// Forms carry a token that must match a cookie set with the form (double submit): a
// page on another site can make a browser post to zoneatlas, but cannot read or set the
// cookie, so it cannot forge the token. Accounts (sessions) will bind the token to the
// session; the check stays the same.
//
// Thread safety: pure functions; NewCsrfToken uses libsodium's thread-safe generator.
#ifndef ZONEATLAS_PLATFORM_HTTP_FORM_HPP_
#define ZONEATLAS_PLATFORM_HTTP_FORM_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/message.hpp"

namespace zoneatlas::http {

inline constexpr std::string_view kCsrfCookie = "zoneatlas_csrf";
inline constexpr std::string_view kCsrfField = "csrf_token";

// Parses an application/x-www-form-urlencoded body. Returns nothing when it is not.
std::optional<std::multimap<std::string, std::string>> ParseForm(const Request& request);

// One field of a multipart/form-data post: a text field, or a file with its name.
struct FormPart {
  std::string name;
  std::string filename;  // Empty for a text field.
  std::string data;
};

// Parses a multipart/form-data body (RFC 7578), as browsers send file uploads. Returns
// nothing when the request is not multipart or the body is malformed; text fields must
// be UTF-8, file contents may be anything.
std::optional<std::vector<FormPart>> ParseMultipart(const Request& request);

// The text fields of a multipart post as a form, for FormField and the CSRF checks.
std::multimap<std::string, std::string> TextFields(const std::vector<FormPart>& parts);

// Returns the first value of field `name` in a parsed form, or "".
std::string FormField(const std::multimap<std::string, std::string>& form, const std::string& name);
// Returns every value of field `name` (ticked checkboxes), in the order sent.
std::vector<std::string> FormValues(const std::multimap<std::string, std::string>& form, const std::string& name);

// Returns the value of cookie `name`, if sent.
std::optional<std::string> Cookie(const Request& request, std::string_view name);

// Returns the request's CSRF cookie if it has a well-formed one, else a new token. If
// the token is new, sets the cookie on `response`.
std::string CsrfToken(const Request& request, Response& response);

// True when the form's token equals the cookie (compared in constant time).
bool CsrfTokenMatches(const Request& request, const std::multimap<std::string, std::string>& form);

// Compares two secrets (tokens) in time that does not depend on where they differ; an
// empty `expected` matches nothing.
bool SecretsEqual(std::string_view sent, std::string_view expected);

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_FORM_HPP_
