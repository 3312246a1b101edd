// The social map over HTTP, against the real binary: the demo social map imported beside
// the running server (the server's search index catches up on its own), search with
// filters and counts, the service and organization pages, and HSDS export and import by
// the command line.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/http/server_process.hpp"

namespace zoneatlas::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class SocialMapHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    const std::string demo = std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/social-map-demo.json";
    const CommandResult result = RunZoneatlas({"--database", server_->database(), "import", "hsds", demo});
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static const ServerProcess& server() { return *server_; }
  static ServerProcess* server_;
};
ServerProcess* SocialMapHttpTest::server_ = nullptr;

TEST_F(SocialMapHttpTest, SearchFindsWhatPeopleTypeWithFiltersAndCounts) {
  const auto page = server().Get("/nl/social-map?q=voedselpakketten&area=23027");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "3 plaatsen gevonden")) << page.body.substr(0, 2000);
  EXPECT_TRUE(Contains(page.body, ">Voedselbedeling Halle</a>"));
  // The chosen filter stays checked; counts show beside each choice.
  EXPECT_TRUE(Contains(page.body, "id=\"area-23027\" name=\"area\" value=\"23027\" checked"));
  EXPECT_TRUE(Contains(page.body, "Voeding en voedselhulp <span class=\"count\">(3)</span>"));
  // In French, with the French name.
  const auto french = server().Get("/fr/social-map?q=colis+alimentaire&area=23027");
  EXPECT_TRUE(Contains(french.body, ">Distribution alimentaire Hal</a>")) << french.body.substr(0, 2000);
  // A misspelling offers the right word.
  const auto misspelt = server().Get("/nl/social-map?q=voedselbnak");
  EXPECT_TRUE(Contains(misspelt.body, "Bedoelde u")) << misspelt.body.substr(0, 2000);
  EXPECT_TRUE(Contains(misspelt.body, "?q=voedselbank\">voedselbank</a>"));
  // Near a postcode, nearest first, with the distance.
  const auto near = server().Get("/nl/social-map?q=drinkwater&near=1500&radius=2");
  EXPECT_TRUE(Contains(near.body, "1 plaats gevonden")) << near.body.substr(0, 2000);
  EXPECT_TRUE(Contains(near.body, "Het dichtstbij eerst."));
  EXPECT_TRUE(Contains(near.body, " km"));
  const auto unknown = server().Get("/nl/social-map?near=Atlantis");
  EXPECT_TRUE(Contains(unknown.body, "We vinden geen plaats bij"));
  // Odd input is a page, never an error; bytes that are not UTF-8 are refused plainly.
  EXPECT_EQ(server().Get("/nl/social-map?q=%FF%FE").status, 400);
  for (const char* target : {"/nl/social-map?q=%22%3Cscript%3E&page=99999", "/nl/social-map?q=%E2%88%9E%20AND%20*",
                             "/nl/social-map?open=day&day=31-02-2026", "/nl/social-map?radius=-5&near=50.7,4.2"}) {
    const auto response = server().Get(target);
    EXPECT_EQ(response.status, 200) << target;
    EXPECT_FALSE(Contains(response.body, "<script>")) << target;
  }
}

TEST_F(SocialMapHttpTest, TheServicePagePutsThePlainSummaryAndHoursFirst) {
  const auto page = server().Get("/nl/social-map/services/demo-social-service-23027");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<h1>Sociale dienst Halle</h1>"));
  const auto plain = page.body.find("U hebt te weinig geld?");
  const auto hours = page.body.find("Openingsuren");
  const auto description = page.body.find("Het OCMW (sociaal huis) helpt");
  ASSERT_NE(plain, std::string::npos);
  EXPECT_LT(plain, hours);
  EXPECT_LT(hours, description);
  EXPECT_TRUE(
      Contains(page.body, "<th scope=\"row\">maandag</th><td><span class=\"period\">09:00–12:00 — zonder afspraak"));
  EXPECT_TRUE(Contains(page.body, "Dit zijn demogegevens"));
  EXPECT_TRUE(Contains(page.body, "Frans, Nederlands"));
  EXPECT_TRUE(Contains(page.body, "Laatst nagekeken op"));
  // A service without a plain-language text in French says so instead of translating.
  const auto french = server().Get("/fr/social-map/services/demo-service-centre-23027");
  EXPECT_TRUE(Contains(french.body, "Il n&apos;y a pas encore d&apos;explication en langage simple"))
      << french.body.substr(0, 3000);
  // The organization lists its services.
  const auto organization = server().Get("/nl/social-map/organizations/ocmw-23027");
  ASSERT_EQ(organization.status, 200);
  EXPECT_TRUE(Contains(organization.body, "/nl/social-map/services/demo-social-service-23027"));
  EXPECT_EQ(server().Get("/nl/social-map/services/no-such-service").status, 404);
}

