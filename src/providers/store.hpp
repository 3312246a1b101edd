// providers/store.hpp: providers, referral routes and the anonymous record of referral
// slips in the database; imports checked whole and recorded in the audit trail.
//
// Thread safety: a Store may be used from several threads; the database serialises writes.
#ifndef ZONEATLAS_PROVIDERS_STORE_HPP_
#define ZONEATLAS_PROVIDERS_STORE_HPP_

#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"
#include "providers/model.hpp"

namespace zoneatlas::providers {

// A referral slip as kept: where and when, never who.
struct Referral {
  std::string id;  // Also the secret of its acknowledgement link.
  std::string zone_id;
  std::string route_id;
  int step = 0;  // Position in the route's steps.
  Date made_on = Date::FromDaysSinceEpoch(0);
  bool acknowledgement_asked = false;
  std::optional<Date> acknowledged_on;
};

// Slips of one route in one month.
struct ReferralCount {
  std::string route_id;
  std::string month;  // "2026-11"
  int made = 0;
  int asked = 0;         // With an acknowledgement link.
  int acknowledged = 0;  // Marked seen by the receiving service.
};

class Store {
 public:
  // REQUIRES: the arguments outlive the store.
  Store(db::Database& database, const geo::Store& geography, const Vocabulary& vocabulary)
      : database_(database), geography_(geography), vocabulary_(vocabulary) {}

  // Check's problems, then an unknown zone and municipalities that are not the zone's.
  Result<std::vector<Problem>> Problems(const Provider& provider) const;
  Result<std::vector<Problem>> Problems(const Route& route) const;
  // Records providers and routes with the ids they carry (a file's), all or none:
  // kInvalidArgument naming the first problem, kAlreadyExists for an id taken.
  Status Import(const std::vector<Provider>& providers, const std::vector<Route>& routes,
                const audit::Context& context);

  // Records a provider under a new id, which it returns. kInvalidArgument naming the problems.
  Result<std::string> Add(Provider provider, const audit::Context& context);
  // Replaces a provider's details (its zone and demo mark stay), the before and after in the
  // audit trail without how to reach them. kInvalidArgument naming the problems; kNotFound
  // when there is none in that zone.
  Status Update(const Provider& provider, const audit::Context& context);
  Result<Provider> FindProvider(const std::string& zone_id, const std::string& id) const;  // kNotFound.
  // Takes a provider out of the directory (consent withdrawn, moved away), the record as it
  // was kept in the audit trail. kNotFound when there is none in that zone.
  Status Remove(const std::string& zone_id, const std::string& id, const audit::Context& context);
  // Records a referral route of a zone: a new one under a new id when it has none, else it
  // replaces the zone's route with that id (its demo mark stays). Returns the id.
  // kInvalidArgument naming the problems; kNotFound for no such route in the zone. The
  // rights it names are the caller's to check: this feature cannot read the catalog.
  Result<std::string> SaveRoute(Route route, const audit::Context& context);
  // The zone's providers, by profession and name.
  Result<std::vector<Provider>> Providers(const std::string& zone_id) const;
  // The zone's routes and those for every zone, by question.
  Result<std::vector<Route>> Routes(const std::string& zone_id) const;
  Result<Route> FindRoute(const std::string& id) const;  // kNotFound when none.

  // Keeps that a slip was made today in `zone_id` for a route's step; returns its id.
  Result<std::string> RecordReferral(const std::string& zone_id, const Route& route, int step,
                                     bool acknowledgement_asked);
  Result<Referral> FindReferral(const std::string& id) const;  // kNotFound when none.
  // Marks a slip seen today. kFailedPrecondition when no acknowledgement was asked or it
  // was given already.
  Status Acknowledge(const std::string& id);
  // The zone's slips per route and month, the latest month first.
  Result<std::vector<ReferralCount>> ReferralCounts(const std::string& zone_id) const;

  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  db::Database& database_;
  const geo::Store& geography_;
  const Vocabulary& vocabulary_;
};

}  // namespace zoneatlas::providers

#endif  // ZONEATLAS_PROVIDERS_STORE_HPP_
