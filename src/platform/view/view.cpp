#include "platform/view/view.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <ctime>
#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "core/text.hpp"

#include "platform/resources/resources.hpp"

namespace zoneatlas::view {
namespace json = boost::json;
namespace mustache = kainjow::mustache;

namespace {

mustache::data ToMustache(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null: return mustache::data(false);
    case json::kind::bool_: return mustache::data(value.get_bool());
    case json::kind::int64: return mustache::data(std::to_string(value.get_int64()));
    case json::kind::uint64: return mustache::data(std::to_string(value.get_uint64()));
    case json::kind::double_: return mustache::data(fmt::format("{}", value.get_double()));
    // An empty text counts as false, so that {{#website}}…{{/website}} hides a link
    // to nowhere; it still renders as nothing.
    case json::kind::string:
      return value.get_string().empty() ? mustache::data(false) : mustache::data(std::string(value.get_string()));
    case json::kind::array: {
      mustache::data list{mustache::data::type::list};
      for (const json::value& item : value.get_array()) list.push_back(ToMustache(item));
      return list;
    }
    case json::kind::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.get_object()) object.set(std::string(key), ToMustache(item));
      return object;
    }
  }
  return mustache::data(false);
}

}  // namespace

Result<Catalog> Catalog::Load() {
  Catalog catalog;
  for (Language language : kLanguages) {
    const std::string path = "i18n/" + std::string(LanguageCode(language)) + ".json";
    const auto text = resources::Find(path);
    if (!text) return Fail(Error::Internal("message catalog " + path + " is not embedded"));
    json::error_code ec;
    json::value parsed = json::parse(*text, ec);
    if (ec || !parsed.is_object()) return Fail(Error::Internal("message catalog " + path + " is not a JSON object"));
    for (const auto& [key, message] : parsed.get_object()) {
      if (!message.is_string()) {
        return Fail(Error::Internal("message " + std::string(key) + " in " + path + " is not a string"));
      }
    }
    catalog.messages_[language] = std::move(parsed.get_object());
  }
  return catalog;
}

std::string_view Catalog::Get(Language language, std::string_view key) const {
  const json::object& messages = messages_.at(language);
  if (const json::value* message = messages.if_contains(key); message && message->is_string()) {
    return message->get_string();
  }
  return key;
}

std::string Catalog::Format(Language language, std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string>> values) const {
  std::string message(Get(language, key));
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + std::string(name) + "}";
    for (auto at = message.find(placeholder); at != std::string::npos; at = message.find(placeholder, at)) {
      message.replace(at, placeholder.size(), value);
      at += value.size();
    }
  }
  return message;
}

const json::object& Catalog::Messages(Language language) const { return messages_.at(language); }

struct Renderer::Templates {
  std::map<std::string, std::string, std::less<>> sources;
};

Renderer::Renderer(Catalog catalog, std::unique_ptr<Templates> templates)
    : catalog_(std::move(catalog)), templates_(std::move(templates)) {}

Renderer::~Renderer() = default;

Result<std::unique_ptr<Renderer>> Renderer::Load() {
  auto catalog = Catalog::Load();
  if (!catalog) return Fail(catalog.error());
  auto templates = std::make_unique<Templates>();
  constexpr std::string_view kPrefix = "templates/";
  constexpr std::string_view kSuffix = ".mustache";
  for (const resources::Resource& resource : resources::List(kPrefix)) {
    if (!resource.path.ends_with(kSuffix)) continue;
    std::string name(resource.path.substr(kPrefix.size(), resource.path.size() - kPrefix.size() - kSuffix.size()));
    mustache::mustache parsed{std::string(resource.data)};
    if (!parsed.is_valid()) {
      return Fail(Error::Internal("template " + name + " does not parse: " + parsed.error_message()));
    }
    templates->sources.emplace(std::move(name), std::string(resource.data));
  }
  if (!templates->sources.contains("layout")) return Fail(Error::Internal("templates/layout.mustache is missing"));
  return std::unique_ptr<Renderer>(new Renderer(std::move(*catalog), std::move(templates)));
}

std::string Renderer::Fragment(std::string_view name, const json::object& model) const {
  const auto it = templates_->sources.find(name);
  if (it == templates_->sources.end()) return "<!-- missing template " + std::string(name) + " -->";
  // A parsed kainjow template is not safe to render from two threads at once (its
  // render() is not const), so each render parses its own; templates are small.
  mustache::mustache parsed{it->second};
  mustache::data data = ToMustache(model);
  AddPartials(it->second, data);
  return parsed.render(data);
}

void Renderer::AddPartials(const std::string& source, mustache::data& data) const {
  // {{> name}} includes templates/name.mustache; partials may include partials.
  for (std::size_t at = source.find("{{>"); at != std::string::npos; at = source.find("{{>", at + 3)) {
    const std::size_t end = source.find("}}", at);
    if (end == std::string::npos) break;
    const std::string name(text::Trim(std::string_view(source).substr(at + 3, end - at - 3)));
    const auto partial = templates_->sources.find(name);
    if (partial == templates_->sources.end() || data.get(name) != nullptr) continue;
    const std::string& text = partial->second;
    data.set(name, mustache::data(mustache::partial([&text] { return text; })));
    AddPartials(text, data);
  }
}

std::string Renderer::Page(std::string_view name, Language language, json::object model) const {
  model["t"] = catalog_.Messages(language);
  model["lang"] = LanguageCode(language);
  std::string content = Fragment(name, model);
  model["content"] = std::move(content);
  return Fragment("layout", model);
}

std::string FormatNumber(double value, int decimals, Language language) {
  if (!std::isfinite(value)) return "–";
  std::string digits = fmt::format("{:.{}f}", value, decimals);
  // "-0,0" reads as a different number from "0,0"; drop the sign of a rounded zero.
  const bool negative = digits.front() == '-' && digits.find_first_of("123456789") != std::string::npos;
  if (digits.front() == '-') digits.erase(0, 1);
  std::string fraction;
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    fraction = digits.substr(dot + 1);
    digits.resize(dot);
  }
  const std::string_view group = language == Language::kEn ? "," : language == Language::kFr ? "\u202F" : ".";
  const std::string_view decimal = language == Language::kEn ? "." : ",";
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += group;
    grouped += digits[i];
  }
  std::string out = negative ? "-" : "";
  out += grouped;
  if (!fraction.empty()) {
    out += decimal;
    out += fraction;
  }
  return out;
}

std::string FormatInteger(long long value, Language language) {
  return FormatNumber(static_cast<double>(value), 0, language);
}

std::string FormatDate(int year, int month, int day, Language language) {
  static constexpr std::string_view kNl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                             "juli",    "augustus", "september", "oktober", "november", "december"};
  static constexpr std::string_view kFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                             "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::string_view kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  const std::string_view name = language == Language::kNl   ? kNl[month - 1]
                                : language == Language::kFr ? kFr[month - 1]
                                                            : kEn[month - 1];
  if (language == Language::kFr && day == 1) return fmt::format("1er {} {}", name, year);
  return fmt::format("{} {} {}", day, name, year);
}

std::string FormatTimestamp(std::int64_t seconds) {
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
  return text;
}

}  // namespace zoneatlas::view
