#include "atlas/import.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <set>
#include <unordered_map>

#include "core/text.hpp"
#include "geo/store.hpp"
#include "platform/formats/xlsx.hpp"
#include "platform/formats/zip.hpp"

namespace zoneatlas::atlas {
namespace {

constexpr std::size_t kProgressEvery = 20000;

const std::vector<std::string_view> kCodeColumns = {"area_code",       "code",     "nis",       "nis_code",
                                                    "niscode",         "nis-code", "cd_refnis", "refnis",
                                                    "cd_munty_refnis", "nis code", "cd_sector"};
const std::vector<std::string_view> kNameColumns = {"area", "area_name", "gemeente", "municipality", "commune",
                                                    "naam", "name",      "nom",      "tx_descr_nl",  "gebied"};

std::optional<std::size_t> FirstColumn(const formats::CsvTable& table, const std::vector<std::string_view>& names) {
  for (std::string_view name : names) {
    if (auto column = table.Column(name)) return column;
  }
  return std::nullopt;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when `text` from `at` on holds `count` digits.
bool DigitsAt(std::string_view text, std::size_t at, std::size_t count) {
  return text.size() >= at + count && std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                                                  text.begin() + static_cast<std::ptrdiff_t>(at + count), IsDigit);
}

// "2020", "2023-2024" (a school year), "2024-Q1", "2024-01-01". Excel turns a year into
// "2020.0" or "2020,0"; that is a year too. Read by hand, in one pass: a cell may hold
// anything, of any length, and a backtracking pattern on a long one exhausts the stack.
std::optional<std::string> NormalisePeriod(std::string_view text) {
  const std::string_view period = text::Trim(text);
  if (!DigitsAt(period, 0, 4)) return std::nullopt;
  const std::string_view rest = period.substr(4);
  if (rest.empty()) return std::string(period);
  if ((rest[0] == '.' || rest[0] == ',') && rest.size() > 1 &&
      rest.find_first_not_of('0', 1) == std::string_view::npos) {
    return std::string(period.substr(0, 4));
  }
  const bool school_year = rest.size() == 5 && rest[0] == '-' && DigitsAt(rest, 1, 4);
  const bool quarter = rest.size() == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4';
  const bool day = rest.size() == 6 && rest[0] == '-' && DigitsAt(rest, 1, 2) && rest[3] == '-' && DigitsAt(rest, 4, 2);
  if (school_year || quarter || day) return std::string(period);
  return std::nullopt;
}

// "25,069" or "1.234.567": one to three digits, then groups of three after one and the same
// separator; that separator is returned.
std::optional<char> GroupedThousands(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  std::size_t lead = 0;
  while (lead < text.size() && lead < 4 && IsDigit(text[lead])) ++lead;
  if (lead == 0 || lead > 3 || lead == text.size()) return std::nullopt;
  const char separator = text[lead];
  if (separator != '.' && separator != ',') return std::nullopt;
  for (std::size_t at = lead; at < text.size(); at += 4) {
    if (text[at] != separator || !DigitsAt(text, at + 1, 3)) return std::nullopt;
  }
  return (text.size() - lead) % 4 == 0 ? std::optional(separator) : std::nullopt;
}

// A number as spreadsheets and statistics offices write it: "1234.5", "1234,5",
// "1 234,5", "1.234,5", "1,234.5". Returns nothing for anything else.
// With `whole`, "25,069" and "25.069" are 25069, as a count of people cannot be a fraction.
std::optional<double> ParseNumber(std::string_view raw, bool whole) {
  std::string text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\t') continue;
    // No-break space (C2 A0) and narrow no-break space (E2 80 AF) as thousands separators.
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0xAF) {
      i += 2;
      continue;
    }
    text += static_cast<char>(c);
  }
  if (whole && GroupedThousands(text)) {
    std::erase(text, '.');
    std::erase(text, ',');
  }
  const auto last_dot = text.rfind('.');
  const auto last_comma = text.rfind(',');
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    const char thousands = last_dot > last_comma ? ',' : '.';
    std::erase(text, thousands);
  }
  auto number = text::ParseDecimal(text);
  if (number && !std::isfinite(*number)) return std::nullopt;
  return number;
}

bool IsBlankOrMissing(std::string_view text) {
  const std::string_view trimmed = text::Trim(text);
  return trimmed.empty() || trimmed == "-" || trimmed == "." || trimmed == ".." || trimmed == "n.b." ||
         trimmed == "NA" || trimmed == "n/a";
}

// "line 12" in a CSV file, "Bevolking!12" in a sheet.
std::string PlaceName(std::string_view sheet, int line) {
  return sheet.empty() ? "line " + std::to_string(line) : std::string(sheet) + "!" + std::to_string(line);
}

// Where figures were read: the rows of each sheet (a CSV file is one sheet without a
// name) numbered one after the other, so that a figure's place gives its sheet and row.
class Places {
 public:
  // Starts a sheet whose rows go up to `last_line`; returns the number to add to its lines.
  std::uint32_t Begin(std::string_view sheet, const std::vector<std::string>& header, int last_line) {
    const std::uint32_t base = next_;
    sheets_.push_back({base, std::string(sheet), header});
    next_ = base + static_cast<std::uint32_t>(std::max(last_line, 0)) + 1;
    return base;
  }
  std::string Location(const BatchFigure& figure) const {
    const Sheet& sheet = Of(figure);
    return PlaceName(sheet.name, static_cast<int>(figure.place - sheet.base));
  }
  std::string Column(const BatchFigure& figure) const {
    const Sheet& sheet = Of(figure);
    return figure.column < sheet.header.size() ? sheet.header[figure.column] : std::string();
  }

 private:
  struct Sheet {
    std::uint32_t base;
    std::string name;
    std::vector<std::string> header;
  };
  // REQUIRES: a sheet was begun.
  const Sheet& Of(const BatchFigure& figure) const {
    auto after = std::upper_bound(sheets_.begin(), sheets_.end(), figure.place,
                                  [](std::uint32_t place, const Sheet& sheet) { return place < sheet.base; });
    return *std::prev(after);
  }
  std::vector<Sheet> sheets_;
  std::uint32_t next_ = 0;
};

// A number in its plainest form ("1234", "12.5", "-3"), read without the work ParseNumber
// does for what spreadsheets write; nothing when the text needs that work. With `whole`,
// a dot may group thousands ("25.069"), so only digits qualify.
std::optional<double> PlainNumber(std::string_view text, bool whole) {
  if (text.empty() || text.size() > 24) return std::nullopt;
  int dots = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      ++dots;
    } else if (!((c >= '0' && c <= '9') || (c == '-' && i == 0 && text.size() > 1))) {
      return std::nullopt;
    }
  }
  if (dots > (whole ? 0 : 1) || text.front() == '.' || text.back() == '.') return std::nullopt;
  double number = 0;
  const auto read = std::from_chars(text.data(), text.data() + text.size(), number);
  if (read.ec != std::errc() || read.ptr != text.data() + text.size()) return std::nullopt;
  return number;
}

// Looks text up by a string_view without making a string of it.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};
template <typename T>
using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

// The data rows of a sheet or file: those already parsed into its table, then, for a CSV
// file, the rest of the text read one record at a time, so that a file of millions of
// rows is never held as fields.
class Rows {
 public:
  Rows(const formats::CsvTable& table, formats::CsvCursor* rest) : table_(table), rest_(rest) {}

