#include "providers/pages.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/formats/qr_code.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::providers {
namespace {

namespace json = boost::json;
using web::Choices;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string ThemeName(const Services& services, const std::string& id, Language language) {
  const VocabularyTerm* term = services.vocabulary.FindTheme(id);
  return term ? term->In(language) : id;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// A language code in the reader's words where zoneatlas has them ("Frans"), else the code.
std::string LanguageName(const web::Site& site, const std::string& code, Language language) {
  const std::string key = "providers_language_" + code;
  const std::string name = Message(site, language, key);
  return name == key ? code : name;
}

bool SeesContacts(const http::Request& request) { return web::Allows(web::kProfessional, request.identity.get()); }

http::Response ProvidersPage(const web::Site& site, Services& services, const http::Request& request,
                             Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  auto providers = services.store.Providers(zone_id);
  if (!providers) return web::ErrorPage(site, request, language, providers.error());
  const ProviderFilter filter{.profession = request.Query("profession").value_or(""),
                              .area = request.Query("area").value_or(""),
                              .language = request.Query("language").value_or(""),
                              .accepting_only = request.Query("accepting").value_or("") == "1"};
  const bool contacts = SeesContacts(request);
  const bool edits = web::EditsZone(request.identity.get(), zone_id);
  auto place = [&](const std::string& code) {
    const auto found = names->areas.find(code);
    return found == names->areas.end() ? code : found->second;
  };
  json::array items;
  std::set<std::string> languages_met;
  bool demo = false;
  for (const Provider& provider : *providers) {
    for (const std::string& code : provider.languages) languages_met.insert(code);
    if (!Matches(provider, filter)) continue;
    std::vector<std::string> places, spoken;
    for (const std::string& code : provider.areas) places.push_back(place(code));
    for (const std::string& code : provider.languages) spoken.push_back(LanguageName(site, code, language));
    const Profession* profession = FindProfession(provider.profession);
    demo = demo || provider.demo;
    json::object item{
        {"id", provider.id},
        {"name", provider.name},
        {"profession", profession ? std::string(profession->In(language)) : provider.profession},
        {"practice", provider.practice},
        {"places", places.empty() ? Message(site, language, "providers_whole_zone") : Joined(places)},
        {"languages", Joined(spoken)},
        {"accepting", Message(site, language, "providers_accepting_" + std::string(Code(provider.accepting)))},
        {"accepting_yes", provider.accepting == Accepting::kYes},
        {"demo", provider.demo},
    };
    if (edits) {
      item["remove_action"] = web::Href(language, "/zones/" + zone_id + "/providers/" + provider.id + "/remove");
      item["edit_href"] = web::Href(language, "/zones/" + zone_id + "/providers/" + provider.id + "/edit");
      item["csrf_field"] = http::kCsrfField;
      item["csrf_token"] = request.identity->csrf_token;
    }
    if (contacts) {
      item["address"] = provider.address;
      item["phone"] = provider.phone;
      item["phone_href"] = "tel:" + provider.phone;
      item["email"] = provider.email;
      item["website"] = provider.website;
      item["contact_note"] = provider.contact_note;
    }
    items.push_back(std::move(item));
  }
  std::vector<std::pair<std::string, std::string>> professions, areas, languages;
  for (const Profession& profession : Professions()) {
    professions.emplace_back(std::string(profession.id), std::string(profession.In(language)));
  }
  for (const geo::ZoneMember& member : zone->members) areas.emplace_back(member.area_code, place(member.area_code));
  for (const std::string& code : languages_met) languages.emplace_back(code, LanguageName(site, code, language));
  const std::string zone_name = zone->names.In(language);
  const std::size_t count = items.size();
  json::object model{
      {"zone", zone_name},
      {"zone_href", web::Href(language, "/zones/" + zone_id)},
      {"routes_href", web::Href(language, "/zones/" + zone_id + "/referral-routes")},
      {"new_href", web::EditsZone(request.identity.get(), zone_id)
                       ? web::Href(language, "/zones/" + zone_id + "/providers/new")
                       : ""},
      {"notice", request.Query("added")     ? Message(site, language, "providers_added")
                 : request.Query("saved")   ? Message(site, language, "providers_saved")
                 : request.Query("removed") ? Message(site, language, "providers_removed")
                                            : ""},
      {"action", web::Href(language, "/zones/" + zone_id + "/providers")},
      {"count", count},
      {"has_providers", count > 0},
      {"providers", std::move(items)},
      {"contacts", contacts},
      {"demo", demo},
      {"accepting_only", filter.accepting_only},
      {"professions", Choices(professions, filter.profession)},
      {"areas", Choices(areas, filter.area)},
      {"language_choices", Choices(languages, filter.language)},
  };
  return web::Page(site, request, language, "providers_list",
                   site.renderer.catalog().Format(language, "providers_title", {{"zone", zone_name}}),
                   std::move(model));
}

json::object RouteSummary(const Services& services, const std::string& zone_id, const Route& route, Language language) {
  return json::object{{"question", route.question},
                      {"lang", LanguageCode(route.language)},
                      {"href", web::Href(language, "/zones/" + zone_id + "/referral-routes/" + route.id)},
                      {"theme", ThemeName(services, route.theme, language)},
                      {"services", route.steps.size()},
                      {"demo", route.demo}};
}

http::Response RoutesPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto routes = services.store.Routes(zone_id);
  if (!routes) return web::ErrorPage(site, request, language, routes.error());
  auto counts = services.store.ReferralCounts(zone_id);
  if (!counts) return web::ErrorPage(site, request, language, counts.error());
  json::array items;
  std::map<std::string, std::string> questions;
  for (const Route& route : *routes) {
    items.push_back(RouteSummary(services, zone_id, route, language));
    questions[route.id] = route.question;
  }
  json::array rows;
  for (const ReferralCount& count : *counts) {
    const auto question = questions.find(count.route_id);
    rows.push_back(json::object{
        {"month", count.month},
        {"question", question == questions.end() ? count.route_id : question->second},
        {"made", count.made},
        {"asked", count.asked},
        {"acknowledged", count.acknowledged},
    });
  }
  const std::string zone_name = zone->names.In(language);
  const bool edits = web::EditsZone(request.identity.get(), zone_id);
  json::object model{{"zone", zone_name},
                     {"zone_href", web::Href(language, "/zones/" + zone_id)},
                     {"providers_href", web::Href(language, "/zones/" + zone_id + "/providers")},
                     {"new_href", edits ? web::Href(language, "/zones/" + zone_id + "/referral-routes/new") : ""},
                     {"has_routes", !items.empty()},
                     {"routes", std::move(items)},
                     {"has_counts", !rows.empty()},
                     {"counts", std::move(rows)}};
  http::Response page = web::Page(
      site, request, language, "referral_routes",
      site.renderer.catalog().Format(language, "referral_routes_title", {{"zone", zone_name}}), std::move(model));
  if (edits) page.headers.Set("Cache-Control", "no-store");
  return page;
}

// The steps of a route as pages show them: each service with the social map's places and
// the rights to check.
json::array StepsModel(const Services& services, const Route& route, Language language) {
  const auto names = services.rights ? services.rights(language) : std::vector<std::pair<std::string, std::string>>{};
  json::array steps;
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    const Step& step = route.steps[i];
    std::string search = "/social-map?";
    if (!step.social_map_q.empty()) search += "q=" + web::PercentEncode(step.social_map_q);
    if (!step.theme.empty()) search += std::string(step.social_map_q.empty() ? "" : "&") + "theme=" + step.theme;
    json::array rights;
    for (const std::string& id : step.rights) {
      const auto named = std::find_if(names.begin(), names.end(), [&](const auto& right) { return right.first == id; });
      rights.push_back(json::object{{"href", web::Href(language, "/rights/" + id)},
                                    {"id", named == names.end() ? id : named->second}});
    }
    steps.push_back(json::object{
        {"number", i + 1},
        {"service", step.service},
        {"what", step.what},
        {"map_href", step.social_map_q.empty() && step.theme.empty() ? "" : web::Href(language, search)},
        {"theme", step.theme.empty() ? "" : ThemeName(services, step.theme, language)},
        {"has_rights", !rights.empty()},
        {"rights", std::move(rights)},
    });
  }
  return steps;
}

