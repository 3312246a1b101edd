// socialmap/reach.hpp: which services a signed-in user may edit, verify and review.
//
// Partner editors speak for their organisations: they propose changes to its services
// and new ones, and confirm that a record is still correct. Zone editors answer for the
// municipalities of their zones: they review what is proposed for a service that serves
// one of them (its action area, not its head office), edit those services directly and
// confirm them. Administrators may do everything. Any professional may report a change
// or propose a community resource; that is not a matter of reach.
//
// Thread safety: a value type.
#ifndef ZONEATLAS_SOCIALMAP_REACH_HPP_
#define ZONEATLAS_SOCIALMAP_REACH_HPP_

#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "geo/store.hpp"
#include "platform/http/identity.hpp"
#include "socialmap/model.hpp"

namespace zoneatlas::socialmap {

class Reach {
 public:
  // The reach of `identity` today: its zones' member municipalities, its organisations.
  static Result<Reach> Of(const http::Identity& identity, const geo::Store& geography);

  // Zone editors and administrators review proposals for the service (as it is, or as
  // proposed for a new one) and publish their own changes directly.
  bool MayReview(const Service& service) const;
  // The same for a proposal that no longer reads as a service, by the municipalities it names.
  bool MayReviewAreas(const std::vector<std::string>& area_codes) const;
  // Partner editors of its organisation, and whoever may review it.
  bool MayEdit(const Service& service) const;
  bool MayEditOrganization(const std::string& organization_id) const;
  // Whether this user edits anything at all (links on pages).
  bool IsEditor() const { return everything_ || !areas_.empty() || !organizations_.empty(); }
  bool everything() const { return everything_; }
  // The municipalities of the user's zones (all known ones for administrators: empty).
  const std::set<std::string>& areas() const { return areas_; }
  const std::set<std::string>& organizations() const { return organizations_; }

 private:
  bool ServesMyArea(const std::vector<std::string>& area_codes) const;
  bool everything_ = false;
  std::set<std::string> areas_;
  std::set<std::string> organizations_;
};

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_REACH_HPP_
