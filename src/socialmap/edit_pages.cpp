// Editing the social map: proposing, reporting, reviewing and confirming services.
#include <atomic>
#include <boost/json.hpp>
#include <chrono>

#include "accounts/routes.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "socialmap/editing.hpp"
#include "socialmap/opening.hpp"
#include "socialmap/page_words.hpp"
#include "socialmap/reach.hpp"
#include "socialmap/readability.hpp"
#include "socialmap/routes.hpp"
#include "socialmap/service_form.hpp"
#include "web/access.hpp"

namespace zoneatlas::socialmap {
namespace json = boost::json;
namespace {

using Fields = std::multimap<std::string, std::string>;

// The organisation community resources are filed under (HSDS wants one).
constexpr std::string_view kCommunityOrganization = "community";
constexpr int kOwnProposalsShown = 50;

Date Today() { return BrusselsTime(std::chrono::system_clock::now()).date; }

std::string ServiceHref(Language language, const std::string& id) {
  return web::Href(language, "/social-map/services/" + web::PercentEncode(id));
}
std::string ProposalHref(Language language, const std::string& id) {
  return web::Href(language, "/social-map/review/" + web::PercentEncode(id));
}

audit::Context ContextOf(const http::Request& request) {
  return {.actor = accounts::ActorOf(*request.identity), .restore = false, .at = 0};
}

http::Response Refused(const web::Site& site, const http::Request& request, Language language) {
  return web::ErrorPage(site, request, language,
                        Error::PermissionDenied("you may not edit this record: ask its organisation or zone"));
}

// The municipalities a service may serve, by zone: every member municipality of a zone
// valid today.
struct Municipalities {
  json::array groups;  // [{zone, areas: [{code, name}]}]
  std::set<std::string> codes;
};

Result<Municipalities> MunicipalitiesOf(const Services& services, Language language) {
  auto zones = services.geography.Zones(Date::Today());
  if (!zones) return Fail(zones.error());
  Municipalities result;
  for (const geo::Zone& zone : *zones) {
    std::vector<std::string> codes;
    for (const geo::ZoneMember& member : zone.members) codes.push_back(member.area_code);
    auto areas = services.geography.AreasWithCodes(codes, Date::Today());
    if (!areas) return Fail(areas.error());
    std::vector<std::pair<std::string, std::string>> named;
    for (const geo::Area& area : *areas) {
      if (area.kind != geo::AreaKind::kMunicipality) continue;
      named.emplace_back(area.names.In(language), area.code);
      result.codes.insert(area.code);
    }
    if (named.empty()) continue;
    std::sort(named.begin(), named.end());
    json::array list;
    for (const auto& [name, code] : named) list.push_back(json::object{{"code", code}, {"name", name}});
    result.groups.push_back(json::object{{"zone", zone.names.In(language)}, {"areas", std::move(list)}});
  }
  return result;
}

json::array Checked(json::array groups, const std::vector<std::string>& chosen) {
  for (json::value& group : groups) {
    for (json::value& area : group.as_object()["areas"].as_array()) {
      const std::string code(area.as_object()["code"].as_string());
      area.as_object()["checked"] = std::find(chosen.begin(), chosen.end(), code) != chosen.end();
    }
  }
  return groups;
}

json::array Terms(const std::vector<Term>& terms, const std::vector<std::string>& chosen, Language language) {
  json::array list;
  for (const Term& term : terms) {
    list.push_back(json::object{{"id", term.id},
                                {"name", term.name.Best(language)},
                                {"checked", std::find(chosen.begin(), chosen.end(), term.id) != chosen.end()}});
  }
  return list;
}

// The long sentences and words of the texts an editor wrote, per field.
json::array ReadabilityHints(const web::Site& site, Language language, const Service& service) {
  json::array hints;
  for (const auto& [label, text] :
       std::vector<std::pair<std::string, std::string>>{{"edit_plain_nl", service.plain.nl},
                                                        {"edit_plain_fr", service.plain.fr},
                                                        {"edit_description_nl", service.description.nl},
                                                        {"edit_description_fr", service.description.fr}}) {
    if (text.empty()) continue;
    const Readability readability = ReadabilityOf(text);
    if (readability.ok()) continue;
    json::array sentences, words;
    for (const std::string& sentence : readability.long_sentences) sentences.push_back(json::value(sentence));
    for (const std::string& word : readability.long_words) words.push_back(json::value(word));
    hints.push_back(json::object{{"field", Text(site, language, label)},
                                 {"long_sentences", std::move(sentences)},
                                 {"long_words", Join(readability.long_words, ", ")},
                                 {"has_long_words", !readability.long_words.empty()}});
  }
  return hints;
}

struct FormState {
  std::string title;
  std::string intro;  // An i18n key.
  std::string action;
  std::string back_href;
  bool community = false;
  const Location* place = nullptr;      // The service's first place, when it has one.
  const ServiceForm* posted = nullptr;  // After a post with problems.
};

http::Response FormPage(const web::Site& site, const Services& services, const http::Request& request,
                        Language language, const Service& service, const FormState& state, int status = 200) {
  auto municipalities = MunicipalitiesOf(services, language);
  if (!municipalities) return web::ErrorPage(site, request, language, municipalities.error());
  json::array costs, levels, statuses, languages, days;
  for (Cost cost : {Cost::kFree, Cost::kReduced, Cost::kPaid}) {
    const std::string id(CostName(cost));
    costs.push_back(json::object{
        {"id", id}, {"name", Text(site, language, "socialmap_cost_" + id)}, {"checked", service.cost == cost}});
  }
  for (const Term& level : services.taxonomy.competent_levels()) {
    levels.push_back(json::object{
        {"id", level.id}, {"name", level.name.Best(language)}, {"selected", level.id == service.competent_level}});
  }
  for (const char* id : {"active", "temporarily closed", "inactive", "defunct"}) {
    std::string key = std::string("edit_status_") + id;
    std::replace(key.begin(), key.end(), ' ', '_');
    statuses.push_back(
        json::object{{"id", id}, {"name", Text(site, language, key)}, {"selected", service.status == id}});
  }
  std::vector<std::string> codes(std::begin(kDeskLanguages), std::end(kDeskLanguages));
  for (const std::string& code : service.languages) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  for (const std::string& code : codes) {
    languages.push_back(json::object{
        {"code", code},
        {"name", LanguageName(site, language, code)},
        {"checked", std::find(service.languages.begin(), service.languages.end(), code) != service.languages.end()}});
  }
  for (int weekday = 0; weekday < 7; ++weekday) {
    std::vector<const Hours*> periods;
    for (const Hours& hours : service.hours) {
      if (hours.weekday == weekday) periods.push_back(&hours);
    }
    json::array slots;
    for (int period = 1; period <= kPeriodsPerDay; ++period) {
      const Hours* hours = period <= static_cast<int>(periods.size()) ? periods[period - 1] : nullptr;
      const std::string prefix = "h_" + std::string(WeekdayCode(weekday)) + std::to_string(period);
      slots.push_back(json::object{{"prefix", prefix},
                                   {"number", period},
                                   {"opens", hours ? FormatClock(hours->opens) : ""},
                                   {"closes", hours ? FormatClock(hours->closes % (24 * 60)) : ""},
                                   {"walk_in", hours != nullptr && hours->walk_in}});
    }
    days.push_back(json::object{{"name", WeekdayName(site, language, weekday)}, {"slots", std::move(slots)}});
  }
  json::object errors;
  json::array problems;
  if (state.posted != nullptr) {
    for (const FieldProblem& problem : state.posted->problems) {
      const std::string message = Text(site, language, problem.message);
      if (!errors.contains(problem.field)) errors[problem.field] = message;
      problems.push_back(json::object{{"field", problem.field}, {"message", message}});
    }
  }
  const Location* location = state.posted != nullptr && state.posted->location ? &*state.posted->location : state.place;
  json::object model{
      {"title", state.title},
      {"intro", Text(site, language, state.intro)},
      {"action", state.action},
      {"back_href", state.back_href},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity->csrf_token},
      {"service", json::object{{"name_nl", service.name.nl},
                               {"name_fr", service.name.fr},
                               {"name_en", service.name.en},
                               {"description_nl", service.description.nl},
                               {"description_fr", service.description.fr},
                               {"plain_nl", service.plain.nl},
                               {"plain_fr", service.plain.fr},
                               {"cost_note", service.cost_note},
                               {"phone", service.phone},
                               {"email", service.email},
                               {"url", service.url},
                               {"application_process", service.application_process}}},
      {"themes", Terms(services.taxonomy.themes(), service.themes, language)},
      {"groups", Terms(services.taxonomy.target_groups(), service.target_groups, language)},
      {"costs", std::move(costs)},
      {"levels", std::move(levels)},
      {"statuses", std::move(statuses)},
      {"languages", std::move(languages)},
      {"municipalities", Checked(municipalities->groups, service.area_codes)},
      {"days", std::move(days)},
      {"location", json::object{{"name", location ? location->name : ""},
                                {"address", location ? location->address : ""},
                                {"postal_code", location ? location->postal_code : ""},
                                {"city", location ? location->city : ""},
                                {"wheelchair", location != nullptr && location->wheelchair}}},
      {"location_municipalities", Checked(municipalities->groups, location ? std::vector{location->municipality_code}
                                                                           : std::vector<std::string>{})},
      {"community", state.community},
      {"message", state.posted != nullptr ? state.posted->message : ""},
      {"errors", std::move(errors)},
      {"problems", std::move(problems)},
      {"has_problems", state.posted != nullptr && !state.posted->ok()},
      {"hints", ReadabilityHints(site, language, service)},
  };
  model["has_hints"] = !model["hints"].as_array().empty();
  return web::Page(site, request, language, "socialmap_edit", state.title, std::move(model), status);
}

http::Response BadPost(const web::Site& site, const http::Request& request, Language language) {
  return http::ParseForm(request) ? web::FormExpiredPage(site, request, language)
                                  : web::NotAFormPage(site, request, language);
}

// Saves the proposal; a reviewer's own change or new service is published at once.
http::Response SubmitProposal(const web::Site& site, Services& services, const http::Request& request,
                              Language language, Proposal proposal, bool publish) {
  const audit::Context context = ContextOf(request);
  auto id = publish ? services.proposals.SubmitPublished(std::move(proposal), Today(), context)
                    : services.proposals.Submit(std::move(proposal), context);
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(ProposalHref(language, *id), 303);
}

http::Response EditService(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto service = services.store.FindService(std::string(request.PathParam("service_id")));
  if (!service) return web::ErrorPage(site, request, language, service.error());
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  if (!reach->MayEdit(*service)) return Refused(site, request, language);
  auto places = services.store.Locations(service->location_ids);
  if (!places) return web::ErrorPage(site, request, language, places.error());
  // The first place is the one the form shows (the others stay as they are).
  const auto first = std::find_if(places->begin(), places->end(), [&](const Location& place) {
    return !service->location_ids.empty() && place.id == service->location_ids.front();
  });
  const Location* place = first == places->end() ? nullptr : &*first;
  FormState state{
      .title = site.renderer.catalog().Format(language, "edit_title", {{"name", service->name.Best(language)}}),
      .intro = reach->MayReview(*service) ? "edit_intro_reviewer" : "edit_intro_partner",
      .action = ServiceHref(language, service->id) + "/edit",
      .back_href = ServiceHref(language, service->id),
      .community = service->community,
      .place = place,
      .posted = nullptr};
  if (request.method == http::Method::kGet) return FormPage(site, services, request, language, *service, state);
  auto fields = accounts::SignedForm(request);
  if (!fields) return BadPost(site, request, language);
  auto municipalities = MunicipalitiesOf(services, language);
  if (!municipalities) return web::ErrorPage(site, request, language, municipalities.error());
  // A service may keep serving a municipality outside today's zones.
  std::set<std::string> allowed = municipalities->codes;
  allowed.insert(service->area_codes.begin(), service->area_codes.end());
  if (place != nullptr && !place->municipality_code.empty()) allowed.insert(place->municipality_code);
  const ServiceForm form = ReadServiceForm(*fields, *service, services.taxonomy, allowed, place, false);
  if (!form.ok()) {
    state.posted = &form;
    return FormPage(site, services, request, language, form.service, state, 422);
  }
  Proposal proposal = NewProposal(ProposalKind::kChange, service->id, service->organization_id, form.service,
                                  form.location, form.message, service->community);
  const bool publish = reach->MayReview(*service) && reach->MayReview(form.service);
  return SubmitProposal(site, services, request, language, std::move(proposal), publish);
}

// A new service of an organisation, or (without one) a community resource.
http::Response NewService(const web::Site& site, Services& services, const http::Request& request, Language language,
                          bool community) {
  Service base;
  std::string organization_name;
  if (community) {
    base.organization_id = std::string(kCommunityOrganization);
    base.id = "community-" + RandomHex(5);
    base.community = true;
  } else {
    auto organization = services.store.FindOrganization(std::string(request.PathParam("organization_id")));
    if (!organization) return web::ErrorPage(site, request, language, organization.error());
    base.organization_id = organization->id;
    base.id = organization->id + "-" + RandomHex(4);
    organization_name = organization->name;
  }
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  if (!community && !reach->MayEditOrganization(base.organization_id)) return Refused(site, request, language);
  const std::string path =
      community ? "/social-map/propose"
                : "/social-map/organizations/" + web::PercentEncode(base.organization_id) + "/new-service";
  FormState state{
      .title = community
                   ? Text(site, language, "edit_community_title")
                   : site.renderer.catalog().Format(language, "edit_new_title", {{"organization", organization_name}}),
      .intro = community ? "edit_intro_community" : "edit_intro_new",
      .action = web::Href(language, path),
      .back_href = community
                       ? web::Href(language, "/social-map")
                       : web::Href(language, "/social-map/organizations/" + web::PercentEncode(base.organization_id)),
      .community = community,
      .place = nullptr,
      .posted = nullptr};
  if (request.method == http::Method::kGet) return FormPage(site, services, request, language, base, state);
  auto fields = accounts::SignedForm(request);
  if (!fields) return BadPost(site, request, language);
  auto municipalities = MunicipalitiesOf(services, language);
  if (!municipalities) return web::ErrorPage(site, request, language, municipalities.error());
  const ServiceForm form = ReadServiceForm(*fields, base, services.taxonomy, municipalities->codes, nullptr, true);
  if (!form.ok()) {
    state.posted = &form;
    return FormPage(site, services, request, language, form.service, state, 422);
  }
  Proposal proposal = NewProposal(ProposalKind::kNew, base.id, base.organization_id, form.service, form.location,
                                  form.message, community);
  return SubmitProposal(site, services, request, language, std::move(proposal), reach->MayReview(form.service));
}

http::Response ReportChange(const web::Site& site, Services& services, const http::Request& request,
                            Language language) {
  auto service = services.store.FindService(std::string(request.PathParam("service_id")));
  if (!service) return web::ErrorPage(site, request, language, service.error());
  const std::string title =
      site.renderer.catalog().Format(language, "report_change_title", {{"name", service->name.Best(language)}});
  json::object model{{"title", title},
                     {"action", ServiceHref(language, service->id) + "/report"},
                     {"back_href", ServiceHref(language, service->id)},
                     {"csrf_field", http::kCsrfField},
                     {"csrf_token", request.identity->csrf_token}};
  if (request.method == http::Method::kGet) {
    return web::Page(site, request, language, "socialmap_report_change", title, std::move(model));
  }
  auto fields = accounts::SignedForm(request);
  if (!fields) return BadPost(site, request, language);
  const std::string message(text::Trim(http::FormField(*fields, "message")));
  if (message.empty() || message.size() > 5000) {
    model["error"] = Text(site, language, "report_change_empty");
    model["message"] = message;
    return web::Page(site, request, language, "socialmap_report_change", title, std::move(model), 422);
  }
  Proposal proposal = NewProposal(ProposalKind::kReport, service->id, service->organization_id, std::nullopt,
                                  std::nullopt, message, service->community);
  return SubmitProposal(site, services, request, language, std::move(proposal), false);
}

http::Response VerifyService(const web::Site& site, Services& services, const http::Request& request,
                             Language language) {
  auto fields = accounts::SignedForm(request);
  if (!fields) return BadPost(site, request, language);
  auto service = services.store.FindService(std::string(request.PathParam("service_id")));
  if (!service) return web::ErrorPage(site, request, language, service.error());
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  if (!reach->MayEdit(*service)) return Refused(site, request, language);
  const audit::Context context = ContextOf(request);
  auto verified = services.database.InTransaction([&](db::Connection& connection) {
    return Store::Verify(connection, service->id, Today(), context.actor.label, context);
  });
  if (!verified) return web::ErrorPage(site, request, language, verified.error());
  return http::Response::Redirect(ServiceHref(language, service->id) + "?verified=1", 303);
}

// The service a proposal is about, as it is now; nothing for a new one.
Result<std::optional<Service>> CurrentOf(const Services& services, const Proposal& proposal) {
  auto current = services.store.FindService(proposal.service_id);
  if (current) return std::optional<Service>(std::move(*current));
  if (current.error().Is(ErrorCode::kNotFound)) return std::optional<Service>();
  return Fail(current.error());
}

// Who reviews follows the service as published; only a new service, which has no
// published form yet, is judged by what is proposed. Nobody reviews their own proposal.
bool MayReview(const Reach& reach, const Proposal& proposal, const std::optional<Service>& current,
               const std::string& user_id) {
  if (proposal.proposed_by.id == user_id) return false;
  if (current) return reach.MayReview(*current);
  if (proposal.service) return reach.MayReview(*proposal.service);
  return reach.MayReviewAreas(proposal.unreadable_area_codes);
}

std::string NameOf(const Proposal& proposal, const Service* shown, Language language) {
  if (shown) return shown->name.Best(language);
  return proposal.unreadable_name.empty() ? proposal.service_id : proposal.unreadable_name;
}

json::object ProposalRow(const web::Site& site, const Services& services, Language language, const Proposal& proposal,
                         const std::optional<Service>& current) {
  const Service* shown = proposal.service ? &*proposal.service : current ? &*current : nullptr;
  const std::int64_t days = proposal.proposed_at / 86400;
  return json::object{
      {"href", ProposalHref(language, proposal.id)},
      {"name", NameOf(proposal, shown, language)},
      {"kind", Text(site, language, "proposal_kind_" + std::string(ProposalKindName(proposal.kind)))},
      {"status", Text(site, language, "proposal_status_" + std::string(ProposalStatusName(proposal.status)))},
      {"by", proposal.proposed_by.label},
      {"on", FormatDay(Date::FromDaysSinceEpoch(static_cast<int>(days)), language)},
      {"served", shown ? ServedAreas(services, *shown, language) : ""},
      {"community", proposal.community},
  };
}

http::Response ReviewList(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  auto pending = services.proposals.Pending();
  if (!pending) return web::ErrorPage(site, request, language, pending.error());
  json::array to_review, mine;
  for (const Proposal& proposal : *pending) {
    auto current = CurrentOf(services, proposal);
    if (!current) return web::ErrorPage(site, request, language, current.error());
    if (MayReview(*reach, proposal, *current, request.identity->user_id))
      to_review.push_back(ProposalRow(site, services, language, proposal, *current));
  }
  auto own = services.proposals.ProposedBy(request.identity->user_id, kOwnProposalsShown);
  if (!own) return web::ErrorPage(site, request, language, own.error());
  for (const Proposal& proposal : *own) {
    auto current = CurrentOf(services, proposal);
    if (!current) return web::ErrorPage(site, request, language, current.error());
    mine.push_back(ProposalRow(site, services, language, proposal, *current));
  }
  const std::string title = Text(site, language, "review_title");
  return web::Page(site, request, language, "socialmap_review_list", title,
                   json::object{{"to_review", to_review},
                                {"has_to_review", !to_review.empty()},
                                {"reviewer", reach->IsEditor()},
                                {"mine", mine},
                                {"has_mine", !mine.empty()},
                                {"propose_href", web::Href(language, "/social-map/propose")},
                                {"to_verify_href", web::Href(language, "/social-map/to-verify")},
                                {"search_href", web::Href(language, "/social-map")}});
}

// One line per field of a service, for the side-by-side view.
std::vector<std::pair<std::string, std::string>> FieldsOf(const web::Site& site, const Services& services,
                                                          Language language, const Service& service) {
  const auto terms = [&](const std::vector<std::string>& ids, bool themes) {
    std::vector<std::string> names;
    for (const std::string& id : ids) {
      const Term* term = themes ? services.taxonomy.FindTheme(id) : services.taxonomy.FindTargetGroup(id);
      names.push_back(term ? term->name.Best(language) : id);
    }
    return Join(names, ", ");
  };
  std::vector<std::string> languages;
  for (const std::string& code : service.languages) languages.push_back(LanguageName(site, language, code));
  const Term* level = services.taxonomy.FindCompetentLevel(service.competent_level);
  std::string status_key = "edit_status_" + service.status;
  std::replace(status_key.begin(), status_key.end(), ' ', '_');
  return {{"edit_name_nl", service.name.nl},
          {"edit_name_fr", service.name.fr},
          {"edit_name_en", service.name.en},
          {"edit_plain_nl", service.plain.nl},
          {"edit_plain_fr", service.plain.fr},
          {"edit_description_nl", service.description.nl},
          {"edit_description_fr", service.description.fr},
          {"edit_status", Text(site, language, status_key)},
          {"socialmap_theme", terms(service.themes, true)},
          {"socialmap_for_whom", terms(service.target_groups, false)},
          {"socialmap_hours", CompactHours(site, language, service)},
          {"socialmap_serves", ServedAreas(services, service, language)},
          {"socialmap_cost", Text(site, language, "socialmap_cost_" + std::string(CostName(service.cost))) +
                                 (service.cost_note.empty() ? "" : " — " + service.cost_note)},
          {"socialmap_languages_spoken", Join(languages, ", ")},
          {"socialmap_competent", level ? level->name.Best(language) : service.competent_level},
          {"socialmap_how_to_apply", service.application_process},
          {"socialmap_phone", service.phone},
          {"socialmap_email", service.email},
          {"socialmap_website", service.url}};
}

http::Response ProposalPage(const web::Site& site, Services& services, const http::Request& request,
                            Language language) {
  auto proposal = services.proposals.Find(std::string(request.PathParam("proposal_id")));
  if (!proposal) return web::ErrorPage(site, request, language, proposal.error());
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  auto current = CurrentOf(services, *proposal);
  if (!current) return web::ErrorPage(site, request, language, current.error());
  const bool reviewer = MayReview(*reach, *proposal, *current, request.identity->user_id);
  if (!reviewer && proposal->proposed_by.id != request.identity->user_id) {
    return web::ErrorPage(site, request, language, Error::NotFound("no such proposal"));
  }
  json::array rows;
  if (proposal->service) {
    const auto proposed = FieldsOf(site, services, language, *proposal->service);
    const auto now = *current ? FieldsOf(site, services, language, **current)
                              : std::vector<std::pair<std::string, std::string>>(proposed.size());
    for (std::size_t i = 0; i < proposed.size(); ++i) {
      if (proposed[i].second.empty() && now[i].second.empty()) continue;
      rows.push_back(json::object{{"field", Text(site, language, proposed[i].first)},
                                  {"now", now[i].second},
                                  {"proposed", proposed[i].second},
                                  {"changed", now[i].second != proposed[i].second}});
    }
    if (proposal->location) {
      const auto describe = [](const Location& place) {
        return place.name + ", " + place.address + ", " + place.postal_code + " " + place.city;
      };
      std::string stored_place;
      if (auto stored = services.store.Locations({proposal->location->id}); stored && !stored->empty()) {
        stored_place = describe(stored->front());
      }
      rows.push_back(json::object{{"field", Text(site, language, "socialmap_where")},
                                  {"now", stored_place},
                                  {"proposed", describe(*proposal->location)},
                                  {"changed", true}});
    }
  }
  const Service* shown = proposal->service ? &*proposal->service : *current ? &**current : nullptr;
  const std::string name = NameOf(*proposal, shown, language);
  const std::string title = site.renderer.catalog().Format(language, "proposal_title", {{"name", name}});
  const bool pending = proposal->status == ProposalStatus::kPending;
  json::object model{
      {"title", title},
      {"kind", Text(site, language, "proposal_kind_" + std::string(ProposalKindName(proposal->kind)))},
      {"status", Text(site, language, "proposal_status_" + std::string(ProposalStatusName(proposal->status)))},
      {"pending", pending},
      {"published", proposal->status == ProposalStatus::kPublished},
      {"sent_back", proposal->status == ProposalStatus::kSentBack},
      {"by", proposal->proposed_by.label},
      {"on", FormatDay(Date::FromDaysSinceEpoch(static_cast<int>(proposal->proposed_at / 86400)), language)},
      {"message", proposal->message},
      {"unreadable", proposal->unreadable},
      {"rows", std::move(rows)},
      {"has_rows", proposal->service.has_value()},
      {"is_new", !current->has_value()},
      {"community", proposal->community},
      {"reviewed_by", proposal->reviewed_by},
      {"review_comment", proposal->review_comment},
      {"hints", proposal->service ? ReadabilityHints(site, language, *proposal->service) : json::array()},
      {"has_hints", proposal->service && !ReadabilityHints(site, language, *proposal->service).empty()},
      {"may_review", reviewer && pending},
      {"publish_action", ProposalHref(language, proposal->id) + "/publish"},
      {"send_back_action", ProposalHref(language, proposal->id) + "/send-back"},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity->csrf_token},
      {"service_href",
       *current || proposal->status == ProposalStatus::kPublished ? ServiceHref(language, proposal->service_id) : ""},
      {"edit_href", *current && reach->MayEdit(**current) ? ServiceHref(language, proposal->service_id) + "/edit" : ""},
      {"list_href", web::Href(language, "/social-map/review")},
  };
  return web::Page(site, request, language, "socialmap_proposal", title, std::move(model));
}

