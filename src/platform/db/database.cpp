#include "platform/db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include "core/date.hpp"
#include "core/text.hpp"
#include "platform/resources/resources.hpp"

namespace zoneatlas::db {
namespace {

// Maps what SOCI throws to our codes, next to the call (STYLE.md rule 3).
Error FromSoci(const std::exception& e, std::string_view sql) {
  const std::string message = e.what();
  const std::string context = " [SQL: " + std::string(sql.substr(0, 200)) + "]";
  if (message.find("UNIQUE constraint failed") != std::string::npos ||
      message.find("duplicate key value") != std::string::npos) {
    return Error::AlreadyExists(message);
  }
  if (message.find("FOREIGN KEY constraint failed") != std::string::npos ||
      message.find("violates foreign key constraint") != std::string::npos ||
      message.find("CHECK constraint failed") != std::string::npos ||
      message.find("violates check constraint") != std::string::npos ||
      message.find("NOT NULL constraint failed") != std::string::npos ||
      message.find("violates not-null constraint") != std::string::npos) {
    return Error::FailedPrecondition(message);
  }
  if (message.find("database is locked") != std::string::npos ||
      message.find("server closed the connection") != std::string::npos ||
      message.find("could not connect") != std::string::npos ||
      message.find("Connection refused") != std::string::npos) {
    return Error::Unavailable(message);
  }
  return Error::Internal(message + context);
}

// Rewrites '?' placeholders (outside quoted text) to SOCI's ":pN".
// The name SOCI knows the i-th placeholder by ("p0", "p1", …).
std::string PlaceholderName(std::size_t i) {
  std::string name(1, 'p');
  name += std::to_string(i);
  return name;
}

std::string ToSociPlaceholders(std::string_view sql) {
  std::string rewritten;
  rewritten.reserve(sql.size() + 16);
  char quote = 0;
  std::size_t index = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      rewritten += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      rewritten += c;
    } else if (c == '?') {
      rewritten += ':';
      rewritten += PlaceholderName(index++);
    } else {
      rewritten += c;
    }
  }
  return rewritten;
}

// Holds bound values at stable addresses for as long as SOCI needs them.
class Bindings {
 public:
  explicit Bindings(const std::vector<Value>& params) : params_(params) {
    indicators_.resize(params.size(), soci::i_ok);
    integers_.resize(params.size());
    reals_.resize(params.size());
    texts_.resize(params.size());
  }

  void BindTo(soci::details::prepare_temp_type& statement) {
    for (std::size_t i = 0; i < params_.size(); ++i) {
      const std::string name = PlaceholderName(i);
      const Value& value = params_[i];
      if (std::holds_alternative<std::monostate>(value)) {
        indicators_[i] = soci::i_null;
        statement, soci::use(texts_[i], indicators_[i], name);
      } else if (const auto* integer = std::get_if<long long>(&value)) {
        integers_[i] = *integer;
        statement, soci::use(integers_[i], indicators_[i], name);
      } else if (const auto* real = std::get_if<double>(&value)) {
        reals_[i] = *real;
        statement, soci::use(reals_[i], indicators_[i], name);
      } else {
        texts_[i] = std::get<std::string>(value);
        statement, soci::use(texts_[i], indicators_[i], name);
      }
    }
  }

 private:
  const std::vector<Value>& params_;
  std::vector<soci::indicator> indicators_;
  std::vector<long long> integers_;
  std::vector<double> reals_;
  std::vector<std::string> texts_;
};

Value ReadColumn(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::monostate{};
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row.get<std::string>(column);
    case soci::dt_double:
      return row.get<double>(column);
    case soci::dt_integer:
      return static_cast<long long>(row.get<int>(column));
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_date: {
      const std::tm time = row.get<std::tm>(column);
      char text[32];
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", time.tm_year + 1900, time.tm_mon + 1, time.tm_mday);
      return std::string(text);
    }
  }
  return std::monostate{};
}

struct ParsedUrl {
  Engine engine;
  std::string connect_string;
  std::string display;
};

