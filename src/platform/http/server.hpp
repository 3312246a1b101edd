// platform/http/server.hpp: the HTTP/1.1 server.
//
// Asynchronous I/O on one thread per core (Boost.Beast/Asio), handlers on a separate
// worker pool so that a slow handler never stalls the sockets. Keep-alive, limits on
// header and body size, a read timeout per request (a client that trickles bytes is
// cut off), an idle timeout between requests and a cap on open connections. Answers
// can be streamed (Response::body_writer). When file descriptors run out, accepting
// pauses briefly instead of spinning. Stop() (or SIGTERM/SIGINT inside
// Run()) stops accepting, closes idle connections, lets in-flight requests finish and
// then returns from Run().
//
// Thread safety: Create and Run on one thread; Stop and port may be called from any.
#ifndef ZONEATLAS_PLATFORM_HTTP_SERVER_HPP_
#define ZONEATLAS_PLATFORM_HTTP_SERVER_HPP_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "platform/http/message.hpp"

namespace zoneatlas::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port; see Server::port().
  int io_threads = 0;         // 0: one per core.
  int worker_threads = 0;     // 0: two per core.
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  std::chrono::milliseconds read_timeout{15'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  bool handle_signals = true;
  // POSTs whose path ends with an upload path's suffix take files (a spreadsheet of
  // figures): they may send up to its body limit, within upload_read_timeout — if
  // may_upload allows it (an authenticated user); others get body_limit and read_timeout.
  struct UploadPath {
    std::string suffix;
    std::size_t body_limit = 0;
  };
  std::vector<UploadPath> upload_paths;
  std::chrono::milliseconds upload_read_timeout{300'000};
  // Decides from a request's head (method, target, headers; no body), on a worker thread.
  // Unset: every upload path may send its limit.
  std::function<bool(const Request& head)> may_upload;
  // Open connections at most; one more is answered 503 and closed at once.
  std::size_t max_connections = 1000;
};

// Called once per answered request, including those the server itself refused (bad
// syntax, oversized), from an I/O thread. Must not block.
struct Exchange {
  const Request* request;  // Null when the request could not be parsed.
  const Response* response;
  std::chrono::microseconds duration;
};
using ExchangeObserver = std::function<void(const Exchange&)>;

class Server {
 public:
  // Binds the listening socket. Returns kUnavailable when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options, Handler handler, ExchangeObserver observer);
  ~Server();

  // The bound port (useful with port 0).
  std::uint16_t port() const;
  // Serves until Stop() or a signal; returns after in-flight requests have finished.
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_SERVER_HPP_
