#include "platform/http/server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <future>
#include <optional>
#include <mutex>
#include <ostream>
#include <set>
#include <streambuf>
#include <thread>
#include <vector>

#include "core/text.hpp"

namespace zoneatlas::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

Response PlainError(int status, std::string message) {
  Response response = Response::Make(status, "text/plain; charset=utf-8", std::move(message) + "\n");
  response.headers.Set("Connection", "close");
  return response;
}

// A request's head as ours (no body yet), with why its target is refused: not a valid
// origin-form URL, or one that decodes to something no path may hold. Judging an upload
// before its body is read needs the head alone.
std::pair<Request, std::optional<std::string>> HeadOf(const bhttp::request<bhttp::string_body>& raw,
                                                      const std::string& remote) {
  Request head;
  head.method = ParseMethod(std::string_view(raw.method_string().data(), raw.method_string().size()));
  auto refused = ParseRequestTarget(std::string_view(raw.target().data(), raw.target().size()), head);
  for (const auto& field : raw) head.headers.Add(std::string(field.name_string()), std::string(field.value()));
  head.remote_address = remote;
  return {std::move(head), std::move(refused)};
}

// Turns a parsed Beast request into ours, or into a 400 response when its target is refused.
std::variant<Request, Response> ToRequest(bhttp::request<bhttp::string_body>&& raw, const std::string& remote) {
  auto [request, refused] = HeadOf(raw, remote);
  if (refused) return PlainError(400, "Bad request: " + *refused);
  request.body = std::move(raw.body());
  return request;
}

bhttp::response<bhttp::string_body> ToBeast(Response&& response, unsigned version, bool keep_alive, bool head) {
  bhttp::response<bhttp::string_body> raw{static_cast<bhttp::status>(response.status), version};
  for (auto& [name, value] : response.headers.fields()) raw.insert(name, value);
  raw.set(bhttp::field::server, "zoneatlas");
  if (response.headers.Get("Connection") == "close") keep_alive = false;
  raw.keep_alive(keep_alive);
  const std::size_t length = response.body.size();
  if (!head) raw.body() = std::move(response.body);
  raw.content_length(length);
  if (head) raw.body().clear();
  return raw;
}

// An output stream whose buffer goes to `send` every 64 KiB and at flush; once a send
// fails, every later write fails too.
class SendingBuffer : public std::streambuf {
 public:
  explicit SendingBuffer(std::function<bool(std::string_view)> send) : send_(std::move(send)) {
    buffer_.resize(64 * 1024);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  bool ok() const { return ok_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    if (ok_ && size > 0) ok_ = send_(std::string_view(pbase(), size));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return ok_;
  }
  std::function<bool(std::string_view)> send_;
  std::string buffer_;
  bool ok_ = true;
};

// The answer to a connection beyond max_connections: written at once, without reading the request.
constexpr std::string_view kTooManyConnections =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
    "Connection: close\r\nContent-Length: 53\r\n\r\nThe server is too busy. Please try again in a moment.";
static_assert(kTooManyConnections.size() - kTooManyConnections.find("\r\n\r\n") - 4 == 53);

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  ExchangeObserver observer;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::unique_ptr<asio::thread_pool> workers;
  asio::signal_set signals{io};
  std::atomic<bool> stopping{false};
  std::atomic<int> busy_requests{0};

  class Session;
  std::mutex sessions_mutex;
  std::set<std::shared_ptr<Session>> sessions;  // Guarded by sessions_mutex.

  std::unique_ptr<asio::steady_timer> accept_pause;
  std::size_t largest_body_limit = 0;  // Of any request or upload path, set by Create.

  void Accept();
  void RefuseConnection(tcp::socket socket);
  void BeginStop();
  void WaitForDrain(std::shared_ptr<asio::steady_timer> timer, Clock::time_point deadline);
  void Forget(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(session);
  }
};

