#include "consultations/page_parts.hpp"

#include <boost/json.hpp>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"

namespace zoneatlas::consultations {

namespace json = boost::json;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string ShowDate(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

std::string ThemeName(const Services& services, const std::string& id, Language language) {
  const Term* term = services.vocabulary.FindTheme(id);
  return term ? term->In(language) : id;
}

std::string TargetGroupName(const Services& services, const std::string& id, Language language) {
  const Term* term = services.vocabulary.FindTargetGroup(id);
  return term ? term->In(language) : id;
}

Result<Names> NamesFor(const Services& services, Language language) {
  auto places = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!places) return Fail(places.error());
  Names names{.zones = std::move(places->zones), .areas = std::move(places->areas), .groups = {}};
  auto groups = services.store.Groups("");
  if (!groups) return Fail(groups.error());
  for (const WorkingGroup& group : *groups) names.groups[group.id] = group.name;
  return names;
}

std::string NameOr(const std::map<std::string, std::string>& names, const std::string& id) {
  const auto found = names.find(id);
  return found == names.end() ? id : found->second;
}

std::string StatusLabel(const web::Site& site, Language language, ActionStatus status) {
  return Message(site, language, "consultations_status_" + std::string(Code(status)));
}

void AddForm(const http::Request& request, json::object& model) {
  model["csrf_field"] = http::kCsrfField;
  model["csrf_token"] = request.identity ? request.identity->csrf_token : "";
}

http::Response NoStore(http::Response page) {
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string_view line : text::Split(text, '\n')) {
    line = text::Trim(line);
    if (!line.empty()) lines.emplace_back(line);
  }
  return lines;
}

json::object ActionLineModel(const web::Site& site, const Services& services, const ActionLine& line,
                             const std::map<std::string, std::string>& meeting_titles,
                             const std::map<std::string, std::string>& group_names, bool editing, Language language) {
  json::array statuses;
  for (const ActionStatus status : kActionStatuses) {
    statuses.push_back(json::object{
        {"code", Code(status)}, {"name", StatusLabel(site, language, status)}, {"selected", status == line.status}});
  }
  const auto meeting = meeting_titles.find(line.consultation_id);
  json::array initiatives;
  for (const std::string& id : line.initiative_ids) {
    const auto title = services.initiative_title ? services.initiative_title(id) : std::nullopt;
    initiatives.push_back(
        json::object{{"title", title.value_or(id)}, {"href", web::Href(language, "/initiatives/" + id)}});
  }
  return json::object{
      {"id", line.id},
      {"title", line.title},
      {"description", line.description},
      {"lang", LanguageCode(line.language)},
      {"theme", ThemeName(services, line.theme, language)},
      {"status", StatusLabel(site, language, line.status)},
      {"status_code", Code(line.status)},
      {"owner", line.owner},
      {"working_group",
       line.working_group_id.empty() ? line.working_group : NameOr(group_names, line.working_group_id)},
      {"working_group_href",
       line.working_group_id.empty() ? "" : web::Href(language, "/working-groups/" + line.working_group_id)},
      {"signals", line.signal_ids.size()},
      {"has_initiatives", !initiatives.empty()},
      {"initiatives", std::move(initiatives)},
      {"meeting", meeting == meeting_titles.end() ? "" : meeting->second},
      {"meeting_href",
       line.consultation_id.empty() ? "" : web::Href(language, "/consultations/" + line.consultation_id)},
      {"editing", editing},
      {"statuses", std::move(statuses)},
      {"status_action", web::Href(language, "/action-lines/" + line.id + "/status")},
      {"edit_href", web::Href(language, "/action-lines/" + line.id + "/edit")},
  };
}

// The zone's working groups to choose from, the chosen one marked ("" for none).
Result<json::array> GroupChoices(const Services& services, const std::string& zone_id, const std::string& chosen) {
  auto groups = services.store.Groups(zone_id);
  if (!groups) return Fail(groups.error());
  json::array choices;
  for (const WorkingGroup& group : *groups) {
    choices.push_back(json::object{{"id", group.id}, {"name", group.name}, {"selected", group.id == chosen}});
  }
  return choices;
}

// The form's problems in the reader's language: "Signal 2: a description is required".
json::array ProblemsModel(const web::Site& site, const std::vector<Problem>& problems, Language language) {
  json::array messages;
  for (const Problem& problem : problems) {
    std::string field = problem.field;
    std::string prefix;
    if (field.starts_with("signals[")) {
      const auto close = field.find("].");
      if (close != std::string::npos) {
        prefix = site.renderer.catalog().Format(language, "consultations_problem_in_signal",
                                                {{"n", field.substr(8, close - 8)}}) +
                 " ";
        field = field.substr(close + 2);
      }
    }
    messages.emplace_back(prefix + Message(site, language, "consultations_problem_" + field));
  }
  return messages;
}

}  // namespace zoneatlas::consultations
