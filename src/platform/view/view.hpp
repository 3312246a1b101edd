// platform/view/view.hpp: pages from Mustache templates, in the reader's language.
//
// Handlers build a view model as JSON (boost::json::object) and name a template; the
// Renderer renders it inside the layout. Every value is HTML-escaped unless a
// template asks for it raw with {{{triple braces}}}, which only trusted, server-made
// markup (SVG maps) may use. All visible words come from the message catalogs
// (web/i18n/<lang>.json), which templates read as {{t.key}}. An empty string counts as
// false in sections, like null and false.
//
// Thread safety: immutable after construction; Render may be called from many threads.
#ifndef ZONEATLAS_PLATFORM_VIEW_VIEW_HPP_
#define ZONEATLAS_PLATFORM_VIEW_VIEW_HPP_

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/language.hpp"

namespace kainjow::mustache {
template <typename StringType>
class basic_data;
}  // namespace kainjow::mustache

namespace zoneatlas::view {

class Catalog {
 public:
  // Loads the embedded catalogs i18n/nl.json, fr.json, en.json. Returns kInternal
  // when one is missing or not a flat JSON object of strings.
  static Result<Catalog> Load();

  // Returns the message `key` in `language`; the key itself when it is missing, so a
  // forgotten message shows up on the page instead of an empty space.
  std::string_view Get(Language language, std::string_view key) const;
  // Returns the message with "{name}" placeholders replaced.
  std::string Format(Language language, std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> values) const;
  const boost::json::object& Messages(Language language) const;

 private:
  std::map<Language, boost::json::object> messages_;
};

class Renderer {
 public:
  // Parses every embedded template under templates/; returns kInternal naming the
  // template that does not parse.
  static Result<std::unique_ptr<Renderer>> Load();
  ~Renderer();

  // Renders templates/<name>.mustache with `model`, then the layout around it.
  // `model` gets "t" (the messages) added.
  std::string Page(std::string_view name, Language language, boost::json::object model) const;
  // Renders one template with no layout (for fragments such as SVG).
  std::string Fragment(std::string_view name, const boost::json::object& model) const;
  const Catalog& catalog() const { return catalog_; }

 private:
  struct Templates;
  Renderer(Catalog catalog, std::unique_ptr<Templates> templates);
  // Lets `data` include the templates `source` names as {{> partials}}.
  void AddPartials(const std::string& source, kainjow::mustache::basic_data<std::string>& data) const;
  Catalog catalog_;
  std::unique_ptr<Templates> templates_;
};

// 1234567.891 -> "1.234.567,9" (nl), "1 234 567,9" (fr, with narrow no-break spaces),
// "1,234,567.9" (en).
std::string FormatNumber(double value, int decimals, Language language);
std::string FormatInteger(long long value, Language language);
// 2025-01-01 -> "1 januari 2025", "1 janvier 2025", "1 January 2025".
std::string FormatDate(int year, int month, int day, Language language);
// Unix seconds as "2026-11-22 20:28 UTC", for logs and histories.
std::string FormatTimestamp(std::int64_t seconds);

}  // namespace zoneatlas::view

#endif  // ZONEATLAS_PLATFORM_VIEW_VIEW_HPP_
