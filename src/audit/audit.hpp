// audit/audit.hpp: the audit trail, a record of every change to stored data.
//
// A store records each write in the same transaction as the write itself (Record), so
// that a change and its record stand or fall together. Entries hold the record as JSON
// before and after the change; a feature restores an earlier version by writing it back,
// which is recorded in turn with the action "restore".
//
// Thread safety: functions; the database serialises writes.
#ifndef ZONEATLAS_AUDIT_AUDIT_HPP_
#define ZONEATLAS_AUDIT_AUDIT_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::audit {

// Who makes a change: a user ("…" user id), an API token ("token:…"), or the command
// line ("cli:" + the operating-system user).
struct Actor {
  std::string id;
  std::string label;  // What people see: an e-mail address, a token's label, "command line (root)".
};

// The actor and the kind of change for a write: a plain write is recorded as create or
// update (or delete); a restore says so.
struct Context {
  Actor actor;
  bool restore = false;
  std::int64_t at = 0;  // Unix seconds; 0 for now.

  // When the change happens: `at`, else the current time (Unix seconds).
  std::int64_t When() const;
};

// The command-line actor for this process.
Actor CommandLineActor();

struct Change {
  std::int64_t id = 0;
  std::int64_t at = 0;
  Actor actor;
  std::string entity_type;  // "zone", "area", "boundary", …
  std::string entity_id;
  std::string action;  // "create", "update", "delete", "restore".
  std::optional<std::string> before;  // JSON; empty for a creation.
  std::optional<std::string> after;   // JSON; empty for a deletion.
  std::optional<std::string> zone_id;
};

// Records a change inside the caller's transaction. The action follows from `context`
// and which of before/after exist. Records nothing when before and after are equal.
Status Record(db::Connection& connection, const Context& context, const std::string& entity_type,
              const std::string& entity_id, const std::optional<std::string>& before,
              const std::optional<std::string>& after, const std::optional<std::string>& zone_id);

// The changes to one record, newest first.
Result<std::vector<Change>> History(db::Database& database, const std::string& entity_type,
                                    const std::string& entity_id);
// The latest `limit` changes touching a zone (the zone itself and its member areas), newest first.
Result<std::vector<Change>> ZoneChanges(db::Database& database, const std::string& zone_id, int limit);
// Returns kNotFound when there is no change `id`.
Result<Change> FindChange(db::Database& database, std::int64_t id);

}  // namespace zoneatlas::audit

#endif  // ZONEATLAS_AUDIT_AUDIT_HPP_
