#include "agenda/edit_pages.hpp"

#include <boost/json.hpp>
#include <map>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::agenda {
namespace {

namespace json = boost::json;
using Form = std::multimap<std::string, std::string>;

constexpr std::string_view kRepeats[] = {"once", "weekly", "fortnightly", "monthly"};
constexpr std::string_view kSpoken[] = {"nl", "fr", "en", "ar", "tr", "ro", "pl", "es"};

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

json::array Choices(const std::vector<std::pair<std::string, std::string>>& options,
                    const std::vector<std::string>& chosen) {
  json::array choices;
  for (const auto& [id, name] : options) {
    const bool selected = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
    choices.push_back(json::object{{"id", id}, {"name", name}, {"selected", selected}});
  }
  return choices;
}

std::vector<std::pair<std::string, std::string>> TermOptions(const std::vector<VocabularyTerm>& terms,
                                                             Language language) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const VocabularyTerm& term : terms) options.emplace_back(term.id, term.In(language));
  return options;
}

// The event typed in the form; problems of the form itself (a day, a time, a repetition)
// go to `problems`, the rest is Store::Problems's.
Event EventFrom(const Form& form, const std::string& zone_id, Language language, std::vector<Problem>& problems) {
  const auto field = [&](const char* name) { return std::string(text::Trim(http::FormField(form, name))); };
  Event event;
  event.zone_id = zone_id;
  event.title = field("title");
  event.kind = ParseEventKind(field("kind")).value_or(EventKind::kSession);
  event.theme = field("theme");
  event.target_groups = http::FormValues(form, "target_groups");
  event.area = field("area");
  event.place = field("place");
  event.languages = http::FormValues(form, "languages");
  event.organiser = field("organiser");
  event.description = field("description");
  event.campaign_id = field("campaign");
  event.written_in = language;
  const auto day = Date::Parse(field("day"));
  const auto from = calendar::ParseLocalDateTime(field("day") + "T" + field("from"));
  const auto to = calendar::ParseLocalDateTime(field("day") + "T" + field("to"));
  if (!day) problems.push_back({"day", "not a date"});
  if (day && !from) problems.push_back({"from", "not a time"});
  if (day && !to) problems.push_back({"to", "not a time"});
  if (from && to) {
    event.start = *from;
    event.end = *to;
  } else {
    // Named already; today stands in so that the zone and municipality are still checked.
    event.start = {day.value_or(Date::Today()), 0};
    event.end = {event.start.date, 1};
  }
  const std::string repeat = field("repeat");
  std::optional<Date> last;
  if (repeat != "once" && !repeat.empty()) {
    if (auto parsed = Date::Parse(field("until"))) last = *parsed;
    if (!last || (day && *last < *day)) problems.push_back({"until", "not a day after the first"});
  }
  if (auto rule = RuleFor(repeat.empty() ? "once" : repeat, last.value_or(event.start.date))) {
    event.rule = *rule;
  } else {
    problems.push_back({"repeat", "unknown"});
  }
  return event;
}

