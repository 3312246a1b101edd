#include "platform/formats/csv.hpp"

#include <algorithm>
#include <array>
#include <istream>

#include "core/text.hpp"

namespace zoneatlas::formats {
namespace {

char GuessDelimiter(std::string_view data) {
  constexpr std::array<char, 4> kCandidates = {',', ';', '|', '\t'};
  std::array<int, 4> counts{};
  bool quoted = false;
  for (char c : data) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) {
      if (c == kCandidates[i]) ++counts[i];
    }
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < kCandidates.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kCandidates[best];
}

// Splits one logical record (its quoted line breaks included) into fields.
void SplitRecord(std::string_view text, char delimiter, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"' && text::Trim(field).empty()) {
      field.clear();
      quoted = true;
    } else if (c == delimiter) {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
}

// True while `text` has a quote open (an odd number of quote characters).
bool QuoteOpen(std::string_view text) { return std::ranges::count(text, '"') % 2 == 1; }

}  // namespace

Result<bool> CsvReader::ReadRecord(CsvRecord& record) {
  text_.clear();
  std::string line;
  while (std::getline(input_, line)) {
    ++line_;
    if (line_ == 1 && text::StartsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
    if (text::InvalidUtf8Offset(line) != std::string_view::npos) {
      return Fail(Error::InvalidArgument("line " + std::to_string(line_) +
                                         ": the text is not UTF-8 (save the file as \"CSV UTF-8\")"));
    }
    if (text_.empty()) {
      if (text::Trim(line).empty()) continue;
      record.line = line_;
      text_ = std::move(line);
    } else {
      text_ += '\n';
      text_ += line;
    }
    if (!QuoteOpen(text_)) {
      // A Windows line end closes the record; inside quotes it stays, as ParseCsv keeps it.
      if (!text_.empty() && text_.back() == '\r') text_.pop_back();
      if (!delimiter_) delimiter_ = GuessDelimiter(text_);
      SplitRecord(text_, *delimiter_, record.fields);
      return true;
    }
  }
  if (!text_.empty()) {
    return Fail(Error::InvalidArgument("line " + std::to_string(record.line) +
                                       ": a quoted field is not closed (a '\"' is missing)"));
  }
  return false;
}

Result<std::vector<std::string>> CsvReader::Header() {
  CsvRecord record;
  auto read = ReadRecord(record);
  if (!read) return Fail(read.error());
  if (!*read) return Fail(Error::InvalidArgument("the file is empty: expected a header line"));
  std::vector<std::string> header;
  for (const std::string& name : record.fields) header.emplace_back(text::Trim(name));
  return header;
}

Result<bool> CsvReader::Next(CsvRecord& record) { return ReadRecord(record); }

std::optional<std::size_t> CsvTable::Column(std::string_view name) const {
  const std::string wanted = text::AsciiLower(name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (text::AsciiLower(header[i]) == wanted) return i;
  }
  return std::nullopt;
}

std::string_view CsvTable::Field(const CsvRecord& record, std::size_t column) const {
  return column < record.fields.size() ? std::string_view(record.fields[column]) : std::string_view();
}

Result<CsvCursor> CsvCursor::Open(std::string_view data, std::optional<char> delimiter) {
  if (text::StartsWith(data, "\xEF\xBB\xBF")) data.remove_prefix(3);
  if (const std::size_t bad = text::InvalidUtf8Offset(data); bad != std::string_view::npos) {
    const auto line = 1 + std::count(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    return Fail(Error::InvalidArgument("line " + std::to_string(line) +
                                       ": the text is not UTF-8 (save the file as \"CSV UTF-8\")"));
  }
  return CsvCursor(data, delimiter.value_or(GuessDelimiter(data)));
}

Result<bool> CsvCursor::Next(CsvRecord& record) {
  std::vector<std::string>& fields = record.fields;
  const std::size_t size = data_.size();
  while (position_ < size) {
    const int record_line = line_;
    std::size_t count = 0;
    bool was_quoted = false;
    bool record_ended = false;
    while (!record_ended) {
      if (count == fields.size()) fields.emplace_back();
      std::string& field = fields[count++];
      field.clear();
      bool quoted = false;
      int quote_line = 0;
      for (;;) {
        if (position_ >= size) {
          if (quoted) {
            return Fail(Error::InvalidArgument("line " + std::to_string(quote_line) +
                                               ": a quoted field is not closed (a '\"' is missing)"));
          }
          record_ended = true;
          break;
        }
        if (quoted) {
          const std::size_t close = data_.find('"', position_);
          if (close == std::string_view::npos) {
            position_ = size;
            continue;
          }
          const std::string_view part = data_.substr(position_, close - position_);
          line_ += static_cast<int>(std::ranges::count(part, '\n'));
          field.append(part);
          position_ = close + 1;
          if (position_ < size && data_[position_] == '"') {
            field += '"';
            ++position_;
          } else {
            quoted = false;
          }
          continue;
        }
        // Unquoted text runs to the next character that means something.
        std::size_t end = position_;
        while (end < size) {
          const char c = data_[end];
          if (c == delimiter_ || c == '\n' || c == '\r' || c == '"') break;
          ++end;
        }
        field.append(data_.substr(position_, end - position_));
        position_ = end;
        if (end == size) continue;
        const char c = data_[end];
        ++position_;
        if (c == '"') {
          // A quote opens a quoted field only at its start (spaces before it aside).
          if (text::Trim(field).empty()) {
            field.clear();
            quoted = true;
            was_quoted = true;
            quote_line = line_;
          } else {
            field += '"';
          }
        } else if (c == delimiter_) {
          break;
        } else if (c == '\r') {
          if (position_ >= size || data_[position_] != '\n') field += '\r';
        } else {
          ++line_;
          record_ended = true;
          break;
        }
      }
    }
    fields.resize(count);
    if (count == 1 && fields[0].empty() && !was_quoted) continue;  // A blank line.
    record.line = record_line;
    return true;
  }
  return false;
}

Result<CsvTable> ParseCsv(std::string_view data, std::optional<char> delimiter) {
  auto cursor = CsvCursor::Open(data, delimiter);
  if (!cursor) return Fail(cursor.error());
  CsvTable table;
  table.delimiter = cursor->delimiter();
  CsvRecord record;
  auto read = cursor->Next(record);
  if (!read) return Fail(read.error());
  if (!*read) return Fail(Error::InvalidArgument("the file is empty: expected a header line"));
  for (const std::string& name : record.fields) table.header.emplace_back(text::Trim(name));
  table.header_line = record.line;
  for (;;) {
    CsvRecord next;
    read = cursor->Next(next);
    if (!read) return Fail(read.error());
    if (!*read) break;
    table.records.push_back(std::move(next));
  }
  return table;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos && field == text::Trim(field)) {
      line += field;
      continue;
    }
    line += '"';
    for (char c : field) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  line += '\n';
  return line;
}

namespace {

bool StartsAFormula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

std::string SpreadsheetSafe(std::string_view cell) {
  if (cell.empty() || !StartsAFormula(cell.front())) return std::string(cell);
  // A signed number or a phone number holds nothing a spreadsheet could run.
  const bool number = (cell.front() == '+' || cell.front() == '-') && cell.size() > 1 &&
                      cell.find_first_not_of("0123456789 .,/()", 1) == std::string_view::npos;
  return number ? std::string(cell) : "'" + std::string(cell);
}

std::string_view FromSpreadsheetSafe(std::string_view cell) {
  return cell.size() > 1 && cell.front() == '\'' && StartsAFormula(cell[1]) ? cell.substr(1) : cell;
}

std::string SpreadsheetCsvLine(const std::vector<std::string>& fields) {
  std::vector<std::string> safe;
  safe.reserve(fields.size());
  for (const std::string& field : fields) safe.push_back(SpreadsheetSafe(field));
  return CsvLine(safe);
}

}  // namespace zoneatlas::formats
