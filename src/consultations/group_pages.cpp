// Working groups on the web (see pages.hpp): a zone's groups, a group's page with its
// members, meetings and action lines, and the forms zone editors set one up and keep its
// members current with.
#include <boost/json.hpp>

#include "accounts/routes.hpp"
#include "consultations/page_parts.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::consultations {
namespace {

namespace json = boost::json;

http::Response GroupsPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                          const Form& typed = {}, const std::vector<Problem>& problems = {}, int status = 200) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto groups = services.store.Groups(zone_id);
  if (!groups) return web::ErrorPage(site, request, language, groups.error());
  auto meetings = services.store.SharedList({.zone_id = zone_id, .year = std::nullopt});
  if (!meetings) return web::ErrorPage(site, request, language, meetings.error());
  auto lines = services.store.SharedActionLines(zone_id);
  if (!lines) return web::ErrorPage(site, request, language, lines.error());
  json::array items;
  for (const WorkingGroup& group : *groups) {
    const auto meeting_count =
        std::count_if((*meetings)->begin(), (*meetings)->end(),
                      [&](const Consultation& meeting) { return meeting.working_group_id == group.id; });
    const auto line_count = std::count_if((*lines)->begin(), (*lines)->end(),
                                          [&](const ActionLine& line) { return line.working_group_id == group.id; });
    items.push_back(json::object{{"name", group.name},
                                 {"lang", LanguageCode(group.language)},
                                 {"href", web::Href(language, "/working-groups/" + group.id)},
                                 {"theme", ThemeName(services, group.theme, language)},
                                 {"organisations", group.organisations.size()},
                                 {"meetings", meeting_count},
                                 {"action_lines", line_count}});
  }
  const bool editing = web::EditsZone(request.identity.get(), zone_id);
  json::array messages;
  for (const Problem& problem : problems) {
    messages.emplace_back(Message(site, language, "consultations_problem_" + problem.field));
  }
  const std::string zone_name = zone->names.In(language);
  json::object model{
      {"zone", zone_name},
      {"zone_href", web::Href(language, "/zones/" + zone_id + "/consultations")},
      {"groups", std::move(items)},
      {"has_groups", !groups->empty()},
      {"editing", editing},
      {"action", web::Href(language, "/zones/" + zone_id + "/working-groups")},
      {"themes", web::Choices(services.vocabulary.themes, language, {http::FormField(typed, "theme")})},
      {"typed_name", http::FormField(typed, "name")},
      {"purpose", http::FormField(typed, "purpose")},
      {"typed_organisations", http::FormField(typed, "organisations")},
      {"people", http::FormField(typed, "people")},
      {"problems", std::move(messages)},
  };
  AddForm(request, model);
  http::Response page =
      web::Page(site, request, language, "consultations_groups",
                site.renderer.catalog().Format(language, "consultations_groups_title", {{"zone", zone_name}}),
                std::move(model), status);
  return editing ? NoStore(std::move(page)) : page;
}

