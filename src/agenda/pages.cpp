#include "agenda/pages.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/brussels_time.hpp"
#include "core/text.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::agenda {
namespace {

namespace json = boost::json;
using web::Choices;

constexpr int kListDays = 90;
constexpr std::size_t kPerEventOnPage = 400;  // A daily rule over 90 days, with room.
constexpr std::size_t kPerEventInFeed = 1;    // The feed carries rules, not occurrences.
constexpr std::size_t kNextDates = 10;
constexpr std::size_t kPerDayInMonth = 4;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string ShowDate(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

std::string Clock(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

// "maart 2027": the date format without its day.
std::string MonthName(int year, int month, Language language) {
  const std::string date = view::FormatDate(year, month, 1, language);
  const auto space = date.find(' ');
  return space == std::string::npos ? date : date.substr(space + 1);
}

std::string WeekdayName(const web::Site& site, const Date& date, Language language) {
  return Message(site, language, "weekday_" + std::to_string(WeekdayOf(date)));
}

// The filters of a page or feed request; unknown themes and groups are dropped on pages
// and refused by the API.
Result<EventFilter> FilterOf(const Services& services, const http::Request& request, bool strict) {
  EventFilter filter{.zone_id = request.Query("zone").value_or(""),
                     .theme = request.Query("theme").value_or(""),
                     .target_group = request.Query("target_group").value_or(""),
                     .area = request.Query("area").value_or(""),
                     .language = request.Query("language").value_or(""),
                     .campaign_id = request.Query("campaign").value_or("")};
  if (!filter.theme.empty() && services.vocabulary.FindTheme(filter.theme) == nullptr) {
    if (strict) return Fail(Error::InvalidArgument("theme: unknown '" + filter.theme + "'"));
    filter.theme.clear();
  }
  if (!filter.target_group.empty() && services.vocabulary.FindTargetGroup(filter.target_group) == nullptr) {
    if (strict) return Fail(Error::InvalidArgument("target_group: unknown '" + filter.target_group + "'"));
    filter.target_group.clear();
  }
  for (std::string* value : {&filter.zone_id, &filter.area, &filter.language, &filter.campaign_id}) {
    if (value->size() > 64) return Fail(Error::InvalidArgument("a filter value is too long"));
  }
  return filter;
}

// The filter as a query string, for links that keep it ("theme=food&area=23027").
std::string QueryOf(const EventFilter& filter) {
  std::string query;
  for (const auto& [name, value] : {std::pair{"zone", &filter.zone_id},
                                    {"theme", &filter.theme},
                                    {"target_group", &filter.target_group},
                                    {"area", &filter.area},
                                    {"language", &filter.language},
                                    {"campaign", &filter.campaign_id}}) {
    if (value->empty()) continue;
    if (!query.empty()) query += '&';
    query += std::string(name) + "=" + web::PercentEncode(*value);
  }
  return query;
}

struct Names {
  std::map<std::string, std::string> zones, areas, campaigns;
};

Result<Names> NamesFor(const Services& services, Language language) {
  auto places = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!places) return Fail(places.error());
  Names names{.zones = std::move(places->zones), .areas = std::move(places->areas), .campaigns = {}};
  auto campaigns = services.store.Campaigns();
  if (!campaigns) return Fail(campaigns.error());
  for (const Campaign& campaign : *campaigns) names.campaigns[campaign.id] = campaign.Name(language);
  return names;
}

std::string NameOr(const std::map<std::string, std::string>& names, const std::string& id) {
  const auto found = names.find(id);
  return found == names.end() ? id : found->second;
}

std::string ThemeName(const Services& services, const std::string& id, Language language) {
  const VocabularyTerm* term = services.vocabulary.FindTheme(id);
  return term ? term->In(language) : id;
}

json::object OccurrenceModel(const web::Site& site, const Services& services, const Names& names,
                             const Occurrence& occurrence, Language language) {
  const Event& event = *occurrence.event;
  json::array groups, languages;
  for (const std::string& group : event.target_groups) {
    const VocabularyTerm* term = services.vocabulary.FindTargetGroup(group);
    groups.emplace_back(term ? term->In(language) : group);
  }
  for (const std::string& code : event.languages) {
    const auto known = ParseLanguage(code);
    languages.emplace_back(known ? std::string(LanguageName(*known)) : code);
  }
  const bool same_day = occurrence.start.date == occurrence.end.date;
  return json::object{
      {"title", event.title},
      {"lang", LanguageCode(event.written_in)},
      {"href", web::Href(language, "/agenda/events/" + event.id)},
      {"day", WeekdayName(site, occurrence.start.date, language) + " " + ShowDate(occurrence.start.date, language)},
      {"time", Clock(occurrence.start.minutes) + "–" + (same_day ? "" : ShowDate(occurrence.end.date, language) + " ") +
                   Clock(occurrence.end.minutes)},
      {"kind", Message(site, language, "agenda_kind_" + std::string(Code(event.kind)))},
      {"theme", ThemeName(services, event.theme, language)},
      {"area", NameOr(names.areas, event.area)},
      {"place", event.place},
      {"groups", std::move(groups)},
      {"languages", std::move(languages)},
      {"campaign", event.campaign_id.empty() ? "" : NameOr(names.campaigns, event.campaign_id)},
      {"campaign_href", event.campaign_id.empty() ? "" : web::Href(language, "/agenda/campaigns/" + event.campaign_id)},
      {"repeats", !event.rule.empty()},
      {"demo", event.demo},
  };
}

json::array CollisionsModel(const web::Site& site, const Services& services, const Names& names,
                            const std::vector<Collision>& collisions, Language language) {
  json::array items;
  for (const Collision& collision : collisions) {
    items.push_back(json::object{{"first", OccurrenceModel(site, services, names, collision.first, language)},
                                 {"second", OccurrenceModel(site, services, names, collision.second, language)}});
  }
  return items;
}

std::vector<std::pair<std::string, std::string>> TermOptions(const std::vector<VocabularyTerm>& terms,
                                                             Language language) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const VocabularyTerm& term : terms) options.emplace_back(term.id, term.In(language));
  return options;
}

