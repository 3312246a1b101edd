#include "atlas/observations.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "atlas/aggregate.hpp"

namespace zoneatlas::atlas {
namespace {

using db::Row;

// Areas per SELECT or DELETE when deriving. SOCI names every placeholder and SQLite looks
// names up one by one, so a long list costs quadratic time.
constexpr std::size_t kAreasPerStatement = 16;

std::string InList(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  return list;
}

Status Upsert(db::Connection& connection, const std::vector<Observation>& observations, std::int64_t batch_id) {
  std::size_t next = 0;
  auto written = connection.ExecuteEach(
      "INSERT INTO atlas_observations (indicator_id, area_code, period, value, numerator, denominator, batch_id,"
      " derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator_id, area_code, period) DO UPDATE SET"
      " value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,"
      " batch_id = excluded.batch_id, derived = excluded.derived",
      {std::string(), std::string(), std::string(), 0.0, 0.0, 0.0, 0LL, 0LL}, [&](std::vector<db::Value>& row) {
        if (next == observations.size()) return false;
        const Observation& o = observations[next++];
        row = {o.indicator_id,
               o.area_code,
               o.period,
               db::Nullable(o.value),
               db::Nullable(o.numerator),
               db::Nullable(o.denominator),
               static_cast<long long>(batch_id),
               static_cast<long long>(o.derived ? 1 : 0)};
        return true;
      });
  if (!written) return Fail(written.error());
  return {};
}

// Recomputes every derived indicator for the areas and periods touched by a batch from
// the stored counts (including those just written). Every pair of a touched area and a
// touched period is recomputed, which costs little and keeps this to a few statements.
Status DeriveFor(db::Connection& connection, const Catalog& catalog, const std::set<std::string>& areas,
                 const std::set<std::string>& periods, std::int64_t batch_id) {
  if (areas.empty() || periods.empty()) return {};
  const std::vector<std::string> area_list(areas.begin(), areas.end());
  const std::vector<std::string> period_list(periods.begin(), periods.end());
  // (area, period) → count indicator → value.
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> counts;
  for (std::size_t start = 0; start < area_list.size(); start += kAreasPerStatement) {
    const std::size_t end = std::min(area_list.size(), start + kAreasPerStatement);
    std::vector<db::Value> params(area_list.begin() + static_cast<std::ptrdiff_t>(start),
                                  area_list.begin() + static_cast<std::ptrdiff_t>(end));
    params.insert(params.end(), period_list.begin(), period_list.end());
    const std::string where =
        " WHERE area_code IN (" + InList(end - start) + ") AND period IN (" + InList(period_list.size()) + ")";
    auto removed = connection.Execute("DELETE FROM atlas_observations" + where + " AND derived = 1", params);
    if (!removed) return Fail(removed.error());
    auto rows = connection.Query(
        "SELECT indicator_id, area_code, period, value FROM atlas_observations" + where + " AND value IS NOT NULL",
        params);
    if (!rows) return Fail(rows.error());
    for (const Row& row : *rows) {
      const Indicator* indicator = catalog.Find(row.Text(0));
      if (indicator == nullptr || !IsCount(*indicator)) continue;
      counts[{row.Text(1), row.Text(2)}][row.Text(0)] = row.Real(3);
    }
  }
  std::vector<Observation> derived;
  for (const auto& [key, area_counts] : counts) {
    for (const Indicator& indicator : catalog.indicators()) {
      if (indicator.kind != Kind::kDerived) continue;
      const atlas::Value value = Derive(indicator, area_counts);
      if (!value.value) continue;
      derived.push_back({.indicator_id = indicator.id,
                         .area_code = key.first,
                         .period = key.second,
                         .value = value.value,
                         .numerator = value.numerator,
                         .denominator = value.denominator,
                         .batch_id = batch_id,
                         .derived = true,
                         .demo = false});
    }
  }
  return Upsert(connection, derived, batch_id);
}

// SQLite's page cache (2 MiB by default) would spill a large batch's pages to the log and
// write them again and again; a cache of 256 MiB for the length of a save writes each once.
// The connection goes back to the pool with its usual cache, whatever happens.
class LargePageCache {
 public:
  explicit LargePageCache(db::Connection& connection) : connection_(connection) {
    if (connection_.engine() != db::Engine::kSqlite) return;
    auto usual = connection_.Query("PRAGMA cache_size");
    if (!usual || usual->empty()) return;
    usual_ = usual->front().Integer(0);
    (void)connection_.Execute("PRAGMA cache_size = -262144");
  }
  ~LargePageCache() {
    if (usual_) (void)connection_.Execute("PRAGMA cache_size = " + std::to_string(*usual_));
  }
  LargePageCache(const LargePageCache&) = delete;
  LargePageCache& operator=(const LargePageCache&) = delete;

