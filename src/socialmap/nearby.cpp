#include "socialmap/nearby.hpp"

#include "core/text.hpp"
#include "socialmap/import.hpp"
#include "socialmap/page_words.hpp"
#include "socialmap/search.hpp"

namespace zoneatlas::socialmap {

Result<std::optional<search::Point>> NearPoint(const Services& services, const std::string& near) {
  const std::string trimmed(text::Trim(near));
  if (trimmed.empty()) return std::optional<search::Point>();
  if (const auto comma = trimmed.find(','); comma != std::string::npos) {
    const auto latitude = text::ParseDecimal(text::Trim(std::string_view(trimmed).substr(0, comma)));
    const auto longitude = text::ParseDecimal(text::Trim(std::string_view(trimmed).substr(comma + 1)));
    if (latitude && longitude && *latitude > -90 && *latitude < 90 && *longitude > -180 && *longitude < 180) {
      return std::optional<search::Point>(search::Point{*latitude, *longitude});
    }
  }
  std::string place = trimmed;
  if (!text::IsDigits(trimmed) || trimmed.size() != 4) {
    auto resolver = MunicipalityResolver(services.geography);
    if (!resolver) return Fail(resolver.error());
    auto code = (*resolver)(trimmed);
    if (!code) return std::optional<search::Point>();
    place = *code;
  }
  return services.store.PlaceOf(place);
}

Result<std::vector<NearbyPlace>> Nearby(const web::Site& site, Services& services, const std::string& text,
                                        const std::string& theme, const std::string& near, Language language,
                                        std::size_t limit, double radius_km) {
  std::vector<NearbyPlace> places;
  auto point = NearPoint(services, near);
  if (!point) return Fail(point.error());
  if (!*point) return places;
  SearchRequest query;
  query.text = text;
  if (!theme.empty()) query.themes.push_back(theme);
  query.near = **point;
  query.radius_km = radius_km;
  query.limit = limit;
  auto found = services.search.Find(query);
  if (!found) return Fail(found.error());
  std::vector<std::string> ids;
  for (const search::Hit& hit : found->hits) ids.push_back(hit.id);
  auto listing = services.store.List(ids);
  if (!listing) return Fail(listing.error());
  for (const search::Hit& hit : found->hits) {
    const auto service = std::ranges::find_if(listing->services, [&](const Service& s) { return s.id == hit.id; });
    if (service == listing->services.end()) continue;
    NearbyPlace place;
    place.name = service->name.Best(language);
    if (const Organization* organization = listing->OrganizationOf(*service)) place.organization = organization->name;
    place.phone = service->phone;
    place.hours = CompactHours(site, language, *service);
    place.href = web::Href(language, "/social-map/services/" + web::PercentEncode(service->id));
    place.distance_km = hit.distance_km;
    if (const auto locations = listing->LocationsOf(*service); !locations.empty()) {
      const Location& location = *locations.front();
      place.address = location.address + ", " + location.postal_code + " " + location.city;
      place.latitude = location.latitude;
      place.longitude = location.longitude;
    }
    places.push_back(std::move(place));
  }
  return places;
}

}  // namespace zoneatlas::socialmap
