#include "platform/http/message.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "core/text.hpp"

namespace zoneatlas::http {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

Method ParseMethod(std::string_view name) {
  for (Method method : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete,
                        Method::kOptions}) {
    if (MethodName(method) == name) return method;
  }
  return Method::kOther;
}

std::string_view Headers::Get(std::string_view name) const {
  for (const auto& [field, value] : fields_) {
    if (EqualsIgnoringCase(field, name)) return value;
  }
  return {};
}

bool Headers::Has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (EqualsIgnoringCase(field.first, name)) return true;
  }
  return false;
}

void Headers::Set(std::string_view name, std::string value) {
  std::erase_if(fields_, [&](const auto& field) { return EqualsIgnoringCase(field.first, name); });
  fields_.emplace_back(std::string(name), std::move(value));
}

void Headers::Add(std::string_view name, std::string value) { fields_.emplace_back(std::string(name), std::move(value)); }

std::optional<std::string> Request::Query(std::string_view name) const {
  const auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string_view Request::PathParam(std::string_view name) const {
  const auto it = path_params.find(name);
  return it == path_params.end() ? std::string_view() : std::string_view(it->second);
}

Response Response::Make(int status, std::string content_type, std::string body) {
  Response response;
  response.status = status;
  response.headers.Set("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

Response Response::Html(std::string body, int status) {
  return Make(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::Json(std::string body, int status) { return Make(status, "application/json", std::move(body)); }

Response Response::Problem(int status, std::string_view title, std::string_view detail) {
  boost::json::object problem;
  problem["type"] = "about:blank";
  problem["title"] = title;
  problem["status"] = status;
  problem["detail"] = detail;
  return Make(status, "application/problem+json", boost::json::serialize(problem));
}

Response Response::Redirect(std::string location, int status) {
  Response response = Make(status, "text/plain; charset=utf-8", "");
  response.headers.Set("Location", std::move(location));
  return response;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

std::optional<std::string> ParseRequestTarget(std::string_view target, Request& request) {
  request.target = std::string(target);
  const auto url = boost::urls::parse_origin_form(target);
  if (!url) return "the URL is not valid (" + url.error().message() + ").";
  request.path = url->path();
  if (request.path.find('\0') != std::string::npos || !text::IsValidUtf8(request.path)) {
    return std::string("the URL path is not valid UTF-8 text.");
  }
  request.query.clear();
  for (const auto& param : url->params()) {
    if (!text::IsValidUtf8(param.key) || !text::IsValidUtf8(param.value)) {
      return std::string("a query parameter is not valid UTF-8 text.");
    }
    request.query.emplace(param.key, param.value);
  }
  return std::nullopt;
}

}  // namespace zoneatlas::http
