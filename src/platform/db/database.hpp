// platform/db/database.hpp: the one storage interface, over SQLite and PostgreSQL.
//
// Features write portable SQL with '?' placeholders and run it through a Connection;
// this folder is the only one that includes SOCI, sqlite3 or libpq (ARCHITECTURE.md).
// Database owns a pool of connections; a feature borrows one for the duration of a
// call (WithConnection) or a transaction (InTransaction), which commits when the
// function returns success and rolls back otherwise, so imports are all-or-nothing.
//
//   auto zones = database.WithConnection([&](db::Connection& c) {
//     return c.Query("SELECT id FROM zones WHERE kind = ?", {std::string("zorgzone")});
//   });
//
// Thread safety: Database is safe to share between threads; a Connection belongs to
// the thread that borrowed it until the call returns.
#ifndef ZONEATLAS_PLATFORM_DB_DATABASE_HPP_
#define ZONEATLAS_PLATFORM_DB_DATABASE_HPP_

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace soci {
class session;
}

namespace zoneatlas::db {

enum class Engine { kSqlite, kPostgresql };

// A value bound to a placeholder or read from a column. monostate is SQL NULL.
using Value = std::variant<std::monostate, long long, double, std::string>;

// Convenience for optional values: an empty optional binds NULL.
Value Nullable(const std::optional<std::string>& value);
Value Nullable(const std::optional<long long>& value);
Value Nullable(const std::optional<double>& value);

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t column) const;
  // Each getter converts between text and numbers where the engines differ (SQLite
  // returns COUNT(*) as text in some builds, PostgreSQL returns NUMERIC as a double).
  // REQUIRES: column < size() and the value is not NULL.
  std::string Text(std::size_t column) const;
  long long Integer(std::size_t column) const;
  double Real(std::size_t column) const;
  std::optional<std::string> OptionalText(std::size_t column) const;
  std::optional<long long> OptionalInteger(std::size_t column) const;
  std::optional<double> OptionalReal(std::size_t column) const;

 private:
  std::vector<Value> values_;
};

class Connection {
 public:
  Connection(soci::session& session, Engine engine) : session_(session), engine_(engine) {}
  Engine engine() const { return engine_; }

  // Runs one statement. Returns the number of rows it changed.
  Result<long long> Execute(std::string_view sql, const std::vector<Value>& params = {});
  // Runs one query and returns all its rows.
  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<Value>& params = {});
  // Runs a script of statements separated by ';' at line ends (migrations).
  Status ExecuteScript(std::string_view script);
  // Runs one statement, prepared once, for each row of parameters `next` gives (it fills
  // the row and returns true, or returns false at the end): the fast way to write many
  // rows of one shape. `shape` has one value per column, of the column's type (its value
  // is not used); a row value of another type, nulls aside, is kInvalidArgument.
  // Returns the number of rows run.
  Result<long long> ExecuteEach(std::string_view sql, const std::vector<Value>& shape,
                                const std::function<bool(std::vector<Value>&)>& next);

 private:
  soci::session& session_;
  Engine engine_;
};

struct MigrationStatus {
  int version;
  std::string name;
  bool applied;
};

class Database {
 public:
  // Opens `url`: "postgresql://…" (or "postgres://…") for PostgreSQL, otherwise a
  // SQLite file path ("zoneatlas.db", "sqlite:/var/lib/zoneatlas.db"). SQLite runs in
  // WAL mode with foreign keys on. Returns kUnavailable when the engine cannot be
  // reached or the file not opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, std::size_t pool_size = 4);
  ~Database();

  Engine engine() const { return engine_; }
  // The URL with any password removed, for logs.
  const std::string& display_url() const { return display_url_; }

  // Borrows a connection for `function(Connection&)` and returns its result.
  template <typename Function>
  auto WithConnection(Function&& function) {
    Lease lease(*this);
    Connection connection(lease.session(), engine_);
    return function(connection);
  }

  // Runs `function(Connection&)` (which returns Status or Result<T>) in a transaction:
  // commits on success, rolls back on failure or exception.
  template <typename Function>
  auto InTransaction(Function&& function) -> decltype(function(std::declval<Connection&>())) {
    Lease lease(*this);
    Connection connection(lease.session(), engine_);
    if (auto begun = Begin(lease.session()); !begun) return Fail(begun.error());
    try {
      auto result = function(connection);
      if (result) {
        if (auto committed = Commit(lease.session()); !committed) return Fail(committed.error());
      } else {
        Rollback(lease.session());
      }
      return result;
    } catch (...) {
      Rollback(lease.session());
      throw;
    }
  }

  // Applies the embedded migrations (migrations/NNN_name.sql, with a .sqlite.sql or
  // .postgresql.sql variant where the dialects differ) that are not applied yet, each
  // in its own transaction. Returns the versions it applied.
  Result<std::vector<int>> Migrate();
  Result<std::vector<MigrationStatus>> Migrations();

 private:
  class Lease {
   public:
    explicit Lease(Database& database);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& session() { return *session_; }

   private:
    Database& database_;
    std::unique_ptr<soci::session> session_;
  };

  Database(Engine engine, std::string connect_string, std::string display_url);
  Status Begin(soci::session& session);
  Status Commit(soci::session& session);
  void Rollback(soci::session& session);

  const Engine engine_;
  const std::string connect_string_;
  const std::string display_url_;
  std::mutex mutex_;
  std::condition_variable available_;
  // State below is protected by mutex_.
  std::vector<std::unique_ptr<soci::session>> idle_;
};

// Change counters: a number per kind of data ("geo", "atlas", "socialmap", "consultations",
// "agenda"; each a row of change_counters, made by a migration) that every write raises in
// its transaction, so that caches in any server process tell in one read whether what they
// hold is still current. kInternal when the row is missing.
Result<std::int64_t> ReadCounter(Database& database, std::string_view name);
Result<std::int64_t> ReadCounter(Connection& connection, std::string_view name);
Status RaiseCounter(Connection& connection, std::string_view name);

}  // namespace zoneatlas::db

#endif  // ZONEATLAS_PLATFORM_DB_DATABASE_HPP_
