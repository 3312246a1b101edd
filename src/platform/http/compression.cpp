#include "platform/http/compression.hpp"

#include <zlib.h>

#include "core/text.hpp"

namespace zoneatlas::http {
namespace {

// Below this, the gzip header and the CPU cost outweigh the saving.
constexpr std::size_t kMinimumSize = 860;

bool IsCompressible(std::string_view content_type) {
  return text::StartsWith(content_type, "text/") || content_type.find("json") != std::string_view::npos ||
         content_type.find("xml") != std::string_view::npos ||
         content_type.find("javascript") != std::string_view::npos ||
         content_type.find("svg") != std::string_view::npos;
}

}  // namespace

std::optional<std::string> Gzip(std::string_view data) {
  z_stream stream{};
  // 15 + 16: a gzip wrapper rather than zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  const auto written = stream.total_out;
  deflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

bool AcceptsGzip(const Request& request) {
  for (std::string_view coding : text::Split(request.headers.Get("Accept-Encoding"), ',')) {
    const auto parts = text::Split(coding, ';');
    if (text::AsciiLower(text::Trim(parts[0])) != "gzip") continue;
    if (parts.size() > 1) {
      const std::string parameter = text::AsciiLower(text::Trim(parts[1]));
      if (parameter == "q=0" || parameter == "q=0.0" || parameter == "q=0.00" || parameter == "q=0.000") {
        return false;
      }
    }
    return true;
  }
  return false;
}

void CompressIfWorthwhile(const Request& request, Response& response) {
  if (!IsCompressible(response.headers.Get("Content-Type"))) return;
  response.headers.Set("Vary", "Accept-Encoding");
  if (response.body.size() < kMinimumSize || response.headers.Has("Content-Encoding") || !AcceptsGzip(request)) {
    return;
  }
  if (auto compressed = Gzip(response.body)) {
    response.body = std::move(*compressed);
    response.headers.Set("Content-Encoding", "gzip");
  }
}

}  // namespace zoneatlas::http
