// Editing the social map over HTTP, against the real binary: a partner proposes, a zone
// editor reviews side by side and publishes or sends back; professionals report changes
// and propose community resources; "still correct" confirms a record. Who may do what is
// decided per record.
#include <gtest/gtest.h>

#include <chrono>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The form of a demo service as its editor would send it, with `changes` on top
// (names replace fields; repeated fields are given whole).
std::string ServiceForm(const std::string& csrf, const std::vector<std::pair<std::string, std::string>>& changes) {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"name_nl", "Sociale dienst Halle"},
      {"name_fr", "Service social de Hal"},
      {"plain_nl", "U hebt te weinig geld? Kom langs. Wij kijken samen wat kan."},
      {"theme", "income_rights"},
      {"cost", "free"},
      {"phone", "+32 2 301 01 07"},
      {"competent_level", "municipality"},
      {"status", "active"},
      {"area", "23027"},
      {"language", "nl"},
      {"language", "fr"},
      {"h_MO1_opens", "09:00"},
      {"h_MO1_closes", "12:00"},
      {"h_MO1_walkin", "1"},
      {"location_name", "Sociale dienst Halle"},
      {"location_address", "Kerkstraat 2"},
      {"location_postal_code", "1500"},
      {"location_city", "Halle"},
      {"location_municipality", "23027"},
  };
  for (const auto& [name, value] : changes) {
    std::erase_if(fields, [&](const auto& field) { return field.first == name; });
  }
  for (const auto& change : changes) {
    if (!change.second.empty()) fields.push_back(change);
  }
  std::string body = "csrf_token=" + csrf;
  for (const auto& [name, value] : fields) body += "&" + name + "=" + UrlEncode(value);
  return body;
}

// "/nl/social-map/review/ID" from a redirect.
std::string ProposalPath(const HttpResponse& response) {
  EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
  return response.Header("Location");
}

class SocialMapEditingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult imported =
        RunZoneatlas({"--database", server_.database(), "import", "hsds",
                      std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/social-map-demo.json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
    AddUser(server_, "ocmw@halle.be", {"partner_editor:ocmw-23027"});
    AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
    AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
    AddUser(server_, "pro@halle.be", {"professional"});
    partner_ = SignIn(server_, "ocmw@halle.be");
    editor_ = SignIn(server_, "zone@zennevallei.be");
    other_editor_ = SignIn(server_, "zone@noord.brussels");
    professional_ = SignIn(server_, "pro@halle.be");
  }

  HttpResponse Get(const std::string& target, const Session& session) {
    return server_.Get(target, {"Cookie: " + session.cookie});
  }
  HttpResponse Post(const std::string& target, const Session& session, const std::string& body) {
    return server_.Request("POST", target, {kFormType, "Cookie: " + session.cookie}, body);
  }

  ServerProcess server_;
  Session partner_, editor_, other_editor_, professional_;
};