  // The next row, or nullptr at the end or when the text cannot be read (see error()).
  const formats::CsvRecord* Next() {
    if (done_ < table_.records.size()) return &table_.records[done_++];
    if (rest_ == nullptr || error_) return nullptr;
    auto read = rest_->Next(record_);
    if (!read) error_ = read.error();
    if (!read || !*read) return nullptr;
    ++done_;
    return &record_;
  }
  bool streamed() const { return rest_ != nullptr; }
  std::size_t done() const { return done_; }
  // The number of rows, estimated from the share of the text read so far.
  std::size_t total() const {
    if (rest_ == nullptr || rest_->offset() == 0) return std::max(done_, table_.records.size());
    if (rest_->offset() == rest_->size()) return done_;
    return std::max(done_, static_cast<std::size_t>(static_cast<double>(done_) * static_cast<double>(rest_->size()) /
                                                    static_cast<double>(rest_->offset())));
  }
  const std::optional<Error>& error() const { return error_; }

 private:
  const formats::CsvTable& table_;
  formats::CsvCursor* rest_;
  formats::CsvRecord record_;
  std::size_t done_ = 0;
  std::optional<Error> error_;
};

class Checker {
 public:
  // `place` is added to each line to give a figure's place among those of every sheet.
  Checker(const Catalog& catalog, const AreaMatcher& areas, std::string_view sheet, std::uint32_t place,
          const ObservationImportOptions& options, BatchFigures& figures, ObservationImportReport& report)
      : catalog_(catalog),
        areas_(areas),
        sheet_(sheet),
        place_(place),
        options_(options),
        figures_(figures),
        report_(report) {}

  std::string Location(int line) const { return PlaceName(sheet_, line); }
  void Problem(int line, std::string field, std::string message) {
    report_.problems.push_back({Location(line), std::move(field), std::move(message)});
  }
  void Warning(int line, std::string field, std::string message) {
    report_.warnings.push_back({Location(line), std::move(field), std::move(message)});
  }

  // The area's number in the figures, or nothing (with a problem, or counted as skipped).
  std::optional<std::uint32_t> Area(int line, const std::string& field, std::string_view text, bool& skip) {
    skip = false;
    const std::string_view trimmed = text::Trim(text);
    if (trimmed == last_area_text_ && last_area_) return last_area_;
    if (auto known = matched_areas_.find(trimmed); known != matched_areas_.end()) {
      last_area_text_ = known->first;
      last_area_ = known->second;
      return known->second;
    }
    if (trimmed.empty()) {
      Problem(line, field, "no area");
      return std::nullopt;
    }
    if (auto code = areas_.Match(trimmed)) {
      // A provincial or national table holds every municipality: a zone editor keeps the
      // rows of their zones, the rest is left out and counted.
      if (options_.allowed_areas && !options_.allowed_areas->contains(*code)) {
        ++outside_;
        skip = true;
        return std::nullopt;
      }
      const std::uint32_t number = figures_.AreaNumber(*code);
      matched_areas_.emplace(std::string(trimmed), number);
      return number;
    }
    if (options_.skip_unknown) {
      skip = true;
      return std::nullopt;
    }
    // The names are a summary; each row's problem says the rest.
    if (report_.unmatched_areas.size() < kUnmatchedListed &&
        std::find(report_.unmatched_areas.begin(), report_.unmatched_areas.end(), trimmed) ==
            report_.unmatched_areas.end()) {
      report_.unmatched_areas.emplace_back(trimmed);
    }
    Problem(line, field, "'" + std::string(trimmed) + "' matches no area (or several): give its NIS code");
    return std::nullopt;
  }

  // The indicator named in a cell. A derived indicator (a table copied from a report, an
  // exported workbook) is left out, with one warning: zoneatlas computes it from counts.
  const Indicator* IndicatorFor(int line, const std::string& field, std::string_view text, bool& derived) {
    derived = false;
    const std::string_view trimmed = text::Trim(text);
    if (auto known = named_indicators_.find(trimmed); known != named_indicators_.end()) return known->second;
    const std::string id(trimmed);
    const Indicator* indicator = catalog_.FindByHeader(id);
    if (indicator == nullptr) {
      Problem(line, field, "'" + id + "' is not an indicator of the catalog");
      return nullptr;
    }
    if (indicator->kind == Kind::kDerived) {
      derived = true;
      if (derived_left_out_.empty()) first_derived_line_ = line;
      derived_left_out_.insert(indicator->id);
      return nullptr;
    }
    named_indicators_.emplace(id, indicator);
    return indicator;
  }

  std::optional<std::string> PeriodText(int line, const std::string& field, std::string_view text) {
    if (auto period = NormalisePeriod(text)) return period;
    Problem(line, field,
            "'" + std::string(text::Trim(text)) + "' is not a period (2024, 2023-2024, 2024-Q1 or 2024-01-01)");
    return std::nullopt;
  }
  // The period's number in the figures, or nothing (with a problem).
  std::optional<std::uint32_t> Period(int line, const std::string& field, std::string_view text) {
    if (auto known = periods_.find(text); known != periods_.end()) return known->second;
    auto period = PeriodText(line, field, text);
    if (!period) return std::nullopt;
    const std::uint32_t number = figures_.PeriodNumber(*period);
    periods_.emplace(std::string(text), number);
    return number;
  }

  // Checks a number cell; `ok` is false when it has something that is no number.
  std::optional<double> Number(int line, const std::string& field, std::string_view text, bool& ok,
                               bool whole = false) {
    ok = true;
    if (auto plain = PlainNumber(text, whole)) return plain;
    if (IsBlankOrMissing(text)) return std::nullopt;
    auto number = ParseNumber(text, whole);
    if (!number) {
      Problem(line, field, "'" + std::string(text::Trim(text)) + "' is not a number");
      ok = false;
    }
    return number;
  }

  // Adds a figure after the checks common to every layout. `column` is where its value
  // is, named `value_field`.
  void Add(int line, std::size_t column, const std::string& value_field, const Indicator& indicator, std::uint32_t area,
           std::uint32_t period, std::optional<double> value, std::optional<double> numerator,
           std::optional<double> denominator) {
    if (IsCount(indicator)) {
      if (value && *value < 0) return Problem(line, value_field, "a count cannot be negative");
      if (value && Catalog::IsWhole(indicator) && *value != std::floor(*value)) {
        return Problem(line, value_field, "a count of " + indicator.unit + " is a whole number");
      }
    } else if (numerator || denominator) {
      if (!numerator || !denominator)
        return Problem(line, "denominator", "give both numerator and denominator, or neither");
      if (*numerator < 0 || *denominator < 0)
        return Problem(line, "numerator", "numerator and denominator cannot be negative");
      if (*denominator == 0) return Problem(line, "denominator", "is zero");
      // A share of people cannot hold more people than it counts: kept, as published, but
      // worth a look, and shown without a 95 % interval (atlas/intervals.hpp).
      if (indicator.interval == IntervalMethod::kWilson && *numerator > *denominator) {
        Warning(line, "numerator",
                "is larger than the denominator: a share of more than all people, shown without an interval");
      }
      const double computed = *numerator / *denominator * indicator.scale;
      if (!value) {
        value = computed;
      } else if (std::abs(*value - computed) > std::max(0.05, std::abs(computed) * 0.01)) {
        Warning(line, value_field,
                "differs from numerator / denominator (" + std::to_string(computed) + "); the value is kept");
      }
    }
    if (!value) return Problem(line, value_field, "no value");
    // A figure where the indicator's source measures nothing (a Flemish producer's table
    // with Brussels rows filled in by hand) is not that indicator: left out and counted.
    if (!MeasuredIn(indicator, figures_.AreaCodeOf(area))) {
      ++not_measured_[indicator.id];
      return;
    }
    auto& number = indicator_numbers_[&indicator];
    if (!number) number = figures_.IndicatorNumber(indicator.id);
    figures_.Add({.value = *value,
                  .numerator = numerator.value_or(std::nan("")),
                  .denominator = denominator.value_or(std::nan("")),
                  .indicator = *number,
                  .area = area,
                  .period = period,
                  .place = place_ + static_cast<std::uint32_t>(line),
                  .column = static_cast<std::uint16_t>(std::min<std::size_t>(column, UINT16_MAX))});
  }

