#include "geo/json_record.hpp"

#include <boost/json.hpp>

namespace zoneatlas::geo {

std::string JsonRecord::Text(std::string_view key, bool required) {
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) {
    if (required) Problem(key, "is required");
    return {};
  }
  if (!value->is_string()) {
    Problem(key, "must be text");
    return {};
  }
  return std::string(value->as_string());
}

std::vector<std::string> JsonRecord::List(std::string_view key) {
  std::vector<std::string> items;
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) return items;
  if (value->is_array()) {
    for (const boost::json::value& item : value->as_array()) {
      if (!item.is_string()) {
        Problem(key, "must be a list of texts");
        return {};
      }
      items.emplace_back(item.as_string());
    }
    return items;
  }
  Problem(key, "must be a list of texts");
  return items;
}

bool JsonRecord::Flag(std::string_view key) {
  const boost::json::value* value = object_.if_contains(key);
  if (value == nullptr || value->is_null()) return false;
  if (!value->is_bool()) Problem(key, "must be true or false");
  return value->is_bool() && value->as_bool();
}

void JsonRecord::Problem(std::string_view key, std::string message) {
  report_.problems.push_back({location_, std::string(key), std::move(message)});
}

}  // namespace zoneatlas::geo