// One connection. Every member is touched only on the connection's strand.
class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code ignored;
    const auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_ = ignored ? "" : endpoint.address().to_string();
  }

  void Start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  // Closes the connection if it is waiting for a request; a busy one closes after its
  // response.
  void CloseIfIdle() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  void Read() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    // The parser checks a Content-Length against its limit while reading the header, before
    // the path is known: it starts with the larger limit, narrowed in OnHeader.
    body_limit_ = server_.largest_body_limit;
    parser_->body_limit(body_limit_);
    stream_.expires_after(first_ ? server_.options.read_timeout : server_.options.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    // The whole of a request, once it has started, must arrive within the read timeout.
    busy_ = true;
    started_ = Clock::now();
    const ServerOptions::UploadPath* upload = UploadPathOf(parser_->get());
    if (upload == nullptr || !server_.options.may_upload) return ReadBody(upload);
    // Whether the sender may upload may take the database: asked on a worker.
    auto head = std::make_shared<Request>(HeadOf(parser_->get(), remote_).first);
    asio::post(*server_.workers, [self = shared_from_this(), head, upload] {
      bool allowed = false;
      try {
        allowed = self->server_.options.may_upload(*head);
      } catch (const std::exception&) {
      }
      asio::dispatch(self->stream_.get_executor(),
                     [self, allowed, upload] { self->ReadBody(allowed ? upload : nullptr); });
    });
  }

  // Reads the body within the limits of an upload, or of any request when `upload` is null.
  void ReadBody(const ServerOptions::UploadPath* upload) {
    body_limit_ = upload != nullptr ? upload->body_limit : server_.options.body_limit;
    parser_->body_limit(body_limit_);  // For chunked bodies, counted as they arrive.
    if (parser_->content_length() && *parser_->content_length() > body_limit_) {
      return OnReadError(bhttp::error::body_limit);
    }
    stream_.expires_after(upload != nullptr ? server_.options.upload_read_timeout : server_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code read_ec, std::size_t) { self->OnRead(read_ec); });
  }

  const ServerOptions::UploadPath* UploadPathOf(
      const bhttp::request_parser<bhttp::string_body>::value_type& head) const {
    if (head.method() != bhttp::verb::post) return nullptr;
    std::string_view path(head.target().data(), head.target().size());
    path = path.substr(0, path.find('?'));
    for (const ServerOptions::UploadPath& upload : server_.options.upload_paths) {
      if (path.ends_with(upload.suffix)) return &upload;
    }
    return nullptr;
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::error::bad_descriptor) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      return Refuse(413, "Request body too large: the limit is " + std::to_string(body_limit_) + " bytes.");
    }
    if (ec == bhttp::error::header_limit) {
      return Refuse(431, "Request header fields too large: the limit is " +
                             std::to_string(server_.options.header_limit) + " bytes.");
    }
    return Refuse(400, "Bad request: " + ec.message() + ".");
  }

  void OnRead(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    stream_.expires_never();
    auto raw = parser_->release();
    version_ = raw.version();
    keep_alive_ = raw.keep_alive();
    head_ = raw.method() == bhttp::verb::head;
    auto converted = ToRequest(std::move(raw), remote_);
    if (auto* refused = std::get_if<Response>(&converted)) {
      keep_alive_ = false;
      return Write(nullptr, std::move(*refused));
    }
    auto request = std::make_shared<Request>(std::move(std::get<Request>(converted)));
    ++server_.busy_requests;
    asio::post(*server_.workers, [self = shared_from_this(), request] {
      Response response;
      try {
        response = self->server_.handler(*request);
      } catch (const std::exception& e) {
        response = PlainError(500, "Internal server error.");
      }
      if (response.body_writer) return self->Stream(request, std::move(response));
      asio::dispatch(self->stream_.get_executor(), [self, request, response = std::move(response)]() mutable {
        --self->server_.busy_requests;
        self->Write(request, std::move(response));
      });
    });
  }

  void Refuse(int status, std::string message) {
    if (!busy_) started_ = Clock::now();
    busy_ = true;
    keep_alive_ = false;
    Write(nullptr, PlainError(status, std::move(message)));
  }

  void Observe(const Request* request, const Response& response) {
    if (!server_.observer) return;
    const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_);
    server_.observer(Exchange{request, &response, duration});
  }

  // The answer has gone out (or failed): wait for the next request, or close.
  void AfterAnswer(bool keep_alive) {
    busy_ = false;
    first_ = false;
    if (!keep_alive) return Close();
    Read();
  }

  void Write(std::shared_ptr<Request> request, Response response) {
    Observe(request.get(), response);
    const bool keep_alive = keep_alive_ && !server_.stopping;
    auto raw = std::make_shared<bhttp::response<bhttp::string_body>>(
        ToBeast(std::move(response), version_, keep_alive, head_));
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_write(stream_, *raw, [self = shared_from_this(), raw](beast::error_code ec, std::size_t) {
      self->AfterAnswer(!ec && raw->keep_alive());
    });
  }

  // Runs on a worker: sends the head, then what the body writer writes, chunk by chunk,
  // each written before the next is made. Each step waits for the strand at most the
  // read timeout, so a client that stops reading, or a stopping server, frees the worker.
  void Stream(std::shared_ptr<Request> request, Response response) {
    auto writer = std::move(response.body_writer);
    // Kept by the steps on the strand, which may outlive this call when it stops waiting.
    auto answer = std::make_shared<Response>(std::move(response));
    answer->body.clear();
    const auto wait = server_.options.read_timeout + std::chrono::seconds(1);
    // Runs `step` on the strand, which calls `done(ok)` once; waits for it.
    auto on_strand = [this, wait](std::function<void(std::function<void(bool)>)> step) {
      auto promise = std::make_shared<std::promise<bool>>();
      auto future = promise->get_future();
      asio::dispatch(stream_.get_executor(), [self = shared_from_this(), promise, step = std::move(step)] {
        step([promise](bool ok) { promise->set_value(ok); });
      });
      return future.wait_for(wait) == std::future_status::ready && future.get();
    };
    const bool chunked = version_ >= 11;
    bool ok = on_strand([this, request, answer, chunked](std::function<void(bool)> done) {
      Observe(request.get(), *answer);
      auto head =
          std::make_shared<bhttp::response<bhttp::empty_body>>(static_cast<bhttp::status>(answer->status), version_);
      for (auto& [name, value] : answer->headers.fields()) head->insert(name, value);
      head->set(bhttp::field::server, "zoneatlas");
      // Without chunks (HTTP/1.0) the end of the body is the end of the connection.
      head->keep_alive(chunked && keep_alive_ && !server_.stopping && answer->headers.Get("Connection") != "close");
      keep_alive_ = head->keep_alive();
      if (chunked) head->chunked(true);
      auto serializer = std::make_shared<bhttp::response_serializer<bhttp::empty_body>>(*head);
      stream_.expires_after(server_.options.read_timeout);
      bhttp::async_write_header(stream_, *serializer,
                                [head, serializer, done](beast::error_code ec, std::size_t) { done(!ec); });
    });
    const auto send = [&](std::string_view piece) {
      auto bytes = std::make_shared<std::string>(piece);
      return on_strand([this, bytes, chunked](std::function<void(bool)> done) {
        stream_.expires_after(server_.options.read_timeout);
        auto finished = [bytes, done](beast::error_code ec, std::size_t) { done(!ec); };
        if (chunked) {
          asio::async_write(stream_, bhttp::make_chunk(asio::buffer(*bytes)), finished);
        } else {
          asio::async_write(stream_, asio::buffer(*bytes), finished);
        }
      });
    };
    if (ok && !head_) {
      SendingBuffer buffer(send);
      std::ostream out(&buffer);
      try {
        ok = writer(out);
      } catch (const std::exception&) {
        ok = false;
      }
      ok = ok && out.flush() && buffer.ok();
      if (ok && chunked) {
        ok = on_strand([this](std::function<void(bool)> done) {
          stream_.expires_after(server_.options.read_timeout);
          asio::async_write(stream_, bhttp::make_chunk_last(),
                            [done](beast::error_code ec, std::size_t) { done(!ec); });
        });
      }
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this(), ok] {
      --self->server_.busy_requests;
      self->AfterAnswer(ok && self->keep_alive_);
    });
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    server_.Forget(shared_from_this());
  }

  Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string remote_;
  std::size_t body_limit_ = 0;  // Of the request being read.
  Clock::time_point started_ = Clock::now();
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool head_ = false;
  bool busy_ = false;
  bool first_ = true;
  bool closed_ = false;
};

