// socialmap/page_words.hpp: how the social map's pages say things in the reader's
// language — messages, weekdays, desk languages, municipalities, days and hours — shared
// by the search, service, print and editing pages.
//
// Thread safety: reads immutable state and the geography store.
#ifndef ZONEATLAS_SOCIALMAP_PAGE_WORDS_HPP_
#define ZONEATLAS_SOCIALMAP_PAGE_WORDS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/language.hpp"
#include "socialmap/model.hpp"
#include "socialmap/routes.hpp"
#include "web/site.hpp"

namespace zoneatlas::socialmap {

// A record counts as recently verified for a year.
inline constexpr int kVerifiedWithinDays = 365;

std::string Text(const web::Site& site, Language language, std::string_view key);
// A weekday's name: the messages "weekday_0" (Monday) … "weekday_6".
std::string WeekdayName(const web::Site& site, Language language, int weekday);
// "Arabisch" for "ar"; the code itself when the catalog has no name for it.
std::string LanguageName(const web::Site& site, Language language, const std::string& code);
// A municipality's name today, in `language`; the code when unknown.
std::string AreaName(const Services& services, const std::string& code, Language language);
std::string Join(const std::vector<std::string>& items, std::string_view separator);
// "Beersel, Halle, Pepingen": the municipalities a service serves, by name.
std::string ServedAreas(const Services& services, const Service& service, Language language);
std::string FormatDay(const Date& date, Language language);
// "ma 09:00–12:00 zonder afspraak; wo 13:30–16:30" for a printed line.
std::string CompactHours(const web::Site& site, Language language, const Service& service);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_PAGE_WORDS_HPP_
