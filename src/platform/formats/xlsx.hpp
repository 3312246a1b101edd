// platform/formats/xlsx.hpp: reading and writing Excel workbooks (.xlsx).
//
// Writing uses libxlsxwriter; reading unzips with minizip and parses the sheets with
// expat, taking what an importer needs: each sheet's cells as text, the way a CSV file
// would have them (numbers in full precision, shared and inline strings, merged
// ranges noted), so that one importer serves both formats.
//
// Thread safety: pure functions (temporary files are private to each call).
#ifndef ZONEATLAS_PLATFORM_FORMATS_XLSX_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_XLSX_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "platform/formats/csv.hpp"

namespace zoneatlas::formats {

using XlsxCell = std::variant<std::monostate, std::string, double>;

struct XlsxSheet {
  std::string name;  // At most 31 characters, none of []:*?/\ (shortened and replaced if needed).
  std::vector<std::vector<XlsxCell>> rows;  // The first row is written bold and stays in view.
  std::vector<double> column_widths;        // In characters; missing columns keep Excel's default.
};

// The workbook's bytes.
Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets);

struct XlsxTable {
  std::string sheet;
  CsvTable table;  // The first non-empty row is the header; `line` is the sheet's row number.
  std::vector<std::string> merged_ranges;  // "A1:E1": the value is in the top-left cell only.
};

// Every sheet of the workbook, in order. kInvalidArgument names what is wrong: not a
// zip archive, not a workbook, an unreadable sheet.
Result<std::vector<XlsxTable>> ReadXlsx(std::string_view bytes);

// True when `bytes` start like a zip archive (an .xlsx file).
bool LooksLikeXlsx(std::string_view bytes);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_XLSX_HPP_
