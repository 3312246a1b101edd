// platform/formats/json_reader.hpp: reading one object of a catalog shipped as JSON (the
// atlas's indicators, the rights), collecting every problem as "CONTEXT: key: message"
// so that a reviewer sees all of them at once rather than the first.
//
// Thread safety: a Reader appends to the problem list it was given; use one per thread.
#ifndef ZONEATLAS_PLATFORM_FORMATS_JSON_READER_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_JSON_READER_HPP_

#include <array>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace zoneatlas::formats {

class JsonReader {
 public:
  // REQUIRES: `object` and `problems` outlive the reader.
  JsonReader(const boost::json::object& object, std::string context, std::vector<std::string>& problems)
      : object_(object), context_(std::move(context)), problems_(problems) {}

  // The field, or nullptr when absent.
  const boost::json::value* Field(std::string_view key) const { return object_.if_contains(key); }
  // Non-empty text; "" (and, when required, a problem) otherwise.
  std::string Text(std::string_view key, bool required = true);
  // {"nl": …, "fr": …, "en": …} under `key`, as nl, fr, en; nl and fr are required when the
  // object is, en only when `english_required`.
  std::array<std::string, 3> Languages(std::string_view key, bool english_required, bool required = true);
  // true or false; a problem (and false) otherwise.
  bool Flag(std::string_view key);
  // A date written YYYY-MM-DD; null or absent is a problem only when required.
  std::optional<Date> DateField(std::string_view key, bool required = true);
  // The list under `key`; an empty one (and, when required or mistyped, a problem) otherwise.
  const boost::json::array& Array(std::string_view key, bool required = true);

  void Problem(std::string_view key, std::string_view message);

  const boost::json::object& object() const { return object_; }
  const std::string& context() const { return context_; }
  std::vector<std::string>& problems() { return problems_; }

 private:
  const boost::json::object& object_;
  std::string context_;
  std::vector<std::string>& problems_;
};

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_JSON_READER_HPP_