  // One warning for the figures of indicators not measured in their area's region.
  void ReportNotMeasuredLeftOut() {
    if (not_measured_.empty()) return;
    std::string ids;
    std::size_t count = 0;
    for (const auto& [id, figures] : not_measured_) {
      ids += (ids.empty() ? "" : ", ") + id;
      count += figures;
    }
    Warning(1, "",
            std::to_string(count) +
                " figure(s) left out for areas in a region their indicator's source does not cover (" + ids + ")");
  }

  // True, and counted, when the producer keeps the cell secret (Statbel's "C", a sector of
  // few returns; the Wijkmonitoring's "ND" and "VS"): that figure is left out, never a
  // problem.
  bool Confidential(std::string_view cell) {
    const std::string_view marker = text::Trim(cell);
    if (marker != "C" && marker != "ND" && marker != "VS") return false;
    ++confidential_;
    return true;
  }
  // One warning for the secret cells left out.
  void ReportConfidentialLeftOut() {
    if (confidential_ == 0) return;
    Warning(1, "",
            std::to_string(confidential_) + " cell(s) marked confidential by their producer (C, ND, VS) left out");
  }

  // A row of an area outside the editor's zones, left out.
  void CountOutside() { ++outside_; }
  // One warning for the rows of areas outside the editor's zones.
  void ReportOutsideLeftOut() {
    if (outside_ == 0) return;
    Warning(1, "",
            std::to_string(outside_) +
                " row(s) for areas outside your zone(s) were left out; an administrator imports figures for them");
  }

  // One warning for all the computed indicators whose rows were left out.
  void ReportDerivedLeftOut() {
    if (derived_left_out_.empty()) return;
    std::string ids;
    for (const std::string& id : derived_left_out_) ids += (ids.empty() ? "" : ", ") + id;
    Warning(first_derived_line_, "indicator",
            std::to_string(derived_left_out_.size()) + " computed indicator(s) left out (" + ids +
                "): zoneatlas computes them from their counts");
  }

  BatchFigures& figures() { return figures_; }
  const Catalog& catalog() const { return catalog_; }
  const AreaMatcher& areas() const { return areas_; }
  const ObservationImportOptions& options() const { return options_; }
  ObservationImportReport& report() { return report_; }

 private:
  const Catalog& catalog_;
  const AreaMatcher& areas_;
  std::string_view sheet_;
  std::uint32_t place_;
  const ObservationImportOptions& options_;
  BatchFigures& figures_;
  ObservationImportReport& report_;
  // What cells already read turned out to be: most files repeat them row after row.
  TextMap<std::uint32_t> matched_areas_;
  std::string_view last_area_text_;
  std::optional<std::uint32_t> last_area_;
  TextMap<const Indicator*> named_indicators_;
  TextMap<std::uint32_t> periods_;
  std::map<const Indicator*, std::optional<std::uint32_t>> indicator_numbers_;
  std::set<std::string> derived_left_out_;
  int first_derived_line_ = 0;
  std::size_t outside_ = 0;
  std::size_t confidential_ = 0;
  std::map<std::string, std::size_t> not_measured_;  // Indicator → figures left out.
};

void Progress(const ObservationImportOptions& options, const Rows& rows) {
  if (options.progress && rows.done() % kProgressEvery == 0) options.progress("reading", rows.done(), rows.total());
}

// Starts reading a data row: counts it, reports progress and reads its area (empty when
// it matches none; the problem is noted). False when the row is left out (--skip-unknown).
bool StartRow(Checker& checker, const formats::CsvTable& table, const Rows& rows, const formats::CsvRecord& record,
              std::size_t area_column, std::optional<std::uint32_t>& area) {
  Progress(checker.options(), rows);
  // Room for every figure of a long file at once, once its length can be told: growing the
  // list as it fills would for a moment need half as much memory again.
  constexpr std::size_t kRowsToEstimate = 4096;
  if (rows.streamed() && rows.done() == kRowsToEstimate) {
    BatchFigures& figures = checker.figures();
    figures.Reserve(static_cast<std::size_t>(static_cast<double>(rows.total()) * 1.02 *
                                             static_cast<double>(figures.size() + 1) / kRowsToEstimate));
  }
  ++checker.report().rows_read;
  bool skip = false;
  area = checker.Area(record.line, table.header[area_column], table.Field(record, area_column), skip);
  if (skip) ++checker.report().rows_skipped;
  return !skip;
}

void ParseLong(Checker& checker, const formats::CsvTable& table, Rows& rows, std::size_t area_column) {
  const std::size_t indicator_column = *table.Column("indicator");
  const std::size_t period_column = *table.Column("period");
  const std::size_t value_column = *table.Column("value");
  const auto numerator_column = table.Column("numerator");
  const auto denominator_column = table.Column("denominator");
  const std::string value_field = "value";
  while (const formats::CsvRecord* row = rows.Next()) {
    const formats::CsvRecord& record = *row;
    std::optional<std::uint32_t> area;
    if (!StartRow(checker, table, rows, record, area_column, area)) continue;
    bool derived = false;
    const Indicator* indicator =
        checker.IndicatorFor(record.line, "indicator", table.Field(record, indicator_column), derived);
    if (derived) {
      ++checker.report().rows_skipped;
      continue;
    }
    auto period = checker.Period(record.line, "period", table.Field(record, period_column));
    bool value_ok = true, numerator_ok = true, denominator_ok = true;
    auto value = checker.Number(record.line, value_field, table.Field(record, value_column), value_ok,
                                indicator != nullptr && Catalog::IsWhole(*indicator));
    std::optional<double> numerator, denominator;
    if (numerator_column)
      numerator = checker.Number(record.line, "numerator", table.Field(record, *numerator_column), numerator_ok);
    if (denominator_column) {
      denominator =
          checker.Number(record.line, "denominator", table.Field(record, *denominator_column), denominator_ok);
    }
    if (!area || !indicator || !period || !value_ok || !numerator_ok || !denominator_ok) continue;
    if (!value && !numerator && !denominator) {
      ++checker.report().rows_skipped;  // A figure that is not there (suppressed at the source, or not yet known).
      continue;
    }
    if (IsCount(*indicator) && (numerator || denominator)) {
      checker.Problem(record.line, "numerator", indicator->id + " is a count: it has no numerator or denominator");
      continue;
    }
    checker.Add(record.line, value_column, value_field, *indicator, *area, *period, value, numerator, denominator);
  }
}

// One column per period; blank cells are years without a figure.
void ParseWideByPeriod(Checker& checker, const formats::CsvTable& table, Rows& rows, std::size_t area_column,
                       const std::vector<std::pair<std::size_t, std::uint32_t>>& periods) {
  const auto indicator_column = table.Column("indicator");
  const Indicator* fixed = nullptr;
  if (!indicator_column) {
    // A whole sheet of a computed indicator would import nothing at all: a problem, not the
    // warning that rows of computed indicators are left out.
    const Indicator* named = checker.catalog().FindByHeader(text::Trim(checker.options().indicator));
    if (named != nullptr && named->kind == Kind::kDerived) {
      return checker.Problem(table.header_line, "--indicator",
                             "'" + checker.options().indicator +
                                 "' is computed by zoneatlas from its counts; import the counts it is made of instead");
    }
    bool derived = false;
    fixed = checker.IndicatorFor(table.header_line, "--indicator", checker.options().indicator, derived);
    if (fixed == nullptr) return;
  }
  while (const formats::CsvRecord* row = rows.Next()) {
    const formats::CsvRecord& record = *row;
    std::optional<std::uint32_t> area;
    if (!StartRow(checker, table, rows, record, area_column, area)) continue;
    bool derived = false;
    const Indicator* indicator =
        fixed != nullptr
            ? fixed
            : checker.IndicatorFor(record.line, "indicator", table.Field(record, *indicator_column), derived);
    if (derived) {
      ++checker.report().rows_skipped;
      continue;
    }
    for (const auto& [column, period] : periods) {
      bool ok = true;
      auto value = checker.Number(record.line, table.header[column], table.Field(record, column), ok,
                                  indicator != nullptr && Catalog::IsWhole(*indicator));
      if (!ok || !value || !area || indicator == nullptr) continue;
      checker.Add(record.line, column, table.header[column], *indicator, *area, period, value, std::nullopt,
                  std::nullopt);
    }
  }
}

