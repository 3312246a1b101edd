// Zone editors add the regional campaigns that local sessions attach to, and keep them
// current (see edit_pages.hpp): names in Dutch and French, the period, the theme, the
// campaign's own site and the atlas indicator of its baseline.
#include <boost/json.hpp>
#include <map>

#include "accounts/routes.hpp"
#include "agenda/edit_pages.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"
#include "web/choices.hpp"

namespace zoneatlas::agenda {
namespace {

namespace json = boost::json;
using web::Choices;
using Form = std::multimap<std::string, std::string>;

std::string Field(const Form& form, const char* name) { return std::string(text::Trim(http::FormField(form, name))); }

Form FormOf(const Campaign& campaign) {
  return {{"name_nl", campaign.name_nl},
          {"name_fr", campaign.name_fr},
          {"name_en", campaign.name_en},
          {"description_nl", campaign.description_nl},
          {"description_fr", campaign.description_fr},
          {"theme", campaign.theme},
          {"from", campaign.from.ToIso()},
          {"until", campaign.until.ToIso()},
          {"baseline_indicator", campaign.baseline_indicator},
          {"url", campaign.url}};
}

// `editing`: the campaign the form changes; null for a new one.
http::Response FormPage(const web::Site& site, Services& services, const http::Request& request, Language language,
                        const Campaign* editing, const Form& typed, const std::vector<Problem>& problems, int status) {
  json::array messages;
  for (const Problem& problem : problems) {
    messages.emplace_back(site.renderer.catalog().Get(language, "agenda_campaign_problem_" + problem.field));
  }
  std::vector<VocabularyTerm> indicators = services.vocabulary.indicators;
  std::sort(indicators.begin(), indicators.end(), [&](const VocabularyTerm& a, const VocabularyTerm& b) {
    return text::Fold(a.In(language)) < text::Fold(b.In(language));
  });
  const std::string heading = editing ? site.renderer.catalog().Format(language, "agenda_campaign_edit_title",
                                                                       {{"name", editing->Name(language)}})
                                      : std::string(site.renderer.catalog().Get(language, "agenda_campaign_new"));
  json::object model{
      {"heading", heading},
      {"editing", editing != nullptr},
      {"agenda_href", web::Href(language, "/agenda")},
      {"campaign_href", editing ? web::Href(language, "/agenda/campaigns/" + editing->id) : ""},
      {"action", web::Href(language, editing ? "/agenda/campaigns/" + editing->id + "/edit" : "/agenda/campaigns/new")},
      {"remove_action", editing ? web::Href(language, "/agenda/campaigns/" + editing->id + "/remove") : ""},
      {"themes", Choices(services.vocabulary.themes, language, {Field(typed, "theme")})},
      {"indicators", Choices(indicators, language, {Field(typed, "baseline_indicator")})},
      {"has_problems", !messages.empty()},
      {"problems", std::move(messages)},
      {"csrf_field", http::kCsrfField},
      {"csrf_token", request.identity ? request.identity->csrf_token : ""},
  };
  for (const char* name :
       {"name_nl", "name_fr", "name_en", "description_nl", "description_fr", "from", "until", "url"}) {
    model[std::string("typed_") + name] = Field(typed, name);
  }
  http::Response page = web::Page(site, request, language, "agenda_campaign_form", heading, std::move(model), status);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response Save(const web::Site& site, Services& services, const http::Request& request, Language language,
                    const Campaign* recorded) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  Campaign campaign;
  campaign.id = recorded ? recorded->id : "";
  for (const auto& [name, into] : {std::pair{"name_nl", &campaign.name_nl},
                                   {"name_fr", &campaign.name_fr},
                                   {"name_en", &campaign.name_en},
                                   {"description_nl", &campaign.description_nl},
                                   {"description_fr", &campaign.description_fr},
                                   {"theme", &campaign.theme},
                                   {"baseline_indicator", &campaign.baseline_indicator},
                                   {"url", &campaign.url}}) {
    *into = Field(*form, name);
  }
  std::vector<Problem> problems;
  const auto from = Date::Parse(Field(*form, "from"));
  const auto until = Date::Parse(Field(*form, "until"));
  if (!from) problems.push_back({"from", "not a date"});
  if (!until) problems.push_back({"until", "not a date"});
  campaign.from = from.value_or(Date::Today());
  campaign.until = until.value_or(campaign.from);
  Campaign checked = campaign;
  if (checked.id.empty()) checked.id = "new";  // Check wants one; SaveCampaign gives the real one.
  for (Problem& problem : Check(checked, services.vocabulary)) problems.push_back(std::move(problem));
  if (!problems.empty()) return FormPage(site, services, request, language, recorded, *form, problems, 422);
  auto id = services.store.SaveCampaign(std::move(campaign), {accounts::ActorOf(*request.identity)});
  if (!id) return web::ErrorPage(site, request, language, id.error());
  return http::Response::Redirect(web::Href(language, "/agenda/campaigns/" + *id), 303);
}

// Takes the campaign out of the calendar once the editor ticks that they mean it and no
// activity belongs to it any more.
http::Response Remove(const web::Site& site, Services& services, const http::Request& request, Language language,
                      const Campaign& campaign) {
  auto form = accounts::SignedForm(request);
  if (!form) return web::FormExpiredPage(site, request, language);
  if (http::FormField(*form, "sure") != "1") {
    return FormPage(site, services, request, language, &campaign, FormOf(campaign), {{"sure", "not ticked"}}, 422);
  }
  if (auto removed = services.store.RemoveCampaign(campaign.id, {accounts::ActorOf(*request.identity)}); !removed) {
    if (!removed.error().Is(ErrorCode::kFailedPrecondition)) {
      return web::ErrorPage(site, request, language, removed.error());
    }
    return FormPage(site, services, request, language, &campaign, FormOf(campaign),
                    {{"attached", "activities belong to it"}}, 409);
  }
  return http::Response::Redirect(web::Href(language, "/agenda"), 303);
}

}  // namespace

void AddCampaignRoutes(http::Router& router, const web::Site& site, Services& services) {
  // Campaigns are regional: every zone's editors attach sessions to them and keep them current.
  const std::string editors(web::kZoneEditor);
  router.Get("/{lang}/agenda/campaigns/new",
             web::ForLanguage(site,
                              [&site, &services](const http::Request& request, Language language) {
                                return FormPage(site, services, request, language, nullptr, {}, {}, 200);
                              }),
             {.name = "agenda_campaign_new", .access = editors});
  router.Post("/{lang}/agenda/campaigns/new",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 return Save(site, services, request, language, nullptr);
                               }),
              {.name = "agenda_campaign_add", .access = editors});
  router.Get(
      "/{lang}/agenda/campaigns/{campaign_id}/edit",
      web::ForLanguage(site,
                       [&site, &services](const http::Request& request, Language language) {
                         auto campaign = services.store.FindCampaign(std::string(request.PathParam("campaign_id")));
                         if (!campaign) return web::ErrorPage(site, request, language, campaign.error());
                         return FormPage(site, services, request, language, &*campaign, FormOf(*campaign), {}, 200);
                       }),
      {.name = "agenda_campaign_edit", .access = editors});
  router.Post("/{lang}/agenda/campaigns/{campaign_id}/edit",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 auto campaign =
                                     services.store.FindCampaign(std::string(request.PathParam("campaign_id")));
                                 if (!campaign) return web::ErrorPage(site, request, language, campaign.error());
                                 return Save(site, services, request, language, &*campaign);
                               }),
              {.name = "agenda_campaign_save", .access = editors});
  router.Post("/{lang}/agenda/campaigns/{campaign_id}/remove",
              web::ForLanguage(site,
                               [&site, &services](const http::Request& request, Language language) {
                                 auto campaign =
                                     services.store.FindCampaign(std::string(request.PathParam("campaign_id")));
                                 if (!campaign) return web::ErrorPage(site, request, language, campaign.error());
                                 return Remove(site, services, request, language, *campaign);
                               }),
              {.name = "agenda_campaign_remove", .access = editors});
}

}  // namespace zoneatlas::agenda
