#include "geo/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "geo/geometry.hpp"
#include "geo/model.hpp"
#include "geo/store.hpp"
#include "platform/formats/csv.hpp"
#include "platform/formats/geojson.hpp"
#include "platform/formats/xlsx.hpp"
#include "platform/formats/zip.hpp"
#include "platform/geodata/ogr.hpp"

namespace zoneatlas::geo {
namespace {

// A row from either format, with its fields by lower-case name.
struct SourceRow {
  std::string location;
  std::map<std::string, std::string, std::less<>> fields;
  std::optional<formats::MultiPolygon> boundary;
  std::string boundary_error;

  std::string_view Get(std::string_view name) const {
    const auto it = fields.find(name);
    return it == fields.end() ? std::string_view() : text::Trim(it->second);
  }
};

struct RowProblems {
  ImportReport& report;
  const SourceRow& row;
  void Add(std::string field, std::string message) const {
    report.problems.push_back({row.location, std::move(field), std::move(message)});
  }
};

Result<std::vector<SourceRow>> RowsFromCsv(std::string_view content) {
  auto table = formats::ParseCsv(content);
  if (!table) return Fail(table.error());
  std::vector<SourceRow> rows;
  for (const formats::CsvRecord& record : table->records) {
    SourceRow row;
    row.location = "line " + std::to_string(record.line);
    for (std::size_t i = 0; i < table->header.size(); ++i) {
      row.fields[text::AsciiLower(table->header[i])] = std::string(table->Field(record, i));
    }
    if (record.fields.size() > table->header.size()) {
      row.fields["\x01extra"] =
          fmt::format("{} fields where the header has {}", record.fields.size(), table->header.size());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<SourceRow>> RowsFromGeoJson(std::string_view content) {
  auto features = formats::ParseFeatures(content);
  if (!features) return Fail(features.error());
  std::vector<SourceRow> rows;
  for (formats::Feature& feature : *features) {
    SourceRow row;
    row.location = "feature " + std::to_string(feature.number);
    for (auto& [name, value] : feature.properties) row.fields[text::AsciiLower(name)] = value;
    row.boundary = std::move(feature.geometry);
    row.boundary_error = std::move(feature.geometry_error);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The one sheet of a workbook; with several, which to use is not a guess to make.
Result<std::vector<SourceRow>> RowsFromXlsx(std::string_view content) {
  auto workbook = formats::ReadXlsx(content);
  if (!workbook) return Fail(workbook.error());
  std::vector<formats::XlsxTable*> sheets;
  for (formats::XlsxTable& sheet : *workbook) {
    if (!sheet.table.header.empty()) sheets.push_back(&sheet);
  }
  if (sheets.size() != 1) {
    std::string names;
    for (const formats::XlsxTable& sheet : *workbook) names += (names.empty() ? "'" : ", '") + sheet.sheet + "'";
    return Fail(Error::InvalidArgument(sheets.empty() ? "the workbook has no sheet with a header"
                                                      : "the workbook has several sheets with data (" + names +
                                                            "): keep the one to import"));
  }
  const formats::XlsxTable& sheet = *sheets.front();
  std::vector<SourceRow> rows;
  rows.reserve(sheet.table.records.size());
  for (const formats::CsvRecord& record : sheet.table.records) {
    SourceRow row;
    row.location = "line " + std::to_string(record.line);
    for (std::size_t i = 0; i < sheet.table.header.size(); ++i) {
      row.fields[text::AsciiLower(sheet.table.header[i])] = std::string(sheet.table.Field(record, i));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Whether the file is one only GDAL reads here: a shapefile in a zip, a GeoPackage, GML, or
// GeoJSON in another coordinate system than WGS84.
bool ForGdal(std::string_view file_name, std::string_view content) {
  if (formats::LooksLikeZip(content)) {  // An .xlsx workbook is a zip too: only a shapefile's goes.
    auto archive = formats::ZipArchive::Open(content);
    if (!archive) return false;
    auto names = (*archive)->Names();
    return names && std::ranges::any_of(
                        *names, [](const std::string& name) { return text::AsciiLower(name).ends_with(".shp"); });
  }
  return geodata::NeedsGdal(file_name, content);
}

// The features of a file ForGdal has chosen, as GDAL gives them in WGS84.
Result<std::vector<SourceRow>> RowsFromGdal(std::string_view file_name, std::string_view content) {
  auto geojson = geodata::ReadAsGeoJson(file_name, content);
  if (!geojson) return Fail(geojson.error());
  return RowsFromGeoJson(*geojson);
}

// Features as GeoJSON in WGS84, whatever their format and coordinate system.
Result<std::vector<SourceRow>> RowsFromFeatures(std::string_view file_name, std::string_view content) {
  return ForGdal(file_name, content) ? RowsFromGdal(file_name, content) : RowsFromGeoJson(content);
}

Result<std::vector<SourceRow>> ReadRows(std::string_view file_name, std::string_view content) {
  if (ForGdal(file_name, content)) return RowsFromGdal(file_name, content);
  if (formats::LooksLikeXlsx(content)) return RowsFromXlsx(content);
  return DetectFormat(file_name, content) == FileFormat::kGeoJson ? RowsFromGeoJson(content) : RowsFromCsv(content);
}

std::optional<bool> ParseFlag(std::string_view value) {
  const std::string lower = text::AsciiLower(value);
  if (lower.empty() || lower == "0" || lower == "false" || lower == "no" || lower == "nee" || lower == "non") {
    return false;
  }
  if (lower == "1" || lower == "true" || lower == "yes" || lower == "ja" || lower == "oui") return true;
  return std::nullopt;
}

std::optional<Date> ParseDateField(const RowProblems& problems, std::string_view field, std::string_view value) {
  if (value.empty()) return std::nullopt;
  auto date = Date::Parse(value);
  if (!date) {
    problems.Add(std::string(field), date.error().message());
    return std::nullopt;
  }
  return *date;
}

void RequireColumns(ImportReport& report, const std::vector<SourceRow>& rows,
                    std::initializer_list<std::string_view> required) {
  if (rows.empty()) return;
  for (std::string_view column : required) {
    if (!rows.front().fields.contains(column)) {
      report.problems.push_back({"line 1", std::string(column), "this required column is missing"});
    }
  }
}

// The rows of a CSV file with the `required` columns, counted in `report`; nothing, with the
// problem in `report`, when it is no CSV (`what` says what the file should hold) or lacks them.
std::optional<std::vector<SourceRow>> RequiredCsvRows(ImportReport& report, std::string_view file_name,
                                                      std::string_view content, std::string_view what,
                                                      std::initializer_list<std::string_view> required) {
  if (DetectFormat(file_name, content) != FileFormat::kCsv) {
    report.problems.push_back({"", "", std::string(what)});
    return std::nullopt;
  }
  auto rows = RowsFromCsv(content);
  if (!rows) {
    report.problems.push_back({"", "", rows.error().message()});
    return std::nullopt;
  }
  report.rows_read = static_cast<int>(rows->size());
  RequireColumns(report, *rows, required);
  if (!report.ok()) return std::nullopt;
  return std::move(*rows);
}

void CheckExtraFields(ImportReport& report, const SourceRow& row) {
  if (const auto extra = row.Get("\x01extra"); !extra.empty()) {
    report.problems.push_back({row.location, "", "the row has " + std::string(extra)});
  }
}

// Statbel's REFNIS list:
// LVL_REFNIS|CD_REFNIS|CD_SUP_REFNIS|TX_REFNIS_DE|TX_REFNIS_FR|TX_REFNIS_NL|DT_VLDT_START|DT_VLDT_END
bool IsRefnis(const std::vector<SourceRow>& rows) {
  return !rows.empty() && rows.front().fields.contains("lvl_refnis") && rows.front().fields.contains("cd_refnis");
}

std::optional<Area> AreaFromRefnis(const SourceRow& row, const RowProblems& problems) {
  static const std::map<std::string, AreaKind, std::less<>> kLevels = {{"1", AreaKind::kRegion},
                                                                       {"2", AreaKind::kProvince},
                                                                       {"3", AreaKind::kArrondissement},
                                                                       {"4", AreaKind::kMunicipality}};
  Area area;
  area.code = std::string(row.Get("cd_refnis"));
  const auto level = kLevels.find(row.Get("lvl_refnis"));
  if (level == kLevels.end()) {
    problems.Add("LVL_REFNIS", "'" + std::string(row.Get("lvl_refnis")) + "' is not a level from 1 to 4");
  } else {
    area.kind = level->second;
  }
  if (!IsValidAreaCode(area.code)) problems.Add("CD_REFNIS", "'" + area.code + "' is not a NIS code");
  area.names = {std::string(row.Get("tx_refnis_nl")), std::string(row.Get("tx_refnis_fr")), ""};
  if (const auto parent = row.Get("cd_sup_refnis"); !parent.empty() && parent != "-") {
    area.parent_code = std::string(parent);
  }
  const auto from = ParseDateField(problems, "DT_VLDT_START", row.Get("dt_vldt_start"));
  if (from) area.validity.from = *from;
  const auto to = ParseDateField(problems, "DT_VLDT_END", row.Get("dt_vldt_end"));
  if (to && to->year() < 9999) area.validity.to = to;
  area.source = "Statbel REFNIS";
  return area;
}

// Statbel's statistical sectors with their population (OPENDATA_SECTOREN_2025.xlsx and
// earlier editions): CD_REFNIS, CD_SECTOR, TOTAL or POPULATION, DT_STRT_SECTOR,
// DT_STOP_SECTOR, the area in hm², TX_DESCR_SECTOR_NL/FR.
bool IsStatbelSectors(const std::vector<SourceRow>& rows) {
  return !rows.empty() && rows.front().fields.contains("cd_sector") && rows.front().fields.contains("cd_refnis");
}

// A date as Statbel's workbooks hold it: an Excel day number (2958465 is 9999-12-31),
// or written out.
std::optional<Date> ParseStatbelDate(const RowProblems& problems, std::string_view field, std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (const auto serial = text::ParseInteger(value)) {
    // Excel counts from 1899-12-30; keep to the days Date can hold.
    constexpr long kExcelEpoch = -25569;  // 1899-12-30 in days since 1970-01-01.
    const long days = kExcelEpoch + static_cast<long>(*serial);
    if (*serial < 0 || days < Date::FromYmd(1000, 1, 1)->DaysSinceEpoch() ||
        days > Date::FromYmd(9999, 12, 31)->DaysSinceEpoch()) {
      problems.Add(std::string(field), "'" + std::string(value) + "' is not a date");
      return std::nullopt;
    }
    return Date::FromDaysSinceEpoch(days);
  }
  return ParseDateField(problems, field, value);
}

std::optional<Area> AreaFromStatbelSector(const SourceRow& row, const RowProblems& problems) {
  Area area;
  area.kind = AreaKind::kStatisticalSector;
  const std::string_view municipality = row.Get("cd_refnis");
  if (!IsValidAreaCode(municipality))
    problems.Add("CD_REFNIS", "'" + std::string(municipality) + "' is not a NIS code");
  if (auto code = StatbelSectorCode(municipality, row.Get("cd_sector"))) {
    area.code = *code;
  } else {
    problems.Add("CD_SECTOR",
                 "'" + std::string(row.Get("cd_sector")) +
                     "' is neither a nine-character sector code nor the four characters after municipality " +
                     std::string(municipality) + "'s code");
    return std::nullopt;
  }
  area.parent_code = std::string(municipality);
  area.names = {std::string(row.Get("tx_descr_sector_nl")), std::string(row.Get("tx_descr_sector_fr")), ""};
  if (area.names.nl.empty()) area.names.nl = area.names.fr;
  if (area.names.fr.empty()) area.names.fr = area.names.nl;
  if (area.names.nl.empty()) area.names = {area.code, area.code, ""};
  if (const auto from = ParseStatbelDate(problems, "DT_STRT_SECTOR", row.Get("dt_strt_sector"))) {
    area.validity.from = *from;
  }
  if (const auto to = ParseStatbelDate(problems, "DT_STOP_SECTOR", row.Get("dt_stop_sector"));
      to && to->year() < 9999) {
    area.validity.to = to;
  }
  // The area's column is named for hm² (hectares), spelt as each edition spells it.
  for (const auto& [name, value] : row.fields) {
    if (!name.starts_with("opperv") && !name.starts_with("ms_area")) continue;
    const std::string_view text = text::Trim(value);
    if (text.empty()) break;
    const auto hectares = text::ParseDecimal(text);
    if (!hectares || *hectares < 0) {
      problems.Add(name, "'" + std::string(text) + "' is not an area in hm²");
    } else if (*hectares > 0) {
      area.land_area_km2 = *hectares / 100;
    }
    break;
  }
  area.source = "Statbel, statistical sectors";
  return area;
}

// UrbIS' monitoring districts of Brussels (UrbAdm_MONITORING_DISTRICT: the 145 wijken /
// quartiers of the Wijkmonitoring) as published: MDRC, NAME_DUT, NAME_FRE, AREA in m²,
// BEGIN_LIFE, END_LIFE. A district may straddle municipalities, so it hangs under the
// Brussels Region; its code is "mdrc-" and the district number in three digits.
bool IsUrbisDistricts(const std::vector<SourceRow>& rows) {
  return !rows.empty() && rows.front().fields.contains("mdrc") && rows.front().fields.contains("name_dut");
}

std::optional<Area> AreaFromUrbisDistrict(const SourceRow& row, const RowProblems& problems) {
  Area area;
  area.kind = AreaKind::kNeighbourhood;
  if (auto code = MonitoringDistrictCode(row.Get("mdrc"))) {
    area.code = *code;
  } else {
    problems.Add("MDRC", "'" + std::string(row.Get("mdrc")) + "' is not a district number from 1 to 999");
    return std::nullopt;
  }
  area.parent_code = "04000";
  area.names = {std::string(row.Get("name_dut")), std::string(row.Get("name_fre")), ""};
  if (area.names.nl.empty()) area.names.nl = area.names.fr;
  if (area.names.fr.empty()) area.names.fr = area.names.nl;
  if (area.names.nl.empty()) problems.Add("NAME_DUT", "the district has no name");
  // GDAL writes GeoPackage dates as 2015/10/05.
  const auto date = [&](std::string_view field, std::string_view value) {
    std::string iso(text::Trim(value));
    std::ranges::replace(iso, '/', '-');
    return ParseDateField(problems, field, iso);
  };
  if (const auto from = date("BEGIN_LIFE", row.Get("begin_life"))) area.validity.from = *from;
  area.validity.to = date("END_LIFE", row.Get("end_life"));
  if (const auto square_metres = row.Get("area"); !square_metres.empty()) {
    const auto value = text::ParseDecimal(square_metres);
    if (!value || *value <= 0) {
      problems.Add("AREA", "'" + std::string(square_metres) + "' is not a positive area in m²");
    } else {
      area.land_area_km2 = *value / 1e6;
    }
  }
  area.source = "UrbIS, monitoring districts";
  return area;
}

std::optional<Area> AreaFromRow(const SourceRow& row, const RowProblems& problems) {
  Area area;
  area.code = std::string(row.Get("code"));
  if (!IsValidAreaCode(area.code)) {
    problems.Add("code", area.code.empty() ? "the code is empty"
                                           : "'" + area.code + "' is not a code (letters, digits, '-' and '_')");
  }
  if (const auto kind = ParseAreaKind(row.Get("kind"))) {
    area.kind = *kind;
  } else {
    problems.Add("kind", "'" + std::string(row.Get("kind")) +
                             "' is not one of region, province, arrondissement, municipality, statistical_sector, "
                             "neighbourhood");
  }
  area.names = {std::string(row.Get("name_nl")), std::string(row.Get("name_fr")), std::string(row.Get("name_en"))};
  if (area.names.nl.empty()) problems.Add("name_nl", "the Dutch name is empty");
  if (area.names.fr.empty()) problems.Add("name_fr", "the French name is empty");
  if (const auto parent = row.Get("parent_code"); !parent.empty()) area.parent_code = std::string(parent);
  if (const auto from = ParseDateField(problems, "valid_from", row.Get("valid_from"))) area.validity.from = *from;
  area.validity.to = ParseDateField(problems, "valid_to", row.Get("valid_to"));
  if (area.validity.to && *area.validity.to < area.validity.from) {
    problems.Add("valid_to", "the area stops being valid before it starts");
  }
  if (const auto population = row.Get("population"); !population.empty()) {
    const auto value = text::ParseInteger(population);
    if (!value || *value < 0) {
      problems.Add("population", "'" + std::string(population) + "' is not a whole number of people");
    } else {
      area.population = *value;
    }
    area.population_date = ParseDateField(problems, "population_date", row.Get("population_date"));
    if (!area.population_date && row.Get("population_date").empty()) {
      problems.Add("population_date", "a population needs the day it was counted (e.g. 2024-01-01)");
    }
  }
  if (const auto land = row.Get("land_area_km2"); !land.empty()) {
    const auto value = text::ParseDecimal(land);
    if (!value || *value <= 0) {
      problems.Add("land_area_km2", "'" + std::string(land) + "' is not a positive number of km²");
    } else {
      area.land_area_km2 = *value;
    }
  }
  if (const auto approximate = ParseFlag(row.Get("approximate"))) {
    area.approximate = *approximate;
  } else {
    problems.Add("approximate", "'" + std::string(row.Get("approximate")) + "' is not yes or no");
  }
  area.source = std::string(row.Get("source"));
  area.note = std::string(row.Get("note"));
  if (const auto successor = row.Get("successor_code"); !successor.empty()) {
    if (!IsValidAreaCode(successor)) {
      problems.Add("successor_code", "'" + std::string(successor) + "' is not an area code");
    } else if (!area.validity.to) {
      problems.Add("successor_code", "an area merged into another ends: give valid_to");
    } else if (successor == area.code) {
      problems.Add("successor_code", "an area cannot be merged into itself");
    } else {
      area.successor_code = std::string(successor);
    }
  }
  return area;
}

std::optional<std::string> CodeOfFeature(const SourceRow& row) {
  // Ours, Statbel's, and the Swing platform's (Provincies in Cijfers: "geoitem").
  for (std::string_view name : {"code", "nis_code", "niscode", "cd_refnis", "nis", "cd_sector", "geoitem"}) {
    if (const auto value = row.Get(name); !value.empty()) return std::string(value);
  }
  if (const auto district = row.Get("mdrc"); !district.empty()) return MonitoringDistrictCode(district);
  // Statbel's "shn": "BE" + one digit + the five-digit NIS code, e.g. BE223064.
  if (const auto shn = row.Get("shn"); shn.size() == 8 && text::StartsWith(shn, "BE")) {
    return std::string(shn.substr(3));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> MonitoringDistrictCode(std::string_view number) {
  const auto value = text::ParseInteger(text::Trim(number));
  if (!value || *value < 1 || *value > 999) return std::nullopt;
  return fmt::format("mdrc-{:03}", *value);
}

std::optional<std::string> StatbelSectorCode(std::string_view municipality, std::string_view sector) {
  if (sector.size() == 9 && std::ranges::all_of(sector.substr(0, 5), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::string(sector);
  }
  if (sector.size() == 4 && municipality.size() == 5) return std::string(municipality) + std::string(sector);
  return std::nullopt;
}

std::string ImportReport::Describe() const {
  std::string out;
  for (const auto* list : {&problems, &warnings}) {
    for (const ImportProblem& problem : *list) {
      std::string location = problem.location;
      if (text::StartsWith(location, "line ")) location = location.substr(5);
      out += fmt::format("{}:{}: {}{}{}{}\n", file, location, list == &warnings ? "warning: " : "", problem.field,
                         problem.field.empty() ? "" : ": ", problem.message);
    }
    if (list->left_out() > 0) {
      out += fmt::format("{}: … and {} more {} not listed\n", file, list->left_out(),
                         list == &warnings ? "warning(s)" : "problem(s)");
    }
  }
  return out;
}

FileFormat DetectFormat(std::string_view file_name, std::string_view content) {
  const std::string lower = text::AsciiLower(file_name);
  if (lower.ends_with(".geojson") || lower.ends_with(".json")) return FileFormat::kGeoJson;
  if (lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv")) return FileFormat::kCsv;
  const std::string_view trimmed = text::Trim(content);
  return !trimmed.empty() && trimmed.front() == '{' ? FileFormat::kGeoJson : FileFormat::kCsv;
}

Result<ImportReport> ImportAreas(db::Database& database, std::string_view file_name, std::string_view content,
                                 const audit::Actor& actor, const AreaImportOptions& options) {
  const audit::Context context{actor};
  ImportReport report;
  report.file = std::string(file_name);
  auto rows = ReadRows(file_name, content);
  if (!rows) {
    report.problems.push_back({"", "", rows.error().message()});
    return report;
  }
  report.rows_read = static_cast<int>(rows->size());
  const bool refnis = IsRefnis(*rows);
  const bool sectors = !refnis && IsStatbelSectors(*rows);
  const bool districts = !refnis && !sectors && IsUrbisDistricts(*rows);
  if (!refnis && !sectors && !districts) RequireColumns(report, *rows, {"code", "kind", "name_nl", "name_fr"});
  if (!report.ok()) return report;
  const std::string code_field = refnis ? "CD_REFNIS" : sectors ? "CD_SECTOR" : districts ? "MDRC" : "code";

  std::vector<std::pair<Area, const SourceRow*>> areas;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (code, valid_from) -> location.
  for (const SourceRow& row : *rows) {
    CheckExtraFields(report, row);
    const RowProblems problems{report, row};
    auto area = refnis      ? AreaFromRefnis(row, problems)
                : sectors   ? AreaFromStatbelSector(row, problems)
                : districts ? AreaFromUrbisDistrict(row, problems)
                            : AreaFromRow(row, problems);
    if (!area) continue;
    if (row.boundary) {
      if (!row.boundary_error.empty()) problems.Add("geometry", row.boundary_error);
      if (const std::string outside = OutsideBelgium(*row.boundary); !outside.empty()) {
        problems.Add("geometry", outside);
      }
    }
    const auto key = std::make_pair(area->code, area->validity.from.ToIso());
    if (const auto [it, inserted] = seen.emplace(key, row.location); !inserted) {
      problems.Add(code_field, "area " + area->code + " valid from " + key.second + " is already in this file (" +
                                   it->second + ")");
    }
    areas.emplace_back(std::move(*area), &row);
  }
  // Parents must exist, in this file or already in the database.
  std::set<std::string> codes_in_file;
  for (const auto& [area, row] : areas) codes_in_file.insert(area.code);
  std::set<std::string> unknown_parents;
  auto missing_parents = database.WithConnection([&](db::Connection& connection) -> Status {
    std::map<std::string, bool, std::less<>> known;
    for (const auto& [area, row] : areas) {
      if (!area.parent_code || codes_in_file.contains(*area.parent_code)) continue;
      auto cached = known.find(*area.parent_code);
      if (cached == known.end()) {
        auto exists = Store::AreaExists(connection, *area.parent_code);
        if (!exists) return Fail(exists.error());
        cached = known.emplace(*area.parent_code, *exists).first;
      }
      if (cached->second) continue;
      if (options.skip_unknown_parents) {
        unknown_parents.insert(*area.parent_code);
      } else {
        RowProblems{report, *row}.Add(refnis    ? "CD_SUP_REFNIS"
                                      : sectors ? "CD_REFNIS"
                                                : "parent_code",
                                      "parent area " + *area.parent_code + " is neither in this file nor imported");
      }
    }
    return {};
  });
  if (!missing_parents) return Fail(missing_parents.error());
  if (!report.ok()) return report;
  if (!unknown_parents.empty()) {
    const auto kept = std::ranges::remove_if(areas, [&](const auto& entry) {
      return entry.first.parent_code && unknown_parents.contains(*entry.first.parent_code);
    });
    report.rows_skipped = static_cast<int>(std::distance(kept.begin(), kept.end()));
    areas.erase(kept.begin(), kept.end());
    report.warnings.push_back({"", code_field,
                               std::to_string(report.rows_skipped) + " area(s) of " +
                                   std::to_string(unknown_parents.size()) +
                                   " parent area(s) not in the database were left out"});
  }

  auto written = database.InTransaction([&](db::Connection& connection) -> Status {
    for (const auto& [area, row] : areas) {
      if (auto put = Store::PutArea(connection, area, context); !put) return put;
      if (row->boundary) {
        auto put = Store::PutBoundary(connection, area.code, formats::WriteGeometry(*row->boundary),
                                      AreaKm2(*row->boundary), area.source, context);
        if (!put) return put;
      }
    }
    return {};
  });
  if (!written) return Fail(written.error());
  report.rows_imported = static_cast<int>(areas.size());
  return report;
}

Result<ImportReport> ImportZones(db::Database& database, std::string_view file_name, std::string_view content,
                                 const audit::Actor& actor) {
  const audit::Context context{actor};
  ImportReport report;
  report.file = std::string(file_name);
  auto rows = RequiredCsvRows(report, file_name, content, "zones are imported from CSV, one row per member area",
                              {"zone_id", "kind", "name_nl", "name_fr", "member_code"});
  if (!rows) return report;

  std::map<std::string, Zone> zones;
  std::map<std::string, std::string> first_location;
  std::map<std::pair<std::string, std::string>, std::string> seen_members;
  std::vector<std::pair<std::string, const SourceRow*>> member_rows;
  for (const SourceRow& row : *rows) {
    CheckExtraFields(report, row);
    const RowProblems problems{report, row};
    Zone zone;
    zone.id = std::string(row.Get("zone_id"));
    if (!IsValidZoneId(zone.id)) {
      problems.Add("zone_id", "'" + zone.id + "' is not a zone id (2-64 of a-z, 0-9 and '-')");
      continue;
    }
    if (const auto kind = ParseZoneKind(row.Get("kind"))) {
      zone.kind = *kind;
    } else {
      problems.Add("kind", "'" + std::string(row.Get("kind")) + "' is not eerstelijnszone or zorgzone");
    }
    zone.names = {std::string(row.Get("name_nl")), std::string(row.Get("name_fr")), std::string(row.Get("name_en"))};
    if (zone.names.nl.empty()) problems.Add("name_nl", "the Dutch name is empty");
    if (zone.names.fr.empty()) problems.Add("name_fr", "the French name is empty");
    if (const auto region = row.Get("region_code"); !region.empty()) zone.region_code = std::string(region);
    zone.website = std::string(row.Get("website"));
    zone.source = std::string(row.Get("source"));
    if (const auto from = ParseDateField(problems, "valid_from", row.Get("valid_from"))) zone.validity.from = *from;
    zone.validity.to = ParseDateField(problems, "valid_to", row.Get("valid_to"));

    ZoneMember member;
    member.area_code = std::string(row.Get("member_code"));
    if (!IsValidAreaCode(member.area_code)) problems.Add("member_code", "'" + member.area_code + "' is not a code");
    if (const auto approximate = ParseFlag(row.Get("approximate"))) {
      member.approximate = *approximate;
    } else {
      problems.Add("approximate", "'" + std::string(row.Get("approximate")) + "' is not yes or no");
    }
    member.note = std::string(row.Get("note"));
    member.validity = zone.validity;
    if (const auto [it, inserted] = seen_members.emplace(std::make_pair(zone.id, member.area_code), row.location);
        !inserted) {
      problems.Add("member_code", member.area_code + " is already a member of " + zone.id + " (" + it->second + ")");
    }

    auto [existing, inserted] = zones.try_emplace(zone.id, zone);
    if (inserted) {
      first_location[zone.id] = row.location;
    } else {
      const Zone& first = existing->second;
      const bool same = first.kind == zone.kind && first.names.nl == zone.names.nl && first.names.fr == zone.names.fr &&
                        first.names.en == zone.names.en && first.region_code == zone.region_code &&
                        first.website == zone.website && first.validity.from == zone.validity.from &&
                        first.validity.to == zone.validity.to;
      if (!same) {
        problems.Add("zone_id",
                     "the zone's kind, names, region, website or validity differ from " + first_location[zone.id]);
      }
    }
    existing->second.members.push_back(std::move(member));
    member_rows.emplace_back(existing->second.members.back().area_code, &row);
  }
  auto checked = database.WithConnection([&](db::Connection& connection) -> Status {
    for (const auto& [code, row] : member_rows) {
      if (!IsValidAreaCode(code)) continue;
      auto exists = Store::AreaExists(connection, code);
      if (!exists) return Fail(exists.error());
      if (!*exists) RowProblems{report, *row}.Add("member_code", "area " + code + " is not imported");
    }
    return {};
  });
  if (!checked) return Fail(checked.error());
  if (!report.ok()) return report;

  auto written = database.InTransaction([&](db::Connection& connection) -> Status {
    for (const auto& [id, zone] : zones) {
      if (auto put = Store::PutZone(connection, zone, context); !put) return put;
    }
    return {};
  });
  if (!written) return Fail(written.error());
  report.rows_imported = report.rows_read;
  return report;
}

Result<ImportReport> ImportCompositions(db::Database& database, std::string_view file_name, std::string_view content,
                                        const audit::Actor& actor) {
  const audit::Context context{actor};
  ImportReport report;
  report.file = std::string(file_name);
  auto rows = RequiredCsvRows(report, file_name, content, "compositions are imported from CSV, one row per part",
                              {"area_code", "part_code"});
  if (!rows) return report;

  std::map<std::string, Composition> compositions;
  std::map<std::string, std::string> first_location;  // Of each area's first row.
  std::map<std::string, std::string> part_location;   // Of each part's row, by "area part".
  std::vector<std::pair<const SourceRow*, std::string>> codes_to_check;  // Row, field.
  for (const SourceRow& row : *rows) {
    CheckExtraFields(report, row);
    const RowProblems problems{report, row};
    const std::string area(row.Get("area_code")), part(row.Get("part_code"));
    bool codes_ok = true;
    for (const auto& [field, code] : {std::pair{"area_code", area}, std::pair{"part_code", part}}) {
      if (IsValidAreaCode(code)) continue;
      problems.Add(field, "'" + code + "' is not a code");
      codes_ok = false;
    }
    if (!codes_ok) continue;
    if (area == part) {
      problems.Add("part_code", "an area cannot be a part of itself");
      continue;
    }
    Composition composition{area, {}, false, std::string(row.Get("source"))};
    if (const auto approximate = ParseFlag(row.Get("approximate"))) {
      composition.approximate = *approximate;
    } else {
      problems.Add("approximate", "'" + std::string(row.Get("approximate")) + "' is not yes or no");
    }
    auto [existing, inserted] = compositions.try_emplace(area, composition);
    if (inserted) {
      first_location[area] = row.location;
    } else if (existing->second.approximate != composition.approximate ||
               existing->second.source != composition.source) {
      problems.Add("area_code", "approximate or source differ from " + first_location[area]);
    }
    if (const auto [seen, added] = part_location.emplace(area + " " + part, row.location); !added) {
      problems.Add("part_code", part + " is already a part of " + area + " (" + seen->second + ")");
      continue;
    }
    existing->second.part_codes.push_back(part);
    codes_to_check.emplace_back(&row, "area_code");
    codes_to_check.emplace_back(&row, "part_code");
  }
  // One level: what is made of parts is nobody's part, in the file or in the database.
  for (const auto& [area, composition] : compositions) {
    for (const std::string& part : composition.part_codes) {
      if (compositions.contains(part)) {
        report.problems.push_back({part_location[area + " " + part], "part_code",
                                   part + " is itself made of parts (" + first_location[part] +
                                       "); name its parts instead"});
      }
    }
  }
  auto checked = database.WithConnection([&](db::Connection& connection) -> Status {
    auto stored = Store::CompositionsIn(connection);
    if (!stored) return Fail(stored.error());
    std::map<std::string, std::string> stored_part_of;  // Part → the stored area it is a part of.
    std::set<std::string> stored_composed;
    for (const Composition& composition : *stored) {
      if (compositions.contains(composition.area_code)) continue;  // Replaced by the file.
      stored_composed.insert(composition.area_code);
      for (const std::string& part : composition.part_codes) stored_part_of.emplace(part, composition.area_code);
    }
    for (const auto& [row, field] : codes_to_check) {
      const std::string code(row->Get(field));
      auto exists = Store::AreaExists(connection, code);
      if (!exists) return Fail(exists.error());
      if (!*exists) {
        RowProblems{report, *row}.Add(field, "area " + code + " is not imported");
      } else if (field == "part_code" && stored_composed.contains(code)) {
        RowProblems{report, *row}.Add(field, code + " is itself made of parts; name its parts instead");
      } else if (const auto it = stored_part_of.find(code); field == "area_code" && it != stored_part_of.end()) {
        RowProblems{report, *row}.Add(field, code + " is a part of " + it->second + ", so it cannot be made of parts");
      }
    }
    return {};
  });
  if (!checked) return Fail(checked.error());
  if (!report.ok()) return report;

  auto written = database.InTransaction([&](db::Connection& connection) -> Status {
    for (const auto& [area, composition] : compositions) {
      if (auto put = Store::PutComposition(connection, composition, context); !put) return put;
    }
    return {};
  });
  if (!written) return Fail(written.error());
  report.rows_imported = report.rows_read;
  return report;
}

Result<ImportReport> ImportBoundaries(db::Database& database, std::string_view file_name, std::string_view content,
                                      const BoundaryImportOptions& options, const audit::Actor& actor) {
  const audit::Context context{actor};
  ImportReport report;
  report.file = std::string(file_name);
  auto rows = RowsFromFeatures(file_name, content);
  if (!rows) {
    report.problems.push_back({"", "", rows.error().message()});
    return report;
  }
  report.rows_read = static_cast<int>(rows->size());
  struct Boundary {
    std::string code;
    formats::MultiPolygon geometry;
  };
  std::vector<Boundary> boundaries;
  std::map<std::string, std::string> seen;
  auto checked = database.WithConnection([&](db::Connection& connection) -> Status {
    for (SourceRow& row : *rows) {
      const RowProblems problems{report, row};
      const auto code = CodeOfFeature(row);
      if (!code) {
        problems.Add("properties", "no area code (expected a property code, nis_code, CD_REFNIS or shn)");
        continue;
      }
      if (!row.boundary) {
        problems.Add("geometry", row.boundary_error);
        continue;
      }
      auto exists = Store::AreaExists(connection, *code);
      if (!exists) return Fail(exists.error());
      if (!*exists) {
        if (options.skip_unknown) {
          ++report.rows_skipped;
        } else {
          problems.Add("code", "area " + *code + " is not imported (import the areas first, or skip unknown areas)");
        }
        continue;
      }
      if (const auto [it, inserted] = seen.emplace(*code, row.location); !inserted) {
        problems.Add("code", "area " + *code + " already has a boundary in this file (" + it->second + ")");
        continue;
      }
      formats::MultiPolygon geometry =
          options.simplify_meters > 0 ? Simplify(*row.boundary, options.simplify_meters) : std::move(*row.boundary);
      if (const std::string outside = OutsideBelgium(geometry); !outside.empty()) {
        problems.Add("geometry", "area " + *code + ": " + outside);
        continue;
      }
      if (const std::string problem = GeometryProblem(geometry); !problem.empty()) {
        report.warnings.push_back({row.location, "geometry", "area " + *code + ": " + problem});
      }
      boundaries.push_back({*code, std::move(geometry)});
    }
    return {};
  });
  if (!checked) return Fail(checked.error());
  if (!report.ok()) return report;
  auto written = database.InTransaction([&](db::Connection& connection) -> Status {
    for (const Boundary& boundary : boundaries) {
      auto put = Store::PutBoundary(connection, boundary.code, formats::WriteGeometry(boundary.geometry),
                                    AreaKm2(boundary.geometry), options.source, context);
      if (!put) return put;
    }
    return {};
  });
  if (!written) return Fail(written.error());
  report.rows_imported = static_cast<int>(boundaries.size());
  return report;
}

}  // namespace zoneatlas::geo
