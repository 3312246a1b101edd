#include "atlas/export.hpp"

#include <map>

#include "atlas/compare.hpp"
#include "atlas/presentation.hpp"
#include "atlas/zone_data.hpp"
#include "platform/formats/csv.hpp"
#include "platform/formats/xlsx.hpp"

namespace zoneatlas::atlas {
namespace {

using formats::XlsxCell;
using Row = std::vector<XlsxCell>;

// The import layout first, then what helps a reader.
const std::vector<std::string> kColumns = {"area_code",   "indicator", "period",    "value",          "numerator",
                                           "denominator", "level",     "area_name", "indicator_name", "unit",
                                           "status",      "demo",      "source",    "ci_low",         "ci_high",
                                           "unstable"};

XlsxCell Number(const std::optional<double>& value) { return value ? XlsxCell(*value) : XlsxCell(); }

// Text that a spreadsheet would run as a formula ("=HYPERLINK(…)" in an imported name)
// is written as text: a leading apostrophe, as OWASP advises for CSV files.
std::string CsvText(const XlsxCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) {
    if (!text->empty() && std::string_view("=+-@\t\r").find(text->front()) != std::string_view::npos)
      return "'" + *text;
    return *text;
  }
  if (const auto* number = std::get_if<double>(&cell)) return PlainNumber(*number);
  return "";
}

class Rows {
 public:
  Rows(const Catalog& catalog, const view::Catalog& texts, Language language)
      : words_(catalog, texts, language), texts_(texts), language_(language) {}

  Row Make(const Indicator& indicator, const std::string& level, const std::string& code, const std::string& name,
           const std::string& period, const Figure& figure) const {
    std::string status;
    if (figure.value.suppressed) {
      status = texts_.Format(language_, "atlas_csv_suppressed",
                             {{"threshold", std::to_string(indicator.small_count_threshold)}});
    } else if (figure.value.incomplete) {
      status = std::string(texts_.Get(language_, "atlas_csv_incomplete"));
    }
    const bool shown = !figure.value.suppressed;
    // The 95 % interval (atlas/intervals.hpp) where the indicator takes one.
    const auto interval = IntervalOf(indicator, figure);
    return {code,
            indicator.id,
            period,
            shown ? Number(figure.value.value) : XlsxCell(),
            shown ? Number(figure.value.numerator) : XlsxCell(),
            shown ? Number(figure.value.denominator) : XlsxCell(),
            level,
            name,
            indicator.names.In(language_),
            words_.UnitName(indicator),
            status,
            std::string(figure.demo ? "yes" : "no"),
            indicator.source,
            interval ? XlsxCell(interval->low) : XlsxCell(),
            interval ? XlsxCell(interval->high) : XlsxCell(),
            interval ? XlsxCell(std::string(interval->unstable ? "yes" : "no")) : XlsxCell()};
  }

 private:
  Presentation words_;
  const view::Catalog& texts_;
  Language language_;
};

Row Header(const std::vector<std::string>& names) { return Row(names.begin(), names.end()); }

}  // namespace

