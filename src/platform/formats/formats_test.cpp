#include <gtest/gtest.h>

#include <sstream>

#include "platform/formats/csv.hpp"
#include "platform/formats/geojson.hpp"
#include "platform/formats/qr_code.hpp"
#include "platform/formats/svg_chart.hpp"
#include "platform/formats/svg_map.hpp"
#include "platform/formats/xlsx.hpp"
#include "tests/support/zip_file.hpp"

namespace zoneatlas::formats {
namespace {

// Text people wrote (an accessibility report, a service's description) opened in Excel
// must never run as a formula; numbers and phone numbers stay what they are.
TEST(CsvTest, CellsThatWouldRunAsFormulasAreNeutralisedAndReadBack) {
  EXPECT_EQ(SpreadsheetSafe("=HYPERLINK(\"http://evil.example\",\"klik\")"),
            "'=HYPERLINK(\"http://evil.example\",\"klik\")");
  EXPECT_EQ(SpreadsheetSafe("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(SpreadsheetSafe("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(SpreadsheetSafe("+32 2 373 73 11"), "+32 2 373 73 11");
  EXPECT_EQ(SpreadsheetSafe("-12,5"), "-12,5");
  EXPECT_EQ(SpreadsheetSafe("Voedselbedeling"), "Voedselbedeling");
  EXPECT_EQ(SpreadsheetSafe("\tx"), "'\tx");
  for (const std::string cell : {"=1+1", "@x", "+32 2 373 73 11", "'quoted by the author", "-"}) {
    EXPECT_EQ(FromSpreadsheetSafe(SpreadsheetSafe(cell)), cell);
  }
  EXPECT_EQ(SpreadsheetCsvLine({"=1+1", "a,b"}), "'=1+1,\"a,b\"\n");
}

TEST(CsvTest, ReadsExcelStyleSemicolonsWithBomAndCrlf) {
  auto table = ParseCsv(
      "\xEF\xBB\xBF"
      "code;name_nl;name_fr\r\n23101;Sint-Genesius-Rode;\"Rhode-Saint-Gen\xC3\xA8se\"\r\n");
  ASSERT_TRUE(table) << table.error().message();
  EXPECT_EQ(table->delimiter, ';');
  ASSERT_EQ(table->header.size(), 3u);
  EXPECT_EQ(table->header[0], "code");
  ASSERT_EQ(table->records.size(), 1u);
  EXPECT_EQ(table->records[0].line, 2);
  EXPECT_EQ(table->Field(table->records[0], *table->Column("NAME_FR")), "Rhode-Saint-Gen\xC3\xA8se");
}

TEST(CsvTest, KeepsLineNumbersAcrossQuotedLineBreaksAndBlankLines) {
  auto table = ParseCsv("a,b\n1,\"two\nlines\"\n\n3,\"say \"\"hi\"\"\"\n");
  ASSERT_TRUE(table);
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].fields[1], "two\nlines");
  EXPECT_EQ(table->records[1].line, 5);
  EXPECT_EQ(table->records[1].fields[1], "say \"hi\"");
}

TEST(CsvTest, ReadsStatbelPipes) {
  auto table = ParseCsv("LVL_REFNIS|CD_REFNIS|TX_REFNIS_NL\n4|23064|Pepingen\n");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->delimiter, '|');
  EXPECT_EQ(table->records[0].fields[2], "Pepingen");
}

TEST(CsvTest, NamesTheLineOfAnUnclosedQuoteOrBadEncoding) {
  auto unclosed = ParseCsv("a,b\n1,2\n3,\"open\n4,5\n");
  ASSERT_FALSE(unclosed);
  EXPECT_NE(unclosed.error().message().find("line 3"), std::string::npos) << unclosed.error().message();
  auto latin1 = ParseCsv("a,b\n1,2\n3,Gen\xE8se\n");
  ASSERT_FALSE(latin1);
  EXPECT_NE(latin1.error().message().find("line 3"), std::string::npos) << latin1.error().message();
  EXPECT_FALSE(ParseCsv(""));
}

TEST(CsvTest, WritesWhatItReads) {
  const std::vector<std::string> fields = {"21004", "Brussel, stad", "say \"hi\"", " padded", ""};
  auto table = ParseCsv("h1,h2,h3,h4,h5\n" + CsvLine(fields));
  ASSERT_TRUE(table);
  EXPECT_EQ(table->records[0].fields, fields);
}

// The cursor reuses one record's storage: a short record after a long one must not keep
// the long one's last fields, and a last line without a line end is still a record.
TEST(CsvCursorTest, ReadsRecordsOneAtATimeWithoutKeepingTheLastOnesFields) {
  const std::string data = "a,b,c\n1,2,3\n\n\"x\ny\",\"\"\n  \"q\"\"\" ,z\r\nlast,\r";
  auto cursor = CsvCursor::Open(data);
  ASSERT_TRUE(cursor) << cursor.error().message();
  CsvRecord record;
  std::vector<std::pair<int, std::vector<std::string>>> read;
  for (;;) {
    auto next = cursor->Next(record);
    ASSERT_TRUE(next) << next.error().message();
    if (!*next) break;
    read.emplace_back(record.line, record.fields);
  }
  const std::vector<std::pair<int, std::vector<std::string>>> expected = {
      {1, {"a", "b", "c"}}, {2, {"1", "2", "3"}}, {4, {"x\ny", ""}}, {6, {"q\" ", "z"}}, {7, {"last", "\r"}}};
  EXPECT_EQ(read, expected);
  EXPECT_EQ(cursor->offset(), cursor->size());
  auto unclosed = CsvCursor::Open("a\n\"open\n");
  ASSERT_TRUE(unclosed);
  ASSERT_TRUE(unclosed->Next(record).value_or(false));
  auto broken = unclosed->Next(record);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message().find("line 2"), std::string::npos) << broken.error().message();
}

