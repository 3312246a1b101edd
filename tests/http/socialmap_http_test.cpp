// The social map over HTTP, against the real binary: the demo social map imported beside
// the running server (the server's search index catches up on its own), search with
// filters and counts, the service and organization pages, and HSDS export and import by
// the command line.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

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
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace zoneatlas::testing
