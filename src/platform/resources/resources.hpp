// platform/resources/resources.hpp: files compiled into the binary.
//
// Templates, message catalogs, static assets and migrations are embedded at build time
// (cmake/EmbedResources.cmake), so the server runs from one file and its pages always
// match its code.
//
// Thread safety: immutable.
#ifndef ZONEATLAS_PLATFORM_RESOURCES_RESOURCES_HPP_
#define ZONEATLAS_PLATFORM_RESOURCES_RESOURCES_HPP_

#include <optional>
#include <string_view>
#include <vector>

namespace zoneatlas::resources {

struct Resource {
  std::string_view path;  // Relative to the repository's web/ or migrations/ parent, e.g. "static/css/site.css".
  std::string_view data;
};

// Returns the resource at `path`, if embedded.
std::optional<std::string_view> Find(std::string_view path);
// Returns every resource whose path starts with `prefix`, sorted by path.
std::vector<Resource> List(std::string_view prefix);

}  // namespace zoneatlas::resources

#endif  // ZONEATLAS_PLATFORM_RESOURCES_RESOURCES_HPP_
