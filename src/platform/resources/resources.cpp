#include "platform/resources/resources.hpp"

#include <algorithm>

namespace zoneatlas::resources {

// Defined in the generated embedded_resources.cpp.
const std::vector<Resource>& Embedded();

std::optional<std::string_view> Find(std::string_view path) {
  for (const Resource& resource : Embedded()) {
    if (resource.path == path) return resource.data;
  }
  return std::nullopt;
}

std::vector<Resource> List(std::string_view prefix) {
  std::vector<Resource> found;
  for (const Resource& resource : Embedded()) {
    if (resource.path.substr(0, prefix.size()) == prefix) found.push_back(resource);
  }
  std::sort(found.begin(), found.end(), [](const Resource& a, const Resource& b) { return a.path < b.path; });
  return found;
}

}  // namespace zoneatlas::resources