http::Response ReviewProposal(const web::Site& site, Services& services, const http::Request& request,
                              Language language, bool publish) {
  auto fields = accounts::SignedForm(request);
  if (!fields) return BadPost(site, request, language);
  auto proposal = services.proposals.Find(std::string(request.PathParam("proposal_id")));
  if (!proposal) return web::ErrorPage(site, request, language, proposal.error());
  auto reach = Reach::Of(*request.identity, services.geography);
  if (!reach) return web::ErrorPage(site, request, language, reach.error());
  auto current = CurrentOf(services, *proposal);
  if (!current) return web::ErrorPage(site, request, language, current.error());
  if (!MayReview(*reach, *proposal, *current, request.identity->user_id)) return Refused(site, request, language);
  const std::string comment(text::Trim(http::FormField(*fields, "comment")));
  const Status done = publish ? services.proposals.Publish(proposal->id, Today(), comment, ContextOf(request))
                              : services.proposals.SendBack(proposal->id, comment, ContextOf(request));
  if (!done) return web::ErrorPage(site, request, language, done.error());
  return http::Response::Redirect(ProposalHref(language, proposal->id), 303);
}

}  // namespace

json::object EditorActions(const Services& services, const http::Request& request, Language language,
                           const Service& service) {
  json::object actions;
  if (!request.identity) return actions;
  if (web::Allows(web::kProfessional, request.identity.get())) {
    actions["report_href"] = ServiceHref(language, service.id) + "/report";
  }
  auto reach = Reach::Of(*request.identity, services.geography);
  if (reach && reach->MayEdit(service)) {
    actions["edit_href"] = ServiceHref(language, service.id) + "/edit";
    actions["verify_action"] = ServiceHref(language, service.id) + "/verify";
    actions["csrf_field"] = http::kCsrfField;
    actions["csrf_token"] = request.identity->csrf_token;
  }
  actions["verified_now"] = request.Query("verified").has_value();
  return actions;
}

