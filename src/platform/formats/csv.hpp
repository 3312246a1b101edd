// platform/formats/csv.hpp: reading delimited text (RFC 4180 and what Excel and Statbel
// actually write).
//
// Accepts a UTF-8 byte order mark, CRLF or LF line ends, quoted fields with doubled
// quotes and line breaks inside, and ',', ';', '|' or tab as the delimiter (guessed from
// the header line unless given). Each record keeps the line number it starts on, so an
// importer can say "line 12, column population".
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_PLATFORM_FORMATS_CSV_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_CSV_HPP_

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace zoneatlas::formats {

struct CsvRecord {
  int line = 0;  // 1-based line of the record's first character.
  std::vector<std::string> fields;
};

class CsvTable {
 public:
  std::vector<std::string> header;  // Trimmed column names.
  int header_line = 1;              // The line (or sheet row) the header is on.
  std::vector<CsvRecord> records;   // Data records, blank lines left out.
  char delimiter = ',';

  // Returns the index of the column named `name` (case-insensitively), if present.
  std::optional<std::size_t> Column(std::string_view name) const;
  // Returns the field of `record` in column `column`, or "" when the record is short.
  std::string_view Field(const CsvRecord& record, std::size_t column) const;
};

// Parses `data`; the first record is the header. Returns kInvalidArgument, naming the
// line, for an unterminated quote, invalid UTF-8, or an empty file.
Result<CsvTable> ParseCsv(std::string_view data, std::optional<char> delimiter = std::nullopt);

// Reads records one at a time from text already in memory, for files of millions of rows:
// only the record in hand is held as fields, and its strings are reused from one record
// to the next. The same dialect and errors as ParseCsv.
class CsvCursor {
 public:
  // Checks that the text is UTF-8 (naming the line if not) and guesses the delimiter.
  // REQUIRES: `data` outlives the cursor.
  static Result<CsvCursor> Open(std::string_view data, std::optional<char> delimiter = std::nullopt);

  // The next record (blank lines skipped) into `record`; false at the end of the text.
  // Returns kInvalidArgument, naming the line, for an unclosed quote.
  Result<bool> Next(CsvRecord& record);
  char delimiter() const { return delimiter_; }
  // How much of the text has been read, for progress.
  std::size_t offset() const { return position_; }
  std::size_t size() const { return data_.size(); }

 private:
  CsvCursor(std::string_view data, char delimiter) : data_(data), delimiter_(delimiter) {}
  std::string_view data_;
  char delimiter_;
  std::size_t position_ = 0;
  int line_ = 1;
};

// Reads a delimited file record by record, for files too large to hold: the same
// dialect as ParseCsv, one logical record (quoted line breaks included) at a time.
class CsvReader {
 public:
  // REQUIRES: `input` outlives the reader.
  explicit CsvReader(std::istream& input, std::optional<char> delimiter = std::nullopt)
      : input_(input), delimiter_(delimiter) {}

  // Reads the header line. Returns kInvalidArgument for an empty file or bad text.
  Result<std::vector<std::string>> Header();
  // The next data record into `record` (blank lines skipped); false at the end of the
  // file. Returns kInvalidArgument, naming the line, for invalid UTF-8 or an unclosed
  // quote. REQUIRES: Header() was read.
  Result<bool> Next(CsvRecord& record);
  char delimiter() const { return delimiter_.value_or(','); }

 private:
  Result<bool> ReadRecord(CsvRecord& record);
  std::istream& input_;
  std::optional<char> delimiter_;
  int line_ = 0;
  std::string text_;
};

// Returns one CSV record with a line feed, quoting fields that need it.
std::string CsvLine(const std::vector<std::string>& fields);

// A cell that a spreadsheet opens as text, never as a formula: text starting with = + - @
// (or a tab or carriage return) gets a leading apostrophe — except numbers and phone
// numbers ("+32 2 373 73 11", "-12,5"), which are data.
std::string SpreadsheetSafe(std::string_view cell);
// The cell as it was before SpreadsheetSafe, for reading such a file back.
std::string_view FromSpreadsheetSafe(std::string_view cell);
// CsvLine with every field SpreadsheetSafe: for files of text people wrote that others
// open in a spreadsheet.
std::string SpreadsheetCsvLine(const std::vector<std::string>& fields);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_CSV_HPP_