 private:
  db::Connection& connection_;
  std::optional<long long> usual_;
};

std::string BatchJson(const Batch& batch) {
  boost::json::object object{{"file_name", batch.file_name},
                             {"layout", batch.layout},
                             {"source", batch.source},
                             {"checksum", batch.checksum},
                             {"rows_read", batch.rows_read},
                             {"observations", batch.observations},
                             {"demo", batch.demo}};
  if (!batch.sheet.empty()) object["sheet"] = batch.sheet;
  return boost::json::serialize(object);
}

}  // namespace

Result<std::vector<Observation>> Store::Observations(const ObservationFilter& filter) const {
  std::string sql =
      "SELECT o.indicator_id, o.area_code, o.period, o.value, o.numerator, o.denominator, o.batch_id, o.derived,"
      " b.demo FROM atlas_observations o JOIN atlas_batches b ON b.id = o.batch_id WHERE 1 = 1";
  std::vector<db::Value> params;
  auto restrict = [&](std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    sql += " AND " + std::string(column) + " IN (" + InList(values.size()) + ")";
    params.insert(params.end(), values.begin(), values.end());
  };
  restrict("o.indicator_id", filter.indicators);
  restrict("o.area_code", filter.areas);
  restrict("o.period", filter.periods);
  sql += " ORDER BY o.indicator_id, o.area_code, o.period";
  auto rows = database_.WithConnection([&](db::Connection& connection) { return connection.Query(sql, params); });
  if (!rows) return Fail(rows.error());
  std::vector<Observation> observations;
  observations.reserve(rows->size());
  for (const Row& row : *rows) {
    observations.push_back({.indicator_id = row.Text(0),
                            .area_code = row.Text(1),
                            .period = row.Text(2),
                            .value = row.OptionalReal(3),
                            .numerator = row.OptionalReal(4),
                            .denominator = row.OptionalReal(5),
                            .batch_id = row.Integer(6),
                            .derived = row.Integer(7) != 0,
                            .demo = row.Integer(8) != 0});
  }
  return observations;
}

Result<std::vector<Batch>> Store::Batches(int limit) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "SELECT id, at, actor_id, actor_label, file_name, sheet, layout, source, checksum, rows_read, observations,"
        " demo FROM atlas_batches ORDER BY id DESC LIMIT ?",
        {static_cast<long long>(limit)});
  });
  if (!rows) return Fail(rows.error());
  std::vector<Batch> batches;
  for (const Row& row : *rows) {
    batches.push_back({.id = row.Integer(0),
                       .at = row.Integer(1),
                       .actor = {row.Text(2), row.Text(3)},
                       .file_name = row.Text(4),
                       .sheet = row.OptionalText(5).value_or(""),
                       .layout = row.Text(6),
                       .source = row.Text(7),
                       .checksum = row.Text(8),
                       .rows_read = static_cast<int>(row.Integer(9)),
                       .observations = static_cast<int>(row.Integer(10)),
                       .demo = row.Integer(11) != 0});
  }
  return batches;
}

Result<std::int64_t> Store::Generation() const { return db::ReadCounter(database_, "atlas"); }

Result<std::int64_t> Store::Save(db::Connection& connection, const Catalog& catalog, Batch batch,
                                 const std::vector<Observation>& observations, const audit::Context& context) {
  if (batch.at == 0) batch.at = context.When();
  batch.actor = context.actor;
  batch.observations = static_cast<int>(observations.size());
  auto inserted = connection.Query(
      "INSERT INTO atlas_batches (at, actor_id, actor_label, file_name, sheet, layout, source, checksum, rows_read,"
      " observations, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {static_cast<long long>(batch.at), batch.actor.id, batch.actor.label, batch.file_name,
       batch.sheet.empty() ? db::Value() : db::Value(batch.sheet), batch.layout, batch.source, batch.checksum,
       static_cast<long long>(batch.rows_read), static_cast<long long>(batch.observations),
       static_cast<long long>(batch.demo ? 1 : 0)});
  if (!inserted) return Fail(inserted.error());
  if (inserted->empty()) return Fail(Error::Internal("the batch got no id"));
  batch.id = inserted->front().Integer(0);
  const LargePageCache cache(connection);
  if (auto saved = Upsert(connection, observations, batch.id); !saved) return Fail(saved.error());
  std::set<std::string> areas, periods;
  for (const Observation& observation : observations) {
    const Indicator* indicator = catalog.Find(observation.indicator_id);
    if (indicator == nullptr || !IsCount(*indicator)) continue;
    areas.insert(observation.area_code);
    periods.insert(observation.period);
  }
  if (auto derived = DeriveFor(connection, catalog, areas, periods, batch.id); !derived) return Fail(derived.error());
  if (auto raised = db::RaiseCounter(connection, "atlas"); !raised) return Fail(raised.error());
  if (auto recorded = audit::Record(connection, context, "atlas_batch", std::to_string(batch.id), std::nullopt,
                                    BatchJson(batch), std::nullopt);
      !recorded) {
    return Fail(recorded.error());
  }
  return batch.id;
}

}  // namespace zoneatlas::atlas