void Server::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) return;
      // Out of file descriptors (or memory): accepting again at once would spin; wait
      // for connections to close.
      if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space || ec == asio::error::no_memory ||
          ec.value() == ENFILE) {
        if (!accept_pause) accept_pause = std::make_unique<asio::steady_timer>(io);
        accept_pause->expires_after(std::chrono::milliseconds(100));
        accept_pause->async_wait([this](beast::error_code) {
          if (!stopping) Accept();
        });
        return;
      }
      Accept();
      return;
    }
    if (stopping) return;
    std::shared_ptr<Session> session;
    {
      std::lock_guard lock(sessions_mutex);
      if (sessions.size() < options.max_connections) {
        session = std::make_shared<Session>(*this, std::move(socket));
        sessions.insert(session);
      }
    }
    if (session) {
      session->Start();
    } else {
      RefuseConnection(std::move(socket));
    }
    Accept();
  });
}

void Server::Impl::RefuseConnection(tcp::socket socket) {
  auto refused = std::make_shared<tcp::socket>(std::move(socket));
  asio::async_write(*refused, asio::buffer(kTooManyConnections), [refused](beast::error_code, std::size_t) {
    beast::error_code ignored;
    refused->shutdown(tcp::socket::shutdown_both, ignored);
    refused->close(ignored);
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  asio::post(io, [this] {
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    std::vector<std::shared_ptr<Session>> open;
    {
      std::lock_guard lock(sessions_mutex);
      open.assign(sessions.begin(), sessions.end());
    }
    for (auto& session : open) session->CloseIfIdle();
    WaitForDrain(std::make_shared<asio::steady_timer>(io), Clock::now() + options.shutdown_grace);
  });
}

void Server::Impl::WaitForDrain(std::shared_ptr<asio::steady_timer> timer, Clock::time_point deadline) {
  bool drained;
  {
    std::lock_guard lock(sessions_mutex);
    drained = sessions.empty() && busy_requests == 0;
  }
  if (drained || Clock::now() >= deadline) {
    io.stop();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(20));
  timer->async_wait([this, timer, deadline](beast::error_code) { WaitForDrain(timer, deadline); });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  if (impl_->workers) impl_->workers->join();
}

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, Handler handler, ExchangeObserver observer) {
  auto impl = std::make_unique<Impl>();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (options.io_threads <= 0) options.io_threads = static_cast<int>(cores);
  if (options.worker_threads <= 0) options.worker_threads = static_cast<int>(2 * cores);
  impl->options = options;
  impl->largest_body_limit = options.body_limit;
  for (const auto& upload : options.upload_paths) {
    impl->largest_body_limit = std::max(impl->largest_body_limit, upload.body_limit);
  }
  impl->handler = std::move(handler);
  impl->observer = std::move(observer);
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) return Fail(Error::InvalidArgument("'" + options.address + "' is not an IP address"));
  const tcp::endpoint endpoint{address, options.port};
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error::Unavailable("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " +
                                   ec.message()));
  }
  impl->workers = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(options.worker_threads));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

std::uint16_t Server::port() const {
  beast::error_code ignored;
  return impl_->acceptor.local_endpoint(ignored).port();
}

void Server::Run() {
  Impl& impl = *impl_;
  if (impl.options.handle_signals) {
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](beast::error_code ec, int) {
      if (!ec) impl.BeginStop();
    });
  }
  impl.Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl.options.io_threads; ++i) threads.emplace_back([&impl] { impl.io.run(); });
  impl.io.run();
  for (auto& thread : threads) thread.join();
  impl.workers->join();
}

void Server::Stop() { impl_->BeginStop(); }

}  // namespace zoneatlas::http
