#include <expat.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "core/text.hpp"
#include "platform/formats/xlsx.hpp"
#include "platform/formats/zip.hpp"

namespace zoneatlas::formats {
namespace {

// Excel's own limits: columns A to XFD, rows 1 to 1,048,576. A reference beyond them is
// not a workbook Excel wrote, and would size rows without bound.
constexpr std::size_t kMaxColumns = 16384;
constexpr int kMaxRows = 1'048'576;
// What one workbook may hold once read: every stored cell, and every field of the rows
// handed on (a row is as wide as its last cell). Statbel's sector file, the largest
// published table a zone uploads, has about 600,000 fields.
constexpr std::size_t kMaxCells = 4'000'000;
constexpr std::size_t kMaxFields = 8'000'000;
// The text of all cells together, shared strings counted once per cell that uses them.
constexpr std::size_t kMaxTextBytes = std::size_t{256} * 1024 * 1024;
// The parts as inflated, each and all together: a few hundred bytes of zip may inflate to
// gigabytes.
constexpr std::size_t kMaxPartBytes = std::size_t{256} * 1024 * 1024;
constexpr std::size_t kMaxWorkbookBytes = std::size_t{512} * 1024 * 1024;

// Parses XML with expat, calling the handlers with element names as written ("r:id").
class XmlParser {
 public:
  using Attributes = std::map<std::string, std::string>;
  virtual ~XmlParser() = default;

  Status Parse(std::string_view xml, const std::string& part) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
    parser_ = parser.get();
    XML_SetUserData(parser.get(), this);
    XML_SetElementHandler(
        parser.get(),
        [](void* self, const XML_Char* name, const XML_Char** attributes) {
          Attributes map;
          for (int i = 0; attributes[i] != nullptr; i += 2) map[attributes[i]] = attributes[i + 1];
          static_cast<XmlParser*>(self)->Start(name, map);
        },
        [](void* self, const XML_Char* name) { static_cast<XmlParser*>(self)->End(name); });
    XML_SetCharacterDataHandler(parser.get(), [](void* self, const XML_Char* text, int length) {
      static_cast<XmlParser*>(self)->Text(std::string_view(text, static_cast<std::size_t>(length)));
    });
    const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1);
    parser_ = nullptr;
    if (!stopped_because_.empty()) return Fail(Error::InvalidArgument(part + ": " + stopped_because_));
    if (status == XML_STATUS_ERROR) {
      return Fail(Error::InvalidArgument(part + ": line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                                         ": " + XML_ErrorString(XML_GetErrorCode(parser.get()))));
    }
    return {};
  }

 protected:
  virtual void Start(std::string_view name, const Attributes& attributes) = 0;
  virtual void End(std::string_view) {}
  virtual void Text(std::string_view) {}

  // Ends the parse at once: the part goes beyond a limit.
  void Stop(std::string reason) {
    if (!stopped_because_.empty()) return;
    stopped_because_ = std::move(reason);
    XML_StopParser(parser_, XML_FALSE);
  }
  bool stopped() const { return !stopped_because_.empty(); }

 private:
  XML_Parser parser_ = nullptr;
  std::string stopped_because_;
};

struct SheetEntry {
  std::string name;
  std::string relation;
};

class WorkbookParser : public XmlParser {
 public:
  std::vector<SheetEntry> sheets;

 protected:
  void Start(std::string_view name, const Attributes& attributes) override {
    if (name != "sheet") return;
    const auto id = attributes.find("r:id");
    sheets.push_back(
        {attributes.contains("name") ? attributes.at("name") : "", id == attributes.end() ? "" : id->second});
  }
};

class RelationsParser : public XmlParser {
 public:
  std::map<std::string, std::string> targets;

 protected:
  void Start(std::string_view name, const Attributes& attributes) override {
    if (name != "Relationship" || !attributes.contains("Id") || !attributes.contains("Target")) return;
    targets[attributes.at("Id")] = attributes.at("Target");
  }
};

// Shared strings: the text of each <si>, its runs joined, phonetic hints left out.
class SharedStringsParser : public XmlParser {
 public:
  std::vector<std::string> strings;

 protected:
  void Start(std::string_view name, const Attributes&) override {
    if (stopped()) return;
    if (name == "si") {
      if (strings.size() == kMaxCells) {
        Stop("more than " + std::to_string(kMaxCells) + " strings");
        return;
      }
      strings.emplace_back();
    }
    if (name == "t") in_text_ = !in_phonetic_;
    if (name == "rPh") in_phonetic_ = true;
  }
  void End(std::string_view name) override {
    if (name == "t") in_text_ = false;
    if (name == "rPh") in_phonetic_ = false;
  }
  void Text(std::string_view text) override {
    if (!in_text_ || strings.empty() || stopped()) return;
    bytes_ += text.size();
    if (bytes_ > kMaxTextBytes) {
      Stop("more than " + std::to_string(kMaxTextBytes / (1024 * 1024)) + " MiB of text");
      return;
    }
    strings.back() += text;
  }

