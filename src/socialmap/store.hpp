// socialmap/store.hpp: the social map's SQL.
//
// Every write raises the 'socialmap' change counter and stamps the rows it touched with
// the new value (their revision), so that the search index — in this process or another —
// can catch up on exactly what changed since it last looked.
//
// Thread safety: a Store may be used from many threads; the database serialises writes.
#ifndef ZONEATLAS_SOCIALMAP_STORE_HPP_
#define ZONEATLAS_SOCIALMAP_STORE_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"
#include "platform/search/index.hpp"
#include "socialmap/model.hpp"

namespace zoneatlas::socialmap {

class Store {
 public:
  explicit Store(db::Database& database) : database_(database) {}

  // How long a community resource stays on the map after someone confirmed it.
  static constexpr int kCommunityLifeDays = 183;

  // Adds or replaces every record of `map` (a service's hours, areas, languages, terms
  // and locations are replaced as a whole) inside the caller's transaction, records the
  // import `what` in the audit trail (unless empty: the caller records the change), and
  // returns the new revision.
  static Result<std::int64_t> Save(db::Connection& connection, const SocialMap& map, const audit::Context& context,
                                   const std::string& what);

  // "Still correct": the service was checked on `today` by `verified_by`; a community
  // resource stays on the map for kCommunityLifeDays more. Audited. kNotFound when there
  // is no such service.
  static Status Verify(db::Connection& connection, const std::string& service_id, const Date& today,
                       const std::string& verified_by, const audit::Context& context);
  // Takes off the map (status inactive) every community resource whose expires_on is
  // before `today`; returns their ids. Audited.
  static Result<std::vector<std::string>> ExpireCommunity(db::Connection& connection, const Date& today,
                                                          const audit::Context& context);

  // The social map's change counter.
  Result<std::int64_t> Generation() const;
  // Every service (whatever its status) stamped after `revision`, with all it carries.
  Result<std::vector<Service>> ChangedSince(std::int64_t revision) const;
  // Every service, organization and location: what an export carries.
  Result<SocialMap> Everything() const;
  // Returns kNotFound when there is no such record.
  Result<Service> FindService(const std::string& id) const;
  Result<Organization> FindOrganization(const std::string& id) const;
  // The names of the organizations and the locations of every service stamped after
  // `revision`: what the search index needs beside the services, in two queries.
  Result<std::pair<std::map<std::string, std::string>, std::map<std::string, Location>>> PlacesChangedSince(
      std::int64_t revision) const;
  // A page of services with their organizations and locations, read a few queries at a
  // time rather than several per service: the services in the order of `ids` (ids no
  // longer there are left out).
  struct Listing {
    std::vector<Service> services;
    std::map<std::string, Organization> organizations;
    std::map<std::string, Location> locations;
    const Organization* OrganizationOf(const Service& service) const;
    std::vector<const Location*> LocationsOf(const Service& service) const;
  };
  Result<Listing> List(const std::vector<std::string>& ids) const;
  // The locations with these ids, in no particular order; unknown ids are left out.
  Result<std::vector<Location>> Locations(const std::vector<std::string>& ids) const;
  // The middle of the social map's locations with this postcode or in this municipality
  // (NIS code); nothing when there are none.
  Result<std::optional<search::Point>> PlaceOf(const std::string& postcode_or_code) const;
  // The municipality (NIS code) most of the social map's locations with this postcode are
  // in; nothing when none is known.
  Result<std::optional<std::string>> MunicipalityOfPostcode(const std::string& postcode) const;
  // Organizations by name, `limit` from `offset`, and how many there are in all.
  Result<std::pair<std::vector<Organization>, std::size_t>> Organizations(std::size_t offset, std::size_t limit) const;
  // Active services never verified or last verified before `cutoff`, oldest first.
  Result<std::vector<Service>> NotVerifiedSince(const Date& cutoff) const;
  // The active services that serve each municipality (by action area, not head office),
  // of `theme` and, unless empty, for `target_group`: municipality code → service ids.
  Result<std::map<std::string, std::vector<std::string>>> ServicesPerArea(const std::string& theme,
                                                                          const std::string& target_group) const;
  // The services an organization offers (active or not).
  Result<std::vector<Service>> ServicesOf(const std::string& organization_id) const;

 private:
  // Services chosen by `where` (over sm_services s) with everything they carry.
  Result<std::vector<Service>> LoadServices(const std::string& where, const std::vector<db::Value>& params) const;

  db::Database& database_;
};

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_STORE_HPP_
