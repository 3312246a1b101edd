// What a browser sends besides files: the request target (path and query string),
// cookies, and form bodies, urlencoded or multipart. The first byte picks which.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/http/form.hpp"
#include "platform/http/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  zoneatlas::http::Request request;
  request.method = zoneatlas::http::Method::kPost;
  switch (data[0] % 4) {
    case 0:
      (void)zoneatlas::http::ParseRequestTarget(input, request);
      break;
    case 1:
      request.headers.Add("Cookie", std::string(input));
      (void)zoneatlas::http::Cookie(request, "zoneatlas_session");
      (void)zoneatlas::http::Cookie(request, "csrf_token");
      break;
    case 2:
      request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
      request.body = std::string(input);
      (void)zoneatlas::http::ParseForm(request);
      break;
    default: {
      // The boundary is the input's first line; the body the rest.
      const std::size_t newline = input.find('\n');
      if (newline == std::string_view::npos) return 0;
      request.headers.Add("Content-Type", "multipart/form-data; boundary=" + std::string(input.substr(0, newline)));
      request.body = std::string(input.substr(newline + 1));
      if (auto parts = zoneatlas::http::ParseMultipart(request)) (void)zoneatlas::http::TextFields(*parts);
    }
  }
  return 0;
}
