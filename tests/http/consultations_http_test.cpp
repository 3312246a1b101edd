// Consultations over HTTP, against the real binary: the demo meetings imported with the
// command line, the monitoring pages and the yearly synthesis in the API, and a zone
// editor recording a meeting, a signal's answer and its progress — only in their own zone.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class ConsultationsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The inventory first: action lines name the initiatives that carry them out.
    const CommandResult inventory = RunZoneatlas({"--database", server_.database(), "import", "initiatives",
                                                  std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/initiatives.json"});
    ASSERT_EQ(inventory.exit_code, 0) << inventory.output;
    const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "consultations",
                                                 std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/consultations.json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
    AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
    editor_ = SignIn(server_, "zone@zennevallei.be");
    other_editor_ = SignIn(server_, "zone@noord.brussels");
  }

  HttpResponse Post(const std::string& target, const Session& session, const std::string& body) {
    return server_.Request("POST", target, {kFormType, "Cookie: " + session.cookie}, body);
  }

  ServerProcess server_;
  Session editor_, other_editor_;
};

TEST_F(ConsultationsHttpTest, TheYearsSynthesisAcrossZonesIsComputedFromTheMeetings) {
  const HttpResponse page = server_.Get("/nl/consultations?year=2025");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "16 overlegmomenten in 5 zones"));
  EXPECT_TRUE(Contains(page.body, "Zorgzone Zuid-Oost"));
  const HttpResponse french = server_.Get("/fr/consultations?year=2025");
  EXPECT_TRUE(Contains(french.body, "16 réunions dans 5 zones"));
  EXPECT_TRUE(Contains(french.body, "lang=\"fr\">Les colis alimentaires")) << "a record keeps its own language";
  const HttpResponse api = server_.Get("/api/v1/consultations/synthesis?year=2025");
  ASSERT_EQ(api.status, 200);
  const boost::json::object synthesis = boost::json::parse(api.body).as_object();
  EXPECT_EQ(synthesis.at("meetings").as_int64(), 16);
  EXPECT_EQ(synthesis.at("zones").as_int64(), 5);
  EXPECT_EQ(synthesis.at("themes").as_array().at(0).at("id").as_string(), "prevention_screening");
  EXPECT_EQ(server_.Get("/api/v1/consultations/synthesis?year=twenty").status, 400);
  EXPECT_EQ(server_.Get("/nl/consultations?year=twenty").status, 400);
  const HttpResponse zone = server_.Get("/api/v1/consultations/synthesis?zone=elz-zennevallei&year=2025");
  ASSERT_EQ(zone.status, 200);
  EXPECT_EQ(boost::json::parse(zone.body).at("zone").as_string(), "elz-zennevallei");
  // A made-up zone is not a synthesis of nothing (and not one more answer kept in memory).
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(server_.Get("/api/v1/consultations/synthesis?zone=made-up-" + std::to_string(i)).status, 404);
  }
}

// An action line followed into the inventory: the initiative that carries it out, by title.
TEST_F(ConsultationsHttpTest, AnActionLineLinksTheInitiativesThatCarryItOut) {
  const HttpResponse zone = server_.Get("/nl/zones/zorgzone-noord/consultations");
  ASSERT_EQ(zone.status, 200);
  EXPECT_TRUE(Contains(zone.body,
                       "uitgevoerd door: <a href=\"/nl/initiatives/repertorium-voedselhulp-noord\">"
                       "Repertorium van voedselhulp</a>"))
      << zone.body.substr(0, 5000);
}