ParsedUrl ParseUrl(const std::string& url) {
  if (text::StartsWith(url, "postgresql://") || text::StartsWith(url, "postgres://")) {
    std::string display = url;
    // Hide a password in "scheme://user:password@host".
    const auto scheme_end = display.find("://") + 3;
    const auto at = display.find('@', scheme_end);
    const auto colon = display.find(':', scheme_end);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      display.replace(colon + 1, at - colon - 1, "***");
    }
    return {Engine::kPostgresql, url, display};
  }
  std::string path = url;
  if (text::StartsWith(path, "sqlite://")) {
    path = path.substr(9);
  } else if (text::StartsWith(path, "sqlite:")) {
    path = path.substr(7);
  }
  std::string quoted;
  for (char c : path) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return {Engine::kSqlite, "db=\"" + quoted + "\" timeout=10", "sqlite:" + path};
}

}  // namespace

Value Nullable(const std::optional<std::string>& value) { return value ? Value(*value) : Value(); }
Value Nullable(const std::optional<long long>& value) { return value ? Value(*value) : Value(); }
Value Nullable(const std::optional<double>& value) { return value ? Value(*value) : Value(); }

bool Row::IsNull(std::size_t column) const { return std::holds_alternative<std::monostate>(values_.at(column)); }

std::string Row::Text(std::size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* integer = std::get_if<long long>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *real);
    return std::string(buffer, end);
  }
  assert(false && "Row::Text on a NULL column; check IsNull or use OptionalText");
  return {};
}

long long Row::Integer(std::size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* integer = std::get_if<long long>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return static_cast<long long>(*real);
  if (const auto* text = std::get_if<std::string>(&value)) return text::ParseInteger(*text).value_or(0);
  assert(false && "Row::Integer on a NULL column; check IsNull or use OptionalInteger");
  return 0;
}

double Row::Real(std::size_t column) const {
  const Value& value = values_.at(column);
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<long long>(&value)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&value)) return text::ParseDecimal(*text).value_or(0);
  assert(false && "Row::Real on a NULL column; check IsNull or use OptionalReal");
  return 0;
}

std::optional<std::string> Row::OptionalText(std::size_t column) const {
  return IsNull(column) ? std::nullopt : std::optional(Text(column));
}
std::optional<long long> Row::OptionalInteger(std::size_t column) const {
  return IsNull(column) ? std::nullopt : std::optional(Integer(column));
}
std::optional<double> Row::OptionalReal(std::size_t column) const {
  return IsNull(column) ? std::nullopt : std::optional(Real(column));
}

Result<long long> Connection::Execute(std::string_view sql, const std::vector<Value>& params) {
  try {
    const std::string rewritten = ToSociPlaceholders(sql);
    Bindings bindings(params);
    soci::details::prepare_temp_type prepared = (session_.prepare << rewritten);
    bindings.BindTo(prepared);
    soci::statement statement(prepared);
    statement.execute(true);
    return statement.get_affected_rows();
  } catch (const std::exception& e) {
    return Fail(FromSoci(e, sql));
  }
}

