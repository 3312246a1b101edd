// socialmap/json_fields.hpp: reading the fields of the social map's JSON files (HSDS
// records, the taxonomy) where a missing or mistyped field reads as empty, so that the
// caller decides what is a problem.
//
// Thread safety: functions of their arguments.
#ifndef ZONEATLAS_SOCIALMAP_JSON_FIELDS_HPP_
#define ZONEATLAS_SOCIALMAP_JSON_FIELDS_HPP_

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "socialmap/model.hpp"

namespace zoneatlas::socialmap {

// The object, array, text (trimmed; a whole number as its digits), number (a decimal
// written with a comma too) or flag under `name`; empty, nothing or false otherwise.
const boost::json::object& ObjectField(const boost::json::object& object, std::string_view name);
const boost::json::array& ArrayField(const boost::json::object& object, std::string_view name);
std::string StringField(const boost::json::object& object, std::string_view name);
std::optional<double> NumberField(const boost::json::object& object, std::string_view name);
bool BoolField(const boost::json::object& object, std::string_view name);
// {"nl": …, "fr": …, "en": …} under `name`.
Texts TextsField(const boost::json::object& object, std::string_view name);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_JSON_FIELDS_HPP_
