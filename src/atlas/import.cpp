#include "atlas/import.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "geo/store.hpp"
#include "platform/formats/xlsx.hpp"

namespace zoneatlas::atlas {
namespace {

constexpr std::size_t kProgressEvery = 20000;

const std::vector<std::string_view> kCodeColumns = {"area_code", "code",      "nis",    "nis_code",        "niscode",
                                                    "nis-code",  "cd_refnis", "refnis", "cd_munty_refnis", "nis code"};
const std::vector<std::string_view> kNameColumns = {"area", "area_name", "gemeente", "municipality", "commune",
                                                    "naam", "name",      "nom",      "tx_descr_nl",  "gebied"};

std::optional<std::size_t> FirstColumn(const formats::CsvTable& table, const std::vector<std::string_view>& names) {
  for (std::string_view name : names) {
    if (auto column = table.Column(name)) return column;
  }
  return std::nullopt;
}

// "2020", "2023-2024" (a school year), "2024-Q1", "2024-01-01". Excel turns a year into
// "2020.0" or "2020,0"; that is a year too.
std::optional<std::string> NormalisePeriod(std::string_view text) {
  std::string period(text::Trim(text));
  static const std::regex kExcelYear(R"(^(\d{4})[.,]0+$)");
  static const std::regex kPeriod(R"(^\d{4}(-\d{4}|-Q[1-4]|-\d{2}-\d{2})?$)");
  std::smatch match;
  if (std::regex_match(period, match, kExcelYear)) return match[1].str();
  if (std::regex_match(period, kPeriod)) return period;
  return std::nullopt;
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
  static const std::regex kGroupedThousands(R"(^-?\d{1,3}([.,])\d{3}(\1\d{3})*$)");
  if (whole && std::regex_match(text, kGroupedThousands)) {
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

class Checker {
 public:
  Checker(const Catalog& catalog, const AreaMatcher& areas, std::string_view sheet,
          const ObservationImportOptions& options, ObservationImportReport& report)
      : catalog_(catalog), areas_(areas), sheet_(sheet), options_(options), report_(report) {}

  std::string Location(int line) const {
    return sheet_.empty() ? "line " + std::to_string(line) : std::string(sheet_) + "!" + std::to_string(line);
  }
  void Problem(int line, std::string field, std::string message) {
    report_.problems.push_back({Location(line), std::move(field), std::move(message)});
  }
  void Warning(int line, std::string field, std::string message) {
    report_.warnings.push_back({Location(line), std::move(field), std::move(message)});
  }

  // The area's code, or nothing (with a problem, or counted as skipped).
  std::optional<std::string> Area(int line, const std::string& field, std::string_view text, bool& skip) {
    skip = false;
    const std::string_view trimmed = text::Trim(text);
    if (trimmed.empty()) {
      Problem(line, field, "no area");
      return std::nullopt;
    }
    if (auto code = areas_.Match(trimmed)) {
      if (options_.allowed_areas && !options_.allowed_areas->contains(*code)) {
        Problem(line, field,
                *code + " is not an area of your zone(s); an administrator imports figures for other areas");
        return std::nullopt;
      }
      return code;
    }
    if (options_.skip_unknown) {
      skip = true;
      return std::nullopt;
    }
    if (std::find(report_.unmatched_areas.begin(), report_.unmatched_areas.end(), trimmed) ==
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
    const std::string id(text::Trim(text));
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
    return indicator;
  }

  std::optional<std::string> Period(int line, const std::string& field, std::string_view text) {
    if (auto period = NormalisePeriod(text)) return period;
    Problem(line, field,
            "'" + std::string(text::Trim(text)) + "' is not a period (2024, 2023-2024, 2024-Q1 or 2024-01-01)");
    return std::nullopt;
  }

  // Checks a number cell; `present` says whether the cell had anything.
  std::optional<double> Number(int line, const std::string& field, std::string_view text, bool& ok,
                               bool whole = false) {
    ok = true;
    if (IsBlankOrMissing(text)) return std::nullopt;
    auto number = ParseNumber(text, whole);
    if (!number) {
      Problem(line, field, "'" + std::string(text::Trim(text)) + "' is not a number");
      ok = false;
    }
    return number;
  }

  // Adds an observation after the checks common to every layout.
  void Add(int line, const std::string& value_field, const Indicator& indicator, std::string area, std::string period,
           std::optional<double> value, std::optional<double> numerator, std::optional<double> denominator) {
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
      const double computed = *numerator / *denominator * indicator.scale;
      if (!value) {
        value = computed;
      } else if (std::abs(*value - computed) > std::max(0.05, std::abs(computed) * 0.01)) {
        Warning(line, value_field,
                "differs from numerator / denominator (" + std::to_string(computed) + "); the value is kept");
      }
    }
    if (!value) return Problem(line, value_field, "no value");
    const std::string key = indicator.id + '\t' + area + '\t' + period;
    if (const auto [it, inserted] = seen_.emplace(key, line); !inserted) {
      return Problem(
          line, value_field,
          indicator.id + " for " + area + " in " + period + " appears twice (also on " + Location(it->second) + ")");
    }
    observations_.push_back({.indicator_id = indicator.id,
                             .area_code = std::move(area),
                             .period = std::move(period),
                             .value = value,
                             .numerator = numerator,
                             .denominator = denominator,
                             .batch_id = 0,
                             .derived = false,
                             .demo = options_.demo});
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

  std::vector<Observation>& observations() { return observations_; }
  const Catalog& catalog() const { return catalog_; }
  const AreaMatcher& areas() const { return areas_; }
  const ObservationImportOptions& options() const { return options_; }
  ObservationImportReport& report() { return report_; }

 private:
  const Catalog& catalog_;
  const AreaMatcher& areas_;
  std::string_view sheet_;
  const ObservationImportOptions& options_;
  ObservationImportReport& report_;
  std::map<std::string, int> seen_;
  std::set<std::string> derived_left_out_;
  int first_derived_line_ = 0;
  std::vector<Observation> observations_;
};

void Progress(const ObservationImportOptions& options, std::size_t done, std::size_t total) {
  if (options.progress && (done % kProgressEvery == 0 || done == total)) options.progress("reading", done, total);
}

// Starts reading a data row: counts it, reports progress and reads its area (empty when
// it matches none; the problem is noted). False when the row is left out (--skip-unknown).
bool StartRow(Checker& checker, const formats::CsvTable& table, const formats::CsvRecord& record,
              std::size_t area_column, std::size_t done, std::optional<std::string>& area) {
  Progress(checker.options(), done, table.records.size());
  ++checker.report().rows_read;
  bool skip = false;
  area = checker.Area(record.line, table.header[area_column], table.Field(record, area_column), skip);
  if (skip) ++checker.report().rows_skipped;
  return !skip;
}

void ParseLong(Checker& checker, const formats::CsvTable& table, std::size_t area_column) {
  const std::size_t indicator_column = *table.Column("indicator");
  const std::size_t period_column = *table.Column("period");
  const std::size_t value_column = *table.Column("value");
  const auto numerator_column = table.Column("numerator");
  const auto denominator_column = table.Column("denominator");
  std::size_t done = 0;
  for (const formats::CsvRecord& record : table.records) {
    std::optional<std::string> area;
    if (!StartRow(checker, table, record, area_column, ++done, area)) continue;
    bool derived = false;
    const Indicator* indicator =
        checker.IndicatorFor(record.line, "indicator", table.Field(record, indicator_column), derived);
    if (derived) {
      ++checker.report().rows_skipped;
      continue;
    }
    auto period = checker.Period(record.line, "period", table.Field(record, period_column));
    bool value_ok = true, numerator_ok = true, denominator_ok = true;
    auto value = checker.Number(record.line, "value", table.Field(record, value_column), value_ok,
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
    checker.Add(record.line, "value", *indicator, std::move(*area), std::move(*period), value, numerator, denominator);
  }
}

// One column per period; blank cells are years without a figure.
void ParseWideByPeriod(Checker& checker, const formats::CsvTable& table, std::size_t area_column,
                       const std::vector<std::pair<std::size_t, std::string>>& periods) {
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
  std::size_t done = 0;
  for (const formats::CsvRecord& record : table.records) {
    std::optional<std::string> area;
    if (!StartRow(checker, table, record, area_column, ++done, area)) continue;
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
      checker.Add(record.line, table.header[column], *indicator, *area, period, value, std::nullopt, std::nullopt);
    }
  }
}

// One column per indicator.
void ParseWideByIndicator(Checker& checker, const formats::CsvTable& table, std::size_t area_column,
                          const std::vector<std::pair<std::size_t, const Indicator*>>& indicators) {
  const auto period_column = table.Column("period");
  std::optional<std::string> fixed;
  if (!period_column) {
    fixed = checker.Period(1, "period", checker.options().period);
    if (!fixed) return;
  }
  std::size_t done = 0;
  for (const formats::CsvRecord& record : table.records) {
    std::optional<std::string> area;
    if (!StartRow(checker, table, record, area_column, ++done, area)) continue;
    auto period = fixed ? fixed : checker.Period(record.line, "period", table.Field(record, *period_column));
    for (const auto& [column, indicator] : indicators) {
      bool ok = true;
      auto value = checker.Number(record.line, table.header[column], table.Field(record, column), ok,
                                  Catalog::IsWhole(*indicator));
      if (!ok || !value || !area || !period) continue;
      checker.Add(record.line, table.header[column], *indicator, *area, *period, value, std::nullopt, std::nullopt);
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

void ParseStatbelPopulation(Checker& checker, const formats::CsvTable& table, std::string_view file_name) {
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
  // Without CD_YEAR the year is in the file name (TF_SOC_POP_STRUCT_2024) or given.
  std::optional<std::string> fixed_year;
  if (!year_column) {
    if (!checker.options().period.empty()) {
      fixed_year = checker.Period(1, "period", checker.options().period);
    } else {
      static const std::regex kYearInName(R"((\d{4}))");
      std::smatch match;
      const std::string name(file_name);
      if (std::regex_search(name, match, kYearInName)) fixed_year = match[1].str();
    }
    if (!fixed_year) return checker.Problem(1, "CD_YEAR", "no year column and no year in the file name: give --period");
  }
  // (area, year) → band → count, in the order first seen.
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> sums;
  std::set<std::string> skipped_codes;
  std::size_t done = 0;
  for (const formats::CsvRecord& record : table.records) {
    Progress(checker.options(), ++done, table.records.size());
    ++checker.report().rows_read;
    const int line = record.line;
    const std::string code = AreaMatcher::NormaliseCode(text::Trim(table.Field(record, *code_column)));
    auto age = text::ParseInteger(text::Trim(table.Field(record, age_column)));
    bool count_ok = true;
    auto count = checker.Number(line, table.header[count_column], table.Field(record, count_column), count_ok, true);
    std::optional<std::string> year = fixed_year;
    if (year_column) year = checker.Period(line, table.header[*year_column], table.Field(record, *year_column));
    if (!age || *age < 0 || *age > 130) checker.Problem(line, table.header[age_column], "is not an age in years");
    if (count_ok && (!count || *count < 0 || *count != std::floor(*count))) {
      checker.Problem(line, table.header[count_column], "is not a whole number of persons");
      count_ok = false;
    }
    if (!age || *age < 0 || *age > 130 || !count_ok || !year) continue;
    std::vector<std::string> codes = {code};
    for (std::size_t column : parent_columns) {
      const std::string parent = AreaMatcher::NormaliseCode(text::Trim(table.Field(record, column)));
      if (!parent.empty()) codes.push_back(parent);
    }
    const bool belgian = nationality_column && text::Trim(table.Field(record, *nationality_column)) == "BEL";
    for (const std::string& area : codes) {
      if (!checker.areas().Knows(area)) {
        if (area == code) skipped_codes.insert(code);
        continue;
      }
      // A national file, imported by a zone editor, gives the figures of their zone only.
      if (checker.options().allowed_areas && !checker.options().allowed_areas->contains(area)) continue;
      auto& bands = sums[{area, *year}];
      for (const AgeBand& band : kAgeBands) {
        if (*age >= band.from && (band.to < 0 || *age <= band.to)) bands[std::string(band.indicator)] += *count;
      }
      if (nationality_column) bands["pop_belgian"] += belgian ? *count : 0;
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
      checker.Add(1, "MS_POPULATION", *indicator, key.first, key.second, total, std::nullopt, std::nullopt);
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

ParsedObservations ParseObservations(const Catalog& catalog, const AreaMatcher& areas, formats::CsvTable table,
                                     std::string_view file_name, std::string_view sheet,
                                     const ObservationImportOptions& options, ObservationImportReport& report) {
  ParsedObservations parsed;
  std::string_view sheet_name = sheet;
  Checker checker(catalog, areas, sheet_name, options, report);
  if (const auto offset = HeaderOffset(table); offset && *offset > 0) {
    const int first_line = table.header_line;
    MoveHeader(table, *offset);
    checker.Warning(first_line, "",
                    std::to_string(*offset) + " row(s) above the header (line " + std::to_string(table.header_line) +
                        ") were left out");
  }
  if (table.Column("ms_population") && table.Column("cd_age")) {
    parsed.layout = "statbel population";
    ParseStatbelPopulation(checker, table, file_name);
    parsed.observations = std::move(checker.observations());
    return parsed;
  }
  auto area_column = FirstColumn(table, kCodeColumns);
  if (!area_column) area_column = FirstColumn(table, kNameColumns);
  if (!area_column) {
    checker.Problem(table.header_line, "",
                    "no area column: name one area_code (a NIS code) or gemeente/commune/municipality (a name)");
    return parsed;
  }
  if (table.Column("indicator") && table.Column("period") && table.Column("value")) {
    parsed.layout = "long";
    ParseLong(checker, table, *area_column);
  } else {
    std::vector<std::pair<std::size_t, std::string>> periods;
    std::vector<std::pair<std::size_t, const Indicator*>> indicators;
    std::vector<std::string> unknown;
    for (std::size_t column = 0; column < table.header.size(); ++column) {
      const std::string& name = table.header[column];
      if (column == *area_column || text::AsciiLower(name) == "indicator" || text::AsciiLower(name) == "period")
        continue;
      if (auto period = NormalisePeriod(name)) {
        periods.emplace_back(column, *period);
      } else if (const Indicator* indicator = catalog.FindByHeader(name)) {
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
      parsed.layout = "wide by period";
      ParseWideByPeriod(checker, table, *area_column, periods);
    } else if (!indicators.empty() && periods.empty()) {
      parsed.layout = "wide by indicator";
      ParseWideByIndicator(checker, table, *area_column, indicators);
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
  checker.ReportDerivedLeftOut();
  parsed.observations = std::move(checker.observations());
  return parsed;
}

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
  ParsedObservations parsed;
  if (formats::LooksLikeXlsx(content)) {
    auto workbook = formats::ReadXlsx(content);
    if (!workbook) {
      report.problems.push_back({"", "", workbook.error().message()});
      return report;
    }
    bool found = options.sheet.empty();
    std::map<std::string, std::string> first_sheet_of;  // Key → sheet, to catch a figure given twice.
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
      ParsedObservations part =
          ParseObservations(catalog, matcher, std::move(sheet.table), file_name, sheet.sheet, options, report);
      for (Observation& observation : part.observations) {
        const std::string key =
            observation.indicator_id + " for " + observation.area_code + " in " + observation.period;
        if (const auto [it, inserted] = first_sheet_of.emplace(key, sheet.sheet); !inserted) {
          report.problems.push_back({sheet.sheet, "", key + " is also in sheet '" + it->second + "'"});
          continue;
        }
        parsed.observations.push_back(std::move(observation));
      }
      if (!part.layout.empty())
        parsed.layout = parsed.layout.empty() || parsed.layout == part.layout ? part.layout : "mixed";
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
    auto table = formats::ParseCsv(content);
    if (!table) {
      report.problems.push_back({"", "", table.error().message()});
      return report;
    }
    parsed = ParseObservations(catalog, matcher, std::move(*table), file_name, "", options, report);
  }
  report.layout = parsed.layout;
  report.observations = parsed.observations.size();
  if (!report.ok() || options.dry_run) return report;
  if (options.progress) options.progress("saving", 0, parsed.observations.size());
  Batch batch{.id = 0,
              .at = 0,
              .actor = actor,
              .file_name = std::string(file_name),
              .sheet = options.sheet,
              .layout = parsed.layout,
              .source = options.source.empty() ? std::string(file_name) : options.source,
              .checksum = report.checksum,
              .rows_read = report.rows_read,
              .observations = 0,
              .demo = options.demo};
  auto saved = database.InTransaction([&](db::Connection& connection) {
    return Store::Save(connection, catalog, batch, parsed.observations,
                       audit::Context{.actor = actor, .restore = false, .at = 0});
  });
  if (!saved) return Fail(saved.error());
  report.batch_id = *saved;
  report.rows_imported = report.rows_read - report.rows_skipped;
  if (options.progress) options.progress("saving", parsed.observations.size(), parsed.observations.size());
  return report;
}

}  // namespace zoneatlas::atlas
