// The atlas over HTTP: pages, downloads, privacy and the API, against the real binary
// with the demo data (published populations and labelled demonstration values).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/http/server_process.hpp"

namespace zoneatlas::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

class AtlasHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    const std::string demo = std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/";
    // Imported beside the running server, as a coordinator would: pages follow at once.
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"--database", server_->database(), "import", "observations", demo + "population-2018-2020.csv"},
             {"--database", server_->database(), "import", "observations", demo + "observations-demo.csv", "--demo"}}) {
      const CommandResult result = RunZoneatlas(arguments);
      ASSERT_EQ(result.exit_code, 0) << result.output;
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static const ServerProcess& server() { return *server_; }

  static json::value GetJson(const std::string& target, int expected_status = 200) {
    const auto response = server().Get(target);
    EXPECT_EQ(response.status, expected_status) << target << "\n" << response.body.substr(0, 300);
    return json::parse(response.body);
  }

  static ServerProcess* server_;
};
ServerProcess* AtlasHttpTest::server_ = nullptr;

TEST_F(AtlasHttpTest, TheZoneProfileShowsEveryGroupWithItsMunicipalitiesZoneAndRegion) {
  const auto page = server().Get("/nl/zones/elz-zennevallei/atlas");
  ASSERT_EQ(page.status, 200);
  for (const char* group :
       {"Demografie", "Gezondheid en zorg", "Socio-economie", "Technologie en onderwijs", "Ecologie en wonen"}) {
    EXPECT_TRUE(Contains(page.body, ">" + std::string(group) + "</h2>")) << group;
  }
  // The seven municipalities head the columns and link to their own profiles.
  EXPECT_EQ(Count(page.body, "/nl/areas/23027/atlas"), 5u) << "one column per group table";
  EXPECT_TRUE(Contains(page.body, ">Vlaams Gewest</th>"));
  // And the levels between: the arrondissement and the province all members share.
  EXPECT_TRUE(Contains(page.body, ">Arrondissement Halle-Vilvoorde</th>"));
  EXPECT_TRUE(Contains(page.body, ">Provincie Vlaams-Brabant</th>"));
  EXPECT_TRUE(Contains(page.body, "Vergrijzing (aandeel 65-plussers)"));
  EXPECT_TRUE(Contains(page.body, "Verhoogde tegemoetkoming"));
  // Plain words beside the numbers, and a trend per indicator.
  EXPECT_TRUE(Contains(page.body, "Eerstelijnszone Zennevallei: ")) << "a generated sentence";
  EXPECT_TRUE(Contains(page.body, " dan Vlaams Gewest (") || Contains(page.body, "vergelijkbaar met Vlaams Gewest ("));
  EXPECT_TRUE(Contains(page.body, "class=\"sparkline\""));
  EXPECT_TRUE(Contains(page.body, "marker--unfavourable") || Contains(page.body, "marker--favourable"));
  EXPECT_TRUE(Contains(page.body, "Demonstratiecijfers.")) << "demo values are labelled";
  EXPECT_TRUE(Contains(page.body, "/nl/zones/elz-zennevallei/atlas.csv"));
  // The zone page and the municipality page lead here.
  EXPECT_TRUE(Contains(server().Get("/nl/zones/elz-zennevallei").body, "/nl/zones/elz-zennevallei/atlas"));
  EXPECT_TRUE(Contains(server().Get("/fr/areas/23027").body, "/fr/areas/23027/atlas"));
}

// A Flemish producer's indicator has no figure in Brussels: the pages say so, in place
// of a blank or a made-up value.
TEST_F(AtlasHttpTest, ABrusselsZoneReadsNotMeasuredWhereTheSourceCoversFlandersOnly) {
  const auto page = server().Get("/nl/zones/zorgzone-noord/atlas/origin_maghreb");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body,
                       "Niet gemeten in dit gewest: de bron (Statistiek Vlaanderen, bevolking naar herkomst) "
                       "dekt alleen Vlaanderen."))
      << page.body.substr(0, 3000);
  EXPECT_FALSE(Contains(page.body, "<table")) << "no figures, not even old ones";
  const auto french = server().Get("/fr/zones/zorgzone-noord/atlas/origin_maghreb");
  EXPECT_TRUE(Contains(french.body, "Non mesuré dans cette région : la source")) << french.body.substr(0, 3000);
  const auto profile = server().Get("/nl/zones/zorgzone-noord/atlas");
  ASSERT_EQ(profile.status, 200);
  EXPECT_TRUE(Contains(profile.body, "Niet gemeten in dit gewest:"));
  EXPECT_FALSE(Contains(profile.body, "/nl/zones/zorgzone-noord/atlas/origin_maghreb\""));
  EXPECT_TRUE(Contains(profile.body, "/nl/zones/zorgzone-noord/atlas/share_65plus\"")) << "Statbel's, measured";
  EXPECT_TRUE(Contains(server().Get("/nl/areas/21001/atlas").body, "Niet gemeten in dit gewest:"));
  // In Flanders the same indicator has its figures.
  const auto flemish = server().Get("/nl/zones/elz-zennevallei/atlas/origin_maghreb");
  EXPECT_FALSE(Contains(flemish.body, "Niet gemeten in dit gewest"));
  EXPECT_TRUE(Contains(flemish.body, "<table"));
}

