#include "socialmap/search.hpp"

#include <algorithm>
#include <unordered_map>

#include "socialmap/opening.hpp"

namespace zoneatlas::socialmap {
namespace {

// A service's opening hours as the index keeps them, unpacked once per thread: an "open
// now" search asks about thousands of matches, and services share their hours.
const std::vector<Hours>& HoursOf(const std::string& packed) {
  constexpr std::size_t kMaxKept = 100'000;
  thread_local std::unordered_map<std::string, std::vector<Hours>> unpacked;
  if (const auto found = unpacked.find(packed); found != unpacked.end()) return found->second;
  if (unpacked.size() >= kMaxKept) unpacked.clear();
  return unpacked.emplace(packed, UnpackHours(packed)).first->second;
}

// Where `phrase` occurs in `words`, as the position of its first word.
std::vector<std::size_t> Occurrences(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  std::vector<std::size_t> found;
  if (phrase.empty() || phrase.size() > words.size()) return found;
  for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
    if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) found.push_back(i);
  }
  return found;
}

bool OpenSomeTimeOn(const std::vector<Hours>& hours, const Date& date) {
  const bool holiday = IsPublicHoliday(date);
  const int weekday = WeekdayOf(date);
  return std::any_of(hours.begin(), hours.end(), [&](const Hours& h) {
    return h.weekday == weekday && (!holiday || h.on_holidays) && (!h.valid_from || *h.valid_from <= date) &&
           (!h.valid_to || date <= *h.valid_to);
  });
}

}  // namespace

std::vector<std::vector<std::vector<std::string>>> QueryUnits(const std::string& text, const Taxonomy& taxonomy) {
  const std::vector<std::string> words = search::Words(text);
  std::vector<int> group_at(words.size(), -1);  // The synonym group covering each word.
  std::vector<std::size_t> length_at(words.size(), 0);
  for (std::size_t g = 0; g < taxonomy.synonyms().size(); ++g) {
    for (const std::string& member : taxonomy.synonyms()[g]) {
      const std::vector<std::string> phrase = search::Words(member);
      for (std::size_t start : Occurrences(words, phrase)) {
        // The longest phrase wins where phrases overlap ("sociaal huis" over "huis").
        if (group_at[start] != -1 && length_at[start] >= phrase.size()) continue;
        group_at[start] = static_cast<int>(g);
        length_at[start] = phrase.size();
      }
    }
  }
  const bool only_stopwords =
      std::all_of(words.begin(), words.end(), [&](const std::string& word) { return taxonomy.IsStopword(word); });
  std::vector<std::vector<std::vector<std::string>>> units;
  for (std::size_t i = 0; i < words.size();) {
    if (group_at[i] == -1) {
      // "hulp met gsm" must not require "met"; a search for only such words keeps them.
      if (only_stopwords || !taxonomy.IsStopword(words[i])) units.push_back({{words[i]}});
      ++i;
      continue;
    }
    std::vector<std::vector<std::string>> alternatives;
    for (const std::string& member : taxonomy.synonyms()[static_cast<std::size_t>(group_at[i])]) {
      alternatives.push_back(search::Words(member));
    }
    units.push_back(std::move(alternatives));
    i += length_at[i];
  }
  return units;
}

Result<std::map<std::string, std::string>> Search::AreaNames() const {
  auto areas = geography_.Areas({.kind = geo::AreaKind::kMunicipality, .parent_code = std::nullopt, .any_time = true},
                                Date::Today());
  if (!areas) return Fail(areas.error());
  std::map<std::string, std::string> names;
  for (const geo::Area& area : *areas) names[area.code] = area.names.nl + " " + area.names.fr + " " + area.names.en;
  return names;
}

Result<Search::Context> Search::ContextSince(std::int64_t revision) const {
  auto names = AreaNames();
  if (!names) return Fail(names.error());
  auto places = store_.PlacesChangedSince(revision);
  if (!places) return Fail(places.error());
  return Context{.area_names = std::move(*names),
                 .organization_names = std::move(places->first),
                 .locations = std::move(places->second)};
}

