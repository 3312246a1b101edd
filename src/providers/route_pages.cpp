// Zone editors write their zone's referral routes (see pages.hpp): for a question people
// bring, the services to go to in order, each with what it does, how to find it on the
// social map and the rights worth checking on the way.
#include <boost/json.hpp>
#include <map>
#include <set>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "providers/pages.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::providers {
namespace {

namespace json = boost::json;
using web::Choices;
using Form = std::multimap<std::string, std::string>;

// Steps the form offers: those typed, and two empty ones to add, within this bound.
constexpr std::size_t kMaxSteps = 8;

std::string Field(const Form& form, const std::string& name) {
  return std::string(text::Trim(http::FormField(form, name)));
}
std::string StepField(std::size_t i, const char* name) { return "step" + std::to_string(i) + "_" + name; }

Form FormOf(const Route& route) {
  Form form{{"question", route.question}, {"description", route.description}, {"theme", route.theme}};
  for (const std::string& group : route.target_groups) form.emplace("target_groups", group);
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    const Step& step = route.steps[i];
    form.emplace(StepField(i, "service"), step.service);
    form.emplace(StepField(i, "what"), step.what);
    form.emplace(StepField(i, "q"), step.social_map_q);
    form.emplace(StepField(i, "theme"), step.theme);
    for (const std::string& right : step.rights) form.emplace(StepField(i, "rights"), right);
  }
  return form;
}

// The route typed; steps left empty are no steps.
Route RouteFrom(const Form& form) {
  Route route;
  route.question = Field(form, "question");
  route.description = Field(form, "description");
  route.theme = Field(form, "theme");
  route.target_groups = http::FormValues(form, "target_groups");
  for (std::size_t i = 0; i < kMaxSteps; ++i) {
    Step step{.service = Field(form, StepField(i, "service")),
              .what = Field(form, StepField(i, "what")),
              .social_map_q = Field(form, StepField(i, "q")),
              .theme = Field(form, StepField(i, "theme")),
              .rights = http::FormValues(form, StepField(i, "rights"))};
    if (step.service.empty() && step.what.empty() && step.social_map_q.empty() && step.rights.empty()) continue;
    route.steps.push_back(std::move(step));
  }
  return route;
}

// "Step 2: say which service" for steps[1].service.
std::string ProblemText(const web::Site& site, Language language, const Problem& problem) {
  std::string field = problem.field;
  std::string prefix;
  if (field.starts_with("steps[")) {
    const auto close = field.find("].");
    if (close != std::string::npos) {
      const int number = std::stoi(field.substr(6, close - 6)) + 1;
      prefix =
          site.renderer.catalog().Format(language, "referral_route_problem_in_step", {{"n", std::to_string(number)}}) +
          " ";
      field = "step_" + field.substr(close + 2);
    }
  }
  return prefix + std::string(site.renderer.catalog().Get(language, "referral_route_problem_" + field));
}