Result<std::pair<geo::Zone, Route>> ZoneAndRoute(Services& services, const http::Request& request) {
  auto zone = services.geography.FindZone(std::string(request.PathParam("zone_id")), Date::Today());
  if (!zone) return Fail(zone.error());
  auto route = services.store.FindRoute(std::string(request.PathParam("route_id")));
  if (!route) return Fail(route.error());
  if (!route->zone_id.empty() && route->zone_id != zone->id) {
    return Fail(Error::NotFound("no referral route " + route->id + " in zone " + zone->id));
  }
  return std::pair(std::move(*zone), std::move(*route));
}

http::Response RoutePage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto found = ZoneAndRoute(services, request);
  if (!found) return web::ErrorPage(site, request, language, found.error());
  const auto& [zone, route] = *found;
  const bool professional = SeesContacts(request);
  json::array choices;
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    choices.push_back(json::object{{"number", i}, {"service", route.steps[i].service}, {"checked", i == 0}});
  }
  json::object model{
      {"zone", zone.names.In(language)},
      {"routes_href", web::Href(language, "/zones/" + zone.id + "/referral-routes")},
      {"question", route.question},
      {"content_lang", LanguageCode(route.language)},
      {"description", route.description},
      {"theme", ThemeName(services, route.theme, language)},
      {"steps", StepsModel(services, route, language)},
      {"demo", route.demo},
      {"professional", professional},
      {"slip_action", web::Href(language, "/zones/" + zone.id + "/referral-routes/" + route.id + "/slip")},
      {"choices", std::move(choices)},
  };
  if (professional) {
    model["csrf_field"] = http::kCsrfField;
    model["csrf_token"] = request.identity->csrf_token;
  }
  // A route for every zone is no one zone's to edit.
  if (!route.zone_id.empty() && web::EditsZone(request.identity.get(), route.zone_id)) {
    model["edit_href"] = web::Href(language, "/zones/" + zone.id + "/referral-routes/" + route.id + "/edit");
  }
  http::Response page = web::Page(site, request, language, "referral_route", route.question, std::move(model));
  if (professional) page.headers.Set("Cache-Control", "no-store");
  return page;
}