Result<ExportedFile> ExportZone(const Services& services, const view::Catalog& texts, const std::string& zone_id,
                                Language language, ExportFormat format, const std::string& indicator) {
  if (!indicator.empty() && services.catalog.Find(indicator) == nullptr) {
    return Fail(Error::NotFound("no indicator " + indicator));
  }
  auto data = LoadZone(services, zone_id, language, {});
  if (!data) return Fail(data.error());
  const ObservationIndex index(data->observations);
  const Rows rows(services.catalog, texts, language);
  std::map<std::string, std::vector<Row>> by_group;  // Group id → the members' and region's rows.
  std::vector<Row> zone_rows;
  for (const Indicator& item : services.catalog.indicators()) {
    if (!indicator.empty() && item.id != indicator) continue;
    const Comparison comparison = Compare(item, index, data->Scope());
    for (const std::string& period : comparison.periods) {
      for (const geo::Area& area : data->members) {
        const Figure& figure = comparison.members.at(area.code).at(period);
        if (figure.present) {
          by_group[item.group].push_back(
              rows.Make(item, "municipality", area.code, area.names.In(language), period, figure));
        }
      }
      for (const geo::Area& level : data->levels) {
        if (const Figure figure = comparison.Level(level.code, period); figure.present) {
          by_group[item.group].push_back(rows.Make(item, std::string(geo::AreaKindName(level.kind)), level.code,
                                                   level.names.In(language), period, figure));
        }
      }
      if (data->region && comparison.region.contains(period) && comparison.region.at(period).present) {
        by_group[item.group].push_back(rows.Make(item, "region", data->region->code, data->region->names.In(language),
                                                 period, comparison.region.at(period)));
      }
      if (comparison.zone.contains(period) && comparison.zone.at(period).present) {
        zone_rows.push_back(
            rows.Make(item, "zone", data->zone.id, data->zone.names.In(language), period, comparison.zone.at(period)));
      }
    }
  }
  const std::string stem = "zoneatlas-" + data->zone.id + (indicator.empty() ? "" : "-" + indicator);
  if (format == ExportFormat::kCsv) {
    std::string csv = formats::CsvLine(kColumns);
    for (const Group& group : services.catalog.groups()) {
      for (const Row& row : by_group[group.id]) {
        std::vector<std::string> fields;
        for (const XlsxCell& cell : row) fields.push_back(CsvText(cell));
        csv += formats::CsvLine(fields);
      }
    }
    for (const Row& row : zone_rows) {
      std::vector<std::string> fields;
      for (const XlsxCell& cell : row) fields.push_back(CsvText(cell));
      csv += formats::CsvLine(fields);
    }
    return ExportedFile{stem + ".csv", std::move(csv)};
  }
  const std::vector<double> widths = {11, 24, 9, 12, 12, 12, 13, 24, 40, 24, 30, 6, 50};
  std::vector<formats::XlsxSheet> sheets;
  for (const Group& group : services.catalog.groups()) {
    if (by_group[group.id].empty()) continue;
    formats::XlsxSheet sheet{group.names.In(language), {Header(kColumns)}, widths};
    for (Row& row : by_group[group.id]) sheet.rows.push_back(std::move(row));
    sheets.push_back(std::move(sheet));
  }
  // The zone's figures are computed, not imported: the sheet names its zone, not an area.
  std::vector<std::string> zone_columns = kColumns;
  zone_columns[0] = "zone_id";
  zone_columns[7] = "zone_name";
  formats::XlsxSheet zone{std::string(texts.Get(language, "atlas_zone")), {Header(zone_columns)}, widths};
  for (Row& row : zone_rows) zone.rows.push_back(std::move(row));
  sheets.push_back(std::move(zone));
  formats::XlsxSheet definitions{std::string(texts.Get(language, "atlas_definitions_sheet")),
                                 {Header({"indicator", "group", "indicator_name", "definition", "unit", "kind",
                                          "aggregation", "small_count_threshold", "source", "source_url", "note"})},
                                 {24, 16, 40, 70, 24, 9, 22, 10, 50, 50, 60}};
  const Presentation words(services.catalog, texts, language);
  for (const Indicator& item : services.catalog.indicators()) {
    if (!indicator.empty() && item.id != indicator) continue;
    definitions.rows.push_back(
        {item.id, item.group, item.names.In(language), item.definitions.In(language), words.UnitName(item),
         std::string(KindName(item.kind)), std::string(AggregationName(item.aggregation)),
         static_cast<double>(item.small_count_threshold), item.source, item.source_url, item.note});
  }
  sheets.push_back(std::move(definitions));
  auto bytes = formats::WriteXlsx(sheets);
  if (!bytes) return Fail(bytes.error());
  return ExportedFile{stem + ".xlsx", std::move(*bytes)};
}

}  // namespace zoneatlas::atlas