TEST_F(SocialMapEditingTest, APartnerProposesAndTheZoneEditorPublishesAfterSeeingBothSideBySide) {
  const std::string service = "/nl/social-map/services/demo-social-service-23027";
  const auto page = Get(service, partner_);
  EXPECT_TRUE(Contains(page.body, "href=\"" + service + "/edit\"")) << "the partner may propose a change";
  EXPECT_TRUE(Contains(page.body, "Klopt nog"));
  const auto form = Get(service + "/edit", partner_);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"Sociale dienst Halle\""));
  EXPECT_TRUE(Contains(form.body, "id=\"h_MO1_opens\" name=\"h_MO1_opens\" value=\"09:00\""));
  EXPECT_TRUE(Contains(form.body, "Uw voorstel gaat naar de zone-redacteur"));

  const std::string long_plain =
      "Hebt u te weinig geld om de huur en de energierekening van deze maand te betalen en weet u niet meer waar u "
      "terecht kunt met uw vragen? Kom langs.";
  const auto sent = Post(service + "/edit", partner_,
                         ServiceForm(partner_.csrf_token, {{"phone", "+32 2 301 99 99"},
                                                           {"plain_nl", long_plain},
                                                           {"message", "Nieuw nummer sinds 1 november."}}));
  const std::string proposal = ProposalPath(sent);
  ASSERT_TRUE(proposal.starts_with("/nl/social-map/review/")) << proposal;
  EXPECT_TRUE(Contains(server_.Get(service).body, "+32 2 301 01 07")) << "nothing changes before review";

  const auto mine = Get(proposal, partner_);
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(Contains(mine.body, "Wacht op nakijken"));
  EXPECT_FALSE(Contains(mine.body, "/publish")) << "a partner does not review their own proposal";
  EXPECT_EQ(Get(proposal, other_editor_).status, 404) << "another zone's editor does not see it";

  const auto queue = Get("/nl/social-map/review", editor_);
  EXPECT_TRUE(Contains(queue.body, "href=\"" + proposal + "\"")) << queue.body.substr(0, 3000);
  EXPECT_FALSE(Contains(Get("/nl/social-map/review", other_editor_).body, "href=\"" + proposal + "\""));
  const auto review = Get(proposal, editor_);
  EXPECT_TRUE(Contains(review.body, "<td>+32 2 301 01 07</td><td>+32 2 301 99 99</td>")) << review.body;
  EXPECT_TRUE(
      Contains(review.body, "<tr class=\"changed\"><th scope=\"row\">Telefoon <span class=\"tag\">gewijzigd</span>"))
      << review.body.substr(review.body.find("side-by-side"), 3000);
  EXPECT_TRUE(Contains(review.body, "Nieuw nummer sinds 1 november."));
  EXPECT_TRUE(Contains(review.body, "Lange zin (meer dan 15 woorden):")) << "the plain-language hint";
  EXPECT_TRUE(Contains(review.body, "energierekening"));

  EXPECT_EQ(Post(proposal + "/publish", other_editor_, "csrf_token=" + other_editor_.csrf_token).status, 403);
  const auto published = Post(proposal + "/publish", editor_, "csrf_token=" + editor_.csrf_token + "&comment=Dank");
  EXPECT_EQ(published.status, 303);
  const auto now = server_.Get(service);
  EXPECT_TRUE(Contains(now.body, "+32 2 301 99 99"));
  EXPECT_TRUE(Contains(now.body, "energierekening"));
  EXPECT_FALSE(Contains(now.body, "<strong>Meer dan een jaar niet nagekeken</strong>"));
  EXPECT_TRUE(Contains(server_.Get("/nl/social-map?q=energierekening").body, "Sociale dienst Halle"))
      << "the search follows at once";
  EXPECT_TRUE(Contains(Get(proposal, partner_).body, "Gepubliceerd"));
  EXPECT_EQ(Post(proposal + "/publish", editor_, "csrf_token=" + editor_.csrf_token).status, 409)
      << "a proposal is published once";
}

TEST_F(SocialMapEditingTest, ASentBackProposalCarriesTheReviewersCommentAndChangesNothing) {
  const std::string service = "/nl/social-map/services/demo-social-service-23027";
  const std::string proposal =
      ProposalPath(Post(service + "/edit", partner_, ServiceForm(partner_.csrf_token, {{"status", "inactive"}})));
  EXPECT_EQ(Post(proposal + "/send-back", editor_, "csrf_token=" + editor_.csrf_token + "&comment=").status, 400)
      << "sending back needs a comment";
  EXPECT_EQ(Post(proposal + "/send-back", editor_,
                 "csrf_token=" + editor_.csrf_token + "&comment=" + UrlEncode("Sluit u echt? Bel me even."))
                .status,
            303);
  const auto mine = Get("/nl/social-map/review", partner_);
  EXPECT_TRUE(Contains(mine.body, "Teruggestuurd"));
  EXPECT_TRUE(Contains(Get(proposal, partner_).body, "Sluit u echt? Bel me even."));
  EXPECT_FALSE(Contains(server_.Get(service).body, "niet actief")) << server_.Get(service).body.substr(0, 200);
  EXPECT_TRUE(Contains(server_.Get("/nl/social-map?q=sociale+dienst+halle").body, "Sociale dienst Halle"));
}