namespace {

enum class ColumnType { kText, kInteger, kReal };

// ExecuteEach on SQLite: straight through the SQLite API, because SOCI's per-execution
// bookkeeping costs more than SQLite's own work when a batch has a million rows.
Result<long long> ExecuteEachSqlite(soci::session& session, std::string_view sql, const std::vector<ColumnType>& types,
                                    std::vector<Value>& row, const std::function<bool(std::vector<Value>&)>& next) {
  namespace api = ::sqlite_api;
  api::sqlite3* handle = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  api::sqlite3_stmt* raw = nullptr;
  if (api::sqlite3_prepare_v2(handle, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
    return Fail(FromSoci(std::runtime_error(api::sqlite3_errmsg(handle)), sql));
  }
  const std::unique_ptr<api::sqlite3_stmt, int (*)(api::sqlite3_stmt*)> statement(raw, api::sqlite3_finalize);
  const std::size_t columns = types.size();
  long long count = 0;
  do {
    if (row.size() != columns) return Fail(Error::InvalidArgument("ExecuteEach: rows differ in length"));
    for (std::size_t i = 0; i < columns; ++i) {
      const int position = static_cast<int>(i) + 1;
      const Value& value = row[i];
      int bound = SQLITE_MISMATCH;
      if (std::holds_alternative<std::monostate>(value)) {
        bound = api::sqlite3_bind_null(raw, position);
      } else if (const auto* text = std::get_if<std::string>(&value); text && types[i] == ColumnType::kText) {
        bound = api::sqlite3_bind_text(raw, position, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
      } else if (const auto* integer = std::get_if<long long>(&value); integer && types[i] == ColumnType::kInteger) {
        bound = api::sqlite3_bind_int64(raw, position, *integer);
      } else if (const auto* real = std::get_if<double>(&value); real && types[i] == ColumnType::kReal) {
        bound = api::sqlite3_bind_double(raw, position, *real);
      } else {
        return Fail(Error::InvalidArgument("ExecuteEach: column " + std::to_string(i) + " changes type"));
      }
      if (bound != SQLITE_OK) return Fail(FromSoci(std::runtime_error(api::sqlite3_errmsg(handle)), sql));
    }
    if (api::sqlite3_step(raw) != SQLITE_DONE)
      return Fail(FromSoci(std::runtime_error(api::sqlite3_errmsg(handle)), sql));
    ++count;
    api::sqlite3_reset(raw);
  } while (next(row));
  return count;
}

}  // namespace

Result<long long> Connection::ExecuteEach(std::string_view sql, const std::vector<Value>& shape,
                                          const std::function<bool(std::vector<Value>&)>& next) {
  std::vector<Value> row;
  if (!next(row)) return 0;
  const std::size_t columns = shape.size();
  std::vector<ColumnType> types(columns, ColumnType::kText);
  std::vector<soci::indicator> indicators(columns, soci::i_ok);
  std::vector<long long> integers(columns);
  std::vector<double> reals(columns);
  std::vector<std::string> texts(columns);
  for (std::size_t i = 0; i < columns; ++i) {
    if (std::holds_alternative<long long>(shape[i])) types[i] = ColumnType::kInteger;
    if (std::holds_alternative<double>(shape[i])) types[i] = ColumnType::kReal;
  }
  if (engine_ == Engine::kSqlite) return ExecuteEachSqlite(session_, sql, types, row, next);
  // The holders the statement stays bound to; each row is copied into them.
  try {
    const std::string rewritten = ToSociPlaceholders(sql);
    soci::details::prepare_temp_type prepared = (session_.prepare << rewritten);
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string name = PlaceholderName(i);
      switch (types[i]) {
        case ColumnType::kText:
          prepared, soci::use(texts[i], indicators[i], name);
          break;
        case ColumnType::kInteger:
          prepared, soci::use(integers[i], indicators[i], name);
          break;
        case ColumnType::kReal:
          prepared, soci::use(reals[i], indicators[i], name);
          break;
      }
    }
    soci::statement statement(prepared);
    long long count = 0;
    do {
      if (row.size() != columns) return Fail(Error::InvalidArgument("ExecuteEach: rows differ in length"));
      for (std::size_t i = 0; i < columns; ++i) {
        const Value& value = row[i];
        indicators[i] = std::holds_alternative<std::monostate>(value) ? soci::i_null : soci::i_ok;
        if (indicators[i] == soci::i_null) continue;
        bool fits = false;
        switch (types[i]) {
          case ColumnType::kText:
            if (const auto* text = std::get_if<std::string>(&value)) texts[i] = *text, fits = true;
            break;
          case ColumnType::kInteger:
            if (const auto* integer = std::get_if<long long>(&value)) integers[i] = *integer, fits = true;
            break;
          case ColumnType::kReal:
            if (const auto* real = std::get_if<double>(&value)) reals[i] = *real, fits = true;
            break;
        }
        if (!fits) return Fail(Error::InvalidArgument("ExecuteEach: column " + std::to_string(i) + " changes type"));
      }
      statement.execute(true);
      ++count;
    } while (next(row));
    return count;
  } catch (const std::exception& e) {
    return Fail(FromSoci(e, sql));
  }
}

Result<std::vector<Row>> Connection::Query(std::string_view sql, const std::vector<Value>& params) {
  try {
    const std::string rewritten = ToSociPlaceholders(sql);
    Bindings bindings(params);
    soci::details::prepare_temp_type prepared = (session_.prepare << rewritten);
    bindings.BindTo(prepared);
    soci::rowset<soci::row> rows(prepared);
    std::vector<Row> result;
    for (const soci::row& row : rows) {
      std::vector<Value> values;
      values.reserve(row.size());
      for (std::size_t column = 0; column < row.size(); ++column) values.push_back(ReadColumn(row, column));
      result.emplace_back(std::move(values));
    }
    return result;
  } catch (const std::exception& e) {
    return Fail(FromSoci(e, sql));
  }
}

namespace {

// The line without a trailing "-- comment" (outside quotes), so that a statement that
// ends before a comment is still seen to end: the engines run only the first statement
// of what they are given, and would silently drop the rest.
std::string_view WithoutComment(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] == '\'') quoted = !quoted;
    if (!quoted && line[i] == '-' && line[i + 1] == '-') return line.substr(0, i);
  }
  return line;
}

}  // namespace

