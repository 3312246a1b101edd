// socialmap/hsds.hpp: exchanging the social map as Open Referral HSDS 3.0 JSON.
//
// A file holds one service, a list of services, or an HSDS page ({"contents": [...]});
// each service as HSDS's "service_full": its organization, phones, schedules, service
// areas, languages and service_at_locations (each with its location and addresses)
// nested. What HSDS has no field for travels in a "zoneatlas" object beside the HSDS
// fields, which other HSDS readers ignore:
//   service:  {"name": {"nl","fr","en"}, "description": {…}, "plain": {…},
//              "cost": "free|reduced|paid", "competent_level": "…", "demo": true,
//              "community": true, "expires_on": "YYYY-MM-DD"}
//   schedule: {"walk_in": true, "on_holidays": true}
//   location: {"municipality_code": "23027", "transport": {"nl","fr"}, "wheelchair": true}
// Themes and target groups are HSDS attributes whose taxonomy_term has the taxonomy
// "zoneatlas-themes" or "zoneatlas-target-groups" and our term's id. A service area is a
// municipality, named by its NIS code or its name.
//
// Thread safety: functions of their arguments.
#ifndef ZONEATLAS_SOCIALMAP_HSDS_HPP_
#define ZONEATLAS_SOCIALMAP_HSDS_HPP_

#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/language.hpp"
#include "geo/import.hpp"
#include "socialmap/model.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::socialmap {

// Finds a municipality's NIS code from a code or a name; nothing when none matches.
using AreaResolver = std::function<std::optional<std::string>(std::string_view code_or_name)>;

// Reads and checks `content`; every problem goes to `report` (by service, field and
// message) and the map is only meaningful when report.ok().
SocialMap ParseHsdsJson(std::string_view content, const Taxonomy& taxonomy, const AreaResolver& areas,
                        geo::ImportReport& report);

// Who reads what is written. The public (the API, exports) never sees who verified a
// service: HSDS's assurer_email would be an editor's sign-in address. The record kept
// inside zoneatlas (proposals, the audit trail) keeps it.
enum class Readers { kPublic, kInternal };

// The map as an HSDS 3.0 JSON array of full services; HSDS's single-language fields in
// `language` (falling back to Dutch, then French), every language in "zoneatlas".
std::string WriteHsdsJson(const SocialMap& map, Language language, Readers readers = Readers::kPublic);

// One service as HSDS's service_full, with its organization (when given) and the
// locations of `locations` it is offered at nested.
boost::json::object ServiceJson(const Service& service, const Organization* organization,
                                const std::map<std::string, const Location*>& locations, Language language,
                                Readers readers = Readers::kPublic);
// An organization as HSDS's organization (without its services).
boost::json::object OrganizationJson(const Organization& organization, Language language);
// A theme or target group as an HSDS taxonomy_term.
boost::json::object TaxonomyTermJson(const Term& term, std::string_view taxonomy, Language language);

// The HSDS taxonomies our terms belong to.
inline constexpr std::string_view kThemeTaxonomy = "zoneatlas-themes";
inline constexpr std::string_view kTargetGroupTaxonomy = "zoneatlas-target-groups";

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_HSDS_HPP_