TEST_F(SocialMapEditingTest, WhoMayEditIsDecidedPerRecord) {
  // Another organisation's service, in another zone.
  const std::string brussels = "/nl/social-map/services/demo-social-service-21007";
  EXPECT_EQ(Get(brussels + "/edit", partner_).status, 403);
  EXPECT_EQ(Get(brussels + "/edit", editor_).status, 403) << "Forest is not in Zennevallei";
  EXPECT_EQ(Get(brussels + "/edit", professional_).status, 403);
  EXPECT_EQ(Post(brussels + "/verify", partner_, "csrf_token=" + partner_.csrf_token).status, 403);
  EXPECT_FALSE(Contains(Get(brussels, partner_).body, "/edit\""));
  EXPECT_TRUE(Contains(Get(brussels, professional_).body, brussels + "/report")) << "anyone may report a change";
  EXPECT_EQ(server_.Get(brussels + "/edit").status, 401);
  EXPECT_FALSE(Contains(server_.Get(brussels).body, "/report")) << "visitors see no editing links";
  // Without the form token nothing is proposed.
  EXPECT_EQ(
      Post("/nl/social-map/services/demo-social-service-23027/edit", partner_, ServiceForm(std::string(64, 'f'), {}))
          .status,
      403);
  EXPECT_FALSE(Contains(Get("/nl/social-map/review", editor_).body, "/nl/social-map/review/"));
}

TEST_F(SocialMapEditingTest, AMovedServiceShowsItsOldAndNewPlaceAndLosesItsStaleMapPoint) {
  const std::string service = "/nl/social-map/services/demo-social-service-23027";
  const auto form = Get(service + "/edit", partner_);
  EXPECT_TRUE(Contains(form.body, "id=\"location_address\" name=\"location_address\" value=\"Kerkstraat 2\""));
  EXPECT_TRUE(Contains(server_.Get(service).body, "openstreetmap.org/?mlat="));
  const std::string proposal = ProposalPath(
      Post(service + "/edit", partner_,
           ServiceForm(partner_.csrf_token, {{"location_address", "Basiliekstraat 10"}, {"message", "Verhuisd."}})));
  const auto review = Get(proposal, editor_);
  EXPECT_TRUE(Contains(review.body,
                       "<td>Sociale dienst Halle, Kerkstraat 2, 1500 Halle</td>"
                       "<td>Sociale dienst Halle, Basiliekstraat 10, 1500 Halle</td>"))
      << review.body.substr(review.body.find("side-by-side"), 4000);
  ASSERT_EQ(Post(proposal + "/publish", editor_, "csrf_token=" + editor_.csrf_token).status, 303);
  const auto moved = server_.Get(service);
  EXPECT_TRUE(Contains(moved.body, "Basiliekstraat 10"));
  EXPECT_FALSE(Contains(moved.body, "openstreetmap.org/?mlat=")) << "no map point at the old address";
}

TEST_F(SocialMapEditingTest, AFormWithProblemsComesBackWithEveryProblemAndWhatWasTyped) {
  const auto refused = Post("/nl/social-map/services/demo-social-service-23027/edit", partner_,
                            ServiceForm(partner_.csrf_token, {{"name_nl", ""},
                                                              {"name_fr", ""},
                                                              {"theme", ""},
                                                              {"email", "niet-een-adres"},
                                                              {"h_TU1_opens", "25:00"},
                                                              {"h_TU1_closes", "12:00"},
                                                              {"phone", "+32 2 301 12 34"}}));
  ASSERT_EQ(refused.status, 422);
  for (const char* message : {"Geef een naam in het Nederlands of het Frans.", "Kies minstens één thema.",
                              "Dit is geen e-mailadres.", "Vul bij een periode zowel het begin als het einde in"}) {
    EXPECT_TRUE(Contains(refused.body, message)) << message;
  }
  EXPECT_TRUE(Contains(refused.body, "aria-invalid=\"true\" aria-describedby=\"email-error\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"+32 2 301 12 34\"")) << "what was typed stays";
  EXPECT_FALSE(Contains(Get("/nl/social-map/review", editor_).body, "/nl/social-map/review/"));
}