TEST_F(AtlasHttpTest, ThePrintableReportHasEveryGroupWithDefinitionsAndSources) {
  const auto report = server().Get("/fr/zones/elz-zennevallei/atlas/report");
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(Contains(report.body, "Définitions et sources"));
  EXPECT_TRUE(Contains(report.body, "class=\"report__group\""));
  EXPECT_EQ(Count(report.body, "class=\"report__group\""), 5u);
  // Each indicator links to its numbered definition and source.
  EXPECT_TRUE(Contains(report.body, "href=\"#source-1\""));
  EXPECT_TRUE(Contains(report.body, "id=\"source-1\""));
  EXPECT_TRUE(Contains(report.body, "https://aim-ima.be/Diabetes-in-Belgie?lang=nl"));
  EXPECT_TRUE(Contains(server().Get("/fr/zones/elz-zennevallei/atlas").body, "/fr/zones/elz-zennevallei/atlas/report"));
}

TEST_F(AtlasHttpTest, TheReportIsAlsoAPdfFileWhenARendererIsInstalled) {
  if (!std::filesystem::exists("/usr/bin/chromium") && !std::filesystem::exists("/usr/bin/weasyprint")) {
    GTEST_SKIP() << "neither chromium nor weasyprint is installed";
  }
  const std::string file = server().database() + ".report.pdf";
  const auto exported = RunZoneatlas({"--database", server().database(), "export", "atlas", "--zone", "elz-zennevallei",
                                      "--language", "fr", "-o", file});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  std::ifstream in(file, std::ios::binary);
  std::string start(5, '\0');
  in.read(start.data(), 5);
  EXPECT_EQ(start, "%PDF-");
  EXPECT_GT(std::filesystem::file_size(file), 10'000u);
  EXPECT_FALSE(std::filesystem::exists(file + ".partial"));

  // The same file from the web, linked from the report.
  EXPECT_TRUE(Contains(server().Get("/fr/zones/elz-zennevallei/atlas/report").body,
                       "href=\"/fr/zones/elz-zennevallei/atlas/report.pdf\""));
  const auto pdf =
      server().RequestWithin(std::chrono::seconds(60), "GET", "/fr/zones/elz-zennevallei/atlas/report.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 2000);
  EXPECT_EQ(pdf.headers.at("content-type"), "application/pdf");
  EXPECT_TRUE(Contains(pdf.headers.at("content-disposition"), "omgevingsanalyse-elz-zennevallei-fr.pdf"));
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  EXPECT_GT(pdf.body.size(), 10'000u);
  EXPECT_EQ(server().Get("/fr/zones/no-such-zone/atlas/report.pdf").status, 404);
}

TEST_F(AtlasHttpTest, AnIndicatorPageHasChartMapTrendTableAndItsSource) {
  const auto page = server().Get("/fr/zones/elz-zennevallei/atlas/share_65plus?period=2023");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "class=\"bar-chart\""));
  EXPECT_TRUE(Contains(page.body, "class=\"line-chart\""));
  EXPECT_TRUE(Contains(page.body, "area-map__shape--q1")) << "the lowest municipality is shaded lightest";
  EXPECT_TRUE(Contains(page.body, "area-map__shape--q5"));
  EXPECT_TRUE(Contains(page.body, "<span aria-current=\"true\">2023</span>"));
  EXPECT_TRUE(
      Contains(page.body, "https://www.vlaanderen.be/statistiek-vlaanderen/bevolking/structuur-van-de-bevolking"));
  EXPECT_TRUE(Contains(page.body, "Hal: ")) << "the French name and a sentence";
  EXPECT_TRUE(Contains(page.body, "la zone ("));
  EXPECT_EQ(server().Get("/fr/zones/elz-zennevallei/atlas/no_such_indicator").status, 404);
  // A share of people has its 95 % interval beside its numerator and denominator: Halle's
  // verhoogde tegemoetkoming in 2024, 4,797 of 41,155 (Wilson: 11.35 to 11.97 %).
  const auto share = server().Get("/nl/zones/elz-zennevallei/atlas/increased_reimb?period=2024");
  ASSERT_EQ(share.status, 200);
  EXPECT_TRUE(Contains(share.body, "95%-interval (2024)"));
  EXPECT_TRUE(Contains(share.body, "<td class=\"number\">11,3 – 12,0</td>")) << "one decimal, as the figure";
  EXPECT_TRUE(Contains(share.body, "(Wilson)"));
  // Higher or lower only outside the interval: Linkebeek (635 of 4,810: 12.3 to 14.2 %)
  // against the zone's 13.1 % and the region's 14.6 %.
  // (Between a number and its unit stands a narrow no-break space, U+202F.)
  EXPECT_TRUE(Contains(share.body,
                       "Linkebeek: 13,2\u202F% — niet duidelijk anders dan de zone (13,1\u202F%) en lager dan "
                       "Vlaams Gewest (14,6\u202F%)."));
  // An amount of money has none.
  EXPECT_FALSE(Contains(server().Get("/nl/zones/elz-zennevallei/atlas/income_mean_return").body, "95%-interval"));
}

TEST_F(AtlasHttpTest, AMunicipalityIsComparedWithItsZoneAndRegion) {
  const auto page = server().Get("/en/areas/23064/atlas");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Pepingen: "));
  EXPECT_TRUE(Contains(page.body, "the zone ("));
  EXPECT_TRUE(Contains(page.body, "Flemish Region ("));
  EXPECT_TRUE(Contains(page.body, "/en/zones/elz-zennevallei/atlas"));
}

TEST_F(AtlasHttpTest, TheDownloadHasEveryLevelInPlainNumbers) {
  const auto csv = server().Get("/nl/zones/elz-zennevallei/atlas.csv?indicator=pop_total");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(Contains(csv.Header("content-disposition"), "zoneatlas-elz-zennevallei-pop_total.csv"));
  // The import layout first: the download imports again.
  EXPECT_TRUE(csv.body.starts_with("area_code,indicator,period,value,numerator,denominator,level,area_name,"));
  // Published (2020) and demonstration (2024) figures, each saying which it is.
  EXPECT_TRUE(Contains(csv.body, "\n23027,pop_total,2020,40182,,,municipality,Halle,Inwoners,personen,,no,"));
  EXPECT_TRUE(Contains(csv.body, "\nelz-zennevallei,pop_total,2020,133551,,,zone,Eerstelijnszone Zennevallei,"));
  EXPECT_TRUE(Contains(csv.body, "\n02000,pop_total,2024,"));
  EXPECT_TRUE(Contains(csv.body, "\n20001,pop_total,2024,")) << "the province too";
  EXPECT_TRUE(Contains(csv.body, ",province,Provincie Vlaams-Brabant,"));
  EXPECT_TRUE(Contains(csv.body, ",yes,"));
  EXPECT_FALSE(Contains(csv.body, ",share_65plus,")) << "one indicator was asked for";

  const auto workbook = server().Get("/fr/zones/elz-zennevallei/atlas.xlsx");
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(workbook.body.starts_with("PK")) << "a zip archive";
  // The command line writes the same workbook, and a CSV file.
  const std::string file = server().database() + ".atlas.xlsx";
  const auto exported = RunZoneatlas({"--database", server().database(), "export", "atlas", "--zone", "elz-zennevallei",
                                      "--language", "fr", "-o", file});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const auto reimported =
      RunZoneatlas({"--database", server().database(), "import", "observations", file, "--dry-run"});
  EXPECT_EQ(reimported.exit_code, 0) << reimported.output;
  EXPECT_TRUE(Contains(reimported.output, "dry run, nothing written"));
  const auto as_csv = RunZoneatlas({"--database", server().database(), "export", "atlas", "--zone", "elz-zennevallei",
                                    "--format", "csv", "--indicator", "pop_total"});
  EXPECT_EQ(as_csv.output.substr(0, 40), csv.body.substr(0, 40));
  EXPECT_EQ(RunZoneatlas({"--database", server().database(), "export", "atlas", "--zone", "nowhere"}).exit_code, 2);
}

TEST_F(AtlasHttpTest, SmallCountsAreHiddenOnPagesDownloadsAndTheApi) {
  // Three people in Linkebeek with a leefloon: too few to show; the zone's total is not.
  const std::string file = server().database() + ".leefloon.csv";
  WriteFile(file,
            "area_code,indicator,period,value,numerator,denominator\n"
            "23100,leefloon,2025,,3,4700\n23027,leefloon,2025,,160,41000\n23003,leefloon,2025,,40,25400\n"
            "21001,leefloon,2025,,12,6000\n");
  const CommandResult imported = RunZoneatlas({"--database", server().database(), "import", "observations", file});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const auto page = server().Get("/nl/zones/elz-zennevallei/atlas/leefloon?period=2025");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "verborgen"));
  EXPECT_FALSE(Contains(page.body, ">0,6<")) << "3 / 4,700 × 1,000 = 0.64 must not appear";
  const auto csv = server().Get("/nl/zones/elz-zennevallei/atlas.csv?indicator=leefloon");
  EXPECT_TRUE(Contains(csv.body,
                       "\n23100,leefloon,2025,,,,municipality,Linkebeek,(Equivalent) leefloon,per 1.000 inwoners,"
                       "verborgen: minder dan 5 personen,no,"))
      << csv.body;
  // The download gives each shown figure its 95 % interval and says when it is unstable.
  EXPECT_TRUE(Contains(csv.body, ",source,ci_low,ci_high,unstable\n")) << csv.body.substr(0, 300);
  EXPECT_TRUE(Contains(csv.body, ",3.3436")) << "Halle: Wilson's interval of 160 / 41,000 per 1,000 from 3.34";
  EXPECT_TRUE(Contains(csv.body, ",4.5541")) << "… to 4.55";
  const json::value api = GetJson("/api/v1/observations?indicator=leefloon&area=23100&period=2025");
  const json::object& hidden = api.at("observations").at(0).as_object();
  EXPECT_TRUE(hidden.at("suppressed").as_bool());
  EXPECT_TRUE(hidden.at("value").is_null());
  EXPECT_TRUE(hidden.at("numerator").is_null());
  // The zone: (3 + 160 + 40) / (4,700 + 41,000 + 25,400) × 1,000, shown, and incomplete.
  const json::value zone = GetJson("/api/v1/zones/elz-zennevallei/aggregates?indicator=leefloon&period=2025");
  const json::object& aggregate = zone.at("aggregates").at(0).as_object();
  EXPECT_NEAR(aggregate.at("value").as_double(), 203.0 / 71100 * 1000, 1e-9);
  EXPECT_TRUE(aggregate.at("incomplete").as_bool());
  // With its 95 % interval (Wilson's, per 1,000), and nothing for the hidden figure.
  EXPECT_NEAR(aggregate.at("ci_low").as_double(), 2.48889, 1e-4);
  EXPECT_NEAR(aggregate.at("ci_high").as_double(), 3.27510, 1e-4);
  EXPECT_FALSE(aggregate.at("unstable").as_bool());
  EXPECT_TRUE(hidden.at("ci_low").is_null());
  // Twelve people: shown, with an interval, and marked unstable.
  const json::value few = GetJson("/api/v1/observations?indicator=leefloon&area=21001&period=2025");
  const json::object& anderlecht = few.at("observations").at(0).as_object();
  EXPECT_TRUE(anderlecht.at("unstable").as_bool());
  EXPECT_LT(anderlecht.at("ci_low").as_double(), 2.0);
  EXPECT_GT(anderlecht.at("ci_high").as_double(), 2.0);
}