// What every view shows around its events: the filter form, the feed links.
json::object FrameModel(const web::Site& site, const Services& services, const Names& names,
                        const http::Request& request, const EventFilter& filter, Language language) {
  std::vector<std::pair<std::string, std::string>> zones(names.zones.begin(), names.zones.end());
  std::vector<std::pair<std::string, std::string>> areas;
  for (const auto& [code, name] : names.areas) {
    if (code.size() == 5) areas.emplace_back(code, name);  // Municipalities, not their parts.
  }
  std::sort(areas.begin(), areas.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<std::pair<std::string, std::string>> campaigns(names.campaigns.begin(), names.campaigns.end());
  std::vector<std::pair<std::string, std::string>> spoken;
  for (const Language option : kLanguages) spoken.emplace_back(LanguageCode(option), LanguageName(option));
  json::array add_links;  // For editors: a zone of theirs to add an activity to.
  for (const auto& [zone_id, zone_name] : names.zones) {
    if (!web::EditsZone(request.identity.get(), zone_id)) continue;
    add_links.push_back(
        json::object{{"href", web::Href(language, "/zones/" + zone_id + "/agenda/new")},
                     {"label", site.renderer.catalog().Format(language, "agenda_add_for", {{"zone", zone_name}})}});
  }
  // Campaigns are regional: any zone's editor adds one.
  if (web::Allows(web::kZoneEditor, request.identity.get())) {
    add_links.push_back(json::object{{"href", web::Href(language, "/agenda/campaigns/new")},
                                     {"label", site.renderer.catalog().Get(language, "agenda_campaign_new")}});
  }
  const std::string query = QueryOf(filter);
  const std::string feed = "/api/v1/agenda.ics" + (query.empty() ? "" : "?" + query);
  // webcal:// opens the feed in a calendar program; the site's address without its scheme.
  const std::string& origin = web::Origin(site);
  const std::string host = origin.substr(std::min(origin.find("://") + 3, origin.size()));
  return json::object{
      {"action", web::Href(language, "/agenda")},
      {"themes", Choices(TermOptions(services.vocabulary.themes, language), filter.theme)},
      {"groups", Choices(TermOptions(services.vocabulary.target_groups, language), filter.target_group)},
      {"zones", Choices(zones, filter.zone_id)},
      {"areas", Choices(areas, filter.area)},
      {"campaigns", Choices(campaigns, filter.campaign_id)},
      {"spoken", Choices(spoken, filter.language)},
      {"feed_href", feed},
      {"subscribe_href", host.empty() ? "" : "webcal://" + host + feed},
      {"list_href", web::Href(language, "/agenda") + "?view=list" + (query.empty() ? "" : "&" + query)},
      {"month_href", web::Href(language, "/agenda") + "?view=month" + (query.empty() ? "" : "&" + query)},
      {"add_links", std::move(add_links)},
  };
}

http::Response ListView(const web::Site& site, const Services& services, const http::Request& request,
                        const EventFilter& filter, const Names& names, Language language) {
  Date from = Date::Today();
  if (const auto asked = request.Query("from")) {
    auto parsed = Date::Parse(*asked);
    if (!parsed) return web::ErrorPage(site, request, language, Error::InvalidArgument("from: '" + *asked + "'"));
    from = *parsed;
  }
  const Date until = Date::FromDaysSinceEpoch(from.DaysSinceEpoch() + kListDays - 1);
  auto window = services.store.SharedWindow(filter, from, until, kPerEventOnPage);
  if (!window) return web::ErrorPage(site, request, language, window.error());
  const std::vector<Occurrence>& occurrences = (*window)->occurrences;
  json::array days;
  for (const Occurrence& occurrence : occurrences) {
    if (days.empty() || days.back().as_object().at("date").as_string() != occurrence.start.date.ToIso()) {
      days.push_back(json::object{{"date", occurrence.start.date.ToIso()},
                                  {"name", WeekdayName(site, occurrence.start.date, language) + " " +
                                               ShowDate(occurrence.start.date, language)},
                                  {"items", json::array()}});
    }
    days.back().as_object().at("items").as_array().push_back(
        OccurrenceModel(site, services, names, occurrence, language));
  }
  json::object model = FrameModel(site, services, names, request, filter, language);
  const std::string query = QueryOf(filter);
  model["list"] = true;
  model["days"] = std::move(days);
  model["has_days"] = !occurrences.empty();
  model["collisions"] = CollisionsModel(site, services, names, (*window)->collisions, language);
  model["period"] = ShowDate(from, language) + " – " + ShowDate(until, language);
  model["from"] = from.ToIso();
  model["later_href"] = web::Href(language, "/agenda") +
                        "?view=list&from=" + Date::FromDaysSinceEpoch(until.DaysSinceEpoch() + 1).ToIso() +
                        (query.empty() ? "" : "&" + query);
  return web::Page(site, request, language, "agenda", Message(site, language, "agenda_title"), std::move(model));
}

http::Response MonthView(const web::Site& site, const Services& services, const http::Request& request,
                         const EventFilter& filter, const Names& names, Language language) {
  const Date today = Date::Today();
  int year = today.year(), month = today.month();
  if (const auto asked = request.Query("month")) {
    auto first = Date::Parse(*asked + "-01");
    if (asked->size() != 7 || !first) {
      return web::ErrorPage(site, request, language, Error::InvalidArgument("month: '" + *asked + "'"));
    }
    year = first->year();
    month = first->month();
  }
  const Date first = *Date::FromYmd(year, month, 1);
  const Date next_first = *Date::FromYmd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1);
  const Date last = Date::FromDaysSinceEpoch(next_first.DaysSinceEpoch() - 1);
  const Date previous_first = *Date::FromYmd(month == 1 ? year - 1 : year, month == 1 ? 12 : month - 1, 1);
  auto window = services.store.SharedWindow(filter, first, last, kPerEventOnPage);
  if (!window) return web::ErrorPage(site, request, language, window.error());
  const std::vector<Occurrence>& occurrences = (*window)->occurrences;
  // A day shows its first few activities; the list view of that day has them all.
  std::map<long, json::array> by_day;
  std::map<long, std::size_t> more;
  for (const Occurrence& occurrence : occurrences) {
    json::array& day = by_day[occurrence.start.date.DaysSinceEpoch()];
    if (day.size() < kPerDayInMonth) {
      day.push_back(OccurrenceModel(site, services, names, occurrence, language));
    } else {
      ++more[occurrence.start.date.DaysSinceEpoch()];
    }
  }
  const std::string query = QueryOf(filter);
  // Weeks from Monday; days of the neighbouring months are blank cells.
  json::array weeks;
  const long start = first.DaysSinceEpoch() - WeekdayOf(first);
  for (long week = start; week <= last.DaysSinceEpoch(); week += 7) {
    json::array cells;
    for (long day = week; day < week + 7; ++day) {
      const Date date = Date::FromDaysSinceEpoch(day);
      const bool inside = first <= date && date <= last;
      json::object cell{{"inside", inside},
                        {"day", date.day()},
                        {"label", WeekdayName(site, date, language) + " " + ShowDate(date, language)}};
      if (inside) {
        auto found = by_day.find(day);
        cell["items"] = found == by_day.end() ? json::array() : std::move(found->second);
        cell["today"] = date == today;
        if (const auto hidden = more.find(day); hidden != more.end()) {
          cell["more"] =
              site.renderer.catalog().Format(language, "agenda_more", {{"n", std::to_string(hidden->second)}});
          cell["more_href"] = web::Href(language, "/agenda") + "?view=list&from=" + date.ToIso() +
                              (query.empty() ? "" : "&" + query) + "#day-" + date.ToIso();
        }
      }
      cells.push_back(std::move(cell));
    }
    weeks.push_back(json::object{{"cells", std::move(cells)}});
  }
  json::array weekdays;
  for (int day = 0; day < 7; ++day) weekdays.emplace_back(Message(site, language, "weekday_" + std::to_string(day)));
  json::object model = FrameModel(site, services, names, request, filter, language);
  const auto month_href = [&](const Date& date) {
    return web::Href(language, "/agenda") + "?view=month&month=" + date.ToIso().substr(0, 7) +
           (query.empty() ? "" : "&" + query);
  };
  model["month"] = true;
  model["month_name"] = MonthName(year, month, language);
  model["month_value"] = first.ToIso().substr(0, 7);
  model["weekdays"] = std::move(weekdays);
  model["weeks"] = std::move(weeks);
  model["has_days"] = !occurrences.empty();
  model["collisions"] = CollisionsModel(site, services, names, (*window)->collisions, language);
  model["previous_href"] = month_href(previous_first);
  model["previous_name"] = MonthName(previous_first.year(), previous_first.month(), language);
  model["next_href"] = month_href(next_first);
  model["next_name"] = MonthName(next_first.year(), next_first.month(), language);
  return web::Page(site, request, language, "agenda", Message(site, language, "agenda_title"), std::move(model));
}