// One column per indicator.
void ParseWideByIndicator(Checker& checker, const formats::CsvTable& table, Rows& rows, std::size_t area_column,
                          const std::vector<std::pair<std::size_t, const Indicator*>>& indicators) {
  const auto period_column = table.Column("period");
  std::optional<std::uint32_t> fixed;
  if (!period_column) {
    fixed = checker.Period(1, "period", checker.options().period);
    if (!fixed) return;
  }
  while (const formats::CsvRecord* row = rows.Next()) {
    const formats::CsvRecord& record = *row;
    std::optional<std::uint32_t> area;
    if (!StartRow(checker, table, rows, record, area_column, area)) continue;
    auto period = fixed ? fixed : checker.Period(record.line, "period", table.Field(record, *period_column));
    for (const auto& [column, indicator] : indicators) {
      bool ok = true;
      auto value = checker.Number(record.line, table.header[column], table.Field(record, column), ok,
                                  Catalog::IsWhole(*indicator));
      if (!ok || !value || !area || !period) continue;
      checker.Add(record.line, column, table.header[column], *indicator, *area, *period, value, std::nullopt,
                  std::nullopt);
    }
  }
}

// The catalog's age bands, as [from, to] in whole years (to = -1: and older).
struct AgeBand {
  std::string_view indicator;
  int from, to;
};
constexpr AgeBand kAgeBands[] = {
    {"pop_total", 0, -1},   {"pop_0_2", 0, 2},     {"pop_3_11", 3, 11},    {"pop_12_17", 12, 17},
    {"pop_0_19", 0, 19},    {"pop_15_24", 15, 24}, {"pop_20_64", 20, 64},  {"pop_25_64", 25, 64},
    {"pop_55_64", 55, 64},  {"pop_65_79", 65, 79}, {"pop_65plus", 65, -1}, {"pop_80plus", 80, -1},
    {"pop_85plus", 85, -1},
};

// The areas a row of a Statbel file counts for: its own and, in a municipal file, its
// district, province and region (`parent_columns`), as far as the database knows them and
// the importer may write them. An unknown area of the row is noted in `unknown`, one
// outside the editor's zones counted; unknown or outside parents are left out silently.
std::vector<std::string> AreasOfRow(Checker& checker, const formats::CsvTable& table, const formats::CsvRecord& record,
                                    const std::string& code, const std::vector<std::size_t>& parent_columns,
                                    std::set<std::string>& unknown) {
  std::vector<std::string> codes = {code};
  for (std::size_t column : parent_columns) {
    std::string parent = AreaMatcher::NormaliseCode(text::Trim(table.Field(record, column)));
    if (!parent.empty()) codes.push_back(std::move(parent));
  }
  std::vector<std::string> kept;
  for (std::string& area : codes) {
    if (!checker.areas().Knows(area)) {
      if (area == code) unknown.insert(code);
      continue;
    }
    // A national file, imported by a zone editor, gives the figures of their zone only.
    if (checker.options().allowed_areas && !checker.options().allowed_areas->contains(area)) {
      if (area == code) checker.CountOutside();
      continue;
    }
    kept.push_back(std::move(area));
  }
  return kept;
}

// The year of a Statbel file without a year column: --period, else the year in the file
// name (TF_SOC_POP_STRUCT_2024, OPENDATA_SECTOREN_2025_NEW); a problem when neither.
std::optional<std::string> YearOfFile(Checker& checker, std::string_view file_name) {
  if (!checker.options().period.empty()) return checker.PeriodText(1, "period", checker.options().period);
  for (std::size_t at = 0; at + 4 <= file_name.size(); ++at) {
    if (DigitsAt(file_name, at, 4)) return std::string(file_name.substr(at, 4));
  }
  checker.Problem(1, "CD_YEAR", "no year column and no year in the file name: give --period");
  return std::nullopt;
}

void ParseStatbelPopulation(Checker& checker, const formats::CsvTable& table, Rows& rows, std::string_view file_name) {
  const auto code_column = FirstColumn(table, {"cd_refnis", "cd_munty_refnis"});
  const std::size_t age_column = *table.Column("cd_age");
  const std::size_t count_column = *table.Column("ms_population");
  const auto year_column = table.Column("cd_year");
  const auto nationality_column = table.Column("cd_natlty");
  std::vector<std::size_t> parent_columns;
  for (std::string_view name : {"cd_dstr_refnis", "cd_prov_refnis", "cd_rgn_refnis"}) {
    if (auto column = table.Column(name)) parent_columns.push_back(*column);
  }
  if (!code_column) return checker.Problem(1, "CD_REFNIS", "the file has no municipality code column");
  std::optional<std::string> fixed_year;
  if (!year_column) {
    fixed_year = YearOfFile(checker, file_name);
    if (!fixed_year) return;
  }
  // (area, year) → band → count, in the order first seen.
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> sums;
  std::set<std::string> skipped_codes;
  while (const formats::CsvRecord* row = rows.Next()) {
    const formats::CsvRecord& record = *row;
    Progress(checker.options(), rows);
    ++checker.report().rows_read;
    const int line = record.line;
    const std::string code = AreaMatcher::NormaliseCode(text::Trim(table.Field(record, *code_column)));
    auto age = text::ParseInteger(text::Trim(table.Field(record, age_column)));
    bool count_ok = true;
    auto count = checker.Number(line, table.header[count_column], table.Field(record, count_column), count_ok, true);
    std::optional<std::string> year = fixed_year;
    if (year_column) year = checker.PeriodText(line, table.header[*year_column], table.Field(record, *year_column));
    if (!age || *age < 0 || *age > 130) checker.Problem(line, table.header[age_column], "is not an age in years");
    if (count_ok && (!count || *count < 0 || *count != std::floor(*count))) {
      checker.Problem(line, table.header[count_column], "is not a whole number of persons");
      count_ok = false;
    }
    if (!age || *age < 0 || *age > 130 || !count_ok || !year) continue;
    const bool belgian = nationality_column && text::Trim(table.Field(record, *nationality_column)) == "BEL";
    for (const std::string& area : AreasOfRow(checker, table, record, code, parent_columns, skipped_codes)) {
      auto& bands = sums[{area, *year}];
      for (const AgeBand& band : kAgeBands) {
        if (*age >= band.from && (band.to < 0 || *age <= band.to)) bands[std::string(band.indicator)] += *count;
      }
      if (nationality_column) {
        bands["pop_belgian"] += belgian ? *count : 0;
        bands["pop_non_belgian"] += belgian ? 0 : *count;
      }
    }
  }
  if (!skipped_codes.empty()) {
    checker.report().rows_skipped = static_cast<int>(skipped_codes.size());
    checker.Warning(
        1, "CD_REFNIS",
        std::to_string(skipped_codes.size()) + " municipalities of the file are not in the database and were left out");
  }
  for (const auto& [key, bands] : sums) {
    for (const auto& [indicator_id, total] : bands) {
      const Indicator* indicator = checker.catalog().Find(indicator_id);
      if (indicator == nullptr) continue;
      checker.Add(1, count_column, table.header[count_column], *indicator, checker.figures().AreaNumber(key.first),
                  checker.figures().PeriodNumber(key.second), total, std::nullopt, std::nullopt);
    }
  }
}

