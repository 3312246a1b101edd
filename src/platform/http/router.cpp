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

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string, std::less<>>& params, Specificity& specificity) {
  const auto pattern_segments = Segments(pattern);
  const auto path_segments = Segments(path);
  params.clear();
  specificity.clear();
  for (std::size_t i = 0; i < pattern_segments.size(); ++i) {
    const std::string_view want = pattern_segments[i];
    if (IsRest(want)) {
      if (i >= path_segments.size()) return false;
      std::string rest;
      for (std::size_t k = i; k < path_segments.size(); ++k) {
        if (k > i) rest += '/';
        rest += path_segments[k];
      }
      if (rest.empty()) return false;
      params.emplace(std::string(ParameterName(want)), std::move(rest));
      specificity.push_back(0);
      return true;
    }
    if (i >= path_segments.size()) return false;
    const std::string_view got = path_segments[i];
    if (IsParameter(want)) {
      if (got.empty()) return false;
      params.emplace(std::string(ParameterName(want)), std::string(got));
      specificity.push_back(1);
    } else if (want == got) {
      specificity.push_back(2);
    } else {
      return false;
    }
  }
  return pattern_segments.size() == path_segments.size();
}

}  // namespace

Router& Router::Add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  assert(!pattern.empty() && pattern.front() == '/' && "route patterns start with '/'");
  if (options.name.empty()) options.name = std::string(MethodName(method)) + " " + pattern;
  routes_.push_back(Route{method, std::move(pattern), std::move(options), std::move(handler)});
  return *this;
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match best;
  Specificity best_specificity;
  std::map<std::string, std::string, std::less<>> params;
  Specificity specificity;
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  for (const Route& route : routes_) {
    if (!MatchPattern(route.pattern, path, params, specificity)) continue;
    if (route.method != wanted) {
      if (std::find(best.allowed.begin(), best.allowed.end(), route.method) == best.allowed.end()) {
        best.allowed.push_back(route.method);
      }
      continue;
    }
    if (best.route == nullptr || specificity > best_specificity) {
      best.route = &route;
      best.params = params;
      best_specificity = specificity;
    }
  }
  if (best.route != nullptr) {
    best.kind = Match::Kind::kFound;
    best.allowed.clear();
  } else if (!best.allowed.empty()) {
    best.kind = Match::Kind::kMethodNotAllowed;
  }
  return best;
}

}  // namespace zoneatlas::http