TEST_F(ConsultationsHttpTest, AZoneEditorLinksTheInitiativeThatCarriesAnActionLineOut) {
  // Zennevallei's line on income-raising rights is taken up by an initiative of its own zone,
  // chosen from the inventory; another zone's initiative cannot carry it.
  const std::string edit = "/nl/action-lines/al-zennevallei-inkomensrechten/edit";
  EXPECT_EQ(server_.Get(edit, {"Cookie: " + other_editor_.cookie}).status, 403) << "another zone's editor";
  EXPECT_EQ(server_.Get(edit).status, 401);
  const HttpResponse zone = server_.Get("/nl/zones/elz-zennevallei/consultations", {"Cookie: " + editor_.cookie});
  EXPECT_TRUE(Contains(zone.body, "href=\"" + edit + "\""));
  const HttpResponse form = server_.Get(edit, {"Cookie: " + editor_.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"Inkomensverhogende rechten eerst"));
  EXPECT_TRUE(Contains(form.body, "value=\"buurtmaaltijd-spl\"")) << "the zone's initiatives to choose from";
  EXPECT_FALSE(Contains(form.body, "value=\"repertorium-voedselhulp-noord\"")) << "not another zone's";
  const std::string fields = "csrf_token=" + editor_.csrf_token + "&title=" +
                             UrlEncode("Inkomensverhogende rechten eerst: informeren op plaatsen waar mensen komen") +
                             "&theme=income_rights&status=running&owner=" + UrlEncode("OCMW Halle") +
                             "&signals=elz-zennevallei-2024-onderbescherming-1";
  const HttpResponse foreign = Post(edit, editor_, fields + "&initiatives=repertorium-voedselhulp-noord");
  EXPECT_EQ(foreign.status, 422);
  EXPECT_TRUE(Contains(foreign.body, "Kies alleen initiatieven van deze zone."));
  EXPECT_EQ(Post(edit, other_editor_, "csrf_token=" + other_editor_.csrf_token + "&title=X&theme=food").status, 403);
  const HttpResponse saved = Post(edit, editor_, fields + "&initiatives=buurtmaaltijd-spl");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const HttpResponse after = server_.Get("/nl/zones/elz-zennevallei/consultations");
  EXPECT_TRUE(Contains(after.body, "uitgevoerd door: <a href=\"/nl/initiatives/buurtmaaltijd-spl\">"));
  EXPECT_TRUE(Contains(after.body, "OCMW Halle"));
  const auto line = after.body.find("id=\"line-al-zennevallei-inkomensrechten\"");
  ASSERT_NE(line, std::string::npos);
  EXPECT_TRUE(Contains(after.body.substr(line, 1500), "1 signalen")) << "one signal left ticked";
}

TEST_F(ConsultationsHttpTest, AZoneEditorCorrectsAMeetingAndItsSignalsWhichKeepTheirAnswers) {
  const std::string meeting = "/nl/consultations/elz-zennevallei-2024-onderbescherming";
  EXPECT_FALSE(Contains(server_.Get(meeting).body, meeting + "/edit"));
  EXPECT_TRUE(Contains(server_.Get(meeting, {"Cookie: " + editor_.cookie}).body, "href=\"" + meeting + "/edit\""));
  EXPECT_EQ(server_.Get(meeting + "/edit", {"Cookie: " + other_editor_.cookie}).status, 403);
  const HttpResponse form = server_.Get(meeting + "/edit", {"Cookie: " + editor_.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"Gesprekstafel Onderbescherming\""));
  EXPECT_TRUE(Contains(form.body, "Burgers én hulpverleners kennen niet alle rechten (kennis).</textarea>"));
  EXPECT_TRUE(Contains(form.body, "name=\"signal5_description\"")) << "a row for one more signal";
  // The whole form as the browser sends it back, with a changed summary, the first signal
  // reworded and a fifth one.
  std::string body = "csrf_token=" + editor_.csrf_token;
  const auto field = [&](const std::string& name, const std::string& value) {
    body += "&" + name + "=" + UrlEncode(value);
  };
  field("title", "Gesprekstafel Onderbescherming");
  field("held_on", "2024-03-13");
  field("kind", "round_table");
  field("theme", "income_rights");
  field("language", "nl");
  field("summary", "Zes drempels; de eerste is kennis.");
  const char* descriptions[] = {"Burgers en hulpverleners kennen niet alle rechten.", "Toegankelijkheid",
                                "Bereikbaarheid", "Complexiteit"};
  for (int i = 0; i < 4; ++i) {
    const std::string prefix = "signal" + std::to_string(i + 1) + "_";
    field(prefix + "kind", "difficulty");
    field(prefix + "theme", "income_rights");
    field(prefix + "description", descriptions[i]);
  }
  field("signal5_kind", "need");
  field("signal5_theme", "income_rights");
  field("signal5_description", "Een vast aanspreekpunt per gemeente.");
  EXPECT_EQ(Post(meeting + "/edit", other_editor_, "csrf_token=" + other_editor_.csrf_token + "&title=X").status, 403);
  std::string emptied = body;
  const std::string third = "&signal3_description=Bereikbaarheid";
  emptied.replace(emptied.find(third), third.size(), "&signal3_description=");
  const HttpResponse wrong = Post(meeting + "/edit", editor_, emptied);
  EXPECT_EQ(wrong.status, 422) << "a recorded signal cannot be emptied";
  EXPECT_TRUE(Contains(wrong.body, "Signaal 3:"));
  const HttpResponse saved = Post(meeting + "/edit", editor_, body);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  const HttpResponse after = server_.Get(meeting);
  EXPECT_TRUE(Contains(after.body, "Zes drempels; de eerste is kennis."));
  EXPECT_TRUE(Contains(after.body, "Burgers en hulpverleners kennen niet alle rechten."));
  EXPECT_TRUE(Contains(after.body, "Een vast aanspreekpunt per gemeente."));
  // The action line that answered the first signal still does.
  const auto line = boost::json::parse(server_.Get("/api/v1/action-lines?zone=elz-zennevallei").body);
  bool answers = false;
  for (const auto& item : line.at("action_lines").as_array()) {
    if (item.at("id").as_string() != "al-zennevallei-inkomensrechten") continue;
    for (const auto& signal : item.at("signals").as_array()) {
      answers = answers || signal.as_string() == "elz-zennevallei-2024-onderbescherming-1";
    }
  }
  EXPECT_TRUE(answers);
}

