#include "initiatives/pages.hpp"

#include <boost/json.hpp>
#include <expected>
#include <map>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/formats/xlsx.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::initiatives {
namespace {

namespace json = boost::json;
using web::Choices;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string ShowDate(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

std::string ThemeName(const Services& services, const std::string& id, Language language) {
  const VocabularyTerm* term = services.vocabulary.FindTheme(id);
  return term ? term->In(language) : id;
}

std::string GroupName(const Services& services, const std::string& id, Language language) {
  const VocabularyTerm* term = services.vocabulary.FindTargetGroup(id);
  return term ? term->In(language) : id;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

std::string Period(const Initiative& initiative, Language language, const web::Site& site) {
  return ShowDate(initiative.from, language) + " – " +
         (initiative.until ? ShowDate(*initiative.until, language) : Message(site, language, "initiatives_ongoing"));
}

std::string Number(const std::optional<double>& value, Language language) {
  if (!value) return "–";
  const bool whole = *value == static_cast<double>(static_cast<long long>(*value));
  return view::FormatNumber(*value, whole ? 0 : 1, language);
}

// The municipalities' names of an initiative, or "the whole zone".
std::string Places(const web::Site& site, const geo::PlaceNames& names, const Initiative& initiative,
                   Language language) {
  if (initiative.areas.empty()) return Message(site, language, "initiatives_whole_zone");
  std::vector<std::string> places;
  for (const std::string& code : initiative.areas) {
    const auto found = names.areas.find(code);
    places.push_back(found == names.areas.end() ? code : found->second);
  }
  return Joined(places);
}

json::object Summary(const web::Site& site, const Services& services, const geo::PlaceNames& names,
                     const Initiative& initiative, Language language) {
  std::vector<std::string> groups;
  for (const std::string& group : initiative.target_groups) groups.push_back(GroupName(services, group, language));
  return json::object{
      {"title", initiative.title},
      {"lang", LanguageCode(initiative.language)},
      {"href", web::Href(language, "/initiatives/" + initiative.id)},
      {"theme", ThemeName(services, initiative.theme, language)},
      {"theme_href", web::Href(language, "/zones/" + initiative.zone_id + "/themes/" + initiative.theme)},
      {"strategy", Message(site, language, "initiatives_strategy_" + std::string(Code(initiative.strategy)))},
      {"groups", Joined(groups)},
      {"places", Places(site, names, initiative, language)},
      {"lead", initiative.lead},
      {"period", Period(initiative, language, site)},
      {"evidence", initiative.evidence
                       ? Message(site, language, "initiatives_evidence_" + std::string(Code(*initiative.evidence)))
                       : ""},
      {"demo", initiative.demo},
  };
}

struct ListFilter {
  std::string theme, strategy, area;
};

bool Passes(const Initiative& initiative, const ListFilter& filter) {
  if (!filter.theme.empty() && initiative.theme != filter.theme) return false;
  if (!filter.strategy.empty() && Code(initiative.strategy) != filter.strategy) return false;
  if (!filter.area.empty() && !initiative.areas.empty() &&
      std::find(initiative.areas.begin(), initiative.areas.end(), filter.area) == initiative.areas.end()) {
    return false;
  }
  return true;
}

http::Response ListPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto initiatives = services.store.List(zone_id);
  if (!initiatives) return web::ErrorPage(site, request, language, initiatives.error());
  const ListFilter filter{.theme = request.Query("theme").value_or(""),
                          .strategy = request.Query("strategy").value_or(""),
                          .area = request.Query("area").value_or("")};
  json::array items;
  double budget = 0;
  for (const Initiative& initiative : *initiatives) {
    if (!Passes(initiative, filter)) continue;
    items.push_back(Summary(site, services, *names, initiative, language));
    budget += initiative.budget.value_or(0);
  }
  std::vector<std::pair<std::string, std::string>> themes, strategies, areas;
  for (const VocabularyTerm& term : services.vocabulary.themes) themes.emplace_back(term.id, term.In(language));
  for (const Strategy strategy : kStrategies) {
    strategies.emplace_back(Code(strategy),
                            Message(site, language, "initiatives_strategy_" + std::string(Code(strategy))));
  }
  for (const geo::ZoneMember& member : zone->members) {
    const auto found = names->areas.find(member.area_code);
    areas.emplace_back(member.area_code, found == names->areas.end() ? member.area_code : found->second);
  }
  const std::string query = "theme=" + web::PercentEncode(filter.theme) +
                            "&strategy=" + web::PercentEncode(filter.strategy) +
                            "&area=" + web::PercentEncode(filter.area);
  const std::string zone_name = zone->names.In(language);
  const std::size_t count = items.size();
  json::object model{
      {"zone", zone_name},
      {"zone_href", web::Href(language, "/zones/" + zone_id)},
      {"action", web::Href(language, "/zones/" + zone_id + "/initiatives")},
      {"export_href", web::Href(language, "/zones/" + zone_id + "/initiatives/export.xlsx") + "?" + query},
      {"plan_href", web::Href(language, "/zones/" + zone_id + "/plan")},
      {"new_href", web::EditsZone(request.identity.get(), zone_id)
                       ? web::Href(language, "/zones/" + zone_id + "/initiatives/new")
                       : ""},
      {"count", count},
      {"has_initiatives", count > 0},
      {"initiatives", std::move(items)},
      {"budget", view::FormatNumber(budget, 0, language)},
      {"themes", Choices(themes, filter.theme)},
      {"strategies", Choices(strategies, filter.strategy)},
      {"areas", Choices(areas, filter.area)},
  };
  return web::Page(site, request, language, "initiatives_list",
                   site.renderer.catalog().Format(language, "initiatives_title", {{"zone", zone_name}}),
                   std::move(model));
}

http::Response Export(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto initiatives = services.store.List(zone_id);
  if (!initiatives) return web::ErrorPage(site, request, language, initiatives.error());
  const ListFilter filter{.theme = request.Query("theme").value_or(""),
                          .strategy = request.Query("strategy").value_or(""),
                          .area = request.Query("area").value_or("")};
  const auto header = [&](std::initializer_list<const char*> keys) {
    std::vector<formats::XlsxCell> row;
    for (const char* key : keys) row.emplace_back(Message(site, language, key));
    return row;
  };
  formats::XlsxSheet list{
      .name = Message(site, language, "initiatives_sheet"),
      .rows = {header({"initiatives_column_id", "initiatives_column_title", "initiatives_column_theme",
                       "initiatives_column_groups", "initiatives_column_strategy", "initiatives_column_places",
                       "initiatives_column_lead", "initiatives_column_partners", "initiatives_column_from",
                       "initiatives_column_until", "initiatives_column_budget", "initiatives_column_indicator",
                       "initiatives_column_evidence"})},
      .column_widths = {22, 40, 24, 30, 22, 30, 28, 40, 12, 12, 12, 20, 24}};
  formats::XlsxSheet outcomes{
      .name = Message(site, language, "initiatives_outcomes_sheet"),
      .rows = {header({"initiatives_column_id", "initiatives_column_outcome", "initiatives_column_indicator",
                       "initiatives_column_unit", "initiatives_column_baseline", "initiatives_column_target",
                       "initiatives_column_achieved", "initiatives_column_reach", "initiatives_column_period"})},
      .column_widths = {22, 40, 20, 10, 12, 12, 12, 12, 10}};
  const auto number = [](const std::optional<double>& value) {
    return value ? formats::XlsxCell(*value) : formats::XlsxCell();
  };
  for (const Initiative& initiative : *initiatives) {
    if (!Passes(initiative, filter)) continue;
    const json::object summary = Summary(site, services, *names, initiative, language);
    list.rows.push_back({initiative.id, initiative.title, std::string(summary.at("theme").as_string()),
                         std::string(summary.at("groups").as_string()), std::string(summary.at("strategy").as_string()),
                         std::string(summary.at("places").as_string()), initiative.lead, Joined(initiative.partners),
                         initiative.from.ToIso(), initiative.until ? initiative.until->ToIso() : std::string(),
                         number(initiative.budget), initiative.outcome_indicator,
                         std::string(summary.at("evidence").as_string())});
    for (const Outcome& outcome : initiative.outcomes) {
      outcomes.rows.push_back(
          {initiative.id, outcome.label, outcome.indicator, outcome.unit, number(outcome.baseline),
           number(outcome.target), number(outcome.achieved),
           outcome.reach ? formats::XlsxCell(static_cast<double>(*outcome.reach)) : formats::XlsxCell(),
           outcome.period});
    }
  }
  auto workbook = formats::WriteXlsx({list, outcomes});
  if (!workbook) return web::ErrorPage(site, request, language, workbook.error());
  http::Response response = http::Response::Make(
      200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(*workbook));
  response.headers.Set("Content-Disposition", "attachment; filename=\"initiatives-" + zone_id + ".xlsx\"");
  return response;
}

// The multi-year plan: each goal with its initiatives by the four strategies, then the
// initiatives that serve no goal yet. Printable: the document a zone shares with partners.
http::Response PlanPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto goals = services.store.Goals(zone_id);
  if (!goals) return web::ErrorPage(site, request, language, goals.error());
  auto initiatives = services.store.List(zone_id);
  if (!initiatives) return web::ErrorPage(site, request, language, initiatives.error());
  const bool edits = web::EditsZone(request.identity.get(), zone_id);
  // The initiatives of one goal ("" for none), by strategy in the model's order.
  auto by_strategy = [&](const std::string& goal_id, double& budget, std::size_t& count) {
    json::array strategies;
    for (const Strategy strategy : kStrategies) {
      json::array items;
      for (const Initiative& initiative : *initiatives) {
        if (initiative.goal_id != goal_id || initiative.strategy != strategy) continue;
        items.push_back(Summary(site, services, *names, initiative, language));
        budget += initiative.budget.value_or(0);
        ++count;
      }
      if (items.empty()) continue;
      strategies.push_back(
          json::object{{"strategy", Message(site, language, "initiatives_strategy_" + std::string(Code(strategy)))},
                       {"initiatives", std::move(items)}});
    }
    return strategies;
  };
  json::array plan;
  bool demo = false;
  for (const Goal& goal : *goals) {
    double budget = 0;
    std::size_t count = 0;
    json::array strategies = by_strategy(goal.id, budget, count);
    demo = demo || goal.demo;
    plan.push_back(json::object{
        {"id", goal.id},
        {"title", goal.title},
        {"lang", LanguageCode(goal.language)},
        {"description", goal.description},
        {"years", std::to_string(goal.from_year) + "–" + std::to_string(goal.until_year)},
        {"strategies", std::move(strategies)},
        {"has_initiatives", count > 0},
        {"count", count},
        {"budget", view::FormatNumber(budget, 0, language)},
        {"edit_href", edits ? web::Href(language, "/zones/" + zone_id + "/plan/goals/" + goal.id + "/edit") : ""},
        {"demo", goal.demo}});
  }
  double loose_budget = 0;
  std::size_t loose_count = 0;
  json::array loose = by_strategy("", loose_budget, loose_count);
  const std::string zone_name = zone->names.In(language);
  json::object model{{"zone", zone_name},
                     {"zone_href", web::Href(language, "/zones/" + zone_id)},
                     {"list_href", web::Href(language, "/zones/" + zone_id + "/initiatives")},
                     {"has_goals", !plan.empty()},
                     {"goals", std::move(plan)},
                     {"new_goal_href", edits ? web::Href(language, "/zones/" + zone_id + "/plan/goals/new") : ""},
                     {"has_loose", loose_count > 0},
                     {"loose", std::move(loose)},
                     {"demo", demo}};
  http::Response page = web::Page(
      site, request, language, "initiatives_plan",
      site.renderer.catalog().Format(language, "initiatives_plan_title", {{"zone", zone_name}}), std::move(model));
  if (edits) page.headers.Set("Cache-Control", "no-store");
  return page;
}

// `evaluation` carries what was typed in an evaluation form that came back with problems.
http::Response InitiativePage(const web::Site& site, Services& services, const http::Request& request,
                              Language language, json::object evaluation = {}, int status = 200) {
  auto initiative = services.store.Find(std::string(request.PathParam("initiative_id")));
  if (!initiative) return web::ErrorPage(site, request, language, initiative.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto zone_initiatives = services.store.List(initiative->zone_id);
  if (!zone_initiatives) return web::ErrorPage(site, request, language, zone_initiatives.error());
  json::object model = Summary(site, services, *names, *initiative, language);
  model.erase("lang");
  model["content_lang"] = LanguageCode(initiative->language);
  model["description"] = initiative->description;
  model["partners"] = Joined(initiative->partners);
  model["budget"] = initiative->budget ? view::FormatNumber(*initiative->budget, 0, language) + " €" : "";
  model["activities"] = initiative->activities;
  model["outputs"] = initiative->outputs;
  model["intended_outcome"] = initiative->intended_outcome;
  // Notes and stories, a paragraph each (an evaluation adds them dated, one after another).
  json::array notes;
  for (std::string_view paragraph : text::Split(initiative->notes, '\n')) {
    if (!text::Trim(paragraph).empty()) notes.emplace_back(text::Trim(paragraph));
  }
  model["has_notes"] = !notes.empty();
  model["notes"] = std::move(notes);
  const auto zone_name = names->zones.find(initiative->zone_id);
  model["zone"] = zone_name == names->zones.end() ? initiative->zone_id : zone_name->second;
  model["list_href"] = web::Href(language, "/zones/" + initiative->zone_id + "/initiatives");
  if (!initiative->outcome_indicator.empty()) {
    // The atlas indicator it should move, for the zone, before and after: the atlas page
    // shows its trend by municipality.
    model["indicator_href"] =
        web::Href(language, "/zones/" + initiative->zone_id + "/atlas/" + initiative->outcome_indicator);
    model["indicator"] = initiative->outcome_indicator;
  }
  if (services.before_and_after) {
    auto figures = services.before_and_after(*initiative, language);
    if (!figures) return web::ErrorPage(site, request, language, figures.error());
    if (*figures) {
      json::object table = web::FigureTableModel(**figures);
      table["before"] = (*figures)->periods.front();
      table["has_after"] = (*figures)->periods.size() == 2;
      table["after"] = (*figures)->periods.back();
      model["figures"] = std::move(table);
    }
  }
  json::array outcomes;
  for (const Outcome& outcome : initiative->outcomes) {
    const bool reached =
        outcome.target && outcome.achieved &&
        (outcome.baseline && *outcome.target < *outcome.baseline ? *outcome.achieved <= *outcome.target
                                                                 : *outcome.achieved >= *outcome.target);
    outcomes.push_back(json::object{
        {"label", outcome.label},
        {"unit", outcome.unit},
        {"baseline", Number(outcome.baseline, language)},
        {"target", Number(outcome.target, language)},
        {"achieved", Number(outcome.achieved, language)},
        {"reach", outcome.reach ? view::FormatInteger(*outcome.reach, language) : "–"},
        {"period", outcome.period},
        {"verdict", !outcome.target || !outcome.achieved ? Message(site, language, "initiatives_not_measured")
                    : reached                            ? Message(site, language, "initiatives_target_reached")
                                                         : Message(site, language, "initiatives_target_missed")},
        {"indicator_href", outcome.indicator.empty() ? ""
                                                     : web::Href(language, "/zones/" + initiative->zone_id + "/atlas/" +
                                                                               outcome.indicator)}});
  }
  model["has_outcomes"] = !outcomes.empty();
  model["outcomes"] = std::move(outcomes);
  json::array similar;
  for (const Initiative* other : Similar(*initiative, *zone_initiatives)) {
    similar.push_back(Summary(site, services, *names, *other, language));
  }
  model["has_similar"] = !similar.empty();
  model["similar"] = std::move(similar);
  // The zone's editors record results and evaluation notes as the initiative runs.
  const bool edits = web::EditsZone(request.identity.get(), initiative->zone_id);
  if (edits) {
    const std::string base = "/initiatives/" + initiative->id;
    model["edit_href"] = web::Href(language, base + "/edit");
    // Every field of the forms is in `evaluation`, so that none reads the initiative's own
    // (its period) through the template's outer context.
    for (const char* name : {"label", "unit", "period", "baseline", "target", "achieved", "reach", "note"}) {
      if (!evaluation.contains(name)) evaluation[name] = "";
    }
    evaluation["outcome_action"] = web::Href(language, base + "/outcomes");
    evaluation["note_action"] = web::Href(language, base + "/notes");
    evaluation["csrf_field"] = http::kCsrfField;
    evaluation["csrf_token"] = request.identity->csrf_token;
    model["evaluation"] = std::move(evaluation);
  }
  http::Response page =
      web::Page(site, request, language, "initiatives_initiative", initiative->title, std::move(model), status);
  if (edits) page.headers.Set("Cache-Control", "no-store");
  return page;
}

// What an evaluation form posts: the form and the initiative it is for.
struct EvaluationPost {
  std::multimap<std::string, std::string> form;
  Initiative initiative;
};

// The posted evaluation form and its initiative; else the page to answer with (the form has
// expired, there is no such initiative, or it is not of the editor's zone).
std::expected<EvaluationPost, http::Response> ReadEvaluationPost(const web::Site& site, Services& services,
                                                                 const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return std::unexpected(web::FormExpiredPage(site, request, language));
  auto initiative = web::ForZoneEditorOf(site, request, language,
                                         services.store.Find(std::string(request.PathParam("initiative_id"))));
  if (!initiative) return std::unexpected(std::move(initiative.error()));
  return EvaluationPost{std::move(*form), std::move(*initiative)};
}

// A result measured (a participation rate, people reached) added to the initiative's outcomes.
http::Response AddOutcome(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto posted = ReadEvaluationPost(site, services, request, language);
  if (!posted) return std::move(posted.error());
  const auto& form = posted->form;
  Initiative& initiative = posted->initiative;
  const auto field = [&](const char* name) { return std::string(text::Trim(http::FormField(form, name))); };
  json::object typed;
  json::array problems;
  Outcome outcome{.label = field("label"),
                  .indicator = "",
                  .unit = field("unit"),
                  .baseline = std::nullopt,
                  .target = std::nullopt,
                  .achieved = std::nullopt,
                  .reach = std::nullopt,
                  .period = field("period")};
  for (const char* name : {"label", "unit", "period", "baseline", "target", "achieved", "reach"})
    typed[name] = field(name);
  if (outcome.label.empty()) problems.emplace_back(Message(site, language, "initiatives_outcome_problem_label"));
  auto number = [&](const char* name, std::optional<double>& into) {
    if (field(name).empty()) return;
    into = text::ParseEuro(field(name), language);
    if (!into || *into < 0) {
      into.reset();
      problems.emplace_back(
          site.renderer.catalog().Format(language, "initiatives_outcome_problem_number", {{"value", field(name)}}));
    }
  };
  number("baseline", outcome.baseline);
  number("target", outcome.target);
  number("achieved", outcome.achieved);
  std::optional<double> reach;
  number("reach", reach);
  if (reach) outcome.reach = static_cast<long long>(*reach);
  if (!outcome.achieved && !outcome.reach) {
    problems.emplace_back(Message(site, language, "initiatives_outcome_problem_result"));
  }
  if (outcome.label.size() > 300 || outcome.unit.size() > 30 || outcome.period.size() > 30) {
    problems.emplace_back(Message(site, language, "initiatives_outcome_problem_long"));
  }
  if (!problems.empty()) {
    typed["outcome_problems"] = std::move(problems);
    typed["has_outcome_problems"] = true;
    return InitiativePage(site, services, request, language, std::move(typed), 422);
  }
  initiative.outcomes.push_back(std::move(outcome));
  if (auto saved = services.store.Update(initiative, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(web::Href(language, "/initiatives/" + initiative.id) + "#outcomes-heading", 303);
}

// An evaluation note or a story from the field, dated, after the earlier ones.
http::Response AddNote(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto posted = ReadEvaluationPost(site, services, request, language);
  if (!posted) return std::move(posted.error());
  const auto& form = posted->form;
  Initiative& initiative = posted->initiative;
  const std::string note(text::Trim(http::FormField(form, "note")));
  if (note.empty() || note.size() > 4000) {
    json::object typed{{"note", note},
                       {"has_note_problems", true},
                       {"note_problems", json::array{Message(site, language, "initiatives_note_problem")}}};
    return InitiativePage(site, services, request, language, std::move(typed), 422);
  }
  std::string notes = initiative.notes;
  if (!notes.empty()) notes += "\n\n";
  notes += Date::Today().ToIso();
  notes += " — ";
  notes += note;
  initiative.notes = std::move(notes);
  if (auto saved = services.store.Update(initiative, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(web::Href(language, "/initiatives/" + initiative.id) + "#notes-heading", 303);
}

json::value OptionalNumber(const std::optional<double>& value) { return value ? json::value(*value) : nullptr; }

json::object InitiativeJson(const Initiative& initiative) {
  json::array outcomes;
  for (const Outcome& outcome : initiative.outcomes) {
    outcomes.push_back(json::object{{"label", outcome.label},
                                    {"indicator", outcome.indicator},
                                    {"unit", outcome.unit},
                                    {"baseline", OptionalNumber(outcome.baseline)},
                                    {"target", OptionalNumber(outcome.target)},
                                    {"achieved", OptionalNumber(outcome.achieved)},
                                    {"reach", outcome.reach ? json::value(*outcome.reach) : nullptr},
                                    {"period", outcome.period}});
  }
  return json::object{{"id", initiative.id},
                      {"zone", initiative.zone_id},
                      {"title", initiative.title},
                      {"description", initiative.description},
                      {"theme", initiative.theme},
                      {"target_groups", json::array(initiative.target_groups.begin(), initiative.target_groups.end())},
                      {"strategy", Code(initiative.strategy)},
                      {"areas", json::array(initiative.areas.begin(), initiative.areas.end())},
                      {"lead", initiative.lead},
                      {"partners", json::array(initiative.partners.begin(), initiative.partners.end())},
                      {"from", initiative.from.ToIso()},
                      {"until", initiative.until ? json::value(initiative.until->ToIso()) : nullptr},
                      {"budget", OptionalNumber(initiative.budget)},
                      {"activities", initiative.activities},
                      {"outputs", initiative.outputs},
                      {"intended_outcome", initiative.intended_outcome},
                      {"outcome_indicator", initiative.outcome_indicator},
                      {"outcomes", std::move(outcomes)},
                      {"evidence", initiative.evidence ? json::value(Code(*initiative.evidence)) : nullptr},
                      {"notes", initiative.notes},
                      {"language", LanguageCode(initiative.language)},
                      {"demo", initiative.demo}};
}

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/{lang}/zones/{zone_id}/initiatives",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return ListPage(site, services, request, language);
                              }),
             {.name = "initiatives", .access = everyone});
  router.Get("/{lang}/zones/{zone_id}/initiatives/export.xlsx",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return Export(site, services, request, language);
                              }),
             {.name = "initiatives_export", .access = everyone});
  router.Get("/{lang}/initiatives/{initiative_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return InitiativePage(site, services, request, language);
                              }),
             {.name = "initiative", .access = everyone});
  router.Get("/{lang}/zones/{zone_id}/plan",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return PlanPage(site, services, request, language);
                              }),
             {.name = "initiatives_plan", .access = everyone});
  router.Post("/{lang}/initiatives/{initiative_id}/outcomes",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return AddOutcome(site, services, request, language);
                               }),
              {.name = "initiative_outcome_add", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/initiatives/{initiative_id}/notes",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return AddNote(site, services, request, language);
                               }),
              {.name = "initiative_note_add", .access = std::string(web::kZoneEditor)});
}

