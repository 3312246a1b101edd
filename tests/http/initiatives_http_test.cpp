// The inventory of initiatives over HTTP, against the real binary: the demo file imported
// with the command line, a zone's inventory filtered, an initiative's page with its outcomes
// and similar initiatives, and the workbook export.
#include <gtest/gtest.h>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

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

TEST_F(InitiativesHttpTest, AZoneEditorAddsAnInitiativeAfterSeeingTheSimilarOnes) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string path = "/nl/zones/elz-zennevallei/initiatives/new";
  EXPECT_TRUE(Contains(server_.Get("/nl/zones/elz-zennevallei/initiatives", {"Cookie: " + editor.cookie}).body,
                       "href=\"" + path + "\""));
  ASSERT_EQ(server_.Get(path, {"Cookie: " + editor.cookie}).status, 200);
  const auto post = [&](const Session& session, const std::string& fields) {
    return server_.Request("POST", path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const std::string fields = "&title=" + UrlEncode("Screeningcafé in Halle") +
                             "&theme=prevention_screening&strategy=awareness&areas=23027&from=2026-09-01"
                             "&budget=" +
                             UrlEncode("2.500") + "&target_groups=older_people";
  const HttpResponse warned = post(editor, fields);
  ASSERT_EQ(warned.status, 200);
  EXPECT_TRUE(Contains(warned.body, "Gelijkaardige initiatieven"));
  EXPECT_TRUE(Contains(warned.body, "Darmkankerscreening op maat"));
  EXPECT_EQ(post(other, fields + "&confirm=1").status, 403);
  const HttpResponse wrong = post(editor, "&title=X&theme=weather&strategy=awareness&from=2026-13-01");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Geef de startdatum als JJJJ-MM-DD."));
  const HttpResponse saved = post(editor, fields + "&confirm=1");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 1500);
  const HttpResponse page = server_.Get(saved.Header("Location"));
  EXPECT_TRUE(Contains(page.body, "Screeningcafé in Halle"));
  EXPECT_TRUE(Contains(page.body, "2.500 €"));
}

TEST_F(InitiativesHttpTest, ThePlanShowsEachGoalWithItsInitiativesByStrategy) {
  const HttpResponse plan = server_.Get("/nl/zones/elz-zennevallei/plan");
  ASSERT_EQ(plan.status, 200);
  const auto screening = plan.body.find("Meer mensen nemen deel aan de kankerscreenings");
  const auto isolation = plan.body.find("Minder ouderen en mensen in armoede leven geïsoleerd");
  ASSERT_NE(screening, std::string::npos);
  ASSERT_NE(isolation, std::string::npos);
  const auto colorectal = plan.body.find("Darmkankerscreening op maat");
  EXPECT_TRUE(screening < colorectal && colorectal < isolation) << "under its goal";
  EXPECT_NE(plan.body.find("<h3>Bewustmaking</h3>", screening), std::string::npos) << "by strategy";
  EXPECT_TRUE(Contains(plan.body, "(2025–2030)"));
  EXPECT_TRUE(Contains(server_.Get("/fr/zones/zorgzone-noord-oost/plan").body, "Une alimentation saine"));
  EXPECT_TRUE(Contains(server_.Get("/nl/zones/zorgzone-noord/plan").body, "Initiatieven zonder doel in het plan"));
}

// A theme in a zone or one municipality: the atlas's figures of its need beside what is done.
TEST_F(InitiativesHttpTest, AThemePageSetsTheNeedInFiguresBesideTheInitiatives) {
  const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "observations",
                                               std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/observations-demo.csv",
                                               "--demo", "--source", "demo"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const HttpResponse zone = server_.Get("/nl/zones/elz-zennevallei/themes/prevention_screening");
  ASSERT_EQ(zone.status, 200) << zone.body.substr(0, 2000);
  EXPECT_TRUE(Contains(zone.body, "Dikkedarmkankeropsporing"));
  EXPECT_TRUE(Contains(zone.body, "Darmkankerscreening op maat"));
  EXPECT_TRUE(Contains(zone.body, "Meer mensen nemen deel aan de kankerscreenings")) << "with the plan's goal";
  EXPECT_FALSE(Contains(zone.body, "Rookvrije schoolpoorten")) << "another theme";
  const HttpResponse halle = server_.Get("/nl/zones/elz-zennevallei/themes/prevention_screening?area=23027");
  ASSERT_EQ(halle.status, 200);
  EXPECT_TRUE(Contains(halle.body, "<th scope=\"col\" class=\"number\">Halle</th>")) << "Halle beside the zone";
  EXPECT_TRUE(Contains(halle.body, "Test &amp; praat: screening in de wijk"));
  const HttpResponse pepingen = server_.Get("/nl/zones/elz-zennevallei/themes/prevention_screening?area=23064");
  EXPECT_FALSE(Contains(pepingen.body, "Test &amp; praat")) << "a Halle initiative";
  EXPECT_EQ(server_.Get("/nl/zones/elz-zennevallei/themes/weather").status, 404);
  EXPECT_EQ(server_.Get("/nl/zones/elz-zennevallei/themes/food?area=21015").status, 404) << "not of this zone";
  EXPECT_TRUE(
      Contains(server_.Get("/fr/zones/zorgzone-noord-oost/themes/food").body, "Ateliers cuisine interculturels"));
  EXPECT_TRUE(Contains(server_.Get("/nl/initiatives/darmkanker-op-maat-zennevallei").body,
                       "href=\"/nl/zones/elz-zennevallei/themes/prevention_screening\""));
}

