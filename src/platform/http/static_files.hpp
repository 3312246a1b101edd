// platform/http/static_files.hpp: the CSS, scripts and images under /static/.
//
// The files are embedded in the binary (platform/resources). Each is served with a
// strong ETag, answers If-None-Match with 304, and is kept gzip-compressed in memory
// next to the original, so that serving it costs no compression. version() changes
// whenever any file changes; pages put it in asset URLs ("site.css?v=…"), which lets
// browsers cache assets for a year.
//
// Thread safety: immutable after construction.
#ifndef ZONEATLAS_PLATFORM_HTTP_STATIC_FILES_HPP_
#define ZONEATLAS_PLATFORM_HTTP_STATIC_FILES_HPP_

#include <map>
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace zoneatlas::http {

class StaticFiles {
 public:
  // Serves the embedded resources whose path starts with `prefix` ("static/").
  explicit StaticFiles(std::string_view prefix);

  // Answers a GET for `relative_path` ("css/site.css"); 404 when there is no such file.
  Response Serve(const Request& request, std::string_view relative_path) const;
  const std::string& version() const { return version_; }

 private:
  struct File {
    std::string_view content_type;
    std::string_view body;
    std::string gzipped;  // Empty when compression does not pay.
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;
  std::string version_;
};

// Returns the MIME type for a file name's extension.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_STATIC_FILES_HPP_