Status Connection::ExecuteScript(std::string_view script) {
  std::string statement;
  for (std::string_view line : text::Split(script, '\n')) {
    const std::string_view trimmed = text::Trim(WithoutComment(line));
    if (trimmed.empty()) continue;
    statement += trimmed;
    statement += '\n';
    if (trimmed.back() == ';') {
      if (auto done = Execute(statement); !done) return Fail(done.error());
      statement.clear();
    }
  }
  if (!text::Trim(statement).empty()) {
    if (auto done = Execute(statement); !done) return Fail(done.error());
  }
  return {};
}

Database::Database(Engine engine, std::string connect_string, std::string display_url)
    : engine_(engine), connect_string_(std::move(connect_string)), display_url_(std::move(display_url)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, std::size_t pool_size) {
  ParsedUrl parsed = ParseUrl(url);
  std::unique_ptr<Database> database(new Database(parsed.engine, parsed.connect_string, parsed.display));
  pool_size = std::max<std::size_t>(1, pool_size);
  for (std::size_t i = 0; i < pool_size; ++i) {
    try {
      std::unique_ptr<soci::session> session;
      if (parsed.engine == Engine::kPostgresql) {
        session = std::make_unique<soci::session>(soci::postgresql, parsed.connect_string);
      } else {
        session = std::make_unique<soci::session>(soci::sqlite3, parsed.connect_string);
        // WAL lets readers and the one writer work at the same time.
        if (i == 0) *session << "PRAGMA journal_mode=WAL";
        *session << "PRAGMA foreign_keys=ON";
        *session << "PRAGMA synchronous=NORMAL";
        *session << "PRAGMA busy_timeout=10000";
      }
      database->idle_.push_back(std::move(session));
    } catch (const std::exception& e) {
      return Fail(Error::Unavailable("cannot open database " + parsed.display + ": " + e.what()));
    }
  }
  return database;
}

Database::Lease::Lease(Database& database) : database_(database) {
  std::unique_lock lock(database_.mutex_);
  database_.available_.wait(lock, [&] { return !database_.idle_.empty(); });
  session_ = std::move(database_.idle_.back());
  database_.idle_.pop_back();
}

Database::Lease::~Lease() {
  {
    std::lock_guard lock(database_.mutex_);
    database_.idle_.push_back(std::move(session_));
  }
  database_.available_.notify_one();
}

