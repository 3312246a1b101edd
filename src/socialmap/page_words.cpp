#include "socialmap/page_words.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace zoneatlas::socialmap {

std::string Text(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string WeekdayName(const web::Site& site, Language language, int weekday) {
  return Text(site, language, "weekday_" + std::to_string(weekday));
}

std::string LanguageName(const web::Site& site, Language language, const std::string& code) {
  const std::string key = "language_name_" + code;
  const std::string name = Text(site, language, key);
  return name == key ? text::AsciiLower(code) : name;
}

std::string AreaName(const Services& services, const std::string& code, Language language) {
  auto area = services.geography.FindArea(code, Date::Today());
  if (!area) return code;
  const std::string& name = language == Language::kFr   ? area->names.fr
                            : language == Language::kEn ? area->names.en
                                                        : area->names.nl;
  return name.empty() ? area->names.nl : name;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

std::string ServedAreas(const Services& services, const Service& service, Language language) {
  std::vector<std::string> names;
  for (const std::string& code : service.area_codes) names.push_back(AreaName(services, code, language));
  std::sort(names.begin(), names.end());
  return Join(names, ", ");
}

std::string FormatDay(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

std::string CompactHours(const web::Site& site, Language language, const Service& service) {
  std::string text;
  for (const Hours& hours : service.hours) {
    if (!text.empty()) text += "; ";
    text += WeekdayName(site, language, hours.weekday).substr(0, 2) + " ";
    text += hours.opens == 0 && hours.closes == 24 * 60
                ? Text(site, language, "socialmap_all_day")
                : FormatClock(hours.opens) + "–" + FormatClock(hours.closes % (24 * 60));
    if (hours.walk_in) text += " " + Text(site, language, "socialmap_walk_in_short");
  }
  return text;
}

}  // namespace zoneatlas::socialmap