TEST_F(SocialMapHttpTest, ARepertoryPrintsPerThemeAndMunicipalityWithQrCodes) {
  const auto search = server().Get("/nl/social-map?theme=food&area=23027");
  EXPECT_TRUE(Contains(search.body, "href=\"/nl/social-map/print?area=23027&amp;theme=food\""))
      << search.body.substr(0, 3000);
  const auto list = server().Get("/nl/social-map/print?theme=food&area=23027");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Voeding en voedselhulp · Halle"));
  EXPECT_TRUE(Contains(list.body, "3 diensten"));
  std::size_t codes = 0;
  for (auto at = list.body.find("class=\"qr-code\""); at != std::string::npos;
       at = list.body.find("class=\"qr-code\"", at + 1)) {
    ++codes;
  }
  EXPECT_EQ(codes, 3u);
  // Each code and its printed address lead to the service's page at the site's address
  // (without --public-url, the address it listens on).
  EXPECT_TRUE(Contains(list.body, "http://127.0.0.1:" + std::to_string(server().port()) +
                                      "/nl/social-map/services/demo-food-aid-23027"));
  EXPECT_TRUE(Contains(list.body, "aria-label=\"QR-code naar de pagina van Voedselbedeling Halle\""));
  EXPECT_TRUE(Contains(list.body, "vr 13:00–16:00"));

  const bool renderer = std::filesystem::exists("/usr/bin/chromium") || std::filesystem::exists("/usr/bin/weasyprint");
  EXPECT_EQ(Contains(list.body, "href=\"/nl/social-map/print.pdf?area=23027&amp;theme=food&amp;\""), renderer);
  const auto pdf = server().Get("/nl/social-map/print.pdf?theme=food&area=23027");
  if (!renderer) {
    EXPECT_EQ(pdf.status, 503) << "without a renderer the PDF says what to install";
    return;
  }
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 2000);
  EXPECT_EQ(pdf.headers.at("content-type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  EXPECT_GT(pdf.body.size(), 5'000u);
}

TEST_F(SocialMapHttpTest, TheMapIsAnEnhancementWithItsOwnPointsAndTiles) {
  const auto page = server().Get("/nl/social-map?theme=drinking_water");
  EXPECT_TRUE(Contains(page.body, "data-points=\"/nl/social-map/map.json?theme=drinking_water\""));
  EXPECT_TRUE(Contains(page.body, "<script src=\"/static/vendor/leaflet/dist/leaflet.js?v="));
  // Images may come from the tile server and nowhere else.
  EXPECT_TRUE(
      Contains(page.headers.at("content-security-policy"), "img-src 'self' data: https://tile.openstreetmap.org;"));
  const auto points = json::parse(server().Get("/nl/social-map/map.json?theme=drinking_water").body);
  ASSERT_EQ(points.at("points").as_array().size(), 12u);
  const auto& first = points.at("points").as_array().at(0).as_object();
  EXPECT_GT(first.at("lat").as_double(), 50.0);
  EXPECT_TRUE(first.at("href").as_string().starts_with("/nl/social-map/services/demo-water-point-"));
  // The libraries come from npm (web/assets) inside the binary.
  const auto leaflet = server().Get("/static/vendor/leaflet/dist/leaflet.js");
  EXPECT_EQ(leaflet.status, 200);
  EXPECT_TRUE(Contains(leaflet.body, "Leaflet"));
  EXPECT_EQ(server().Get("/static/vendor/leaflet.markercluster/dist/leaflet.markercluster.js").status, 200);
}

TEST_F(SocialMapHttpTest, TheHsdsApiPagesSearchesAndFilters) {
  const auto about = json::parse(server().Get("/api/hsds").body);
  EXPECT_EQ(about.at("version").as_string(), "3.0");
  // Paging over every active service.
  const auto first = json::parse(server().Get("/api/hsds/services?per_page=30").body).as_object();
  EXPECT_EQ(first.at("total_items").as_int64(), 80);
  EXPECT_EQ(first.at("total_pages").as_int64(), 3);
  EXPECT_EQ(first.at("size").as_int64(), 30);
  EXPECT_TRUE(first.at("first_page").as_bool());
  EXPECT_FALSE(first.at("last_page").as_bool());
  const auto last = json::parse(server().Get("/api/hsds/services?per_page=30&page=3").body).as_object();
  EXPECT_EQ(last.at("size").as_int64(), 20);
  EXPECT_TRUE(last.at("last_page").as_bool());
  // When a service was last verified is public; the sign-in address of who did it is not.
  const std::string service = server().Get("/api/hsds/services/demo-social-service-23027").body;
  EXPECT_TRUE(service.find("\"assured_date\"") != std::string::npos) << service.substr(0, 500);
  EXPECT_EQ(service.find("assurer_email"), std::string::npos);
  EXPECT_EQ(service.find("coordinator@zennevallei.example"), std::string::npos);
  // A taxonomy term, in either spelling, and an organization.
  const auto water =
      json::parse(server().Get("/api/hsds/services?taxonomy_term_id=zoneatlas-themes:drinking_water").body);
  EXPECT_EQ(water.at("total_items").as_int64(), 12);
  EXPECT_EQ(json::parse(server().Get("/api/hsds/services?taxonomy_term_id=drinking_water").body).at("total_items"),
            water.at("total_items"));
  EXPECT_EQ(json::parse(server().Get("/api/hsds/services?taxonomy_term_id=weather").body).at("total_items").as_int64(),
            0);
  const auto halle = json::parse(server().Get("/api/hsds/services?organization_id=ocmw-23027").body);
  EXPECT_EQ(halle.at("total_items").as_int64(), 4) << halle;
  // Search, and a postcode: its municipality's action area, or a distance around it.
  const auto search = json::parse(server().Get("/api/hsds/services?search=colis+alimentaire&lang=fr").body);
  EXPECT_EQ(search.at("total_items").as_int64(), 16);
  EXPECT_EQ(json::parse(server().Get("/api/hsds/services?postcode=1500").body).at("total_items").as_int64(), 15);
  const auto near =
      json::parse(server().Get("/api/hsds/services?postcode=1500&proximity=1500&taxonomy_term_id=drinking_water").body);
  ASSERT_EQ(near.at("total_items").as_int64(), 1) << near;
  const auto& nearest = near.at("contents").as_array().at(0).as_object();
  EXPECT_EQ(nearest.at("id").as_string(), "demo-water-point-23027");
  EXPECT_LT(nearest.at("zoneatlas").at("distance_m").as_double(), 1500);
  // One service, fully nested, in French; organizations; taxonomy terms.
  const auto one = json::parse(server().Get("/api/hsds/services/demo-social-service-21007?lang=fr").body).as_object();
  EXPECT_EQ(one.at("name").as_string(), "Service social Forest");
  EXPECT_EQ(one.at("organization").at("name").as_string(), "CPAS de Forest");
  EXPECT_FALSE(one.at("schedules").as_array().empty());
  EXPECT_EQ(json::parse(server().Get("/api/hsds/organizations").body).at("total_items").as_int64(), 14);
  const auto terms = json::parse(server().Get("/api/hsds/taxonomy_terms?taxonomy_id=zoneatlas-themes").body);
  EXPECT_EQ(terms.at("total_items").as_int64(), 12);
  // Errors are problem documents.
  EXPECT_EQ(server().Get("/api/hsds/services/no-such-service").status, 404);
  EXPECT_EQ(server().Get("/api/hsds/services?per_page=0").status, 400);
  EXPECT_EQ(server().Get("/api/hsds/services?proximity=100").status, 400);
  EXPECT_EQ(server().Get("/api/hsds/services?postcode=9999&proximity=100").status, 404);
}

TEST_F(SocialMapHttpTest, HsdsExportImportsBackAndABadFileChangesNothing) {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("zoneatlas-hsds-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  const std::string file = (directory / "export.json").string();
  const CommandResult exported = RunZoneatlas({"--database", server().database(), "export", "hsds", "-o", file});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  std::ifstream in(file);
  const json::value services = json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
  ASSERT_EQ(services.as_array().size(), 80u);
  EXPECT_EQ(services.as_array()[0].as_object().at("status").as_string(), "active");
  const CommandResult again = RunZoneatlas({"--database", server().database(), "import", "hsds", file, "--dry-run"});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  const std::string bad = (directory / "bad.json").string();
  std::ofstream(bad) << R"([{"id": "x", "name": "X", "status": "active", "organization_id": "nobody",
                             "service_at_locations": [{"location": {"id": "l", "name": "L", "latitude": 52.9, "longitude": 4.3}}]}])";
  const CommandResult refused = RunZoneatlas({"--database", server().database(), "import", "hsds", bad});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(Contains(refused.output, "services[0] (x): organization_id: organization 'nobody' is not in the file"))
      << refused.output;
  EXPECT_TRUE(Contains(refused.output, "is not in Belgium"));
  EXPECT_TRUE(Contains(refused.output, "nothing was imported"));
  EXPECT_EQ(server().Get("/nl/social-map/services/x").status, 404);
  const CommandResult rebuilt = RunZoneatlas({"--database", server().database(), "index", "rebuild"});
  EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.output;
  EXPECT_TRUE(Contains(rebuilt.output, "indexed 80 service(s)"));

  // The CSV tabular package: a folder, made whole or not at all, that imports back.
  const std::string package = (directory / "package").string();
  const CommandResult tabular =
      RunZoneatlas({"--database", server().database(), "export", "hsds", "--format", "csv", "-o", package});
  ASSERT_EQ(tabular.exit_code, 0) << tabular.output;
  EXPECT_TRUE(std::filesystem::exists(package + "/services.csv"));
  EXPECT_TRUE(std::filesystem::exists(package + "/datapackage.json"));
  EXPECT_FALSE(std::filesystem::exists(package + ".partial"));
  EXPECT_NE(
      RunZoneatlas({"--database", server().database(), "export", "hsds", "--format", "csv", "-o", package}).exit_code,
      0)
      << "an existing folder is never overwritten";
  const CommandResult from_package =
      RunZoneatlas({"--database", server().database(), "import", "hsds", package, "--dry-run"});
  EXPECT_EQ(from_package.exit_code, 0) << from_package.output;
  EXPECT_TRUE(Contains(from_package.output, "80 service(s) checked"));
  std::ofstream(package + "/phones.csv", std::ios::app) << "p-x,,no-such-service,,,,+32 2 000 00 00,,,\n";
  const CommandResult broken = RunZoneatlas({"--database", server().database(), "import", "hsds", package});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_TRUE(Contains(broken.output, package + ":phones.csv:82: service_id: 'no-such-service' is not in services.csv"))
      << broken.output;
  std::filesystem::remove_all(directory);
}

