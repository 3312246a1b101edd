// Zone editors add initiatives to the inventory and edit them (see pages.hpp): a form that,
// before it saves a new one, shows the initiatives on the same theme in the same place and
// time, so that partners who do the same thing find each other; the editor confirms to save
// anyway.
#include <boost/json.hpp>
#include <expected>
#include <map>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "initiatives/pages.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::initiatives {
namespace {

namespace json = boost::json;
using web::Choices;
using Form = std::multimap<std::string, std::string>;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string_view line : text::Split(text, '\n')) {
    line = text::Trim(line);
    if (!line.empty()) lines.emplace_back(line);
  }
  return lines;
}

// The initiative typed in the form; what the form itself cannot read goes to `problems`.
Initiative InitiativeFrom(const Form& form, const std::string& zone_id, Language language,
                          std::vector<Problem>& problems) {
  const auto field = [&](const char* name) { return std::string(text::Trim(http::FormField(form, name))); };
  Initiative initiative;
  initiative.zone_id = zone_id;
  initiative.title = field("title");
  initiative.description = field("description");
  initiative.theme = field("theme");
  initiative.target_groups = http::FormValues(form, "target_groups");
  initiative.strategy = ParseStrategy(field("strategy")).value_or(Strategy::kAwareness);
  initiative.areas = http::FormValues(form, "areas");
  initiative.lead = field("lead");
  initiative.partners = Lines(http::FormField(form, "partners"));
  initiative.activities = field("activities");
  initiative.outputs = field("outputs");
  initiative.intended_outcome = field("intended_outcome");
  initiative.outcome_indicator = field("outcome_indicator");
  initiative.evidence = ParseEvidence(field("evidence"));
  initiative.goal_id = field("goal");
  initiative.language = language;
  if (auto from = Date::Parse(field("from"))) {
    initiative.from = *from;
  } else {
    problems.push_back({"from", "not a date"});
    initiative.from = Date::Today();
  }
  if (!field("until").empty()) {
    if (auto until = Date::Parse(field("until"))) {
      initiative.until = *until;
    } else {
      problems.push_back({"until", "not a date"});
    }
  }
  if (!field("budget").empty()) {
    initiative.budget = text::ParseEuro(field("budget"), language);
    if (!initiative.budget) problems.push_back({"budget", "not an amount"});
  }
  return initiative;
}

// An amount as the form reads it back: "1.500" (nl), "1 500" (fr), cents only when there are.
std::string Amount(double euro, Language language) {
  const bool whole = euro == static_cast<double>(static_cast<long long>(euro));
  return view::FormatNumber(euro, whole ? 0 : 2, language);
}

// A recorded initiative as its form shows it, to edit.
Form FormOf(const Initiative& initiative, Language language) {
  Form form{{"title", initiative.title},
            {"description", initiative.description},
            {"theme", initiative.theme},
            {"strategy", std::string(Code(initiative.strategy))},
            {"lead", initiative.lead},
            {"partners", text::JoinList(initiative.partners, '\n')},
            {"activities", initiative.activities},
            {"outputs", initiative.outputs},
            {"intended_outcome", initiative.intended_outcome},
            {"outcome_indicator", initiative.outcome_indicator},
            {"evidence", initiative.evidence ? std::string(Code(*initiative.evidence)) : ""},
            {"goal", initiative.goal_id},
            {"from", initiative.from.ToIso()},
            {"until", initiative.until ? initiative.until->ToIso() : ""},
            {"budget", initiative.budget ? Amount(*initiative.budget, language) : ""}};
  for (const std::string& group : initiative.target_groups) form.emplace("target_groups", group);
  for (const std::string& area : initiative.areas) form.emplace("areas", area);
  return form;
}

