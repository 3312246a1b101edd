// The social map as the Open Referral HSDS 3.0 API: /api/hsds, /api/hsds/services[/{id}],
// /api/hsds/organizations[/{id}], /api/hsds/taxonomies, /api/hsds/taxonomy_terms.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "core/text.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/routes.hpp"
#include "web/access.hpp"

namespace zoneatlas::socialmap {
namespace json = boost::json;
namespace {

constexpr std::size_t kDefaultPerPage = 50;
constexpr std::size_t kMaxPerPage = 500;

http::Response Json(const json::value& value) {
  return http::Response::Make(200, "application/json", json::serialize(value));
}

Language LanguageOf(const http::Request& request) {
  return ParseLanguage(request.Query("lang").value_or("nl")).value_or(Language::kNl);
}

struct Paging {
  std::size_t page = 1;
  std::size_t per_page = kDefaultPerPage;
};

Result<Paging> PagingOf(const http::Request& request) {
  Paging paging;
  if (auto page = request.Query("page")) {
    const auto number = text::ParseInteger(*page);
    if (!number || *number < 1 || *number > 1'000'000) return Fail(Error::InvalidArgument("page is a number from 1"));
    paging.page = static_cast<std::size_t>(*number);
  }
  if (auto per_page = request.Query("per_page")) {
    const auto number = text::ParseInteger(*per_page);
    if (!number || *number < 1 || *number > static_cast<long long>(kMaxPerPage)) {
      return Fail(Error::InvalidArgument("per_page is a number from 1 to " + std::to_string(kMaxPerPage)));
    }
    paging.per_page = static_cast<std::size_t>(*number);
  }
  return paging;
}

// HSDS's Page: the counts around `contents`.
json::object PageOf(const Paging& paging, std::size_t total, json::array contents) {
  const std::size_t pages = total == 0 ? 1 : (total + paging.per_page - 1) / paging.per_page;
  return {{"total_items", total},      {"total_pages", pages},           {"page_number", paging.page},
          {"size", contents.size()},   {"first_page", paging.page == 1}, {"last_page", paging.page >= pages},
          {"empty", contents.empty()}, {"contents", std::move(contents)}};
}

// "food", "zoneatlas-themes:food" or "zoneatlas-target-groups:older_people".
void AddTermFilter(const Taxonomy& taxonomy, const std::string& id, SearchRequest& request) {
  std::string_view term = id;
  if (const auto colon = term.find(':'); colon != std::string_view::npos) term = term.substr(colon + 1);
  if (taxonomy.FindTheme(term) != nullptr) request.themes.emplace_back(term);
  if (taxonomy.FindTargetGroup(term) != nullptr) request.target_groups.emplace_back(term);
  // An unknown term matches nothing, as HSDS expects, rather than everything.
  if (taxonomy.FindTheme(term) == nullptr && taxonomy.FindTargetGroup(term) == nullptr) {
    request.themes.emplace_back("no such term");
  }
}

Result<json::object> FullService(const Services& services, const Service& service, Language language) {
  auto organization = services.store.FindOrganization(service.organization_id);
  if (!organization) return Fail(organization.error());
  auto locations = services.store.Locations(service.location_ids);
  if (!locations) return Fail(locations.error());
  std::map<std::string, const Location*> by_id;
  for (const Location& location : *locations) by_id[location.id] = &location;
  return ServiceJson(service, &*organization, by_id, language);
}

http::Response ServiceList(Services& services, const http::Request& request) {
  auto paging = PagingOf(request);
  if (!paging) return web::Problem(paging.error());
  SearchRequest query;
  query.text = request.Query("search").value_or("").substr(0, 200);
  if (auto term = request.Query("taxonomy_term_id")) AddTermFilter(services.taxonomy, *term, query);
  if (auto taxonomy = request.Query("taxonomy_id")) {
    if (*taxonomy == kThemeTaxonomy) {
      for (const Term& term : services.taxonomy.themes()) query.themes.push_back(term.id);
    } else if (*taxonomy == kTargetGroupTaxonomy) {
      for (const Term& term : services.taxonomy.target_groups()) query.target_groups.push_back(term.id);
    } else {
      query.themes.emplace_back("no such taxonomy");
    }
  }
  if (auto organization = request.Query("organization_id")) query.organizations.push_back(*organization);
  // A point: lat and lon (zoneatlas), or the postcode's centre; proximity in metres.
  const auto latitude = text::ParseDecimal(request.Query("lat").value_or(""));
  const auto longitude = text::ParseDecimal(request.Query("lon").value_or(""));
  if (latitude && longitude) query.near = search::Point{*latitude, *longitude};
  const auto proximity = text::ParseDecimal(request.Query("proximity").value_or(""));
  if (auto postcode = request.Query("postcode")) {
    if (proximity && !query.near) {
      auto place = services.store.PlaceOf(*postcode);
      if (!place) return web::Problem(place.error());
      if (!*place) return web::Problem(Error::NotFound("no location with postcode " + *postcode + " is known"));
      query.near = **place;
    } else if (!proximity) {
      // Without a distance: the services whose action area covers the postcode's municipality.
      auto municipality = services.store.MunicipalityOfPostcode(*postcode);
      if (!municipality) return web::Problem(municipality.error());
      query.areas.push_back(municipality->value_or("no such municipality"));
    }
  }
  if (proximity) {
    if (!query.near) return web::Problem(Error::InvalidArgument("proximity needs a postcode or lat and lon"));
    if (!std::isfinite(*proximity) || *proximity <= 0)
      return web::Problem(Error::InvalidArgument("proximity is metres"));
    query.radius_km = *proximity / 1000.0;
  }
  query.offset = (paging->page - 1) * paging->per_page;
  query.limit = paging->per_page;
  auto result = services.search.Find(query);
  if (!result) return web::Problem(result.error());
  const Language language = LanguageOf(request);
  std::vector<std::string> ids;
  std::map<std::string, double> distances;
  for (const search::Hit& hit : result->hits) {
    ids.push_back(hit.id);
    if (hit.distance_km) distances[hit.id] = *hit.distance_km;
  }
  auto listing = services.store.List(ids);
  if (!listing) return web::Problem(listing.error());
  json::array contents;
  for (const Service& service : listing->services) {
    std::map<std::string, const Location*> places;
    for (const Location* place : listing->LocationsOf(service)) places[place->id] = place;
    json::object full = ServiceJson(service, listing->OrganizationOf(service), places, language);
    if (const auto it = distances.find(service.id); it != distances.end()) {
      full["zoneatlas"].as_object()["distance_m"] = std::round(it->second * 1000.0);
    }
    contents.push_back(std::move(full));
  }
  return Json(PageOf(*paging, result->total, std::move(contents)));
}

http::Response OneService(Services& services, const http::Request& request) {
  auto service = services.store.FindService(std::string(request.PathParam("id")));
  if (!service || !service->active()) {
    return web::Problem(service ? Error::NotFound("service " + service->id + " is no longer active") : service.error());
  }
  auto full = FullService(services, *service, LanguageOf(request));
  if (!full) return web::Problem(full.error());
  return Json(*full);
}

http::Response OrganizationList(Services& services, const http::Request& request) {
  auto paging = PagingOf(request);
  if (!paging) return web::Problem(paging.error());
  auto page = services.store.Organizations((paging->page - 1) * paging->per_page, paging->per_page);
  if (!page) return web::Problem(page.error());
  json::array contents;
  for (const Organization& organization : page->first)
    contents.push_back(OrganizationJson(organization, LanguageOf(request)));
  return Json(PageOf(*paging, page->second, std::move(contents)));
}

http::Response OneOrganization(Services& services, const http::Request& request) {
  auto organization = services.store.FindOrganization(std::string(request.PathParam("id")));
  if (!organization) return web::Problem(organization.error());
  const Language language = LanguageOf(request);
  json::object object = OrganizationJson(*organization, language);
  auto offered = services.store.ServicesOf(organization->id);
  if (!offered) return web::Problem(offered.error());
  json::array list;
  for (const Service& service : *offered) {
    if (service.active()) {
      list.push_back(
          json::object{{"id", service.id}, {"name", service.name.Best(language)}, {"status", service.status}});
    }
  }
  object["services"] = std::move(list);
  return Json(object);
}

http::Response TaxonomyTerms(Services& services, const http::Request& request) {
  auto paging = PagingOf(request);
  if (!paging) return web::Problem(paging.error());
  const Language language = LanguageOf(request);
  const std::string wanted = request.Query("taxonomy_id").value_or("");
  json::array all;
  if (wanted.empty() || wanted == kThemeTaxonomy) {
    for (const Term& term : services.taxonomy.themes()) all.push_back(TaxonomyTermJson(term, kThemeTaxonomy, language));
  }
  if (wanted.empty() || wanted == kTargetGroupTaxonomy) {
    for (const Term& term : services.taxonomy.target_groups()) {
      all.push_back(TaxonomyTermJson(term, kTargetGroupTaxonomy, language));
    }
  }
  const std::size_t from = std::min(all.size(), (paging->page - 1) * paging->per_page);
  const std::size_t to = std::min(all.size(), from + paging->per_page);
  json::array contents(all.begin() + static_cast<std::ptrdiff_t>(from), all.begin() + static_cast<std::ptrdiff_t>(to));
  return Json(PageOf(*paging, all.size(), std::move(contents)));
}

http::Response Taxonomies(const http::Request& request) {
  auto paging = PagingOf(request);
  if (!paging) return web::Problem(paging.error());
  json::array contents{json::object{{"id", kThemeTaxonomy},
                                    {"name", "zoneatlas themes"},
                                    {"description", "The themes of the Belgian primary care zones' needs"}},
                       json::object{{"id", kTargetGroupTaxonomy},
                                    {"name", "zoneatlas target groups"},
                                    {"description", "The groups of people a service is meant for"}}};
  return Json(PageOf(*paging, contents.size(), std::move(contents)));
}

}  // namespace

void AddApiRoutes(http::Router& router, Services& services) {
  const std::string everyone(web::kPublic);
  router.Get("/api/hsds",
             [](const http::Request&) {
               return Json(json::object{{"version", "3.0"},
                                        {"profile", "https://docs.openreferral.org/en/3.0/"},
                                        {"openapi_url", "/api/v1/openapi.json"}});
             },
             {.name = "hsds_root", .access = everyone});
  router.Get("/api/hsds/services", [&services](const http::Request& r) { return ServiceList(services, r); },
             {.name = "hsds_services", .access = everyone});
  router.Get("/api/hsds/services/{id}", [&services](const http::Request& r) { return OneService(services, r); },
             {.name = "hsds_service", .access = everyone});
  router.Get("/api/hsds/organizations", [&services](const http::Request& r) { return OrganizationList(services, r); },
             {.name = "hsds_organizations", .access = everyone});
  router.Get("/api/hsds/organizations/{id}",
             [&services](const http::Request& r) { return OneOrganization(services, r); },
             {.name = "hsds_organization", .access = everyone});
  router.Get("/api/hsds/taxonomies", [](const http::Request& r) { return Taxonomies(r); },
             {.name = "hsds_taxonomies", .access = everyone});
  router.Get("/api/hsds/taxonomy_terms", [&services](const http::Request& r) { return TaxonomyTerms(services, r); },
             {.name = "hsds_taxonomy_terms", .access = everyone});
}

}  // namespace zoneatlas::socialmap
