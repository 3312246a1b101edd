// The rights explorer over HTTP, against the real binary: the catalog, a right's page
// with its dated figures, the questionnaire posted without JavaScript (its problems,
// its result, the flyer), and the batch screening on the command line.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class RightsTest : public ::testing::Test {
 protected:
  // Posts the questionnaire as a visitor: the form token comes with the form.
  HttpResponse Screen(const std::string& language, const std::string& fields,
                      const std::string& path = "/rights/screen") {
    const HttpResponse form = server_.Get("/" + language + "/rights/screen");
    EXPECT_EQ(form.status, 200);
    const std::string csrf = CookieValue(form.Header("set-cookie"), "zoneatlas_csrf");
    return server_.Request("POST", "/" + language + path, {kFormType, "Cookie: zoneatlas_csrf=" + csrf},
                           "csrf_token=" + csrf + "&statuses_asked=1&" + fields);
  }

  ServerProcess server_;
};

TEST_F(RightsTest, TheCatalogListsRightsByThemeAndFiltersByLevel) {
  const HttpResponse all = server_.Get("/nl/rights");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Contains(all.body, "Verhoogde tegemoetkoming"));
  EXPECT_TRUE(Contains(all.body, "Sociale huurwoning"));
  const HttpResponse flemish = server_.Get("/fr/rights?level=flemish");
  ASSERT_EQ(flemish.status, 200);
  EXPECT_TRUE(Contains(flemish.body, "Logement social (Flandre)"));
  EXPECT_FALSE(Contains(flemish.body, "Intervention majorée")) << "a federal right under the Flemish filter";
  // Who is competent for what: the rights one body handles.
  const HttpResponse ocmw = server_.Get("/nl/rights?body=het+OCMW+van+je+gemeente");
  ASSERT_EQ(ocmw.status, 200);
  EXPECT_TRUE(Contains(ocmw.body, "Verwarmingstoelage"));
  EXPECT_FALSE(Contains(ocmw.body, "Verhoogde tegemoetkoming</a>"));
}

TEST_F(RightsTest, ARightShowsItsFiguresWithValiditySourceAndReliability) {
  const HttpResponse page = server_.Get("/nl/rights/verhoogde_tegemoetkoming");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "25.630,67 €"));
  EXPECT_TRUE(Contains(page.body, "31 december 2024"));
  EXPECT_TRUE(Contains(page.body, "https://statut-bim.be/pour-qui/"));
  EXPECT_TRUE(Contains(page.body, "niet nagekeken")) << "the conflicting 2022 figure is marked unverified";
  EXPECT_EQ(server_.Get("/nl/rights/geen_recht").status, 404);
}

TEST_F(RightsTest, AScreeningExplainsEachRightAndStoresNothing) {
  const HttpResponse result = Screen(
      "nl", "date=2024-06-01&postcode=1500&age=40&income=20.000&income_kind=work&minor_children=1&status=tenant");
  ASSERT_EQ(result.status, 200) << result.body.substr(0, 3000);
  EXPECT_EQ(result.Header("cache-control"), "no-store");
  EXPECT_TRUE(Contains(result.body, "Waarschijnlijk recht"));
  EXPECT_TRUE(Contains(result.body, "lager dan de grens voor 2 personen (30.375,61 €)"));
  EXPECT_TRUE(Contains(result.body, "20.895,48 € per jaar")) << "the leefloon for a parent with a child";
  EXPECT_TRUE(Contains(result.body, "value=\"20.000\"")) << "the answers stay in the form";
  EXPECT_TRUE(Contains(result.body, "/nl/social-map?q=OCMW&amp;near=1500")) << "where to go, near the postcode";
}

TEST_F(RightsTest, IncomeRaisingRightsComeFirst) {
  const HttpResponse result = Screen("nl", "date=2024-06-01&postcode=1500&age=70&income_kind=pension&status=igo");
  ASSERT_EQ(result.status, 200);
  const auto igo = result.body.find("Inkomensgarantie voor ouderen (IGO)</a>");
  const auto vt = result.body.find("Verhoogde tegemoetkoming</a>");
  ASSERT_NE(igo, std::string::npos);
  ASSERT_NE(vt, std::string::npos);
  EXPECT_LT(igo, vt) << "both likely: the one that raises income first";
}

