// The inventory of initiatives over HTTP, against the real binary: the demo file imported
// with the command line, a zone's inventory filtered, an initiative's page with its outcomes
// and similar initiatives, and the workbook export.
#include <gtest/gtest.h>

#include "tests/http/server_process.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class InitiativesHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "initiatives",
                                                 std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/initiatives.json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }

  ServerProcess server_;
};

TEST_F(InitiativesHttpTest, AZonesInventoryFiltersByThemeStrategyAndMunicipality) {
  const HttpResponse all = server_.Get("/nl/zones/elz-zennevallei/initiatives");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Contains(all.body, "Darmkankerscreening op maat"));
  EXPECT_TRUE(Contains(all.body, "4 initiatieven"));
  const HttpResponse rules = server_.Get("/nl/zones/elz-zennevallei/initiatives?strategy=rules");
  EXPECT_TRUE(Contains(rules.body, "Rookvrije schoolpoorten"));
  EXPECT_FALSE(Contains(rules.body, "Buurtmaaltijden"));
  const HttpResponse beersel = server_.Get("/nl/zones/elz-zennevallei/initiatives?area=23003");
  EXPECT_TRUE(Contains(beersel.body, "1 initiatieven"));
  const HttpResponse workbook =
      server_.Get("/nl/zones/elz-zennevallei/initiatives/export.xlsx?theme=prevention_screening");
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(workbook.body.substr(0, 2), "PK") << "a zip archive";
}

TEST_F(InitiativesHttpTest, AnInitiativeShowsItsLogicOutcomesAndSimilarOnes) {
  const HttpResponse page = server_.Get("/nl/initiatives/darmkanker-op-maat-zennevallei");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Enige onderbouwing"));
  EXPECT_TRUE(Contains(page.body, "href=\"/nl/zones/elz-zennevallei/atlas/screen_colorectal\""));
  EXPECT_TRUE(Contains(page.body, "doel niet gehaald")) << "46.5 % of a 50 % target";
  EXPECT_TRUE(Contains(page.body, "doel gehaald")) << "340 of 300 people";
  EXPECT_TRUE(Contains(page.body, "Test &amp; praat: screening in de wijk")) << "similar: Halle, screening, 2026";
  const HttpResponse french = server_.Get("/fr/initiatives/colis-frais-schaerbeek");
  EXPECT_TRUE(Contains(french.body, "Ateliers cuisine interculturels"));
  EXPECT_EQ(server_.Get("/nl/initiatives/nothing").status, 404);
  EXPECT_TRUE(Contains(server_.Get("/api/v1/initiatives?zone=zorgzone-noord").body, "repertorium-voedselhulp-noord"));
}

}  // namespace
}  // namespace zoneatlas::testing
