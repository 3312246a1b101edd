// platform/http/router.hpp: a route table with {param}s.
//
// Routes are declared once at start-up and listed afterwards (Routes()), so that tests
// can walk every route, e.g. to check that none was forgotten by the access rules.
//
//   router.Get("/{lang}/zones/{zone_id}", ShowZone, {.name = "zone_page"});
//   router.Get("/static/{path...}", ServeStatic);   // "{name...}" takes the rest.
//
// A literal segment wins over a parameter at the same depth ("/api/v1/zones/new" before
// "/api/v1/zones/{id}"), whatever the order of declaration.
//
// Thread safety: build it on one thread; after that, Match() may be called from many.
#ifndef ZONEATLAS_PLATFORM_HTTP_ROUTER_HPP_
#define ZONEATLAS_PLATFORM_HTTP_ROUTER_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "platform/http/message.hpp"

namespace zoneatlas::http {

struct RouteOptions {
  std::string name;  // A stable name for logs and metrics, e.g. "zone_page".
  // Who may call the route: an access rule's name ("public", "signed_in", "admin", …)
  // that the application enforces before the handler runs. Empty is refused at start-up,
  // so that no route is left open by forgetting it.
  std::string access;
};

struct Route {
  Method method;
  std::string pattern;
  RouteOptions options;
  Handler handler;
  std::vector<std::string> segments;  // The pattern split at '/', once, for Find.
};

class Router {
 public:
  Router& Add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  Router& Get(std::string pattern, Handler handler, RouteOptions options = {}) {
    return Add(Method::kGet, std::move(pattern), std::move(handler), std::move(options));
  }
  Router& Post(std::string pattern, Handler handler, RouteOptions options = {}) {
    return Add(Method::kPost, std::move(pattern), std::move(handler), std::move(options));
  }

  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed } kind = Kind::kNotFound;
    const Route* route = nullptr;
    std::map<std::string, std::string, std::less<>> params;
    std::vector<Method> allowed;  // For kMethodNotAllowed.
  };

  // Finds the route for `method` and the decoded `path`. A HEAD request matches a GET
  // route. Parameters never match an empty segment.
  Match Find(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_ROUTER_HPP_
