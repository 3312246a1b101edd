// socialmap/nearby.hpp: the places nearest to someone that offer a kind of help — for
// other features that send people somewhere (the rights explorer's helper pack), through
// the application, and for the search page's "near".
//
// Thread safety: as Search and Store.
#ifndef ZONEATLAS_SOCIALMAP_NEARBY_HPP_
#define ZONEATLAS_SOCIALMAP_NEARBY_HPP_

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/language.hpp"
#include "platform/search/index.hpp"
#include "socialmap/routes.hpp"
#include "web/site.hpp"

namespace zoneatlas::socialmap {

// Where "near" points: "50.73, 4.23", a postcode, or a municipality by code or name;
// nothing when it names no known place.
Result<std::optional<search::Point>> NearPoint(const Services& services, const std::string& near);

struct NearbyPlace {
  std::string name;  // The service's name in the reader's language.
  std::string organization;
  std::string address;  // "Kerkstraat 2, 1500 Halle"
  std::string phone;
  std::string hours;  // "ma 09:00–12:00 zonder afspraak; …"
  std::string href;   // The service's page.
  std::optional<double> latitude, longitude;
  std::optional<double> distance_km;
};

// The active services that match `text` and `theme` (either may be empty), nearest to
// `near` first and within `radius_km`, at most `limit`. Empty when `near` is no known place.
Result<std::vector<NearbyPlace>> Nearby(const web::Site& site, Services& services, const std::string& text,
                                        const std::string& theme, const std::string& near, Language language,
                                        std::size_t limit, double radius_km = 25);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_NEARBY_HPP_
