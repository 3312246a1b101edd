// Zone editors rework an action line as it takes shape (see pages.hpp): its words, who
// carries it, the working group, the signals it answers and the initiatives of the inventory
// that carry it out.
#include <boost/json.hpp>
#include <expected>
#include <set>

#include "accounts/routes.hpp"
#include "consultations/page_parts.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::consultations {
namespace {

namespace json = boost::json;
using web::Choices;

// The action line of the path, when the signed-in user edits its zone; else the page to
// answer with.
std::expected<ActionLine, http::Response> EditedLine(const web::Site& site, Services& services,
                                                     const http::Request& request, Language language) {
  return web::ForZoneEditorOf(site, request, language,
                              services.store.FindActionLine(std::string(request.PathParam("action_line_id"))));
}

Form FormOf(const ActionLine& line) {
  Form form{{"title", line.title},
            {"description", line.description},
            {"theme", line.theme},
            {"status", std::string(Code(line.status))},
            {"owner", line.owner},
            {"working_group_id", line.working_group_id},
            {"working_group", line.working_group}};
  for (const std::string& id : line.signal_ids) form.emplace("signals", id);
  for (const std::string& id : line.initiative_ids) form.emplace("initiatives", id);
  return form;
}

// The signals the line may answer: its meeting's, else those it answers already.
Result<std::vector<std::pair<std::string, std::string>>> Answerable(Services& services, const ActionLine& line) {
  std::vector<std::pair<std::string, std::string>> signals;
  if (!line.consultation_id.empty()) {
    auto meeting = services.store.Find(line.consultation_id);
    if (!meeting) return Fail(meeting.error());
    for (const Signal& signal : meeting->signals) signals.emplace_back(signal.id, signal.description);
    return signals;
  }
  for (const std::string& id : line.signal_ids) signals.emplace_back(id, id);
  return signals;
}

std::vector<std::pair<std::string, std::string>> ZoneInitiatives(Services& services, const std::string& zone_id) {
  return services.zone_initiatives ? services.zone_initiatives(zone_id)
                                   : std::vector<std::pair<std::string, std::string>>{};
}

http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const ActionLine& line, const Form& typed, const std::vector<Problem>& problems, int status) {
  const auto field = [&](const char* name) { return http::FormField(typed, name); };
  auto groups = GroupChoices(services, line.zone_id, field("working_group_id"));
  if (!groups) return web::ErrorPage(site, request, language, groups.error());
  auto signals = Answerable(services, line);
  if (!signals) return web::ErrorPage(site, request, language, signals.error());
  json::array statuses;
  for (const ActionStatus choice : kActionStatuses) {
    statuses.push_back(json::object{{"code", Code(choice)},
                                    {"name", StatusLabel(site, language, choice)},
                                    {"selected", Code(choice) == field("status")}});
  }
  const auto initiatives = ZoneInitiatives(services, line.zone_id);
  const std::string heading =
      site.renderer.catalog().Format(language, "consultations_line_edit_title", {{"title", line.title}});
  json::object model{
      {"heading", heading},
      {"zone_href", web::Href(language, "/zones/" + line.zone_id + "/consultations") + "#action-lines"},
      {"action", web::Href(language, "/action-lines/" + line.id + "/edit")},
      {"line_title", field("title")},
      {"description", field("description")},
      {"owner", field("owner")},
      {"working_group", field("working_group")},
      {"groups", std::move(*groups)},
      {"themes", web::Choices(services.vocabulary.themes, language, {field("theme")})},
      {"statuses", std::move(statuses)},
      {"signals", Choices(*signals, http::FormValues(typed, "signals"))},
      {"has_signals", !signals->empty()},
      {"initiatives", Choices(initiatives, http::FormValues(typed, "initiatives"))},
      {"has_initiatives", !initiatives.empty()},
      {"has_problems", !problems.empty()},
      {"problems", ProblemsModel(site, problems, language)},
  };
  AddForm(request, model);
  return NoStore(web::Page(site, request, language, "consultations_line_edit", heading, std::move(model), status));
}

http::Response EditPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto line = EditedLine(site, services, request, language);
  if (!line) return std::move(line.error());
  return FormPage(site, services, request, language, *line, FormOf(*line), {}, 200);
}

http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto recorded = EditedLine(site, services, request, language);
  if (!recorded) return std::move(recorded.error());
  ActionLine line = *recorded;
  line.title = std::string(text::Trim(http::FormField(*form, "title")));
  line.description = std::string(text::Trim(http::FormField(*form, "description")));
  line.theme = http::FormField(*form, "theme");
  line.status = ParseActionStatus(http::FormField(*form, "status")).value_or(recorded->status);
  line.owner = std::string(text::Trim(http::FormField(*form, "owner")));
  line.working_group_id = http::FormField(*form, "working_group_id");
  line.working_group =
      line.working_group_id.empty() ? std::string(text::Trim(http::FormField(*form, "working_group"))) : std::string();
  line.signal_ids = http::FormValues(*form, "signals");
  line.initiative_ids = http::FormValues(*form, "initiatives");
  auto problems = services.store.Problems(line);
  if (!problems) return web::ErrorPage(site, request, language, problems.error());
  // Only initiatives of the zone's own inventory carry its action lines.
  std::set<std::string> known;
  for (const auto& [id, title] : ZoneInitiatives(services, line.zone_id)) known.insert(id);
  for (const std::string& id : line.initiative_ids) {
    if (!known.contains(id)) {
      problems->push_back({"initiatives", "'" + id + "' is not an initiative of " + line.zone_id});
      break;
    }
  }
  if (!problems->empty()) return FormPage(site, services, request, language, *recorded, *form, *problems, 422);
  if (auto saved = services.store.Update(line, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(
      web::Href(language, "/zones/" + line.zone_id + "/consultations") + "?moved=1#line-" + line.id, 303);
}

}  // namespace

void AddActionLineRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string editors(web::kZoneEditor);
  // The zone of an action line is its record's, checked by the handlers.
  router.Get("/{lang}/action-lines/{action_line_id}/edit",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return EditPage(site, services, request, language);
                              }),
             {.name = "action_line_edit", .access = editors});
  router.Post(
      "/{lang}/action-lines/{action_line_id}/edit",
      web::ForLanguage(site, [&site, &services](const http::Request& request,
                                                Language language) { return Save(site, services, request, language); }),
      {.name = "action_line_save", .access = editors});
}

}  // namespace zoneatlas::consultations