TEST_F(SocialMapEditingTest, HoursThatCloseWhenTheyOpenAreRefusedByTheForm) {
  const auto refused = Post("/nl/social-map/services/demo-social-service-23027/edit", partner_,
                            ServiceForm(partner_.csrf_token, {{"h_TU1_opens", "10:00"}, {"h_TU1_closes", "10:00"}}));
  ASSERT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Het sluitingsuur is hetzelfde als het openingsuur.")) << refused.body;
  EXPECT_TRUE(Contains(refused.body, "href=\"#h_TU1_closes\"")) << "the summary leads to the field";
  EXPECT_FALSE(Contains(Get("/nl/social-map/review", editor_).body, "/nl/social-map/review/"));
}

// Who reviews a change follows the service as it is published: a proposal that makes a
// Halle service serve Brussels is not Brussels' editor's to publish, and no reviewer
// publishes their own proposal.
TEST_F(SocialMapEditingTest, TheReviewerIsChosenByThePublishedServiceNotByTheProposal) {
  const auto sent = Post("/nl/social-map/services/demo-social-service-23027/edit", partner_,
                         ServiceForm(partner_.csrf_token, {{"area", "21003"}}));
  const std::string proposal = ProposalPath(sent);
  EXPECT_FALSE(Contains(Get("/nl/social-map/review", other_editor_).body, proposal));
  EXPECT_EQ(Get(proposal, other_editor_).status, 404);
  EXPECT_EQ(Post(proposal + "/publish", other_editor_, "csrf_token=" + other_editor_.csrf_token).status, 403);
  EXPECT_TRUE(Contains(Get("/nl/social-map/review", editor_).body, proposal)) << "Zennevallei's editor reviews it";

  // Zennevallei's editor moves a service of theirs to Brussels: not theirs to publish alone,
  // and not in their own queue either.
  const auto moved = Post("/nl/social-map/services/demo-food-aid-23027/edit", editor_,
                          ServiceForm(editor_.csrf_token, {{"name_nl", "Voedselbedeling Halle"},
                                                           {"theme", "food"},
                                                           {"competent_level", "private"},
                                                           {"area", "21003"}}));
  const std::string own = ProposalPath(moved);
  const auto own_page = Get(own, editor_);
  EXPECT_TRUE(Contains(own_page.body, "Wacht op nakijken")) << own_page.body.substr(0, 3000);
  EXPECT_FALSE(Contains(own_page.body, own + "/publish")) << "no publish button for its author";
  EXPECT_EQ(Post(own + "/publish", editor_, "csrf_token=" + editor_.csrf_token).status, 403);
}

TEST_F(SocialMapEditingTest, AZoneEditorsOwnChangeIsPublishedAtOnceAndStillCorrectConfirmsARecord) {
  const std::string service = "/nl/social-map/services/demo-food-aid-23027";
  const auto form = Get(service + "/edit", editor_);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "uw wijziging wordt meteen gepubliceerd"));
  const auto sent = Post(service + "/edit", editor_,
                         ServiceForm(editor_.csrf_token, {{"name_nl", "Voedselbedeling Halle"},
                                                          {"name_fr", "Distribution alimentaire Hal"},
                                                          {"theme", "food"},
                                                          {"competent_level", "private"},
                                                          {"h_FR1_opens", "13:00"},
                                                          {"h_FR1_closes", "17:00"}}));
  const std::string proposal = ProposalPath(sent);
  EXPECT_TRUE(Contains(Get(proposal, editor_).body, "Gepubliceerd"));
  EXPECT_TRUE(Contains(server_.Get(service).body, "13:00–17:00")) << server_.Get(service).body;

  // The partner of OCMW Halle confirms their own record with one click.
  const std::string social = "/nl/social-map/services/demo-social-service-23027";
  const auto confirmed = Post(social + "/verify", partner_, "csrf_token=" + partner_.csrf_token);
  ASSERT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.Header("Location"), social + "?verified=1");
  const auto after = Get(social + "?verified=1", partner_);
  EXPECT_TRUE(Contains(after.body, "Bedankt: bevestigd dat deze gegevens nog kloppen."));
  EXPECT_TRUE(Contains(after.body, "ocmw@halle.be"));
}

