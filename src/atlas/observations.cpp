#include "atlas/observations.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "atlas/aggregate.hpp"

namespace zoneatlas::atlas {
namespace {

using db::Row;

// Statements are prepared once per this many blocks written.
constexpr std::size_t kBlocksPerWrite = 4096;

std::string InList(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  return list;
}

// The block an area's figures are kept in: a statistical sector's code starts with its
// municipality's five-digit NIS code ("23064A00-"), and the sectors of a municipality
// share a block ("23064*"); every other area has its own.
std::string BlockOf(std::string_view area_code) {
  const bool sector = area_code.size() > 5 && std::all_of(area_code.begin(), area_code.begin() + 5,
                                                          [](char c) { return c >= '0' && c <= '9'; });
  return sector ? std::string(area_code.substr(0, 5)) + "*" : std::string(area_code);
}

// One area's figure in a block.
struct Entry {
  std::string_view area;
  double value, numerator, denominator;  // NaN where absent.
  std::int64_t batch_id;
};

// A block's text: a line per area, "code TAB value TAB numerator TAB denominator TAB
// batch", empty where absent. Text, not binary, so that the migration from one row per
// figure could write it in SQL and a person can read it in the database's own shell.
void AppendNumber(std::string& text, double number) {
  if (std::isnan(number)) return;
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, number);
  text.append(buffer, written.ptr);
}

std::string BlockText(std::vector<Entry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.area < b.area; });
  std::string text;
  text.reserve(entries.size() * 40);
  for (const Entry& entry : entries) {
    text += entry.area;
    text += '\t';
    AppendNumber(text, entry.value);
    text += '\t';
    AppendNumber(text, entry.numerator);
    text += '\t';
    AppendNumber(text, entry.denominator);
    text += '\t';
    char buffer[24];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, entry.batch_id);
    text.append(buffer, written.ptr);
    text += '\n';
  }
  return text;
}

double ReadNumber(std::string_view field) {
  double number = std::nan("");
  if (!field.empty()) std::from_chars(field.data(), field.data() + field.size(), number);
  return number;
}

// The entries of a block's text; the areas point into `text`.
std::vector<Entry> ReadBlock(std::string_view text) {
  std::vector<Entry> entries;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::string_view fields[5];
    for (std::size_t i = 0; i < 5; ++i) {
      const std::size_t tab = i < 4 ? line.find('\t') : std::string_view::npos;
      fields[i] = line.substr(0, tab);
      line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
    }
    if (fields[0].empty()) continue;
    std::int64_t batch_id = 0;
    std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(), batch_id);
    entries.push_back({fields[0], ReadNumber(fields[1]), ReadNumber(fields[2]), ReadNumber(fields[3]), batch_id});
  }
  return entries;
}

struct BlockRow {
  std::string indicator_id;
  std::string period;
  std::string block;
  bool derived = false;
  std::string text;  // Empty: the block is removed.
};

// Writes blocks, replacing what was there, and empties the list.
Status WriteBlocks(db::Connection& connection, std::vector<BlockRow>& blocks) {
  std::size_t next = 0;
  auto written = connection.ExecuteEach(
      "INSERT INTO atlas_figures (indicator_id, period, area_block, derived, entries) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (indicator_id, period, area_block) DO UPDATE SET derived = excluded.derived,"
      " entries = excluded.entries",
      {std::string(), std::string(), std::string(), 0LL, std::string()}, [&](std::vector<db::Value>& row) {
        while (next < blocks.size() && blocks[next].text.empty()) ++next;
        if (next == blocks.size()) return false;
        BlockRow& block = blocks[next++];
        row = {std::move(block.indicator_id), std::move(block.period), std::move(block.block),
               static_cast<long long>(block.derived ? 1 : 0), std::move(block.text)};
        return true;
      });
  if (!written) return Fail(written.error());
  next = 0;
  auto removed =
      connection.ExecuteEach("DELETE FROM atlas_figures WHERE indicator_id = ? AND period = ? AND area_block = ?",
                             {std::string(), std::string(), std::string()}, [&](std::vector<db::Value>& row) {
                               while (next < blocks.size() && !blocks[next].text.empty()) ++next;
                               if (next == blocks.size()) return false;
                               const BlockRow& block = blocks[next++];
                               row = {block.indicator_id, block.period, block.block};
                               return true;
                             });
  if (!removed) return Fail(removed.error());
  blocks.clear();
  return {};
}

Status WriteIfFull(db::Connection& connection, std::vector<BlockRow>& blocks) {
  return blocks.size() < kBlocksPerWrite ? Status() : WriteBlocks(connection, blocks);
}

