#include "platform/http/static_files.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "platform/http/compression.hpp"
#include "platform/resources/resources.hpp"

namespace zoneatlas::http {
namespace {

// FNV-1a: stable across runs and builds, which is all an ETag needs.
std::uint64_t Fingerprint(std::string_view data, std::uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string Hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

bool MatchesEtag(std::string_view if_none_match, std::string_view etag) {
  for (std::string_view candidate : text::Split(if_none_match, ',')) {
    candidate = text::Trim(candidate);
    if (candidate == "*" || candidate == etag) return true;
    if (text::StartsWith(candidate, "W/") && candidate.substr(2) == etag) return true;
  }
  return false;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view file_name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (file_name.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string_view prefix) {
  std::uint64_t all = Fingerprint("");
  for (const resources::Resource& resource : resources::List(prefix)) {
    File file;
    file.content_type = ContentTypeFor(resource.path);
    file.body = resource.data;
    const std::uint64_t hash = Fingerprint(resource.data);
    file.etag = "\"" + Hex(hash) + "\"";
    all = Fingerprint(resource.path, all ^ hash);
    Request probe;
    probe.headers.Set("Accept-Encoding", "gzip");
    Response response = Response::Make(200, std::string(file.content_type), std::string(resource.data));
    CompressIfWorthwhile(probe, response);
    if (response.headers.Has("Content-Encoding")) file.gzipped = std::move(response.body);
    files_.emplace(std::string(resource.path.substr(prefix.size())), std::move(file));
  }
  version_ = Hex(all).substr(0, 10);
}

Response StaticFiles::Serve(const Request& request, std::string_view relative_path) const {
  const auto it = files_.find(relative_path);
  if (it == files_.end()) {
    return Response::Make(404, "text/plain; charset=utf-8", "No such file.\n");
  }
  const File& file = it->second;
  Response response;
  response.headers.Set("ETag", file.etag);
  // Pages link assets with ?v=<version>, so a cached copy never goes stale.
  response.headers.Set("Cache-Control", request.Query("v") ? "public, max-age=31536000, immutable"
                                                           : "public, max-age=3600");
  if (!file.gzipped.empty()) response.headers.Set("Vary", "Accept-Encoding");
  if (MatchesEtag(request.headers.Get("If-None-Match"), file.etag)) {
    response.status = 304;
    return response;
  }
  response.headers.Set("Content-Type", std::string(file.content_type));
  if (!file.gzipped.empty() && AcceptsGzip(request)) {
    response.headers.Set("Content-Encoding", "gzip");
    response.body = file.gzipped;
  } else {
    response.body = std::string(file.body);
  }
  return response;
}

}  // namespace zoneatlas::http