TEST(SupplyBesideNeedTest, AZoneSeesItsServicesPerThousandInhabitantsBesideTheNeedTheyAnswer) {
  ServerProcess server;
  const std::string demo = std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/";
  for (const auto& arguments :
       std::vector<std::vector<std::string>>{{"import", "observations", demo + "population-2018-2020.csv"},
                                             {"import", "observations", demo + "observations-demo.csv", "--demo"},
                                             {"import", "hsds", demo + "social-map-demo.json"}}) {
    std::vector<std::string> full = {"--database", server.database()};
    full.insert(full.end(), arguments.begin(), arguments.end());
    const CommandResult result = RunZoneatlas(full);
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  const auto page = server.Get("/nl/zones/elz-zennevallei/supply?theme=food");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(
      Contains(page.body, "<h1>Voeding en voedselhulp: aanbod naast noden in Eerstelijnszone Zennevallei</h1>"));
  // Halle: 3 food services serve it, for 41,155 inhabitants (Statbel, 2020) — 0.07 per
  // 1,000, below the zone's 0.15, where its leefloon figure is above the zone's.
  EXPECT_TRUE(Contains(
      page.body, "<a href=\"/nl/social-map?theme=food&amp;area=23027\">3</a></td><td class=\"number\">41.155</td>"))
      << page.body.substr(page.body.find("<tbody>"), 2000);
  EXPECT_TRUE(Contains(page.body, "0,07 <span class=\"marker marker--neutral\" aria-hidden=\"true\">▼</span>"));
  EXPECT_TRUE(Contains(page.body, "<td class=\"number\">7,5 <span class=\"marker marker--unfavourable\""));
  for (const char* need : {"/atlas/leefloon\">", "/atlas/increased_reimb\">", "/atlas/credit_arrears\">"}) {
    EXPECT_TRUE(Contains(page.body, need)) << need;
  }
  // The zone counts each service once: 9 services, not 7 × 3.
  EXPECT_TRUE(Contains(page.body,
                       "<a href=\"/nl/social-map?theme=food\">9</a></td><td class=\"number\">136.785</td><td "
                       "class=\"number\">0,15</td>"));
  EXPECT_TRUE(Contains(page.body, "aria-label=\"Halle: 0,07 per 1.000 inwoners\"")) << "the map";
  EXPECT_TRUE(Contains(page.body, "Demonstratiecijfers.")) << "demo values are labelled";
  // A target group narrows the supply; a theme without an atlas indicator says so.
  EXPECT_TRUE(Contains(server.Get("/nl/zones/elz-zennevallei/supply?theme=food&group=homeless").body,
                       "<a href=\"/nl/social-map?theme=food&amp;group=homeless\">0</a>"));
  EXPECT_TRUE(Contains(server.Get("/fr/zones/zorgzone-zuid/supply?theme=drinking_water").body,
                       "l’atlas n’a pas encore d’indicateur"));
  EXPECT_EQ(server.Get("/nl/zones/elz-zennevallei/supply?theme=cooking").status, 404);
  EXPECT_EQ(server.Get("/nl/zones/no-such-zone/supply").status, 404);
  EXPECT_TRUE(Contains(server.Get("/nl/zones/elz-zennevallei/atlas").body, "/nl/zones/elz-zennevallei/supply"));
}

// A social map import killed with SIGKILL once it has begun writing (its pages are
// reaching the database's write-ahead log) leaves all or nothing: it is one transaction.
// The server beside it keeps answering, and the same file imports whole afterwards.
TEST(SocialMapCrashTest, AnImportKilledWhileWritingLeavesAllOrNothing) {
  ServerProcess server;
  std::ifstream demo(std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/social-map-demo.json");
  const std::string text((std::istreambuf_iterator<char>(demo)), std::istreambuf_iterator<char>());
  const std::string one = json::serialize(json::parse(text).as_array().at(0));
  constexpr int kServices = 15'000;
  const std::string file = server.database() + ".bulk.json";
  {
    std::ofstream out(file);
    out << '[';
    for (int i = 0; i < kServices; ++i) {
      std::string service = one;
      for (const auto& [from, to] :
           {std::pair<std::string, std::string>{"social-service-23027", "bulk-" + std::to_string(i)},
            {"ocmw-23027", "bulk-org"}}) {
        for (auto at = service.find(from); at != std::string::npos; at = service.find(from, at + to.size())) {
          service.replace(at, from.size(), to);
        }
      }
      out << (i > 0 ? "," : "") << service;
    }
    out << ']';
  }
  const auto services = [&] {
    const HttpResponse answer = server.Get("/api/hsds/services?organization_id=bulk-org&per_page=1");
    EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
    return json::parse(answer.body).at("total_items").as_int64();
  };
  const std::string wal = server.database() + "-wal";
  const auto wal_bytes = [&] {
    std::error_code ignored;
    const auto size = std::filesystem::file_size(wal, ignored);
    return ignored ? std::uintmax_t{0} : size;
  };
  const std::uintmax_t before = wal_bytes();
  auto [pid, fd] = StartZoneatlas({"--database", server.database(), "import", "hsds", file});
  ASSERT_GT(pid, 0);
  bool writing = false;
  for (int poll = 0; poll < 20'000 && !writing; ++poll) {
    writing = wal_bytes() > before + 1024 * 1024;
    if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(fd);
  EXPECT_TRUE(writing) << "the import never reached the database";
  const std::int64_t after_kill = services();
  ::testing::Test::RecordProperty("services_after_kill", static_cast<int>(after_kill));
  ::testing::Test::RecordProperty("killed", WIFSIGNALED(status) ? 1 : 0);
  EXPECT_TRUE(after_kill == 0 || after_kill == kServices) << after_kill << " of " << kServices;
  EXPECT_EQ(server.Get("/healthz").status, 200);
  const CommandResult again = RunZoneatlas({"--database", server.database(), "import", "hsds", file});
  ASSERT_EQ(again.exit_code, 0) << again.output.substr(0, 500);
  EXPECT_EQ(services(), kServices);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace zoneatlas::testing