// Statbel's population per statistical sector (OPENDATA_SECTOREN_2025.xlsx and the
// editions before it): one row per sector with its municipality (CD_REFNIS), its code
// (CD_SECTOR, nine characters or the four after CD_REFNIS) and its people (TOTAL, or
// POPULATION in older editions), on 1 January of the year in the file name. The sectors
// must have been imported as areas (`zoneatlas import areas` reads the same file).
void ParseStatbelSectorPopulation(Checker& checker, const formats::CsvTable& table, Rows& rows,
                                  std::string_view file_name) {
  const std::size_t municipality_column = *table.Column("cd_refnis");
  const std::size_t sector_column = *table.Column("cd_sector");
  const std::size_t count_column = *FirstColumn(table, {"total", "population", "ms_population"});
  const Indicator* people = checker.catalog().Find("pop_total");
  const auto year = YearOfFile(checker, file_name);
  if (!year || people == nullptr) return;
  const std::uint32_t period = checker.figures().PeriodNumber(*year);
  std::size_t unknown = 0;
  while (const formats::CsvRecord* row = rows.Next()) {
    const formats::CsvRecord& record = *row;
    Progress(checker.options(), rows);
    ++checker.report().rows_read;
    const int line = record.line;
    const std::string_view municipality = text::Trim(table.Field(record, municipality_column));
    const std::string_view sector = text::Trim(table.Field(record, sector_column));
    const auto code = geo::StatbelSectorCode(municipality, sector);
    if (!code) {
      checker.Problem(line, table.header[sector_column],
                      "'" + std::string(sector) +
                          "' is neither a nine-character sector code nor the four characters "
                          "after the municipality's code");
      continue;
    }
    const std::string_view cell = text::Trim(table.Field(record, count_column));
    if (checker.Confidential(cell)) continue;
    bool ok = true;
    const auto count = checker.Number(line, table.header[count_column], cell, ok, true);
    if (!ok) continue;
    if (!checker.areas().Knows(*code)) {
      ++unknown;
      continue;
    }
    if (checker.options().allowed_areas && !checker.options().allowed_areas->contains(*code)) {
      checker.CountOutside();
      continue;
    }
    checker.Add(line, count_column, table.header[count_column], *people, checker.figures().AreaNumber(*code), period,
                count, std::nullopt, std::nullopt);
  }
  if (unknown > 0) {
    checker.report().rows_skipped += static_cast<int>(unknown);
    checker.Warning(1, table.header[sector_column],
                    std::to_string(unknown) +
                        " sector(s) not in the database were left out: import the file as areas first "
                        "(zoneatlas import areas) to keep them");
  }
}

// Statbel's fiscal income (TF_PSNL_INC_TAX_MUNTY per municipality, TF_PSNL_INC_TAX_SECTOR
// per statistical sector): one row per area and income year (CD_YEAR) holding the totals,
// from which the catalog's means are the ratio of sums (numerator and denominator kept,
// so zones add up) and, where the edition has it, the median as a value. A municipal
// file's rows are also summed into the districts, provinces and regions known, as the
// reference figures. Statbel marks a cell it keeps secret "C" (a sector of few returns):
// that figure is left out and counted, never a problem.
void ParseStatbelIncome(Checker& checker, const formats::CsvTable& table, Rows& rows) {
  const auto sector_column = table.Column("cd_sector");
  const auto code_column = sector_column ? sector_column : FirstColumn(table, {"cd_munty_refnis", "cd_refnis"});
  const auto year_column = table.Column("cd_year");
  const std::size_t total_column = *table.Column("ms_tot_net_taxable_inc");
  const auto non_zero_column = table.Column("ms_nbr_non_zero_inc");
  const auto zero_column = table.Column("ms_nbr_zero_inc");
  const auto residents_column = table.Column("ms_tot_residents");
  const auto median_column = table.Column("ms_median_net_taxable_inc");
  if (!code_column) return checker.Problem(1, "CD_MUNTY_REFNIS", "the file has no municipality or sector code column");
  if (!year_column) return checker.Problem(1, "CD_YEAR", "the file has no income year column");
  const Indicator* mean_return = checker.catalog().Find("income_mean_return");
  const Indicator* per_inhabitant = checker.catalog().Find("income_per_inhabitant");
  const Indicator* median = checker.catalog().Find("income_median_return");
  std::vector<std::size_t> parent_columns;
  if (!sector_column) {
    for (std::string_view name : {"cd_dstr_refnis", "cd_prov_refnis", "cd_rgn_refnis"}) {
      if (auto column = table.Column(name)) parent_columns.push_back(*column);
    }
  }
  struct Sums {
    double income = 0, returns = 0, residents = 0;
    bool returns_known = true, residents_known = true;
  };
  std::map<std::pair<std::string, std::uint32_t>, Sums> parents;  // (area, period) → totals.
  std::set<std::string> unknown_codes;
  while (const formats::CsvRecord* row = rows.Next()) {
    const formats::CsvRecord& record = *row;
    Progress(checker.options(), rows);
    ++checker.report().rows_read;
    const int line = record.line;
    auto cell = [&](std::optional<std::size_t> column) {
      return column ? text::Trim(table.Field(record, *column)) : std::string_view();
    };
    // A number of the row: nothing when the column is absent, blank or secret ("C").
    bool row_ok = true;
    auto number = [&](std::optional<std::size_t> column) -> std::optional<double> {
      if (!column) return std::nullopt;
      const std::string_view text = cell(column);
      if (checker.Confidential(text)) return std::nullopt;
      bool ok = true;
      auto value = checker.Number(line, table.header[*column], text, ok);
      if (ok && value && *value < 0) {
        checker.Problem(line, table.header[*column], "cannot be negative");
        ok = false;
      }
      row_ok = row_ok && ok;
      return ok ? value : std::nullopt;
    };
    const std::string code = AreaMatcher::NormaliseCode(cell(code_column));
    const auto period = checker.Period(line, table.header[*year_column], cell(year_column));
    const auto income = number(total_column);
    const auto non_zero = number(non_zero_column);
    const auto zero = number(zero_column);
    const auto residents = number(residents_column);
    const auto middle = number(median_column);
    if (!period || !row_ok) continue;
    if (code.empty()) {
      checker.Problem(line, table.header[*code_column], "no area");
      continue;
    }
    const std::optional<double> returns =
        non_zero && (zero || !zero_column) ? std::optional(*non_zero + zero.value_or(0)) : std::nullopt;
    for (const std::string& area : AreasOfRow(checker, table, record, code, parent_columns, unknown_codes)) {
      if (area != code) {
        Sums& sums = parents[{area, *period}];
        sums.income += income.value_or(0);
        sums.returns += returns.value_or(0);
        sums.residents += residents.value_or(0);
        sums.returns_known = sums.returns_known && income && returns;
        sums.residents_known = sums.residents_known && income && residents;
        continue;
      }
      const std::uint32_t number_of_area = checker.figures().AreaNumber(area);
      // An area without returns or inhabitants has no mean: nothing to add.
      if (mean_return != nullptr && income && returns && *returns > 0) {
        checker.Add(line, total_column, table.header[total_column], *mean_return, number_of_area, *period, std::nullopt,
                    income, returns);
      }
      if (per_inhabitant != nullptr && income && residents && *residents > 0) {
        checker.Add(line, *residents_column, table.header[*residents_column], *per_inhabitant, number_of_area, *period,
                    std::nullopt, income, residents);
      }
      if (median != nullptr && middle) {
        checker.Add(line, *median_column, table.header[*median_column], *median, number_of_area, *period, middle,
                    std::nullopt, std::nullopt);
      }
    }
  }
  // A sum is only the area's figure when every row that went into it had its parts.
  for (const auto& [key, sums] : parents) {
    const std::uint32_t area = checker.figures().AreaNumber(key.first);
    if (mean_return != nullptr && sums.returns_known && sums.returns > 0) {
      checker.Add(1, total_column, table.header[total_column], *mean_return, area, key.second, std::nullopt,
                  sums.income, sums.returns);
    }
    if (per_inhabitant != nullptr && sums.residents_known && sums.residents > 0) {
      checker.Add(1, *residents_column, table.header[*residents_column], *per_inhabitant, area, key.second,
                  std::nullopt, sums.income, sums.residents);
    }
  }
  if (!unknown_codes.empty()) {
    checker.report().rows_skipped += static_cast<int>(unknown_codes.size());
    checker.Warning(
        1, table.header[*code_column],
        std::to_string(unknown_codes.size()) + " areas of the file are not in the database and were left out");
  }
}

