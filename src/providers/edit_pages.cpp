// Zone editors add a provider to their zone's directory and keep its details current (see
// pages.hpp), with the provider's consent recorded: its date and how it was given, and the
// editor's word that it was (and, on every change, still holds).
#include <boost/json.hpp>
#include <map>

#include "accounts/routes.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "providers/pages.hpp"
#include "web/access.hpp"

namespace zoneatlas::providers {
namespace {

namespace json = boost::json;
using Form = std::multimap<std::string, std::string>;

std::string Message(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string Field(const Form& form, const char* name) { return std::string(text::Trim(http::FormField(form, name))); }

// The provider typed in the form; what the form itself cannot read goes to `problems`.
Provider ProviderFrom(const Form& form, const std::string& zone_id, std::vector<Problem>& problems) {
  Provider provider;
  provider.zone_id = zone_id;
  provider.name = Field(form, "name");
  provider.profession = Field(form, "profession");
  provider.practice = Field(form, "practice");
  provider.areas = http::FormValues(form, "areas");
  // "nl, fr" or "nl fr": language codes as people type them.
  std::string languages = text::AsciiLower(Field(form, "languages"));
  std::replace(languages.begin(), languages.end(), ',', ' ');
  for (std::string_view code : text::Split(languages, ' ')) {
    if (!text::Trim(code).empty()) provider.languages.emplace_back(text::Trim(code));
  }
  provider.accepting = ParseAccepting(Field(form, "accepting")).value_or(Accepting::kUnknown);
  provider.address = Field(form, "address");
  provider.phone = Field(form, "phone");
  provider.email = Field(form, "email");
  provider.website = Field(form, "website");
  provider.contact_note = Field(form, "contact_note");
  if (auto consent_on = Date::Parse(Field(form, "consent_on"))) {
    provider.consent_on = *consent_on;
  } else {
    problems.push_back({"consent_on", "not a date"});
  }
  provider.consent_how = Field(form, "consent_how");
  if (Field(form, "consent_given") != "1") problems.push_back({"consent", "not confirmed"});
  for (const auto& [name, text] : {std::pair{"name", &provider.name},
                                   {"practice", &provider.practice},
                                   {"address", &provider.address},
                                   {"contact_note", &provider.contact_note},
                                   {"consent_how", &provider.consent_how}}) {
    if (text->size() > 500) problems.push_back({name, "too long"});
  }
  return provider;
}

// What a problem means to the person at the form, in their language.
std::string ProblemText(const web::Site& site, Language language, const Problem& problem) {
  const std::string key = "providers_problem_" + problem.field;
  const std::string text = Message(site, language, key);
  return text == key ? problem.field + ": " + problem.message : text;
}

// A listed provider as its form shows it, to edit; the consent is to be confirmed again.
Form FormOf(const Provider& provider) {
  Form form{{"name", provider.name},
            {"profession", provider.profession},
            {"practice", provider.practice},
            {"languages", text::JoinList(provider.languages, ' ')},
            {"accepting", std::string(Code(provider.accepting))},
            {"address", provider.address},
            {"phone", provider.phone},
            {"email", provider.email},
            {"website", provider.website},
            {"contact_note", provider.contact_note},
            {"consent_on", provider.consent_on.ToIso()},
            {"consent_how", provider.consent_how}};
  for (const std::string& area : provider.areas) form.emplace("areas", area);
  return form;
}

// `editing`: the listed provider the form changes; null for a new one.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Provider* editing, const Form& typed, const std::vector<Problem>& problems, int status) {
  const std::string zone_id(request.PathParam("zone_id"));
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return web::ErrorPage(site, request, language, zone.error());
  auto names = geo::PlaceNamesOf(services.geography, language, Date::Today());
  if (!names) return web::ErrorPage(site, request, language, names.error());
  const std::string profession = Field(typed, "profession");
  json::array professions;
  for (const Profession& each : Professions()) {
    professions.push_back(json::object{
        {"id", std::string(each.id)}, {"name", std::string(each.In(language))}, {"selected", each.id == profession}});
  }
  const std::vector<std::string> chosen = http::FormValues(typed, "areas");
  json::array areas;
  for (const geo::ZoneMember& member : zone->members) {
    const auto found = names->areas.find(member.area_code);
    areas.push_back(
        json::object{{"id", member.area_code},
                     {"name", found == names->areas.end() ? member.area_code : found->second},
                     {"selected", std::find(chosen.begin(), chosen.end(), member.area_code) != chosen.end()}});
  }
  const std::string accepting = Field(typed, "accepting");
  json::array accepting_choices;
  for (const Accepting each : {Accepting::kUnknown, Accepting::kYes, Accepting::kNo}) {
    const std::string code(Code(each));
    accepting_choices.push_back(json::object{{"id", code},
                                             {"name", Message(site, language, "providers_accepting_" + code)},
                                             {"selected", code == accepting}});
  }
  json::array messages;
  for (const Problem& problem : problems) messages.emplace_back(ProblemText(site, language, problem));
  const std::string zone_name = zone->names.In(language);
  const std::string heading =
      editing ? site.renderer.catalog().Format(language, "providers_edit_title", {{"name", editing->name}})
              : site.renderer.catalog().Format(language, "providers_new_title", {{"zone", zone_name}});
  json::object model{
      {"zone", zone_name},
      {"heading", heading},
      {"editing", editing != nullptr},
      {"list_href", web::Href(language, "/zones/" + zone_id + "/providers")},
      {"action", web::Href(language, "/zones/" + zone_id + "/providers/" + (editing ? editing->id + "/edit" : "new"))},
      {"professions", std::move(professions)},
      {"area_choices", std::move(areas)},
      {"accepting_choices", std::move(accepting_choices)},
      {"has_problems", !messages.empty()},
      {"problems", std::move(messages)},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity ? request.identity->csrf_token : ""},
  };
  for (const char* name : {"name", "practice", "languages", "address", "phone", "email", "website", "contact_note",
                           "consent_on", "consent_how"}) {
    model[std::string("typed_") + name] = Field(typed, name);
  }
  model["consent_given"] = Field(typed, "consent_given") == "1";
  http::Response page = web::Page(site, request, language, "providers_new", heading, std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Add(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  std::vector<Problem> problems;
  Provider provider = ProviderFrom(*form, zone_id, problems);
  if (problems.empty()) {
    provider.id = "new";  // Check wants one; Add gives the real one.
    auto found = services.store.Problems(provider);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, nullptr, *form, problems, 422);
  auto id = services.store.Add(std::move(provider), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/zones/" + zone_id + "/providers") + "?added=1", 303);
}

http::Response EditPage(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto provider = services.store.FindProvider(std::string(request.PathParam("zone_id")),
                                              std::string(request.PathParam("provider_id")));
  if (!provider) return web::ErrorPage(site, request, language, provider.error());
  return FormPage(site, services, request, language, &*provider, FormOf(*provider), {}, 200);
}

// Saves the form over the listed provider; its id, zone and demo mark stay.
http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  auto recorded = services.store.FindProvider(std::string(request.PathParam("zone_id")),
                                              std::string(request.PathParam("provider_id")));
  if (!recorded) return web::ErrorPage(site, request, language, recorded.error());
  std::vector<Problem> problems;
  Provider provider = ProviderFrom(*form, recorded->zone_id, problems);
  provider.id = recorded->id;
  provider.demo = recorded->demo;
  if (problems.empty()) {
    auto found = services.store.Problems(provider);
    if (!found) return web::ErrorPage(site, request, language, found.error());
    problems = std::move(*found);
  }
  if (!problems.empty()) return FormPage(site, services, request, language, &*recorded, *form, problems, 422);
  if (auto saved = services.store.Update(provider, {accounts::ActorOf(*request.identity)}); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  return http::Response::Redirect(
      web::Href(language, "/zones/" + provider.zone_id + "/providers") + "?saved=1#provider-" + provider.id, 303);
}

http::Response Remove(const web::Site& site, Services& services, const http::Request& request, Language language) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  const std::string zone_id(request.PathParam("zone_id"));
  if (auto removed = services.store.Remove(zone_id, std::string(request.PathParam("provider_id")),
                                           {accounts::ActorOf(*request.identity)});
      !removed) {
    return web::ErrorPage(site, request, language, removed.error());
  }
  return http::Response::Redirect(web::Href(language, "/zones/" + zone_id + "/providers") + "?removed=1", 303);
}

}  // namespace

void AddEditRoutes(http::Router& router, const web::Site& site, Services& services) {
  router.Get("/{lang}/zones/{zone_id}/providers/new",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  return FormPage(site, services, request, language, nullptr, {}, {}, 200);
                                }),
             {.name = "provider_new", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/zones/{zone_id}/providers/new",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Add(site, services, request, language);
                                 }),
              {.name = "provider_add", .access = std::string(web::kZoneEditor)});
  router.Get("/{lang}/zones/{zone_id}/providers/{provider_id}/edit",
             web::ForZoneEditor(site,
                                [&site, &services](const http::Request& request, Language language) {
                                  return EditPage(site, services, request, language);
                                }),
             {.name = "provider_edit", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/zones/{zone_id}/providers/{provider_id}/edit",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Save(site, services, request, language);
                                 }),
              {.name = "provider_save", .access = std::string(web::kZoneEditor)});
  router.Post("/{lang}/zones/{zone_id}/providers/{provider_id}/remove",
              web::ForZoneEditor(site,
                                 [&site, &services](const http::Request& request, Language language) {
                                   return Remove(site, services, request, language);
                                 }),
              {.name = "provider_remove", .access = std::string(web::kZoneEditor)});
}

}  // namespace zoneatlas::providers