// The form, with what was typed, its problems and the collisions to confirm.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Form& typed, const std::vector<Problem>& problems, const json::array& collisions,
                        int status) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  std::vector<std::string> codes;
  for (const geo::ZoneMember& member : zone->members) codes.push_back(member.area_code);
  auto areas = services.geography.AreasWithCodes(codes, Date::Today());
  if (!areas) return web::ErrorPage(site, request, language, areas.error());
  std::vector<std::pair<std::string, std::string>> area_options;
  for (const geo::Area& area : *areas) area_options.emplace_back(area.code, area.names.In(language));
  auto campaigns = services.store.Campaigns();
  if (!campaigns) return web::ErrorPage(site, request, language, campaigns.error());
  std::vector<std::pair<std::string, std::string>> campaign_options;
  for (const Campaign& campaign : *campaigns) campaign_options.emplace_back(campaign.id, campaign.Name(language));
  std::vector<std::pair<std::string, std::string>> kinds, repeats, spoken;
  for (const EventKind kind : kEventKinds) {
    kinds.emplace_back(Code(kind), Message(site, language, "agenda_kind_" + std::string(Code(kind))));
  }
  for (const std::string_view repeat : kRepeats) {
    repeats.emplace_back(repeat, Message(site, language, "agenda_repeat_" + std::string(repeat)));
  }
  for (const std::string_view code : kSpoken) {
    const auto ours = ParseLanguage(code);
    spoken.emplace_back(
        code, ours ? std::string(LanguageName(*ours)) : Message(site, language, "agenda_spoken_" + std::string(code)));
  }
  const auto field = [&](const char* name) { return http::FormField(typed, name); };
  json::array messages;
  for (const Problem& problem : problems) {
    messages.emplace_back(Message(site, language, "agenda_problem_" + problem.field));
  }
  const std::string zone_name = zone->names.In(language);
  json::object model{
      {"zone", zone_name},
      {"action", web::Href(language, "/zones/" + zone_id + "/agenda/new")},
      {"agenda_href", web::Href(language, "/agenda") + "?zone=" + zone_id},
      {"typed_title", field("title")},
      {"day", field("day")},
      {"from", field("from")},
      {"to", field("to")},
      {"until", field("until")},
      {"place", field("place")},
      {"organiser", field("organiser")},
      {"description", field("description")},
      {"kinds", Choices(kinds, {field("kind")})},
      {"themes", Choices(TermOptions(services.vocabulary.themes, language), {field("theme")})},
      {"groups",
       Choices(TermOptions(services.vocabulary.target_groups, language), http::FormValues(typed, "target_groups"))},
      {"areas", Choices(area_options, {field("area")})},
      {"campaigns", Choices(campaign_options, {field("campaign")})},
      {"repeats", Choices(repeats, {typed.empty() ? std::string("once") : field("repeat")})},
      {"spoken", Choices(spoken, typed.empty() ? std::vector<std::string>{std::string(LanguageCode(language))}
                                               : http::FormValues(typed, "languages"))},
      {"problems", std::move(messages)},
      {"has_problems", !problems.empty()},
      {"collisions", collisions},
      {"has_collisions", !collisions.empty()},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity ? request.identity->csrf_token : ""},
  };
  http::Response page = web::Page(site, request, language, "agenda_new",
                                  site.renderer.catalog().Format(language, "agenda_new_title", {{"zone", zone_name}}),
                                  std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Add(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  std::vector<Problem> problems;
  Event event = EventFrom(*form, zone_id, language, problems);
  if (problems.empty()) {
    auto found = services.store.Problems(event);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, *form, problems, {}, 422);
  // Before saving: what it would collide with over its first year, shown until confirmed.
  if (http::FormField(*form, "confirm") != "1") {
    const Date until = Date::FromDaysSinceEpoch(event.start.date.DaysSinceEpoch() + 365);
    auto neighbours = services.store.Events({.zone_id = "",
                                             .theme = event.theme,
                                             .target_group = "",
                                             .area = event.area,
                                             .language = "",
                                             .campaign_id = ""},
                                            event.start.date, until);
    if (!neighbours) return web::ErrorPage(site, request, language, neighbours.error());
    event.id = "(new)";
    neighbours->push_back(event);
    json::array collisions;
    for (const Collision& collision : Collisions(Expand(*neighbours, event.start.date, until, 400))) {
      const bool mine = collision.first.event->id == event.id;
      if (!mine && collision.second.event->id != event.id) continue;
      const Occurrence& other = mine ? collision.second : collision.first;
      collisions.push_back(json::object{{"title", other.event->title},
                                        {"href", web::Href(language, "/agenda/events/" + other.event->id)},
                                        {"when", view::FormatDate(other.start.date.year(), other.start.date.month(),
                                                                  other.start.date.day(), language) +
                                                     " " + calendar::ToIso(other.start).substr(11)}});
      if (collisions.size() == 10) break;
    }
    if (!collisions.empty()) return FormPage(site, services, request, language, *form, {}, collisions, 200);
    event.id.clear();
  }
  auto id = services.store.Add(std::move(event), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/agenda/events/" + *id), 303);
}

}  // namespace

std::optional<std::string> RuleFor(std::string_view repeat, const Date& last) {
  if (repeat == "once") return std::string();
  std::string until = last.ToIso();
  std::erase(until, '-');
  until += "T235959Z";
  if (repeat == "weekly") return "FREQ=WEEKLY;UNTIL=" + until;
  if (repeat == "fortnightly") return "FREQ=WEEKLY;INTERVAL=2;UNTIL=" + until;
  if (repeat == "monthly") return "FREQ=MONTHLY;UNTIL=" + until;
  return std::nullopt;
}

void AddEditRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string editors(web::kZoneEditor);
  router.Get("/{lang}/zones/{zone_id}/agenda/new",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  return FormPage(site, services, request, language, {}, {}, {}, 200);
                                }),
             {.name = "agenda_event_new", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/agenda/new",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Add(site, services, request, language);
                                 }),
              {.name = "agenda_event_add", .access = editors});
}

}  // namespace zoneatlas::agenda
