#include "app/application.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "accessibility/accessibility.hpp"
#include "accounts/routes.hpp"
#include "agenda/edit_pages.hpp"
#include "app/indicator_figures.hpp"
#include "app/radar_pages.hpp"
#include "app/supply_pages.hpp"
#include "app/theme_pages.hpp"
#include "app/vocabulary.hpp"
#include "atlas/routes.hpp"
#include "core/text.hpp"
#include "geo/routes.hpp"
#include "platform/http/compression.hpp"
#include "platform/resources/resources.hpp"
#include "rights/api.hpp"
#include "rights/figure_pages.hpp"
#include "rights/freshness.hpp"
#include "rights/pages.hpp"
#include "rights/rule_pages.hpp"
#include "socialmap/nearby.hpp"
#include "web/access.hpp"

namespace zoneatlas::app {
namespace {

bool IsApi(const http::Request& request) { return text::StartsWith(request.path, "/api/"); }

// The language for an error page: the URL's, else the browser's preference.
Language ErrorLanguage(const http::Request& request) {
  const auto segments = text::Split(std::string_view(request.path).substr(1), '/');
  if (const auto language = ParseLanguage(segments.front())) return *language;
  return PreferredLanguage(request.headers.Get("Accept-Language"));
}

}  // namespace

Application::Application(db::Database& database, std::unique_ptr<view::Renderer> renderer, Options options)
    : database_(database),
      renderer_(std::move(renderer)),
      static_files_("static/"),
      site_{*renderer_, static_files_.version(), options.map_tiles, pdf_printer_.available(), options.upload_limit_mib,
            ""},
      trusted_proxies_(std::move(options.trusted_proxies)),
      metrics_from_(std::move(options.metrics_from)),
      accounts_(database, options.sessions),
      geo_store_(database),
      atlas_store_(database) {}

Result<std::unique_ptr<Application>> Application::Create(db::Database& database, Options options) {
  auto renderer = view::Renderer::Load();
  if (!renderer) return Fail(renderer.error());
  auto atlas_catalog = atlas::Catalog::Shipped();
  if (!atlas_catalog) return Fail(atlas_catalog.error());
  const std::string search_index = options.search_index;
  std::unique_ptr<Application> application(new Application(database, std::move(*renderer), std::move(options)));
  application->atlas_catalog_ = std::move(*atlas_catalog);
  application->atlas_services_ = std::make_unique<atlas::Services>(
      atlas::Services{application->atlas_catalog_, application->atlas_store_, application->geo_store_,
                      application->atlas_cache_, application->atlas_ranking_});
  auto taxonomy = socialmap::Taxonomy::Shipped();
  if (!taxonomy) return Fail(taxonomy.error());
  if (search_index.empty()) return Fail(Error::InvalidArgument("the application needs a search index directory"));
  auto index = search::Index::Open(search_index);
  if (!index) return Fail(index.error());
  // The rights catalog in force: the shipped one with the figures and definitions zone
  // editors published.
  application->rights_figures_ = std::make_unique<rights::Figures>(database);
  application->rights_rule_changes_ = std::make_unique<rights::RuleChanges>(database);
  rights::Figures& figures = *application->rights_figures_;
  rights::CurrentCatalog::Loader load_rights = [&figures]() -> Result<rights::Catalog> {
    return rights::CatalogInForce(figures.database());
  };
  auto rights_catalog = load_rights();
  if (!rights_catalog) {
    // A published change that no longer fits the shipped catalog must not stop the site.
    spdlog::error("rights catalog with published changes: {}; using the shipped catalog only",
                  rights_catalog.error().message());
    rights_catalog = rights::Catalog::Shipped();
    if (!rights_catalog) return Fail(rights_catalog.error());
  }
  // The non-take-up radar reads the atlas: a right naming an indicator the atlas does not
  // have would show an empty radar, so the site does not start.
  for (const rights::Right& right : rights_catalog->rights()) {
    if (right.take_up_indicator.empty()) continue;
    std::vector<std::string> named = right.need_indicators;
    named.push_back(right.take_up_indicator);
    if (!right.take_up_base.empty()) named.push_back(right.take_up_base);
    for (const std::string& id : named) {
      const atlas::Indicator* indicator = application->atlas_catalog_.Find(id);
      if (indicator == nullptr || (id == right.take_up_base && !atlas::IsCount(*indicator))) {
        return Fail(Error::InvalidArgument("right " + right.id + ": take_up: '" + id + "' is not " +
                                           (id == right.take_up_base ? "a count" : "an indicator") +
                                           " of the atlas catalog"));
      }
      // A right of Brussels too (federal, Brussels) compares Brussels municipalities: an
      // indicator measured in Flanders only would leave its radar without figures there.
      if ((right.level == rights::Level::kFederal || right.level == rights::Level::kBrussels) &&
          !atlas::MeasuredIn(*indicator, "04000")) {
        return Fail(Error::InvalidArgument("right " + right.id + ": take_up: '" + id +
                                           "' is not measured in Brussels, where the right applies too"));
      }
    }
  }
  application->rights_catalog_ =
      std::make_unique<rights::CurrentCatalog>(std::move(*rights_catalog), std::move(load_rights));
  application->socialmap_taxonomy_ = std::make_unique<socialmap::Taxonomy>(std::move(*taxonomy));
  application->socialmap_store_ = std::make_unique<socialmap::Store>(database);
  application->search_index_ = std::move(*index);
  application->socialmap_search_ =
      std::make_unique<socialmap::Search>(*application->socialmap_taxonomy_, *application->socialmap_store_,
                                          application->geo_store_, *application->search_index_);
  application->socialmap_proposals_ = std::make_unique<socialmap::Proposals>(database, *application->socialmap_store_,
                                                                             *application->socialmap_taxonomy_);
  application->socialmap_services_ = std::make_unique<socialmap::Services>(
      socialmap::Services{*application->socialmap_taxonomy_, *application->socialmap_store_, application->geo_store_,
                          *application->socialmap_search_, *application->socialmap_proposals_, database});
  application->shared_vocabulary_ = SharedVocabulary(*application->socialmap_taxonomy_, application->atlas_catalog_);
  application->consultations_store_ =
      std::make_unique<consultations::Store>(database, application->geo_store_, application->shared_vocabulary_);
  // Action lines name the initiatives that carry them out; the inventory gives their titles.
  Application* wired = application.get();
  application->consultations_services_ = std::make_unique<consultations::Services>(consultations::Services{
      *application->consultations_store_, application->geo_store_, application->shared_vocabulary_,
      [wired](const std::string& id) -> std::optional<std::string> {
        auto found = wired->initiatives_store_->Find(id);
        return found ? std::optional<std::string>(found->title) : std::nullopt;
      },
      [wired](const std::string& zone_id) {
        std::vector<std::pair<std::string, std::string>> titles;
        if (auto inventory = wired->initiatives_store_->List(zone_id)) {
          for (const initiatives::Initiative& initiative : *inventory)
            titles.emplace_back(initiative.id, initiative.title);
        }
        return titles;
      }});
  application->agenda_store_ =
      std::make_unique<agenda::Store>(database, application->geo_store_, application->shared_vocabulary_);
  // Campaigns and initiatives show the atlas figures they start from and should move.
  application->agenda_services_ = std::make_unique<agenda::Services>(agenda::Services{
      *application->agenda_store_, application->geo_store_, application->shared_vocabulary_,
      [wired](const std::string& indicator_id, const std::string& zone_id, Language language) {
        return Baseline(*wired->atlas_services_, wired->site_.renderer.catalog(), indicator_id, zone_id, language);
      }});
  application->initiatives_store_ =
      std::make_unique<initiatives::Store>(database, application->geo_store_, application->shared_vocabulary_);
  application->initiatives_services_ = std::make_unique<initiatives::Services>(initiatives::Services{
      *application->initiatives_store_, application->geo_store_, application->shared_vocabulary_,
      [wired](const initiatives::Initiative& initiative, Language language) {
        return BeforeAndAfter(*wired->atlas_services_, wired->site_.renderer.catalog(), initiative, language);
      }});
  application->providers_store_ =
      std::make_unique<providers::Store>(database, application->geo_store_, application->shared_vocabulary_);
  application->providers_services_ = std::make_unique<providers::Services>(
      providers::Services{*application->providers_store_, application->geo_store_, application->shared_vocabulary_,
                          [wired](Language language) {
                            std::vector<std::pair<std::string, std::string>> names;
                            for (const rights::Right& right : wired->rights_catalog_->Get()->rights()) {
                              names.emplace_back(right.id, right.name.In(language));
                            }
                            return names;
                          }});
  application->AddRoutes();
  for (const http::Route& route : application->router_.routes()) {
    if (!web::IsAccessRule(route.options.access)) {
      return Fail(Error::Internal("route " + route.options.name + " (" + route.pattern +
                                  ") declares no known access rule: '" + route.options.access + "'"));
    }
  }
  return application;
}

void Application::AddRoutes() {
  router_.Get(
      "/",
      [this](const http::Request& request) {
        return http::Response::Redirect(web::Href(PreferredLanguage(request.headers.Get("Accept-Language")), "/"));
      },
      {.name = "root", .access = std::string(web::kPublic)});
  router_.Get("/{lang}",
              [this](const http::Request& request) {
                const auto language = ParseLanguage(request.PathParam("lang"));
                if (!language)
                  return web::ErrorPage(site_, request, ErrorLanguage(request), Error::NotFound("no such page"));
                return http::Response::Redirect(web::Href(*language, "/"), 301);
              },
              {.name = "language_root", .access = std::string(web::kPublic)});
  router_.Get("/static/{path...}",
              [this](const http::Request& request) { return static_files_.Serve(request, request.PathParam("path")); },
              {.name = "static", .access = std::string(web::kPublic)});
  router_.Get("/healthz",
              [this](const http::Request&) {
                auto alive =
                    database_.WithConnection([](db::Connection& connection) { return connection.Query("SELECT 1"); });
                if (!alive) return http::Response::Make(503, "text/plain; charset=utf-8", "database unavailable\n");
                return http::Response::Make(200, "text/plain; charset=utf-8", "ok\n");
              },
              {.name = "healthz", .access = std::string(web::kPublic)});
  router_.Get("/metrics",
              [this](const http::Request& request) {
                // Routes, counts and timings are for the operator's monitoring, not the world.
                if (std::ranges::find(metrics_from_, request.remote_address) == metrics_from_.end()) {
                  return http::Response::Make(404, "text/plain; charset=utf-8", "not found\n");
                }
                return http::Response::Make(200, "text/plain; version=0.0.4; charset=utf-8", metrics_.Render());
              },
              {.name = "metrics", .access = std::string(web::kPublic)});
  router_.Get("/api/v1/openapi.json",
              [](const http::Request&) {
                return http::Response::Make(200, "application/json",
                                            std::string(resources::Find("api/openapi.json").value_or("{}")));
              },
              {.name = "openapi", .access = std::string(web::kPublic)});
  accessibility::AddRoutes(router_, site_, database_);
  accounts::AddRoutes(router_, site_, accounts_);
  accounts::AddAdminRoutes(router_, site_, accounts_, database_);
  accounts::AddApiRoutes(router_);
  geo::AddPageRoutes(router_, site_, geo_store_, geo_cache_);
  geo::AddApiRoutes(router_, geo_store_, geo_cache_);
  geo::AddHistoryRoutes(router_, site_, geo_store_, database_);
  atlas::AddPageRoutes(router_, site_, *atlas_services_);
  atlas::AddApiRoutes(router_, *atlas_services_);
  atlas::AddNeedsRoutes(router_, site_, *atlas_services_);
  atlas::AddImportRoutes(router_, site_, *atlas_services_, database_);
  socialmap::AddPageRoutes(router_, site_, *socialmap_services_);
  socialmap::AddApiRoutes(router_, *socialmap_services_);
  socialmap::AddEditRoutes(router_, site_, *socialmap_services_);
  AddSupplyRoutes(router_, site_, *atlas_services_, *socialmap_services_);
  AddThemeRoutes(router_, site_, *atlas_services_, *socialmap_services_, *initiatives_services_, *agenda_services_);
  AddRadarRoutes(router_, site_, *atlas_services_, *rights_catalog_);
  // The rights explorer sends people to the nearest office the social map knows.
  rights::AddPageRoutes(router_, site_, *rights_catalog_,
                        [this](const rights::Right& right, const std::string& postcode, Language language) {
                          std::vector<rights::Office> offices;
                          const std::string text = right.social_map_query.In(language);
                          if (text.empty() && right.social_map_theme.empty()) return offices;
                          auto places = socialmap::Nearby(site_, *socialmap_services_, text, right.social_map_theme,
                                                          postcode, language, 1);
                          if (!places) {
                            spdlog::warn("nearest office for {}: {}", right.id, places.error().message());
                            return offices;
                          }
                          for (socialmap::NearbyPlace& place : *places) {
                            offices.push_back({place.name, place.organization, place.address, place.phone, place.hours,
                                               place.href, place.latitude, place.longitude});
                          }
                          return offices;
                        });
  rights::AddApiRoutes(router_, *rights_catalog_, renderer_->catalog());
  rights::AddFigureRoutes(router_, site_, *rights_figures_, *rights_catalog_);
  rights::AddRuleRoutes(router_, site_, *rights_rule_changes_, *rights_catalog_);
  consultations::AddPageRoutes(router_, site_, *consultations_services_);
  consultations::AddApiRoutes(router_, *consultations_services_);
  consultations::AddGroupRoutes(router_, site_, *consultations_services_);
  consultations::AddActionLineRoutes(router_, site_, *consultations_services_);
  agenda::AddPageRoutes(router_, site_, *agenda_services_);
  agenda::AddApiRoutes(router_, site_, *agenda_services_);
  agenda::AddEditRoutes(router_, site_, *agenda_services_);
  agenda::AddCampaignRoutes(router_, site_, *agenda_services_);
  initiatives::AddPageRoutes(router_, site_, *initiatives_services_);
  initiatives::AddApiRoutes(router_, *initiatives_services_);
  initiatives::AddEditRoutes(router_, site_, *initiatives_services_);
  initiatives::AddGoalRoutes(router_, site_, *initiatives_services_);
  providers::AddPageRoutes(router_, site_, *providers_services_);
  providers::AddApiRoutes(router_, *providers_services_);
  providers::AddEditRoutes(router_, site_, *providers_services_);
  providers::AddRouteEditRoutes(router_, site_, *providers_services_);
  router_.Get("/{lang}/zones/{zone_id}/atlas/report.pdf",
              [this](const http::Request& request) {
                return PdfOf(request, "omgevingsanalyse-" + std::string(request.PathParam("zone_id")) + "-" +
                                          std::string(request.PathParam("lang")) + ".pdf");
              },
              {.name = "atlas_zone_report_pdf", .access = std::string(web::kPublic)});
  router_.Get("/{lang}/social-map/print.pdf",
              [this](const http::Request& request) {
                return PdfOf(request, "social-map-" + std::string(request.PathParam("lang")) + ".pdf");
              },
              {.name = "social_map_print_pdf", .access = std::string(web::kPublic)});
}

http::Response Application::PdfOf(const http::Request& request, const std::string& file_name) {
  // The page as an anonymous visitor sees it, whoever asks: a file that is passed on
  // never carries more than the public pages show.
  http::Request page_request;
  page_request.path = request.path.substr(0, request.path.size() - std::string_view(".pdf").size());
  page_request.target =
      page_request.path + request.target.substr(std::min(request.target.find('?'), request.target.size()));
  page_request.query = request.query;
  page_request.headers.Set("Host", std::string(request.headers.Get("Host")));
  page_request.remote_address = request.remote_address;
  http::Response page = Dispatch(page_request);
  if (page.status != 200) return page;
  const auto language = ParseLanguage(request.PathParam("lang")).value_or(Language::kNl);
  // Keyed by the page's own bytes: any change to the figures or the services shows in
  // the HTML, so a kept file is never stale.
  const auto version = static_cast<std::int64_t>(std::hash<std::string>{}(page.body));
  http::Response pdf = pdf_cache_.GetOrMake(page_request.target, version, [&] {
    auto printed = pdf_printer_.Print(page.body);
    if (!printed) return web::ErrorPage(site_, request, language, printed.error());
    http::Response response = http::Response::Make(200, "application/pdf", std::move(*printed));
    response.headers.Set("Content-Disposition", "inline; filename=\"" + file_name + "\"");
    return response;
  });
  if (pdf.status == 503) pdf.headers.Set("Retry-After", "60");
  return pdf;
}

std::string Application::ClientAddress(const http::Request& request) const {
  const auto trusted = [&](std::string_view address) {
    return std::find(trusted_proxies_.begin(), trusted_proxies_.end(), address) != trusted_proxies_.end();
  };
  if (!trusted(request.remote_address)) return request.remote_address;
  // Walk back from the proxy nearest to us; the first address no proxy of ours added is
  // the client's.
  const auto forwarded = text::Split(request.headers.Get("X-Forwarded-For"), ',');
  for (auto it = forwarded.rbegin(); it != forwarded.rend(); ++it) {
    const std::string_view address = text::Trim(*it);
    if (!address.empty() && !trusted(address)) return std::string(address);
  }
  return request.remote_address;
}

http::Response Application::Dispatch(const http::Request& request) {
  const auto match = router_.Find(request.method, request.path);
  if (match.kind == http::Router::Match::Kind::kNotFound) {
    if (IsApi(request)) return web::Problem(Error::NotFound("there is no API resource at " + request.path));
    return web::ErrorPage(site_, request, ErrorLanguage(request), Error::NotFound("no such page"));
  }
  if (match.kind == http::Router::Match::Kind::kMethodNotAllowed) {
    std::string allowed;
    for (http::Method method : match.allowed) {
      if (!allowed.empty()) allowed += ", ";
      allowed += http::MethodName(method);
      if (method == http::Method::kGet) allowed += ", HEAD";
    }
    http::Response response = http::Response::Problem(
        405, "Method Not Allowed",
        std::string(http::MethodName(request.method)) + " is not allowed here; use " + allowed + ".");
    response.headers.Set("Allow", allowed);
    return response;
  }
  http::Request routed = request;
  routed.path_params = match.params;
  routed.remote_address = ClientAddress(request);
  auto identity = accounts::IdentityOf(accounts_, request);
  if (!identity) {
    http::Response response = web::Problem(identity.error());
    if (identity.error().Is(ErrorCode::kUnauthenticated)) {
      response.headers.Set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    response.route_name = match.route->options.name;
    return response;
  }
  routed.identity = std::move(*identity);
  if (!web::Allows(match.route->options.access, routed.identity.get())) {
    const Error refusal = routed.identity ? Error::PermissionDenied("you may not use this page")
                                          : Error::Unauthenticated("sign in to use this page");
    http::Response response =
        IsApi(request) ? web::Problem(refusal) : web::ErrorPage(site_, routed, ErrorLanguage(request), refusal);
    response.route_name = match.route->options.name;
    return response;
  }
  http::Response response = match.route->handler(routed);
  response.route_name = match.route->options.name;
  return response;
}

std::vector<http::ServerOptions::UploadPath> Application::UploadPaths(int upload_limit_mib) {
  return {{"/atlas/import", static_cast<std::size_t>(upload_limit_mib) * 1024 * 1024},
          {std::string(rights::kScreeningsPath), rights::kScreeningsBodyLimit}};
}

bool Application::MayUpload(const http::Request& head) {
  auto identity = accounts::IdentityOf(accounts_, head);
  return identity && *identity != nullptr;
}

http::Response Application::Handle(const http::Request& request) {
  http::Response response = Dispatch(request);
  http::CompressIfWorthwhile(request, response);
  return response;
}

void Application::Observe(const http::Exchange& exchange) {
  metrics_.Record(exchange);
  http::LogAccess(exchange);
}

void Application::WarnAboutRightsFigures() const {
  const auto catalog = rights_catalog_->Get();
  std::size_t weak_sources = 0;
  const Date today = Date::Today();
  for (const rights::Attention& item : rights::NeedsAttention(*catalog, today, 90)) {
    if (item.kind == rights::Attention::Kind::kWeakSource)
      ++weak_sources;
    else
      spdlog::warn("rights catalog: {}", rights::Describe(item, today));
  }
  if (weak_sources > 0) {
    spdlog::warn(
        "rights catalog: {} figure(s) rest on a secondary or unverified source (`zoneatlas rights check` "
        "lists them)",
        weak_sources);
  }
}

}  // namespace zoneatlas::app
