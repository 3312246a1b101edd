// geo/import.hpp: importing areas, zones and boundaries from CSV and GeoJSON files.
//
// Every row is checked before anything is written; if any row is bad, nothing is
// written and the report lists every problem with its file, line (or feature) and
// field. Otherwise all rows are written in one transaction.
//
// File layouts are described in docs/import-formats.md.
//
// Thread safety: the functions may run concurrently; SQLite serialises the writes.
#ifndef ZONEATLAS_GEO_IMPORT_HPP_
#define ZONEATLAS_GEO_IMPORT_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::geo {

struct ImportProblem {
  std::string location;  // "line 12" or "feature 3".
  std::string field;     // Column or property; empty for the whole row or file.
  std::string message;
};

// The problems of one file: the first kKept are kept, the others only counted, so that a
// file of a million bad rows cannot exhaust the server that reads it.
class ProblemList {
 public:
  static constexpr std::size_t kKept = 1000;

  void push_back(ImportProblem problem) {
    if (kept_.size() < kKept) {
      kept_.push_back(std::move(problem));
    } else {
      ++left_out_;
    }
  }
  void emplace_back(std::string location, std::string field, std::string message) {
    push_back({std::move(location), std::move(field), std::move(message)});
  }
  bool empty() const { return kept_.empty(); }
  // Every problem found, listed or not.
  std::size_t size() const { return kept_.size() + left_out_; }
  // Found but not listed.
  std::size_t left_out() const { return left_out_; }
  const std::vector<ImportProblem>& listed() const { return kept_; }
  auto begin() const { return kept_.begin(); }
  auto end() const { return kept_.end(); }
  const ImportProblem& front() const { return kept_.front(); }
  const ImportProblem& operator[](std::size_t i) const { return kept_[i]; }

 private:
  std::vector<ImportProblem> kept_;
  std::size_t left_out_ = 0;
};

struct ImportReport {
  std::string file;
  int rows_read = 0;
  int rows_imported = 0;
  int rows_skipped = 0;  // Known to be irrelevant, e.g. boundaries of unknown areas with skip_unknown.
  ProblemList problems;  // Any problem means nothing was imported.
  ProblemList warnings;  // Imported, but worth a look.

  bool ok() const { return problems.empty(); }
  // One line per problem: "areas.csv:12: population: '12a' is not a whole number".
  std::string Describe() const;
};

enum class FileFormat { kCsv, kGeoJson };
// Guesses from the file name, then from the first non-blank character.
FileFormat DetectFormat(std::string_view file_name, std::string_view content);

// A statistical sector's code from Statbel's columns: the full nine characters
// (23027A00-) or the four after the municipality's code (A00-), as editions differ; a
// merged municipality's sectors keep the code of the one they were drawn in (82005C59- in
// 82039 since 2025). Nothing when `sector` is neither.
std::optional<std::string> StatbelSectorCode(std::string_view municipality, std::string_view sector);

// The area code of the Brussels monitoring district numbered `number` (UrbIS' MDRC, the
// Wijkmonitoring's "Code"): "mdrc-" and the number in three digits. Nothing unless it is a
// whole number from 1 to 999.
std::optional<std::string> MonitoringDistrictCode(std::string_view number);

struct AreaImportOptions {
  // Leave out, and count, areas whose parent is neither in the file nor imported (the
  // sectors of municipalities outside the database), instead of refusing the file.
  bool skip_unknown_parents = false;
};

// Areas from our CSV layout, from Statbel's REFNIS code list (pipe-separated, as
// published), from Statbel's list of statistical sectors with their population (the
// .xlsx as published), or from GeoJSON features with the same properties (their
// boundaries are stored too).
// Every import records its changes in the audit trail under `actor`.
Result<ImportReport> ImportAreas(db::Database& database, std::string_view file_name, std::string_view content,
                                 const audit::Actor& actor, const AreaImportOptions& options = {});

// Zones from CSV, one row per member area; a zone's rows replace its earlier definition.
Result<ImportReport> ImportZones(db::Database& database, std::string_view file_name, std::string_view content,
                                 const audit::Actor& actor);

// Compositions from CSV, one row per part (area_code, part_code; approximate and source
// optional, the same on every row of an area); an area's rows replace its earlier
// composition. One level only: a part may not itself be made of parts.
Result<ImportReport> ImportCompositions(db::Database& database, std::string_view file_name, std::string_view content,
                                        const audit::Actor& actor);

struct BoundaryImportOptions {
  double simplify_meters = 0;  // 0 keeps every vertex.
  bool skip_unknown = false;   // Skip features of areas not in the database instead of failing.
  std::string source;
};

// Boundaries from GeoJSON; each feature names its area by a code property ("code",
// "nis_code", "NIS_code", "CD_REFNIS" or Statbel's "shn" such as BE223064).
Result<ImportReport> ImportBoundaries(db::Database& database, std::string_view file_name, std::string_view content,
                                      const BoundaryImportOptions& options, const audit::Actor& actor);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_IMPORT_HPP_