TEST_F(ConsultationsHttpTest, AZonePageFiltersSignalsAndShowsWhatBecameOfThem) {
  const HttpResponse all = server_.Get("/nl/zones/zorgzone-noord/consultations?year=2025");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Contains(all.body, "4 overlegmomenten"));
  EXPECT_TRUE(Contains(all.body, "Repertorium van voedselhulp verspreiden</span> (Loopt)"));
  const HttpResponse food = server_.Get("/nl/zones/zorgzone-noord/consultations?year=2025&theme=food");
  ASSERT_EQ(food.status, 200);
  EXPECT_TRUE(Contains(food.body, "Voedselpakketten zijn onevenwichtig"));
  EXPECT_FALSE(Contains(food.body, "Ouderen die alleen wonen raken geïsoleerd")) << "another theme's signal";
  EXPECT_FALSE(Contains(all.body, "name=\"status\"")) << "visitors see no editing forms";
  const HttpResponse meeting = server_.Get("/nl/consultations/elz-zennevallei-2024-onderbescherming");
  ASSERT_EQ(meeting.status, 200);
  EXPECT_TRUE(Contains(meeting.body, "13 maart 2024"));
  EXPECT_TRUE(Contains(meeting.body, "Begeleid Wonen Pajottenland"));
  EXPECT_EQ(server_.Get("/nl/consultations/no-such-meeting").status, 404);
  EXPECT_EQ(server_.Get("/api/v1/consultations/elz-zennevallei-2024-onderbescherming").status, 200);
}