// The slip the person takes along. Nothing about the person passes through zoneatlas: the
// professional writes the name by hand; the next step typed here is printed, not kept.
http::Response SlipPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto found = ZoneAndRoute(services, request);
  if (!found) return web::ErrorPage(site, request, language, found.error());
  const auto& [zone, route] = *found;
  const auto step = text::ParseInteger(http::FormField(*form, "step"));
  if (!step || *step < 0 || static_cast<std::size_t>(*step) >= route.steps.size()) {
    return web::ErrorPage(site, request, language, Error::InvalidArgument("choose the service to refer to"));
  }
  const bool acknowledgement = http::FormField(*form, "acknowledgement") == "1";
  auto id = services.store.RecordReferral(zone.id, route, static_cast<int>(*step), acknowledgement);
  if (!id) return web::ErrorPage(site, request, language, id.error());
  json::array steps = StepsModel(services, route, language);
  json::object model{
      {"zone", zone.names.In(language)},
      {"question", route.question},
      {"content_lang", LanguageCode(route.language)},
      {"step", steps.at(static_cast<std::size_t>(*step))},
      {"next_step", std::string(text::Trim(http::FormField(*form, "next_step"))).substr(0, 1000)},
      {"made_on", view::FormatDate(Date::Today().year(), Date::Today().month(), Date::Today().day(), language)},
      {"acknowledgement", acknowledgement},
      {"route_href", web::Href(language, "/zones/" + zone.id + "/referral-routes/" + route.id)},
  };
  if (acknowledgement) {
    const std::string link = web::Origin(site) + web::Href(language, "/referrals/" + *id);
    model["acknowledgement_link"] = link;
    if (auto qr = formats::QrCodeSvg(link, Message(site, language, "referral_slip_qr_label"))) model["qr"] = *qr;
  }
  http::Response page =
      web::Page(site, request, language, "referral_slip",
                Message(site, language, "referral_slip_title") + ": " + route.question, std::move(model));
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

// What the receiving service sees: the question and the service asked, never the person.
http::Response AcknowledgementPage(const web::Site& site, Services& services, const http::Request& request,
                                   Language language, bool seen_now) {
  auto referral = services.store.FindReferral(std::string(request.PathParam("referral_id")));
  if (!referral) return web::ErrorPage(site, request, language, referral.error());
  auto route = services.store.FindRoute(referral->route_id);
  if (!route) return web::ErrorPage(site, request, language, route.error());
  const std::size_t step = static_cast<std::size_t>(referral->step);
  const Date made = referral->made_on;
  json::object model{
      {"question", route->question},
      {"content_lang", LanguageCode(route->language)},
      {"service", step < route->steps.size() ? route->steps[step].service : ""},
      {"made_on", view::FormatDate(made.year(), made.month(), made.day(), language)},
      {"asked", referral->acknowledgement_asked},
      {"seen", referral->acknowledged_on.has_value()},
      {"seen_now", seen_now},
      {"action", web::Href(language, "/referrals/" + referral->id)},
  };
  http::Response cookie;
  model["csrf_field"] = http::kCsrfField;
  model["csrf_token"] = http::CsrfToken(request, cookie);
  http::Response page = web::Page(site, request, language, "referral_acknowledgement",
                                  Message(site, language, "referral_ack_title"), std::move(model));
  for (const auto& [name, value] : cookie.headers.fields()) page.headers.Add(name, value);
  page.headers.Set("Cache-Control", "no-store");
  // The link is a secret: it must not leak to other sites through the Referer header.
  page.headers.Set("Referrer-Policy", "no-referrer");
  return page;
}

