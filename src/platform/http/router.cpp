#include "platform/http/router.hpp"

#include <algorithm>
#include <cassert>

#include "core/text.hpp"

namespace zoneatlas::http {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  return text::Split(path, '/');
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsRest(std::string_view segment) { return IsParameter(segment) && segment.ends_with("...}"); }

std::string_view ParameterName(std::string_view segment) {
  segment = segment.substr(1, segment.size() - 2);
  if (segment.ends_with("...")) segment.remove_suffix(3);
  return segment;
}

// How specific a match is: literals score higher than parameters at each depth, so that
// comparing the vectors lexicographically prefers the more literal route.
using Specificity = std::vector<int>;

// Whether `pattern` (split) matches `path` (split), and how specifically. Allocates
// nothing once `specificity` has grown: every request tries every route.
bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path,
             Specificity& specificity) {
  specificity.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view want = pattern[i];
    if (IsRest(want)) {
      // The rest, joined with '/', must not be empty ("/static/" leaves nothing to serve).
      if (i >= path.size() || (path.size() == i + 1 && path[i].empty())) return false;
      specificity.push_back(0);
      return true;
    }
    if (i >= path.size()) return false;
    if (IsParameter(want)) {
      if (path[i].empty()) return false;
      specificity.push_back(1);
    } else if (want == path[i]) {
      specificity.push_back(2);
    } else {
      return false;
    }
  }
  return pattern.size() == path.size();
}

// The parameters of a route `Matches` has accepted.
std::map<std::string, std::string, std::less<>> Parameters(const std::vector<std::string>& pattern,
                                                           const std::vector<std::string_view>& path) {
  std::map<std::string, std::string, std::less<>> params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view want = pattern[i];
    if (IsRest(want)) {
      std::string rest;
      for (std::size_t k = i; k < path.size(); ++k) {
        if (k > i) rest += '/';
        rest += path[k];
      }
      params.emplace(std::string(ParameterName(want)), std::move(rest));
      break;
    }
    if (IsParameter(want)) params.emplace(std::string(ParameterName(want)), std::string(path[i]));
  }
  return params;
}

}  // namespace

Router& Router::Add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  assert(!pattern.empty() && pattern.front() == '/' && "route patterns start with '/'");
  if (options.name.empty()) options.name = std::string(MethodName(method)) + " " + pattern;
  std::vector<std::string> segments;
  for (std::string_view segment : Segments(pattern)) segments.emplace_back(segment);
  routes_.push_back(Route{method, std::move(pattern), std::move(options), std::move(handler), std::move(segments)});
  return *this;
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match best;
  Specificity best_specificity;
  Specificity specificity;
  const std::vector<std::string_view> path_segments = Segments(path);
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  for (const Route& route : routes_) {
    if (!Matches(route.segments, path_segments, specificity)) continue;
    if (route.method != wanted) {
      if (std::find(best.allowed.begin(), best.allowed.end(), route.method) == best.allowed.end()) {
        best.allowed.push_back(route.method);
      }
      continue;
    }
    if (best.route == nullptr || specificity > best_specificity) {
      best.route = &route;
      best_specificity.swap(specificity);
    }
  }
  if (best.route != nullptr) {
    best.kind = Match::Kind::kFound;
    best.params = Parameters(best.route->segments, path_segments);
    best.allowed.clear();
  } else if (!best.allowed.empty()) {
    best.kind = Match::Kind::kMethodNotAllowed;
  }
  return best;
}

}  // namespace zoneatlas::http