TEST_F(ConsultationsHttpTest, AZoneEditorRecordsAMeetingAnswersASignalAndMovesTheAnswerAlong) {
  const std::string form_path = "/nl/zones/elz-zennevallei/consultations/new";
  const HttpResponse form = server_.Get(form_path, {"Cookie: " + editor_.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "Sint-Pieters-Leeuw")) << "the zone's municipalities to choose from";
  const std::string fields =
      "&title=" + UrlEncode("Werkgroep eenzaamheid") +
      "&held_on=2026-10-06&kind=working_group&theme=social_isolation"
      "&language=nl&organisations=" +
      UrlEncode("LDC Halle\nOCMW Beersel") +
      "&participants=7"
      "&signal1_kind=need&signal1_theme=social_isolation&signal1_target_groups=older_people&signal1_areas=23003"
      "&signal1_description=" +
      UrlEncode("Ouderen in Beersel komen na een ziekenhuisopname niet meer buiten.");
  // A mistake is shown in the reader's language and nothing is saved.
  const HttpResponse wrong = Post(
      form_path, editor_, "csrf_token=" + editor_.csrf_token + fields + "&signal2_description=x&signal2_theme=weer");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Signaal 2: Kies een thema uit de lijst."));
  EXPECT_TRUE(Contains(wrong.body, "value=\"Werkgroep eenzaamheid\"")) << "what was typed stays";
  // Another zone's editor may not record for this zone.
  EXPECT_EQ(Post(form_path, other_editor_, "csrf_token=" + other_editor_.csrf_token + fields).status, 403);
  const HttpResponse recorded = Post(form_path, editor_, "csrf_token=" + editor_.csrf_token + fields);
  ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 2000);
  const std::string meeting_path = recorded.Header("Location").substr(0, recorded.Header("Location").find('?'));
  const HttpResponse meeting = server_.Get(meeting_path, {"Cookie: " + editor_.cookie});
  ASSERT_EQ(meeting.status, 200);
  EXPECT_TRUE(Contains(meeting.body, "komen na een ziekenhuisopname niet meer buiten"));
  EXPECT_TRUE(Contains(meeting.body, "Beersel"));
  // The answer: an action line for that signal, then its progress.
  const std::string marker = "name=\"signals\" value=\"";
  const auto at = meeting.body.find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::string signal_id = meeting.body.substr(at + marker.size(), 16);
  const std::string id = meeting_path.substr(meeting_path.rfind('/') + 1);
  const HttpResponse line = Post("/nl/consultations/" + id + "/action-lines", editor_,
                                 "csrf_token=" + editor_.csrf_token + "&title=" + UrlEncode("Huisbezoeken na ontslag") +
                                     "&theme=social_isolation&status=planned&owner=LDC+Halle&signals=" + signal_id);
  ASSERT_EQ(line.status, 303) << line.body.substr(0, 2000);
  const auto lines = boost::json::parse(server_.Get("/api/v1/action-lines?zone=elz-zennevallei").body);
  std::string line_id;
  for (const auto& item : lines.at("action_lines").as_array()) {
    if (item.at("title").as_string() == "Huisbezoeken na ontslag") line_id = std::string(item.at("id").as_string());
  }
  ASSERT_FALSE(line_id.empty());
  EXPECT_EQ(Post("/nl/action-lines/" + line_id + "/status", other_editor_,
                 "csrf_token=" + other_editor_.csrf_token + "&status=done")
                .status,
            403);
  const HttpResponse moved =
      Post("/nl/action-lines/" + line_id + "/status", editor_, "csrf_token=" + editor_.csrf_token + "&status=running");
  ASSERT_EQ(moved.status, 303);
  const HttpResponse zone = server_.Get("/nl/zones/elz-zennevallei/consultations?year=2026");
  EXPECT_TRUE(Contains(zone.body, "Huisbezoeken na ontslag</span> (Loopt)"));
  EXPECT_TRUE(Contains(zone.body, "1 overlegmomenten"));
}