json::object ProviderJson(const Provider& provider, bool contacts) {
  json::object object{{"id", provider.id},
                      {"zone", provider.zone_id},
                      {"name", provider.name},
                      {"profession", provider.profession},
                      {"practice", provider.practice},
                      {"areas", json::array(provider.areas.begin(), provider.areas.end())},
                      {"languages", json::array(provider.languages.begin(), provider.languages.end())},
                      {"accepting", Code(provider.accepting)},
                      {"demo", provider.demo}};
  if (contacts) {
    object["address"] = provider.address;
    object["phone"] = provider.phone;
    object["email"] = provider.email;
    object["website"] = provider.website;
    object["contact_note"] = provider.contact_note;
  }
  return object;
}

json::object RouteJson(const Route& route) {
  json::array steps;
  for (const Step& step : route.steps) {
    steps.push_back(json::object{{"service", step.service},
                                 {"what", step.what},
                                 {"social_map_q", step.social_map_q},
                                 {"theme", step.theme},
                                 {"rights", json::array(step.rights.begin(), step.rights.end())}});
  }
  return json::object{{"id", route.id},
                      {"zone", route.zone_id.empty() ? json::value(nullptr) : json::value(route.zone_id)},
                      {"question", route.question},
                      {"description", route.description},
                      {"theme", route.theme},
                      {"target_groups", json::array(route.target_groups.begin(), route.target_groups.end())},
                      {"steps", std::move(steps)},
                      {"language", LanguageCode(route.language)},
                      {"demo", route.demo}};
}

}  // namespace

void AddPageRoutes(http::Router& router, const web::Site& site, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/{lang}/zones/{zone_id}/providers",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return ProvidersPage(site, services, request, language);
                              }),
             {.name = "providers", .access = everyone});
  router.Get("/{lang}/zones/{zone_id}/referral-routes",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return RoutesPage(site, services, request, language);
                              }),
             {.name = "referral_routes", .access = everyone});
  router.Get("/{lang}/zones/{zone_id}/referral-routes/{route_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return RoutePage(site, services, request, language);
                              }),
             {.name = "referral_route", .access = everyone});
  router.Post("/{lang}/zones/{zone_id}/referral-routes/{route_id}/slip",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return SlipPage(site, services, request, language);
                               }),
              {.name = "referral_slip", .access = std::string(web::kProfessional)});
  // The receiving service needs no account: the link itself is the secret (128 bits).
  router.Get("/{lang}/referrals/{referral_id}",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return AcknowledgementPage(site, services, request, language, false);
                              }),
             {.name = "referral_acknowledgement", .access = everyone});
  router.Post("/{lang}/referrals/{referral_id}",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 auto form = http::ParseForm(request);
                                 if (!form || !http::CsrfTokenMatches(request, *form)) {
                                   return web::FormExpiredPage(site, request, language);
                                 }
                                 const std::string id(request.PathParam("referral_id"));
                                 if (auto seen = services.store.Acknowledge(id); !seen) {
                                   return web::ErrorPage(site, request, language, seen.error());
                                 }
                                 return AcknowledgementPage(site, services, request, language, true);
                               }),
              {.name = "referral_acknowledge", .access = everyone});
}

void AddApiRoutes(http::Router& router, Services& services) {
  router.Get("/api/v1/providers",
             [&services](const http::Request& request) {
               auto providers = services.store.Providers(request.Query("zone").value_or(""));
               if (!providers) return web::Problem(providers.error());
               const bool contacts = SeesContacts(request);
               json::array items;
               for (const Provider& provider : *providers) items.push_back(ProviderJson(provider, contacts));
               return http::Response::Json(json::serialize(json::object{{"providers", std::move(items)}}));
             },
             {.name = "api_providers", .access = std::string(web::kPublic)});
  router.Get("/api/v1/referral-routes",
             [&services](const http::Request& request) {
               auto routes = services.store.Routes(request.Query("zone").value_or(""));
               if (!routes) return web::Problem(routes.error());
               json::array items;
               for (const Route& route : *routes) items.push_back(RouteJson(route));
               return http::Response::Json(json::serialize(json::object{{"routes", std::move(items)}}));
             },
             {.name = "api_referral_routes", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::providers