void ExpireCommunityResourcesDaily(Services& services) {
  static std::atomic<int> done_on = -1;
  const Date today = Today();
  int last = done_on.load();
  if (last == today.DaysSinceEpoch() || !done_on.compare_exchange_strong(last, today.DaysSinceEpoch())) return;
  const audit::Context context{
      .actor = {"system", "zoneatlas (community resources not confirmed in time)"}, .restore = false, .at = 0};
  auto expired = services.database.InTransaction(
      [&](db::Connection& connection) { return Store::ExpireCommunity(connection, today, context); });
  if (!expired) done_on = -1;  // Try again at the next page.
}

void AddEditRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string professional(web::kProfessional);
  const auto page = [&site, &services](auto handler) {
    return web::ForLanguage(site, [&site, &services, handler](const http::Request& r, Language l) {
      return handler(site, services, r, l);
    });
  };
  for (http::Method method : {http::Method::kGet, http::Method::kPost}) {
    router.Add(
        method, "/{lang}/social-map/services/{service_id}/edit", page(EditService),
        {.name = method == http::Method::kGet ? "socialmap_edit" : "socialmap_edit_post", .access = professional});
    router.Add(
        method, "/{lang}/social-map/services/{service_id}/report", page(ReportChange),
        {.name = method == http::Method::kGet ? "socialmap_report" : "socialmap_report_post", .access = professional});
    router.Add(method, "/{lang}/social-map/organizations/{organization_id}/new-service",
               page([](const web::Site& s, Services& v, const http::Request& r, Language l) {
                 return NewService(s, v, r, l, false);
               }),
               {.name = method == http::Method::kGet ? "socialmap_new_service" : "socialmap_new_service_post",
                .access = professional});
    router.Add(method, "/{lang}/social-map/propose",
               page([](const web::Site& s, Services& v, const http::Request& r, Language l) {
                 return NewService(s, v, r, l, true);
               }),
               {.name = method == http::Method::kGet ? "socialmap_propose" : "socialmap_propose_post",
                .access = professional});
  }
  router.Post("/{lang}/social-map/services/{service_id}/verify", page(VerifyService),
              {.name = "socialmap_verify", .access = professional});
  router.Get("/{lang}/social-map/review", page(ReviewList), {.name = "socialmap_review", .access = professional});
  router.Get("/{lang}/social-map/review/{proposal_id}", page(ProposalPage),
             {.name = "socialmap_proposal", .access = professional});
  router.Post("/{lang}/social-map/review/{proposal_id}/publish",
              page([](const web::Site& s, Services& v, const http::Request& r, Language l) {
                return ReviewProposal(s, v, r, l, true);
              }),
              {.name = "socialmap_publish", .access = professional});
  router.Post("/{lang}/social-map/review/{proposal_id}/send-back",
              page([](const web::Site& s, Services& v, const http::Request& r, Language l) {
                return ReviewProposal(s, v, r, l, false);
              }),
              {.name = "socialmap_send_back", .access = professional});
}

}  // namespace zoneatlas::socialmap
