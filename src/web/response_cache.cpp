#include "web/response_cache.hpp"

#include "core/date.hpp"

namespace zoneatlas::web {

http::Response ResponseCache::GetOrMake(const std::string& key, std::int64_t generation,
                                        const std::function<http::Response()>& make) {
  {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it != entries_.end() && it->second.generation == generation) return it->second.response;
  }
  http::Response response = make();
  if (response.status != 200 || response.body.size() > max_bytes_ / 8) return response;
  std::lock_guard lock(mutex_);
  // Keys are request targets, which visitors choose; a full cache starts over rather
  // than grow without bound, in entries or in bytes.
  if (const auto old = entries_.find(key); old != entries_.end()) {
    bytes_ -= old->second.response.body.size();
    entries_.erase(old);
  }
  if (entries_.size() >= max_entries_ || bytes_ + response.body.size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  bytes_ += response.body.size();
  entries_.emplace(key, Entry{generation, response});
  return response;
}

http::Handler Cached(ResponseCache& cache, std::function<Result<std::int64_t>()> generation, http::Handler handler) {
  return [&cache, generation = std::move(generation), handler = std::move(handler)](const http::Request& request) {
    // A signed-in user's page carries their own navigation and must not be kept or
    // shared; only what everyone gets alike is kept.
    if (request.identity) return handler(request);
    const auto current = generation();
    if (!current) return handler(request);
    // Pages without ?date= show the geography of today, so the day is part of the key.
    const std::string key = request.target + "\n" + Date::Today().ToIso();
    return cache.GetOrMake(key, *current, [&] { return handler(request); });
  };
}

}  // namespace zoneatlas::web
