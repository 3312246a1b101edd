#include <expat.h>

#include <map>
#include <memory>
#include <optional>

#include "platform/formats/xlsx.hpp"
#include "platform/formats/zip.hpp"

namespace zoneatlas::formats {
namespace {

// Parses XML with expat, calling the handlers with element names as written ("r:id").
class XmlParser {
 public:
  using Attributes = std::map<std::string, std::string>;
  virtual ~XmlParser() = default;

  Status Parse(std::string_view xml, const std::string& part) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
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
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR) {
      return Fail(Error::InvalidArgument(part + ": line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                                         ": " + XML_ErrorString(XML_GetErrorCode(parser.get()))));
    }
    return {};
  }

 protected:
  virtual void Start(std::string_view name, const Attributes& attributes) = 0;
  virtual void End(std::string_view) {}
  virtual void Text(std::string_view) {}
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
    if (name == "si") strings.emplace_back();
    if (name == "t") in_text_ = !in_phonetic_;
    if (name == "rPh") in_phonetic_ = true;
  }
  void End(std::string_view name) override {
    if (name == "t") in_text_ = false;
    if (name == "rPh") in_phonetic_ = false;
  }
  void Text(std::string_view text) override {
    if (in_text_ && !strings.empty()) strings.back() += text;
  }

 private:
  bool in_text_ = false;
  bool in_phonetic_ = false;
};

// "BC12" → column 54 (0-based), row 12.
std::pair<std::size_t, int> CellPosition(std::string_view reference) {
  std::size_t column = 0, i = 0;
  for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i)
    column = column * 26 + (reference[i] - 'A' + 1);
  int row = 0;
  for (; i < reference.size() && reference[i] >= '0' && reference[i] <= '9'; ++i) row = row * 10 + (reference[i] - '0');
  return {column == 0 ? 0 : column - 1, row};
}

class SheetParser : public XmlParser {
 public:
  explicit SheetParser(const std::vector<std::string>& shared) : shared_(shared) {}
  std::map<int, std::map<std::size_t, std::string>> rows;
  std::vector<std::string> merged;

 protected:
  void Start(std::string_view name, const Attributes& attributes) override {
    if (name == "row") {
      const auto r = attributes.find("r");
      row_ = r != attributes.end() ? std::atoi(r->second.c_str()) : row_ + 1;
      next_column_ = 0;
    } else if (name == "c") {
      const auto r = attributes.find("r");
      if (r != attributes.end()) {
        column_ = CellPosition(r->second).first;
      } else {
        column_ = next_column_;
      }
      next_column_ = column_ + 1;
      const auto t = attributes.find("t");
      type_ = t == attributes.end() ? "n" : t->second;
      value_.clear();
    } else if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      in_value_ = true;
    } else if (name == "mergeCell") {
      if (const auto ref = attributes.find("ref"); ref != attributes.end()) merged.push_back(ref->second);
    }
  }
  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "c") {
      std::string text = value_;
      if (type_ == "s") {
        const auto index = static_cast<std::size_t>(std::atol(value_.c_str()));
        text = index < shared_.size() && !value_.empty() ? shared_[index] : "";
      } else if (type_ == "b") {
        text = value_ == "1" ? "TRUE" : "FALSE";
      }
      if (!text.empty()) rows[row_][column_] = std::move(text);
    }
  }
  void Text(std::string_view text) override {
    if (in_value_) value_ += text;
  }

 private:
  const std::vector<std::string>& shared_;
  int row_ = 0;
  std::size_t column_ = 0, next_column_ = 0;
  std::string type_, value_;
  bool in_value_ = false;
};

// A part of the workbook, capped: a few hundred bytes of zip may inflate to gigabytes.
constexpr std::size_t kMaxPartBytes = std::size_t{256} * 1024 * 1024;

// The part's XML; nothing when the workbook has no such part, an error when it is damaged
// or too large.
Result<std::optional<std::string>> ReadPart(ZipArchive& archive, const std::string& name) {
  auto content = archive.Read(name, kMaxPartBytes);
  if (content) return std::optional<std::string>(std::move(*content));
  if (content.error().code() == ErrorCode::kNotFound) return std::optional<std::string>();
  return Fail(content.error());
}

}  // namespace

Result<std::vector<XlsxTable>> ReadXlsx(std::string_view bytes) {
  auto archive = ZipArchive::Open(bytes);
  if (!archive)
    return Fail(Error::InvalidArgument("the file is not an .xlsx workbook (" + archive.error().message() + ")"));
  auto workbook_xml = ReadPart(**archive, "xl/workbook.xml");
  if (!workbook_xml) return Fail(workbook_xml.error());
  auto relations_xml = ReadPart(**archive, "xl/_rels/workbook.xml.rels");
  if (!relations_xml) return Fail(relations_xml.error());
  if (!*workbook_xml || !*relations_xml)
    return Fail(Error::InvalidArgument("the file is a zip archive but not an .xlsx workbook"));
  WorkbookParser workbook;
  if (auto parsed = workbook.Parse(**workbook_xml, "xl/workbook.xml"); !parsed) return Fail(parsed.error());
  RelationsParser relations;
  if (auto parsed = relations.Parse(**relations_xml, "xl/_rels/workbook.xml.rels"); !parsed)
    return Fail(parsed.error());
  SharedStringsParser shared;
  auto strings = ReadPart(**archive, "xl/sharedStrings.xml");
  if (!strings) return Fail(strings.error());
  if (*strings) {
    if (auto parsed = shared.Parse(**strings, "xl/sharedStrings.xml"); !parsed) return Fail(parsed.error());
  }
  std::vector<XlsxTable> tables;
  for (const SheetEntry& entry : workbook.sheets) {
    const auto target = relations.targets.find(entry.relation);
    if (target == relations.targets.end())
      return Fail(Error::InvalidArgument("sheet '" + entry.name + "' has no part"));
    std::string part = target->second;
    part = part.starts_with('/') ? part.substr(1) : "xl/" + part;
    auto xml = ReadPart(**archive, part);
    if (!xml) return Fail(Error::InvalidArgument("sheet '" + entry.name + "': " + xml.error().message()));
    if (!*xml) return Fail(Error::InvalidArgument("sheet '" + entry.name + "': " + part + " is missing"));
    SheetParser sheet(shared.strings);
    if (auto parsed = sheet.Parse(**xml, "sheet '" + entry.name + "'"); !parsed) return Fail(parsed.error());
    XlsxTable table;
    table.sheet = entry.name;
    table.merged_ranges = std::move(sheet.merged);
    bool header_done = false;
    for (auto& [row, cells] : sheet.rows) {
      if (cells.empty()) continue;
      std::vector<std::string> fields(cells.rbegin()->first + 1);
      for (auto& [column, text] : cells) fields[column] = std::move(text);
      if (!header_done) {
        for (std::string& field : fields) {
          while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.pop_back();
          while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.erase(0, 1);
        }
        table.table.header = std::move(fields);
        table.table.header_line = row;
        header_done = true;
        continue;
      }
      table.table.records.push_back({row, std::move(fields)});
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace zoneatlas::formats
