#include "platform/http/form.hpp"

#include <sodium.h>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "core/text.hpp"

namespace zoneatlas::http {
namespace {

constexpr std::size_t kTokenBytes = 32;

bool IsWellFormedToken(std::string_view token) {
  return token.size() == 2 * kTokenBytes &&
         token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::optional<std::multimap<std::string, std::string>> ParseForm(const Request& request) {
  const std::string type = text::AsciiLower(text::Trim(text::Split(request.headers.Get("Content-Type"), ';')[0]));
  if (type != "application/x-www-form-urlencoded") return std::nullopt;
  // Parsed as the query of a URL, which decodes percent escapes and '+' the way forms
  // encode them.
  const std::string target = "/?" + request.body;  // The view below points into it.
  const auto url = boost::urls::parse_origin_form(target);
  if (!url) return std::nullopt;
  std::multimap<std::string, std::string> form;
  for (const auto& param : url->params()) {
    std::string value = param.value;
    if (!text::IsValidUtf8(param.key) || !text::IsValidUtf8(value)) return std::nullopt;
    form.emplace(param.key, std::move(value));
  }
  return form;
}

std::string FormField(const std::multimap<std::string, std::string>& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? "" : it->second;
}

std::optional<std::string> Cookie(const Request& request, std::string_view name) {
  for (std::string_view pair : text::Split(request.headers.Get("Cookie"), ';')) {
    pair = text::Trim(pair);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::string CsrfToken(const Request& request, Response& response) {
  if (auto existing = Cookie(request, kCsrfCookie); existing && IsWellFormedToken(*existing)) return *existing;
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * kTokenBytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  const std::string token(hex);
  response.headers.Add("Set-Cookie", std::string(kCsrfCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
  return token;
}

bool CsrfTokenMatches(const Request& request, const std::multimap<std::string, std::string>& form) {
  const auto cookie = Cookie(request, kCsrfCookie);
  const auto field = form.find(std::string(kCsrfField));
  if (!cookie || field == form.end() || !IsWellFormedToken(*cookie) || field->second.size() != cookie->size()) {
    return false;
  }
  return sodium_memcmp(cookie->data(), field->second.data(), cookie->size()) == 0;
}

}  // namespace zoneatlas::http