// The evaluation as the initiative runs: a result measured and a story, by the zone's editors
// only, each kept in the audit trail.
TEST_F(InitiativesHttpTest, AZoneEditorRecordsAResultAndAStoryFromTheField) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string page_path = "/nl/initiatives/darmkanker-op-maat-zennevallei";
  EXPECT_FALSE(Contains(server_.Get(page_path).body, "Resultaat bewaren")) << "no forms for the public";
  EXPECT_FALSE(Contains(server_.Get(page_path, {"Cookie: " + other.cookie}).body, "Resultaat bewaren"))
      << "nor for another zone's editor";
  const HttpResponse form = server_.Get(page_path, {"Cookie: " + editor.cookie});
  ASSERT_TRUE(Contains(form.body, "Resultaat bewaren"));
  EXPECT_TRUE(Contains(form.body, "id=\"outcome-period\" name=\"period\" value=\"\"")) << "an empty form";
  const auto post = [&](const Session& session, const std::string& what, const std::string& fields) {
    return server_.Request("POST", page_path + "/" + what, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  EXPECT_EQ(post(other, "outcomes", "&label=Deelname&achieved=48").status, 403);
  const HttpResponse wrong = post(editor, "outcomes", "&label=&achieved=veel");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Zeg wat er gemeten werd."));
  EXPECT_TRUE(Contains(wrong.body, "‘veel’ is geen getal")) << wrong.body.substr(0, 3000);
  ASSERT_EQ(post(editor, "outcomes",
                 "&label=Deelname+2026&period=2026&unit=%25&baseline=42&target=50&achieved=51%2C5&reach=410")
                .status,
            303);
  ASSERT_EQ(post(editor, "notes",
                 "&note=" + UrlEncode("Een huisarts vertelde dat drie patiënten pas na de sessie een test aanvroegen."))
                .status,
            303);
  const HttpResponse after = server_.Get(page_path);
  EXPECT_TRUE(Contains(after.body, "Deelname 2026"));
  EXPECT_TRUE(Contains(after.body, "51,5 %"));
  EXPECT_TRUE(Contains(after.body, "410"));
  EXPECT_TRUE(Contains(after.body, "pas na de sessie een test aanvroegen"));
  EXPECT_TRUE(Contains(server_.Get("/api/v1/initiatives?zone=elz-zennevallei").body, "\"achieved\":5.15E1"))
      << "the API has the new result";
}

TEST_F(InitiativesHttpTest, AZoneEditorEditsAnInitiativeAndKeepsItsResults) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string page_path = "/nl/initiatives/darmkanker-op-maat-zennevallei";
  const std::string edit_path = page_path + "/edit";
  EXPECT_FALSE(Contains(server_.Get(page_path).body, edit_path)) << "no edit link for the public";
  EXPECT_TRUE(Contains(server_.Get(page_path, {"Cookie: " + editor.cookie}).body, "href=\"" + edit_path + "\""));
  EXPECT_EQ(server_.Get(edit_path, {"Cookie: " + other.cookie}).status, 403) << "another zone's editor";
  EXPECT_EQ(server_.Get(edit_path).status, 401);
  const HttpResponse form = server_.Get(edit_path, {"Cookie: " + editor.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"Darmkankerscreening op maat\"")) << "the form shows what is recorded";
  EXPECT_TRUE(Contains(form.body, "value=\"23027\" checked")) << "Halle ticked";
  EXPECT_TRUE(Contains(form.body, "<option value=\"zv-plan-vroegdetectie\" selected>")) << "its plan goal chosen";
  EXPECT_TRUE(Contains(form.body, "value=\"screen_colorectal\""));
  const auto post = [&](const Session& session, const std::string& fields) {
    return server_.Request("POST", edit_path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const std::string fields = "&title=" + UrlEncode("Darmkankerscreening op maat, ook in Beersel") +
                             "&theme=prevention_screening&strategy=care&areas=23027&areas=23077&areas=23003"
                             "&from=2025-01-01&until=2027-12-31&budget=" +
                             UrlEncode("12.000") + "&target_groups=older_people&goal=zv-plan-vroegdetectie" +
                             "&outcome_indicator=screen_colorectal&lead=" + UrlEncode("Logo Zenneland");
  EXPECT_EQ(post(other, fields).status, 403);
  const HttpResponse wrong = post(editor,
                                  "&title=X&theme=prevention_screening&strategy=awareness&from=2025-01-01"
                                  "&outcome_indicator=happiness&goal=elsewhere");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Kies een indicator die de atlas kent"));
  EXPECT_TRUE(Contains(wrong.body, "Kies een doel uit het plan van deze zone."));
  EXPECT_TRUE(Contains(server_.Get(page_path).body, "Darmkankerscreening op maat</h1>")) << "nothing saved";
  const HttpResponse saved = post(editor, fields);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(saved.Header("Location"), page_path);
  const HttpResponse after = server_.Get(page_path);
  EXPECT_TRUE(Contains(after.body, "Darmkankerscreening op maat, ook in Beersel"));
  EXPECT_TRUE(Contains(after.body, "Beersel"));
  EXPECT_TRUE(Contains(after.body, "12.000 €"));
  EXPECT_TRUE(Contains(after.body, "Zorg en hulplijnen")) << "the new strategy";
  EXPECT_TRUE(Contains(after.body, "Deelname aan de darmkankerscreening")) << "its results kept";
  EXPECT_TRUE(Contains(after.body, "Persoonlijke uitnodiging door de eigen huisarts")) << "its notes kept";
  AddUser(server_, "admin@zone.be", {"admin"});
  const HttpResponse history = server_.Get("/nl/admin/history/initiative/darmkanker-op-maat-zennevallei",
                                           {"Cookie: " + SignIn(server_, "admin@zone.be").cookie});
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(Contains(history.body, "zone@zennevallei.be")) << "who changed it, in the audit trail";
}

TEST_F(InitiativesHttpTest, AnInitiativeShowsItsIndicatorBeforeItStartedAndSince) {
  const std::string page_path = "/nl/initiatives/darmkanker-op-maat-zennevallei";
  EXPECT_FALSE(Contains(server_.Get(page_path).body, "figures-heading")) << "no figures in the atlas yet";
  // Started in 2025 in Halle and Sint-Pieters-Leeuw: 2024 is before the start, 2025 since.
  const std::string file = server_.database() + ".screening.csv";
  WriteFile(file,
            "area_code,indicator,period,value,numerator,denominator\n"
            "23027,screen_colorectal,2024,,4200,10000\n23027,screen_colorectal,2025,,4650,10000\n"
            "23077,screen_colorectal,2024,,5000,10000\n23077,screen_colorectal,2025,,4900,10000\n"
            "23003,screen_colorectal,2024,,3000,6000\n");
  const CommandResult imported =
      RunZoneatlas({"--database", server_.database(), "import", "observations", file, "--source", "test"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const HttpResponse page = server_.Get(page_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "De indicator voor en na de start"));
  EXPECT_TRUE(Contains(page.body, "2024 (voor de start)"));
  EXPECT_TRUE(Contains(page.body, "2025 (laatste)"));
  const auto halle = page.body.find("<th scope=\"row\">Halle</th>");
  ASSERT_NE(halle, std::string::npos);
  EXPECT_TRUE(Contains(page.body.substr(halle, 200), "42,0")) << page.body.substr(halle, 200);
  EXPECT_TRUE(Contains(page.body.substr(halle, 200), "46,5"));
  EXPECT_TRUE(Contains(page.body.substr(halle, 200), "+4,5, gunstig")) << "more participation is better";
  const auto leeuw = page.body.find("<th scope=\"row\">Sint-Pieters-Leeuw</th>");
  ASSERT_NE(leeuw, std::string::npos);
  EXPECT_TRUE(Contains(page.body.substr(leeuw, 200), "−1,0, ongunstig"));
  EXPECT_FALSE(Contains(page.body, "<th scope=\"row\">Beersel</th>")) << "not one of its municipalities";
  EXPECT_TRUE(Contains(server_.Get("/fr/initiatives/darmkanker-op-maat-zennevallei").body, "avant le début"));
}

TEST_F(InitiativesHttpTest, AZoneEditorWritesThePlansGoalsAndAnInitiativeServesOne) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string plan = "/nl/zones/elz-zennevallei/plan";
  const std::string new_goal = plan + "/goals/new";
  EXPECT_FALSE(Contains(server_.Get(plan).body, new_goal)) << "no forms for the public";
  EXPECT_TRUE(Contains(server_.Get(plan, {"Cookie: " + editor.cookie}).body, "href=\"" + new_goal + "\""));
  EXPECT_EQ(server_.Get(new_goal, {"Cookie: " + other.cookie}).status, 403);
  const auto post = [&](const Session& session, const std::string& path, const std::string& fields) {
    return server_.Request("POST", path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const HttpResponse backwards =
      post(editor, new_goal, "&title=" + UrlEncode("Gezonde schoolomgeving") + "&from_year=2030&until_year=2025");
  EXPECT_EQ(backwards.status, 422);
  EXPECT_TRUE(Contains(backwards.body, "Geef het eerste en laatste jaar van het plan, in die volgorde"));
  EXPECT_TRUE(Contains(backwards.body, "value=\"Gezonde schoolomgeving\"")) << "what was typed stays";
  EXPECT_EQ(post(other, new_goal, "&title=X&from_year=2025&until_year=2030").status, 403);
  const HttpResponse added =
      post(editor, new_goal,
           "&title=" + UrlEncode("Gezonde schoolomgeving") +
               "&description=" + UrlEncode("Minder suiker en rook rond scholen.") + "&from_year=2026&until_year=2030");
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
  const std::string location = added.Header("Location");
  const std::string goal_id = location.substr(location.find("#goal-") + 6);
  const HttpResponse after = server_.Get(plan);
  EXPECT_TRUE(Contains(after.body, "Gezonde schoolomgeving <span class=\"muted\">(2026–2030)</span>"));
  // Renamed, then served by an initiative chosen in its form.
  const std::string edit = plan + "/goals/" + goal_id + "/edit";
  EXPECT_TRUE(Contains(server_.Get(edit, {"Cookie: " + editor.cookie}).body, "value=\"2026\""));
  ASSERT_EQ(post(editor, edit, "&title=" + UrlEncode("Een gezonde schoolomgeving") + "&from_year=2026&until_year=2031")
                .status,
            303);
  EXPECT_EQ(post(editor, "/nl/zones/zorgzone-noord/plan/goals/" + goal_id + "/edit",
                 "&title=X&from_year=2026&until_year=2031")
                .status,
            403)
      << "another zone's path";
  const HttpResponse form =
      server_.Get("/nl/initiatives/rookvrije-schoolpoort-beersel/edit", {"Cookie: " + editor.cookie});
  EXPECT_TRUE(Contains(form.body, "<option value=\"" + goal_id + "\">Een gezonde schoolomgeving</option>"));
  const HttpResponse plan_after = server_.Get(plan);
  EXPECT_TRUE(Contains(plan_after.body, "Een gezonde schoolomgeving <span class=\"muted\">(2026–2031)</span>"));
  EXPECT_FALSE(Contains(plan_after.body, ">Gezonde schoolomgeving"));
  const HttpResponse api = server_.Get("/api/v1/plan-goals?zone=elz-zennevallei");
  ASSERT_EQ(api.status, 200);
  EXPECT_TRUE(Contains(api.body, "\"title\":\"Een gezonde schoolomgeving\""));
  EXPECT_TRUE(Contains(api.body, "\"until_year\":2031"));
  EXPECT_EQ(server_.Get("/api/v1/plan-goals").status, 400) << "which zone's plan";
  // A goal is removed only when the editor means it and no initiative serves it any more.
  const std::string remove = plan + "/goals/" + goal_id + "/remove";
  EXPECT_EQ(post(editor, remove, "").status, 422) << "not ticked";
  EXPECT_EQ(post(other, remove, "&sure=1").status, 403);
  const HttpResponse served = post(editor, plan + "/goals/zv-plan-vroegdetectie/remove", "&sure=1");
  EXPECT_EQ(served.status, 409);
  EXPECT_TRUE(Contains(served.body, "Er werken nog initiatieven aan dit doel."));
  ASSERT_EQ(post(editor, remove, "&sure=1").status, 303);
  EXPECT_FALSE(Contains(server_.Get(plan).body, "Een gezonde schoolomgeving"));
  EXPECT_TRUE(Contains(server_.Get(plan).body, "Meer mensen nemen deel aan de kankerscreenings")) << "still there";
}

}  // namespace
}  // namespace zoneatlas::testing