 private:
  std::size_t bytes_ = 0;
  bool in_text_ = false;
  bool in_phonetic_ = false;
};

// What the workbook has taken so far, against the limits above.
struct WorkbookSize {
  std::size_t inflated_bytes = 0;
  std::size_t text_bytes = 0;
  std::size_t cells = 0;
  std::size_t fields = 0;
};

struct CellPosition {
  std::size_t column = 0;  // 0-based.
  int row = 0;             // 1-based; 0 when the reference names no row.
};

// "BC12" → column 53, row 12; nothing beyond Excel's limits.
std::optional<CellPosition> ParseCellReference(std::string_view reference) {
  CellPosition position;
  std::size_t column = 0, i = 0;
  for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i) {
    column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  for (; i < reference.size() && reference[i] >= '0' && reference[i] <= '9'; ++i) {
    position.row = position.row * 10 + (reference[i] - '0');
    if (position.row > kMaxRows) return std::nullopt;
  }
  position.column = column == 0 ? 0 : column - 1;
  return position;
}

class SheetParser : public XmlParser {
 public:
  SheetParser(const std::vector<std::string>& shared, WorkbookSize& size) : shared_(shared), size_(size) {}
  std::map<int, std::map<std::size_t, std::string>> rows;
  std::vector<std::string> merged;

 protected:
  void Start(std::string_view name, const Attributes& attributes) override {
    if (stopped()) return;
    if (name == "row") {
      const auto r = attributes.find("r");
      if (r == attributes.end()) {
        ++row_;
      } else {
        const auto position = ParseCellReference(r->second);
        row_ = position && position->row > 0 && position->column == 0 ? position->row : kMaxRows + 1;
      }
      if (row_ > kMaxRows) {
        Stop("row " + (r == attributes.end() ? std::to_string(row_) : r->second.substr(0, 20)) +
             " is outside Excel's rows (1 to 1,048,576)");
        return;
      }
      next_column_ = 0;
    } else if (name == "c") {
      const auto r = attributes.find("r");
      if (r != attributes.end()) {
        const auto position = ParseCellReference(r->second);
        if (!position) {
          Stop("cell " + r->second.substr(0, 20) + " is beyond Excel's last column (XFD) or row (1,048,576)");
          return;
        }
        column_ = position->column;
      } else {
        column_ = next_column_;
      }
      if (column_ >= kMaxColumns) {
        Stop("row " + std::to_string(row_) + " has cells beyond Excel's last column (XFD)");
        return;
      }
      next_column_ = column_ + 1;
      const auto t = attributes.find("t");
      type_ = t == attributes.end() ? "n" : t->second;
      value_.clear();
    } else if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      in_value_ = true;
    } else if (name == "mergeCell") {
      if (merged.size() >= kMaxCells) {
        Stop("more than " + std::to_string(kMaxCells) + " merged ranges");
        return;
      }
      if (const auto ref = attributes.find("ref"); ref != attributes.end()) merged.push_back(ref->second);
    }
  }
  void End(std::string_view name) override {
    if (stopped()) return;
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "c") {
      const std::string* text = &value_;
      std::string boolean;
      if (type_ == "s") {
        const auto index = static_cast<std::size_t>(std::atol(value_.c_str()));
        static const std::string kEmpty;
        text = index < shared_.size() && !value_.empty() ? &shared_[index] : &kEmpty;
      } else if (type_ == "b") {
        boolean = value_ == "1" ? "TRUE" : "FALSE";
        text = &boolean;
      }
      if (text->empty()) return;
      size_.text_bytes += text->size();
      if (++size_.cells > kMaxCells || size_.text_bytes > kMaxTextBytes) {
        Stop(size_.cells > kMaxCells
                 ? "more than " + std::to_string(kMaxCells) + " cells"
                 : "more than " + std::to_string(kMaxTextBytes / (1024 * 1024)) + " MiB of text in cells");
        return;
      }
      rows[row_][column_] = *text;
    }
  }
  void Text(std::string_view text) override {
    if (!in_value_ || stopped()) return;
    if (value_.size() + text.size() > kMaxTextBytes) {
      Stop("a cell of more than " + std::to_string(kMaxTextBytes / (1024 * 1024)) + " MiB");
      return;
    }
    value_ += text;
  }

 private:
  const std::vector<std::string>& shared_;
  WorkbookSize& size_;
  int row_ = 0;
  std::size_t column_ = 0, next_column_ = 0;
  std::string type_, value_;
  bool in_value_ = false;
};

