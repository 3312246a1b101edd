// platform/http/metrics.hpp: request counters and latency histograms for /metrics.
//
// Thread safety: Record and Render may be called from any thread.
#ifndef ZONEATLAS_PLATFORM_HTTP_METRICS_HPP_
#define ZONEATLAS_PLATFORM_HTTP_METRICS_HPP_

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "platform/http/server.hpp"

namespace zoneatlas::http {

class Metrics {
 public:
  Metrics();
  void Record(const Exchange& exchange);
  // The Prometheus text exposition format (version 0.0.4).
  std::string Render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,    0.5,   1.0};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t total = 0;
    double sum = 0;
  };
  const std::chrono::system_clock::time_point started_;
  mutable std::mutex mutex_;
  // State below is protected by mutex_.
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // route, method, status.
  std::map<std::string, Histogram> durations_;                                    // By route.
};

// Writes one JSON line per exchange to the access log (spdlog's "access" logger).
void LogAccess(const Exchange& exchange);

}  // namespace zoneatlas::http

#endif  // ZONEATLAS_PLATFORM_HTTP_METRICS_HPP_
