// Zone editors write their zone's multi-year plan on the web (see pages.hpp): a goal in
// plain words and the years it runs; initiatives then name the goal they serve.
#include <boost/json.hpp>
#include <map>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "initiatives/pages.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::initiatives {
namespace {

namespace json = boost::json;
using Form = std::multimap<std::string, std::string>;

std::string Field(const Form& form, const char* name) { return std::string(text::Trim(http::FormField(form, name))); }

// `editing`: the goal the form changes; null for a new one.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Goal* editing, const Form& typed, const std::vector<Problem>& problems, int status) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  json::array messages;
  for (const Problem& problem : problems) {
    messages.emplace_back(site.renderer.catalog().Get(language, "initiatives_goal_problem_" + problem.field));
  }
  const std::string zone_name = zone->names.In(language);
  const std::string heading =
      editing ? site.renderer.catalog().Format(language, "initiatives_goal_edit_title", {{"title", editing->title}})
              : site.renderer.catalog().Format(language, "initiatives_goal_new_title", {{"zone", zone_name}});
  const std::string base = "/zones/" + zone_id + "/plan";
  json::object model{
      {"zone", zone_name},
      {"heading", heading},
      {"editing", editing != nullptr},
      {"plan_href", web::Href(language, base)},
      {"action", web::Href(language, base + "/goals/" + (editing ? editing->id + "/edit" : "new"))},
      {"remove_action", editing ? web::Href(language, base + "/goals/" + editing->id + "/remove") : ""},
      {"goal_title", Field(typed, "title")},
      {"description", Field(typed, "description")},
      {"from_year", Field(typed, "from_year")},
      {"until_year", Field(typed, "until_year")},
      {"has_problems", !messages.empty()},
      {"problems", std::move(messages)},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity ? request.identity->csrf_token : ""},
  };
  http::Response page = web::Page(site, request, language, "initiatives_goal", heading, std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

// Saves the goal typed (over `recorded`'s, when it is an edit) and goes back to the plan.
http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language,
                    const Goal* recorded) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  Goal goal;
  goal.id = recorded ? recorded->id : "";
  goal.zone_id = std::string(request.PathParam("zone_id"));
  goal.title = Field(*form, "title");
  goal.description = Field(*form, "description");
  goal.language = recorded ? recorded->language : language;
  const auto from = text::ParseInteger(Field(*form, "from_year"));
  const auto until = text::ParseInteger(Field(*form, "until_year"));
  goal.from_year = from && *from > 0 && *from < 10000 ? static_cast<int>(*from) : 0;
  goal.until_year = until && *until > 0 && *until < 10000 ? static_cast<int>(*until) : 0;
  std::vector<Problem> problems;
  Goal checked = goal;
  if (checked.id.empty()) checked.id = "new";  // Check wants one; SaveGoal gives the real one.
  auto found = services.store.Problems(checked);
  if (!found) return web::ErrorPage(site, request, language, found.error());
  if (!found->empty()) return FormPage(site, services, request, language, recorded, *form, *found, 422);
  auto id = services.store.SaveGoal(std::move(goal), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(
      web::Href(language, "/zones/" + std::string(request.PathParam("zone_id")) + "/plan") + "#goal-" + *id, 303);
}

Result<Goal> PathGoal(Services& services, const http::Request& request) {
  return services.store.FindGoal(std::string(request.PathParam("zone_id")), std::string(request.PathParam("goal_id")));
}

Form FormOf(const Goal& goal) {
  return {{"title", goal.title},
          {"description", goal.description},
          {"from_year", std::to_string(goal.from_year)},
          {"until_year", std::to_string(goal.until_year)}};
}

// Takes the goal out of the plan once the editor ticks that they mean it and no initiative
// serves it any more.
http::Response Remove(const web::Site& site, Services& services, const http::Request& request, Language language,
                      const Goal& goal) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  if (http::FormField(*form, "sure") != "1") {
    return FormPage(site, services, request, language, &goal, FormOf(goal), {{"sure", "not ticked"}}, 422);
  }
  if (auto removed = services.store.RemoveGoal(goal.zone_id, goal.id, {accounts::ActorOf(*request.identity)});
      !removed) {
    if (!removed.error().Is(ErrorCode::kFailedPrecondition)) {
      return web::ErrorPage(site, request, language, removed.error());
    }
    return FormPage(site, services, request, language, &goal, FormOf(goal), {{"served", "initiatives serve it"}}, 409);
  }
  return http::Response::Redirect(web::Href(language, "/zones/" + goal.zone_id + "/plan"), 303);
}

}  // namespace

void AddGoalRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string editors(web::kZoneEditor);
  router.Get("/{lang}/zones/{zone_id}/plan/goals/new",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  return FormPage(site, services, request, language, nullptr, {}, {}, 200);
                                }),
             {.name = "plan_goal_new", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/plan/goals/new",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Save(site, services, request, language, nullptr);
                                 }),
              {.name = "plan_goal_add", .access = editors});
  router.Get("/{lang}/zones/{zone_id}/plan/goals/{goal_id}/edit",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  auto goal = PathGoal(services, request);
                                  if (!goal) return web::ErrorPage(site, request, language, goal.error());
                                  return FormPage(site, services, request, language, &*goal, FormOf(*goal), {}, 200);
                                }),
             {.name = "plan_goal_edit", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/plan/goals/{goal_id}/edit",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   auto goal = PathGoal(services, request);
                                   if (!goal) return web::ErrorPage(site, request, language, goal.error());
                                   return Save(site, services, request, language, &*goal);
                                 }),
              {.name = "plan_goal_save", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/plan/goals/{goal_id}/remove",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   auto goal = PathGoal(services, request);
                                   if (!goal) return web::ErrorPage(site, request, language, goal.error());
                                   return Remove(site, services, request, language, *goal);
                                 }),
              {.name = "plan_goal_remove", .access = editors});
}

}  // namespace zoneatlas::initiatives
