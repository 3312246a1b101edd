#include "platform/http/metrics.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <spdlog/spdlog.h>

#include <fmt/format.h>

namespace zoneatlas::http {
namespace {

std::string RouteOf(const Exchange& exchange) {
  if (!exchange.response->route_name.empty()) return exchange.response->route_name;
  return exchange.request == nullptr ? "unparsed" : "unmatched";
}

// Prometheus label values escape backslash, quote and newline.
std::string Label(std::string_view value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped += c;
  }
  return escaped;
}

}  // namespace

Metrics::Metrics() : started_(std::chrono::system_clock::now()) {}

void Metrics::Record(const Exchange& exchange) {
  const std::string route = RouteOf(exchange);
  const std::string method =
      exchange.request == nullptr ? "unknown" : std::string(MethodName(exchange.request->method));
  const double seconds = std::chrono::duration<double>(exchange.duration).count();
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, exchange.response->status}];
  Histogram& histogram = durations_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++histogram.counts[i];
  }
  ++histogram.total;
  histogram.sum += seconds;
}

std::string Metrics::Render() const {
  std::string out;
  out += "# HELP zoneatlas_start_time_seconds When the server started, in Unix time.\n";
  out += "# TYPE zoneatlas_start_time_seconds gauge\n";
  out += fmt::format("zoneatlas_start_time_seconds {}\n",
                     std::chrono::duration_cast<std::chrono::seconds>(started_.time_since_epoch()).count());
  std::lock_guard lock(mutex_);
  out += "# HELP zoneatlas_http_requests_total HTTP requests answered, by route, method and status.\n";
  out += "# TYPE zoneatlas_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += fmt::format("zoneatlas_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                       Label(route), method, status, count);
  }
  out += "# HELP zoneatlas_http_request_duration_seconds Time from request to response, by route.\n";
  out += "# TYPE zoneatlas_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    const std::string label = Label(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("zoneatlas_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
                         kBuckets[i], histogram.counts[i]);
    }
    out += fmt::format("zoneatlas_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
                       histogram.total);
    out += fmt::format("zoneatlas_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label, histogram.sum);
    out += fmt::format("zoneatlas_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label, histogram.total);
  }
  return out;
}

void LogAccess(const Exchange& exchange) {
  static const auto logger = [] {
    auto existing = spdlog::get("access");
    return existing ? existing : spdlog::default_logger();
  }();
  boost::json::object line;
  if (exchange.request != nullptr) {
    line["method"] = MethodName(exchange.request->method);
    line["target"] = exchange.request->target;
    line["remote"] = exchange.request->remote_address;
    line["user_agent"] = exchange.request->headers.Get("User-Agent");
  }
  line["status"] = exchange.response->status;
  line["bytes"] = exchange.response->body.size();
  line["route"] = RouteOf(exchange);
  line["duration_ms"] = std::chrono::duration<double, std::milli>(exchange.duration).count();
  logger->info(boost::json::serialize(line));
}

}  // namespace zoneatlas::http
