#include "agenda/edit_pages.hpp"

#include <boost/json.hpp>
#include <expected>
#include <map>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::agenda {
namespace {

namespace json = boost::json;
using web::Choices;
using Form = std::multimap<std::string, std::string>;

constexpr std::string_view kRepeats[] = {"once", "weekly", "fortnightly", "monthly"};
constexpr std::string_view kSpoken[] = {"nl", "fr", "en", "ar", "tr", "ro", "pl", "es"};

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::vector<std::pair<std::string, std::string>> TermOptions(const std::vector<VocabularyTerm>& terms,
                                                             Language language) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const VocabularyTerm& term : terms) options.emplace_back(term.id, term.In(language));
  return options;
}

// The repetition of a recorded rule in the form's plain words ("weekly" and the last day), or
// "recorded" for a rule the words cannot say (one imported with BYDAY, say), kept as it is.
std::pair<std::string, std::string> PlainRepeat(const std::string& rule) {
  if (rule.empty()) return {"once", ""};
  constexpr std::size_t kUntil = 16;  // "20270629T235959Z"
  for (const std::string_view repeat : {"weekly", "fortnightly", "monthly"}) {
    std::string prefix = *RuleFor(repeat, Date::FromDaysSinceEpoch(0));
    prefix.resize(prefix.size() - kUntil);
    if (!rule.starts_with(prefix) || rule.size() != prefix.size() + kUntil) continue;
    const std::string day = rule.substr(prefix.size(), 8);
    if (auto last = Date::Parse(day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2))) {
      if (RuleFor(repeat, *last) == rule) return {std::string(repeat), last->ToIso()};
    }
  }
  return {"recorded", ""};
}

// The event typed in the form; problems of the form itself (a day, a time, a repetition)
// go to `problems`, the rest is Store::Problems's. `editing`: the recorded event the form
// changes, whose rule "recorded" keeps; null for a new one.
Event EventFrom(const Form& form, const std::string& zone_id, Language language, const Event* editing,
                std::vector<Problem>& problems) {
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
  if (repeat != "once" && repeat != "recorded" && !repeat.empty()) {
    if (auto parsed = Date::Parse(field("until"))) last = *parsed;
    if (!last || (day && *last < *day)) problems.push_back({"until", "not a day after the first"});
  }
  if (repeat == "recorded" && editing != nullptr) {
    event.rule = editing->rule;
  } else if (auto rule = RuleFor(repeat.empty() ? "once" : repeat, last.value_or(event.start.date))) {
    event.rule = *rule;
  } else {
    problems.push_back({"repeat", "unknown"});
  }
  return event;
}

std::string Clock(const LocalDateTime& at) { return calendar::ToIso(at).substr(11, 5); }

// A recorded event as its form shows it, to edit.
Form FormOf(const Event& event) {
  const auto [repeat, until] = PlainRepeat(event.rule);
  Form form{{"title", event.title},
            {"kind", std::string(Code(event.kind))},
            {"theme", event.theme},
            {"area", event.area},
            {"place", event.place},
            {"organiser", event.organiser},
            {"description", event.description},
            {"campaign", event.campaign_id},
            {"day", event.start.date.ToIso()},
            {"from", Clock(event.start)},
            {"to", Clock(event.end)},
            {"repeat", repeat},
            {"until", until}};
  for (const std::string& group : event.target_groups) form.emplace("target_groups", group);
  for (const std::string& spoken : event.languages) form.emplace("languages", spoken);
  return form;
}

