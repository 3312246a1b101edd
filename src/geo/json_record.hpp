// geo/json_record.hpp: reading one record of a JSON import file (a meeting, an event),
// noting every missing or mistyped field under the record's location in the import
// report, so that a file's problems are all named at once.
//
// Thread safety: a JsonRecord appends to the report it was given; use one per thread.
#ifndef ZONEATLAS_GEO_JSON_RECORD_HPP_
#define ZONEATLAS_GEO_JSON_RECORD_HPP_

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
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
  // A number; nothing (and a problem when mistyped) otherwise.
  std::optional<double> Number(std::string_view key);
  // A day as YYYY-MM-DD; nothing (and a problem when it is no date, or required and absent).
  std::optional<Date> Day(std::string_view key, bool required);
  // "nl", "fr" or "en" under `key`; Dutch when absent, and a problem for any other code.
  Language LanguageOf(std::string_view key);
  void Problem(std::string_view key, std::string message);

  const boost::json::object& object() const { return object_; }
  const std::string& location() const { return location_; }

 private:
  const boost::json::object& object_;
  std::string location_;
  ImportReport& report_;
};

// A JSON import file: its root object, each record of a list visited with its location,
// and ids that must be unique across the whole file.
class JsonImportFile {
 public:
  using Visit = std::function<Status(const boost::json::object& record, const std::string& location)>;

  // Parses `content`; a file that is not a JSON object is a problem in `report`.
  // REQUIRES: `report` outlives the file.
  JsonImportFile(std::string_view content, ImportReport& report);

  bool parsed() const { return root_.is_object(); }
  // Calls `visit` for every object of the list under `key` (absent: none), at locations
  // "<label> 1", "<label> 2", …, counting each as a row read; a record that is not an object
  // is a problem. An error from `visit` stops the walk and is returned.
  Status ForEach(std::string_view key, std::string_view label, const Visit& visit);
  // Notes a problem when `id` was met before anywhere in the file.
  void Unique(const std::string& id, const std::string& location);

 private:
  boost::json::value root_;
  ImportReport& report_;
  std::set<std::string> ids_;
};

// The report an import of `file_name` starts from: nothing read, no problem yet.
ImportReport StartReport(std::string_view file_name);

// How a checked import ends: nothing written on a problem or a dry run; else `write`, all or
// nothing, whose refusal (kInvalidArgument, kAlreadyExists: an id taken since) becomes a
// problem of the file; every row counted imported when it succeeds.
Result<ImportReport> Conclude(ImportReport report, bool dry_run, const std::function<Status()>& write);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_JSON_RECORD_HPP_
