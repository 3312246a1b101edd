// app/application.hpp: the wiring of the web application.
//
// Builds every service once (database, stores, templates, static files, metrics), declares
// every route on one Router, and answers requests: routing, 404/405 in the reader's
// language, who is signed in and whether the route's access rule lets them in (401/403
// otherwise, before the handler runs), gzip, and the route name for logs and metrics.
// This is the only place that picks concrete implementations (ARCHITECTURE.md).
//
// Thread safety: Handle may be called from many threads; the services it uses are
// immutable after Create() or keep their state in the database.
#ifndef ZONEATLAS_APP_APPLICATION_HPP_
#define ZONEATLAS_APP_APPLICATION_HPP_

#include <memory>
#include <string>
#include <vector>

#include "accounts/accounts.hpp"
#include "agenda/pages.hpp"
#include "agenda/store.hpp"
#include "app/pdf_printer.hpp"
#include "atlas/catalog.hpp"
#include "atlas/observations.hpp"
#include "atlas/routes.hpp"
#include "consultations/pages.hpp"
#include "consultations/store.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"
#include "initiatives/pages.hpp"
#include "initiatives/store.hpp"
#include "platform/db/database.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/router.hpp"
#include "platform/http/server.hpp"
#include "platform/http/static_files.hpp"
#include "platform/search/index.hpp"
#include "platform/view/view.hpp"
#include "providers/pages.hpp"
#include "providers/store.hpp"
#include "rights/catalog.hpp"
#include "rights/figures.hpp"
#include "rights/rule_changes.hpp"
#include "socialmap/routes.hpp"
#include "web/response_cache.hpp"
#include "web/site.hpp"

namespace zoneatlas::app {

class Application {
 public:
  // REQUIRES: `database` outlives the Application and is migrated.
  struct Options {
    accounts::SessionOptions sessions;
    // Addresses of reverse proxies whose X-Forwarded-For header is believed: for their
    // requests, the client is the last forwarded address that is not itself a proxy
    // (what sign-in throttling and the logs use). Anyone else's header is ignored.
    std::vector<std::string> trusted_proxies;
    // The social map's search index: a directory of derived data, created when absent.
    std::string search_index;
    // The tiles behind interactive maps (a {z}/{x}/{y} URL template).
    std::string map_tiles = std::string(web::kDefaultMapTiles);
    // What the server lets a form upload, for the pages to say (MiB).
    int upload_limit_mib = 32;
    // Client addresses /metrics answers (a Prometheus server); anyone else gets 404.
    std::vector<std::string> metrics_from = {"127.0.0.1", "::1"};
  };

  // Returns kInternal when a route declares no access rule or an unknown one.
  static Result<std::unique_ptr<Application>> Create(db::Database& database, Options options);

  // Logs what in the rights catalog needs an editor (rights/freshness.hpp): figures that
  // ran out or run out within 90 days, and how many rest on a weak source.
  void WarnAboutRightsFigures() const;

  // The paths that take uploaded files, each with the body it may send: larger and slower
  // than other requests, granted only to a signed-in user or a live token (MayUpload).
  static std::vector<http::ServerOptions::UploadPath> UploadPaths(int upload_limit_mib);
  bool MayUpload(const http::Request& head);
  // The site's own address for links opened outside it (web::Site::public_url). Call
  // before serving.
  void SetPublicUrl(std::string url) { site_.public_url = std::move(url); }

  http::Response Handle(const http::Request& request);
  void Observe(const http::Exchange& exchange);
  const http::Router& router() const { return router_; }

 private:
  Application(db::Database& database, std::unique_ptr<view::Renderer> renderer, Options options);
  std::string ClientAddress(const http::Request& request) const;
  void AddRoutes();
  http::Response Dispatch(const http::Request& request);
  // The printable page at the request's path without ".pdf", as a PDF named `file_name`.
  http::Response PdfOf(const http::Request& request, const std::string& file_name);

  db::Database& database_;
  std::unique_ptr<view::Renderer> renderer_;
  PdfPrinter pdf_printer_;
  // PDF files by page; a file is kept while its page's HTML stays the same.
  web::ResponseCache pdf_cache_{64, 256 << 20};
  http::StaticFiles static_files_;
  web::Site site_;
  const std::vector<std::string> trusted_proxies_;
  const std::vector<std::string> metrics_from_;
  accounts::Accounts accounts_;
  geo::Store geo_store_;
  web::ResponseCache geo_cache_;
  atlas::Catalog atlas_catalog_;
  std::unique_ptr<rights::Figures> rights_figures_;
  std::unique_ptr<rights::RuleChanges> rights_rule_changes_;
  std::unique_ptr<rights::CurrentCatalog> rights_catalog_;
  std::unique_ptr<socialmap::Taxonomy> socialmap_taxonomy_;
  std::unique_ptr<socialmap::Store> socialmap_store_;
  std::unique_ptr<search::Index> search_index_;
  std::unique_ptr<socialmap::Search> socialmap_search_;
  std::unique_ptr<socialmap::Proposals> socialmap_proposals_;
  std::unique_ptr<socialmap::Services> socialmap_services_;
  Vocabulary shared_vocabulary_;
  std::unique_ptr<consultations::Store> consultations_store_;
  std::unique_ptr<consultations::Services> consultations_services_;
  std::unique_ptr<agenda::Store> agenda_store_;
  std::unique_ptr<agenda::Services> agenda_services_;
  std::unique_ptr<initiatives::Store> initiatives_store_;
  std::unique_ptr<initiatives::Services> initiatives_services_;
  std::unique_ptr<providers::Store> providers_store_;
  std::unique_ptr<providers::Services> providers_services_;
  atlas::Store atlas_store_;
  web::ResponseCache atlas_cache_;
  atlas::RankingCache atlas_ranking_;
  std::unique_ptr<atlas::Services> atlas_services_;
  http::Metrics metrics_;
  http::Router router_;
};

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_APPLICATION_HPP_
