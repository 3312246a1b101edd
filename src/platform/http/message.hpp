// platform/http/message.hpp: our own request and response types.
//
// Handlers are plain functions of Request to Response, so that tests call them without
// sockets and no feature ever sees a Boost.Beast type (ARCHITECTURE.md). The server
// (server.hpp) is the only place that converts between these and the wire.
//
// Thread safety: value types; a Request is read-only once it reaches a handler.
#ifndef ZONEATLAS_PLATFORM_HTTP_MESSAGE_HPP_
#define ZONEATLAS_PLATFORM_HTTP_MESSAGE_HPP_

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/http/identity.hpp"

namespace zoneatlas::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  // Returns the first value of `name`, or an empty view.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Replaces every field called `name` by one with `value`.
  void Set(std::string_view name, std::string value);
  void Add(std::string_view name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  Method method = Method::kGet;
  std::string target;                             // As sent, e.g. "/nl/zones?x=1".
  std::string path;                               // Percent-decoded path, e.g. "/nl/zones".
  std::multimap<std::string, std::string> query;  // Percent-decoded parameters.
  Headers headers;
  std::string body;
  std::map<std::string, std::string, std::less<>> path_params;  // Filled by the router.
  std::string remote_address;
  std::shared_ptr<const Identity> identity;  // Set when a signed-in user makes the request.

  // Returns the first value of query parameter `name`.
  std::optional<std::string> Query(std::string_view name) const;
  // Returns the path parameter `name`; the router guarantees that declared ones exist.
  std::string_view PathParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  std::string route_name;  // Which route answered, for logs and metrics; never sent.
  // When set, the body is not `body` but what this writes, sent piece by piece as it is
  // written (chunked), so that a long answer never sits whole in memory. It runs on a
  // worker thread after the head has gone out; a failed write to `out` means the client
  // has gone, and the writer should stop. Its error ends the connection: the client sees
  // an incomplete answer rather than a complete wrong one.
  std::function<bool(std::ostream& out)> body_writer;

  static Response Make(int status, std::string content_type, std::string body);
  static Response Html(std::string body, int status = 200);
  static Response Json(std::string body, int status = 200);
  // An RFC 9457 problem document.
  static Response Problem(int status, std::string_view title, std::string_view detail);
  static Response Redirect(std::string location, int status = 302);
};

using Handler = std::function<Response(const Request&)>;

// Fills `request`'s target, path and query from a request target as sent ("/nl/zones?x=1").
// Returns why it is refused (not an origin-form URL, a path or parameter that is not
// UTF-8 text, a NUL in the path), or nothing when it is accepted.
std::optional<std::string> ParseRequestTarget(std::string_view target, Request& request);

// Returns the standard reason phrase, e.g. "Not Found".
std::string_view ReasonPhrase(int status);

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_MESSAGE_HPP_