TEST_F(AtlasHttpTest, TheApiDescribesIndicatorsAndServesObservationsAndAggregates) {
  const json::value indicators = GetJson("/api/v1/indicators");
  EXPECT_GE(indicators.at("indicators").as_array().size(), 100u);
  EXPECT_EQ(indicators.at("groups").as_array().size(), 5u);
  const json::value grey = GetJson("/api/v1/indicators/grey_pressure");
  EXPECT_EQ(grey.at("formula").at("numerator").at(0).as_string(), "pop_65plus");
  EXPECT_EQ(grey.at("names").at("fr").as_string(), "Pression grise");
  GetJson("/api/v1/indicators/nothing", 404);
  GetJson("/api/v1/observations", 400);
  GetJson("/api/v1/observations?indicator=weather", 400);

  // The zone's share of 65-plussers is the sum of its members' 65-plussers over the
  // sum of their inhabitants, not the mean of their shares.
  const json::value counts = GetJson(
      "/api/v1/observations?indicator=pop_65plus,pop_total&period=2024&area=23003,23098,23027,23100,23064,23101,23077");
  double old = 0, all = 0;
  for (const json::value& row : counts.at("observations").as_array()) {
    (row.at("indicator").as_string() == "pop_65plus" ? old : all) += row.at("value").to_number<double>();
  }
  EXPECT_EQ(counts.at("observations").as_array().size(), 14u);
  const json::value zone = GetJson("/api/v1/zones/elz-zennevallei/aggregates?indicator=share_65plus&period=2024");
  const json::object& share = zone.at("aggregates").at(0).as_object();
  EXPECT_NEAR(share.at("value").as_double(), old / all * 100, 1e-9);
  EXPECT_DOUBLE_EQ(share.at("numerator").as_double(), old);
  EXPECT_TRUE(share.at("demo").as_bool());
  // Every zone at once, and the areas ranked: the zone's figure is the same as above.
  const json::value ranking = GetJson("/api/v1/indicators/share_65plus/ranking?period=2024");
  bool found = false;
  for (const json::value& row : ranking.at("zones").as_array()) {
    if (row.at("zone_id").as_string() != "elz-zennevallei") continue;
    found = true;
    EXPECT_NEAR(row.at("value").as_double(), old / all * 100, 1e-9);
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(ranking.at("zones").as_array().size(), 6u);
  const json::array& ranked = ranking.at("areas").as_array();
  ASSERT_GE(ranked.size(), 26u);
  EXPECT_EQ(ranked.at(0).at("rank").as_int64(), 1);
  EXPECT_GE(ranked.at(0).at("value").as_double(), ranked.at(1).at("value").as_double());
  GetJson("/api/v1/indicators/share_65plus/ranking", 400);
  const json::value derived = GetJson("/api/v1/observations?indicator=share_65plus&area=23027&period=2024");
  EXPECT_TRUE(derived.at("observations").at(0).at("derived").as_bool());
}

TEST_F(AtlasHttpTest, TheAtlasRemembersTheViewAVisitorChose) {
  const auto chooser = server().Get("/nl/atlas");
  ASSERT_EQ(chooser.status, 200);
  EXPECT_TRUE(Contains(chooser.body, "/nl/zones/zorgzone-noord/atlas"));
  const auto chosen = server().Get("/nl/atlas?view=areas/23064");
  EXPECT_EQ(chosen.status, 303);
  EXPECT_EQ(chosen.Header("location"), "/nl/areas/23064/atlas");
  const std::string cookie = chosen.Header("set-cookie");
  EXPECT_TRUE(Contains(cookie, "atlas_view=areas/23064")) << cookie;
  const auto back = server().Get("/fr/atlas", {"Cookie: " + cookie.substr(0, cookie.find(';'))});
  EXPECT_EQ(back.status, 303);
  EXPECT_EQ(back.Header("location"), "/fr/areas/23064/atlas") << "in the language of the visit";
  EXPECT_EQ(server().Get("/nl/atlas?view=../../admin").status, 200) << "only views of the atlas are remembered";
}

TEST_F(AtlasHttpTest, TheNeedsIndexRanksMunicipalitiesAndSharesABudget) {
  const auto page = server().Get("/nl/zones/elz-zennevallei/atlas/needs");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Behoefte-index: Eerstelijnszone Zennevallei"));
  EXPECT_TRUE(Contains(page.body, "name=\"w_increased_reimb\" value=\"2\"")) << "the shipped default is shown";
  EXPECT_TRUE(Contains(page.body, "area-map__shape--q5"));
  EXPECT_TRUE(Contains(server().Get("/nl/zones/elz-zennevallei/atlas").body, "/nl/zones/elz-zennevallei/atlas/needs"));

  // Chosen through the form: one indicator, a budget of 70,000, 40 % for everyone.
  const auto chosen =
      server().Get("/fr/zones/elz-zennevallei/atlas/needs?budget=70000&universal=40&w_increased_reimb=1");
  ASSERT_EQ(chosen.status, 200);
  EXPECT_TRUE(Contains(chosen.body, "70\u202f000 € · 40 % pour tous · 60 % selon les besoins"))
      << "the budget is shown";
  EXPECT_EQ(server().Get("/nl/zones/elz-zennevallei/atlas/needs?universal=140").status, 400);

  const json::value api =
      GetJson("/api/v1/zones/elz-zennevallei/needs-index?weights=increased_reimb:1&budget=70000&universal=40");
  double total = 0, base = 0, highest_vt = -1, top_index = -100;
  std::string top;
  for (const json::value& area : api.at("areas").as_array()) {
    total += area.at("allocation").as_double();
    base += area.at("base").as_double();
    if (area.at("rank").as_int64() == 1) {
      top = area.at("area_code").as_string().c_str();
      top_index = area.at("index").as_double();
    }
  }
  EXPECT_NEAR(total, 70000, 1e-6) << "the whole budget is shared";
  EXPECT_NEAR(base, 28000, 1e-6) << "40 % by inhabitants";
  // With verhoogde tegemoetkoming alone, the first is the municipality with the highest share.
  const json::value members = GetJson(
      "/api/v1/observations?indicator=increased_reimb&period=2024&area=23003,23098,23027,23100,23064,23101,23077");
  std::string highest;
  for (const json::value& row : members.at("observations").as_array()) {
    if (row.at("value").as_double() > highest_vt) {
      highest_vt = row.at("value").as_double();
      highest = row.at("area_code").as_string().c_str();
    }
  }
  EXPECT_EQ(top, highest);
  EXPECT_GT(top_index, 0);
  GetJson("/api/v1/zones/elz-zennevallei/needs-index?weights=weather:1", 400);

  const auto workbook =
      server().Get("/nl/zones/elz-zennevallei/atlas/needs.xlsx?budget=70000&universal=40&w_leefloon=1");
  ASSERT_EQ(workbook.status, 200);
  EXPECT_TRUE(workbook.body.starts_with("PK"));
  EXPECT_TRUE(Contains(workbook.Header("content-disposition"), "zoneatlas-elz-zennevallei-needs-index.xlsx"));
}

// A square around (lon, lat), for a synthetic sector boundary.
std::string Square(double lon, double lat) {
  const double d = 0.004;
  std::string ring;
  for (const auto& [x, y] : std::vector<std::pair<double, double>>{
           {lon - d, lat - d}, {lon + d, lat - d}, {lon + d, lat + d}, {lon - d, lat + d}, {lon - d, lat - d}}) {
    ring += (ring.empty() ? "[" : ",[") + std::to_string(x) + "," + std::to_string(y) + "]";
  }
  return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
}

TEST(AtlasSectorsTest, AnIndicatorPageMapsTheSectorsOfTheZonesMunicipalitiesWhereTheyHaveFigures) {
  ServerProcess server;
  const std::string base = server.database();
  const auto run = [&](std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"--database", base});
    const CommandResult result = RunZoneatlas(arguments);
    ASSERT_EQ(result.exit_code, 0) << result.output;
  };
  // Four sectors of Halle; the fourth has no boundary of its own.
  WriteFile(base + ".sectors.csv",
            "code,kind,name_nl,name_fr,parent_code,source\n"
            "23027A00-,statistical_sector,Halle-Centrum,Hal-Centre,23027,test\n"
            "23027A01-,statistical_sector,Halle-Station,Hal-Gare,23027,test\n"
            "23027B00-,statistical_sector,Buizingen,Buizingen,23027,test\n"
            "23027C00-,statistical_sector,Lembeek,Lembeek,23027,test\n");
  WriteFile(base + ".sectors.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":["
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"23027A00-\"},\"geometry\":" +
                Square(4.23, 50.73) +
                "},"
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"23027A01-\"},\"geometry\":" +
                Square(4.24, 50.73) +
                "},"
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"23027B00-\"},\"geometry\":" +
                Square(4.25, 50.72) + "}]}");
  // Buizingen's figure rests on 3 people: hidden, like any small count.
  WriteFile(base + ".sector-figures.csv",
            "area_code,indicator,period,value,numerator,denominator\n"
            "23027A00-,increased_reimb,2024,25,250,1000\n"
            "23027A01-,increased_reimb,2024,10,80,800\n"
            "23027B00-,increased_reimb,2024,30,3,10\n"
            "23027,increased_reimb,2024,15,6000,40000\n");
  run({"import", "areas", base + ".sectors.csv"});
  run({"import", "geometry", base + ".sectors.geojson", "--source", "test"});
  run({"import", "observations", base + ".sector-figures.csv", "--source", "test"});

  const auto page = server.Get("/nl/zones/elz-zennevallei/atlas/increased_reimb?period=2024");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<h2 id=\"sectors-heading\">Per statistische sector</h2>"));
  EXPECT_TRUE(Contains(page.body, "Cijfers per sector (2 / 4)")) << "two shown of Halle's four sectors";
  const std::string sectors = page.body.substr(page.body.find("id=\"sectors-heading\""));
  // The highest sector darkest, the lowest lightest; the hidden one and the one without a
  // boundary unshaded or absent, and no figure of 3 people anywhere.
  EXPECT_TRUE(Contains(sectors, "area-map__shape--q5\"><title>Halle-Centrum (Halle): 25")) << sectors.substr(0, 3000);
  EXPECT_TRUE(Contains(sectors, "area-map__shape--q1\"><title>Halle-Station (Halle): 10"));
  EXPECT_TRUE(Contains(sectors, "<title>Buizingen (Halle): –</title>"));
  EXPECT_EQ(Count(sectors, "<path "), 3u);
  EXPECT_TRUE(Contains(sectors,
                       "<th scope=\"row\">Lembeek <span class=\"muted small\">23027C00-</span></th><td>Halle</td><td "
                       "class=\"number\">–</td>"));
  EXPECT_FALSE(Contains(sectors, "30,0"));
  // The municipalities' map and table are as before; French names in French.
  EXPECT_TRUE(Contains(server.Get("/fr/zones/elz-zennevallei/atlas/increased_reimb?period=2024").body,
                       "<title>Hal-Centre (Hal): 25"));
  // Where no sector has a figure, no section.
  EXPECT_FALSE(Contains(server.Get("/nl/zones/elz-zennevallei/atlas/pop_total").body, "sectors-heading"));
}

