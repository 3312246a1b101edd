// web/site.hpp: what every feature's pages and API share.
//
// The language comes from the URL (/nl/…, /fr/…, /en/…); pages are rendered inside one
// layout with a skip link, landmarks, a language switch that keeps the reader on the
// same page, and a link to the accessibility statement. Errors become a page in the
// reader's language or an RFC 9457 problem document, with the status from HttpStatus.
//
// Thread safety: Site is immutable after start-up.
#ifndef ZONEATLAS_WEB_SITE_HPP_
#define ZONEATLAS_WEB_SITE_HPP_

#include <boost/json/object.hpp>
#include <expected>
#include <functional>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "platform/http/message.hpp"
#include "platform/view/view.hpp"
#include "web/access.hpp"

namespace zoneatlas::web {

// OpenStreetMap's standard tiles, as their tile usage policy allows for light use.
inline constexpr std::string_view kDefaultMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

struct Site {
  const view::Renderer& renderer;
  std::string asset_version;
  // The URL template ({z}/{x}/{y}) of the tiles behind interactive maps; pages allow
  // images from its origin and nowhere else.
  std::string map_tiles = std::string(kDefaultMapTiles);
  // Whether printable pages are also offered as PDF files (a renderer is installed).
  bool prints_pdf = false;
  // The largest file a form may upload (the server refuses larger bodies).
  int upload_limit_mib = 32;
  // The site's own address as its visitors reach it ("https://zoneatlas.example", no
  // trailing slash): `serve --public-url`, never the request's Host header, which the
  // client chooses.
  std::string public_url;
};

// The HTTP status for an error code: kNotFound -> 404, kInvalidArgument -> 400, …
int HttpStatus(ErrorCode code);

// A problem+json response for `error`; internal details are not shown to clients.
http::Response Problem(const Error& error);

// Percent-encodes everything but unreserved characters and '/', for query values.
std::string PercentEncode(std::string_view text);

// "/nl" + path: Href(kFr, "/zones/x") == "/fr/zones/x".
std::string Href(Language language, std::string_view path);

// The site's own address (Site::public_url), for links that are opened outside it (a
// calendar feed, a printed slip, a QR code).
const std::string& Origin(const Site& site);

// Renders `template_name` inside the layout. `title` is the page's own title. A model may
// name extra "styles" and "scripts" (arrays of URLs) for progressive enhancement.
http::Response Page(const Site& site, const http::Request& request, Language language, std::string_view template_name,
                    const std::string& title, boost::json::object model, int status = 200);

// The error page for `error` in `language` (404 page for kNotFound, …).
http::Response ErrorPage(const Site& site, const http::Request& request, Language language, const Error& error);

// The answer to a post that is not an HTML form (400).
http::Response NotAFormPage(const Site& site, const http::Request& request, Language language);

// The answer to a form whose CSRF token is missing or stale (403): send it again.
http::Response FormExpiredPage(const Site& site, const http::Request& request, Language language);

using PageHandler = std::function<http::Response(const http::Request&, Language)>;
// Adapts a page handler to a route with a {lang} segment: an unknown language gives the
// 404 page in the visitor's preferred language.
http::Handler ForLanguage(const Site& site, PageHandler handler);
// ForLanguage for a route with a {zone_id} segment that only that zone's editors (and
// administrators) may use; anyone else gets the page saying so (403).
http::Handler ForZoneEditor(const Site& site, PageHandler handler);

// Whether the signed-in user edits the zone of `record` (found by a path's id, say): the
// record, else the page to answer with — the lookup's error, or 403.
template <typename Record>
std::expected<Record, http::Response> ForZoneEditorOf(const Site& site, const http::Request& request, Language language,
                                                      Result<Record> record) {
  if (!record) return std::unexpected(ErrorPage(site, request, language, record.error()));
  if (!EditsZone(request.identity.get(), record->zone_id)) {
    return std::unexpected(ErrorPage(site, request, language, Error::PermissionDenied("you do not edit this zone")));
  }
  return std::move(*record);
}

// Adds the interactive map's tiles, styles and scripts (Leaflet with clustering, then
// `script`, e.g. "/static/js/social-map.js") to a page model, for pages that show a map
// when scripts run.
void AddLeafletAssets(const Site& site, boost::json::object& model, std::string_view script);

// The date to show the geography at: ?date=YYYY-MM-DD, else today.
Result<Date> DateParameter(const http::Request& request);

}  // namespace zoneatlas::web

#endif  // ZONEATLAS_WEB_SITE_HPP_
