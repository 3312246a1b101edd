// web/response_cache.hpp: answers kept while the data behind them is unchanged.
//
// Reference data (zones, areas, boundaries) changes only when someone imports or edits
// it, but is read on every page. A feature keeps its successful responses here under a
// key (the request target and the day), together with the data's generation — a counter
// in the database that every write raises (see change_counters). A response is reused
// only while the generation is the same, so a write by any process, including a CLI
// import beside the server, is visible at the next request.
//
// Thread safety: all methods may be called from any thread.
#ifndef ZONEATLAS_WEB_RESPONSE_CACHE_HPP_
#define ZONEATLAS_WEB_RESPONSE_CACHE_HPP_

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "core/error.hpp"
#include "platform/http/message.hpp"

namespace zoneatlas::web {

class ResponseCache {
 public:
  // Keeps at most `max_entries` answers and `max_bytes` of bodies; an answer larger than
  // an eighth of `max_bytes` is made each time rather than kept.
  explicit ResponseCache(std::size_t max_entries = 2000, std::size_t max_bytes = 64 << 20)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // Returns the response kept for `key` at `generation`, else computes it with `make`
  // and keeps it if its status is 200.
  http::Response GetOrMake(const std::string& key, std::int64_t generation, const std::function<http::Response()>& make);

 private:
  struct Entry {
    std::int64_t generation;
    http::Response response;
  };
  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // Guarded by mutex_.
  std::size_t bytes_ = 0;                 // Of the kept bodies; guarded by mutex_.
};

// Wraps `handler` so that its 200 answers to anonymous requests are kept per request
// target and day while `generation()` returns the same value. Requests by a signed-in
// user, or when the generation cannot be read, simply run the handler.
http::Handler Cached(ResponseCache& cache, std::function<Result<std::int64_t>()> generation, http::Handler handler);

}  // namespace zoneatlas::web

#endif  // ZONEATLAS_WEB_RESPONSE_CACHE_HPP_
