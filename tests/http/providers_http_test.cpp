// Providers and referral over HTTP, against the real binary: the demo directory imported with
// the command line, contact details for professionals only, and a referral slip made,
// acknowledged by the receiving service and counted without any person.
#include <gtest/gtest.h>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class ProvidersHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult imported = RunZoneatlas({"--database", server_.database(), "import", "providers",
                                                 std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/providers.json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }

  ServerProcess server_;
};

// A partner system's token acts for its organisation; it reads providers' contact details
// only when issued to read what professionals read, and stops on the day it expires.
TEST_F(ProvidersHttpTest, APartnerTokenReadsContactDetailsOnlyWithThatScope) {
  AddUser(server_, "admin@zone.be", {"admin"});
  const Session admin = SignIn(server_, "admin@zone.be");
  const auto issue = [&](const std::string& extra) {
    const HttpResponse issued =
        server_.Request("POST", "/nl/admin/tokens", {kFormType, "Cookie: " + admin.cookie},
                        "csrf_token=" + admin.csrf_token + "&organisation=ocmw-halle&label=sync" + extra);
    EXPECT_EQ(issued.status, 200) << issued.body.substr(0, 2000);
    const auto at = issued.body.find("zat_");
    return at == std::string::npos ? std::string() : issued.body.substr(at, 68);
  };
  const std::string partner = issue("");
  const std::string professional = issue("&reads_professional=1&expires_on=2099-12-31");
  const auto providers = [&](const std::string& token) {
    return server_.Get("/api/v1/providers?zone=elz-zennevallei", {"Authorization: Bearer " + token});
  };
  ASSERT_EQ(providers(partner).status, 200);
  EXPECT_FALSE(Contains(providers(partner).body, "\"phone\"")) << "a partner's token is not a professional";
  EXPECT_TRUE(Contains(providers(professional).body, "\"phone\":\"02 000 00 01\""));
  const HttpResponse past =
      server_.Request("POST", "/nl/admin/tokens", {kFormType, "Cookie: " + admin.cookie},
                      "csrf_token=" + admin.csrf_token + "&organisation=ocmw-halle&label=old&expires_on=2020-01-01");
  EXPECT_EQ(past.status, 422) << "an expiry in the past";
  const HttpResponse page = server_.Get("/nl/admin/tokens", {"Cookie: " + admin.cookie});
  EXPECT_TRUE(Contains(page.body, "lezen wat enkel professionals lezen<br>tot ")) << page.body;
}

TEST_F(ProvidersHttpTest, EveryoneFindsProvidersButOnlyProfessionalsSeeHowToReachThem) {
  const HttpResponse anonymous = server_.Get("/nl/zones/elz-zennevallei/providers?profession=huisarts&language=fr");
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_TRUE(Contains(anonymous.body, "Dr. Lieve Demo"));
  EXPECT_TRUE(Contains(anonymous.body, "Dr. Marc Essai")) << "French-speaking GPs";
  EXPECT_FALSE(Contains(anonymous.body, "Dr. Sofie Proef")) << "speaks Dutch and English";
  EXPECT_FALSE(Contains(anonymous.body, "02 000 00 01")) << "no phone for the public";
  EXPECT_FALSE(Contains(anonymous.body, "praktijk.zennedal@example.be"));
  const HttpResponse taking = server_.Get("/nl/zones/elz-zennevallei/providers?profession=huisarts&accepting=1");
  EXPECT_FALSE(Contains(taking.body, "Dr. Karim Voorbeeld")) << "takes no new patients";
  AddUser(server_, "huisarts@example.be", {"professional"});
  const Session professional = SignIn(server_, "huisarts@example.be");
  const HttpResponse signed_in =
      server_.Get("/nl/zones/elz-zennevallei/providers?profession=huisarts", {"Cookie: " + professional.cookie});
  EXPECT_TRUE(Contains(signed_in.body, "href=\"tel:02 000 00 01\""));
  EXPECT_TRUE(Contains(signed_in.body, "mailto:praktijk.zennedal@example.be"));
  const HttpResponse api = server_.Get("/api/v1/providers?zone=elz-zennevallei");
  ASSERT_EQ(api.status, 200);
  EXPECT_TRUE(Contains(api.body, "\"profession\":\"huisarts\""));
  EXPECT_FALSE(Contains(api.body, "\"phone\"")) << "the API hides contacts from the public too";
  EXPECT_TRUE(Contains(server_.Get("/api/v1/providers?zone=elz-zennevallei", {"Cookie: " + professional.cookie}).body,
                       "\"phone\":\"02 000 00 01\""));
  EXPECT_TRUE(Contains(server_.Get("/fr/zones/zorgzone-noord-oost/providers").body, "Maison médicale du Parc"));
}