void AddApiRoutes(http::Router& router, Services& services) {
  router.Get("/api/v1/initiatives",
             [&services](const http::Request& request) {
               auto initiatives = services.store.List(request.Query("zone").value_or(""));
               if (!initiatives) return web::Problem(initiatives.error());
               json::array items;
               for (const Initiative& initiative : *initiatives) items.push_back(InitiativeJson(initiative));
               return http::Response::Json(json::serialize(json::object{{"initiatives", std::move(items)}}));
             },
             {.name = "api_initiatives", .access = std::string(web::kPublic)});
  router.Get("/api/v1/plan-goals",
             [&services](const http::Request& request) {
               const auto zone = request.Query("zone");
               if (!zone || zone->empty()) return web::Problem(Error::InvalidArgument("zone: give the zone's id"));
               auto goals = services.store.Goals(*zone);
               if (!goals) return web::Problem(goals.error());
               json::array items;
               for (const Goal& goal : *goals) {
                 items.push_back(json::object{{"id", goal.id},
                                              {"zone", goal.zone_id},
                                              {"title", goal.title},
                                              {"description", goal.description},
                                              {"from_year", goal.from_year},
                                              {"until_year", goal.until_year},
                                              {"language", LanguageCode(goal.language)},
                                              {"demo", goal.demo}});
               }
               return http::Response::Json(json::serialize(json::object{{"goals", std::move(items)}}));
             },
             {.name = "api_plan_goals", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::initiatives
