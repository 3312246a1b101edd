#include "web/site.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "core/text.hpp"
#include "web/access.hpp"

namespace zoneatlas::web {
namespace json = boost::json;

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
      return 409;
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

http::Response Problem(const Error& error) {
  const int status = HttpStatus(error.code());
  const bool internal = error.Is(ErrorCode::kInternal);
  return http::Response::Problem(status, http::ReasonPhrase(status),
                                 internal ? "Something went wrong on our side; it has been logged." : error.message());
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

const std::string& Origin(const Site& site) { return site.public_url; }

std::string Href(Language language, std::string_view path) {
  std::string href = "/";
  href += LanguageCode(language);
  href += path;
  return href;
}

namespace {

// The same page in another language: swaps the first path segment, keeps the query.
std::string SwitchLanguage(const http::Request& request, Language language) {
  std::string_view target = request.target;
  const auto query_start = target.find('?');
  std::string_view path = target.substr(0, query_start);
  const std::string_view query = query_start == std::string_view::npos ? "" : target.substr(query_start);
  const auto segments = text::Split(path.substr(path.empty() ? 0 : 1), '/');
  if (segments.empty() || !ParseLanguage(segments.front())) return Href(language, "/");
  path.remove_prefix(1 + segments.front().size());
  return Href(language, path.empty() ? "/" : path) + std::string(query);
}

// "https://tile.openstreetmap.org" of a tile URL template.
std::string TileOrigin(std::string_view tiles) {
  const auto scheme = tiles.find("://");
  if (scheme == std::string_view::npos) return "";
  const auto path = tiles.find('/', scheme + 3);
  return std::string(tiles.substr(0, path));
}

}  // namespace

http::Response Page(const Site& site, const http::Request& request, Language language, std::string_view template_name,
                    const std::string& title, json::object model, int status) {
  const auto& catalog = site.renderer.catalog();
  model["title"] = title;
  model["site_name"] = catalog.Get(language, "site_name");
  model["asset_version"] = site.asset_version;
  model["home_href"] = Href(language, "/");
  model["accessibility_href"] = Href(language, "/accessibility");
  model["signed_in"] = request.identity != nullptr;
  model["account_href"] = Href(language, "/account");
  model["login_href_nav"] = Href(language, "/login");
  json::array languages;
  for (Language other : kLanguages) {
    languages.push_back(json::object{{"code", LanguageCode(other)},
                                     {"name", LanguageName(other)},
                                     {"href", SwitchLanguage(request, other)},
                                     {"current", other == language}});
  }
  model["languages"] = std::move(languages);
  http::Response response = http::Response::Html(site.renderer.Page(template_name, language, std::move(model)), status);
  response.headers.Set("Content-Language", std::string(LanguageCode(language)));
  // Pages carry no third-party content but map tiles; forbid framing and inline scripts.
  response.headers.Set("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data: " + TileOrigin(site.map_tiles) +
                           "; style-src 'self'; frame-ancestors 'none'");
  response.headers.Set("X-Content-Type-Options", "nosniff");
  response.headers.Set("Referrer-Policy", "same-origin");
  // A page made for a signed-in user is theirs alone: no cache may keep or share it.
  if (request.identity) response.headers.Set("Cache-Control", "no-store");
  return response;
}

http::Response ErrorPage(const Site& site, const http::Request& request, Language language, const Error& error) {
  const int status = HttpStatus(error.code());
  const auto& catalog = site.renderer.catalog();
  std::string title_key = "error_title";
  std::string text_key = "error_text";
  json::object model;
  if (status == 404) {
    title_key = "not_found_title";
    text_key = "not_found_text";
  } else if (status == 401) {
    title_key = "signin_required_title";
    text_key = "signin_required_text";
    model["login_href"] = Href(language, "/login") + "?next=" + PercentEncode(request.target);
  } else if (status == 403) {
    title_key = "forbidden_title";
    text_key = "forbidden_text";
  } else if (status == 400) {
    title_key = "bad_request_title";
    text_key = "bad_request_text";
  }
  model["message"] = catalog.Get(language, text_key);
  if (status == 400) model["detail"] = error.message();
  model["status"] = status;
  return Page(site, request, language, "error", std::string(catalog.Get(language, title_key)), std::move(model),
              status);
}

http::Response NotAFormPage(const Site& site, const http::Request& request, Language language) {
  return ErrorPage(site, request, language, Error::InvalidArgument("the form was not sent as a web form"));
}

http::Response FormExpiredPage(const Site& site, const http::Request& request, Language language) {
  const auto& catalog = site.renderer.catalog();
  json::object model{{"message", catalog.Get(language, "form_expired")}, {"status", 403}};
  return Page(site, request, language, "error", std::string(catalog.Get(language, "form_expired_title")),
              std::move(model), 403);
}

http::Handler ForLanguage(const Site& site, PageHandler handler) {
  return [&site, handler = std::move(handler)](const http::Request& request) {
    const auto language = ParseLanguage(request.PathParam("lang"));
    if (!language) {
      return ErrorPage(site, request, PreferredLanguage(request.headers.Get("Accept-Language")),
                       Error::NotFound("no such language"));
    }
    return handler(request, *language);
  };
}

http::Handler ForZoneEditor(const Site& site, PageHandler handler) {
  return ForLanguage(site, [&site, handler = std::move(handler)](const http::Request& request, Language language) {
    if (!EditsZone(request.identity.get(), request.PathParam("zone_id"))) {
      return ErrorPage(site, request, language, Error::PermissionDenied("you do not edit this zone"));
    }
    return handler(request, language);
  });
}

Result<Date> DateParameter(const http::Request& request) {
  const auto date = request.Query("date");
  if (!date || date->empty()) return Date::Today();
  return Date::Parse(*date);
}

void AddLeafletAssets(const Site& site, boost::json::object& model, std::string_view script) {
  model["map_tiles"] = site.map_tiles;
  const std::string version = "?v=" + site.asset_version;
  model["styles"] = boost::json::array{"/static/vendor/leaflet/dist/leaflet.css" + version,
                                       "/static/vendor/leaflet.markercluster/dist/MarkerCluster.css" + version,
                                       "/static/vendor/leaflet.markercluster/dist/MarkerCluster.Default.css" + version};
  model["scripts"] = boost::json::array{"/static/vendor/leaflet/dist/leaflet.js" + version,
                                        "/static/vendor/leaflet.markercluster/dist/leaflet.markercluster.js" + version,
                                        std::string(script) + version};
}

}  // namespace zoneatlas::web