// The factor that turns a figure in `unit`, as a producer writes it under its column, into
// the indicator's unit; nothing when the two do not fit. No unit written fits any.
std::optional<double> UnitFactor(std::string_view unit, const Indicator& indicator) {
  const std::string written = text::AsciiLower(text::Trim(unit));
  if (written.empty() || written == text::AsciiLower(indicator.unit)) return 1.0;
  if (written == "%") {
    if (indicator.unit == "percent") return 1.0;
    if (indicator.unit == "per_1000") return 10.0;
    if (indicator.unit == "per_100000") return 1000.0;
    return std::nullopt;
  }
  if (written == "‰") return indicator.unit == "per_1000" ? std::optional(1.0) : std::nullopt;
  if (written == "€" || written == "eur" || written == "euro") {
    return indicator.unit == "euro" ? std::optional(1.0) : std::nullopt;
  }
  if (written == "km²" || written == "km2") return indicator.unit == "km2" ? std::optional(1.0) : std::nullopt;
  if (written.starts_with("aantal") || written.starts_with("nombre")) {
    return IsCount(indicator) ? std::optional(1.0) : std::nullopt;
  }
  return std::nullopt;
}

// The Brussels Wijkmonitoring's export (wijkmonitoring.brussels, "Gegevens"): row 1 names
// each column's indicator, row 2 its unit, row 3 its year; then one row per monitoring
// district, its number in column A and its name under "Gebied".
bool IsWijkmonitoring(const formats::CsvTable& table) {
  if (table.header.size() < 3 || table.records.size() < 2 || text::AsciiLower(table.header[1]) != "gebied") {
    return false;
  }
  const std::string first = text::AsciiLower(table.header[0]);
  if (!first.empty() && first != "code") return false;
  for (std::size_t column = 2; column < table.header.size(); ++column) {
    if (NormalisePeriod(table.Field(table.records[1], column))) return true;
  }
  return false;
}

// Each column is the label's indicator (named by --map, else by the catalog's names and
// aliases) in the year below it; labels no indicator answers to are left out, listed once.
// A district twice in the file (an export edited by hand) is reported with both rows and
// neither is read: which one is right cannot be told.
void ParseWijkmonitoring(Checker& checker, const formats::CsvTable& table, Rows& rows) {
  const Catalog& catalog = checker.catalog();
  // A district's rows are all needed at once to find the ones written twice; an export
  // holds one row per district (145).
  std::vector<formats::CsvRecord> records;
  while (const formats::CsvRecord* record = rows.Next()) records.push_back(*record);
  const formats::CsvRecord& units = records[0];
  const formats::CsvRecord& years = records[1];
  struct Column {
    std::size_t index;
    const Indicator* indicator;
    std::uint32_t period;
    double factor;
  };
  std::vector<Column> columns;
  std::map<std::string, std::size_t> unknown;  // Label → its columns.
  std::set<std::string> mapped_seen, derived;
  for (std::size_t index = 2; index < table.header.size(); ++index) {
    const std::string label(text::Trim(table.header[index]));
    if (label.empty()) continue;
    const Indicator* indicator = nullptr;
    if (auto mapped = checker.options().columns.find(label); mapped != checker.options().columns.end()) {
      mapped_seen.insert(label);
      indicator = catalog.Find(mapped->second);
      if (indicator == nullptr) continue;  // Reported below, once.
    } else {
      indicator = catalog.FindByHeader(label);
    }
    if (indicator == nullptr) {
      ++unknown[label];
      continue;
    }
    if (indicator->kind == Kind::kDerived) {
      if (derived.insert(label).second) {
        checker.Warning(table.header_line, label, "left out: " + indicator->id + " is computed from its counts");
      }
      continue;
    }
    const std::string_view year = table.Field(years, index);
    const auto period = NormalisePeriod(year);
    if (!period) {
      checker.Problem(years.line, label, "'" + std::string(text::Trim(year)) + "' is not a year");
      continue;
    }
    const std::string_view unit = table.Field(units, index);
    const auto factor = UnitFactor(unit, *indicator);
    if (!factor) {
      checker.Problem(units.line, label,
                      "the unit '" + std::string(text::Trim(unit)) + "' does not fit " + indicator->id + " (" +
                          indicator->unit + ")");
      continue;
    }
    columns.push_back({index, indicator, checker.figures().PeriodNumber(*period), *factor});
  }
  for (const auto& [label, id] : checker.options().columns) {
    if (catalog.Find(id) == nullptr) {
      checker.Problem(table.header_line, label, "--map names '" + id + "', no indicator of the catalog");
    } else if (!mapped_seen.contains(label)) {
      checker.Warning(table.header_line, label, "--map names a label that is not in the file");
    }
  }
  if (!unknown.empty()) {
    std::string listed;
    for (const auto& [label, count] : unknown) {
      checker.report().unknown_columns.push_back(label);
      listed += (listed.empty() ? "'" : ", '") + label + "' (" + std::to_string(count) + ")";
    }
    checker.Warning(table.header_line, "",
                    std::to_string(unknown.size()) + " label(s) left out, no catalog indicator answers to them: " +
                        listed + "; name the indicator of one with --map \"label=indicator_id\"");
  }
  // Districts by area code, to find the ones written twice.
  std::map<std::string, std::vector<int>> lines_of_district;
  for (std::size_t r = 2; r < records.size(); ++r) {
    if (auto area_code = geo::MonitoringDistrictCode(table.Field(records[r], 0))) {
      lines_of_district[*area_code].push_back(records[r].line);
    }
  }
  for (std::size_t r = 2; r < records.size(); ++r) {
    const formats::CsvRecord& record = records[r];
    const std::string_view code = text::Trim(table.Field(record, 0));
    const std::string_view name = text::Trim(table.Field(record, 1));
    if (code.empty() && name.empty()) continue;
    ++checker.report().rows_read;
    const auto district = geo::MonitoringDistrictCode(code);
    if (!district) {
      checker.Problem(record.line, "Code",
                      "'" + std::string(code) + "' is not the number of a monitoring district (" + std::string(name) +
                          ")");
      continue;
    }
    const std::string& area_code = *district;
    const std::vector<int>& lines = lines_of_district[area_code];
    if (lines.size() > 1) {
      if (lines.front() == record.line) {
        std::string numbers;
        for (int line : lines) numbers += (numbers.empty() ? "" : ", ") + std::to_string(line);
        checker.Warning(record.line, "Code",
                        "district " + std::string(code) + " (" + std::string(name) + ") is on rows " + numbers +
                            " with different figures: none of them is read");
      }
      ++checker.report().rows_skipped;
      continue;
    }
    if (!checker.areas().Knows(area_code)) {
      if (checker.options().skip_unknown) {
        ++checker.report().rows_skipped;
        continue;
      }
      checker.Problem(record.line, "Code",
                      "district " + std::string(code) + " (" + std::string(name) +
                          ") is not in the database: import the monitoring districts as areas first "
                          "(UrbAdm_MONITORING_DISTRICT.gpkg)");
      continue;
    }
    bool skip = false;
    const auto area = checker.Area(record.line, "Code", area_code, skip);
    if (skip || !area) {
      if (skip) ++checker.report().rows_skipped;
      continue;
    }
    for (const Column& column : columns) {
      const std::string_view cell = table.Field(record, column.index);
      if (checker.Confidential(cell)) continue;
      bool ok = true;
      const auto value = checker.Number(record.line, table.header[column.index], cell, ok);
      if (!value) continue;
      checker.Add(record.line, column.index, table.header[column.index], *column.indicator, *area, column.period,
                  *value * column.factor, std::nullopt, std::nullopt);
    }
  }
}