// Every municipality of the region by its size, against the region's 10 %: Beersel's 12 %
// of 25,000 lies far outside chance, Linkebeek's 11.1 % of 4,600 just outside the 95 %
// limit, Sint-Genesius-Rode's 9.2 % of 18,000 below; Halle's 10 % of 40,000 within.
TEST(AtlasFunnelTest, AnIndicatorPagePlotsEveryMunicipalityAgainstTheRegionsLimits) {
  ServerProcess server;
  const std::string base = server.database();
  WriteFile(base + ".funnel.csv",
            "area_code,indicator,period,value,numerator,denominator\n"
            "02000,increased_reimb,2025,10,1000,10000\n"
            "23027,increased_reimb,2025,10,4000,40000\n"
            "23003,increased_reimb,2025,12,3000,25000\n"
            "23077,increased_reimb,2025,10,3400,34000\n"
            "23101,increased_reimb,2025,9.17,1650,18000\n"
            "23100,increased_reimb,2025,11.09,510,4600\n"
            "23098,increased_reimb,2025,10,560,5600\n"
            "23064,increased_reimb,2025,10,450,4500\n");
  const CommandResult imported =
      RunZoneatlas({"--database", base, "import", "observations", base + ".funnel.csv", "--source", "test"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  const auto page = server.Get("/nl/zones/elz-zennevallei/atlas/increased_reimb?period=2025");
  ASSERT_EQ(page.status, 200);
  ASSERT_TRUE(Contains(page.body, "id=\"funnel-heading\"")) << page.body.substr(0, 2000);
  const std::string funnel = page.body.substr(page.body.find("id=\"funnel-heading\""));
  EXPECT_TRUE(Contains(funnel, "Van 7 gemeenten liggen er 2 boven en 1 onder de 95%-grenzen; 3 daarvan horen bij de zone"))
      << funnel.substr(0, 3000);
  EXPECT_TRUE(Contains(funnel, "<td class=\"number\">12,0</td><td>boven de 99,8%-grens</td>")) << "Beersel";
  EXPECT_TRUE(Contains(funnel, "<td class=\"number\">11,1</td><td>boven de 95%-grens</td>")) << "Linkebeek";
  EXPECT_TRUE(Contains(funnel, "<td>onder de 99,8%-grens</td>")) << "Sint-Genesius-Rode";
  EXPECT_EQ(Count(funnel, "binnen de grenzen"), 4u);
  EXPECT_EQ(Count(funnel, "funnel-chart__point--zone"), 7u);
  EXPECT_EQ(Count(funnel, "funnel-chart__curve--"), 5u) << "the region's line and two limits each side";
  EXPECT_TRUE(Contains(server.Get("/fr/zones/elz-zennevallei/atlas/increased_reimb?period=2025").body,
                       "au-dessus de la limite à 99,8\u202f%"));
  // A money indicator has no funnel: nothing to count.
  EXPECT_FALSE(Contains(server.Get("/nl/zones/elz-zennevallei/atlas/income_median_return").body, "funnel-heading"));
}

// The map's five shades are the quintiles of every municipality of the region, so two
// zones of Flanders share one legend, whatever their own spread.
TEST(AtlasMapClassesTest, TwoZonesOfARegionShareTheRegionsQuintiles) {
  ServerProcess server;
  const std::string base = server.database();
  WriteFile(base + ".areas.csv",
            "code,kind,name_nl,name_fr,parent_code\n"
            "23088,municipality,Vilvoorde,Vilvorde,23000\n23044,municipality,Liedekerke,Liedekerke,23000\n"
            "23045,municipality,Lennik,Lennik,23000\n23050,municipality,Meise,Meise,23000\n"
            "23052,municipality,Merchtem,Merchtem,23000\n");
  WriteFile(base + ".boundaries.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":["
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"23088\"},\"geometry\":" + Square(4.40, 50.93) + "},"
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"23044\"},\"geometry\":" + Square(4.10, 50.88) + "},"
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"23045\"},\"geometry\":" + Square(4.15, 50.80) + "},"
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"23050\"},\"geometry\":" + Square(4.31, 50.95) + "},"
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"23052\"},\"geometry\":" + Square(4.22, 50.96) + "}]}");
  WriteFile(base + ".zones.csv",
            "zone_id,kind,name_nl,name_fr,region_code,member_code\n"
            "elz-test,eerstelijnszone,Testzone,Zone test,02000,23088\n"
            "elz-test,eerstelijnszone,Testzone,Zone test,02000,23044\n"
            "elz-test,eerstelijnszone,Testzone,Zone test,02000,23045\n"
            "elz-test,eerstelijnszone,Testzone,Zone test,02000,23050\n"
            "elz-test,eerstelijnszone,Testzone,Zone test,02000,23052\n");
  // Twelve municipalities at 5 % to 16 %: the region's quintiles are 7, 9, 12 and 14 %.
  std::string figures = "area_code,indicator,period,value,numerator,denominator\n";
  const char* codes[] = {"23003", "23098", "23027", "23100", "23064", "23101",
                         "23077", "23088", "23044", "23045", "23050", "23052"};
  for (int i = 0; i < 12; ++i) {
    figures += std::string(codes[i]) + ",increased_reimb,2025,," + std::to_string((5 + i) * 100) + ",10000\n";
  }
  WriteFile(base + ".figures.csv", figures);
  for (const std::vector<std::string>& arguments :
       {std::vector<std::string>{"import", "areas", base + ".areas.csv"},
        std::vector<std::string>{"import", "zones", base + ".zones.csv"},
        std::vector<std::string>{"import", "geometry", base + ".boundaries.geojson", "--source", "test"},
        std::vector<std::string>{"import", "observations", base + ".figures.csv", "--source", "test"}}) {
    std::vector<std::string> with_database = {"--database", base};
    with_database.insert(with_database.end(), arguments.begin(), arguments.end());
    const CommandResult result = RunZoneatlas(with_database);
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  const auto legend_of = [&](const std::string& zone) {
    const std::string body = server.Get("/nl/zones/" + zone + "/atlas/increased_reimb?period=2025").body;
    const std::size_t from = body.find("<ul class=\"legend\"");
    return from == std::string::npos ? std::string() : body.substr(from, body.find("</ul>", from) - from);
  };
  const std::string zennevallei = legend_of("elz-zennevallei");
  EXPECT_TRUE(Contains(zennevallei, "5,0 – 7,0")) << zennevallei;
  EXPECT_TRUE(Contains(zennevallei, "14,0 – 16,0"));
  EXPECT_EQ(legend_of("elz-test"), zennevallei) << "one legend for the region";
  const auto page = server.Get("/nl/zones/elz-test/atlas/increased_reimb?period=2025");
  EXPECT_TRUE(Contains(page.body, "van de 12 gemeenten van Vlaams Gewest met een cijfer in 2025 (kwintielen)"));
  // Merchtem, the region's highest, is darkest; Vilvoorde's 12 % in the third class,
  // though it is the lowest of its own zone.
  const auto shade_of = [&](const std::string& name) {
    const std::size_t at = page.body.find("aria-label=\"" + name + ":");
    const std::size_t shade = page.body.find("area-map__shape--q", at);
    return at == std::string::npos || shade == std::string::npos ? std::string() : page.body.substr(shade, 19);
  };
  EXPECT_EQ(shade_of("Merchtem"), "area-map__shape--q5");
  EXPECT_EQ(shade_of("Vilvoorde"), "area-map__shape--q3");
}

TEST(AtlasCommandLineTest, AnObservationImportReportsEveryProblemOrItsBatch) {
  ServerProcess server;
  server.Terminate(std::chrono::seconds(5));
  const std::string bad = server.database() + ".bad.csv";
  WriteFile(bad,
            "area_code,indicator,period,value\n23064,pop_total,2024,4650\nAtlantis,pop_total,2024,12\n"
            "23027,pop_total,2024,veel\n");
  const auto refused = RunZoneatlas({"--database", server.database(), "import", "observations", bad});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(Contains(refused.output, bad + ":3: area_code: 'Atlantis' matches no area")) << refused.output;
  EXPECT_TRUE(Contains(refused.output, bad + ":4: value: 'veel' is not a number"));
  EXPECT_TRUE(Contains(refused.output, "1 area(s) could not be matched to a NIS code: 'Atlantis'"));
  EXPECT_TRUE(Contains(refused.output, "nothing was imported"));
  const std::string good = server.database() + ".good.csv";
  WriteFile(good, "gemeente;2023;2024\nPepingen;4600;4650\nHal;40900;41200\n");
  const auto dry = RunZoneatlas(
      {"--database", server.database(), "import", "observations", good, "--indicator", "pop_total", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_TRUE(Contains(dry.output, "(wide by period, sha256 ")) << dry.output;
  EXPECT_TRUE(Contains(dry.output, "4 observation(s) from 2 row(s); dry run, nothing written"));
  const auto saved = RunZoneatlas({"--database", server.database(), "import", "observations", good, "--indicator",
                                   "pop_total", "--source", "gemeente Pepingen"});
  EXPECT_EQ(saved.exit_code, 0) << saved.output;
  EXPECT_TRUE(Contains(saved.output, "saved as batch 1"));
}

// An import killed while it writes (kill -9: a crash, an impatient operator, the OOM
// killer) leaves the database as it was: it is one transaction. The server beside it goes
// on answering, and the same file imports whole afterwards.
TEST(AtlasCrashTest, AnImportKilledWhileWritingLeavesNothingHalfWritten) {
  ServerProcess server;
  // 7 municipalities × 2 indicators × 15,000 days: long enough to be killed while saving.
  const std::string file = server.database() + ".big.csv";
  {
    std::ofstream out(file);
    out << "area_code,indicator,period,value\n";
    for (const char* area : {"23003", "23098", "23027", "23100", "23064", "23101", "23077"}) {
      for (const char* indicator : {"pop_total", "pop_65plus"}) {
        // Days 1 to 28 of every month from 1950: 15,000 days.
        for (int n = 0; n < 15'000; ++n) {
          char day[11];
          std::snprintf(day, sizeof day, "%04d-%02d-%02d", 1950 + n / 336, 1 + n % 336 / 28, 1 + n % 28);
          out << area << ',' << indicator << ',' << day << ',' << (1000 + n % 97) << '\n';
        }
      }
    }
  }
  auto [pid, fd] = StartZoneatlas({"--database", server.database(), "import", "observations", file});
  ASSERT_GT(pid, 0);
  std::string output;
  char chunk[256];
  for (ssize_t n; output.find("saving") == std::string::npos && (n = read(fd, chunk, sizeof chunk)) > 0;) {
    output.append(chunk, static_cast<std::size_t>(n));
  }
  ASSERT_NE(output.find("saving"), std::string::npos) << output;
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(fd);
  ASSERT_TRUE(WIFSIGNALED(status)) << "killed while saving";

  const auto observations = [&] {
    const HttpResponse answer =
        server.Get("/api/v1/observations?indicator=pop_total,pop_65plus&area=23027,23077&period=1950-01-01,1994-08-20");
    EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
    return json::parse(answer.body).at("observations").as_array().size();
  };
  EXPECT_EQ(observations(), 0u) << "nothing of the killed import";
  EXPECT_EQ(server.Get("/healthz").status, 200);
  const CommandResult again = RunZoneatlas({"--database", server.database(), "import", "observations", file});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(observations(), 8u) << "the same file, whole";
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace zoneatlas::testing
