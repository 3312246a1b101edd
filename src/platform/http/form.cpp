#include "platform/http/form.hpp"

#include <sodium.h>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "core/text.hpp"

namespace zoneatlas::http {
namespace {

constexpr std::size_t kTokenBytes = 32;

bool IsWellFormedToken(std::string_view token) {
  return token.size() == 2 * kTokenBytes && token.find_first_not_of("0123456789abcdef") == std::string_view::npos;
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

namespace {

// The value of `parameter` in a header such as `form-data; name="file"; filename="a.csv"`.
std::optional<std::string> HeaderParameter(std::string_view header, std::string_view parameter) {
  for (std::string_view piece : text::Split(header, ';')) {
    piece = text::Trim(piece);
    const auto equals = piece.find('=');
    if (equals == std::string_view::npos || text::AsciiLower(text::Trim(piece.substr(0, equals))) != parameter)
      continue;
    std::string_view value = text::Trim(piece.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<FormPart>> ParseMultipart(const Request& request) {
  const std::string content_type(request.headers.Get("Content-Type"));
  if (text::AsciiLower(text::Trim(text::Split(content_type, ';')[0])) != "multipart/form-data") return std::nullopt;
  const auto boundary = HeaderParameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  const std::string delimiter = "--" + *boundary;
  const std::string_view body = request.body;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return std::nullopt;
  std::vector<FormPart> parts;
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // The closing delimiter.
    if (body.substr(at, 2) != "\r\n") return std::nullopt;
    at += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos) return std::nullopt;
    FormPart part;
    bool named = false;
    for (std::string_view line : text::Split(body.substr(at, headers_end - at), '\n')) {
      line = text::Trim(line);
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      if (text::AsciiLower(text::Trim(line.substr(0, colon))) != "content-disposition") continue;
      const std::string_view value = line.substr(colon + 1);
      if (auto name = HeaderParameter(value, "name")) {
        part.name = std::move(*name);
        named = true;
      }
      if (auto filename = HeaderParameter(value, "filename")) part.filename = std::move(*filename);
    }
    const std::size_t data_start = headers_end + 4;
    const std::size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos || !named) return std::nullopt;
    part.data = std::string(body.substr(data_start, next - data_start));
    if (part.filename.empty() && !text::IsValidUtf8(part.data)) return std::nullopt;
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

std::multimap<std::string, std::string> TextFields(const std::vector<FormPart>& parts) {
  std::multimap<std::string, std::string> form;
  for (const FormPart& part : parts) {
    if (part.filename.empty()) form.emplace(part.name, part.data);
  }
  return form;
}

std::string FormField(const std::multimap<std::string, std::string>& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? "" : it->second;
}

std::vector<std::string> FormValues(const std::multimap<std::string, std::string>& form, const std::string& name) {
  std::vector<std::string> values;
  const auto [begin, end] = form.equal_range(name);
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

std::optional<std::string> Cookie(const Request& request, std::string_view name) {
  for (std::string_view pair : text::Split(request.headers.Get("Cookie"), ';')) {
    pair = text::Trim(pair);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
  }
  return std::nullopt;
}

namespace {

// Over HTTPS (as the TLS proxy says) the cookie is Secure and named __Host-…, which a
// browser only accepts from this very host over HTTPS, so that neither a network
// attacker nor a neighbouring subdomain can plant a token of its choosing.
bool OverHttps(const Request& request) { return text::AsciiLower(request.headers.Get("X-Forwarded-Proto")) == "https"; }

std::string CsrfCookieName(const Request& request) {
  return OverHttps(request) ? "__Host-" + std::string(kCsrfCookie) : std::string(kCsrfCookie);
}

}  // namespace

std::string CsrfToken(const Request& request, Response& response) {
  const std::string name = CsrfCookieName(request);
  if (auto existing = Cookie(request, name); existing && IsWellFormedToken(*existing)) return *existing;
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * kTokenBytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  const std::string token(hex);
  response.headers.Add("Set-Cookie", name + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
                                         (OverHttps(request) ? "; Secure" : ""));
  return token;
}

bool SecretsEqual(std::string_view sent, std::string_view expected) {
  return !expected.empty() && sent.size() == expected.size() &&
         sodium_memcmp(sent.data(), expected.data(), expected.size()) == 0;
}

bool CsrfTokenMatches(const Request& request, const std::multimap<std::string, std::string>& form) {
  const auto cookie = Cookie(request, CsrfCookieName(request));
  const auto field = form.find(std::string(kCsrfField));
  if (!cookie || field == form.end() || !IsWellFormedToken(*cookie) || field->second.size() != cookie->size()) {
    return false;
  }
  return sodium_memcmp(cookie->data(), field->second.data(), cookie->size()) == 0;
}

}  // namespace zoneatlas::http