bool HasAreaColumn(const formats::CsvTable& table) {
  return FirstColumn(table, kCodeColumns) || FirstColumn(table, kNameColumns) ||
         (table.Column("ms_population") && table.Column("cd_age"));
}

// Spreadsheets often carry a title, a date or a source above the real header. Returns
// how many top rows lie above the first row that names an area column (0: the header
// does); nothing when none of the top rows does.
std::optional<std::size_t> HeaderOffset(const formats::CsvTable& table) {
  if (HasAreaColumn(table)) return 0;
  constexpr std::size_t kRowsToLook = 10;
  for (std::size_t i = 0; i < table.records.size() && i < kRowsToLook; ++i) {
    formats::CsvTable candidate;
    for (const std::string& field : table.records[i].fields) candidate.header.emplace_back(text::Trim(field));
    if (HasAreaColumn(candidate)) return i + 1;
  }
  return std::nullopt;
}

// Makes the row `offset` rows down the header, leaving out the rows above it.
void MoveHeader(formats::CsvTable& table, std::size_t offset) {
  const formats::CsvRecord& row = table.records[offset - 1];
  table.header.clear();
  for (const std::string& field : row.fields) table.header.emplace_back(text::Trim(field));
  table.header_line = row.line;
  table.records.erase(table.records.begin(), table.records.begin() + static_cast<std::ptrdiff_t>(offset));
}

}  // namespace

AreaMatcher::AreaMatcher(const std::vector<geo::Area>& areas) {
  for (const geo::Area& area : areas) {
    codes_.emplace(area.code, area.code);
    for (const std::string* name : {&area.names.nl, &area.names.fr, &area.names.en}) {
      if (name->empty()) continue;
      auto& codes = names_[text::Fold(*name)];
      if (std::find(codes.begin(), codes.end(), area.code) == codes.end()) codes.push_back(area.code);
    }
  }
}

std::string AreaMatcher::NormaliseCode(std::string_view code) {
  std::string text(code);
  // Excel shows 2000 for 02000 and may add ".0".
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  if (!text.empty() && text.size() < 5 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    text.insert(0, 5 - text.size(), '0');
  }
  return text;
}

bool AreaMatcher::Knows(std::string_view code) const { return codes_.contains(code); }

std::optional<std::string> AreaMatcher::Match(std::string_view code_or_name) const {
  const std::string code = NormaliseCode(code_or_name);
  if (auto it = codes_.find(code); it != codes_.end()) return it->second;
  if (auto it = names_.find(text::Fold(code_or_name)); it != names_.end() && it->second.size() == 1) {
    return it->second.front();
  }
  return std::nullopt;
}

namespace {

// Checks a sheet (or a CSV file: its first rows in `table`, the rest still in `rest`) and
// adds its figures; problems go to `report`. Rows above the real header (a title, a
// source line) are left out with a warning. Returns the layout.
std::string ParseSheet(const Catalog& catalog, const AreaMatcher& areas, formats::CsvTable& table,
                       formats::CsvCursor* rest, std::string_view file_name, std::string_view sheet, Places& places,
                       const ObservationImportOptions& options, BatchFigures& figures,
                       ObservationImportReport& report) {
  const int first_line = table.header_line;
  const auto offset = HeaderOffset(table);
  if (offset && *offset > 0) MoveHeader(table, *offset);
  const int last_line = rest != nullptr ? 0 : table.records.empty() ? table.header_line : table.records.back().line;
  Checker checker(catalog, areas, sheet, places.Begin(sheet, table.header, last_line), options, figures, report);
  if (offset && *offset > 0) {
    checker.Warning(first_line, "",
                    std::to_string(*offset) + " row(s) above the header (line " + std::to_string(table.header_line) +
                        ") were left out");
  }
  Rows rows(table, rest);
  std::string layout;
  auto area_column = FirstColumn(table, kCodeColumns);
  if (!area_column) area_column = FirstColumn(table, kNameColumns);
  if (IsWijkmonitoring(table)) {
    layout = "brussels wijkmonitoring";
    ParseWijkmonitoring(checker, table, rows);
  } else if (table.Column("ms_population") && table.Column("cd_age")) {
    layout = "statbel population";
    ParseStatbelPopulation(checker, table, rows, file_name);
  } else if (table.Column("cd_sector") && table.Column("cd_refnis") &&
             FirstColumn(table, {"total", "population", "ms_population"}) && !table.Column("cd_age")) {
    layout = "statbel sector population";
    ParseStatbelSectorPopulation(checker, table, rows, file_name);
  } else if (table.Column("ms_tot_net_taxable_inc")) {
    layout = "statbel fiscal income";
    ParseStatbelIncome(checker, table, rows);
  } else if (!area_column) {
    checker.Problem(table.header_line, "",
                    "no area column: name one area_code (a NIS code) or gemeente/commune/municipality (a name)");
    return layout;
  } else if (table.Column("indicator") && table.Column("period") && table.Column("value")) {
    layout = "long";
    ParseLong(checker, table, rows, *area_column);
  } else {
    std::vector<std::pair<std::size_t, std::uint32_t>> periods;
    std::vector<std::pair<std::size_t, const Indicator*>> indicators;
    std::vector<std::string> unknown;
    for (std::size_t column = 0; column < table.header.size(); ++column) {
      const std::string& name = table.header[column];
      if (column == *area_column || text::AsciiLower(name) == "indicator" || text::AsciiLower(name) == "period")
        continue;
      const auto mapped = options.columns.find(name);
      if (auto period = NormalisePeriod(name)) {
        periods.emplace_back(column, figures.PeriodNumber(*period));
      } else if (const Indicator* indicator = mapped != options.columns.end() ? catalog.Find(mapped->second)
                                                                              : catalog.FindByHeader(name)) {
        if (indicator->kind == Kind::kDerived) {
          checker.Warning(table.header_line, name, "left out: computed from its counts");
        } else {
          indicators.emplace_back(column, indicator);
        }
      } else if (!name.empty()) {
        unknown.push_back(name);
      }
    }
    if (!periods.empty() && indicators.empty()) {
      layout = "wide by period";
      ParseWideByPeriod(checker, table, rows, *area_column, periods);
    } else if (!indicators.empty() && periods.empty()) {
      layout = "wide by indicator";
      ParseWideByIndicator(checker, table, rows, *area_column, indicators);
    } else {
      checker.Problem(table.header_line, "",
                      "the header fits no layout: use area_code,indicator,period,value; or one column per period; "
                      "or one column per indicator id");
    }
    // Other columns (names, arrondissements, postcodes…) are common in such sheets.
    for (const std::string& name : unknown) {
      checker.Warning(table.header_line, name, "left out: neither a period nor an indicator of the catalog");
    }
  }
  if (rows.error()) report.problems.push_back({"", "", rows.error()->message()});
  if (options.progress) options.progress("reading", rows.done(), rows.done());
  checker.ReportDerivedLeftOut();
  checker.ReportOutsideLeftOut();
  checker.ReportNotMeasuredLeftOut();
  checker.ReportConfidentialLeftOut();
  return layout;
}

// The CSV file's header and first rows as a table (enough to find a header below a title),
// the cursor left at the rows after them.
Result<formats::CsvTable> ReadHead(formats::CsvCursor& cursor) {
  constexpr std::size_t kHeadRows = 10;
  formats::CsvTable table;
  table.delimiter = cursor.delimiter();
  formats::CsvRecord record;
  auto read = cursor.Next(record);
  if (!read) return Fail(read.error());
  if (!*read) return Fail(Error::InvalidArgument("the file is empty: expected a header line"));
  for (const std::string& name : record.fields) table.header.emplace_back(text::Trim(name));
  table.header_line = record.line;
  // The usual case: the rows are read as they come (the two first ahead, for a layout
  // recognised by the rows under its header, as the Wijkmonitoring's units and years).
  const std::size_t ahead = HasAreaColumn(table) ? 2 : kHeadRows;
  while (table.records.size() < ahead) {
    formats::CsvRecord next;
    read = cursor.Next(next);
    if (!read) return Fail(read.error());
    if (!*read) break;
    table.records.push_back(std::move(next));
  }
  return table;
}

// The largest file a zip may hold for the import: Statbel's largest tables inflate to a
// few hundred MiB; more is not a table but an attack on the server's memory.
constexpr std::size_t kMaxUnzippedBytes = std::size_t{512} * 1024 * 1024;

// Statbel ships its text files zipped: the one data file (.txt, .csv or .xlsx) inside is
// read as if it had been downloaded alone. Nothing when the archive is an .xlsx workbook
// itself; an error naming what is inside when there is no data file or more than one.
Result<std::optional<std::pair<std::string, std::string>>> DataFileIn(std::string_view zip) {
  auto archive = formats::ZipArchive::Open(zip);
  if (!archive) return Fail(archive.error());
  auto names = (*archive)->Names();
  if (!names) return Fail(names.error());
  if (std::ranges::find(*names, "xl/workbook.xml") != names->end()) return std::nullopt;
  std::vector<std::string> data;
  for (const std::string& name : *names) {
    const std::string lower = text::AsciiLower(name);
    if (lower.starts_with("__macosx/")) continue;
    if (lower.ends_with(".txt") || lower.ends_with(".csv") || lower.ends_with(".xlsx")) data.push_back(name);
  }
  if (data.size() != 1) {
    std::string listed;
    for (const std::string& name : *names) listed += (listed.empty() ? "" : ", ") + name;
    return Fail(Error::InvalidArgument(
        std::string(data.empty() ? "the zip archive holds no data file (.txt, .csv or .xlsx)"
                                 : "the zip archive holds several data files: unzip it and import them one by one") +
        "; it holds: " + (listed.empty() ? "nothing" : listed)));
  }
  auto content = (*archive)->Read(data.front(), kMaxUnzippedBytes);
  if (!content) return Fail(content.error());
  return std::pair(data.front(), std::move(*content));
}

}  // namespace

