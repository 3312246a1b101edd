#include "socialmap/json_fields.hpp"

#include "core/text.hpp"

namespace zoneatlas::socialmap {
namespace json = boost::json;
namespace {

const json::object kNoObject;
const json::array kNoArray;

}  // namespace

const json::object& ObjectField(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_object() ? value->as_object() : kNoObject;
}
const json::array& ArrayField(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_array() ? value->as_array() : kNoArray;
}
std::string StringField(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr) return {};
  if (value->is_string()) return std::string(text::Trim(std::string_view(value->as_string())));
  if (value->is_int64()) return std::to_string(value->as_int64());
  return {};
}
std::optional<double> NumberField(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_double()) return value->as_double();
  if (value->is_int64()) return static_cast<double>(value->as_int64());
  if (value->is_string()) return text::ParseDecimal(std::string_view(value->as_string()));
  return std::nullopt;
}
bool BoolField(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_bool() && value->as_bool();
}
Texts TextsField(const json::object& object, std::string_view name) {
  const json::object& texts = ObjectField(object, name);
  return {StringField(texts, "nl"), StringField(texts, "fr"), StringField(texts, "en")};
}

}  // namespace zoneatlas::socialmap
