// app/application.hpp: the wiring of the web application.
//
// Builds every service once (database, stores, templates, static files, metrics), declares
// every route on one Router, and answers requests: routing, 404/405 in the reader's
// language, gzip, and the route name for logs and metrics.
// This is the only place that picks concrete implementations (ARCHITECTURE.md).
//
// Thread safety: immutable after Create(); Handle may be called from many threads.
#ifndef ZONEATLAS_APP_APPLICATION_HPP_
#define ZONEATLAS_APP_APPLICATION_HPP_

#include <memory>

#include "core/error.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/router.hpp"
#include "platform/http/static_files.hpp"
#include "platform/view/view.hpp"
#include "web/response_cache.hpp"
#include "web/site.hpp"

namespace zoneatlas::app {

class Application {
 public:
  // REQUIRES: `database` outlives the Application and is migrated.
  static Result<std::unique_ptr<Application>> Create(db::Database& database);

  http::Response Handle(const http::Request& request) const;
  void Observe(const http::Exchange& exchange);
  const http::Router& router() const { return router_; }

 private:
  Application(db::Database& database, std::unique_ptr<view::Renderer> renderer);
  void AddRoutes();
  http::Response Dispatch(const http::Request& request) const;

  db::Database& database_;
  std::unique_ptr<view::Renderer> renderer_;
  http::StaticFiles static_files_;
  web::Site site_;
  geo::Store geo_store_;
  web::ResponseCache geo_cache_;
  http::Metrics metrics_;
  http::Router router_;
};

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_APPLICATION_HPP_
