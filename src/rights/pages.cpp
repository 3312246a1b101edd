#include "rights/pages.hpp"

#include <array>
#include <boost/json.hpp>
#include <memory>
#include <set>
#include <variant>

#include "platform/http/form.hpp"
#include "rights/explain.hpp"
#include "rights/freshness.hpp"
#include "rights/questionnaire.hpp"
#include "rights/screen.hpp"
#include "web/access.hpp"

namespace zoneatlas::rights {
namespace json = boost::json;
namespace {

constexpr std::string_view kThemes[] = {"income", "health", "care", "family", "housing", "energy", "mobility"};
constexpr Level kLevels[] = {Level::kFederal, Level::kFlemish, Level::kBrussels, Level::kMunicipal};
// The situation questions, grouped as the form shows them.
constexpr std::pair<std::string_view, std::array<SocialStatus, 6>> kStatusGroups[] = {
    {"benefits",
     {SocialStatus::kLeefloon, SocialStatus::kIgo, SocialStatus::kIvt, SocialStatus::kIt, SocialStatus::kVt,
      SocialStatus::kZorgbudgetOuderen}},
    {"health",
     {SocialStatus::kDisability66, SocialStatus::kChildDisability, SocialStatus::kReducedAutonomy,
      SocialStatus::kHeavyCareNeed, SocialStatus::kInformalCarer, SocialStatus::kCount}},
    {"home",
     {SocialStatus::kTenant, SocialStatus::kSocialTenant, SocialStatus::kOwner, SocialStatus::kSocialHousingWaiting,
      SocialStatus::kOilHeating, SocialStatus::kCount}},
    {"money",
     {SocialStatus::kEnergyDebt, SocialStatus::kDebtMediation, SocialStatus::kSingleParent, SocialStatus::kStudent,
      SocialStatus::kPupil, SocialStatus::kCount}},
};
constexpr IncomeKind kIncomeKinds[] = {IncomeKind::kWork,    IncomeKind::kUnemployment, IncomeKind::kSickness,
                                       IncomeKind::kPension, IncomeKind::kDisability,   IncomeKind::kLeefloon,
                                       IncomeKind::kNone};

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

json::array TextList(const std::vector<Texts>& texts, Language language) {
  json::array list;
  for (const Texts& text : texts) list.emplace_back(text.In(language));
  return list;
}

// What every page says about a right, whatever the screening.
json::object RightSummary(const web::Site& site, const Catalog& catalog, const Right& right, Language language) {
  json::array unlocks;
  for (const std::string& id : right.unlocks) {
    if (const Right* other = catalog.Find(id)) {
      unlocks.push_back(
          json::object{{"name", other->name.In(language)}, {"href", web::Href(language, "/rights/" + other->id)}});
    }
  }
  return json::object{
      {"id", right.id},
      {"name", right.name.In(language)},
      {"href", web::Href(language, "/rights/" + right.id)},
      {"explanation", right.explanation.In(language)},
      {"level", Message(site, language, "rights_level_" + std::string(LevelName(right.level)))},
      {"theme", Message(site, language, "rights_theme_" + right.theme)},
      {"effect", Message(site, language, "rights_effect_" + std::string(EffectName(right.effect)))},
      {"raises_income", right.effect == Effect::kRaisesIncome},
      {"competent_body", right.competent_body.In(language)},
      {"how_to_apply", right.how_to_apply.In(language)},
      {"automatic", Message(site, language, "rights_automatic_" + std::string(AutomaticName(right.automatic)))},
      {"automatic_note", right.automatic_note.In(language)},
      {"social_worker",
       Message(site, language, right.social_worker_may_apply ? "rights_social_worker_yes" : "rights_social_worker_no")},
      {"social_worker_note", right.social_worker_note.In(language)},
      {"documents", TextList(right.documents, language)},
      {"has_documents", !right.documents.empty()},
      {"has_unlocks", !unlocks.empty()},
      {"unlocks", std::move(unlocks)},
  };
}

http::Response CatalogPage(const web::Site& site, const Catalog& catalog, const http::Request& request,
                           Language language) {
  const std::string theme = request.Query("theme").value_or("");
  const std::string level = request.Query("level").value_or("");
  const std::string body = request.Query("body").value_or("");
  json::array themes;
  for (std::string_view id : kThemes) {
    json::array rights;
    for (const Right& right : catalog.rights()) {
      if (right.theme != id || (!level.empty() && LevelName(right.level) != level)) continue;
      if (!body.empty() && right.competent_body.In(language) != body) continue;
      rights.push_back(RightSummary(site, catalog, right, language));
    }
    if (rights.empty() || (!theme.empty() && theme != id)) continue;
    themes.push_back(json::object{{"name", Message(site, language, "rights_theme_" + std::string(id))},
                                  {"rights", std::move(rights)}});
  }
  json::array theme_options{json::object{
      {"value", ""}, {"label", Message(site, language, "rights_filter_all")}, {"selected", theme.empty()}}};
  for (std::string_view id : kThemes) {
    theme_options.push_back(json::object{{"value", id},
                                         {"label", Message(site, language, "rights_theme_" + std::string(id))},
                                         {"selected", theme == id}});
  }
  json::array level_options{json::object{
      {"value", ""}, {"label", Message(site, language, "rights_filter_all")}, {"selected", level.empty()}}};
  for (Level each : kLevels) {
    const std::string name(LevelName(each));
    level_options.push_back(json::object{
        {"value", name}, {"label", Message(site, language, "rights_level_" + name)}, {"selected", level == name}});
  }
  // Who is competent for what: every competent body once, in the reader's language.
  std::vector<std::string> bodies;
  for (const Right& right : catalog.rights()) {
    if (std::ranges::find(bodies, right.competent_body.In(language)) == bodies.end()) {
      bodies.push_back(right.competent_body.In(language));
    }
  }
  std::ranges::sort(bodies);
  json::array body_options{
      json::object{{"value", ""}, {"label", Message(site, language, "rights_filter_all")}, {"selected", body.empty()}}};
  for (const std::string& each : bodies) {
    body_options.push_back(json::object{{"value", each}, {"label", each}, {"selected", body == each}});
  }
  json::object model{{"themes", std::move(themes)},
                     {"body_options", std::move(body_options)},
                     {"theme_options", std::move(theme_options)},
                     {"level_options", std::move(level_options)},
                     {"action", web::Href(language, "/rights")},
                     {"screen_href", web::Href(language, "/rights/screen")}};
  return web::Page(site, request, language, "rights_catalog", Message(site, language, "rights_catalog_title"),
                   std::move(model));
}

http::Response RightPage(const web::Site& site, const Catalog& catalog, const http::Request& request,
                         Language language) {
  const Right* right = catalog.Find(request.PathParam("right_id"));
  if (right == nullptr) return web::ErrorPage(site, request, language, Error::NotFound("no such right"));
  json::object model = RightSummary(site, catalog, *right, language);
  json::array sources;
  for (const std::string& source : right->sources) sources.emplace_back(source);
  model["sources"] = std::move(sources);
  // The figures its rules use, each with its validity, source and reliability.
  std::set<std::string> read;
  for (const Route& route : right->routes) {
    for (const Condition& condition : route.conditions) {
      for (std::string& name : NamesIn(Catalog::ExpandTerms(*right, condition.test + " " + condition.near))) {
        read.insert(std::move(name));
      }
    }
  }
  json::array parameters;
  for (const Parameter& parameter : catalog.parameters()) {
    const bool used = read.contains(parameter.id);
    if (!used || parameter.id.starts_with("screening.")) continue;
    const bool money = parameter.unit.starts_with("EUR");
    json::array values;
    for (std::size_t i = 0; i < parameter.values.size(); ++i) {
      const ParameterValue& value = parameter.values[i];
      const Date until = value.until ? *value.until
                         : i + 1 < parameter.values.size()
                             ? Date::FromDaysSinceEpoch(parameter.values[i + 1].from.DaysSinceEpoch() - 1)
                             : parameter.known_until;
      values.push_back(json::object{
          {"from", view::FormatDate(value.from.year(), value.from.month(), value.from.day(), language)},
          {"until", until.year() >= 2099 ? Message(site, language, "rights_figure_open")
                                         : view::FormatDate(until.year(), until.month(), until.day(), language)},
          {"value",
           money ? view::FormatNumber(value.value, 2, language) + " €" : view::FormatNumber(value.value, 0, language)},
          {"decided", value.decided ? view::FormatDate(value.decided->year(), value.decided->month(),
                                                       value.decided->day(), language)
                                    : Message(site, language, "rights_figure_decided_unknown")},
          {"legal_source", value.legal_source},
          {"source", value.source},
          {"source_is_link", value.source.starts_with("https://") || value.source.starts_with("http://")},
          {"reliability",
           Message(site, language, "rights_reliability_" + std::string(ReliabilityCode(value.reliability)))},
          {"unverified", value.reliability == Reliability::kUnverified},
      });
    }
    parameters.push_back(json::object{
        {"description", parameter.description.In(language)}, {"unit", parameter.unit}, {"values", std::move(values)}});
  }
  if (const auto known_until = FiguresKnownUntil(catalog, *right)) {
    model["figures_known_until"] = site.renderer.catalog().Format(
        language, known_until->year() >= 2099 ? "rights_figures_known_open" : "rights_figures_known_until",
        {{"date", view::FormatDate(known_until->year(), known_until->month(), known_until->day(), language)}});
  }
  model["has_parameters"] = !parameters.empty();
  model["parameters"] = std::move(parameters);
  model["catalog_href"] = web::Href(language, "/rights");
  model["screen_href"] = web::Href(language, "/rights/screen");
  model["rules_href"] = web::Href(language, "/rights/rules/" + right->id + "/edit");
  return web::Page(site, request, language, "rights_right", right->name.In(language), std::move(model));
}

// The questionnaire's fields with the answers (and their problems) filled in.
json::object FormModel(const web::Site& site, const Answers& answers, const std::vector<AnswerProblem>& problems,
                       Language language) {
  json::object model{{"date", answers.date},
                     {"postcode", answers.postcode},
                     {"age", answers.age},
                     {"income", answers.income},
                     {"current_income", answers.current_income},
                     {"partner_yes", answers.partner},
                     {"partner_age", answers.partner_age},
                     {"partner_income", answers.partner_income},
                     {"minor_children", answers.minor_children},
                     {"adult_children", answers.adult_children},
                     {"action", web::Href(language, "/rights/screen")}};
  json::array errors;
  for (const AnswerProblem& problem : problems) {
    const std::string message = Message(site, language, problem.message_key);
    model["error_" + problem.field] = message;
    errors.push_back(json::object{{"field", problem.field}, {"message", message}});
  }
  model["has_errors"] = !errors.empty();
  model["errors"] = std::move(errors);
  json::array kinds{json::object{{"value", ""},
                                 {"label", Message(site, language, "rights_answer_unknown")},
                                 {"selected", answers.income_kind.empty()}}};
  for (IncomeKind kind : kIncomeKinds) {
    const std::string name(IncomeKindName(kind));
    kinds.push_back(json::object{{"value", name},
                                 {"label", Message(site, language, "rights_income_" + name)},
                                 {"selected", answers.income_kind == name}});
  }
  model["income_kinds"] = std::move(kinds);
  json::array groups;
  for (const auto& [group, statuses] : kStatusGroups) {
    json::array options;
    for (SocialStatus status : statuses) {
      if (status == SocialStatus::kCount) continue;
      const std::string word(StatusWord(status));
      options.push_back(json::object{{"value", word},
                                     {"label", Message(site, language, "rights_status_" + word)},
                                     {"checked", std::ranges::find(answers.statuses, word) != answers.statuses.end()}});
    }
    groups.push_back(json::object{{"legend", Message(site, language, "rights_statuses_" + std::string(group))},
                                  {"options", std::move(options)}});
  }
  model["status_groups"] = std::move(groups);
  return model;
}

// Adds the CSRF token to `model` and its cookie to the page, which is never cached.
http::Response FormPage(const web::Site& site, const http::Request& request, Language language,
                        std::string_view template_name, const std::string& title, json::object model,
                        int status = 200) {
  http::Response cookie;
  model["csrf_field"] = http::kCsrfField;
  model["csrf_token"] = http::CsrfToken(request, cookie);
  http::Response page = web::Page(site, request, language, template_name, title, std::move(model), status);
  for (const auto& [name, value] : cookie.headers.fields()) page.headers.Add(name, value);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response QuestionnairePage(const web::Site& site, const http::Request& request, Language language) {
  json::object model = FormModel(site, Answers{}, {}, language);
  return FormPage(site, request, language, "rights_screen", Message(site, language, "rights_screen_title"),
                  std::move(model));
}

struct Screening {
  Answers answers;
  Interpretation interpretation;
  std::vector<RightResult> results;
  std::unique_ptr<Screener> screener;
};

// Reads and screens a posted questionnaire; an error page or the problems otherwise.
std::variant<http::Response, Screening> ScreenPosted(const web::Site& site, const Catalog& catalog,
                                                     const http::Request& request, Language language) {
  const auto form = http::ParseForm(request);
  if (!form) return web::NotAFormPage(site, request, language);
  if (!http::CsrfTokenMatches(request, *form)) return web::FormExpiredPage(site, request, language);
  Screening screening;
  screening.answers = ReadAnswers(*form);
  screening.interpretation = Interpret(screening.answers, Date::Today(), language);
  if (!screening.interpretation.problems.empty()) {
    json::object model = FormModel(site, screening.answers, screening.interpretation.problems, language);
    return FormPage(site, request, language, "rights_screen", Message(site, language, "rights_screen_title"),
                    std::move(model), 422);
  }
  auto screener = Screener::Create(catalog, screening.interpretation.date);
  if (!screener) return web::ErrorPage(site, request, language, screener.error());
  screening.screener = std::make_unique<Screener>(std::move(*screener));
  screening.screener->Screen(ComputeFacts(screening.interpretation.household, screening.interpretation.date),
                             screening.results);
  return screening;
}

json::array HiddenAnswers(const Answers& answers) {
  json::array fields;
  for (const auto& [name, value] : AnswerFields(answers)) {
    fields.push_back(json::object{{"name", name}, {"value", value}});
  }
  return fields;
}

// The rights by outcome, income-raising first, each with its reason.
// The social map's search for the places where `right` is asked for, near the postcode.
std::string SocialMapHref(const Right& right, const Answers& answers, Language language) {
  if (right.social_map_query.In(language).empty() && right.social_map_theme.empty()) return "";
  std::string query;
  auto add = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    query += (query.empty() ? "?" : "&") + std::string(name) + "=" + web::PercentEncode(value);
  };
  add("q", right.social_map_query.In(language));
  add("theme", right.social_map_theme);
  add("near", answers.postcode);
  return web::Href(language, "/social-map") + query;
}

json::object Outcomes(const web::Site& site, const Catalog& catalog, Screening& screening, Language language) {
  json::object outcomes;
  json::array likely, possible, unknown, unlikely;
  std::vector<std::string> missing;
  for (int r : PresentationOrder(catalog)) {
    const Right& right = catalog.rights()[r];
    const RightResult& result = screening.results[r];
    json::object item = RightSummary(site, catalog, right, language);
    item["reason"] = Reason(*screening.screener, site.renderer.catalog(), right, result, language);
    item["social_map_href"] = SocialMapHref(right, screening.answers, language);
    switch (result.outcome) {
      case Outcome::kLikely:
        likely.push_back(std::move(item));
        break;
      case Outcome::kPossible:
        possible.push_back(std::move(item));
        break;
      case Outcome::kUnknown:
        for (const std::string& input : MissingInputs(result)) {
          if (std::ranges::find(missing, input) == missing.end()) missing.push_back(input);
        }
        unknown.push_back(std::move(item));
        break;
      case Outcome::kUnlikely:
        unlikely.push_back(std::move(item));
        break;
    }
  }
  json::array missing_labels;
  for (const std::string& input : missing)
    missing_labels.emplace_back(Message(site, language, "rights_input_" + input));
  const Date& date = screening.interpretation.date;
  outcomes["likely"] = std::move(likely);
  outcomes["possible"] = std::move(possible);
  outcomes["unknown"] = std::move(unknown);
  outcomes["unlikely"] = std::move(unlikely);
  outcomes["has_missing"] = !missing_labels.empty();
  outcomes["missing_inputs"] = [&] {
    json::array inputs;
    for (const std::string& input : missing) inputs.emplace_back(input);
    return inputs;
  }();
  outcomes["missing"] = std::move(missing_labels);
  outcomes["screened_on"] = view::FormatDate(date.year(), date.month(), date.day(), language);
  outcomes["with_partner"] = screening.answers.partner;
  outcomes["answers"] = HiddenAnswers(screening.answers);
  return outcomes;
}

http::Response ResultPage(const web::Site& site, const Catalog& catalog, const http::Request& request,
                          Language language) {
  auto screened = ScreenPosted(site, catalog, request, language);
  if (auto* response = std::get_if<http::Response>(&screened)) return std::move(*response);
  Screening& screening = std::get<Screening>(screened);
  json::object model = FormModel(site, screening.answers, {}, language);
  model["result"] = Outcomes(site, catalog, screening, language);
  // The questions that would settle what cannot be told yet, alone in a short form; the
  // other answers travel with it.
  std::set<std::string> asked;
  for (const json::value& input : model["result"].as_object()["missing_inputs"].as_array()) {
    const std::string_view name = input.as_string();
    if (name == "birth_date") asked.insert({"age", "partner_age"});
    if (name == "gross_taxable_income") asked.insert({"income", "partner_income"});
    if (name == "income_kind") asked.insert("income_kind");
    if (name == "municipality_nis") asked.insert("postcode");
    if (name == "statuses") asked.insert({"status", "statuses_asked"});
  }
  if (!screening.answers.partner) {
    asked.erase("partner_age");
    asked.erase("partner_income");
  }
  if (!asked.empty()) {
    json::array hidden;
    for (const auto& [name, value] : AnswerFields(screening.answers)) {
      if (!asked.contains(name)) hidden.push_back(json::object{{"name", name}, {"value", value}});
    }
    json::object more{{"hidden", std::move(hidden)}, {"action", web::Href(language, "/rights/screen")}};
    for (const std::string& name : asked) more["ask_" + name] = true;
    model["more"] = std::move(more);
  }
  model["flyer_action"] = web::Href(language, "/rights/flyer");
  model["pack_action"] = web::Href(language, "/rights/pack");
  return FormPage(site, request, language, "rights_result", Message(site, language, "rights_result_title"),
                  std::move(model));
}

http::Response FlyerPage(const web::Site& site, const Catalog& catalog, const http::Request& request,
                         Language language) {
  auto screened = ScreenPosted(site, catalog, request, language);
  if (auto* response = std::get_if<http::Response>(&screened)) return std::move(*response);
  Screening& screening = std::get<Screening>(screened);
  json::object model = Outcomes(site, catalog, screening, language);
  return FormPage(site, request, language, "rights_flyer", Message(site, language, "rights_flyer_title"),
                  std::move(model));
}

// The helper pack: what a social worker, a digital-help volunteer or a GP's assistant
// prints for the person beside them — the rights to check, the nearest office for each
// (address, phone, hours, on a small map when scripts run) and what to bring.
http::Response PackPage(const web::Site& site, const Catalog& catalog, const OfficeFinder& find_offices,
                        const http::Request& request, Language language) {
  auto screened = ScreenPosted(site, catalog, request, language);
  if (auto* response = std::get_if<http::Response>(&screened)) return std::move(*response);
  Screening& screening = std::get<Screening>(screened);
  json::object model = Outcomes(site, catalog, screening, language);
  json::array map_points;
  for (const char* outcome : {"likely", "possible", "unknown"}) {
    for (json::value& item : model[outcome].as_array()) {
      json::object& right_model = item.as_object();
      const Right* right = catalog.Find(std::string(right_model["id"].as_string()));
      if (right == nullptr || !find_offices || screening.answers.postcode.empty()) continue;
      const std::vector<Office> offices = find_offices(*right, screening.answers.postcode, language);
      if (offices.empty()) continue;
      const Office& office = offices.front();
      right_model["office"] = json::object{{"name", office.name},       {"organization", office.organization},
                                           {"address", office.address}, {"phone", office.phone},
                                           {"hours", office.hours},     {"href", office.href}};
      if (office.latitude && office.longitude) {
        map_points.push_back(json::object{{"name", office.name},
                                          {"href", office.href},
                                          {"where", office.address},
                                          {"lat", *office.latitude},
                                          {"lon", *office.longitude}});
      }
    }
  }
  model["postcode"] = screening.answers.postcode;
  if (!map_points.empty()) {
    model["map_inline"] = json::serialize(json::object{
        {"points", std::move(map_points)}, {"attribution", Message(site, language, "socialmap_map_attribution")}});
    web::AddLeafletAssets(site, model, "/static/js/social-map.js");
  }
  return FormPage(site, request, language, "rights_pack", Message(site, language, "rights_pack_title"),
                  std::move(model));
}

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, CurrentCatalog& current, OfficeFinder find_offices) {
  const auto is_public = std::string(web::kPublic);
  router.Get("/{lang}/rights",
             web::ForLanguage(site,
                              [&site, &current](const http::Request& request, Language language) {
                                return CatalogPage(site, *current.Get(), request, language);
                              }),
             {.name = "rights_catalog", .access = is_public});
  router.Get("/{lang}/rights/screen",
             web::ForLanguage(site, [&site](const http::Request& request,
                                            Language language) { return QuestionnairePage(site, request, language); }),
             {.name = "rights_questionnaire", .access = is_public});
  router.Post("/{lang}/rights/screen",
              web::ForLanguage(site,
                               [&site, &current](const http::Request& request, Language language) {
                                 return ResultPage(site, *current.Get(), request, language);
                               }),
              {.name = "rights_screen", .access = is_public});
  router.Post("/{lang}/rights/flyer",
              web::ForLanguage(site,
                               [&site, &current](const http::Request& request, Language language) {
                                 return FlyerPage(site, *current.Get(), request, language);
                               }),
              {.name = "rights_flyer", .access = is_public});
  router.Post("/{lang}/rights/pack",
              web::ForLanguage(site,
                               [&site, &current, find_offices = std::move(find_offices)](const http::Request& request,
                                                                                         Language language) {
                                 return PackPage(site, *current.Get(), find_offices, request, language);
                               }),
              {.name = "rights_pack", .access = is_public});
  router.Get("/{lang}/rights/{right_id}",
             web::ForLanguage(site,
                              [&site, &current](const http::Request& request, Language language) {
                                return RightPage(site, *current.Get(), request, language);
                              }),
             {.name = "rights_right", .access = is_public});
}

}  // namespace zoneatlas::rights
