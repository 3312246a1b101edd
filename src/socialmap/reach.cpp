#include "socialmap/reach.hpp"

#include <algorithm>

#include "web/access.hpp"

namespace zoneatlas::socialmap {

Result<Reach> Reach::Of(const http::Identity& identity, const geo::Store& geography) {
  Reach reach;
  reach.everything_ = identity.HasRole(web::kAdmin);
  for (const http::Grant& grant : identity.grants) {
    if (grant.role == web::kPartnerEditor) reach.organizations_.insert(grant.scope);
    if (grant.role != web::kZoneEditor) continue;
    auto zone = geography.FindZone(grant.scope, Date::Today());
    if (!zone) {
      if (zone.error().Is(ErrorCode::kNotFound)) continue;  // A zone since removed.
      return Fail(zone.error());
    }
    for (const geo::ZoneMember& member : zone->members) reach.areas_.insert(member.area_code);
  }
  return reach;
}

bool Reach::ServesMyArea(const std::vector<std::string>& area_codes) const {
  return std::any_of(area_codes.begin(), area_codes.end(),
                     [&](const std::string& code) { return areas_.contains(code); });
}

bool Reach::MayReview(const Service& service) const { return everything_ || ServesMyArea(service.area_codes); }

bool Reach::MayReviewAreas(const std::vector<std::string>& area_codes) const {
  return everything_ || ServesMyArea(area_codes);
}

bool Reach::MayEdit(const Service& service) const {
  return MayReview(service) || organizations_.contains(service.organization_id);
}

bool Reach::MayEditOrganization(const std::string& organization_id) const {
  return everything_ || !areas_.empty() || organizations_.contains(organization_id);
}

}  // namespace zoneatlas::socialmap