search::Document Search::DocumentOf(const Service& service, const Context& context) const {
  const auto& area_names = context.area_names;
  search::Document document;
  document.id = service.id;
  for (const Texts* texts : {&service.name}) {
    for (const std::string* text : {&texts->nl, &texts->fr, &texts->en}) document.texts.emplace_back(*text, 5);
  }
  for (const Texts* texts : {&service.description, &service.plain}) {
    for (const std::string* text : {&texts->nl, &texts->fr, &texts->en}) document.texts.emplace_back(*text, 1);
  }
  if (const auto it = context.organization_names.find(service.organization_id);
      it != context.organization_names.end()) {
    document.texts.emplace_back(it->second, 3);
  }
  for (const std::string& id : service.themes) {
    document.filters.push_back("theme:" + id);
    document.facets["theme"].push_back(id);
    if (const Term* term = taxonomy_.FindTheme(id)) {
      document.texts.emplace_back(term->name.nl + " " + term->name.fr + " " + term->name.en, 2);
      for (const std::string& word : term->words) document.texts.emplace_back(word, 1);
    }
  }
  for (const std::string& id : service.target_groups) {
    document.filters.push_back("target_group:" + id);
    document.facets["target_group"].push_back(id);
    if (const Term* term = taxonomy_.FindTargetGroup(id)) {
      document.texts.emplace_back(term->name.nl + " " + term->name.fr + " " + term->name.en, 2);
    }
  }
  for (const std::string& code : service.area_codes) {
    document.filters.push_back("area:" + code);
    document.facets["area"].push_back(code);
    if (const auto it = area_names.find(code); it != area_names.end()) document.texts.emplace_back(it->second, 2);
  }
  for (const std::string& language : service.languages) {
    document.filters.push_back("language:" + language);
    document.facets["language"].push_back(language);
  }
  document.filters.push_back("organization:" + service.organization_id);
  const std::string cost(CostName(service.cost));
  document.filters.push_back("cost:" + cost);
  document.facets["cost"].push_back(cost);
  if (service.walk_in()) {
    document.filters.push_back("walk_in:yes");
    document.facets["walk_in"].push_back("yes");
  }
  for (const std::string& id : service.location_ids) {
    const auto it = context.locations.find(id);
    if (it == context.locations.end()) continue;
    const Location& location = it->second;
    document.texts.emplace_back(location.name + " " + location.city + " " + location.postal_code, 2);
    if (!document.point && location.latitude && location.longitude) {
      document.point = search::Point{*location.latitude, *location.longitude};
    }
  }
  document.data = PackHours(service.hours);
  return document;
}

Status Search::CatchUp() {
  const std::lock_guard lock(catching_up_);
  auto wanted = store_.Generation();
  if (!wanted) return Fail(wanted.error());
  auto have = index_.Revision();
  if (!have) return Fail(have.error());
  if (*have >= *wanted) return {};
  auto changed = store_.ChangedSince(*have);
  if (!changed) return Fail(changed.error());
  auto context = ContextSince(*have);
  if (!context) return Fail(context.error());
  std::vector<search::Document> documents;
  std::vector<std::string> removed;
  for (const Service& service : *changed) {
    if (!service.active()) {
      removed.push_back(service.id);
      continue;
    }
    documents.push_back(DocumentOf(service, *context));
  }
  return index_.Apply(documents, removed, *wanted);
}

Result<std::size_t> Search::Rebuild() {
  const std::lock_guard lock(catching_up_);
  auto wanted = store_.Generation();
  if (!wanted) return Fail(wanted.error());
  auto services = store_.ChangedSince(0);
  if (!services) return Fail(services.error());
  auto context = ContextSince(0);
  if (!context) return Fail(context.error());
  std::vector<search::Document> documents;
  for (const Service& service : *services) {
    if (service.active()) documents.push_back(DocumentOf(service, *context));
  }
  if (auto replaced = index_.Replace(documents, *wanted); !replaced) return Fail(replaced.error());
  return documents.size();
}

Result<SearchResult> Search::Find(const SearchRequest& request) {
  if (auto caught_up = CatchUp(); !caught_up) return Fail(caught_up.error());
  search::Query query;
  query.units = QueryUnits(request.text, taxonomy_);
  const auto filter = [&](const char* facet, const std::vector<std::string>& values) {
    if (!values.empty()) query.filters[facet] = values;
  };
  filter("theme", request.themes);
  filter("target_group", request.target_groups);
  filter("area", request.areas);
  filter("language", request.languages);
  filter("cost", request.costs);
  filter("organization", request.organizations);
  if (request.walk_in) query.filters["walk_in"] = {"yes"};
  query.near = request.near;
  query.radius_km = request.radius_km;
  query.by_distance = request.near.has_value();
  query.offset = request.offset;
  query.limit = request.limit;
  const std::optional<LocalMoment> open_at = request.open_at;
  const std::optional<Date> open_on = request.open_on;
  if (open_at || open_on) {
    query.accept = [open_at, open_on](const std::string& packed) {
      const std::vector<Hours>& hours = HoursOf(packed);
      if (open_at && !OpenAt(hours, *open_at)) return false;
      if (open_on && !OpenSomeTimeOn(hours, *open_on)) return false;
      return true;
    };
  }
  if (request.now) {
    const LocalMoment now = *request.now;
    query.count_if = [now](const std::string& packed) { return OpenAt(HoursOf(packed), now); };
  }
  auto answer = index_.Search(query);
  if (!answer) return Fail(answer.error());
  SearchResult result{.total = answer->total,
                      .hits = std::move(answer->hits),
                      .facets = std::move(answer->facets),
                      .open_now = std::nullopt,
                      .did_you_mean = std::nullopt};
  if (request.now) result.open_now = answer->counted;
  if (result.total < 3 && !query.units.empty()) {
    std::string corrected;
    bool changed = false;
    for (const std::string& word : search::Words(request.text)) {
      const std::optional<std::string> better = index_.Correct(word);
      if (!corrected.empty()) corrected += ' ';
      corrected += better ? *better : word;
      changed = changed || better.has_value();
    }
    if (changed) result.did_you_mean = corrected;
  }
  return result;
}

}  // namespace zoneatlas::socialmap