// The part's XML; nothing when the workbook has no such part, an error when it is damaged
// or too large.
Result<std::optional<std::string>> ReadPart(ZipArchive& archive, const std::string& name, WorkbookSize& size) {
  const std::size_t left = kMaxWorkbookBytes - size.inflated_bytes;
  auto content = archive.Read(name, std::min(kMaxPartBytes, left));
  if (content) {
    size.inflated_bytes += content->size();
    return std::optional<std::string>(std::move(*content));
  }
  if (content.error().code() == ErrorCode::kNotFound) return std::optional<std::string>();
  if (left < kMaxPartBytes && content.error().message().find("inflates") != std::string::npos) {
    return Fail(Error::InvalidArgument("the workbook's parts inflate to more than " +
                                       std::to_string(kMaxWorkbookBytes / (1024 * 1024)) + " MiB together"));
  }
  return Fail(content.error());
}

// A sheet's rows as a table: the first non-empty row is the header.
Result<CsvTable> TableOf(SheetParser& sheet, WorkbookSize& size) {
  // Each row is as wide as its last cell: count before making them.
  for (const auto& [row, cells] : sheet.rows) {
    size.fields += cells.empty() ? 0 : cells.rbegin()->first + 1;
    if (size.fields > kMaxFields) {
      return Fail(Error::InvalidArgument("row " + std::to_string(row) + ": the workbook's rows hold more than " +
                                         std::to_string(kMaxFields) + " fields (each row as wide as its last cell)"));
    }
  }
  CsvTable table;
  bool header_done = false;
  for (auto& [row, cells] : sheet.rows) {
    if (cells.empty()) continue;
    std::vector<std::string> fields(cells.rbegin()->first + 1);
    for (auto& [column, text] : cells) fields[column] = std::move(text);
    cells.clear();
    if (!header_done) {
      for (std::string& field : fields) field = std::string(text::Trim(field));
      table.header = std::move(fields);
      table.header_line = row;
      header_done = true;
      continue;
    }
    table.records.push_back({row, std::move(fields)});
  }
  return table;
}

}  // namespace

Result<std::vector<XlsxTable>> ReadXlsx(std::string_view bytes) {
  auto archive = ZipArchive::Open(bytes);
  if (!archive)
    return Fail(Error::InvalidArgument("the file is not an .xlsx workbook (" + archive.error().message() + ")"));
  WorkbookSize size;
  auto workbook_xml = ReadPart(**archive, "xl/workbook.xml", size);
  if (!workbook_xml) return Fail(workbook_xml.error());
  auto relations_xml = ReadPart(**archive, "xl/_rels/workbook.xml.rels", size);
  if (!relations_xml) return Fail(relations_xml.error());
  if (!*workbook_xml || !*relations_xml)
    return Fail(Error::InvalidArgument("the file is a zip archive but not an .xlsx workbook"));
  WorkbookParser workbook;
  if (auto parsed = workbook.Parse(**workbook_xml, "xl/workbook.xml"); !parsed) return Fail(parsed.error());
  RelationsParser relations;
  if (auto parsed = relations.Parse(**relations_xml, "xl/_rels/workbook.xml.rels"); !parsed)
    return Fail(parsed.error());
  SharedStringsParser shared;
  auto strings = ReadPart(**archive, "xl/sharedStrings.xml", size);
  if (!strings) return Fail(strings.error());
  if (*strings) {
    if (auto parsed = shared.Parse(**strings, "xl/sharedStrings.xml"); !parsed) return Fail(parsed.error());
    strings->reset();
  }
  std::vector<XlsxTable> tables;
  std::map<std::string, std::string> sheet_of_part;
  for (const SheetEntry& entry : workbook.sheets) {
    const auto target = relations.targets.find(entry.relation);
    if (target == relations.targets.end())
      return Fail(Error::InvalidArgument("sheet '" + entry.name + "' has no part"));
    std::string part = target->second;
    part = part.starts_with('/') ? part.substr(1) : "xl/" + part;
    // Excel gives each sheet a part of its own; a workbook naming one part many times
    // would have it read many times.
    if (const auto [at, added] = sheet_of_part.emplace(part, entry.name); !added) {
      return Fail(
          Error::InvalidArgument("sheets '" + at->second + "' and '" + entry.name + "' are the same part " + part));
    }
    auto xml = ReadPart(**archive, part, size);
    if (!xml) return Fail(Error::InvalidArgument("sheet '" + entry.name + "': " + xml.error().message()));
    if (!*xml) return Fail(Error::InvalidArgument("sheet '" + entry.name + "': " + part + " is missing"));
    SheetParser sheet(shared.strings, size);
    if (auto parsed = sheet.Parse(**xml, "sheet '" + entry.name + "'"); !parsed) return Fail(parsed.error());
    xml->reset();
    auto table = TableOf(sheet, size);
    if (!table) return Fail(Error::InvalidArgument("sheet '" + entry.name + "': " + table.error().message()));
    tables.push_back({entry.name, std::move(*table), std::move(sheet.merged)});
  }
  return tables;
}

}  // namespace zoneatlas::formats
