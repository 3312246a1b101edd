// platform/http/compression.hpp: gzip for text responses.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_PLATFORM_HTTP_COMPRESSION_HPP_
#define ZONEATLAS_PLATFORM_HTTP_COMPRESSION_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace zoneatlas::http {

// Returns `data` compressed as a gzip member, or nothing if zlib fails.
std::optional<std::string> Gzip(std::string_view data);

// True when the client's Accept-Encoding allows gzip (and does not refuse it with q=0).
bool AcceptsGzip(const Request& request);

// Compresses `response` in place when the client accepts gzip, the body is text and
// long enough to gain, and it is not compressed already. Always adds Vary.
void CompressIfWorthwhile(const Request& request, Response& response);

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_COMPRESSION_HPP_
