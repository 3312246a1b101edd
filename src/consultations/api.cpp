// The consultations' JSON API (see pages.hpp): meetings, the year's synthesis, action lines
// and working groups, public like the pages.
#include <boost/json.hpp>

#include "consultations/pages.hpp"
#include "consultations/synthesis.hpp"
#include "core/text.hpp"
#include "web/access.hpp"

namespace zoneatlas::consultations {
namespace {

namespace json = boost::json;

json::object SignalJson(const Signal& signal) {
  json::array groups(signal.target_groups.begin(), signal.target_groups.end());
  json::array areas(signal.areas.begin(), signal.areas.end());
  return json::object{{"id", signal.id},           {"kind", Code(signal.kind)},
                      {"theme", signal.theme},     {"target_groups", std::move(groups)},
                      {"areas", std::move(areas)}, {"description", signal.description},
                      {"quote", signal.quote}};
}

json::object ConsultationJson(const Consultation& meeting) {
  json::array signals;
  for (const Signal& signal : meeting.signals) signals.push_back(SignalJson(signal));
  return json::object{
      {"id", meeting.id},
      {"zone", meeting.zone_id},
      {"working_group_id",
       meeting.working_group_id.empty() ? json::value(nullptr) : json::value(meeting.working_group_id)},
      {"held_on", meeting.held_on.ToIso()},
      {"kind", Code(meeting.kind)},
      {"theme", meeting.theme},
      {"title", meeting.title},
      {"language", LanguageCode(meeting.language)},
      {"organisations", json::array(meeting.organisations.begin(), meeting.organisations.end())},
      {"professions", json::array(meeting.professions.begin(), meeting.professions.end())},
      {"participants", meeting.participants ? json::value(*meeting.participants) : json::value(nullptr)},
      {"summary", meeting.summary},
      {"demo", meeting.demo},
      {"signals", std::move(signals)},
  };
}

json::object ActionLineJson(const ActionLine& line) {
  return json::object{
      {"id", line.id},
      {"zone", line.zone_id},
      {"consultation", line.consultation_id.empty() ? json::value(nullptr) : json::value(line.consultation_id)},
      {"theme", line.theme},
      {"title", line.title},
      {"description", line.description},
      {"status", Code(line.status)},
      {"owner", line.owner},
      {"working_group", line.working_group},
      {"signals", json::array(line.signal_ids.begin(), line.signal_ids.end())},
      {"language", LanguageCode(line.language)},
      {"demo", line.demo}};
}

// ?zone= and ?year= of an API request; kInvalidArgument for a year that is not one.
Result<Filter> ApiFilter(const http::Request& request) {
  Filter filter{.zone_id = request.Query("zone").value_or(""), .year = std::nullopt};
  if (const auto year = request.Query("year")) {
    const auto parsed = text::ParseInteger(*year);
    if (!parsed || *parsed < 2000 || *parsed > 2100) return Fail(Error::InvalidArgument("year: '" + *year + "'"));
    filter.year = static_cast<int>(*parsed);
  }
  return filter;
}

http::Response JsonOf(const json::value& value) { return http::Response::Json(json::serialize(value)); }

json::object GroupJson(const WorkingGroup& group) {
  return json::object{{"id", group.id},
                      {"zone", group.zone_id},
                      {"theme", group.theme},
                      {"name", group.name},
                      {"purpose", group.purpose},
                      {"organisations", json::array(group.organisations.begin(), group.organisations.end())},
                      {"language", LanguageCode(group.language)},
                      {"demo", group.demo}};
}

}  // namespace

void AddApiRoutes(http::Router& router, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/api/v1/consultations",
             [&services](const http::Request& request) {
               auto filter = ApiFilter(request);
               if (!filter) return web::Problem(filter.error());
               auto meetings = services.store.List(*filter);
               if (!meetings) return web::Problem(meetings.error());
               json::array items;
               for (const Consultation& meeting : *meetings) items.push_back(ConsultationJson(meeting));
               return JsonOf(json::object{{"consultations", std::move(items)}});
             },
             {.name = "api_consultations", .access = everyone});
  router.Get("/api/v1/consultations/synthesis",
             [&services](const http::Request& request) {
               auto filter = ApiFilter(request);
               if (!filter) return web::Problem(filter.error());
               if (!filter->zone_id.empty()) {
                 // A zone as it was at the end of the year asked for, or as it is.
                 const Date date = filter->year ? *Date::FromYmd(*filter->year, 12, 31) : Date::Today();
                 if (auto zone = services.geography.FindZone(filter->zone_id, date); !zone) {
                   return web::Problem(zone.error());
                 }
               }
               auto meetings = services.store.SharedList(*filter);
               if (!meetings) return web::Problem(meetings.error());
               auto lines = services.store.SharedActionLines(filter->zone_id);
               if (!lines) return web::Problem(lines.error());
               const Synthesis synthesis = Synthesize(**meetings, **lines,
                                                      {.theme = request.Query("theme").value_or(""),
                                                       .target_group = request.Query("target_group").value_or("")});
               const auto counts = [](const std::vector<Count>& list) {
                 json::array rows;
                 for (const Count& count : list)
                   rows.push_back(json::object{{"id", count.id}, {"signals", count.count}});
                 return rows;
               };
               json::object outcomes{{"none", synthesis.without_answer}};
               for (const ActionStatus status : kActionStatuses) {
                 const auto found = synthesis.by_outcome.find(status);
                 outcomes[Code(status)] = found == synthesis.by_outcome.end() ? 0 : found->second;
               }
               json::array signals;
               for (const SignalOutcome& outcome : synthesis.outcomes) {
                 json::object item = SignalJson(*outcome.signal);
                 item["consultation"] = outcome.meeting->id;
                 item["outcome"] = outcome.outcome ? json::value(Code(*outcome.outcome)) : json::value(nullptr);
                 json::array answers;
                 for (const ActionLine* line : outcome.answers) answers.emplace_back(line->id);
                 item["action_lines"] = std::move(answers);
                 signals.push_back(std::move(item));
               }
               return JsonOf(
                   json::object{{"zone", filter->zone_id.empty() ? json::value(nullptr) : json::value(filter->zone_id)},
                                {"year", filter->year ? json::value(*filter->year) : json::value(nullptr)},
                                {"meetings", synthesis.meetings},
                                {"zones", synthesis.zones},
                                {"organisations", synthesis.organisations},
                                {"signals", synthesis.signals},
                                {"needs", synthesis.needs},
                                {"difficulties", synthesis.difficulties},
                                {"themes", counts(synthesis.themes)},
                                {"target_groups", counts(synthesis.target_groups)},
                                {"outcomes", std::move(outcomes)},
                                {"signal_outcomes", std::move(signals)}});
             },
             {.name = "api_consultations_synthesis", .access = everyone});
  router.Get("/api/v1/consultations/{consultation_id}",
             [&services](const http::Request& request) {
               auto meeting = services.store.Find(std::string(request.PathParam("consultation_id")));
               if (!meeting) return web::Problem(meeting.error());
               return JsonOf(ConsultationJson(*meeting));
             },
             {.name = "api_consultation", .access = everyone});
  router.Get("/api/v1/action-lines",
             [&services](const http::Request& request) {
               auto lines = services.store.ActionLines(request.Query("zone").value_or(""));
               if (!lines) return web::Problem(lines.error());
               json::array items;
               for (const ActionLine& line : *lines) items.push_back(ActionLineJson(line));
               return JsonOf(json::object{{"action_lines", std::move(items)}});
             },
             {.name = "api_action_lines", .access = everyone});
  router.Get("/api/v1/working-groups",
             [&services](const http::Request& request) {
               auto groups = services.store.Groups(request.Query("zone").value_or(""));
               if (!groups) return web::Problem(groups.error());
               json::array items;
               for (const WorkingGroup& group : *groups) items.push_back(GroupJson(group));
               return JsonOf(json::object{{"working_groups", std::move(items)}});
             },
             {.name = "api_working_groups", .access = everyone});
}
}  // namespace zoneatlas::consultations