// Writes the figures of a batch into their blocks, merged with the figures already
// there. Returns the (period, block) pairs whose counts changed.
Result<std::set<std::pair<std::string, std::string>>> WriteFigures(db::Connection& connection, const Catalog& catalog,
                                                                   const BatchFigures& figures, std::int64_t batch_id) {
  std::set<std::pair<std::string, std::string>> touched;
  // Which indicator-periods hold figures already: most imports bring new ones.
  std::set<std::pair<std::string, std::string>> stored;
  auto pairs = connection.Query("SELECT indicator_id, period FROM atlas_figures GROUP BY indicator_id, period");
  if (!pairs) return Fail(pairs.error());
  for (const Row& row : *pairs) stored.emplace(row.Text(0), row.Text(1));
  std::vector<BlockRow> blocks;
  const std::vector<BatchFigure>& all = figures.all();
  for (std::size_t first = 0; first < all.size();) {
    std::size_t last = first;
    while (last < all.size() && all[last].indicator == all[first].indicator && all[last].period == all[first].period)
      ++last;
    const std::string& indicator_id = figures.IndicatorId(all[first]);
    const std::string& period = figures.Period(all[first]);
    const Indicator* indicator = catalog.Find(indicator_id);
    const bool count = indicator != nullptr && IsCount(*indicator);
    std::map<std::string, std::vector<Entry>> by_block;
    for (std::size_t i = first; i < last; ++i) {
      const BatchFigure& figure = all[i];
      const std::string& area = figures.AreaCode(figure);
      by_block[BlockOf(area)].push_back({area, figure.value, figure.numerator, figure.denominator, batch_id});
    }
    // The stored figures of the blocks, for the areas the batch leaves as they are.
    std::map<std::string, std::string> old_texts;
    if (stored.contains({indicator_id, period})) {
      auto rows =
          connection.Query("SELECT area_block, entries FROM atlas_figures WHERE indicator_id = ? AND period = ?",
                           {indicator_id, period});
      if (!rows) return Fail(rows.error());
      for (const Row& row : *rows) {
        if (by_block.contains(row.Text(0))) old_texts.emplace(row.Text(0), row.Text(1));
      }
    }
    for (auto& [block, entries] : by_block) {
      if (auto old = old_texts.find(block); old != old_texts.end()) {
        std::set<std::string_view> replaced;
        for (const Entry& entry : entries) replaced.insert(entry.area);
        for (const Entry& entry : ReadBlock(old->second)) {
          if (!replaced.contains(entry.area)) entries.push_back(entry);
        }
      }
      if (count) touched.emplace(period, block);
      blocks.push_back({indicator_id, period, block, false, BlockText(entries)});
    }
    if (auto written = WriteIfFull(connection, blocks); !written) return Fail(written.error());
    first = last;
  }
  if (auto written = WriteBlocks(connection, blocks); !written) return Fail(written.error());
  return touched;
}

// Recomputes every derived indicator in the blocks whose counts a batch changed, from
// the stored counts (those just written included).
Status DeriveFor(db::Connection& connection, const Catalog& catalog,
                 const std::set<std::pair<std::string, std::string>>& touched, std::int64_t batch_id) {
  std::vector<std::string> count_ids;
  for (const Indicator& indicator : catalog.indicators()) {
    if (IsCount(indicator)) count_ids.push_back(indicator.id);
  }
  std::vector<Deriver> derivers;
  for (const Indicator& indicator : catalog.indicators()) {
    if (indicator.kind == Kind::kDerived && indicator.formula) derivers.emplace_back(indicator, count_ids);
  }
  if (touched.empty() || count_ids.empty() || derivers.empty()) return {};
  std::map<std::string_view, std::size_t> position_of;
  for (std::size_t i = 0; i < count_ids.size(); ++i) position_of.emplace(count_ids[i], i);
  std::vector<BlockRow> blocks;
  for (auto period_first = touched.begin(); period_first != touched.end();) {
    const std::string period = period_first->first;
    std::set<std::string> period_blocks;
    auto it = period_first;
    for (; it != touched.end() && it->first == period; ++it) period_blocks.insert(it->second);
    period_first = it;
    std::vector<db::Value> params{period};
    params.insert(params.end(), count_ids.begin(), count_ids.end());
    auto rows = connection.Query(
        "SELECT indicator_id, area_block, entries FROM atlas_figures WHERE period = ? AND"
        " indicator_id IN (" +
            InList(count_ids.size()) + ")",
        params);
    if (!rows) return Fail(rows.error());
    // Block → area → its counts, by position in count_ids (NaN: none).
    std::map<std::string, std::map<std::string, std::vector<double>>> counts;
    for (const Row& row : *rows) {
      const std::string block = row.Text(1);
      if (!period_blocks.contains(block)) continue;
      const std::size_t position = position_of.at(row.Text(0));
      auto& areas = counts[block];
      const std::string text = row.Text(2);
      for (const Entry& entry : ReadBlock(text)) {
        if (std::isnan(entry.value)) continue;
        auto [area, added] = areas.try_emplace(std::string(entry.area));
        if (added) area->second.assign(count_ids.size(), std::nan(""));
        area->second[position] = entry.value;
      }
    }
    for (const std::string& block : period_blocks) {
      const auto& areas = counts[block];
      for (const Deriver& derive : derivers) {
        std::vector<Entry> entries;
        for (const auto& [area, area_counts] : areas) {
          const Value value = derive(area_counts);
          if (!value.value) continue;
          entries.push_back({area, *value.value, value.numerator.value_or(std::nan("")),
                             value.denominator.value_or(std::nan("")), batch_id});
        }
        blocks.push_back({derive.indicator().id, period, block, true, BlockText(entries)});
      }
      if (auto written = WriteIfFull(connection, blocks); !written) return Fail(written.error());
    }
  }
  return WriteBlocks(connection, blocks);
}