std::string Sha256Hex(std::string_view content) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

Result<ObservationImportReport> ImportObservations(db::Database& database, const Catalog& catalog,
                                                   std::string_view file_name, std::string_view content,
                                                   const ObservationImportOptions& options, const audit::Actor& actor) {
  ObservationImportReport report;
  report.file = std::string(file_name);
  report.checksum = Sha256Hex(content);
  auto areas =
      geo::Store(database).Areas({.kind = std::nullopt, .parent_code = std::nullopt, .any_time = true}, Date::Today());
  if (!areas) return Fail(areas.error());
  const AreaMatcher matcher(*areas);
  BatchFigures figures;
  Places places;
  std::string layout;
  auto add_layout = [&](const std::string& sheet_layout) {
    if (!sheet_layout.empty()) layout = layout.empty() || layout == sheet_layout ? sheet_layout : "mixed";
  };
  // What is read: the file, or the data file inside the zip it came in.
  std::string unzipped;
  std::string_view read_name = file_name;
  if (formats::LooksLikeZip(content)) {
    auto member = DataFileIn(content);
    if (!member) {
      report.problems.push_back({"", "", member.error().message()});
      return report;
    }
    if (*member) {
      report.file += " (" + (*member)->first + ")";
      unzipped = std::move((*member)->second);
      read_name = (*member)->first;
      content = unzipped;
    }
  }
  if (formats::LooksLikeXlsx(content)) {
    auto workbook = formats::ReadXlsx(content);
    if (!workbook) {
      report.problems.push_back({"", "", workbook.error().message()});
      return report;
    }
    bool found = options.sheet.empty();
    for (formats::XlsxTable& sheet : *workbook) {
      if (!options.sheet.empty() && sheet.sheet != options.sheet) continue;
      found = true;
      if (options.sheet.empty() && !HeaderOffset(sheet.table)) {
        report.warnings.push_back({sheet.sheet, "", "sheet left out: it has no area column"});
        continue;
      }
      for (const std::string& range : sheet.merged_ranges) {
        report.warnings.push_back({sheet.sheet + "!" + range, "",
                                   "merged cells: only the first cell holds the value, the others are read as empty"});
      }
      add_layout(
          ParseSheet(catalog, matcher, sheet.table, nullptr, read_name, sheet.sheet, places, options, figures, report));
    }
    if (!found) {
      std::string names;
      for (const formats::XlsxTable& sheet : *workbook) names += (names.empty() ? "'" : ", '") + sheet.sheet + "'";
      report.problems.push_back({"", "sheet", "no sheet '" + options.sheet + "'; the workbook has " + names});
    }
  } else {
    if (!options.sheet.empty()) {
      report.problems.push_back({"", "sheet", "--sheet is for .xlsx workbooks; this file is text"});
      return report;
    }
    auto cursor = formats::CsvCursor::Open(content);
    auto head = cursor ? ReadHead(*cursor) : Result<formats::CsvTable>(Fail(cursor.error()));
    if (!head) {
      report.problems.push_back({"", "", head.error().message()});
      return report;
    }
    add_layout(ParseSheet(catalog, matcher, *head, &*cursor, read_name, "", places, options, figures, report));
  }
  figures.Sort([&](const BatchFigure& kept, const BatchFigure& again) {
    report.problems.push_back({places.Location(again), places.Column(again),
                               figures.IndicatorId(again) + " for " + figures.AreaCode(again) + " in " +
                                   figures.Period(again) + " appears twice (also on " + places.Location(kept) + ")"});
  });
  report.layout = layout;
  report.observations = figures.size();
  if (!report.ok() || options.dry_run) return report;
  if (options.progress) options.progress("saving", 0, figures.size());
  Batch batch{.id = 0,
              .at = 0,
              .actor = actor,
              .file_name = std::string(file_name),
              .sheet = options.sheet,
              .layout = layout,
              .source = options.source.empty() ? std::string(file_name) : options.source,
              .checksum = report.checksum,
              .rows_read = report.rows_read,
              .observations = 0,
              .demo = options.demo};
  auto saved = database.InTransaction([&](db::Connection& connection) {
    return Store::Save(connection, catalog, batch, figures, audit::Context{.actor = actor, .restore = false, .at = 0});
  });
  if (!saved) return Fail(saved.error());
  report.batch_id = *saved;
  report.rows_imported = report.rows_read - report.rows_skipped;
  if (options.progress) options.progress("saving", figures.size(), figures.size());
  return report;
}

}  // namespace zoneatlas::atlas