TEST_F(ConsultationsHttpTest, AWorkingGroupShowsItsPeopleToProfessionalsOnly) {
  const HttpResponse list = server_.Get("/nl/zones/zorgzone-noord/working-groups");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Werkgroep voeding"));
  const HttpResponse visitor = server_.Get("/nl/working-groups/wg-noord-voeding");
  ASSERT_EQ(visitor.status, 200);
  EXPECT_TRUE(Contains(visitor.body, "Voedselbank Koekelberg"));
  EXPECT_TRUE(Contains(visitor.body, "Werkgroep voeding: eerste vergadering"));
  EXPECT_TRUE(Contains(visitor.body, "Repertorium van voedselhulp verspreiden"));
  EXPECT_FALSE(Contains(visitor.body, "An Peeters")) << "names of people only for signed-in professionals";
  const HttpResponse colleague =
      server_.Get("/nl/working-groups/wg-noord-voeding", {"Cookie: " + other_editor_.cookie});
  EXPECT_TRUE(Contains(colleague.body, "An Peeters (OCMW Jette)"));
  // Only the zone's editors set up a group there.
  const std::string fields = "&name=" + UrlEncode("Werkgroep geestelijke gezondheid") + "&theme=mental_health";
  EXPECT_EQ(
      Post("/nl/zones/zorgzone-noord/working-groups", editor_, "csrf_token=" + editor_.csrf_token + fields).status,
      403);
  const HttpResponse made =
      Post("/nl/zones/zorgzone-noord/working-groups", other_editor_, "csrf_token=" + other_editor_.csrf_token + fields);
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 1000);
  EXPECT_TRUE(Contains(server_.Get(made.Header("Location")).body, "Werkgroep geestelijke gezondheid"));
  // A new member joins the food group; the zone's editor adds her on the group's page.
  const std::string group = "/nl/working-groups/wg-noord-voeding";
  EXPECT_FALSE(Contains(server_.Get(group, {"Cookie: " + editor_.cookie}).body, group + "/edit"))
      << "another zone's editor gets no form";
  const HttpResponse form = server_.Get(group, {"Cookie: " + other_editor_.cookie});
  ASSERT_TRUE(Contains(form.body, "action=\"" + group + "/edit\""));
  EXPECT_TRUE(Contains(form.body, "An Peeters (OCMW Jette)\n")) << "the members as recorded, a line each";
  const std::string people = "&people=" + UrlEncode("An Peeters (OCMW Jette)\nSara El Amrani (Maison médicale)");
  const std::string update = "&name=" + UrlEncode("Werkgroep voeding") + "&theme=food" +
                             "&organisations=" + UrlEncode("Voedselbank Koekelberg\nMaison médicale") + people;
  EXPECT_EQ(Post(group + "/edit", editor_, "csrf_token=" + editor_.csrf_token + update).status, 403);
  const HttpResponse nameless =
      Post(group + "/edit", other_editor_, "csrf_token=" + other_editor_.csrf_token + "&name=&theme=food" + people);
  EXPECT_EQ(nameless.status, 422);
  EXPECT_TRUE(Contains(nameless.body, "Sara El Amrani (Maison médicale)")) << "what was typed stays";
  ASSERT_EQ(Post(group + "/edit", other_editor_, "csrf_token=" + other_editor_.csrf_token + update).status, 303);
  EXPECT_TRUE(
      Contains(server_.Get(group, {"Cookie: " + other_editor_.cookie}).body, "Sara El Amrani (Maison médicale)"));
  EXPECT_FALSE(Contains(server_.Get(group).body, "Sara El Amrani")) << "names still for professionals only";
}

TEST_F(ConsultationsHttpTest, ABadFileOnTheCommandLineChangesNothing) {
  const std::string bad = server_.database() + "-bad-consultations.json";
  {
    std::ofstream file(bad);
    file << R"({"consultations": [{"id": "x", "zone": "elz-zennevallei", "held_on": "2024-13-01", "kind": "thematic",
               "theme": "food", "title": "X"}],
               "action_lines": [{"id": "y", "zone": "elz-zennevallei", "theme": "food", "title": "Y",
                                 "status": "idea", "initiatives": ["colis-frais-schaerbeek"]}]})";
  }
  const CommandResult refused = RunZoneatlas({"--database", server_.database(), "import", "consultations", bad});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_TRUE(Contains(refused.output, "consultation 1: held_on"));
  EXPECT_TRUE(Contains(refused.output, "'colis-frais-schaerbeek' is not an initiative of elz-zennevallei"))
      << refused.output;
  EXPECT_TRUE(Contains(refused.output, "nothing was imported"));
  const auto meetings = boost::json::parse(server_.Get("/api/v1/consultations?zone=elz-zennevallei").body);
  EXPECT_EQ(meetings.at("consultations").as_array().size(), 3u);
}

}  // namespace
}  // namespace zoneatlas::testing