// `editing`: the route the form changes; null for a new one.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Route* editing, const Form& typed, const std::vector<Problem>& problems, int status) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  std::vector<std::pair<std::string, std::string>> themes, groups;
  for (const VocabularyTerm& term : services.vocabulary.themes) themes.emplace_back(term.id, term.In(language));
  for (const VocabularyTerm& term : services.vocabulary.target_groups) groups.emplace_back(term.id, term.In(language));
  const auto rights = services.rights ? services.rights(language) : std::vector<std::pair<std::string, std::string>>{};
  std::size_t filled = 0;
  for (std::size_t i = 0; i < kMaxSteps; ++i) {
    if (!Field(typed, StepField(i, "service")).empty() || !Field(typed, StepField(i, "what")).empty()) filled = i + 1;
  }
  json::array steps;
  for (std::size_t i = 0; i < std::min(kMaxSteps, std::max<std::size_t>(filled + 2, 3)); ++i) {
    std::vector<std::pair<std::string, std::string>> step_themes{{"", "–"}};
    step_themes.insert(step_themes.end(), themes.begin(), themes.end());
    steps.push_back(json::object{
        {"index", i},
        {"number", i + 1},
        {"service", Field(typed, StepField(i, "service"))},
        {"what", Field(typed, StepField(i, "what"))},
        {"q", Field(typed, StepField(i, "q"))},
        {"themes", Choices(step_themes, {Field(typed, StepField(i, "theme"))})},
        {"rights", Choices(rights, http::FormValues(typed, StepField(i, "rights")))},
    });
  }
  json::array messages;
  for (const Problem& problem : problems) messages.emplace_back(ProblemText(site, language, problem));
  const std::string zone_name = zone->names.In(language);
  const std::string base = "/zones/" + zone_id + "/referral-routes";
  const std::string heading =
      editing ? site.renderer.catalog().Format(language, "referral_route_edit_title", {{"question", editing->question}})
              : site.renderer.catalog().Format(language, "referral_route_new_title", {{"zone", zone_name}});
  json::object model{
      {"zone", zone_name},
      {"heading", heading},
      {"editing", editing != nullptr},
      {"routes_href", web::Href(language, base)},
      {"route_href", editing ? web::Href(language, base + "/" + editing->id) : ""},
      {"action", web::Href(language, base + "/" + (editing ? editing->id + "/edit" : "new"))},
      {"question", Field(typed, "question")},
      {"description", Field(typed, "description")},
      {"themes", Choices(themes, {Field(typed, "theme")})},
      {"groups", Choices(groups, http::FormValues(typed, "target_groups"))},
      {"steps", std::move(steps)},
      {"has_problems", !messages.empty()},
      {"problems", std::move(messages)},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity ? request.identity->csrf_token : ""},
  };
  http::Response page = web::Page(site, request, language, "referral_route_form", heading, std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

Result<Route> PathRoute(Services& services, const http::Request& request) {
  auto route = services.store.FindRoute(std::string(request.PathParam("route_id")));
  if (!route) return Fail(route.error());
  if (route->zone_id != request.PathParam("zone_id")) return Fail(Error::NotFound("no such route in this zone"));
  return route;
}

http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language,
                    const Route* recorded) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  Route route = RouteFrom(*form);
  route.id = recorded ? recorded->id : "";
  route.zone_id = std::string(request.PathParam("zone_id"));
  route.language = recorded ? recorded->language : language;
  Route checked = route;
  if (checked.id.empty()) checked.id = "new";  // Check wants one; SaveRoute gives the real one.
  auto problems = services.store.Problems(checked);
  if (!problems) return web::ErrorPage(site, request, language, problems.error());
  std::set<std::string> known;
  if (services.rights) {
    for (const auto& [id, name] : services.rights(language)) known.insert(id);
  }
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    for (const std::string& right : route.steps[i].rights) {
      if (!known.contains(right)) {
        problems->push_back({"steps[" + std::to_string(i) + "].rights", "'" + right + "' is not a right"});
        break;
      }
    }
  }
  if (!problems->empty()) return FormPage(site, services, request, language, recorded, *form, *problems, 422);
  auto id = services.store.SaveRoute(std::move(route), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(
      web::Href(language, "/zones/" + std::string(request.PathParam("zone_id")) + "/referral-routes/" + *id), 303);
}

}  // namespace

void AddRouteEditRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string editors(web::kZoneEditor);
  router.Get("/{lang}/zones/{zone_id}/referral-routes/new",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  return FormPage(site, services, request, language, nullptr, {}, {}, 200);
                                }),
             {.name = "referral_route_new", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/referral-routes/new",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Save(site, services, request, language, nullptr);
                                 }),
              {.name = "referral_route_add", .access = editors});
  router.Get("/{lang}/zones/{zone_id}/referral-routes/{route_id}/edit",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  auto route = PathRoute(services, request);
                                  if (!route) return web::ErrorPage(site, request, language, route.error());
                                  return FormPage(site, services, request, language, &*route, FormOf(*route), {}, 200);
                                }),
             {.name = "referral_route_edit", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/referral-routes/{route_id}/edit",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   auto route = PathRoute(services, request);
                                   if (!route) return web::ErrorPage(site, request, language, route.error());
                                   return Save(site, services, request, language, &*route);
                                 }),
              {.name = "referral_route_save", .access = editors});
}

}  // namespace zoneatlas::providers