// `editing`: the recorded initiative the form changes; null for a new one in the zone of the
// path.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Initiative* editing, const Form& typed, const std::vector<Problem>& problems,
                        const json::array& similar, int status) {
  const std::string zone_id = editing ? editing->zone_id : std::string(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  std::vector<std::pair<std::string, std::string>> themes, groups, strategies, evidence, areas;
  for (const VocabularyTerm& term : services.vocabulary.themes) themes.emplace_back(term.id, term.In(language));
  for (const VocabularyTerm& term : services.vocabulary.target_groups) groups.emplace_back(term.id, term.In(language));
  for (const Strategy strategy : kStrategies) {
    strategies.emplace_back(Code(strategy),
                            Message(site, language, "initiatives_strategy_" + std::string(Code(strategy))));
  }
  evidence.emplace_back("", Message(site, language, "initiatives_not_rated"));
  for (const Evidence rating : kEvidence) {
    evidence.emplace_back(Code(rating), Message(site, language, "initiatives_evidence_" + std::string(Code(rating))));
  }
  for (const geo::ZoneMember& member : zone->members) {
    const auto found = names->areas.find(member.area_code);
    areas.emplace_back(member.area_code, found == names->areas.end() ? member.area_code : found->second);
  }
  auto plan = services.store.Goals(zone_id);
  if (!plan) return web::ErrorPage(site, request, language, plan.error());
  std::vector<std::pair<std::string, std::string>> goals{{"", Message(site, language, "initiatives_no_goal")}};
  for (const Goal& goal : *plan) goals.emplace_back(goal.id, goal.title);
  const auto field = [&](const char* name) { return http::FormField(typed, name); };
  json::array messages;
  for (const Problem& problem : problems) {
    messages.emplace_back(
        Message(site, language, "initiatives_problem_" + problem.field.substr(0, problem.field.find('['))));
  }
  const std::string zone_name = zone->names.In(language);
  const std::string heading =
      editing ? site.renderer.catalog().Format(language, "initiatives_edit_title", {{"title", editing->title}})
              : site.renderer.catalog().Format(language, "initiatives_new_title", {{"zone", zone_name}});
  json::object model{
      {"zone", zone_name},
      {"heading", heading},
      {"editing", editing != nullptr},
      {"action", editing ? web::Href(language, "/initiatives/" + editing->id + "/edit")
                         : web::Href(language, "/zones/" + zone_id + "/initiatives/new")},
      {"back_href", editing ? web::Href(language, "/initiatives/" + editing->id) : ""},
      {"list_href", web::Href(language, "/zones/" + zone_id + "/initiatives")},
      {"typed_title", field("title")},
      {"description", field("description")},
      {"lead", field("lead")},
      {"partners", field("partners")},
      {"from", field("from")},
      {"until", field("until")},
      {"budget", field("budget")},
      {"activities", field("activities")},
      {"outputs", field("outputs")},
      {"intended_outcome", field("intended_outcome")},
      {"outcome_indicator", field("outcome_indicator")},
      {"themes", Choices(themes, {field("theme")})},
      {"groups", Choices(groups, http::FormValues(typed, "target_groups"))},
      {"strategies", Choices(strategies, {field("strategy")})},
      {"evidence", Choices(evidence, {field("evidence")})},
      {"areas", Choices(areas, http::FormValues(typed, "areas"))},
      {"goals", Choices(goals, {field("goal")})},
      {"has_goals", goals.size() > 1},
      {"problems", std::move(messages)},
      {"has_problems", !problems.empty()},
      {"similar", similar},
      {"has_similar", !similar.empty()},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity ? request.identity->csrf_token : ""},
  };
  http::Response page = web::Page(site, request, language, "initiatives_new", heading, std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Add(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  std::vector<Problem> problems;
  Initiative initiative = InitiativeFrom(*form, zone_id, language, problems);
  if (problems.empty()) {
    auto found = services.store.Problems(initiative);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, nullptr, *form, problems, {}, 422);
  if (http::FormField(*form, "confirm") != "1") {
    auto existing = services.store.List(zone_id);
    if (!existing) return web::ErrorPage(site, request, language, existing.error());
    json::array similar;
    for (const Initiative* other : Similar(initiative, *existing)) {
      similar.push_back(json::object{
          {"title", other->title}, {"href", web::Href(language, "/initiatives/" + other->id)}, {"lead", other->lead}});
    }
    if (!similar.empty()) return FormPage(site, services, request, language, nullptr, *form, {}, similar, 200);
  }
  auto id = services.store.Add(std::move(initiative), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/initiatives/" + *id), 303);
}

// The recorded initiative of the path, when the signed-in user edits its zone; else the page
// to answer with.
std::expected<Initiative, http::Response> EditedInitiative(const web::Site& site, Services& services,
                                                           const http::Request& request, Language language) {
  return web::ForZoneEditorOf(site, request, language,
                              services.store.Find(std::string(request.PathParam("initiative_id"))));
}

http::Response EditPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto initiative = EditedInitiative(site, services, request, language);
  if (!initiative) return std::move(initiative.error());
  return FormPage(site, services, request, language, &*initiative, FormOf(*initiative, language), {}, {}, 200);
}

// Saves the fields of the form over the recorded initiative; its results, notes, language
// and demo mark stay as they are.
http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto recorded = EditedInitiative(site, services, request, language);
  if (!recorded) return std::move(recorded.error());
  std::vector<Problem> problems;
  Initiative initiative = InitiativeFrom(*form, recorded->zone_id, language, problems);
  initiative.id = recorded->id;
  initiative.outcomes = recorded->outcomes;
  initiative.notes = recorded->notes;
  initiative.language = recorded->language;
  initiative.demo = recorded->demo;
  if (problems.empty()) {
    auto found = services.store.Problems(initiative);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, &*recorded, *form, problems, {}, 422);
  if (auto saved = services.store.Update(initiative, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(web::Href(language, "/initiatives/" + initiative.id), 303);
}

}  // namespace

void AddEditRoutes(http::Router& router, const web::Site& site, Services& services) {
  router.Get("/{lang}/zones/{zone_id}/initiatives/new",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  return FormPage(site, services, request, language, nullptr, {}, {}, {}, 200);
                                }),
             {.name = "initiative_new", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/zones/{zone_id}/initiatives/new",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Add(site, services, request, language);
                                 }),
              {.name = "initiative_add", .access = std::string(web::kZoneEditor)});
  // The zone of an initiative is its record's, checked by the handlers.
  router.Get("/{lang}/initiatives/{initiative_id}/edit",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return EditPage(site, services, request, language);
                              }),
             {.name = "initiative_edit", .access = std::string(web::kZoneEditor)});
  router.Post(
      "/{lang}/initiatives/{initiative_id}/edit",
      web::ForLanguage(site, [&site, &services](const http::Request& request,
                                                Language language) { return Save(site, services, request, language); }),
      {.name = "initiative_save", .access = std::string(web::kZoneEditor)});
}

}  // namespace zoneatlas::initiatives