TEST_F(RightsTest, MissingAnswersAreNamedNotGuessed) {
  const HttpResponse result = Screen("fr", "date=2024-06-01&postcode=1000&age=35");
  ASSERT_EQ(result.status, 200);
  EXPECT_TRUE(Contains(result.body, "Impossible à dire pour l&apos;instant") ||
              Contains(result.body, "Impossible à dire pour l'instant"));
  EXPECT_TRUE(Contains(result.body, "les revenus de l&apos;an dernier") ||
              Contains(result.body, "les revenus de l'an dernier"));
  // Only the questions that would settle it are asked again; the others travel hidden.
  EXPECT_TRUE(Contains(result.body, "id=\"more-income\""));
  EXPECT_FALSE(Contains(result.body, "id=\"more-age\""));
  EXPECT_TRUE(Contains(result.body, "name=\"age\" value=\"35\""));
}

TEST_F(RightsTest, WrongAnswersComeBackWithTheirProblems) {
  const HttpResponse result = Screen("nl", "age=140&income=veel&postcode=12");
  EXPECT_EQ(result.status, 422);
  EXPECT_TRUE(Contains(result.body, "role=\"alert\""));
  EXPECT_TRUE(Contains(result.body, "Schrijf een leeftijd tussen 0 en 120"));
  EXPECT_TRUE(Contains(result.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(Contains(result.body, "value=\"veel\""));
}

TEST_F(RightsTest, AFormWithoutItsTokenIsRefused) {
  const HttpResponse refused = server_.Request("POST", "/nl/rights/screen", {kFormType}, "age=40");
  EXPECT_EQ(refused.status, 403);
}

TEST_F(RightsTest, TheFlyerListsWhatToAskWhereAndWhatToBring) {
  const HttpResponse flyer =
      Screen("fr", "date=2024-06-01&postcode=1500&age=40&income=20000&income_kind=work&partner=yes&partner_income=0",
             "/rights/flyer");
  ASSERT_EQ(flyer.status, 200);
  EXPECT_TRUE(Contains(flyer.body, "Intervention majorée"));
  EXPECT_TRUE(Contains(flyer.body, "votre mutualité"));
  EXPECT_TRUE(Contains(flyer.body, "Emportez"));
  EXPECT_TRUE(Contains(flyer.body, "partenaire")) << "the partner is named";
}

TEST_F(RightsTest, TheCommandLineScreensABatchOrRefusesItWhole) {
  const std::string input = server_.database() + ".persons.csv";
  const std::string output = server_.database() + ".results.csv";
  WriteFile(input,
            "household_id,person_id,role,birth_date,gross_taxable_income,income_kind,statuses,municipality_nis\n"
            "h1,p1,applicant,1984-03-01,20000,work,,23027\n");
  const CommandResult screened =
      RunZoneatlas({"rights", "screen", "--date", "2024-06-01", "--language", "fr", input, "-o", output});
  ASSERT_EQ(screened.exit_code, 0) << screened.output;
  EXPECT_TRUE(Contains(screened.output, "screened 1 households"));
  WriteFile(input,
            "household_id,person_id,role,birth_date,gross_taxable_income,income_kind,statuses,municipality_nis\n"
            "h1,p1,applicant,1984-03-01,veel,work,,23027\n");
  const std::string refused_output = server_.database() + ".refused.csv";
  const CommandResult refused = RunZoneatlas({"rights", "screen", input, "-o", refused_output});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(Contains(refused.output, "persons.csv: line 2, column gross_taxable_income: 'veel'")) << refused.output;
  const CommandResult listed = RunZoneatlas({"rights", "screen", "--help"});
  for (const char* word : {"household_id", "social_tenant", "energy_debt", "municipality_nis", "missing_facts"}) {
    EXPECT_TRUE(Contains(listed.output, word)) << word;
  }
}

// Issue 16: on any day an answer, and a catalog that says when its figures run out.
TEST_F(RightsTest, APensionerGetsAnAnswerWhenTheFiguresHaveRunOut) {
  const HttpResponse result = Screen("nl", "date=2026-12-07&postcode=1500&age=72&income=14000&income_kind=pension");
  ASSERT_EQ(result.status, 200) << result.body.substr(0, 2000);
  EXPECT_TRUE(Contains(result.body, "Gebaseerd op de bedragen van 1 november 2023 (1.519,01 €)"))
      << "the IGO reasons from its last figure";
  EXPECT_TRUE(Contains(result.body, "Gebaseerd op de bedragen van 1 januari 2024 (25.630,67 €)")) << "the VT too";
  EXPECT_FALSE(Contains(result.body, "nog geen bedrag bekend")) << result.body.substr(0, 6000);
  // Last year's wage above every limit, a pension now: the income now decides.
  const HttpResponse now =
      Screen("nl", "date=2026-12-07&postcode=1500&age=66&income=32000&current_income=1400&income_kind=pension");
  EXPECT_TRUE(Contains(now.body, "16.800,00 € per jaar")) << now.body.substr(0, 6000);
  const HttpResponse yearly =
      Screen("nl", "date=2026-12-07&postcode=1500&age=66&income=3000&current_income=32000&income_kind=pension");
  EXPECT_TRUE(Contains(yearly.body, "meer dan tien keer")) << "a yearly amount in the monthly field is asked again";
  const HttpResponse right = server_.Get("/nl/rights/inkomensgarantie_ouderen");
  EXPECT_TRUE(Contains(right.body, "Bedragen bekend tot en met 30 november 2023")) << right.body.substr(0, 4000);
}

TEST_F(RightsTest, TheCommandLineSaysWhichFiguresNeedAnEditor) {
  const CommandResult stale = RunZoneatlas({"rights", "check", "--date", "2026-12-07"});
  EXPECT_EQ(stale.exit_code, 1) << stale.output;
  EXPECT_TRUE(Contains(stale.output,
                       "igo.alleenstaand: no figure on 2026-12-07; the newest ended 2023-11-30 (indexed upwards: "
                       "screened within bounds)"))
      << stale.output;
  EXPECT_TRUE(Contains(stale.output, "rests on a secondary source")) << stale.output;
  EXPECT_TRUE(Contains(stale.output, "need attention on 2026-12-07 (horizon 90 days)"));
  const CommandResult soon = RunZoneatlas({"rights", "check", "--date", "2026-01-15", "--horizon", "60"});
  EXPECT_TRUE(Contains(soon.output,
                       "leefloon.alleenstaand: the newest figure (EUR 1,314.20 from 2025-02-01) ends "
                       "2026-02-28"))
      << soon.output;
  EXPECT_NE(RunZoneatlas({"rights", "check", "--horizon", "-1"}).exit_code, 0) << "a horizon in the past";
}

TEST_F(RightsTest, TheHelperPackNamesTheNearestOfficeFromTheSocialMap) {
  const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "hsds",
                                               std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/social-map-demo.json"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const HttpResponse pack =
      Screen("nl", "date=2024-06-01&postcode=1500&age=40&income=12000&income_kind=none", "/rights/pack");
  ASSERT_EQ(pack.status, 200) << pack.body.substr(0, 2000);
  EXPECT_TRUE(Contains(pack.body, "Rechten om na te vragen, en waar"));
  EXPECT_TRUE(Contains(pack.body, "Dichtstbij:")) << "an office from the social map";
  EXPECT_TRUE(Contains(pack.body, "1500 Halle"));
  EXPECT_TRUE(Contains(pack.body, "data-inline=")) << "the offices on a small map";
}

TEST_F(RightsTest, TheRadarSetsExpectedTakeUpBesideActualPerMunicipality) {
  const HttpResponse without = server_.Get("/nl/zones/elz-zennevallei/rights-radar");
  ASSERT_EQ(without.status, 200);
  EXPECT_TRUE(Contains(without.body, "te weinig gemeenten met alle cijfers")) << "no estimate without figures";
  const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "observations",
                                               std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/observations-demo.csv",
                                               "--demo", "--source", "demo"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const HttpResponse radar = server_.Get("/nl/zones/elz-zennevallei/rights-radar");
  ASSERT_EQ(radar.status, 200) << radar.body.substr(0, 2000);
  EXPECT_TRUE(Contains(radar.body, "Niet-opname van Verhoogde tegemoetkoming"));
  EXPECT_TRUE(Contains(radar.body, "Mensen te bereiken"));
  EXPECT_TRUE(Contains(radar.body, "Halle"));
  EXPECT_TRUE(Contains(radar.body, "lineaire regressie")) << "the method is stated";
  EXPECT_TRUE(Contains(radar.body, "<svg")) << "a map";
  // The school allowance is Flemish: compared among Flemish municipalities only, of which
  // the demo has seven — too few for an estimate, and the page says so.
  const HttpResponse school = server_.Get("/nl/zones/elz-zennevallei/rights-radar?right=schooltoeslag");
  ASSERT_EQ(school.status, 200);
  EXPECT_TRUE(Contains(school.body, "te weinig gemeenten met alle cijfers"));
  // The leefloon is counted per 1,000 inhabitants: Halle's 7.46 ‰ of 41,155 is 0.7 %.
  const HttpResponse leefloon = server_.Get("/nl/zones/elz-zennevallei/rights-radar?right=leefloon");
  ASSERT_EQ(leefloon.status, 200);
  EXPECT_TRUE(Contains(leefloon.body, "Niet-opname van Leefloon"));
  EXPECT_TRUE(Contains(leefloon.body, "<td>41.155</td>") || Contains(leefloon.body, ">41.155<"))
      << leefloon.body.substr(0, 6000);
  EXPECT_TRUE(Contains(leefloon.body, ">0,7 %<")) << "a share in percent, not per 1,000";
  EXPECT_TRUE(Contains(leefloon.body, "lineaire regressie"));
  EXPECT_TRUE(Contains(leefloon.body, "<svg")) << "an estimate, compared among all 26 municipalities";
  EXPECT_EQ(server_.Get("/nl/zones/elz-zennevallei/rights-radar?right=maximumfactuur").status, 404)
      << "the atlas has no take-up figures for that right";
}

TEST_F(RightsTest, ProfessionalsScreenABatchThroughTheApiAndNothingIsStored) {
  const std::string persons =
      "household_id;person_id;role;birth_date;gross_taxable_income;income_kind;statuses;municipality_nis\n"
      "h1;p1;applicant;1950-01-01;9000;pension;igo;21004\n"
      "h2;p2;applicant;1984-03-01;20000;work;;23027\n";
  const HttpResponse anonymous =
      server_.Request("POST", "/api/v1/rights/screenings?date=2024-06-01", {"Content-Type: text/csv"}, persons);
  EXPECT_EQ(anonymous.status, 401);
  AddUser(server_, "maatschappelijk@ocmw.be", {"professional"});
  const Session session = SignIn(server_, "maatschappelijk@ocmw.be");
  const HttpResponse screened = server_.Request("POST", "/api/v1/rights/screenings?date=2024-06-01&language=fr",
                                                {"Content-Type: text/csv", "Cookie: " + session.cookie}, persons);
  ASSERT_EQ(screened.status, 200) << screened.body;
  EXPECT_EQ(screened.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(screened.Header("x-households"), "2");
  EXPECT_TRUE(Contains(screened.body, "h1,inkomensgarantie_ouderen,likely,"));
  EXPECT_TRUE(Contains(screened.body, "h2,verhoogde_tegemoetkoming,likely,"));
  EXPECT_TRUE(Contains(screened.body, "Revenus bas l'an dernier")) << "reasons in the language asked";
  const HttpResponse refused = server_.Request("POST", "/api/v1/rights/screenings?date=2024-06-01",
                                               {"Content-Type: text/csv", "Cookie: " + session.cookie},
                                               "household_id,person_id,role\nh1,p1,boss\n");
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Header("content-type"), "application/problem+json");
  EXPECT_TRUE(Contains(refused.body, "line 2, column role")) << refused.body;
}

// The results of a large batch are sent as they are made, not built whole in memory; a
// request is bounded, and only a signed-in user may send a large body at all.
TEST_F(RightsTest, ABatchIsStreamedAndBoundedAndOnlyUsersMayUploadOne) {
  AddUser(server_, "outreach@ocmw.be", {"professional"});
  const Session session = SignIn(server_, "outreach@ocmw.be");
  const std::string head = "household_id,person_id,role,birth_date,gross_taxable_income,municipality_nis\n";
  std::string persons = head;
  for (int h = 0; h < 3000; ++h) persons += "h" + std::to_string(h) + ",p,applicant,1950-01-01,9000,23027\n";
  const HttpResponse screened =
      server_.RequestWithin(std::chrono::seconds(60), "POST", "/api/v1/rights/screenings?date=2024-06-01",
                            {"Content-Type: text/csv", "Cookie: " + session.cookie}, persons);
  ASSERT_EQ(screened.status, 200);
  EXPECT_TRUE(screened.chunked) << "sent as it is made";
  ASSERT_TRUE(screened.complete);
  const auto rows = std::count(screened.body.begin(), screened.body.end(), '\n');
  EXPECT_EQ(rows % 3000, 1) << "a header, then every right of every household";
  EXPECT_GT(rows, 3000 * 40);
  EXPECT_TRUE(Contains(screened.body, "h2999,inkomensgarantie_ouderen,"));

  std::string too_many = head;
  for (int h = 0; h <= 20'000; ++h) too_many += "h" + std::to_string(h) + ",p,applicant,1950-01-01,9000,23027\n";
  const HttpResponse refused =
      server_.RequestWithin(std::chrono::seconds(30), "POST", "/api/v1/rights/screenings?date=2024-06-01",
                            {"Content-Type: text/csv", "Cookie: " + session.cookie}, too_many);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Contains(refused.body, "20001 households: at most 20000 a request")) << refused.body;

  // Announced sizes are judged before a byte of the body is read: 4 MiB for a user, the
  // 1 MiB of any request for someone who has not signed in.
  const auto announce = [&](std::size_t bytes, const std::string& cookie) {
    RawConnection connection(server_.port());
    connection.Send("POST /api/v1/rights/screenings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n" +
                    (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") + "Content-Length: " + std::to_string(bytes) +
                    "\r\n\r\n");
    return connection.ReadResponse(std::chrono::seconds(2));
  };
  EXPECT_EQ(announce(5 * 1024 * 1024, session.cookie).status, 413);
  EXPECT_EQ(announce(2 * 1024 * 1024, "").status, 413) << "no upload allowance before signing in";
  EXPECT_EQ(announce(2 * 1024 * 1024, "zoneatlas_session=forged").status, 413);
  const HttpResponse allowed = announce(2 * 1024 * 1024, session.cookie);
  EXPECT_EQ(allowed.status, 0) << "the server waits for the body it allows";
}

}  // namespace
}  // namespace zoneatlas::testing

namespace zoneatlas::testing {
namespace {

// Keeping figures current: one zone editor proposes, another publishes, and screenings
// use the figure at once; nobody publishes their own.
TEST(RightsFiguresTest, AFigureProposedByOneEditorAndPublishedByAnotherChangesTheScreening) {
  ServerProcess server;
  AddUser(server, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session proposer = SignIn(server, "zone@zennevallei.be");
  const Session reviewer = SignIn(server, "zone@noord.brussels");
  auto post = [&](const std::string& target, const Session& session, const std::string& body) {
    return server.Request("POST", target, {kFormType, "Cookie: " + session.cookie},
                          "csrf_token=" + session.csrf_token + "&" + body);
  };
  const std::string figure =
      "parameter=leefloon.alleenstaand&value=1340%2C48&from=2026-03-01&known_until=2026-12-31"
      "&source=https%3A%2F%2Fwww.mi-is.be%2F&reliability=O&note=spilindex";
  const HttpResponse overlapping = post("/nl/rights/figures", proposer,
                                        "parameter=leefloon.alleenstaand&value=1&from=2025-06-01&until=2026-06-01"
                                        "&known_until=2026-12-31&source=x&reliability=S");
  EXPECT_EQ(overlapping.status, 422);
  EXPECT_TRUE(overlapping.body.find("past niet bij de andere") != std::string::npos)
      << overlapping.body.substr(0, 3000);
  const HttpResponse proposed = post("/nl/rights/figures", proposer, figure);
  ASSERT_EQ(proposed.status, 303) << proposed.body.substr(0, 3000);
  const HttpResponse list = server.Get("/nl/rights/figures", {"Cookie: " + reviewer.cookie});
  ASSERT_EQ(list.status, 200);
  const auto at = list.body.find("/nl/rights/figures/");
  ASSERT_NE(at, std::string::npos) << "the reviewer sees the figure";
  const std::string review = list.body.substr(at, list.body.find('"', at) - at);
  EXPECT_EQ(post(review, proposer, "decision=publish").status, 409) << "not by who proposed it";
  ASSERT_EQ(post(review, reviewer, "decision=publish&comment=nagekeken").status, 303);
  // The right's page and a screening in March 2026 use the new figure.
  EXPECT_TRUE(server.Get("/nl/rights/leefloon").body.find("1.340,48 €") != std::string::npos);
  const HttpResponse form = server.Get("/nl/rights/screen");
  const std::string csrf = CookieValue(form.Header("set-cookie"), "zoneatlas_csrf");
  auto screen = [&](const std::string& answers) {
    return server.Request("POST", "/nl/rights/screen", {kFormType, "Cookie: zoneatlas_csrf=" + csrf},
                          "csrf_token=" + csrf + "&statuses_asked=1&date=2026-03-15&postcode=1500&" + answers);
  };
  // Alone, the published figure decides: 15,000 € is under 12 × 1,340.48 €.
  const HttpResponse alone = screen("age=40&income=15000&income_kind=none");
  EXPECT_TRUE(alone.body.find("16.085,76 € per jaar") != std::string::npos) << alone.body.substr(0, 4000);
  EXPECT_TRUE(alone.body.find("nog geen bedrag bekend") == std::string::npos);
  // A couple's leefloon has no figure for March 2026 yet: the screening reasons from the
  // one of 1 February 2025, and says so.
  const HttpResponse couple = screen("age=40&income=15000&income_kind=none&partner=yes&partner_income=0");
  EXPECT_TRUE(couple.body.find("Gebaseerd op de bedragen van 1 februari 2025 (876,13 €)") != std::string::npos)
      << couple.body.substr(0, 6000);
}

// The text of the page's <textarea id="…">, its HTML escapes undone.
std::string TextareaText(const std::string& page, const std::string& id) {
  const auto open = page.find("<textarea id=\"" + id + "\"");
  if (open == std::string::npos) return "";
  const auto start = page.find('>', open) + 1;
  std::string text = page.substr(start, page.find("</textarea>", start) - start);
  for (const auto& [escaped, plain] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (auto at = text.find(escaped); at != std::string::npos; at = text.find(escaped, at + plain.size())) {
      text.replace(at, escaped.size(), plain);
    }
  }
  return text;
}

// Changing how a right is decided: one zone editor edits its definition, which is checked
// with the whole catalog first; another reads the change line by line and publishes it.
TEST(RightsRulesTest, ARuleChangedByOneEditorAndPublishedByAnotherChangesTheRight) {
  ServerProcess server;
  AddUser(server, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session proposer = SignIn(server, "zone@zennevallei.be");
  const Session reviewer = SignIn(server, "zone@noord.brussels");
  EXPECT_EQ(server.Get("/nl/rights/rules/leefloon/edit").status, 401) << "signed-in editors only";
  const HttpResponse edit = server.Get("/nl/rights/rules/leefloon/edit", {"Cookie: " + proposer.cookie});
  ASSERT_EQ(edit.status, 200);
  const std::string definition = TextareaText(edit.body, "definition");
  ASSERT_NE(definition.find("\"id\": \"leefloon\""), std::string::npos) << edit.body.substr(0, 3000);
  auto propose = [&](const std::string& text) {
    return server.Request("POST", "/nl/rights/rules/leefloon/edit", {kFormType, "Cookie: " + proposer.cookie},
                          "csrf_token=" + proposer.csrf_token + "&note=eenvoudiger&definition=" + UrlEncode(text));
  };
  auto changed = [&](std::string_view from, std::string_view to) {
    std::string text = definition;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  const HttpResponse misspelt =
      propose(changed("couple.recent_income < leefloon_jaar", "couple.recent_incme < leefloon_jaar"));
  EXPECT_EQ(misspelt.status, 422);
  EXPECT_NE(misspelt.body.find("couple.recent_incme"), std::string::npos) << misspelt.body.substr(0, 4000);
  EXPECT_NE(misspelt.body.find("couple.recent_incme &lt; leefloon_jaar"), std::string::npos) << "what was typed stays";
  EXPECT_EQ(propose(definition).status, 422) << "nothing changed";
  const HttpResponse proposed = propose(changed("voor wie te weinig geld heeft", "als je te weinig geld hebt"));
  ASSERT_EQ(proposed.status, 303) << proposed.body.substr(0, 3000);
  const HttpResponse list = server.Get("/nl/rights/rules", {"Cookie: " + reviewer.cookie});
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("<del>-"), std::string::npos) << "the old line, marked";
  EXPECT_NE(list.body.find("<ins>+"), std::string::npos) << "the new line, marked";
  const auto at = list.body.find("/nl/rights/rules/changes/");
  ASSERT_NE(at, std::string::npos);
  const std::string review = list.body.substr(at, list.body.find('"', at) - at);
  auto decide = [&](const Session& session, const std::string& body) {
    return server.Request("POST", review, {kFormType, "Cookie: " + session.cookie},
                          "csrf_token=" + session.csrf_token + "&" + body);
  };
  EXPECT_EQ(decide(proposer, "decision=publish").status, 409) << "not by who proposed it";
  ASSERT_EQ(decide(reviewer, "decision=publish&comment=goed").status, 303);
  EXPECT_NE(server.Get("/nl/rights/leefloon").body.find("als je te weinig geld hebt"), std::string::npos)
      << "in force at once";
}

}  // namespace
}  // namespace zoneatlas::testing