// SQLite's page cache (2 MiB by default) would spill a large batch's pages to the log and
// write them again and again; a cache of 64 MiB for the length of a save writes each once
// (blocks are written in key order, so more would not help: measured on 10 M figures).
// The connection goes back to the pool with its usual cache, whatever happens.
class LargePageCache {
 public:
  explicit LargePageCache(db::Connection& connection) : connection_(connection) {
    if (connection_.engine() != db::Engine::kSqlite) return;
    auto usual = connection_.Query("PRAGMA cache_size");
    if (!usual || usual->empty()) return;
    usual_ = usual->front().Integer(0);
    (void)connection_.Execute("PRAGMA cache_size = -65536");
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
  std::string sql = "SELECT indicator_id, period, area_block, derived, entries FROM atlas_figures WHERE 1 = 1";
  std::vector<db::Value> params;
  auto restrict = [&](std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    sql += " AND " + std::string(column) + " IN (" + InList(values.size()) + ")";
    params.insert(params.end(), values.begin(), values.end());
  };
  std::set<std::string_view> areas(filter.areas.begin(), filter.areas.end());
  std::set<std::string> blocks;
  for (const std::string& area : filter.areas) blocks.insert(BlockOf(area));
  restrict("indicator_id", filter.indicators);
  restrict("period", filter.periods);
  restrict("area_block", std::vector<std::string>(blocks.begin(), blocks.end()));
  std::set<std::int64_t> demo_batches;
  auto rows = database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Row>> {
    auto demo = connection.Query("SELECT id FROM atlas_batches WHERE demo = 1");
    if (!demo) return Fail(demo.error());
    for (const Row& row : *demo) demo_batches.insert(row.Integer(0));
    return connection.Query(sql, params);
  });
  if (!rows) return Fail(rows.error());
  std::vector<Observation> observations;
  for (const Row& row : *rows) {
    const std::string text = row.Text(4);
    for (const Entry& entry : ReadBlock(text)) {
      if (!areas.empty() && !areas.contains(entry.area)) continue;
      observations.push_back({.indicator_id = row.Text(0),
                              .area_code = std::string(entry.area),
                              .period = row.Text(1),
                              .value = Present(entry.value),
                              .numerator = Present(entry.numerator),
                              .denominator = Present(entry.denominator),
                              .batch_id = entry.batch_id,
                              .derived = row.Integer(3) != 0,
                              .demo = demo_batches.contains(entry.batch_id)});
    }
  }
  std::sort(observations.begin(), observations.end(), [](const Observation& a, const Observation& b) {
    return std::tie(a.indicator_id, a.area_code, a.period) < std::tie(b.indicator_id, b.area_code, b.period);
  });
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
                                 const BatchFigures& figures, const audit::Context& context) {
  if (batch.at == 0) batch.at = context.When();
  batch.actor = context.actor;
  batch.observations = static_cast<int>(figures.size());
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
  auto touched = WriteFigures(connection, catalog, figures, batch.id);
  if (!touched) return Fail(touched.error());
  if (auto derived = DeriveFor(connection, catalog, *touched, batch.id); !derived) return Fail(derived.error());
  if (auto raised = db::RaiseCounter(connection, "atlas"); !raised) return Fail(raised.error());
  if (auto recorded = audit::Record(connection, context, "atlas_batch", std::to_string(batch.id), std::nullopt,
                                    BatchJson(batch), std::nullopt);
      !recorded) {
    return Fail(recorded.error());
  }
  return batch.id;
}

}  // namespace zoneatlas::atlas
