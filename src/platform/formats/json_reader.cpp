#include "platform/formats/json_reader.hpp"

#include <boost/json.hpp>

namespace zoneatlas::formats {
namespace json = boost::json;

std::string JsonReader::Text(std::string_view key, bool required) {
  const json::value* value = Field(key);
  if (value != nullptr && value->is_string() && !value->get_string().empty()) return std::string(value->get_string());
  if (required) Problem(key, "is missing or not text");
  return "";
}

std::array<std::string, 3> JsonReader::Languages(std::string_view key, bool english_required, bool required) {
  const json::value* value = Field(key);
  if (value == nullptr || !value->is_object()) {
    if (required) Problem(key, english_required ? "needs nl, fr and en" : "needs nl and fr");
    return {};
  }
  JsonReader inner(value->get_object(), context_ + ": " + std::string(key), problems_);
  return {inner.Text("nl"), inner.Text("fr"), inner.Text("en", english_required)};
}

bool JsonReader::Flag(std::string_view key) {
  const json::value* value = Field(key);
  if (value != nullptr && value->is_bool()) return value->get_bool();
  Problem(key, "needs true or false");
  return false;
}

std::optional<Date> JsonReader::DateField(std::string_view key, bool required) {
  const json::value* value = Field(key);
  if (value == nullptr || value->is_null()) {
    if (required) Problem(key, "needs a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  if (value->is_string()) {
    if (auto date = Date::Parse(std::string_view(value->get_string()))) return *date;
  }
  Problem(key, "is not a date (YYYY-MM-DD)");
  return std::nullopt;
}

const json::array& JsonReader::Array(std::string_view key, bool required) {
  static const json::array kEmpty;
  const json::value* value = Field(key);
  if (value != nullptr && value->is_array()) return value->get_array();
  if (required || value != nullptr) Problem(key, "needs a list");
  return kEmpty;
}

void JsonReader::Problem(std::string_view key, std::string_view message) {
  problems_.push_back(context_ + ": " + std::string(key) + ": " + std::string(message));
}

}  // namespace zoneatlas::formats