constexpr const char* kSquare =
    R"({"type":"Polygon","coordinates":[[[4.0,50.0],[4.1,50.0],[4.1,50.1],[4.0,50.1],[4.0,50.0]]]})";

// The streaming reader reads what ParseCsv reads, a record at a time.
TEST(CsvReaderTest, ReadsRecordByRecordAsParseCsvDoes) {
  const std::string data =
      "\xEF\xBB\xBFhousehold_id;person_id;note\r\n"
      "h1;p1;\"two\r\nlines\"\r\n"
      "\r\n"
      "h2;p2;\"a \"\"quote\"\"\"\r\n";
  std::istringstream input(data);
  CsvReader reader(input);
  auto header = reader.Header();
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(*header, (std::vector<std::string>{"household_id", "person_id", "note"}));
  EXPECT_EQ(reader.delimiter(), ';');
  auto table = ParseCsv(data);
  ASSERT_TRUE(table.has_value());
  CsvRecord record;
  for (const CsvRecord& expected : table->records) {
    auto next = reader.Next(record);
    ASSERT_TRUE(next.has_value() && *next);
    EXPECT_EQ(record.line, expected.line);
    EXPECT_EQ(record.fields, expected.fields);
  }
  auto end = reader.Next(record);
  ASSERT_TRUE(end.has_value());
  EXPECT_FALSE(*end);
}

TEST(CsvReaderTest, NamesTheLineOfAnUnclosedQuoteOrBadEncoding) {
  std::istringstream unclosed("a,b\n1,2\n3,\"four\n5,6\n");
  CsvReader reader(unclosed);
  ASSERT_TRUE(reader.Header().has_value());
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record).value_or(false));
  auto broken = reader.Next(record);
  ASSERT_FALSE(broken.has_value());
  EXPECT_NE(broken.error().message().find("line 3"), std::string::npos) << broken.error().message();
  std::istringstream latin1("a,b\n1,caf\xE9\n");
  CsvReader bad(latin1);
  ASSERT_TRUE(bad.Header().has_value());
  auto encoded = bad.Next(record);
  ASSERT_FALSE(encoded.has_value());
  EXPECT_NE(encoded.error().message().find("line 2"), std::string::npos);
  std::istringstream empty("");
  EXPECT_FALSE(CsvReader(empty).Header().has_value());
}

