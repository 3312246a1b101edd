#include "audit/audit.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace zoneatlas::audit {
namespace {

constexpr std::string_view kColumns =
    "id, at, actor_id, actor_label, entity_type, entity_id, action, before_json, after_json, zone_id";

Change ChangeFrom(const db::Row& row) {
  return Change{row.Integer(0),      row.Integer(1),      {row.Text(2), row.Text(3)}, row.Text(4),
                row.Text(5),         row.Text(6),         row.OptionalText(7),        row.OptionalText(8),
                row.OptionalText(9)};
}

Result<std::vector<Change>> Changes(db::Database& database, const std::string& sql,
                                    const std::vector<db::Value>& params) {
  auto rows = database.WithConnection([&](db::Connection& connection) { return connection.Query(sql, params); });
  if (!rows) return Fail(rows.error());
  std::vector<Change> changes;
  for (const db::Row& row : *rows) changes.push_back(ChangeFrom(row));
  return changes;
}

}  // namespace

Actor CommandLineActor() {
  const char* user = std::getenv("USER");
  std::string name = user != nullptr && *user != '\0' ? user : std::to_string(getuid());
  return Actor{"cli:" + name, "command line (" + name + ")"};
}

std::int64_t Context::When() const {
  if (at != 0) return at;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Status Record(db::Connection& connection, const Context& context, const std::string& entity_type,
              const std::string& entity_id, const std::optional<std::string>& before,
              const std::optional<std::string>& after, const std::optional<std::string>& zone_id) {
  if (before == after) return {};
  const char* action = context.restore ? "restore" : !before ? "create" : !after ? "delete" : "update";
  const std::int64_t at = context.When();
  auto inserted = connection.Execute(
      "INSERT INTO audit_log (at, actor_id, actor_label, entity_type, entity_id, action, before_json, after_json,"
      " zone_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {static_cast<long long>(at), context.actor.id, context.actor.label, entity_type, entity_id, std::string(action),
       db::Nullable(before), db::Nullable(after), db::Nullable(zone_id)});
  if (!inserted) return Fail(inserted.error());
  return {};
}

Result<std::vector<Change>> History(db::Database& database, const std::string& entity_type,
                                    const std::string& entity_id) {
  return Changes(database,
                 "SELECT " + std::string(kColumns) +
                     " FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id DESC",
                 {entity_type, entity_id});
}

Result<std::vector<Change>> ZoneChanges(db::Database& database, const std::string& zone_id, int limit) {
  return Changes(database,
                 "SELECT " + std::string(kColumns) + " FROM audit_log WHERE zone_id = ? ORDER BY id DESC LIMIT " +
                     std::to_string(std::max(1, limit)),
                 {zone_id});
}

Result<Change> FindChange(db::Database& database, std::int64_t id) {
  auto changes = Changes(database, "SELECT " + std::string(kColumns) + " FROM audit_log WHERE id = ?",
                         {static_cast<long long>(id)});
  if (!changes) return Fail(changes.error());
  if (changes->empty()) return Fail(Error::NotFound("no change " + std::to_string(id)));
  return changes->front();
}

}  // namespace zoneatlas::audit
