// The agenda over HTTP, against the real binary: the demo campaigns and events imported
// with the command line, the list and month views with their filters and collision warning,
// an event's and a campaign's page, and the iCalendar feed taking the same filters.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

class AgendaHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "agenda",
                                                 std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/agenda.json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }

  ServerProcess server_;
};

// Links that are opened outside the site (a calendar program, a printed slip) carry the
// address the site is configured with, whatever Host header a client sends.
TEST(AgendaPublicUrlTest, LinksOutsideTheSiteUseThePublicUrlNotTheHostHeader) {
  ServerProcess server({"--public-url", "https://zoneatlas.example"});
  const CommandResult imported = RunZoneatlas({"--database", server.database(), "import", "agenda",
                                               std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/agenda.json"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const auto forged = [&](const std::string& target) {
    RawConnection connection(server.port());
    connection.Send("GET " + target + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    return connection.ReadResponse();
  };
  const HttpResponse feed = forged("/api/v1/agenda.ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(Contains(feed.body, "https://zoneatlas.example/")) << feed.body.substr(0, 1500);
  EXPECT_FALSE(Contains(feed.body, "evil.example"));
  const HttpResponse page = forged("/nl/agenda");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "webcal://zoneatlas.example/api/v1/agenda.ics"));
  EXPECT_FALSE(Contains(page.body, "evil.example"));
}

TEST_F(AgendaHttpTest, TheFeedCarriesTheFilteredEventsWithTheirRulesInBelgianTime) {
  const HttpResponse all = server_.Get("/api/v1/agenda.ics");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.Header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(Count(all.body, "BEGIN:VEVENT"), 12u);
  EXPECT_TRUE(Contains(all.body, "TZID:Europe/Brussels"));
  const HttpResponse halle = server_.Get("/api/v1/agenda.ics?area=23027&theme=digital_help");
  ASSERT_EQ(halle.status, 200);
  EXPECT_EQ(Count(halle.body, "BEGIN:VEVENT"), 1u);
  EXPECT_TRUE(Contains(halle.body, "UID:digitaal-inloop-halle@zoneatlas"));
  EXPECT_TRUE(Contains(halle.body, "DTSTART;TZID=Europe/Brussels:20260901T100000"));
  EXPECT_TRUE(Contains(halle.body, "RRULE:FREQ=WEEKLY;UNTIL=20270629T235959Z;BYDAY=TU"));
  const HttpResponse arabic = server_.Get("/api/v1/agenda.ics?language=ar");
  EXPECT_EQ(Count(arabic.body, "BEGIN:VEVENT"), 2u);
  EXPECT_EQ(server_.Get("/api/v1/agenda.ics?theme=weather").status, 400);
}

TEST_F(AgendaHttpTest, TheListAndMonthViewsShowTheEventsAndWarnOfACollision) {
  const HttpResponse january = server_.Get("/nl/agenda?view=month&month=2027-01&area=23077");
  ASSERT_EQ(january.status, 200);
  EXPECT_TRUE(Contains(january.body, "januari 2027"));
  EXPECT_TRUE(Contains(january.body, "Gezond koken met weinig geld"));
  EXPECT_TRUE(Contains(january.body, "Let op: twee activiteiten voor dezelfde mensen tegelijk."));
  EXPECT_TRUE(Contains(january.body, "href=\"/api/v1/agenda.ics?area=23077\"")) << "the same selection as a feed";
  const HttpResponse list = server_.Get("/fr/agenda?view=list&from=2027-03-01&campaign=blue-march-2027");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Dépistage du cancer colorectal : comment faire le test ?"));
  EXPECT_TRUE(Contains(list.body, "mardi 16 mars 2027"));
  EXPECT_FALSE(Contains(list.body, "Permanence numérique")) << "another campaign's events";
  EXPECT_EQ(server_.Get("/nl/agenda?view=month&month=2027-13").status, 400);
}

TEST_F(AgendaHttpTest, AnEventAndACampaignHaveTheirPages) {
  const HttpResponse event = server_.Get("/nl/agenda/events/infoavond-voedselhulp-spl");
  ASSERT_EQ(event.status, 200);
  EXPECT_TRUE(Contains(event.body, "Sint-Pieters-Leeuw"));
  EXPECT_TRUE(Contains(event.body, "Let op: twee activiteiten")) << "it collides with the cooking workshop";
  const HttpResponse campaign = server_.Get("/nl/agenda/campaigns/blue-march-2027");
  ASSERT_EQ(campaign.status, 200);
  EXPECT_TRUE(Contains(campaign.body, "<option value=\"elz-zennevallei\">")) << "a zone to choose for the baseline";
  EXPECT_TRUE(Contains(campaign.body, "Darmkankerscreening: hoe gaat de test?"));
  EXPECT_EQ(server_.Get("/nl/agenda/events/nothing").status, 404);
  const auto occurrences =
      boost::json::parse(server_.Get("/api/v1/agenda/events?from=2027-03-22&until=2027-04-04&area=23027").body);
  std::vector<std::string> walk_ins;
  for (const auto& item : occurrences.at("occurrences").as_array()) {
    if (item.at("event").as_string() == "digitaal-inloop-halle") walk_ins.emplace_back(item.at("start").as_string());
  }
  EXPECT_EQ(walk_ins, (std::vector<std::string>{"2027-03-23T10:00", "2027-03-30T10:00"}))
      << "10:00 on both sides of the change to summer time";
}

TEST_F(AgendaHttpTest, ACampaignShowsWhereUptakeIsLowBesideTheSessionsPlannedThere) {
  // Participation in colorectal screening: lowest in Linkebeek, where no session is planned;
  // Halle has the campaign's session.
  const std::string file = server_.database() + ".screening.csv";
  WriteFile(file,
            "area_code,indicator,period,value,numerator,denominator\n"
            "23003,screen_colorectal,2024,,3300,6000\n23098,screen_colorectal,2024,,800,1500\n"
            "23027,screen_colorectal,2024,,4800,10000\n23100,screen_colorectal,2024,,360,1000\n"
            "23064,screen_colorectal,2024,,900,1700\n23077,screen_colorectal,2024,,5000,10000\n"
            "23101,screen_colorectal,2024,,3000,6000\n02000,screen_colorectal,2024,,1086755,2104801\n"
            "23100,screen_colorectal_vt,2024,,40,160\n23027,screen_colorectal_vt,2024,,560,1600\n");
  const CommandResult imported =
      RunZoneatlas({"--database", server_.database(), "import", "observations", file, "--source", "test"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const HttpResponse page = server_.Get("/nl/agenda/campaigns/blue-march-2027?zone=elz-zennevallei");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<option value=\"elz-zennevallei\" selected>"));
  EXPECT_TRUE(Contains(page.body, "href=\"/nl/zones/elz-zennevallei/atlas/screen_colorectal\""));
  const auto linkebeek = page.body.find("<th scope=\"row\">Linkebeek</th>");
  const auto halle = page.body.find("<th scope=\"row\">Halle</th>");
  const auto beersel = page.body.find("<th scope=\"row\">Beersel</th>");
  ASSERT_NE(linkebeek, std::string::npos) << page.body;
  EXPECT_TRUE(linkebeek < halle && halle < beersel) << "lowest participation first: 36 %, 48 %, 55 %";
  EXPECT_TRUE(Contains(page.body.substr(linkebeek, 300), "36,0"));
  EXPECT_TRUE(Contains(page.body.substr(linkebeek, 300), "duidelijk lager dan de zone, ongunstig"));
  EXPECT_TRUE(Contains(page.body.substr(linkebeek, 300), "<td class=\"number\">0</td>")) << "no session there";
  EXPECT_TRUE(Contains(page.body.substr(halle, 300), "<td class=\"number\">1</td>")) << "the session in Halle";
  EXPECT_TRUE(Contains(page.body, ">Met verhoogde tegemoetkoming</th>"))
      << "the same among people with verhoogde tegemoetkoming";
  EXPECT_TRUE(Contains(page.body.substr(linkebeek, 300), "<td class=\"number\">25,0</td>")) << "40 of 160";
  EXPECT_TRUE(Contains(page.body.substr(halle, 300), "<td class=\"number\">35,0</td>")) << "560 of 1,600";
  EXPECT_TRUE(Contains(page.body, "Vlaams Gewest"));
  EXPECT_TRUE(
      Contains(server_.Get("/fr/agenda/campaigns/blue-march-2027?zone=elz-zennevallei").body, "Séances prévues"));
  EXPECT_TRUE(Contains(server_.Get("/nl/agenda/campaigns/blue-march-2027?zone=zorgzone-noord").body,
                       "De atlas heeft voor deze zone nog geen cijfers"));
  EXPECT_EQ(server_.Get("/nl/agenda/campaigns/blue-march-2027?zone=nowhere").status, 404);
}

TEST_F(AgendaHttpTest, AZoneEditorAddsAnActivityAfterSeeingWhatItCollidesWith) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string path = "/nl/zones/elz-zennevallei/agenda/new";
  const auto post = [&](const Session& session, const std::string& fields) {
    return server_.Request("POST", path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const HttpResponse agenda = server_.Get("/nl/agenda", {"Cookie: " + editor.cookie});
  EXPECT_TRUE(Contains(agenda.body, "href=\"" + path + "\"")) << "the editor's zone offers the form";
  const HttpResponse form = server_.Get(path, {"Cookie: " + editor.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "Sint-Pieters-Leeuw"));
  // Every Saturday morning in Sint-Pieters-Leeuw on food for people with a low income: the
  // cooking workshop of the first Saturday is at the same time.
  const std::string fields = "&title=" + UrlEncode("Sociale kruidenier: proeverij") +
                             "&kind=workshop&theme=food&area=23077&day=2027-01-02&from=10:00&to=11:30"
                             "&repeat=weekly&until=2027-02-27&target_groups=low_income&languages=nl";
  const HttpResponse warned = post(editor, fields);
  ASSERT_EQ(warned.status, 200);
  EXPECT_TRUE(Contains(warned.body, "Let op: twee activiteiten voor dezelfde mensen tegelijk."));
  EXPECT_TRUE(Contains(warned.body, "Gezond koken met weinig geld"));
  EXPECT_TRUE(Contains(warned.body, "value=\"Sociale kruidenier: proeverij\"")) << "what was typed stays";
  EXPECT_EQ(post(other, fields + "&confirm=1").status, 403) << "another zone's editor";
  const HttpResponse wrong = post(editor,
                                  "&title=X&kind=workshop&theme=food&area=21013&day=2027-01-02&from=10:00"
                                  "&to=09:00&repeat=once");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Kies een gemeente van de zone."));
  const HttpResponse saved = post(editor, fields + "&confirm=1");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const HttpResponse page = server_.Get(saved.Header("Location"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Sociale kruidenier: proeverij"));
  const HttpResponse feed = server_.Get("/api/v1/agenda.ics?area=23077&theme=food");
  EXPECT_TRUE(Contains(feed.body, "RRULE:FREQ=WEEKLY;UNTIL=20270227T235959Z"));
}

TEST_F(AgendaHttpTest, AZoneEditorMovesAnActivityChangesAnotherAndRemovesOne) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string event = "/nl/agenda/events/infoavond-voedselhulp-spl";
  EXPECT_FALSE(Contains(server_.Get(event).body, event + "/edit")) << "no edit link for the public";
  EXPECT_TRUE(Contains(server_.Get(event, {"Cookie: " + editor.cookie}).body, "href=\"" + event + "/edit\""));
  EXPECT_EQ(server_.Get(event + "/edit", {"Cookie: " + other.cookie}).status, 403);
  const HttpResponse form = server_.Get(event + "/edit", {"Cookie: " + editor.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"2027-01-02\""));
  EXPECT_TRUE(Contains(form.body, "id=\"from\" name=\"from\" value=\"10:30\""));
  EXPECT_TRUE(Contains(form.body, "<option value=\"once\" selected>"));
  EXPECT_TRUE(Contains(form.body, "value=\"fr\" checked")) << "its languages ticked";
  const auto post = [&](const Session& session, const std::string& path, const std::string& fields) {
    return server_.Request("POST", path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const std::string moved = "&title=" + UrlEncode("Infomoment voedselhulp en sociale kruidenier") +
                            "&kind=information_day&theme=food&area=23077&day=2027-01-02&from=14:00&to=15:30"
                            "&repeat=once&target_groups=low_income&languages=nl&languages=fr";
  EXPECT_EQ(post(other, event + "/edit", moved).status, 403);
  std::string backwards = moved;
  backwards.replace(backwards.find("&to=15:30"), 9, "&to=13:00");
  const HttpResponse wrong = post(editor, event + "/edit", backwards);
  EXPECT_EQ(wrong.status, 422) << "ends before it starts";
  // In the afternoon it no longer meets the cooking workshop of that morning: saved at once.
  const HttpResponse saved = post(editor, event + "/edit", moved);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(saved.Header("Location"), event);
  const HttpResponse page = server_.Get(event);
  EXPECT_FALSE(Contains(page.body, "Let op: twee activiteiten")) << "the collision is gone";
  EXPECT_TRUE(Contains(server_.Get("/api/v1/agenda.ics?area=23077&theme=food").body,
                       "DTSTART;TZID=Europe/Brussels:20270102T140000"));

  // The monthly workshop was imported with a rule the form cannot say in words: kept as it is.
  const std::string workshop = "/nl/agenda/events/koken-spl";
  const HttpResponse workshop_form = server_.Get(workshop + "/edit", {"Cookie: " + editor.cookie});
  ASSERT_EQ(workshop_form.status, 200);
  EXPECT_TRUE(Contains(workshop_form.body, "<option value=\"recorded\" selected>"));
  ASSERT_EQ(post(editor, workshop + "/edit",
                 "&title=" + UrlEncode("Gezond koken met weinig geld (met kinderopvang)") +
                     "&kind=workshop&theme=food&area=23077&day=2026-12-05&from=10:00&to=12:30&repeat=recorded"
                     "&target_groups=low_income&languages=nl")
                .status,
            303);
  const std::string feed = server_.Get("/api/v1/agenda.ics?area=23077&theme=food").body;
  EXPECT_TRUE(Contains(feed, "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1SA"));
  EXPECT_TRUE(Contains(feed, "met kinderopvang"));

  // Removed only when the editor ticks that they mean it.
  const HttpResponse unsure = post(editor, event + "/remove", "");
  EXPECT_EQ(unsure.status, 422);
  EXPECT_TRUE(Contains(unsure.body, "Vink aan dat u de activiteit wilt schrappen."));
  EXPECT_EQ(post(other, event + "/remove", "&sure=1").status, 403);
  const HttpResponse removed = post(editor, event + "/remove", "&sure=1");
  ASSERT_EQ(removed.status, 303);
  EXPECT_EQ(server_.Get(event).status, 404);
  EXPECT_FALSE(Contains(server_.Get("/api/v1/agenda.ics?area=23077&theme=food").body, "Infomoment voedselhulp"));
}

TEST_F(AgendaHttpTest, AZoneEditorAddsACampaignAndKeepsItCurrent) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "partner@ocmw.be", {"partner_editor:ocmw-23027"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session partner = SignIn(server_, "partner@ocmw.be");
  const std::string path = "/nl/agenda/campaigns/new";
  EXPECT_TRUE(Contains(server_.Get("/nl/agenda", {"Cookie: " + editor.cookie}).body, "href=\"" + path + "\""));
  EXPECT_FALSE(Contains(server_.Get("/nl/agenda").body, path));
  EXPECT_EQ(server_.Get(path, {"Cookie: " + partner.cookie}).status, 403) << "campaigns are the zones' to keep";
  const HttpResponse form = server_.Get(path, {"Cookie: " + editor.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "<option value=\"screen_colorectal\">Dikkedarmkankeropsporing</option>"))
      << "indicators by their names";
  const auto post = [&](const Session& session, const std::string& target, const std::string& fields) {
    return server_.Request("POST", target, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const std::string fields = "&name_nl=" + UrlEncode("Borstkankermaand 2027") +
                             "&name_fr=" + UrlEncode("Octobre rose 2027") +
                             "&theme=prevention_screening&from=2027-10-01&until=2027-10-31"
                             "&baseline_indicator=screen_breast&url=" +
                             UrlEncode("https://www.bevolkingsonderzoek.be");
  EXPECT_EQ(post(partner, path, fields).status, 403);
  const HttpResponse wrong = post(
      editor, path, "&name_nl=X&theme=prevention_screening&from=2027-10-31&until=2027-10-01&url=javascript:alert(1)");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Geef de naam in het Frans"));
  EXPECT_TRUE(Contains(wrong.body, "niet voor de eerste"));
  EXPECT_TRUE(Contains(wrong.body, "Geef een webadres dat met https:// begint."));
  const HttpResponse saved = post(editor, path, fields);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const std::string campaign = saved.Header("Location");
  const HttpResponse page = server_.Get(campaign, {"Cookie: " + editor.cookie});
  EXPECT_TRUE(Contains(page.body, "Borstkankermaand 2027"));
  EXPECT_TRUE(Contains(page.body, "href=\"https://www.bevolkingsonderzoek.be\""));
  EXPECT_TRUE(Contains(server_.Get("/fr" + campaign.substr(3)).body, "Octobre rose 2027"));
  // Put back a week; sessions can attach to it from the activity form.
  ASSERT_EQ(post(editor, campaign + "/edit",
                 fields.substr(0, fields.find("&from=")) +
                     "&from=2027-09-24&until=2027-10-31&baseline_indicator=screen_breast")
                .status,
            303);
  EXPECT_TRUE(Contains(server_.Get(campaign).body, "24 september 2027"));
  EXPECT_TRUE(Contains(server_.Get("/nl/zones/elz-zennevallei/agenda/new", {"Cookie: " + editor.cookie}).body,
                       "Borstkankermaand 2027"));
  const auto api = boost::json::parse(server_.Get("/api/v1/agenda/campaigns").body);
  bool listed = false;
  for (const auto& item : api.at("campaigns").as_array()) {
    if (item.at("name_fr").as_string() == "Octobre rose 2027") {
      listed =
          item.at("from").as_string() == "2027-09-24" && item.at("baseline_indicator").as_string() == "screen_breast";
    }
  }
  EXPECT_TRUE(listed) << "the API has the campaign as changed";
  // Blue March has its sessions: it stays. The new campaign has none: it goes.
  const HttpResponse attached = post(editor, "/nl/agenda/campaigns/blue-march-2027/remove", "&sure=1");
  EXPECT_EQ(attached.status, 409);
  EXPECT_TRUE(Contains(attached.body, "Er horen nog activiteiten bij deze campagne."));
  EXPECT_EQ(post(partner, campaign + "/remove", "&sure=1").status, 403);
  EXPECT_EQ(post(editor, campaign + "/remove", "").status, 422) << "not ticked";
  ASSERT_EQ(post(editor, campaign + "/remove", "&sure=1").status, 303);
  EXPECT_EQ(server_.Get(campaign).status, 404);
  EXPECT_EQ(server_.Get("/nl/agenda/campaigns/blue-march-2027").status, 200);
}

}  // namespace
}  // namespace zoneatlas::testing
