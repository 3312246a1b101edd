// agenda/store.hpp: campaigns and events in the database, every write checked whole and
// recorded in the audit trail.
//
// Thread safety: a Store may be used from several threads; the database serialises writes.
#ifndef ZONEATLAS_AGENDA_STORE_HPP_
#define ZONEATLAS_AGENDA_STORE_HPP_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "agenda/model.hpp"
#include "audit/audit.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::agenda {

// Empty fields mean "all".
struct EventFilter {
  std::string zone_id;
  std::string theme;
  std::string target_group;  // Events for this group, and events for everyone.
  std::string area;
  std::string language;
  std::string campaign_id;

  bool operator==(const EventFilter&) const = default;
};

// The events of a window, their occurrences (which point into `events`) and the collisions
// among them.
struct Window {
  std::vector<Event> events;
  std::vector<Occurrence> occurrences;
  std::vector<Collision> collisions;
};

class Store {
 public:
  // REQUIRES: the arguments outlive the store.
  Store(db::Database& database, const geo::Store& geography, const Vocabulary& vocabulary)
      : database_(database), geography_(geography), vocabulary_(vocabulary) {}

  // Check's problems, then an unknown zone, a municipality that is not the zone's, an
  // unknown campaign.
  Result<std::vector<Problem>> Problems(const Event& event) const;
  // Records an event under a new id, which it returns. kInvalidArgument naming the problems.
  Result<std::string> Add(Event event, const audit::Context& context);
  // Records a campaign: a new one under a new id when it has none, else it replaces the one
  // with that id (its demo mark stays). Returns the id. kInvalidArgument naming the
  // problems; kNotFound.
  Result<std::string> SaveCampaign(Campaign campaign, const audit::Context& context);
  // Takes a campaign out of the calendar, kept in the audit trail. kFailedPrecondition while
  // activities belong to it; kNotFound.
  Status RemoveCampaign(const std::string& id, const audit::Context& context);
  // Replaces a recorded event (its zone stays), the before and after in the audit trail.
  // kInvalidArgument naming the problems; kNotFound.
  Status Update(const Event& event, const audit::Context& context);
  // Takes a recorded event out of the calendar (and so out of every feed); the audit trail
  // keeps what it was. kNotFound.
  Status Remove(const std::string& id, const audit::Context& context);
  // Records campaigns and events with the ids they carry (a file's), all or none:
  // kInvalidArgument naming the first problem, kAlreadyExists for an id taken.
  Status Import(const std::vector<Campaign>& campaigns, const std::vector<Event>& events,
                const audit::Context& context);

  Result<std::vector<Campaign>> Campaigns() const;             // By start, then name.
  Result<Campaign> FindCampaign(const std::string& id) const;  // kNotFound when none.
  Result<Event> FindEvent(const std::string& id) const;        // kNotFound when none.
  // Events that pass the filter and may happen on a day `from` … `until` (their occurrences
  // still to be expanded), by start.
  Result<std::vector<Event>> Events(const EventFilter& filter, const Date& from, const Date& until) const;

  // Events and Expand's occurrences for a window, shared while nothing is written (one
  // single-row read to know): expanding thousands of rules for every page view is the cost.
  Result<std::shared_ptr<const Window>> SharedWindow(const EventFilter& filter, const Date& from, const Date& until,
                                                     std::size_t limit_per_event) const;
  // The number every write raises.
  Result<std::int64_t> Generation() const;

  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  Status Insert(db::Connection& connection, const Event& event, const audit::Context& context) const;
  Result<std::vector<Event>> LoadEvents(const std::string& where, const std::vector<db::Value>& parameters) const;

  db::Database& database_;
  const geo::Store& geography_;
  const Vocabulary& vocabulary_;
  struct Cache {
    std::mutex mutex;
    std::int64_t generation = -1;
    std::map<std::string, std::shared_ptr<const Window>> windows;  // By filter, days and limit.
  };
  std::unique_ptr<Cache> cache_ = std::make_unique<Cache>();
};

}  // namespace zoneatlas::agenda

#endif  // ZONEATLAS_AGENDA_STORE_HPP_