// The form, with what was typed, its problems and the collisions to confirm. `editing`: the
// recorded event it changes; null for a new one in the zone of the path.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Event* editing, const Form& typed, const std::vector<Problem>& problems,
                        const json::array& collisions, int status) {
  const std::string zone_id = editing ? editing->zone_id : std::string(request.PathParam("zone_id"));
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
  if (editing != nullptr && PlainRepeat(editing->rule).first == "recorded") {
    repeats.emplace_back("recorded", Message(site, language, "agenda_repeat_recorded"));
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
  const std::string heading =
      editing ? site.renderer.catalog().Format(language, "agenda_edit_title", {{"title", editing->title}})
              : site.renderer.catalog().Format(language, "agenda_new_title", {{"zone", zone_name}});
  json::object model{
      {"zone", zone_name},
      {"heading", heading},
      {"editing", editing != nullptr},
      {"action", editing ? web::Href(language, "/agenda/events/" + editing->id + "/edit")
                         : web::Href(language, "/zones/" + zone_id + "/agenda/new")},
      {"remove_action", editing ? web::Href(language, "/agenda/events/" + editing->id + "/remove") : ""},
      {"event_href", editing ? web::Href(language, "/agenda/events/" + editing->id) : ""},
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
  http::Response page = web::Page(site, request, language, "agenda_new", heading, std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

// The activities `event` would collide with over its first year (at most ten), itself and its
// recorded version left out.
Result<json::array> CollisionsOf(Services& services, const Event& event, Language language) {
  const Date until = Date::FromDaysSinceEpoch(event.start.date.DaysSinceEpoch() + 365);
  auto neighbours = services.store.Events(
      {.zone_id = "", .theme = event.theme, .target_group = "", .area = event.area, .language = "", .campaign_id = ""},
      event.start.date, until);
  if (!neighbours) return Fail(neighbours.error());
  std::erase_if(*neighbours, [&](const Event& other) { return other.id == event.id; });
  neighbours->push_back(event);
  json::array collisions;
  for (const Collision& collision : Collisions(Expand(*neighbours, event.start.date, until, 400))) {
    const bool mine = collision.first.event->id == event.id;
    if (!mine && collision.second.event->id != event.id) continue;
    const Occurrence& other = mine ? collision.second : collision.first;
    collisions.push_back(json::object{
        {"title", other.event->title},
        {"href", web::Href(language, "/agenda/events/" + other.event->id)},
        {"when", view::FormatDate(other.start.date.year(), other.start.date.month(), other.start.date.day(), language) +
                     " " + calendar::ToIso(other.start).substr(11)}});
    if (collisions.size() == 10) break;
  }
  return collisions;
}

http::Response Add(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  std::vector<Problem> problems;
  Event event = EventFrom(*form, zone_id, language, nullptr, problems);
  if (problems.empty()) {
    auto found = services.store.Problems(event);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, nullptr, *form, problems, {}, 422);
  // Before saving: what it would collide with over its first year, shown until confirmed.
  if (http::FormField(*form, "confirm") != "1") {
    event.id = "(new)";
    auto collisions = CollisionsOf(services, event, language);
    if (!collisions) return web::ErrorPage(site, request, language, collisions.error());
    if (!collisions->empty()) return FormPage(site, services, request, language, nullptr, *form, {}, *collisions, 200);
    event.id.clear();
  }
  auto id = services.store.Add(std::move(event), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/agenda/events/" + *id), 303);
}

// The recorded event of the path, when the signed-in user edits its zone; else the page to
// answer with.
std::expected<Event, http::Response> EditedEvent(const web::Site& site, Services& services,
                                                 const http::Request& request, Language language) {
  return web::ForZoneEditorOf(site, request, language,
                              services.store.FindEvent(std::string(request.PathParam("event_id"))));
}

http::Response EditPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto event = EditedEvent(site, services, request, language);
  if (!event) return std::move(event.error());
  return FormPage(site, services, request, language, &*event, FormOf(*event), {}, {}, 200);
}

// Saves the form over the recorded event, after the collisions of its new time are confirmed.
http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto recorded = EditedEvent(site, services, request, language);
  if (!recorded) return std::move(recorded.error());
  std::vector<Problem> problems;
  Event event = EventFrom(*form, recorded->zone_id, language, &*recorded, problems);
  event.id = recorded->id;
  event.written_in = recorded->written_in;
  event.demo = recorded->demo;
  if (problems.empty()) {
    auto found = services.store.Problems(event);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, &*recorded, *form, problems, {}, 422);
  if (http::FormField(*form, "confirm") != "1") {
    auto collisions = CollisionsOf(services, event, language);
    if (!collisions) return web::ErrorPage(site, request, language, collisions.error());
    if (!collisions->empty()) {
      return FormPage(site, services, request, language, &*recorded, *form, {}, *collisions, 200);
    }
  }
  if (auto saved = services.store.Update(event, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(web::Href(language, "/agenda/events/" + event.id), 303);
}

// Takes the event out of the calendar once the editor has ticked that they mean it.
http::Response Remove(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto recorded = EditedEvent(site, services, request, language);
  if (!recorded) return std::move(recorded.error());
  if (http::FormField(*form, "sure") != "1") {
    return FormPage(site, services, request, language, &*recorded, FormOf(*recorded), {{"sure", "not ticked"}}, {},
                    422);
  }
  if (auto removed = services.store.Remove(recorded->id, {accounts::ActorOf(*request.identity)}); !removed) {
    return web::ErrorPage(site, request, language, removed.error());
  }
  return http::Response::Redirect(web::Href(language, "/agenda") + "?zone=" + recorded->zone_id, 303);
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
                                  return FormPage(site, services, request, language, nullptr, {}, {}, {}, 200);
                                }),
             {.name = "agenda_event_new", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/agenda/new",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Add(site, services, request, language);
                                 }),
              {.name = "agenda_event_add", .access = editors});
  // The zone of an event is its record's, checked by the handlers.
  router.Get("/{lang}/agenda/events/{event_id}/edit",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return EditPage(site, services, request, language);
                              }),
             {.name = "agenda_event_edit", .access = editors});
  router.Post(
      "/{lang}/agenda/events/{event_id}/edit",
      web::ForLanguage(site, [&site, &services](const http::Request& request,
                                                Language language) { return Save(site, services, request, language); }),
      {.name = "agenda_event_save", .access = editors});
  router.Post("/{lang}/agenda/events/{event_id}/remove",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return Remove(site, services, request, language);
                               }),
              {.name = "agenda_event_remove", .access = editors});
}

}  // namespace zoneatlas::agenda