Status Database::Begin(soci::session& session) {
  try {
    // IMMEDIATE takes SQLite's write lock up front, so two writers wait for each other
    // at BEGIN instead of failing halfway through.
    session << (engine_ == Engine::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    return {};
  } catch (const std::exception& e) {
    return Fail(FromSoci(e, "BEGIN"));
  }
}

Status Database::Commit(soci::session& session) {
  try {
    session << "COMMIT";
    return {};
  } catch (const std::exception& e) {
    Rollback(session);
    return Fail(FromSoci(e, "COMMIT"));
  }
}

void Database::Rollback(soci::session& session) {
  try {
    session << "ROLLBACK";
  } catch (const std::exception&) {
    // Nothing was begun or the connection is gone; either way nothing is committed.
  }
}

namespace {

struct Migration {
  int version;
  std::string name;
  std::string_view script;
};

// Picks, for each version, the dialect file if there is one, else the portable one.
Result<std::vector<Migration>> EmbeddedMigrations(Engine engine) {
  const std::string_view dialect = engine == Engine::kSqlite ? ".sqlite.sql" : ".postgresql.sql";
  const std::string_view other = engine == Engine::kSqlite ? ".postgresql.sql" : ".sqlite.sql";
  std::map<int, Migration> chosen;
  for (const resources::Resource& resource : resources::List("migrations/")) {
    std::string_view file = resource.path.substr(std::string_view("migrations/").size());
    if (!file.ends_with(".sql") || file.ends_with(other)) continue;
    const auto underscore = file.find('_');
    const auto version = text::ParseInteger(file.substr(0, underscore));
    if (underscore == std::string_view::npos || !version) {
      return Fail(Error::Internal("migration file name '" + std::string(file) + "' does not start with NNN_"));
    }
    const bool is_dialect = file.ends_with(dialect);
    std::string_view name = file.substr(underscore + 1);
    name.remove_suffix(is_dialect ? dialect.size() : 4);
    auto [it, inserted] = chosen.try_emplace(static_cast<int>(*version),
                                             Migration{static_cast<int>(*version), std::string(name), resource.data});
    if (!inserted && is_dialect) it->second.script = resource.data;
  }
  std::vector<Migration> migrations;
  for (auto& [version, migration] : chosen) migrations.push_back(std::move(migration));
  return migrations;
}

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

}  // namespace

Result<std::vector<MigrationStatus>> Database::Migrations() {
  auto migrations = EmbeddedMigrations(engine_);
  if (!migrations) return Fail(migrations.error());
  auto applied = WithConnection([](Connection& connection) -> Result<std::vector<Row>> {
    if (auto created = connection.Execute(kCreateMigrationsTable); !created) return Fail(created.error());
    return connection.Query("SELECT version FROM schema_migrations");
  });
  if (!applied) return Fail(applied.error());
  std::vector<MigrationStatus> statuses;
  for (const Migration& migration : *migrations) {
    const bool done = std::any_of(applied->begin(), applied->end(),
                                  [&](const Row& row) { return row.Integer(0) == migration.version; });
    statuses.push_back({migration.version, migration.name, done});
  }
  return statuses;
}

Result<std::vector<int>> Database::Migrate() {
  auto migrations = EmbeddedMigrations(engine_);
  if (!migrations) return Fail(migrations.error());
  auto statuses = Migrations();
  if (!statuses) return Fail(statuses.error());
  std::vector<int> applied;
  for (const Migration& migration : *migrations) {
    const bool done = std::any_of(statuses->begin(), statuses->end(), [&](const MigrationStatus& status) {
      return status.version == migration.version && status.applied;
    });
    if (done) continue;
    auto result = InTransaction([&](Connection& connection) -> Status {
      if (auto ran = connection.ExecuteScript(migration.script); !ran) {
        return Fail(Error(ran.error().code(), "migration " + std::to_string(migration.version) + " (" + migration.name +
                                                  "): " + ran.error().message()));
      }
      auto recorded = connection.Execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
          {static_cast<long long>(migration.version), migration.name, std::string(Date::Today().ToIso())});
      if (!recorded) return Fail(recorded.error());
      return {};
    });
    if (!result) return Fail(result.error());
    applied.push_back(migration.version);
  }
  return applied;
}

Result<std::int64_t> ReadCounter(Connection& connection, std::string_view name) {
  auto rows = connection.Query("SELECT value FROM change_counters WHERE name = ?", {std::string(name)});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::Internal("change_counters has no row for " + std::string(name)));
  return rows->front().Integer(0);
}

Result<std::int64_t> ReadCounter(Database& database, std::string_view name) {
  return database.WithConnection([&](Connection& connection) { return ReadCounter(connection, name); });
}

Status RaiseCounter(Connection& connection, std::string_view name) {
  auto raised = connection.Execute("UPDATE change_counters SET value = value + 1 WHERE name = ?", {std::string(name)});
  if (!raised) return Fail(raised.error());
  return {};
}

}  // namespace zoneatlas::db
