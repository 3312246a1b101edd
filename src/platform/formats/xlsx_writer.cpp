#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/temp_file.hpp"
#include "platform/formats/xlsx.hpp"

namespace zoneatlas::formats {
namespace {

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\ .
std::string SheetName(const std::string& wanted, std::size_t index) {
  std::string name;
  for (char c : wanted) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  if (name.size() > 31) {
    name.resize(31);
    while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
    if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0x80) != 0) name.pop_back();
  }
  return name.empty() ? "Sheet" + std::to_string(index + 1) : name;
}

}  // namespace

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets) {
  // libxlsxwriter 1.1.4 writes to a file only: a private temporary file, read back.
  auto file = TempFile::Create(".xlsx");
  if (!file) return Fail(file.error());
  const std::filesystem::path& path = file->path();
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr)
    return Fail(Error::Unavailable("cannot create a workbook in " + path.parent_path().string()));
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  format_set_text_wrap(bold);
  for (std::size_t index = 0; index < sheets.size(); ++index) {
    const XlsxSheet& sheet = sheets[index];
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, SheetName(sheet.name, index).c_str());
    if (worksheet == nullptr) {
      workbook_close(workbook);
      return Fail(Error::InvalidArgument("sheet name '" + sheet.name + "' is used twice"));
    }
    for (std::size_t column = 0; column < sheet.column_widths.size(); ++column) {
      worksheet_set_column(worksheet, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column),
                           sheet.column_widths[column], nullptr);
    }
    if (!sheet.rows.empty()) worksheet_freeze_panes(worksheet, 1, 0);
    for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
      lxw_format* format = row == 0 ? bold : nullptr;
      for (std::size_t column = 0; column < sheet.rows[row].size(); ++column) {
        const auto r = static_cast<lxw_row_t>(row);
        const auto c = static_cast<lxw_col_t>(column);
        const XlsxCell& cell = sheet.rows[row][column];
        if (const auto* text = std::get_if<std::string>(&cell)) {
          worksheet_write_string(worksheet, r, c, text->c_str(), format);
        } else if (const auto* number = std::get_if<double>(&cell)) {
          worksheet_write_number(worksheet, r, c, *number, format);
        }
      }
    }
  }
  const lxw_error closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) {
    return Fail(Error::Unavailable(std::string("cannot write the workbook: ") + lxw_strerror(closed)));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool LooksLikeXlsx(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

}  // namespace zoneatlas::formats