TEST(GeoJsonTest, ReadsPolygonsMultiPolygonsAndCollections) {
  auto features = ParseFeatures(
      std::string(R"({"type":"FeatureCollection","features":[)") +
      R"({"type":"Feature","properties":{"code":"23064","population":4537,"x":null},"geometry":)" + kSquare + "}," +
      R"({"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[)" + kSquare + "," +
      kSquare + "]}}]}");
  ASSERT_TRUE(features) << features.error().message();
  ASSERT_EQ(features->size(), 2u);
  EXPECT_EQ((*features)[0].properties.at("code"), "23064");
  EXPECT_EQ((*features)[0].properties.at("population"), "4537");
  EXPECT_FALSE((*features)[0].properties.contains("x"));
  ASSERT_TRUE((*features)[1].geometry);
  EXPECT_EQ((*features)[1].geometry->size(), 2u);
}

TEST(GeoJsonTest, ReportsBadGeometryPerFeature) {
  auto features = ParseFeatures(
      R"({"type":"FeatureCollection","features":[)"
      R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[4,50]}},)"
      R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[4,50],[5,50],[5,51],[4,50.5]]]}},)"
      R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[150000,170000],[150100,170000],[150100,170100],[150000,170000]]]}},)"
      R"({"type":"Feature","properties":{},"geometry":null}]})");
  ASSERT_TRUE(features);
  EXPECT_NE((*features)[0].geometry_error.find("Point"), std::string::npos);
  EXPECT_NE((*features)[1].geometry_error.find("not closed"), std::string::npos);
  EXPECT_NE((*features)[2].geometry_error.find("Lambert"), std::string::npos);
  EXPECT_NE((*features)[3].geometry_error.find("no geometry"), std::string::npos);
}

TEST(GeoJsonTest, NamesTheLineOfInvalidJson) {
  auto features = ParseFeatures("{\"type\": \"FeatureCollection\",\n\"features\": [\n{,}]}");
  ASSERT_FALSE(features);
  EXPECT_NE(features.error().message().find("line 3"), std::string::npos) << features.error().message();
  EXPECT_FALSE(ParseFeatures(R"({"type":"Topology"})"));
}

TEST(GeoJsonTest, WritesWhatItReads) {
  auto geometry = ParseGeometry(kSquare);
  ASSERT_TRUE(geometry);
  auto again = ParseGeometry(WriteGeometry(*geometry));
  ASSERT_TRUE(again);
  EXPECT_DOUBLE_EQ((*again)[0][0][2].lon, 4.1);
  EXPECT_DOUBLE_EQ((*again)[0][0][2].lat, 50.1);
}

TEST(SvgMapTest, LinksEachShapeAndEscapesEveryText) {
  auto geometry = ParseGeometry(kSquare);
  ASSERT_TRUE(geometry);
  const std::string svg = RenderSvgMap({{"Sint-Genesius-Rode <&>", "/nl/areas/23101?a=1&b=2", *geometry, false, 0, ""},
                                        {"Deel", "", *geometry, true, 0, ""}},
                                       {.id = "m", .title = "Kaart \"x\"", .description = "d", .width = 300});
  EXPECT_NE(svg.find(R"(<a href="/nl/areas/23101?a=1&amp;b=2" aria-label="Sint-Genesius-Rode &lt;&amp;&gt;">)"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find(R"(<title id="m-title">Kaart &quot;x&quot;</title>)"), std::string::npos);
  EXPECT_NE(svg.find("url(#m-partial)"), std::string::npos);
  EXPECT_EQ(svg.find("<&>"), std::string::npos);
  EXPECT_EQ(RenderSvgMap({}, {}), "");
}

}  // namespace
}  // namespace zoneatlas::formats