TEST_F(SocialMapEditingTest, ProfessionalsReportChangesAndProposeCommunityResourcesThatAreModerated) {
  const std::string service = "/nl/social-map/services/demo-social-service-23027";
  EXPECT_EQ(Post(service + "/report", professional_, "csrf_token=" + professional_.csrf_token + "&message=").status,
            422);
  const std::string report = ProposalPath(
      Post(service + "/report", professional_,
           "csrf_token=" + professional_.csrf_token + "&message=" + UrlEncode("Op woensdag is de dienst nu dicht.")));
  const auto seen = Get(report, editor_);
  EXPECT_TRUE(Contains(seen.body, "Op woensdag is de dienst nu dicht."));
  EXPECT_TRUE(Contains(seen.body, "Afgehandeld")) << "a report is closed, not published";
  EXPECT_TRUE(Contains(seen.body, service + "/edit")) << "the editor can correct the record from there";
  EXPECT_EQ(Post(report + "/publish", editor_, "csrf_token=" + editor_.csrf_token).status, 303);
  EXPECT_TRUE(Contains(Get(report, professional_).body, "Afgehandeld"));

  // A water point run by neighbours: proposed, not shown until published.
  const auto form = Get("/nl/social-map/propose", professional_);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "id=\"location_address\""));
  const std::string proposal =
      ProposalPath(Post("/nl/social-map/propose", professional_,
                        ServiceForm(professional_.csrf_token, {{"name_nl", "Waterkraan buurthuis De Linde"},
                                                               {"name_fr", ""},
                                                               {"plain_nl", "Hier kunt u gratis water tappen."},
                                                               {"theme", "drinking_water"},
                                                               {"phone", ""},
                                                               {"competent_level", "private"},
                                                               {"location_address", "Lindestraat 12"},
                                                               {"location_postal_code", "1500"},
                                                               {"location_city", "Halle"},
                                                               {"location_municipality", "23027"}})));
  EXPECT_FALSE(Contains(server_.Get("/nl/social-map?q=waterkraan").body, "De Linde"));
  const auto review = Get(proposal, editor_);
  EXPECT_TRUE(Contains(review.body, "Het voorgestelde aanbod"));
  EXPECT_TRUE(Contains(review.body, "Lindestraat 12, 1500 Halle"));
  EXPECT_TRUE(Contains(review.body, "buurtinitiatief"));
  EXPECT_EQ(Post(proposal + "/publish", editor_, "csrf_token=" + editor_.csrf_token).status, 303);
  const auto found = server_.Get("/nl/social-map?q=waterkraan");
  EXPECT_TRUE(Contains(found.body, "Waterkraan buurthuis De Linde")) << found.body.substr(0, 2000);
  const auto at = Get(proposal, editor_).body.find("href=\"/nl/social-map/services/community-");  // Same page.
  ASSERT_NE(at, std::string::npos);
  const std::string body = Get(proposal, editor_).body;
  const std::string link = body.substr(at + 6, body.find('"', at + 6) - at - 6);
  const auto page = server_.Get(link);
  ASSERT_EQ(page.status, 200) << link;
  EXPECT_TRUE(Contains(page.body, "Een buurtinitiatief, gerund door buren of vrijwilligers."));
  EXPECT_TRUE(Contains(page.body, "Bevestigd tot")) << "it expires unless confirmed again";
}

}  // namespace
}  // namespace zoneatlas::testing
