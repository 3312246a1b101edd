// consultations/store.hpp: consultations, their signals and the action lines, kept in the
// database; every write checked whole first and recorded in the audit trail.
//
// Thread safety: a Store may be used from several threads; the database serialises writes.
#ifndef ZONEATLAS_CONSULTATIONS_STORE_HPP_
#define ZONEATLAS_CONSULTATIONS_STORE_HPP_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "consultations/model.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::consultations {

// Empty fields mean "all".
struct Filter {
  std::string zone_id;
  std::optional<int> year;
};

class Store {
 public:
  // REQUIRES: the arguments outlive the store.
  Store(db::Database& database, const geo::Store& geography, const Vocabulary& vocabulary)
      : database_(database), geography_(geography), vocabulary_(vocabulary) {}

  // Everything wrong with the record: Check's problems, then an unknown zone, and areas
  // that are not members of the zone on the day of the meeting.
  Result<std::vector<Problem>> Problems(const Consultation& consultation) const;
  // Check's problems, an unknown zone, a meeting of another zone, signals that are not
  // the zone's.
  Result<std::vector<Problem>> Problems(const ActionLine& action_line) const;

  // Records a meeting and its signals under new ids; returns the meeting's id.
  // kInvalidArgument naming the problems when there are any.
  Result<std::string> Add(Consultation consultation, const audit::Context& context);
  // Replaces a recorded meeting's details and its signals' words (its zone stays; the
  // recorded signals keep their ids and order; signals after them are added), the before
  // and after in the audit trail. kInvalidArgument naming the problems; kNotFound.
  Status Update(Consultation meeting, const audit::Context& context);
  // Adds a signal to a recorded meeting; returns its id.
  Result<std::string> AddSignal(const std::string& consultation_id, Signal signal, const audit::Context& context);
  // Records an action line under a new id, which it returns.
  Result<std::string> Add(ActionLine action_line, const audit::Context& context);
  // Records a working group under a new id, which it returns.
  Result<std::string> Add(WorkingGroup group, const audit::Context& context);
  // Replaces a working group's name, theme, purpose and members (its zone stays), in the
  // audit trail. kInvalidArgument naming the problems; kNotFound.
  Status Update(const WorkingGroup& group, const audit::Context& context);
  // The zone's working groups (every zone's when empty), by name.
  Result<std::vector<WorkingGroup>> Groups(const std::string& zone_id) const;
  Result<WorkingGroup> FindGroup(const std::string& id) const;  // kNotFound when none.
  // Replaces an action line's words, status, owner, working group, the signals it answers and
  // the initiatives that carry it out (its zone and meeting stay), the before and after in
  // the audit trail. kInvalidArgument naming the problems; kNotFound. The initiatives are
  // the caller's to check: this feature cannot read the inventory.
  Status Update(const ActionLine& action_line, const audit::Context& context);
  // Moves an action line to `status`. kNotFound when there is none.
  Status SetStatus(const std::string& action_line_id, ActionStatus status, const audit::Context& context);
  // Records meetings and action lines with the ids they carry (a file's), all or none:
  // kInvalidArgument naming the first problem, kAlreadyExists for an id taken.
  Status Import(const std::vector<WorkingGroup>& groups, const std::vector<Consultation>& consultations,
                const std::vector<ActionLine>& action_lines, const audit::Context& context);

  // kNotFound when there is none.
  Result<Consultation> Find(const std::string& id) const;
  Result<ActionLine> FindActionLine(const std::string& id) const;
  // Meetings with their signals, the latest first.
  Result<std::vector<Consultation>> List(const Filter& filter) const;
  // Action lines of the zone (all zones when empty), by theme and title. The year is not used:
  // an action line runs until it is done or dropped.
  Result<std::vector<ActionLine>> ActionLines(const std::string& zone_id) const;
  // The years with meetings, the latest first.
  Result<std::vector<int>> Years(const std::string& zone_id) const;

  // As List and ActionLines, shared while nothing is written (one single-row read to know):
  // the monitoring pages read every meeting of a year on every request.
  Result<std::shared_ptr<const std::vector<Consultation>>> SharedList(const Filter& filter) const;
  Result<std::shared_ptr<const std::vector<ActionLine>>> SharedActionLines(const std::string& zone_id) const;
  // The number every write raises.
  Result<std::int64_t> Generation() const;

  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  Status Insert(db::Connection& connection, const Consultation& consultation, const audit::Context& context) const;
  Status Insert(db::Connection& connection, const ActionLine& action_line, const audit::Context& context) const;
  Status Insert(db::Connection& connection, const WorkingGroup& group, const audit::Context& context) const;
  // A problem when `group_id` is set and is not one of the zone's working groups.
  Result<std::optional<Problem>> GroupProblem(const std::string& group_id, const std::string& zone_id) const;
  Result<std::vector<Consultation>> Load(const std::string& where, const std::vector<db::Value>& parameters) const;
  Result<std::vector<ActionLine>> LoadActionLines(const std::string& where,
                                                  const std::vector<db::Value>& parameters) const;

  // Drops what it holds when the generation has moved; takes the lock it returns.
  std::unique_lock<std::mutex> CurrentCache() const;

  db::Database& database_;
  const geo::Store& geography_;
  const Vocabulary& vocabulary_;
  struct Cache {
    // More lists than a site has zones × years: made each time rather than kept, so that
    // requests for made-up zones cannot fill the memory.
    static constexpr std::size_t kMaxLists = 512;
    std::mutex mutex;
    std::int64_t generation = -1;
    std::map<std::pair<std::string, int>, std::shared_ptr<const std::vector<Consultation>>> meetings;
    std::map<std::string, std::shared_ptr<const std::vector<ActionLine>>> action_lines;
  };
  std::unique_ptr<Cache> cache_ = std::make_unique<Cache>();
};

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_STORE_HPP_
