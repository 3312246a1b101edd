// atlas/observations.hpp: stored observations and the import batches they came from.
//
// An observation is one figure for an indicator, an area and a period ("2024", a school
// year "2023-2024"), with its numerator and denominator when known. Observations keep
// the area codes they were published for. Derived indicators are stored too, computed
// from the counts of the same area and period each time a batch is saved, so that
// readers never compute formulas.
//
// The figures are stored in blocks: one row per indicator, period and area — or, for
// statistical sectors, per indicator, period and municipality, holding the figures of all
// its sectors. Twenty thousand sectors make ten million figures in a decade, which a row
// each would take minutes to write; a block per municipality writes them in seconds, and
// readers ask for a municipality or for all sectors at once anyway.
//
// Thread safety: a Store may be used from several threads; the database serialises writes.
#ifndef ZONEATLAS_ATLAS_OBSERVATIONS_HPP_
#define ZONEATLAS_ATLAS_OBSERVATIONS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "atlas/batch_figures.hpp"
#include "atlas/catalog.hpp"
#include "audit/audit.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::atlas {

struct Observation {
  std::string indicator_id;
  std::string area_code;
  std::string period;
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::int64_t batch_id = 0;
  bool derived = false;
  bool demo = false;  // From a batch of demonstration values.
  int parts = 0;      // Added up from this many parts' figures (atlas/roll_up.hpp); 0 when stored.
};

struct Batch {
  std::int64_t id = 0;
  std::int64_t at = 0;  // Unix seconds.
  audit::Actor actor;
  std::string file_name;
  std::string sheet;
  std::string layout;  // "long", "wide by period", "wide by indicator", "statbel population".
  std::string source;
  std::string checksum;  // SHA-256 of the file, hex.
  int rows_read = 0;
  int observations = 0;  // Imported; derived values not counted.
  bool demo = false;
};

// Empty lists mean "all".
struct ObservationFilter {
  std::vector<std::string> indicators;
  std::vector<std::string> areas;
  std::vector<std::string> periods;
};

class Store {
 public:
  explicit Store(db::Database& database) : database_(database) {}

  // Sorted by indicator, area and period.
  Result<std::vector<Observation>> Observations(const ObservationFilter& filter) const;
  // Newest first.
  Result<std::vector<Batch>> Batches(int limit) const;
  // The number that changes whenever any process saves observations (for caches).
  Result<std::int64_t> Generation() const;

  // Saves a batch and its figures (replacing earlier figures for the same indicator, area
  // and period), computes the derived indicators of every area and period it touched,
  // raises the generation and records the batch in the audit trail. Returns the batch's
  // id. For callers that hold a transaction. REQUIRES: `figures` sorted (BatchFigures::Sort).
  static Result<std::int64_t> Save(db::Connection& connection, const Catalog& catalog, Batch batch,
                                   const BatchFigures& figures, const audit::Context& context);

 private:
  db::Database& database_;
};

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_OBSERVATIONS_HPP_