TEST_F(ProvidersHttpTest, ASlipIsMadeAcknowledgedOnceAndCountedWithoutThePerson) {
  const HttpResponse route = server_.Get("/nl/zones/elz-zennevallei/referral-routes/energieschuld");
  ASSERT_EQ(route.status, 200);
  EXPECT_TRUE(Contains(route.body, "OCMW — sociale dienst (energiecel)"));
  EXPECT_TRUE(Contains(route.body, "href=\"/nl/rights/sociaal_tarief_energie\""));
  EXPECT_TRUE(Contains(route.body, "href=\"/nl/social-map?q=OCMW&amp;theme=income_rights\""));
  EXPECT_FALSE(Contains(route.body, "name=\"acknowledgement\"")) << "slips are for professionals";
  EXPECT_EQ(server_.Get("/nl/zones/zorgzone-noord-oost/referral-routes/energieschuld").status, 404)
      << "another zone's route";
  AddUser(server_, "ocmw@example.be", {"professional"});
  const Session professional = SignIn(server_, "ocmw@example.be");
  const std::string slip_target = "/nl/zones/elz-zennevallei/referral-routes/energieschuld/slip";
  EXPECT_EQ(server_.Request("POST", slip_target, {kFormType}, "step=0").status, 401);
  const HttpResponse slip =
      server_.Request("POST", slip_target, {kFormType, "Cookie: " + professional.cookie},
                      "csrf_token=" + professional.csrf_token +
                          "&step=0&acknowledgement=1&next_step=Bel+maandag%3B+neem+de+factuur+mee");
  ASSERT_EQ(slip.status, 200) << slip.body.substr(0, 2000);
  EXPECT_TRUE(Contains(slip.body, "Bel maandag; neem de factuur mee"));
  EXPECT_TRUE(Contains(slip.body, "<svg")) << "a QR code for the acknowledgement link";
  // The link is whole, with the site's address, to be opened from paper.
  const auto at = slip.body.find("<code>http://");
  ASSERT_NE(at, std::string::npos) << slip.body.substr(0, 4000);
  const auto path = slip.body.find("/nl/referrals/", at);
  ASSERT_NE(path, std::string::npos);
  const std::string link = slip.body.substr(path, 14 + 32);
  const HttpResponse received = server_.Get(link);
  ASSERT_EQ(received.status, 200) << link;
  EXPECT_TRUE(Contains(received.body, "Energieschuld"));
  EXPECT_FALSE(Contains(received.body, "Bel maandag")) << "what was typed for the person is not kept";
  EXPECT_EQ(received.Header("referrer-policy"), "no-referrer");
  const std::string csrf = CookieValue(received.Header("set-cookie"), "zoneatlas_csrf");
  const HttpResponse seen =
      server_.Request("POST", link, {kFormType, "Cookie: zoneatlas_csrf=" + csrf}, "csrf_token=" + csrf);
  ASSERT_EQ(seen.status, 200) << seen.body.substr(0, 2000);
  EXPECT_TRUE(Contains(seen.body, "Dank u"));
  EXPECT_EQ(server_.Request("POST", link, {kFormType, "Cookie: zoneatlas_csrf=" + csrf}, "csrf_token=" + csrf).status,
            409)
      << "once";
  const HttpResponse counts = server_.Get("/nl/zones/elz-zennevallei/referral-routes");
  EXPECT_TRUE(
      Contains(counts.body, "<td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">1</td>"))
      << counts.body.substr(0, 4000);
}

// A zone editor lists a provider with the consent recorded; nobody is listed without it.
TEST_F(ProvidersHttpTest, AZoneEditorListsAProviderOnlyWithTheirConsent) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string path = "/nl/zones/elz-zennevallei/providers/new";
  EXPECT_TRUE(Contains(server_.Get("/nl/zones/elz-zennevallei/providers", {"Cookie: " + editor.cookie}).body,
                       "href=\"" + path + "\""));
  ASSERT_EQ(server_.Get(path, {"Cookie: " + editor.cookie}).status, 200);
  EXPECT_EQ(server_.Get(path, {"Cookie: " + other.cookie}).status, 403) << "another zone's editor";
  const auto post = [&](const Session& session, const std::string& fields) {
    return server_.Request("POST", path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const std::string fields = "&name=" + UrlEncode("Mira Vroedvrouw") +
                             "&profession=vroedvrouw&areas=23027&languages=" + UrlEncode("nl, FR") +
                             "&accepting=yes&phone=" + UrlEncode("02 000 00 99");
  const HttpResponse without = post(editor, fields);
  EXPECT_EQ(without.status, 422);
  EXPECT_TRUE(Contains(without.body, "Bevestig dat de zorgverlener toestemming gaf")) << without.body.substr(0, 3000);
  EXPECT_TRUE(Contains(without.body, "value=\"Mira Vroedvrouw\"")) << "what was typed stays";
  const std::string consent =
      "&consent_given=1&consent_on=2026-11-02&consent_how=" + UrlEncode("e-mail van 2 november");
  EXPECT_EQ(post(other, fields + consent).status, 403);
  const HttpResponse wrong = post(editor, fields + consent + "&areas=21015");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Kies gemeenten van deze zone."));
  const HttpResponse saved = post(editor, fields + consent);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const HttpResponse list = server_.Get("/nl/zones/elz-zennevallei/providers?profession=vroedvrouw&language=fr");
  EXPECT_TRUE(Contains(list.body, "Mira Vroedvrouw"));
  EXPECT_FALSE(Contains(list.body, "02 000 00 99")) << "the phone for professionals only";
  // Consent withdrawn: the editor takes the provider out; another zone's editor cannot.
  const HttpResponse own =
      server_.Get("/nl/zones/elz-zennevallei/providers?profession=vroedvrouw", {"Cookie: " + editor.cookie});
  const auto remove_at = own.body.find("/remove\"");
  ASSERT_NE(remove_at, std::string::npos) << own.body.substr(0, 4000);
  const auto at = own.body.rfind("action=\"", remove_at) + 8;
  const std::string remove = own.body.substr(at, remove_at + 7 - at);
  const auto post_remove = [&](const Session& session) {
    return server_.Request("POST", remove, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token);
  };
  EXPECT_EQ(post_remove(other).status, 403);
  ASSERT_EQ(post_remove(editor).status, 303);
  EXPECT_FALSE(Contains(server_.Get("/nl/zones/elz-zennevallei/providers").body, "Mira Vroedvrouw"));
  EXPECT_EQ(post_remove(editor).status, 404) << "gone";
}

TEST_F(ProvidersHttpTest, AZoneEditorKeepsAProvidersDetailsCurrentOnRenewedConsent) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  AddUser(server_, "admin@zone.be", {"admin"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string path = "/nl/zones/elz-zennevallei/providers/demo-ha-halle-1/edit";
  EXPECT_TRUE(Contains(server_.Get("/nl/zones/elz-zennevallei/providers", {"Cookie: " + editor.cookie}).body,
                       "href=\"" + path + "\""));
  EXPECT_EQ(server_.Get(path, {"Cookie: " + other.cookie}).status, 403);
  EXPECT_EQ(server_.Get("/nl/zones/zorgzone-noord/providers/demo-ha-halle-1/edit", {"Cookie: " + other.cookie}).status,
            404)
      << "not a provider of that zone";
  const HttpResponse form = server_.Get(path, {"Cookie: " + editor.cookie});
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"Dr. Lieve Demo\""));
  EXPECT_TRUE(Contains(form.body, "value=\"02 000 00 01\"")) << "the editor sees how to reach them";
  EXPECT_TRUE(Contains(form.body, "value=\"nl fr\""));
  const auto post = [&](const Session& session, const std::string& fields) {
    return server_.Request("POST", path, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  // Full for now, and a new phone number, on consent asked again.
  const std::string fields = "&name=" + UrlEncode("Dr. Lieve Demo") + "&profession=huisarts&areas=23027&areas=23003" +
                             "&languages=nl+fr+en&accepting=no&phone=" + UrlEncode("02 000 00 77") +
                             "&consent_on=2026-11-20&consent_how=" + UrlEncode("telefoon, 20 november");
  EXPECT_EQ(post(other, fields + "&consent_given=1").status, 403);
  const HttpResponse unconfirmed = post(editor, fields);
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_TRUE(Contains(unconfirmed.body, "Bevestig dat de zorgverlener toestemming gaf"));
  const HttpResponse saved = post(editor, fields + "&consent_given=1");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const std::string location = saved.Header("Location");
  EXPECT_TRUE(location.ends_with("#provider-demo-ha-halle-1")) << "back at the provider's card";
  const HttpResponse list = server_.Get(location.substr(0, location.find('#')), {"Cookie: " + editor.cookie});
  EXPECT_TRUE(Contains(list.body, "De gegevens zijn bijgewerkt."));
  const auto card = list.body.find("id=\"provider-demo-ha-halle-1\"");
  ASSERT_NE(card, std::string::npos);
  const std::string details = list.body.substr(card, list.body.find("</li>", card) - card);
  EXPECT_TRUE(Contains(details, "02 000 00 77"));
  EXPECT_FALSE(Contains(details, "02 000 00 01"));
  EXPECT_TRUE(Contains(server_.Get("/nl/zones/elz-zennevallei/providers?area=23003&profession=huisarts").body,
                       "Dr. Lieve Demo"))
      << "now also in Beersel";
  EXPECT_FALSE(
      Contains(server_.Get("/nl/zones/elz-zennevallei/providers?accepting=1&profession=huisarts").body, "Lieve Demo"))
      << "no longer taking new patients";
  const HttpResponse history =
      server_.Get("/nl/admin/history/provider/demo-ha-halle-1", {"Cookie: " + SignIn(server_, "admin@zone.be").cookie});
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(Contains(history.body, "telefoon, 20 november")) << "on which consent";
  EXPECT_TRUE(Contains(history.body, "contact_details")) << "that the contact details changed";
  EXPECT_FALSE(Contains(history.body, "02 000 00 77")) << "not what they are";
}

TEST_F(ProvidersHttpTest, AZoneEditorWritesAReferralRouteStepByStep) {
  AddUser(server_, "zone@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server_, "zone@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server_, "zone@zennevallei.be");
  const Session other = SignIn(server_, "zone@noord.brussels");
  const std::string routes = "/nl/zones/elz-zennevallei/referral-routes";
  EXPECT_TRUE(Contains(server_.Get(routes, {"Cookie: " + editor.cookie}).body, "href=\"" + routes + "/new\""));
  EXPECT_FALSE(Contains(server_.Get(routes).body, routes + "/new"));
  // The rights to check are named in words, not ids.
  EXPECT_TRUE(Contains(server_.Get(routes + "/energieschuld").body, ">Sociaal tarief voor energie</a>"));
  EXPECT_EQ(server_.Get(routes + "/new", {"Cookie: " + other.cookie}).status, 403);
  EXPECT_EQ(
      server_.Get("/nl/zones/elz-zennevallei/referral-routes/aide-numerique/edit", {"Cookie: " + editor.cookie}).status,
      404)
      << "a route for every zone is no one zone's";
  const auto post = [&](const Session& session, const std::string& target, const std::string& fields) {
    return server_.Request("POST", target, {kFormType, "Cookie: " + session.cookie},
                           "csrf_token=" + session.csrf_token + fields);
  };
  const std::string fields =
      "&question=" + UrlEncode("Schulden bij de huur") + "&theme=housing" +
      "&target_groups=low_income&step0_service=" + UrlEncode("OCMW — sociale dienst") +
      "&step0_what=" + UrlEncode("Bekijkt het budget en bemiddelt met de verhuurder.") +
      "&step0_q=OCMW&step0_theme=income_rights&step0_rights=huurpremie" +
      "&step0_rights=leefloon&step1_service=&step1_what=&step2_service=" + UrlEncode("CAW — schuldhulpverlening");
  EXPECT_EQ(post(other, routes + "/new", fields).status, 403);
  const HttpResponse wrong =
      post(editor, routes + "/new",
           "&question=X&theme=housing&step0_what=" + UrlEncode("zonder dienst") + "&step0_rights=geluk");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "Stap 1: zeg naar welke dienst.")) << wrong.body.substr(0, 3000);
  EXPECT_TRUE(Contains(wrong.body, "Stap 1: kies rechten uit de lijst."));
  const HttpResponse saved = post(editor, routes + "/new", fields);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const std::string route = saved.Header("Location");
  const HttpResponse page = server_.Get(route, {"Cookie: " + editor.cookie});
  EXPECT_TRUE(Contains(page.body, "Schulden bij de huur"));
  const auto first = page.body.find("OCMW — sociale dienst");
  const auto second = page.body.find("CAW — schuldhulpverlening");
  EXPECT_TRUE(first != std::string::npos && first < second) << "the empty step left out, the order kept";
  EXPECT_TRUE(Contains(page.body, ">Leefloon</a>"));
  EXPECT_TRUE(Contains(page.body, "href=\"" + route + "/edit\""));
  const HttpResponse form = server_.Get(route + "/edit", {"Cookie: " + editor.cookie});
  EXPECT_TRUE(Contains(form.body, "<option value=\"huurpremie\" selected>"));
  ASSERT_EQ(post(editor, route + "/edit",
                 "&question=" + UrlEncode("Huurachterstal") +
                     "&theme=housing&step0_service=" + UrlEncode("CAW — schuldhulpverlening"))
                .status,
            303);
  EXPECT_TRUE(Contains(server_.Get(routes).body, "Huurachterstal"));
  EXPECT_TRUE(Contains(server_.Get("/api/v1/referral-routes?zone=elz-zennevallei").body, "Huurachterstal"));
}

}  // namespace
}  // namespace zoneatlas::testing