http::Response AgendaPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto filter = FilterOf(services, request, false);
  if (!filter) return web::ErrorPage(site, request, language, filter.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  if (request.Query("view").value_or("list") == "month") {
    return MonthView(site, services, request, *filter, *names, language);
  }
  return ListView(site, services, request, *filter, *names, language);
}

http::Response EventPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto event = services.store.FindEvent(std::string(request.PathParam("event_id")));
  if (!event) return web::ErrorPage(site, request, language, event.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  const Date today = Date::Today();
  const Date year_ahead = Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + 365);
  const std::vector<Event> self{*event};
  const std::vector<Occurrence> next = Expand(self, today, year_ahead, kNextDates);
  // What it collides with over the coming year: events of its municipality and theme.
  auto neighbours = services.store.Events({.zone_id = "",
                                           .theme = event->theme,
                                           .target_group = "",
                                           .area = event->area,
                                           .language = "",
                                           .campaign_id = ""},
                                          today, year_ahead);
  if (!neighbours) return web::ErrorPage(site, request, language, neighbours.error());
  std::vector<Collision> collisions;
  for (const Collision& collision : Collisions(Expand(*neighbours, today, year_ahead, kPerEventOnPage * 2))) {
    if (collision.first.event->id == event->id || collision.second.event->id == event->id) {
      collisions.push_back(collision);
    }
  }
  json::array dates;
  for (const Occurrence& occurrence : next)
    dates.push_back(OccurrenceModel(site, services, *names, occurrence, language));
  json::object model = OccurrenceModel(site, services, *names, Occurrence{&*event, event->start, event->end}, language);
  model["description"] = event->description;
  model["organiser"] = event->organiser;
  model["has_languages"] = !event->languages.empty();
  model["zone"] = NameOr(names->zones, event->zone_id);
  model["dates"] = std::move(dates);
  model["has_dates"] = !next.empty();
  model["collisions"] = CollisionsModel(site, services, *names, collisions, language);
  model["agenda_href"] = web::Href(language, "/agenda") + "?area=" + event->area + "&theme=" + event->theme;
  model["content_lang"] = LanguageCode(event->written_in);
  model.erase("lang");
  const bool edits = web::EditsZone(request.identity.get(), event->zone_id);
  if (edits) model["edit_href"] = web::Href(language, "/agenda/events/" + event->id + "/edit");
  http::Response page = web::Page(site, request, language, "agenda_event", event->title, std::move(model));
  if (edits) page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response CampaignPage(const web::Site& site, Services& services, const http::Request& request,
                            Language language) {
  auto campaign = services.store.FindCampaign(std::string(request.PathParam("campaign_id")));
  if (!campaign) return web::ErrorPage(site, request, language, campaign.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto events = services.store.Events(
      {.zone_id = "", .theme = "", .target_group = "", .area = "", .language = "", .campaign_id = campaign->id},
      campaign->from, campaign->until);
  if (!events) return web::ErrorPage(site, request, language, events.error());
  const std::vector<Occurrence> occurrences = Expand(*events, campaign->from, campaign->until, kPerEventOnPage);
  json::array sessions;
  for (const Occurrence& occurrence : occurrences) {
    sessions.push_back(OccurrenceModel(site, services, *names, occurrence, language));
  }
  // For the zone chosen, the baseline per municipality beside the sessions planned there,
  // so that sessions go where uptake is low.
  const std::string zone_id = request.Query("zone").value_or("");
  if (!zone_id.empty() && !names->zones.contains(zone_id)) {
    return web::ErrorPage(site, request, language, Error::NotFound("no zone " + zone_id));
  }
  json::array zones{json::object{{"id", ""}, {"name", "–"}, {"selected", zone_id.empty()}}};
  for (const auto& [id, zone_name] : names->zones) {
    zones.push_back(json::object{{"id", id}, {"name", zone_name}, {"selected", id == zone_id}});
  }
  json::value baseline = nullptr;
  if (!zone_id.empty() && !campaign->baseline_indicator.empty() && services.baseline) {
    auto table = services.baseline(campaign->baseline_indicator, zone_id, language);
    if (!table) return web::ErrorPage(site, request, language, table.error());
    if (*table) {
      std::map<std::string, int> planned;
      for (const Occurrence& occurrence : occurrences) {
        if (occurrence.event->zone_id == zone_id) ++planned[occurrence.event->area];
      }
      json::object model = web::FigureTableModel(**table);
      for (json::value& row : model["rows"].as_array()) {
        const std::string code(row.at("code").as_string());
        row.as_object()["sessions"] = code.empty() ? "" : std::to_string(planned[code]);
      }
      model["period"] = (*table)->periods.front();
      baseline = std::move(model);
    }
  }
  json::object model{
      {"name", campaign->Name(language)},
      {"description", campaign->Description(language)},
      {"period", ShowDate(campaign->from, language) + " – " + ShowDate(campaign->until, language)},
      {"theme", ThemeName(services, campaign->theme, language)},
      {"url", campaign->url},
      {"demo", campaign->demo},
      {"sessions", std::move(sessions)},
      {"has_sessions", !occurrences.empty()},
      {"has_baselines", !campaign->baseline_indicator.empty()},
      {"zones", std::move(zones)},
      {"zone_chosen", !zone_id.empty()},
      {"baseline", baseline},
      {"baseline_missing", !zone_id.empty() && baseline.is_null()},
      {"action", web::Href(language, "/agenda/campaigns/" + campaign->id)},
      {"agenda_href", web::Href(language, "/agenda") + "?campaign=" + web::PercentEncode(campaign->id)},
      {"feed_href", "/api/v1/agenda.ics?campaign=" + web::PercentEncode(campaign->id)},
  };
  const bool edits = web::Allows(web::kZoneEditor, request.identity.get());
  if (edits) model["edit_href"] = web::Href(language, "/agenda/campaigns/" + campaign->id + "/edit");
  http::Response page =
      web::Page(site, request, language, "agenda_campaign", campaign->Name(language), std::move(model));
  if (edits) page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Feed(const web::Site& site, Services& services, const http::Request& request) {
  auto filter = FilterOf(services, request, true);
  if (!filter) return web::Problem(filter.error());
  // Everything from a year back: calendar programs keep past events, and a weekly rule
  // begun long ago still repeats today.
  const Date today = Date::Today();
  const Date from = Date::FromDaysSinceEpoch(today.DaysSinceEpoch() - 366);
  const Date until = Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + 3 * 366);
  // One occurrence per event is enough to know it happens in the window.
  auto window = services.store.SharedWindow(*filter, from, until, kPerEventInFeed);
  if (!window) return web::Problem(window.error());
  const std::string& origin = web::Origin(site);
  std::vector<calendar::Entry> entries;
  entries.reserve((*window)->occurrences.size());
  for (const Occurrence& occurrence : (*window)->occurrences) {
    const Event& event = *occurrence.event;
    std::string description = event.description;
    if (!event.organiser.empty()) {
      if (!description.empty()) description += "\n\n";
      description += event.organiser;
    }
    entries.push_back({.uid = event.id + "@zoneatlas",
                       .summary = event.title,
                       .description = std::move(description),
                       .location = event.place,
                       .url = origin.empty() ? ""
                                             : origin + "/" + std::string(LanguageCode(event.written_in)) +
                                                   "/agenda/events/" + event.id,
                       .categories = {ThemeName(services, event.theme, event.written_in)},
                       .start = event.start,
                       .end = event.end,
                       .rule = event.rule,
                       .stamp = event.updated_at});
  }
  http::Response response =
      http::Response::Make(200, "text/calendar; charset=utf-8", calendar::WriteICalendar("zoneatlas", entries));
  response.headers.Set("Content-Disposition", "inline; filename=\"zoneatlas-agenda.ics\"");
  response.headers.Set("Cache-Control", "public, max-age=300");
  return response;
}

http::Response EventsJson(Services& services, const http::Request& request) {
  auto filter = FilterOf(services, request, true);
  if (!filter) return web::Problem(filter.error());
  Date from = Date::Today();
  Date until = Date::FromDaysSinceEpoch(from.DaysSinceEpoch() + kListDays - 1);
  for (const auto& [name, date] : {std::pair{"from", &from}, {"until", &until}}) {
    if (const auto asked = request.Query(name)) {
      auto parsed = Date::Parse(*asked);
      if (!parsed) return web::Problem(Error::InvalidArgument(std::string(name) + ": '" + *asked + "'"));
      *date = *parsed;
    }
  }
  if (until < from || until.DaysSinceEpoch() - from.DaysSinceEpoch() > 366) {
    return web::Problem(Error::InvalidArgument("from … until must be at most a year, in order"));
  }
  auto events = services.store.Events(*filter, from, until);
  if (!events) return web::Problem(events.error());
  json::array items;
  for (const Occurrence& occurrence : Expand(*events, from, until, kPerEventOnPage)) {
    const Event& event = *occurrence.event;
    items.push_back(
        json::object{{"event", event.id},
                     {"zone", event.zone_id},
                     {"campaign", event.campaign_id.empty() ? json::value(nullptr) : json::value(event.campaign_id)},
                     {"kind", Code(event.kind)},
                     {"title", event.title},
                     {"theme", event.theme},
                     {"target_groups", json::array(event.target_groups.begin(), event.target_groups.end())},
                     {"area", event.area},
                     {"place", event.place},
                     {"languages", json::array(event.languages.begin(), event.languages.end())},
                     {"start", calendar::ToIso(occurrence.start)},
                     {"end", calendar::ToIso(occurrence.end)},
                     {"rule", event.rule},
                     {"demo", event.demo}});
  }
  return http::Response::Json(json::serialize(json::object{{"from", from.ToIso()},
                                                           {"until", until.ToIso()},
                                                           {"time_zone", "Europe/Brussels"},
                                                           {"occurrences", std::move(items)}}));
}

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/{lang}/agenda",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return AgendaPage(site, services, request, language);
                              }),
             {.name = "agenda", .access = everyone});
  router.Get("/{lang}/agenda/events/{event_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return EventPage(site, services, request, language);
                              }),
             {.name = "agenda_event", .access = everyone});
  router.Get("/{lang}/agenda/campaigns/{campaign_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return CampaignPage(site, services, request, language);
                              }),
             {.name = "agenda_campaign", .access = everyone});
}

void AddApiRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/api/v1/agenda.ics",
             [&site, &services](const http::Request& request) { return Feed(site, services, request); },
             {.name = "api_agenda_feed", .access = everyone});
  router.Get("/api/v1/agenda/events",
             [&services](const http::Request& request) { return EventsJson(services, request); },
             {.name = "api_agenda_events", .access = everyone});
  router.Get("/api/v1/agenda/campaigns",
             [&services](const http::Request&) {
               auto campaigns = services.store.Campaigns();
               if (!campaigns) return web::Problem(campaigns.error());
               json::array items;
               for (const Campaign& campaign : *campaigns) {
                 items.push_back(json::object{{"id", campaign.id},
                                              {"name_nl", campaign.name_nl},
                                              {"name_fr", campaign.name_fr},
                                              {"name_en", campaign.name_en},
                                              {"description_nl", campaign.description_nl},
                                              {"description_fr", campaign.description_fr},
                                              {"theme", campaign.theme},
                                              {"from", campaign.from.ToIso()},
                                              {"until", campaign.until.ToIso()},
                                              {"baseline_indicator", campaign.baseline_indicator},
                                              {"url", campaign.url},
                                              {"demo", campaign.demo}});
               }
               return http::Response::Json(json::serialize(json::object{{"campaigns", std::move(items)}}));
             },
             {.name = "api_agenda_campaigns", .access = everyone});
}

}  // namespace zoneatlas::agenda
