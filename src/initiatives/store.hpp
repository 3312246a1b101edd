// initiatives/store.hpp: the inventory in the database, every write checked whole and
// recorded in the audit trail.
//
// Thread safety: a Store may be used from several threads; the database serialises writes.
#ifndef ZONEATLAS_INITIATIVES_STORE_HPP_
#define ZONEATLAS_INITIATIVES_STORE_HPP_

#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"
#include "initiatives/model.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::initiatives {

class Store {
 public:
  // REQUIRES: the arguments outlive the store.
  Store(db::Database& database, const geo::Store& geography, const Vocabulary& vocabulary)
      : database_(database), geography_(geography), vocabulary_(vocabulary) {}

  // Check's problems, then an unknown zone, municipalities that are not the zone's, and a
  // goal that is not in the zone's plan (stored, or among `pending_goals`).
  Result<std::vector<Problem>> Problems(const Initiative& initiative,
                                        const std::vector<Goal>& pending_goals = {}) const;
  Result<std::vector<Problem>> Problems(const Goal& goal) const;
  // Records plan goals and initiatives with the ids they carry (a file's), all or none:
  // kInvalidArgument naming the first problem, kAlreadyExists for an id taken.
  Status Import(const std::vector<Goal>& goals, const std::vector<Initiative>& initiatives,
                const audit::Context& context);
  // Records an initiative under a new id, which it returns. kInvalidArgument naming the problems.
  Result<std::string> Add(Initiative initiative, const audit::Context& context);
  // Replaces a recorded initiative and its outcomes (an evaluation adds results and notes),
  // the before and after in the audit trail. kInvalidArgument naming the problems; kNotFound.
  Status Update(const Initiative& initiative, const audit::Context& context);

  // Records a goal of a zone's plan: a new one under a new id when it has none, else it
  // replaces the zone's goal with that id (its demo mark stays). Returns the id.
  // kInvalidArgument naming the problems; kNotFound for no such goal in the zone.
  Result<std::string> SaveGoal(Goal goal, const audit::Context& context);
  Result<Goal> FindGoal(const std::string& zone_id, const std::string& id) const;  // kNotFound when none.
  // Takes a goal out of the zone's plan, kept in the audit trail. kFailedPrecondition while an
  // initiative serves it; kNotFound.
  Status RemoveGoal(const std::string& zone_id, const std::string& id, const audit::Context& context);
  // The goals of the zone's multi-year plan, the earliest first.
  Result<std::vector<Goal>> Goals(const std::string& zone_id) const;
  // The zone's initiatives (every zone's when empty), the latest start first.
  Result<std::vector<Initiative>> List(const std::string& zone_id) const;
  Result<Initiative> Find(const std::string& id) const;  // kNotFound when none.

  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  Result<std::vector<Initiative>> Load(const std::string& where, const std::vector<db::Value>& parameters) const;

  db::Database& database_;
  const geo::Store& geography_;
  const Vocabulary& vocabulary_;
};

}  // namespace zoneatlas::initiatives

#endif  // ZONEATLAS_INITIATIVES_STORE_HPP_
