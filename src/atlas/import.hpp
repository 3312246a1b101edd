// atlas/import.hpp: importing observations from the files people have.
//
// Layouts, recognised from the header (docs/import-formats.md has examples):
// - long: area, indicator, period, value, and optionally numerator and denominator;
// - wide by period: area, indicator (or --indicator), then one column per period;
// - wide by indicator: area, period (or --period), then one column per indicator id;
// - Statbel population: Statbel's open data on the population by place of residence,
//   age, sex and nationality (TF_SOC_POP_STRUCT_*), summed into the catalog's age-band
//   counts for each municipality and for the districts, provinces and regions known;
// - Statbel fiscal income (TF_PSNL_INC_TAX_MUNTY, …_SECTOR): the income indicators as
//   ratios of the totals per municipality or sector and income year;
// - Statbel population per statistical sector (OPENDATA_SECTOREN_*);
// - the Brussels Wijkmonitoring's export: indicator label, unit and year above one row per
//   monitoring district; labels the catalog does not know are named with `columns`;
// a .zip holding one such file is read as that file.
// The area is a NIS code (leading zeros may be lost, as Excel does) or a name in Dutch,
// French or English, matched without regard to case and accents.
//
// Every row is checked before anything is written: on any problem nothing is written
// and the report names the file, row (and sheet) and column of each. Otherwise the
// observations and their batch are saved in one transaction.
//
// Thread safety: the functions may run concurrently; the database serialises the writes.
#ifndef ZONEATLAS_ATLAS_IMPORT_HPP_
#define ZONEATLAS_ATLAS_IMPORT_HPP_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "atlas/catalog.hpp"
#include "atlas/observations.hpp"
#include "audit/audit.hpp"
#include "core/error.hpp"
#include "geo/import.hpp"
#include "geo/model.hpp"
#include "platform/db/database.hpp"
#include "platform/formats/csv.hpp"

namespace zoneatlas::atlas {

// Finds the NIS code of an area from a code or a name.
class AreaMatcher {
 public:
  explicit AreaMatcher(const std::vector<geo::Area>& areas);
  // The code, or nothing when the text matches no area or, as a name, more than one.
  std::optional<std::string> Match(std::string_view code_or_name) const;
  // True when `code` (after restoring leading zeros) is a known area code.
  bool Knows(std::string_view code) const;
  // The code with leading zeros restored: "2000" → "02000".
  static std::string NormaliseCode(std::string_view code);

 private:
  std::map<std::string, std::string, std::less<>> codes_;
  std::map<std::string, std::vector<std::string>, std::less<>> names_;  // Folded name → codes.
};

struct ObservationImportOptions {
  std::string source;         // Recorded with the batch; the file name when empty.
  std::string period;         // For layouts without a period column.
  std::string indicator;      // For a wide-by-period sheet of one indicator.
  std::string sheet;          // XLSX: the sheet to read (the first when empty).
  // A column label → the catalog indicator it holds, for labels the catalog does not know
  // (--map "label=indicator_id"; the Wijkmonitoring's long Dutch labels).
  std::map<std::string, std::string, std::less<>> columns;
  bool dry_run = false;       // Check everything, write nothing.
  bool demo = false;          // The figures are demonstration values, and pages will say so.
  bool skip_unknown = false;  // Leave out rows of unknown areas instead of failing.
  // When set, figures for other areas are problems: a zone editor imports for the areas
  // of their own zones only.
  std::optional<std::set<std::string>> allowed_areas;
  // Called now and then while reading and once before saving.
  std::function<void(std::string_view stage, std::size_t done, std::size_t total)> progress;
};

inline constexpr std::size_t kUnmatchedListed = 100;

struct ObservationImportReport : geo::ImportReport {
  std::string layout;
  std::string checksum;
  std::int64_t batch_id = 0;  // 0 for a dry run or a failed import.
  std::size_t observations = 0;
  std::vector<std::string> unmatched_areas;  // As written in the file; the first kUnmatchedListed.
  // Column labels no indicator answers to, for the user to name one (the Wijkmonitoring's).
  std::vector<std::string> unknown_columns;
};

// Reads `content` (CSV, or an XLSX workbook: the sheet named in the options, else every
// sheet with an area column), checks it and, unless it is a dry run or has problems,
// saves it as one batch under `actor`.
Result<ObservationImportReport> ImportObservations(db::Database& database, const Catalog& catalog,
                                                   std::string_view file_name, std::string_view content,
                                                   const ObservationImportOptions& options, const audit::Actor& actor);

// The SHA-256 of `content` in lower-case hex.
std::string Sha256Hex(std::string_view content);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_IMPORT_HPP_