namespace zoneatlas::formats {
namespace {

TEST(SvgMapTest, AChoroplethShadesShapesAndReadsOutTheirValues) {
  auto geometry = ParseGeometry(kSquare);
  ASSERT_TRUE(geometry);
  const std::string svg = RenderSvgMap({{"Halle", "/nl/areas/23027", *geometry, false, 4, "Halle: 21,4 %"}},
                                       {.id = "c", .title = "t", .description = "d", .width = 300});
  EXPECT_NE(svg.find("area-map__shape--q4"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(aria-label="Halle: 21,4 %")"), std::string::npos) << svg;
}

TEST(SvgChartTest, ASparklineRisesWithItsValuesAndSaysThemAloud) {
  const std::string svg = Sparkline({10, std::nullopt, 20}, "2022: 10, 2024: 20");
  EXPECT_NE(svg.find(R"(aria-label="2022: 10, 2024: 20")"), std::string::npos) << svg;
  // Lowest value at the bottom (y = 19), highest at the top (y = 3); the gap is skipped.
  EXPECT_NE(svg.find(R"(points="3.0,19.0 77.0,3.0")"), std::string::npos) << svg;
  EXPECT_EQ(Sparkline({5}, "one"), "") << "a single period is not a trend";
}

TEST(SvgChartTest, BarsAreProportionalAndEveryTextIsEscaped) {
  const std::string svg =
      BarChart({{"A & B", 50, "50 %", ""}, {"Zone", 100, "100 %", "zone"}, {"Leeg", std::nullopt, "–", ""}},
               {.id = "b", .title = "T <x>", .description = "d", .width = 640});
  // The plot runs from x = 240 over 320 units: 50 of 100 is 160 wide, 100 is 320.
  EXPECT_NE(svg.find(R"(width="160.0")"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(width="320.0")"), std::string::npos) << svg;
  EXPECT_NE(svg.find("bar-chart__bar--zone"), std::string::npos);
  EXPECT_NE(svg.find("A &amp; B"), std::string::npos);
  EXPECT_NE(svg.find("T &lt;x&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<a "), std::string::npos) << "an image holds no links";
}

TEST(SvgChartTest, AnIntervalIsAWhiskerAndTheScaleMakesRoomForIt) {
  const std::string svg = BarChart({{"Linkebeek", 40, "40", "", 20, 80}, {"Zone", 60, "60", "zone", 55, 65}},
                                   {.id = "w", .title = "t", .description = "d", .width = 640});
  // The scale runs to the highest whisker (80 over 320 units): 20–80 spans x = 320 to 560,
  // with end caps 5 above and below the bar's middle (y = 6 + 13).
  EXPECT_NE(svg.find(R"(d="M320.0 19.0H560.0M320.0 14.0V24.0M560.0 14.0V24.0")"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(x="566.0" y="22.9" class="bar-chart__value">40<)"), std::string::npos)
      << "the value stands after the whisker, not on it";
  EXPECT_EQ(BarChart({{"A", 1, "1", ""}}, {}).find("bar-chart__whisker"), std::string::npos) << "none without one";
}

TEST(SvgChartTest, ALineChartDrawsEachSeriesAndItsRange) {
  const std::string svg = LineChart({"2022", "2023", "2024"},
                                    {{"Zone", {1, 2, 3}, "zone"}, {"Vlaams Gewest", {2, std::nullopt, 2}, "region"}},
                                    "1", "3", {.id = "l", .title = "t", .description = "d", .width = 640});
  EXPECT_NE(svg.find("line-chart__line--zone"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">Vlaams Gewest<"), std::string::npos);
  EXPECT_NE(svg.find(">2023<"), std::string::npos);
  EXPECT_EQ(LineChart({"2022"}, {{"Zone", {std::nullopt}, ""}}, "", "", {}), "") << "nothing to draw";
}

}  // namespace
}  // namespace zoneatlas::formats

namespace zoneatlas::formats {
namespace {

TEST(XlsxTest, WhatIsWrittenReadsBackAsTablesOfText) {
  const auto bytes =
      WriteXlsx({{"Demografie",
                  {{std::string("area_code"), std::string("indicator"), std::string("period"), std::string("value")},
                   {std::string("23064"), std::string("pop_total"), 2024.0, 4650.0},
                   {std::string("23027"), std::monostate{}, 2024.0, 0.1234567890123}},
                  {20, 30}},
                 {"Ge[le]ide: 2/3", {{std::string("only")}}, {}}});
  ASSERT_TRUE(bytes) << bytes.error().message();
  EXPECT_TRUE(LooksLikeXlsx(*bytes));
  const auto tables = ReadXlsx(*bytes);
  ASSERT_TRUE(tables) << tables.error().message();
  ASSERT_EQ(tables->size(), 2u);
  const CsvTable& first = (*tables)[0].table;
  EXPECT_EQ((*tables)[0].sheet, "Demografie");
  EXPECT_EQ(first.header, (std::vector<std::string>{"area_code", "indicator", "period", "value"}));
  ASSERT_EQ(first.records.size(), 2u);
  EXPECT_EQ(first.records[0].line, 2);
  EXPECT_EQ(first.records[0].fields, (std::vector<std::string>{"23064", "pop_total", "2024", "4650"}));
  EXPECT_EQ(first.records[1].fields[1], "") << "an empty cell stays empty";
  EXPECT_EQ(std::stod(first.records[1].fields[3]), 0.1234567890123) << "numbers keep their precision";
  EXPECT_EQ((*tables)[1].sheet, "Ge-le-ide- 2-3") << "characters Excel forbids in sheet names are replaced";
}

TEST(XlsxTest, AFileThatIsNoWorkbookIsRefusedWithAReason) {
  const auto text = ReadXlsx("area_code,indicator\n23064,pop_total\n");
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message().find("not an .xlsx workbook"), std::string::npos) << text.error().message();
  EXPECT_FALSE(LooksLikeXlsx("area_code,indicator\n"));
}

// A workbook as Excel lays it out, with the given sheets' XML (and shared strings).
std::string Workbook(const std::vector<std::string>& sheets, const std::string& shared_strings = "",
                     bool one_part_for_all = false) {
  std::string workbook = "<workbook xmlns:r=\"r\"><sheets>";
  std::string relations = "<Relationships>";
  std::vector<std::pair<std::string, std::string>> parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"Blad" + n + "\" r:id=\"rId" + n + "\"/>";
    const std::string part = "worksheets/sheet" + (one_part_for_all ? std::string("1") : n) + ".xml";
    relations += "<Relationship Id=\"rId" + n + "\" Target=\"" + part + "\"/>";
    if (!one_part_for_all || i == 0)
      parts.emplace_back("xl/" + part, "<worksheet><sheetData>" + sheets[i] + "</sheetData></worksheet>");
  }
  parts.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", relations + "</Relationships>");
  if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", "<sst>" + shared_strings + "</sst>");
  return testing::Zip(parts);
}

std::string Refusal(const std::string& bytes) {
  const auto tables = ReadXlsx(bytes);
  return tables ? "read" : tables.error().message();
}

TEST(XlsxTest, ACellBeyondExcelsLastColumnOrRowIsRefusedNotSizedInMemory) {
  // The 766-byte workbook of the security review: cells addressed AAAAAA2… made the reader
  // size a row of 8 million columns per cell.
  std::string cells;
  for (int row = 2; row < 200; ++row)
    cells += "<row r=\"" + std::to_string(row) + "\"><c r=\"AAAAAA" + std::to_string(row) + "\"><v>1</v></c></row>";
  const std::string refused = Refusal(Workbook({"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + cells}));
  EXPECT_NE(refused.find("sheet 'Blad1': cell AAAAAA2 is beyond Excel's last column (XFD)"), std::string::npos)
      << refused;
  EXPECT_NE(Refusal(Workbook({"<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>"})).find("1,048,576"),
            std::string::npos);
  EXPECT_NE(Refusal(Workbook({"<row r=\"99999999999999999999\"><c><v>1</v></c></row>"})).find("1,048,576"),
            std::string::npos);
  // The last column and row Excel has are read.
  const auto edge =
      ReadXlsx(Workbook({"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                         "<row r=\"1048576\"><c r=\"XFD1048576\"><v>7</v></c></row>"}));
  ASSERT_TRUE(edge) << edge.error().message();
  ASSERT_EQ((*edge)[0].table.records.size(), 1u);
  EXPECT_EQ((*edge)[0].table.records[0].line, 1048576);
  EXPECT_EQ((*edge)[0].table.records[0].fields.size(), 16384u);
  EXPECT_EQ((*edge)[0].table.records[0].fields.back(), "7");
}

TEST(XlsxTest, RowsThatWouldBeWideOnlyInMemoryAreBounded) {
  // Each row holds one cell, in column XFD: a few bytes of XML, 16,384 fields once read.
  std::string rows;
  for (int row = 1; row <= 600; ++row)
    rows += "<row r=\"" + std::to_string(row) + "\"><c r=\"XFD" + std::to_string(row) + "\"><v>1</v></c></row>";
  const std::string refused = Refusal(Workbook({rows}));
  EXPECT_NE(refused.find("more than 8000000 fields"), std::string::npos) << refused;
}

TEST(XlsxTest, ASharedStringUsedByManyCellsCountsOncePerCell) {
  // One string of 1 MiB, used by 300 cells: 300 MiB once every cell holds its text.
  std::string cells;
  for (int row = 1; row <= 300; ++row)
    cells += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) + "\" t=\"s\"><v>0</v></c></row>";
  const std::string refused = Refusal(Workbook({cells}, "<si><t>" + std::string(1024 * 1024, 'x') + "</t></si>"));
  EXPECT_NE(refused.find("MiB of text in cells"), std::string::npos) << refused;
}

TEST(XlsxTest, ASheetPartNamedByManySheetsIsReadOnce) {
  const std::string refused =
      Refusal(Workbook({"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", "", "", ""}, "", /*one_part_for_all=*/true));
  EXPECT_NE(refused.find("sheets 'Blad1' and 'Blad2' are the same part xl/worksheets/sheet1.xml"), std::string::npos)
      << refused;
}

}  // namespace
}  // namespace zoneatlas::formats

namespace zoneatlas::formats {
namespace {

TEST(QrCodeTest, AnAddressBecomesAScannableSquareWithItsFinderPatterns) {
  auto svg = QrCodeSvg("https://zoneatlas.example/nl/social-map/services/demo-food-aid-23027", "Voedselbedeling Halle");
  ASSERT_TRUE(svg) << svg.error().message();
  // 67 bytes at level M need version 5: 37 modules, plus a quiet zone of 4 on each side.
  EXPECT_NE(svg->find("viewBox=\"0 0 45 45\""), std::string::npos) << svg->substr(0, 300);
  // The top-left finder pattern: a full row of 7 dark modules where the code starts.
  EXPECT_NE(svg->find("d=\"M4 4h7v1h-7z"), std::string::npos);
  EXPECT_NE(svg->find("aria-label=\"Voedselbedeling Halle\""), std::string::npos);
  EXPECT_NE(QrCodeSvg("x", "a \"quoted\" <name>")->find("aria-label=\"a &quot;quoted&quot; &lt;name&gt;\""),
            std::string::npos);
  EXPECT_FALSE(QrCodeSvg(std::string(5000, 'x'), "too long"));
}

}  // namespace
}  // namespace zoneatlas::formats
