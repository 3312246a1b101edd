// rights/pages.hpp: the rights explorer on the web — the catalog by theme, level and
// competent body; a page per right with its figures; the screening questionnaire, its
// result and a one-page flyer to take along. Screening pages are public, work without
// JavaScript, and store nothing: answers travel in the posted form only.
//
// Thread safety: each request takes the catalog in force (CurrentCatalog::Get).
#ifndef ZONEATLAS_RIGHTS_PAGES_HPP_
#define ZONEATLAS_RIGHTS_PAGES_HPP_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/http/router.hpp"
#include "rights/catalog.hpp"
#include "web/site.hpp"

namespace zoneatlas::rights {

// A place where a right is asked for, as the social map knows it.
struct Office {
  std::string name;
  std::string organization;
  std::string address;
  std::string phone;
  std::string hours;
  std::string href;
  std::optional<double> latitude, longitude;
};

// The offices nearest to a postcode where `right` is asked for, nearest first; the
// application provides it (from the social map). Without one, the helper pack names the
// competent body only.
using OfficeFinder =
    std::function<std::vector<Office>(const Right& right, const std::string& postcode, Language language)>;

// REQUIRES: `site` and `catalog` outlive the router.
void AddPageRoutes(http::Router& router, const web::Site& site, CurrentCatalog& current,
                   OfficeFinder find_offices = {});

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_PAGES_HPP_
