// geo/json_record.hpp: reading one record of a JSON import file (a meeting, an event),
// noting every missing or mistyped field under the record's location in the import
// report, so that a file's problems are all named at once.
//
// Thread safety: a JsonRecord appends to the report it was given; use one per thread.
#ifndef ZONEATLAS_GEO_JSON_RECORD_HPP_
#define ZONEATLAS_GEO_JSON_RECORD_HPP_

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "geo/import.hpp"

namespace zoneatlas::geo {

class JsonRecord {
 public:
  // REQUIRES: `object` and `report` outlive the record.
  JsonRecord(const boost::json::object& object, std::string location, ImportReport& report)
      : object_(object), location_(std::move(location)), report_(report) {}

  // The text under `key`; "" (and, when required, a problem) when absent or not text.
  std::string Text(std::string_view key, bool required);
  // The list of texts under `key`; empty (and a problem when mistyped) otherwise.
  std::vector<std::string> List(std::string_view key);
  // true or false; false (and a problem when mistyped) otherwise.
  bool Flag(std::string_view key);
  void Problem(std::string_view key, std::string message);

  const boost::json::object& object() const { return object_; }
  const std::string& location() const { return location_; }

 private:
  const boost::json::object& object_;
  std::string location_;
  ImportReport& report_;
};

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_JSON_RECORD_HPP_