http::Response CreateGroup(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  if (!web::EditsZone(request.identity.get(), zone_id)) {
    return web::ErrorPage(site, request, language, Error::PermissionDenied("you do not edit this zone"));
  }
  WorkingGroup group;
  group.zone_id = zone_id;
  group.name = std::string(text::Trim(http::FormField(*form, "name")));
  group.theme = http::FormField(*form, "theme");
  group.purpose = std::string(text::Trim(http::FormField(*form, "purpose")));
  group.organisations = Lines(http::FormField(*form, "organisations"));
  group.people = Lines(http::FormField(*form, "people"));
  group.language = language;
  if (auto problems = Check(group, services.vocabulary); !problems.empty()) {
    return GroupsPage(site, services, request, language, *form, problems, 422);
  }
  auto id = services.store.Add(std::move(group), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/working-groups/" + *id), 303);
}

// `typed` and `problems`: what the editors' form came back with.
http::Response GroupPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                         const Form& typed = {}, const std::vector<Problem>& problems = {}, int status = 200) {
  auto group = services.store.FindGroup(std::string(request.PathParam("working_group_id")));
  if (!group) return web::ErrorPage(site, request, language, group.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto meetings = services.store.SharedList({.zone_id = group->zone_id, .year = std::nullopt});
  if (!meetings) return web::ErrorPage(site, request, language, meetings.error());
  auto lines = services.store.SharedActionLines(group->zone_id);
  if (!lines) return web::ErrorPage(site, request, language, lines.error());
  const bool editing = web::EditsZone(request.identity.get(), group->zone_id);
  json::array meeting_items, line_items;
  std::map<std::string, std::string> titles;
  for (const Consultation& meeting : **meetings) {
    titles[meeting.id] = meeting.title;
    if (meeting.working_group_id != group->id) continue;
    meeting_items.push_back(json::object{{"title", meeting.title},
                                         {"lang", LanguageCode(meeting.language)},
                                         {"href", web::Href(language, "/consultations/" + meeting.id)},
                                         {"held_on", ShowDate(meeting.held_on, language)}});
  }
  for (const ActionLine& line : **lines) {
    if (line.working_group_id != group->id) continue;
    line_items.push_back(ActionLineModel(site, services, line, titles, names->groups, editing, language));
  }
  // People's names only for signed-in professionals: members agreed to be reachable by
  // colleagues, not to be listed on the open web.
  const bool show_people = web::Allows(web::kProfessional, request.identity.get());
  const auto joined = [](const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
      if (!text.empty()) text += "; ";
      text += item;
    }
    return text;
  };
  const bool has_meetings = !meeting_items.empty(), has_action_lines = !line_items.empty();
  json::object model{
      {"name", group->name},
      {"content_lang", LanguageCode(group->language)},
      {"theme", ThemeName(services, group->theme, language)},
      {"zone", NameOr(names->zones, group->zone_id)},
      {"groups_href", web::Href(language, "/zones/" + group->zone_id + "/working-groups")},
      {"purpose", group->purpose},
      {"organisations", joined(group->organisations)},
      {"people", show_people ? joined(group->people) : ""},
      {"people_hidden", !show_people && !group->people.empty()},
      {"demo", group->demo},
      {"meetings", std::move(meeting_items)},
      {"has_meetings", has_meetings},
      {"action_lines", std::move(line_items)},
      {"has_action_lines", has_action_lines},
  };
  if (editing) {
    // The form starts from the group as recorded; every key is its own, so that none is read
    // from the page around it.
    const bool back = !typed.empty();
    const auto field = [&](const char* name, const std::string& recorded) {
      return back ? http::FormField(typed, name) : recorded;
    };
    model["edit_form"] = json::object{
        {"action", web::Href(language, "/working-groups/" + group->id + "/edit")},
        {"form_name", field("name", group->name)},
        {"form_purpose", field("purpose", group->purpose)},
        {"form_organisations", field("organisations", text::JoinList(group->organisations, '\n'))},
        {"form_people", field("people", text::JoinList(group->people, '\n'))},
        {"themes", web::Choices(services.vocabulary.themes, language, {field("theme", group->theme)})},
        {"problems", ProblemsModel(site, problems, language)},
        {"has_problems", !problems.empty()},
    };
  }
  AddForm(request, model);
  http::Response page =
      web::Page(site, request, language, "consultations_group", group->name, std::move(model), status);
  return editing || show_people ? NoStore(std::move(page)) : page;
}

// The group's name, theme, purpose and members as its zone's editor changed them.
http::Response SaveGroup(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto group = web::ForZoneEditorOf(site, request, language,
                                    services.store.FindGroup(std::string(request.PathParam("working_group_id"))));
  if (!group) return std::move(group.error());
  group->name = std::string(text::Trim(http::FormField(*form, "name")));
  group->theme = http::FormField(*form, "theme");
  group->purpose = std::string(text::Trim(http::FormField(*form, "purpose")));
  group->organisations = Lines(http::FormField(*form, "organisations"));
  group->people = Lines(http::FormField(*form, "people"));
  if (auto problems = Check(*group, services.vocabulary); !problems.empty()) {
    return GroupPage(site, services, request, language, *form, problems, 422);
  }
  if (auto saved = services.store.Update(*group, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(web::Href(language, "/working-groups/" + group->id), 303);
}

}  // namespace

void AddGroupRoutes(http::Router& router, const web::Site& site, Services& services) {
  router.Get("/{lang}/zones/{zone_id}/working-groups",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return GroupsPage(site, services, request, language);
                              }),
             {.name = "working_groups", .access = std::string(web::kPublic)});
  router.Post("/{lang}/zones/{zone_id}/working-groups",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return CreateGroup(site, services, request, language);
                               }),
              {.name = "working_group_create", .access = std::string(web::kZoneEditor)});
  router.Get("/{lang}/working-groups/{working_group_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return GroupPage(site, services, request, language);
                              }),
             {.name = "working_group", .access = std::string(web::kPublic)});
  router.Post("/{lang}/working-groups/{working_group_id}/edit",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return SaveGroup(site, services, request, language);
                               }),
              {.name = "working_group_save", .access = std::string(web::kZoneEditor)});
}

}  // namespace zoneatlas::consultations
