#include "consultations/pages.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "accounts/routes.hpp"
#include "consultations/page_parts.hpp"
#include "consultations/synthesis.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::consultations {
namespace {

namespace json = boost::json;

constexpr int kSignalRowsOnNewMeeting = 3;
// Signals listed per page: the counts cover them all, the list pages through them.
constexpr std::size_t kSignalsPerPage = 50;

// Which page of signals a request asks for (?page=, from 1), and the link to another page.
struct SignalPage {
  std::size_t number = 1;  // 0: every signal on one page, to print the year's report.
  std::string href;        // The page's own address with its filters, without `page`.

  std::string To(std::size_t other) const {
    return href + (href.find('?') == std::string::npos ? "?" : "&") + "page=" + std::to_string(other) +
           "#signals-heading";
  }
};

SignalPage SignalPageOf(const http::Request& request, std::string href) {
  SignalPage page{.number = 1, .href = std::move(href)};
  if (request.Query("all")) {
    page.number = 0;
  } else if (const auto asked = request.Query("page")) {
    const auto number = text::ParseInteger(*asked);
    if (number && *number > 1 && *number < 100000) page.number = static_cast<std::size_t>(*number);
  }
  return page;
}

// The fields of a signal as pages show it.
json::object SignalModel(const web::Site& site, const Services& services, const Names& names, const Signal& signal,
                         Language language) {
  json::array groups, areas;
  for (const std::string& group : signal.target_groups) groups.emplace_back(TargetGroupName(services, group, language));
  for (const std::string& area : signal.areas) areas.emplace_back(NameOr(names.areas, area));
  return json::object{{"id", signal.id},
                      {"kind", Message(site, language, "consultations_signal_" + std::string(Code(signal.kind)))},
                      {"is_need", signal.kind == SignalKind::kNeed},
                      {"theme", ThemeName(services, signal.theme, language)},
                      {"groups", std::move(groups)},
                      {"areas", std::move(areas)},
                      {"description", signal.description},
                      {"quote", signal.quote}};
}

// `with_zone`: pages about several zones name each signal's zone.
json::object OutcomeModel(const web::Site& site, const Services& services, const Names& names,
                          const SignalOutcome& outcome, bool with_zone, Language language) {
  json::object item = SignalModel(site, services, names, *outcome.signal, language);
  item["lang"] = std::string(LanguageCode(outcome.meeting->language));
  item["meeting"] = outcome.meeting->title;
  item["meeting_href"] = web::Href(language, "/consultations/" + outcome.meeting->id);
  item["held_on"] = ShowDate(outcome.meeting->held_on, language);
  if (with_zone) item["zone"] = NameOr(names.zones, outcome.meeting->zone_id);
  item["outcome"] = outcome.outcome ? StatusLabel(site, language, *outcome.outcome)
                                    : Message(site, language, "consultations_outcome_none");
  item["answered"] = outcome.outcome.has_value();
  json::array answers;
  for (const ActionLine* line : outcome.answers) {
    answers.push_back(json::object{{"title", line->title}, {"status", StatusLabel(site, language, line->status)}});
  }
  item["answers"] = std::move(answers);
  return item;
}

json::array CountsModel(const std::vector<Count>& counts, const std::function<std::string(const std::string&)>& name) {
  json::array rows;
  for (const Count& count : counts) rows.push_back(json::object{{"name", name(count.id)}, {"count", count.count}});
  return rows;
}

// The year's synthesis as the monitoring pages show it.
json::object SynthesisModel(const web::Site& site, const Services& services, const Names& names,
                            const Synthesis& synthesis, bool one_zone, const SignalPage& page, Language language) {
  const auto& catalog = site.renderer.catalog();
  json::object model{
      {"summary", catalog.Format(language, one_zone ? "consultations_zone_summary" : "consultations_summary",
                                 {{"meetings", std::to_string(synthesis.meetings)},
                                  {"zones", std::to_string(synthesis.zones)},
                                  {"organisations", std::to_string(synthesis.organisations)}})},
      {"signals_summary", catalog.Format(language, "consultations_signals_summary",
                                         {{"signals", std::to_string(synthesis.signals)},
                                          {"needs", std::to_string(synthesis.needs)},
                                          {"difficulties", std::to_string(synthesis.difficulties)}})},
      {"has_signals", synthesis.signals > 0},
      {"themes",
       CountsModel(synthesis.themes, [&](const std::string& id) { return ThemeName(services, id, language); })},
      {"target_groups", CountsModel(synthesis.target_groups,
                                    [&](const std::string& id) { return TargetGroupName(services, id, language); })},
      {"has_target_groups", !synthesis.target_groups.empty()},
  };
  json::array outcomes{json::object{{"name", Message(site, language, "consultations_outcome_none")},
                                    {"count", synthesis.without_answer}}};
  for (const ActionStatus status : kActionStatuses) {
    const auto found = synthesis.by_outcome.find(status);
    outcomes.push_back(json::object{{"name", StatusLabel(site, language, status)},
                                    {"count", found == synthesis.by_outcome.end() ? 0 : found->second}});
  }
  model["by_outcome"] = std::move(outcomes);
  json::array signals;
  const std::size_t first =
      page.number == 0 ? 0 : std::min((page.number - 1) * kSignalsPerPage, synthesis.outcomes.size());
  const std::size_t last =
      page.number == 0 ? synthesis.outcomes.size() : std::min(first + kSignalsPerPage, synthesis.outcomes.size());
  for (std::size_t i = first; i < last; ++i) {
    signals.push_back(OutcomeModel(site, services, names, synthesis.outcomes[i], !one_zone, language));
  }
  model["signals"] = std::move(signals);
  model["signals_start"] = first + 1;
  if (page.number != 0 && last > first && synthesis.outcomes.size() > kSignalsPerPage) {
    model["signals_range"] = catalog.Format(language, "consultations_signals_range",
                                            {{"from", std::to_string(first + 1)},
                                             {"to", std::to_string(last)},
                                             {"total", std::to_string(synthesis.outcomes.size())}});
  }
  if (first > 0) model["previous_href"] = page.To(page.number - 1);
  if (last < synthesis.outcomes.size()) model["next_href"] = page.To(page.number + 1);
  if (model.contains("signals_range")) {
    model["all_signals_href"] = page.href + (page.href.find('?') == std::string::npos ? "?" : "&") + "all=1";
  }
  return model;
}

// The year asked for (?year=), else the latest with meetings, else this year.
Result<int> ChosenYear(const Services& services, const http::Request& request, const std::string& zone_id,
                       std::vector<int>& years) {
  auto known = services.store.Years(zone_id);
  if (!known) return Fail(known.error());
  years = *known;
  if (const auto asked = request.Query("year")) {
    const auto year = text::ParseInteger(*asked);
    if (!year || *year < 2000 || *year > 2100) return Fail(Error::InvalidArgument("year: '" + *asked + "'"));
    return static_cast<int>(*year);
  }
  return years.empty() ? Date::Today().year() : years.front();
}

json::array YearChoices(const std::vector<int>& years, int chosen) {
  json::array choices;
  bool listed = false;
  for (const int year : years) {
    choices.push_back(json::object{{"year", year}, {"selected", year == chosen}});
    listed = listed || year == chosen;
  }
  if (!listed) choices.push_back(json::object{{"year", chosen}, {"selected", true}});
  return choices;
}

http::Response AllZonesPage(const web::Site& site, Services& services, const http::Request& request,
                            Language language) {
  std::vector<int> years;
  auto year = ChosenYear(services, request, "", years);
  if (!year) return web::ErrorPage(site, request, language, year.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto meetings = services.store.SharedList({.zone_id = "", .year = *year});
  if (!meetings) return web::ErrorPage(site, request, language, meetings.error());
  auto lines = services.store.SharedActionLines("");
  if (!lines) return web::ErrorPage(site, request, language, lines.error());
  const Synthesis synthesis = Synthesize(**meetings, **lines, {});
  const SignalPage page =
      SignalPageOf(request, web::Href(language, "/consultations") + "?year=" + std::to_string(*year));
  json::object model = SynthesisModel(site, services, *names, synthesis, false, page, language);
  // Each zone's share, in the order of the zones' names.
  struct Share {
    std::size_t meetings = 0, signals = 0;
    std::map<std::string, std::size_t> themes;
  };
  std::map<std::string, Share> shares;
  for (const Consultation& meeting : **meetings) {
    Share& share = shares[meeting.zone_id];
    ++share.meetings;
    share.signals += meeting.signals.size();
    for (const Signal& signal : meeting.signals) ++share.themes[signal.theme];
  }
  json::array zones;
  for (const auto& [zone_id, zone_name] : names->zones) {
    const Share& share = shares[zone_id];
    // The theme raised most; on a tie, the first by id.
    const auto top = std::max_element(share.themes.begin(), share.themes.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    zones.push_back(json::object{
        {"name", zone_name},
        {"href", web::Href(language, "/zones/" + zone_id + "/consultations") + "?year=" + std::to_string(*year)},
        {"meetings", share.meetings},
        {"signals", share.signals},
        {"top_theme", top == share.themes.end() ? "" : ThemeName(services, top->first, language)}});
  }
  model["zones"] = std::move(zones);
  model["years"] = YearChoices(years, *year);
  model["year"] = *year;
  model["action"] = web::Href(language, "/consultations");
  model["api_href"] = "/api/v1/consultations/synthesis?year=" + std::to_string(*year);
  return web::Page(
      site, request, language, "consultations_all",
      site.renderer.catalog().Format(language, "consultations_all_title", {{"year", std::to_string(*year)}}),
      std::move(model));
}

// ---- A zone's monitoring ----------------------------------------------------------

http::Response ZonePage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  std::vector<int> years;
  auto year = ChosenYear(services, request, zone_id, years);
  if (!year) return web::ErrorPage(site, request, language, year.error());
  SignalFilter filter{.theme = request.Query("theme").value_or(""),
                      .target_group = request.Query("target_group").value_or("")};
  if (!filter.theme.empty() && services.vocabulary.FindTheme(filter.theme) == nullptr) filter.theme.clear();
  if (!filter.target_group.empty() && services.vocabulary.FindTargetGroup(filter.target_group) == nullptr) {
    filter.target_group.clear();
  }
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto shared_meetings = services.store.SharedList({.zone_id = zone_id, .year = *year});
  if (!shared_meetings) return web::ErrorPage(site, request, language, shared_meetings.error());
  auto shared_all = services.store.SharedList({.zone_id = zone_id, .year = std::nullopt});
  if (!shared_all) return web::ErrorPage(site, request, language, shared_all.error());
  auto shared_lines = services.store.SharedActionLines(zone_id);
  if (!shared_lines) return web::ErrorPage(site, request, language, shared_lines.error());
  const std::vector<Consultation>* meetings = shared_meetings->get();
  const std::vector<Consultation>* all_meetings = shared_all->get();
  const std::vector<ActionLine>* lines = shared_lines->get();
  const Synthesis synthesis = Synthesize(*meetings, *lines, filter);
  std::string href = web::Href(language, "/zones/" + zone_id + "/consultations") + "?year=" + std::to_string(*year);
  if (!filter.theme.empty()) href += "&theme=" + filter.theme;
  if (!filter.target_group.empty()) href += "&target_group=" + filter.target_group;
  json::object model =
      SynthesisModel(site, services, *names, synthesis, true, SignalPageOf(request, std::move(href)), language);
  const bool editing = web::EditsZone(request.identity.get(), zone_id);
  json::array meeting_list;
  for (const Consultation& meeting : *meetings) {
    meeting_list.push_back(
        json::object{{"title", meeting.title},
                     {"lang", LanguageCode(meeting.language)},
                     {"href", web::Href(language, "/consultations/" + meeting.id)},
                     {"held_on", ShowDate(meeting.held_on, language)},
                     {"kind", Message(site, language, "consultations_kind_" + std::string(Code(meeting.kind)))},
                     {"theme", ThemeName(services, meeting.theme, language)},
                     {"signals", meeting.signals.size()},
                     {"demo", meeting.demo}});
  }
  std::map<std::string, std::string> meeting_titles;
  for (const Consultation& meeting : *all_meetings) meeting_titles[meeting.id] = meeting.title;
  json::array action_lines;
  for (const ActionLine& line : *lines) {
    action_lines.push_back(ActionLineModel(site, services, line, meeting_titles, names->groups, editing, language));
  }
  // Signals per year, every year: the period view.
  json::array per_year;
  std::map<int, std::pair<std::size_t, std::size_t>> counts;  // Year → meetings, signals.
  for (const Consultation& meeting : *all_meetings) {
    auto& [meeting_count, signal_count] = counts[meeting.held_on.year()];
    ++meeting_count;
    signal_count += meeting.signals.size();
  }
  for (auto it = counts.rbegin(); it != counts.rend(); ++it) {
    per_year.push_back(json::object{
        {"year", it->first},
        {"meetings", it->second.first},
        {"signals", it->second.second},
        {"href", web::Href(language, "/zones/" + zone_id + "/consultations") + "?year=" + std::to_string(it->first)}});
  }
  const std::string zone_name = zone->names.In(language);
  model["zone"] = zone_name;
  model["zone_href"] = web::Href(language, "/zones/" + zone_id);
  model["all_href"] = web::Href(language, "/consultations") + "?year=" + std::to_string(*year);
  model["meetings"] = std::move(meeting_list);
  model["has_meetings"] = !meetings->empty();
  model["action_lines"] = std::move(action_lines);
  model["has_action_lines"] = !lines->empty();
  model["per_year"] = std::move(per_year);
  model["years"] = YearChoices(years, *year);
  model["year"] = *year;
  model["themes_choice"] = web::Choices(services.vocabulary.themes, language, {filter.theme});
  model["groups_choice"] = web::Choices(services.vocabulary.target_groups, language, {filter.target_group});
  model["filtered"] = !filter.theme.empty() || !filter.target_group.empty();
  model["action"] = web::Href(language, "/zones/" + zone_id + "/consultations");
  model["editing"] = editing;
  model["new_href"] = web::Href(language, "/zones/" + zone_id + "/consultations/new");
  model["groups_href"] = web::Href(language, "/zones/" + zone_id + "/working-groups");
  model["api_href"] = "/api/v1/consultations/synthesis?zone=" + zone_id + "&year=" + std::to_string(*year);
  if (request.Query("recorded")) model["notice"] = Message(site, language, "consultations_recorded");
  if (request.Query("moved")) model["notice"] = Message(site, language, "consultations_status_changed");
  AddForm(request, model);
  http::Response page =
      web::Page(site, request, language, "consultations_zone",
                site.renderer.catalog().Format(language, "consultations_zone_title",
                                               {{"zone", zone_name}, {"year", std::to_string(*year)}}),
                std::move(model));
  return editing ? NoStore(std::move(page)) : page;
}

// ---- One meeting ----------------------------------------------------------------------

json::array AreaChoices(const geo::Zone& zone, const Names& names, const std::vector<std::string>& chosen) {
  json::array choices;
  for (const geo::ZoneMember& member : zone.members) {
    const bool selected = std::find(chosen.begin(), chosen.end(), member.area_code) != chosen.end();
    choices.push_back(json::object{
        {"id", member.area_code}, {"name", NameOr(names.areas, member.area_code)}, {"selected", selected}});
  }
  return choices;
}

json::array KindChoices(const web::Site& site, Language language, std::string_view chosen) {
  json::array choices;
  for (const SignalKind kind : kSignalKinds) {
    choices.push_back(json::object{{"code", Code(kind)},
                                   {"name", Message(site, language, "consultations_signal_" + std::string(Code(kind)))},
                                   {"selected", Code(kind) == chosen}});
  }
  return choices;
}

// The blank (or typed) fields of a signal in a form; `prefix` names its inputs ("signal1_").
json::object SignalForm(const web::Site& site, const Services& services, const geo::Zone& zone, const Names& names,
                        const Form& form, const std::string& prefix, Language language) {
  auto values = [&](const std::string& name) { return http::FormValues(form, prefix + name); };
  const std::string theme = http::FormField(form, prefix + "theme");
  return json::object{{"prefix", prefix},
                      {"kinds", KindChoices(site, language, http::FormField(form, prefix + "kind"))},
                      {"themes", web::Choices(services.vocabulary.themes, language, {theme})},
                      {"groups", web::Choices(services.vocabulary.target_groups, language, values("target_groups"))},
                      {"areas", AreaChoices(zone, names, values("areas"))},
                      {"description", http::FormField(form, prefix + "description")},
                      {"quote", http::FormField(form, prefix + "quote")}};
}

// The signal typed in a form under `prefix`; nothing when its description was left empty
// (a blank row of the new-meeting form).
std::optional<Signal> SignalFrom(const Form& form, const std::string& prefix) {
  Signal signal;
  signal.description = std::string(text::Trim(http::FormField(form, prefix + "description")));
  signal.quote = std::string(text::Trim(http::FormField(form, prefix + "quote")));
  if (signal.description.empty() && signal.quote.empty()) return std::nullopt;
  signal.kind = ParseSignalKind(http::FormField(form, prefix + "kind")).value_or(SignalKind::kNeed);
  signal.theme = http::FormField(form, prefix + "theme");
  signal.target_groups = http::FormValues(form, prefix + "target_groups");
  signal.areas = http::FormValues(form, prefix + "areas");
  return signal;
}

json::object MeetingModel(const web::Site& site, const Services& services, const Names& names,
                          const Consultation& meeting, Language language) {
  json::array signals;
  for (const Signal& signal : meeting.signals) signals.push_back(SignalModel(site, services, names, signal, language));
  const auto joined = [](const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& name : items) {
      if (!text.empty()) text += "; ";
      text += name;
    }
    return text;
  };
  return json::object{
      {"title", meeting.title},
      {"content_lang", LanguageCode(meeting.language)},
      {"held_on", ShowDate(meeting.held_on, language)},
      {"kind", Message(site, language, "consultations_kind_" + std::string(Code(meeting.kind)))},
      {"theme", ThemeName(services, meeting.theme, language)},
      {"zone", NameOr(names.zones, meeting.zone_id)},
      {"zone_href", web::Href(language, "/zones/" + meeting.zone_id + "/consultations") +
                        "?year=" + std::to_string(meeting.held_on.year())},
      {"organisations", joined(meeting.organisations)},
      {"professions", joined(meeting.professions)},
      {"participants", meeting.participants ? std::to_string(*meeting.participants) : ""},
      {"summary", meeting.summary},
      {"demo", meeting.demo},
      {"signals", std::move(signals)},
      {"has_signals", !meeting.signals.empty()},
  };
}

http::Response MeetingPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                           const Form& typed = {}, std::vector<Problem> problems = {},
                           std::string_view failed_form = "", int status = 200) {
  auto meeting = services.store.Find(std::string(request.PathParam("consultation_id")));
  if (!meeting) return web::ErrorPage(site, request, language, meeting.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto lines = services.store.ActionLines(meeting->zone_id);
  if (!lines) return web::ErrorPage(site, request, language, lines.error());
  json::object model = MeetingModel(site, services, *names, *meeting, language);
  const bool editing = web::EditsZone(request.identity.get(), meeting->zone_id);
  json::array action_lines;
  const std::map<std::string, std::string> titles{{meeting->id, meeting->title}};
  for (const ActionLine& line : *lines) {
    if (line.consultation_id == meeting->id) {
      action_lines.push_back(ActionLineModel(site, services, line, titles, names->groups, editing, language));
    }
  }
  model["has_action_lines"] = !action_lines.empty();
  model["action_lines"] = std::move(action_lines);
  model["editing"] = editing;
  if (editing) {
    model["edit_href"] = web::Href(language, "/consultations/" + meeting->id + "/edit");
    auto zone = services.geography.FindZone(meeting->zone_id, Date::Today());
    if (!zone) return web::ErrorPage(site, request, language, zone.error());
    model["signal_form"] =
        SignalForm(site, services, *zone, *names, failed_form == "signal" ? typed : Form{}, "signal_", language);
    model["signal_action"] = web::Href(language, "/consultations/" + meeting->id + "/signals");
    model["line_action"] = web::Href(language, "/consultations/" + meeting->id + "/action-lines");
    const Form& line_typed = failed_form == "line" ? typed : Form{};
    json::array answerable;
    const auto [begin, end] = line_typed.equal_range("signals");
    std::set<std::string> ticked;
    for (auto it = begin; it != end; ++it) ticked.insert(it->second);
    for (const Signal& signal : meeting->signals) {
      answerable.push_back(json::object{
          {"id", signal.id}, {"description", signal.description}, {"selected", ticked.contains(signal.id)}});
    }
    json::array statuses;
    for (const ActionStatus choice : kActionStatuses) {
      statuses.push_back(json::object{{"code", Code(choice)},
                                      {"name", StatusLabel(site, language, choice)},
                                      {"selected", Code(choice) == http::FormField(line_typed, "status")}});
    }
    auto groups = GroupChoices(services, meeting->zone_id, http::FormField(line_typed, "working_group_id"));
    if (!groups) return web::ErrorPage(site, request, language, groups.error());
    model["line_form"] = json::object{
        {"title", http::FormField(line_typed, "title")},
        {"description", http::FormField(line_typed, "description")},
        {"owner", http::FormField(line_typed, "owner")},
        {"working_group", http::FormField(line_typed, "working_group")},
        {"groups", std::move(*groups)},
        {"themes", web::Choices(services.vocabulary.themes, language,
                                {line_typed.empty() ? meeting->theme : http::FormField(line_typed, "theme")})},
        {"statuses", std::move(statuses)},
        {"signals", std::move(answerable)},
    };
    AddForm(request, model);
  }
  if (!problems.empty()) {
    model[failed_form == "signal" ? "signal_problems" : "line_problems"] = ProblemsModel(site, problems, language);
  }
  if (request.Query("added")) model["notice"] = Message(site, language, "consultations_added");
  http::Response page =
      web::Page(site, request, language, "consultations_meeting", meeting->title, std::move(model), status);
  return editing ? NoStore(std::move(page)) : page;
}

// ---- Editing ------------------------------------------------------------------------

// The form of a meeting: blank rows for its first signals when it is new; when `editing`, its
// details and every recorded signal filled in, and a row for one more.
http::Response NewMeetingPage(const web::Site& site, Services& services, const http::Request& request,
                              Language language, const Form& typed = {}, const std::vector<Problem>& problems = {},
                              int status = 200, const Consultation* editing = nullptr) {
  const std::string zone_id = editing ? editing->zone_id : std::string(request.PathParam("zone_id"));
  if (!web::EditsZone(request.identity.get(), zone_id)) {
    return web::ErrorPage(site, request, language, Error::PermissionDenied("you do not edit this zone"));
  }
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = NamesFor(services, language);
  if (!names) return web::ErrorPage(site, request, language, names.error());
  json::array kinds;
  for (const MeetingKind kind : kMeetingKinds) {
    kinds.push_back(json::object{{"code", Code(kind)},
                                 {"name", Message(site, language, "consultations_kind_" + std::string(Code(kind)))},
                                 {"selected", Code(kind) == http::FormField(typed, "kind")}});
  }
  json::array languages;
  const std::string chosen_language =
      typed.empty() ? std::string(LanguageCode(language)) : http::FormField(typed, "language");
  for (const Language option : kLanguages) {
    languages.push_back(json::object{{"code", LanguageCode(option)},
                                     {"name", LanguageName(option)},
                                     {"selected", LanguageCode(option) == chosen_language}});
  }
  auto groups = GroupChoices(services, zone_id, http::FormField(typed, "working_group_id"));
  if (!groups) return web::ErrorPage(site, request, language, groups.error());
  json::array signal_rows;
  const int rows = editing ? static_cast<int>(editing->signals.size()) + 1 : kSignalRowsOnNewMeeting;
  for (int i = 1; i <= rows; ++i) {
    json::object row = SignalForm(site, services, *zone, *names, typed, "signal" + std::to_string(i) + "_", language);
    row["n"] = i;
    signal_rows.push_back(std::move(row));
  }
  const std::string zone_name = zone->names.In(language);
  const std::string heading =
      editing ? site.renderer.catalog().Format(language, "consultations_edit_title", {{"title", editing->title}})
              : std::string(site.renderer.catalog().Get(language, "consultations_new_heading"));
  json::object model{
      {"zone", zone_name},
      {"heading", heading},
      {"editing", editing != nullptr},
      {"meeting_href", editing ? web::Href(language, "/consultations/" + editing->id) : ""},
      {"zone_href", web::Href(language, "/zones/" + zone_id + "/consultations")},
      {"action", editing ? web::Href(language, "/consultations/" + editing->id + "/edit")
                         : web::Href(language, "/zones/" + zone_id + "/consultations/new")},
      {"kinds", std::move(kinds)},
      {"languages", std::move(languages)},
      {"themes", web::Choices(services.vocabulary.themes, language, {http::FormField(typed, "theme")})},
      {"typed_title", http::FormField(typed, "title")},
      {"held_on", http::FormField(typed, "held_on")},
      {"organisations", http::FormField(typed, "organisations")},
      {"professions", http::FormField(typed, "professions")},
      {"participants", http::FormField(typed, "participants")},
      {"summary", http::FormField(typed, "summary")},
      {"signal_rows", std::move(signal_rows)},
      {"groups", std::move(*groups)},
      {"problems", ProblemsModel(site, problems, language)},
      {"has_problems", !problems.empty()},
  };
  AddForm(request, model);
  return NoStore(web::Page(
      site, request, language, "consultations_new",
      editing ? heading : site.renderer.catalog().Format(language, "consultations_new_title", {{"zone", zone_name}}),
      std::move(model), status));
}

// A meeting's details as typed (its signals are the caller's); what the form itself cannot
// read goes to `problems`.
Consultation MeetingFrom(const Form& form, const std::string& zone_id, Language language,
                         std::vector<Problem>& problems) {
  Consultation meeting;
  meeting.zone_id = zone_id;
  const auto held_on = Date::Parse(text::Trim(http::FormField(form, "held_on")));
  if (held_on) {
    meeting.held_on = *held_on;
  } else {
    problems.push_back({"held_on", "not a date"});
  }
  meeting.kind = ParseMeetingKind(http::FormField(form, "kind")).value_or(MeetingKind::kThematic);
  meeting.theme = http::FormField(form, "theme");
  meeting.title = std::string(text::Trim(http::FormField(form, "title")));
  meeting.organisations = Lines(http::FormField(form, "organisations"));
  meeting.professions = Lines(http::FormField(form, "professions"));
  if (const std::string participants(text::Trim(http::FormField(form, "participants"))); !participants.empty()) {
    const auto count = text::ParseInteger(participants);
    if (count && *count > 0 && *count <= 10000) {
      meeting.participants = static_cast<int>(*count);
    } else {
      problems.push_back({"participants", "not a number"});
    }
  }
  meeting.summary = std::string(text::Trim(http::FormField(form, "summary")));
  meeting.language = ParseLanguage(http::FormField(form, "language")).value_or(language);
  meeting.working_group_id = http::FormField(form, "working_group_id");
  return meeting;
}

http::Response RecordMeeting(const web::Site& site, Services& services, const http::Request& request,
                             Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  if (!web::EditsZone(request.identity.get(), zone_id)) {
    return web::ErrorPage(site, request, language, Error::PermissionDenied("you do not edit this zone"));
  }
  std::vector<Problem> problems;
  Consultation meeting = MeetingFrom(*form, zone_id, language, problems);
  for (int i = 1; i <= kSignalRowsOnNewMeeting; ++i) {
    if (auto signal = SignalFrom(*form, "signal" + std::to_string(i) + "_")) meeting.signals.push_back(*signal);
  }
  if (problems.empty()) {
    auto found = services.store.Problems(meeting);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return NewMeetingPage(site, services, request, language, *form, problems, 422);
  auto id = services.store.Add(std::move(meeting), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/consultations/" + *id) + "?added=1", 303);
}

// A recorded meeting as its form shows it: the details, and signal N under "signalN_".
Form MeetingForm(const Consultation& meeting) {
  Form form{{"title", meeting.title},
            {"held_on", meeting.held_on.ToIso()},
            {"kind", std::string(Code(meeting.kind))},
            {"theme", meeting.theme},
            {"language", std::string(LanguageCode(meeting.language))},
            {"working_group_id", meeting.working_group_id},
            {"organisations", text::JoinList(meeting.organisations, '\n')},
            {"professions", text::JoinList(meeting.professions, '\n')},
            {"participants", meeting.participants ? std::to_string(*meeting.participants) : ""},
            {"summary", meeting.summary}};
  for (std::size_t i = 0; i < meeting.signals.size(); ++i) {
    const Signal& signal = meeting.signals[i];
    const std::string prefix = "signal" + std::to_string(i + 1) + "_";
    form.emplace(prefix + "kind", std::string(Code(signal.kind)));
    form.emplace(prefix + "theme", signal.theme);
    form.emplace(prefix + "description", signal.description);
    form.emplace(prefix + "quote", signal.quote);
    for (const std::string& group : signal.target_groups) form.emplace(prefix + "target_groups", group);
    for (const std::string& area : signal.areas) form.emplace(prefix + "areas", area);
  }
  return form;
}

// The meeting a post is about, once the poster is known to edit its zone.
Result<Consultation> EditableMeeting(Services& services, const http::Request& request) {
  auto meeting = services.store.Find(std::string(request.PathParam("consultation_id")));
  if (!meeting) return Fail(meeting.error());
  if (!web::EditsZone(request.identity.get(), meeting->zone_id)) {
    return Fail(Error::PermissionDenied("you do not edit this zone"));
  }
  return meeting;
}

http::Response EditMeetingPage(const web::Site& site, Services& services, const http::Request& request,
                               Language language) {
  auto meeting = EditableMeeting(services, request);
  if (!meeting) return web::ErrorPage(site, request, language, meeting.error());
  return NewMeetingPage(site, services, request, language, MeetingForm(*meeting), {}, 200, &*meeting);
}

// Saves the form over the recorded meeting: its details, its signals' words (none of them
// may be emptied: action lines answer them) and one more signal when typed.
http::Response SaveMeeting(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto recorded = EditableMeeting(services, request);
  if (!recorded) return web::ErrorPage(site, request, language, recorded.error());
  std::vector<Problem> problems;
  Consultation meeting = MeetingFrom(*form, recorded->zone_id, language, problems);
  meeting.id = recorded->id;
  for (std::size_t i = 0; i <= recorded->signals.size(); ++i) {
    auto signal = SignalFrom(*form, "signal" + std::to_string(i + 1) + "_");
    if (i == recorded->signals.size()) {
      if (signal) meeting.signals.push_back(std::move(*signal));
      continue;
    }
    if (!signal) {
      problems.push_back({"signals[" + std::to_string(i + 1) + "].description", "is required"});
      signal = recorded->signals[i];
    }
    signal->id = recorded->signals[i].id;
    meeting.signals.push_back(std::move(*signal));
  }
  if (problems.empty()) {
    Consultation checked = meeting;
    for (Signal& signal : checked.signals) {
      if (signal.id.empty()) signal.id = "new";  // Update gives the real one.
    }
    auto found = services.store.Problems(checked);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return NewMeetingPage(site, services, request, language, *form, problems, 422, &*recorded);
  if (auto saved = services.store.Update(std::move(meeting), {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(web::Href(language, "/consultations/" + recorded->id), 303);
}

http::Response AddSignal(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto meeting = EditableMeeting(services, request);
  if (!meeting) return web::ErrorPage(site, request, language, meeting.error());
  std::optional<Signal> signal = SignalFrom(*form, "signal_");
  if (!signal) {
    return MeetingPage(site, services, request, language, *form, {{"signals[1].description", "is required"}}, "signal",
                       422);
  }
  auto added = services.store.AddSignal(meeting->id, *signal, {accounts::ActorOf(*request.identity)});
  if (!added) {
    if (!added.error().Is(ErrorCode::kInvalidArgument)) return web::ErrorPage(site, request, language, added.error());
    Consultation with = *meeting;
    with.signals = {*signal};
    auto problems = services.store.Problems(with);
    if (!problems) return web::ErrorPage(site, request, language, problems.error());
    return MeetingPage(site, services, request, language, *form, *problems, "signal", 422);
  }
  return http::Response::Redirect(web::Href(language, "/consultations/" + meeting->id) + "?added=1", 303);
}

http::Response AddActionLine(const web::Site& site, Services& services, const http::Request& request,
                             Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto meeting = EditableMeeting(services, request);
  if (!meeting) return web::ErrorPage(site, request, language, meeting.error());
  ActionLine line;
  line.zone_id = meeting->zone_id;
  line.consultation_id = meeting->id;
  line.title = std::string(text::Trim(http::FormField(*form, "title")));
  line.description = std::string(text::Trim(http::FormField(*form, "description")));
  line.theme = http::FormField(*form, "theme");
  line.status = ParseActionStatus(http::FormField(*form, "status")).value_or(ActionStatus::kIdea);
  line.owner = std::string(text::Trim(http::FormField(*form, "owner")));
  line.working_group = std::string(text::Trim(http::FormField(*form, "working_group")));
  line.working_group_id = http::FormField(*form, "working_group_id");
  line.language = meeting->language;
  line.signal_ids = http::FormValues(*form, "signals");
  auto problems = services.store.Problems(line);
  if (!problems) return web::ErrorPage(site, request, language, problems.error());
  if (!problems->empty()) return MeetingPage(site, services, request, language, *form, *problems, "line", 422);
  auto id = services.store.Add(std::move(line), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/consultations/" + meeting->id) + "?added=1", 303);
}

http::Response MoveActionLine(const web::Site& site, Services& services, const http::Request& request,
                              Language language) {
  const auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto line = web::ForZoneEditorOf(site, request, language,
                                   services.store.FindActionLine(std::string(request.PathParam("action_line_id"))));
  if (!line) return std::move(line.error());
  const auto status = ParseActionStatus(http::FormField(*form, "status"));
  if (!status) return web::ErrorPage(site, request, language, Error::InvalidArgument("choose a status"));
  if (auto moved = services.store.SetStatus(line->id, *status, {accounts::ActorOf(*request.identity)}); !moved) {
    return web::ErrorPage(site, request, language, moved.error());
  }
  return http::Response::Redirect(
      web::Href(language, "/zones/" + line->zone_id + "/consultations") + "?moved=1#action-lines", 303);
}

// ---- API ---------------------------------------------------------------------------

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string everyone(web::kPublic), editors(web::kZoneEditor);
  router.Get("/{lang}/consultations",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return AllZonesPage(site, services, request, language);
                              }),
             {.name = "consultations", .access = everyone});
  router.Get("/{lang}/zones/{zone_id}/consultations",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return ZonePage(site, services, request, language);
                              }),
             {.name = "zone_consultations", .access = everyone});
  router.Get("/{lang}/consultations/{consultation_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return MeetingPage(site, services, request, language);
                              }),
             {.name = "consultation", .access = everyone});
  router.Get("/{lang}/zones/{zone_id}/consultations/new",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return NewMeetingPage(site, services, request, language);
                              }),
             {.name = "consultation_new", .access = editors});
  router.Post("/{lang}/zones/{zone_id}/consultations/new",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return RecordMeeting(site, services, request, language);
                               }),
              {.name = "consultation_record", .access = editors});
  router.Post("/{lang}/consultations/{consultation_id}/signals",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return AddSignal(site, services, request, language);
                               }),
              {.name = "consultation_signal_add", .access = editors});
  router.Post("/{lang}/consultations/{consultation_id}/action-lines",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return AddActionLine(site, services, request, language);
                               }),
              {.name = "action_line_add", .access = editors});
  router.Get("/{lang}/consultations/{consultation_id}/edit",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return EditMeetingPage(site, services, request, language);
                              }),
             {.name = "consultation_edit", .access = editors});
  router.Post("/{lang}/consultations/{consultation_id}/edit",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return SaveMeeting(site, services, request, language);
                               }),
              {.name = "consultation_save", .access = editors});
  router.Post("/{lang}/action-lines/{action_line_id}/status",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return MoveActionLine(site, services, request, language);
                               }),
              {.name = "action_line_status", .access = editors});
}

}  // namespace zoneatlas::consultations
