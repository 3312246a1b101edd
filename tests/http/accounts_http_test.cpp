// Accounts over HTTP against the real binary: sign-in, sign-out, CSRF, lockout, and the
// authorisation matrix over every route the binary declares.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "tests/http/server_process.hpp"
#include "tests/http/signed_in.hpp"

namespace zoneatlas::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A sign-in with a wrong password, sent as if through a proxy that adds X-Forwarded-For.
HttpResponse WrongSignIn(const ServerProcess& server, const std::string& email, const std::string& forwarded_for) {
  const auto form = server.Get("/nl/login");
  const std::string csrf = CookieValue(form.Header("Set-Cookie"), "zoneatlas_csrf");
  return server.Request("POST", "/nl/login",
                        {kFormType, "Cookie: zoneatlas_csrf=" + csrf, "X-Forwarded-For: " + forwarded_for},
                        "email=" + UrlEncode(email) + "&password=wrong+guess+here&csrf_token=" + csrf);
}

TEST(AccountsHttpTest, EditorsSeeTheServicesOfTheirZonesAndOrganisationsNotVerifiedForAYear) {
  ServerProcess server;
  const CommandResult imported = RunZoneatlas({"--database", server.database(), "import", "hsds",
                                               std::string(ZONEATLAS_SOURCE_ROOT) + "/data/demo/social-map-demo.json"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  AddUser(server, "zennevallei@zone.be", {"zone_editor:elz-zennevallei"});
  AddUser(server, "cpas@forest.be", {"partner_editor:ocmw-21007"});
  AddUser(server, "pro@zone.be", {"professional"});
  EXPECT_EQ(server.Get("/nl/social-map/to-verify").status, 401);
  // The demo marks every fifth service as last checked in 2025: the zone editor sees
  // Zennevallei's, never Brussels'.
  const auto zone = server.Get("/nl/social-map/to-verify", {"Cookie: " + SignIn(server, "zennevallei@zone.be").cookie});
  ASSERT_EQ(zone.status, 200);
  EXPECT_TRUE(Contains(zone.body, "/nl/social-map/services/demo-")) << zone.body.substr(0, 3000);
  EXPECT_FALSE(Contains(zone.body, "Forest")) << "Brussels services are not this editor's";
  EXPECT_TRUE(Contains(zone.body, "2025"));
  // A partner editor sees their own organisation's only.
  const auto partner = server.Get("/fr/social-map/to-verify", {"Cookie: " + SignIn(server, "cpas@forest.be").cookie});
  ASSERT_EQ(partner.status, 200);
  EXPECT_FALSE(Contains(partner.body, "Halle")) << partner.body.substr(0, 3000);
  // A professional without an editor's role is told what the list is for.
  const auto pro = server.Get("/nl/social-map/to-verify", {"Cookie: " + SignIn(server, "pro@zone.be").cookie});
  EXPECT_EQ(pro.status, 200);
  EXPECT_TRUE(Contains(pro.body, "Vraag die rol aan de beheerder"));
}

TEST(AccountsHttpTest, SignInShowsTheAccountAndSignOutEndsIt) {
  ServerProcess server;
  AddUser(server, "coordinator@zennevallei.be", {"zone_editor:elz-zennevallei"});

  const auto anonymous = server.Get("/nl/account");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_TRUE(Contains(anonymous.body, "href=\"/nl/login?next=/nl/account\"")) << anonymous.body;

  const auto signed_in = PostLogin(server, "Coordinator@Zennevallei.be", kPassword, "/nl/zones/elz-zennevallei");
  ASSERT_EQ(signed_in.status, 303);
  EXPECT_EQ(signed_in.Header("Location"), "/nl/zones/elz-zennevallei");
  const std::string set_cookie = signed_in.Header("Set-Cookie");
  EXPECT_TRUE(Contains(set_cookie, "HttpOnly"));
  EXPECT_TRUE(Contains(set_cookie, "SameSite=Lax"));
  EXPECT_FALSE(Contains(set_cookie, "Secure")) << "plain HTTP on loopback";
  const std::string cookie = "Cookie: zoneatlas_session=" + CookieValue(set_cookie, "zoneatlas_session");

  const auto account = server.Get("/fr/account", {cookie});
  ASSERT_EQ(account.status, 200);
  EXPECT_TRUE(Contains(account.body, "coordinator@zennevallei.be"));
  EXPECT_TRUE(Contains(account.body, "éditeur de la zone: elz-zennevallei"));
  EXPECT_TRUE(Contains(server.Get("/nl/", {cookie}).body, ">Mijn account</a>"));

  const std::string token = FormToken(account.body);
  const auto forged = server.Request("POST", "/nl/logout", {kFormType, cookie}, "csrf_token=" + std::string(64, 'f'));
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(server.Get("/nl/account", {cookie}).status, 200) << "a forged sign-out changes nothing";

  const auto signed_out = server.Request("POST", "/nl/logout", {kFormType, cookie}, "csrf_token=" + token);
  EXPECT_EQ(signed_out.status, 303);
  EXPECT_TRUE(Contains(signed_out.Header("Set-Cookie"), "Max-Age=0"));
  EXPECT_EQ(server.Get("/nl/account", {cookie}).status, 401);
}

TEST(AccountsHttpTest, KeptPagesAreNeverSharedBetweenSignedInAndAnonymousVisitors) {
  ServerProcess server;
  AddUser(server, "me@zone.be", {});
  const Session session = SignIn(server, "me@zone.be");
  const auto mine = server.Get("/nl/zones/elz-zennevallei", {"Cookie: " + session.cookie});
  EXPECT_TRUE(Contains(mine.body, ">Mijn account</a>"));
  EXPECT_EQ(mine.Header("Cache-Control"), "no-store");
  const auto anonymous = server.Get("/nl/zones/elz-zennevallei");
  EXPECT_TRUE(Contains(anonymous.body, ">Aanmelden</a>"));
  EXPECT_FALSE(Contains(anonymous.body, "Mijn account"));
  EXPECT_TRUE(anonymous.Header("Cache-Control").empty());
  EXPECT_TRUE(
      Contains(server.Get("/nl/zones/elz-zennevallei", {"Cookie: " + session.cookie}).body, ">Mijn account</a>"));
}

TEST(AccountsHttpTest, WrongPasswordsGetOneAnswerThenWait) {
  ServerProcess server;
  AddUser(server, "partner@ocmw-halle.be", {"partner_editor:ocmw-halle"});
  const auto wrong = PostLogin(server, "partner@ocmw-halle.be", "wrong password here");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(Contains(wrong.body, "Het e-mailadres of het wachtwoord klopt niet."));
  const auto unknown = PostLogin(server, "nobody@ocmw-halle.be", "wrong password here");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_TRUE(Contains(unknown.body, "Het e-mailadres of het wachtwoord klopt niet."));
  const auto third = PostLogin(server, "partner@ocmw-halle.be", "still the wrong one");
  EXPECT_EQ(third.status, 429) << "this address has failed three times";
  EXPECT_FALSE(third.Header("Retry-After").empty());
  EXPECT_TRUE(Contains(third.body, "Te veel pogingen"));
  EXPECT_EQ(PostLogin(server, "partner@ocmw-halle.be", kPassword).status, 429) << "even the right password waits";
}

TEST(AccountsHttpTest, BehindATrustedProxyEachClientIsCountedApart) {
  ServerProcess server({"--trusted-proxy", "127.0.0.1"});
  AddUser(server, "someone@zone.be", {});
  auto attempt = [&](const std::string& email, const std::string& client) {
    return WrongSignIn(server, email, client + ", 127.0.0.1");
  };
  EXPECT_EQ(attempt("a@zone.be", "198.51.100.1").status, 401);
  EXPECT_EQ(attempt("b@zone.be", "198.51.100.1").status, 401);
  EXPECT_EQ(attempt("c@zone.be", "198.51.100.1").status, 429) << "the third failure from one client";
  EXPECT_EQ(attempt("d@zone.be", "198.51.100.2").status, 401) << "another client behind the same proxy";
}

TEST(AccountsHttpTest, AnUntrustedForwardedForIsIgnored) {
  ServerProcess server;
  auto attempt = [&](const std::string& email, const std::string& client) {
    return WrongSignIn(server, email, client);
  };
  EXPECT_EQ(attempt("a@zone.be", "203.0.113.1").status, 401);
  EXPECT_EQ(attempt("b@zone.be", "203.0.113.2").status, 401);
  EXPECT_EQ(attempt("c@zone.be", "203.0.113.3").status, 429) << "a made-up header does not escape the count";
}

TEST(AccountsHttpTest, SignInWithoutTheFormsTokenIsRefused) {
  ServerProcess server;
  AddUser(server, "pro@huisarts.be", {"professional"});
  const auto forged = server.Request("POST", "/nl/login", {kFormType},
                                     "email=pro%40huisarts.be&password=" + UrlEncode(kPassword) + "&csrf_token=abc");
  EXPECT_EQ(forged.status, 403);
  EXPECT_TRUE(forged.Header("Set-Cookie").find("zoneatlas_session") == std::string::npos);
  const auto open_redirect = PostLogin(server, "pro@huisarts.be", kPassword, "//evil.example/");
  EXPECT_EQ(open_redirect.Header("Location"), "/nl/account") << "only paths on this site follow sign-in";
  // Browsers drop a tab from a Location ("//evil.example") and read a backslash as a slash.
  for (const std::string next : {"/\t/evil.example", "/\\evil.example", "/\r\n/evil.example"}) {
    EXPECT_EQ(PostLogin(server, "pro@huisarts.be", kPassword, next).Header("Location"), "/nl/account") << next;
  }
  EXPECT_EQ(PostLogin(server, "pro@huisarts.be", kPassword, "/nl/social-map?q=voedsel&theme=food").Header("Location"),
            "/nl/social-map?q=voedsel&theme=food");
}

// A multipart/form-data body, as a browser sends a file with the form's fields.
std::string Multipart(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& file_name,
                      const std::string& file) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--zoneatlasboundary\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  body += "--zoneatlasboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
          "\"\r\nContent-Type: text/csv\r\n\r\n" + file + "\r\n--zoneatlasboundary--\r\n";
  return body;
}
const char* const kMultipartType = "Content-Type: multipart/form-data; boundary=zoneatlasboundary";

TEST(AccountsHttpTest, AZoneEditorChecksThenImportsFiguresForTheirZoneOnTheWeb) {
  ServerProcess server;
  AddUser(server, "editor@zone.be", {"zone_editor:elz-zennevallei"});
  AddUser(server, "pro@zone.be", {"professional"});
  const Session editor = SignIn(server, "editor@zone.be");
  const std::string cookie = "Cookie: " + editor.cookie;
  EXPECT_EQ(server.Get("/nl/atlas/import", {cookie}).status, 200);
  EXPECT_EQ(server.Get("/nl/atlas/import", {"Cookie: " + SignIn(server, "pro@zone.be").cookie}).status, 403);
  EXPECT_TRUE(Contains(server.Get("/nl/account", {cookie}).body, "/nl/atlas/import"));

  // A file with a problem: nothing is kept. A figure for another zone's municipality (a
  // provincial table) is no problem: it is left out and counted.
  const std::string bad =
      "gemeente;indicator;2024\nHalle;increased_reimb;14,1\nPepingen;increased_reimb;veel\n"
      "Anderlecht;increased_reimb;30\n";
  const auto refused =
      server.Request("POST", "/nl/atlas/import", {kMultipartType, cookie},
                     Multipart({{"csrf_token", editor.csrf_token}, {"source", "test"}}, "vt.csv", bad));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "veel")) << refused.body.substr(0, 2000);
  EXPECT_FALSE(Contains(refused.body, "21001")) << "not a problem";
  EXPECT_FALSE(Contains(refused.body, "/nl/atlas/import/")) << "no confirmation for a file with problems";
  const auto provincial =
      server.Request("POST", "/nl/atlas/import", {kMultipartType, cookie},
                     Multipart({{"csrf_token", editor.csrf_token}, {"source", "Provincies in Cijfers"}}, "vt.csv",
                               "gemeente;indicator;2024\nHalle;increased_reimb;14,1\nAnderlecht;increased_reimb;30\n"
                               "Elsene;increased_reimb;12\n"));
  ASSERT_EQ(provincial.status, 200) << provincial.body.substr(0, 2000);
  EXPECT_TRUE(Contains(provincial.body, "2 row(s) for areas outside your zone(s) were left out"))
      << provincial.body.substr(0, 3000);

  // Without the form token, the upload is refused.
  const auto forged = server.Request("POST", "/nl/atlas/import", {kMultipartType, cookie},
                                     Multipart({{"source", "test"}}, "vt.csv", "x"));
  EXPECT_EQ(forged.status, 403);

  const std::string good =
      "gemeente;indicator;2023;2024\nHalle;increased_reimb;13,9;14,1\nPepingen;increased_reimb;17;17,5\n";
  const auto checked =
      server.Request("POST", "/nl/atlas/import", {kMultipartType, cookie},
                     Multipart({{"csrf_token", editor.csrf_token}, {"source", "IMA-Atlas 2024"}}, "vt.csv", good));
  ASSERT_EQ(checked.status, 200) << checked.body.substr(0, 2000);
  EXPECT_TRUE(Contains(checked.body, "4 cijfers"));
  EXPECT_TRUE(Contains(server.Get("/api/v1/observations?indicator=increased_reimb&area=23027&period=2024").body,
                       "\"observations\":[]"))
      << "checking writes nothing";
  const auto at = checked.body.find("action=\"/nl/atlas/import/");
  ASSERT_NE(at, std::string::npos);
  const std::string confirm = checked.body.substr(at + 8, checked.body.find('"', at + 8) - at - 8);
  // Someone else cannot confirm another person's upload.
  AddUser(server, "other@zone.be", {"zone_editor:elz-zennevallei"});
  const Session other = SignIn(server, "other@zone.be");
  EXPECT_EQ(
      server.Request("POST", confirm, {kFormType, "Cookie: " + other.cookie}, "csrf_token=" + other.csrf_token).status,
      404);
  const auto imported = server.Request("POST", confirm, {kFormType, cookie}, "csrf_token=" + editor.csrf_token);
  ASSERT_EQ(imported.status, 200) << imported.body.substr(0, 2000);
  EXPECT_TRUE(Contains(imported.body, "De cijfers zijn geïmporteerd."));
  EXPECT_TRUE(Contains(server.Get("/api/v1/observations?indicator=increased_reimb&area=23027&period=2024").body,
                       "\"value\":1.41E1"));
  EXPECT_EQ(server.Request("POST", confirm, {kFormType, cookie}, "csrf_token=" + editor.csrf_token).status, 404)
      << "an upload is imported once";
  const auto batches = server.Get("/nl/atlas/batches", {cookie});
  ASSERT_EQ(batches.status, 200);
  EXPECT_TRUE(Contains(batches.body, "IMA-Atlas 2024"));
  EXPECT_TRUE(Contains(batches.body, "editor@zone.be"));
}

TEST(AccountsHttpTest, ASpreadsheetMayBeLargerThanOtherRequestsUpToTheUploadLimit) {
  ServerProcess server;
  AddUser(server, "editor@zone.be", {"zone_editor:elz-zennevallei"});
  const Session editor = SignIn(server, "editor@zone.be");
  const std::string cookie = "Cookie: " + editor.cookie;
  const auto form = server.Get("/nl/atlas/import", {cookie});
  EXPECT_TRUE(Contains(form.body, "Bestanden tot 32 MB."));
  EXPECT_TRUE(Contains(form.body, "data-upload-progress")) << "the progress display's hook";
  EXPECT_TRUE(Contains(form.body, "/static/js/upload-progress.js?v="));

  // 3 MB of figures, three times what any other form may send: checked, not refused.
  std::string figures = "gemeente;indicator";
  for (int year = 1900; year < 2025; ++year) figures += ";" + std::to_string(year);
  figures += "\n";
  for (const char* municipality : {"Halle", "Beersel", "Pepingen", "Drogenbos", "Linkebeek"}) {
    for (const char* indicator : {"increased_reimb", "gmd_coverage", "dental_visit", "screen_breast"}) {
      figures += std::string(municipality) + ";" + indicator;
      for (int year = 1900; year < 2025; ++year) figures += ";" + std::to_string(10 + year % 50) + ",5";
      figures += "\n";
    }
  }
  while (figures.size() < 3'000'000) figures += "\n";
  const auto checked =
      server.Request("POST", "/nl/atlas/import", {kMultipartType, cookie},
                     Multipart({{"csrf_token", editor.csrf_token}, {"source", "groot"}}, "groot.csv", figures));
  ASSERT_EQ(checked.status, 200) << checked.body.substr(0, 3000);
  EXPECT_TRUE(Contains(checked.body, "2.500 cijfers")) << "counted in Dutch";
  EXPECT_TRUE(Contains(checked.body, "breed (een kolom per periode)"));
  EXPECT_TRUE(Contains(checked.body, "action=\"/nl/atlas/import/"));

  // Beyond the limit the server refuses before reading the body, naming the limit.
  RawConnection too_large(server.port());
  too_large.Send("POST /nl/atlas/import HTTP/1.1\r\nHost: x\r\nContent-Length: 40000000\r\n\r\n");
  const auto refused = too_large.ReadResponse();
  EXPECT_EQ(refused.status, 413);
  EXPECT_TRUE(Contains(refused.body, "33554432 bytes"));
  // Other forms keep the small limit.
  RawConnection elsewhere(server.port());
  elsewhere.Send("POST /nl/accessibility/report HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n\r\n");
  EXPECT_EQ(elsewhere.ReadResponse().status, 413);
}

TEST(AccountsHttpTest, PasswordChangeNeedsTheCurrentPassword) {
  ServerProcess server;
  AddUser(server, "me@zone.be", {});
  const Session session = SignIn(server, "me@zone.be");
  const auto wrong = server.Request(
      "POST", "/en/account/password", {kFormType, "Cookie: " + session.cookie},
      "csrf_token=" + session.csrf_token + "&current_password=nope&new_password=another+long+passphrase");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_TRUE(Contains(wrong.body, "Your current password is not right."));
  const auto changed = server.Request("POST", "/en/account/password", {kFormType, "Cookie: " + session.cookie},
                                      "csrf_token=" + session.csrf_token + "&current_password=" + UrlEncode(kPassword) +
                                          "&new_password=another+long+passphrase");
  EXPECT_EQ(changed.status, 200);
  EXPECT_TRUE(Contains(changed.body, "Your password has been changed."));
  EXPECT_EQ(PostLogin(server, "me@zone.be", "another long passphrase").status, 303);
}

TEST(AccountsHttpTest, AnAdministratorAddsAndDisablesAccounts) {
  ServerProcess server;
  AddUser(server, "admin@zone.be", {"admin"});
  const Session admin = SignIn(server, "admin@zone.be");
  const std::string cookie = "Cookie: " + admin.cookie;
  const auto page = server.Get("/nl/admin/users", {cookie});
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "admin@zone.be"));

  const auto refused =
      server.Request("POST", "/nl/admin/users", {kFormType, cookie},
                     "csrf_token=" + admin.csrf_token +
                         "&email=editor%40zone.be&role=zone_editor&scope=&password=" + UrlEncode(kPassword));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "needs a zone or organisation")) << "an editor without a zone";
  const auto added = server.Request("POST", "/nl/admin/users", {kFormType, cookie},
                                    "csrf_token=" + admin.csrf_token +
                                        "&email=editor%40zone.be&display_name=An+Editor&role=zone_editor"
                                        "&scope=elz-zennevallei&password=" +
                                        UrlEncode(kPassword));
  ASSERT_EQ(added.status, 200) << added.body.substr(0, 500);
  EXPECT_TRUE(Contains(added.body, "Het account voor editor@zone.be is toegevoegd."));
  const Session editor = SignIn(server, "editor@zone.be");
  EXPECT_EQ(server.Get("/nl/admin/users", {"Cookie: " + editor.cookie}).status, 403);

  // A second role, for an organisation, on the user's own page.
  const auto listing = server.Get("/nl/admin/users", {cookie});
  const auto link = listing.body.find(">editor@zone.be</a>");
  ASSERT_NE(link, std::string::npos);
  const auto href_start = listing.body.rfind("href=\"", link) + 6;
  const std::string user_page = listing.body.substr(href_start, listing.body.find('"', href_start) - href_start);
  EXPECT_EQ(server.Get(user_page, {cookie}).status, 200);
  const auto granted = server.Request("POST", user_page + "/grants", {kFormType, cookie},
                                      "csrf_token=" + admin.csrf_token + "&role=partner_editor&scope=ocmw-halle");
  EXPECT_EQ(granted.status, 200);
  EXPECT_TRUE(Contains(granted.body, "De rol is toegekend."));
  const auto roles = server.Get("/nl/account", {"Cookie: " + editor.cookie}).body;
  EXPECT_TRUE(Contains(roles, "redacteur van de zone: elz-zennevallei"));
  EXPECT_TRUE(Contains(roles, "redacteur van een partner: ocmw-halle"));
  const auto taken = server.Request("POST", user_page + "/grants/remove", {kFormType, cookie},
                                    "csrf_token=" + admin.csrf_token + "&role=zone_editor&scope=elz-zennevallei");
  EXPECT_EQ(taken.status, 200);
  EXPECT_FALSE(Contains(server.Get("/nl/account", {"Cookie: " + editor.cookie}).body, "elz-zennevallei"));

  const auto users = server.Get("/nl/admin/users", {cookie});
  const auto form = users.body.find("/disable\"");
  ASSERT_NE(form, std::string::npos);
  const auto action_start = users.body.rfind("action=\"", form) + 8;
  const std::string action = users.body.substr(action_start, form + 8 - action_start);
  const auto disabled = server.Request("POST", action, {kFormType, cookie}, "csrf_token=" + admin.csrf_token);
  EXPECT_EQ(disabled.status, 200);
  EXPECT_TRUE(Contains(disabled.body, "uitgeschakeld"));
  EXPECT_EQ(server.Get("/nl/account", {"Cookie: " + editor.cookie}).status, 401) << "signed out everywhere";
  EXPECT_EQ(PostLogin(server, "editor@zone.be", kPassword).status, 401);

  const std::string history_href = action.substr(0, action.size() - 8);  // ".../users/ID"
  const std::string user_id = history_href.substr(history_href.rfind('/') + 1);
  const auto history = server.Get("/nl/admin/history/user/" + user_id, {cookie});
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(Contains(history.body, "Aangemaakt"));
  EXPECT_TRUE(Contains(history.body, "disabled: false → true"));
  EXPECT_TRUE(Contains(history.body, "admin@zone.be")) << "who did it";
  EXPECT_FALSE(Contains(history.body, "argon2"));
  EXPECT_FALSE(Contains(history.body, "/restore")) << "accounts are changed on their own pages, not restored";
}

TEST(AccountsHttpTest, PartnerSystemsUseBearerTokensUntilRevoked) {
  ServerProcess server;
  AddUser(server, "admin@zone.be", {"admin"});
  const Session admin = SignIn(server, "admin@zone.be");
  const std::string cookie = "Cookie: " + admin.cookie;
  const auto issued = server.Request("POST", "/nl/admin/tokens", {kFormType, cookie},
                                     "csrf_token=" + admin.csrf_token + "&organisation=ocmw-halle&label=sync");
  ASSERT_EQ(issued.status, 200);
  const auto at = issued.body.find("zat_");
  ASSERT_NE(at, std::string::npos);
  const std::string token = issued.body.substr(at, 68);
  EXPECT_EQ(server.Get("/nl/admin/tokens", {cookie}).body.find(token), std::string::npos) << "shown once only";

  const auto me = server.Get("/api/v1/me", {"Authorization: Bearer " + token});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_TRUE(Contains(me.body, "\"scope\":\"ocmw-halle\""));
  EXPECT_EQ(server.Get("/api/v1/me").status, 401);
  const auto forged = server.Get("/api/v1/zones", {"Authorization: Bearer zat_" + std::string(64, '1')});
  EXPECT_EQ(forged.status, 401) << "a wrong token is refused even on a public route";
  EXPECT_TRUE(Contains(forged.Header("WWW-Authenticate"), "invalid_token"));
  EXPECT_EQ(server.Get("/api/v1/zones", {"Authorization: Basic YTpi"}).status, 401);
  EXPECT_EQ(server.Get("/nl/admin/users", {"Authorization: Bearer " + token}).status, 403)
      << "a partner's token is not an administrator";

  const auto page = server.Get("/nl/admin/tokens", {cookie});
  const auto revoke = page.body.find("/revoke\"");
  ASSERT_NE(revoke, std::string::npos);
  const auto action_start = page.body.rfind("action=\"", revoke) + 8;
  const std::string action = page.body.substr(action_start, revoke + 7 - action_start);
  EXPECT_EQ(server.Request("POST", action, {kFormType, cookie}, "csrf_token=" + admin.csrf_token).status, 200);
  EXPECT_EQ(server.Get("/api/v1/me", {"Authorization: Bearer " + token}).status, 401);
}

TEST(AccountsHttpTest, ZoneEditorsSeeTheirZonesHistoryAndRestoreAVersion) {
  ServerProcess server;
  AddUser(server, "editor@zennevallei.be", {"zone_editor:elz-zennevallei"});
  AddUser(server, "editor@noord.brussels", {"zone_editor:zorgzone-noord"});
  const Session editor = SignIn(server, "editor@zennevallei.be");
  const Session other = SignIn(server, "editor@noord.brussels");
  EXPECT_EQ(server.Get("/nl/zones/elz-zennevallei/history", {"Cookie: " + other.cookie}).status, 403)
      << "an editor of another zone";
  EXPECT_EQ(server.Get("/nl/areas/23064/history", {"Cookie: " + other.cookie}).status, 403);

  EXPECT_TRUE(Contains(server.Get("/nl/areas/23064/history", {"Cookie: " + editor.cookie}).body, "Aangemaakt"));

  // A change by the command line, as an import would make it.
  ReduceZennevalleiToHalle(server);

  const std::string cookie = "Cookie: " + editor.cookie;
  const auto history = server.Get("/nl/zones/elz-zennevallei/history", {cookie});
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(Contains(history.body, "Gewijzigd"));
  EXPECT_TRUE(Contains(history.body, "command line"));
  EXPECT_TRUE(Contains(history.body, "weggehaald: 23003, 23064, 23077, 23098, 23100, 23101"));

  const auto at = history.body.find("/restore\"");
  ASSERT_NE(at, std::string::npos);
  const auto start = history.body.rfind("action=\"", at) + 8;
  const std::string action = history.body.substr(start, at + 8 - start);
  EXPECT_EQ(server.Request("POST", action, {kFormType, cookie}, "csrf_token=" + std::string(64, '0')).status, 403);
  EXPECT_EQ(
      server.Request("POST", action, {kFormType, "Cookie: " + other.cookie}, "csrf_token=" + other.csrf_token).status,
      403);
  const auto restored = server.Request("POST", action, {kFormType, cookie}, "csrf_token=" + editor.csrf_token);
  EXPECT_EQ(restored.status, 303);
  EXPECT_EQ(restored.Header("Location"), "/nl/zones/elz-zennevallei/history?restored=1");
  EXPECT_TRUE(Contains(server.Get("/nl/zones/elz-zennevallei").body, "Pepingen"))
      << "the seven municipalities are back";
  const auto after = server.Get("/nl/zones/elz-zennevallei/history?restored=1", {cookie});
  EXPECT_TRUE(Contains(after.body, "Teruggezet"));
  EXPECT_TRUE(Contains(after.body, "editor@zennevallei.be"));
}

// Every route the binary declares, for every kind of user: those the rule lets in are not
// turned away; everyone else gets 401 (nobody signed in) or 403 before the handler runs.
TEST(AccountsHttpTest, AuthorisationMatrixCoversEveryRoute) {
  ServerProcess server;
  struct Person {
    std::string name;
    std::vector<std::string> roles;  // Role names as the access rules use them.
    std::optional<Session> session;
  };
  std::vector<Person> people = {{"anonymous", {}, std::nullopt},
                                {"no-role@zone.be", {}, std::nullopt},
                                {"pro@zone.be", {"professional"}, std::nullopt},
                                {"partner@zone.be", {"partner_editor"}, std::nullopt},
                                {"editor@zone.be", {"zone_editor"}, std::nullopt},
                                {"admin@zone.be", {"admin"}, std::nullopt}};
  const std::map<std::string, std::string> scopes = {{"partner_editor", ":ocmw-halle"},
                                                     {"zone_editor", ":elz-zennevallei"}};
  for (Person& person : people) {
    if (person.name == "anonymous") continue;
    std::vector<std::string> grants;
    for (const std::string& role : person.roles)
      grants.push_back(role + (scopes.contains(role) ? scopes.at(role) : ""));
    AddUser(server, person.name, grants);
    person.session = SignIn(server, person.name);
  }
  auto allowed = [](const std::string& rule, const Person& person) {
    const auto has = [&](const char* role) {
      return std::find(person.roles.begin(), person.roles.end(), role) != person.roles.end();
    };
    if (rule == "public") return true;
    if (!person.session) return false;
    if (rule == "signed_in" || has("admin")) return true;
    if (rule == "professional") return has("professional") || has("partner_editor") || has("zone_editor");
    return has(rule.c_str());
  };

  const auto listed = RunZoneatlas({"--database", server.database(), "routes"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  std::istringstream lines(listed.output);
  std::string method, pattern, name, rule;
  int routes = 0;
  // Logging out ends the session the next routes need, so those go last.
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> table;
  while (lines >> method >> pattern >> name >> rule) {
    if (name == "logout") {
      table.emplace_back(method, pattern, name, rule);
    } else {
      table.insert(table.begin(), {method, pattern, name, rule});
    }
  }
  for (const auto& [route_method, route_pattern, route_name, route_rule] : table) {
    ASSERT_TRUE(route_rule == "public" || route_rule == "signed_in" || route_rule == "professional" ||
                route_rule == "partner_editor" || route_rule == "zone_editor" || route_rule == "admin")
        << route_name << " has rule " << route_rule;
    std::string target = route_pattern;
    for (const auto& [parameter, value] :
         std::vector<std::pair<std::string, std::string>>{{"{lang}", "nl"},
                                                          {"{zone_id}", "elz-zennevallei"},
                                                          {"{code}", "23064"},
                                                          {"{path...}", "css/site.css"},
                                                          {"{user_id}", "no-such-user"},
                                                          {"{token_id}", "no-such-token"},
                                                          {"{change_id}", "1"},
                                                          {"{entity_type}", "user"},
                                                          {"{entity_id}", "no-such-user"},
                                                          {"{indicator_id}", "share_65plus"},
                                                          {"{upload_id}", "no-such-upload"},
                                                          {"{service_id}", "no-such-service"},
                                                          {"{organization_id}", "no-such-organization"},
                                                          {"{proposal_id}", "no-such-proposal"},
                                                          {"{right_id}", "leefloon"},
                                                          {"{figure_id}", "no-such-figure"},
                                                          {"{consultation_id}", "no-such-meeting"},
                                                          {"{action_line_id}", "no-such-line"},
                                                          {"{event_id}", "no-such-event"},
                                                          {"{campaign_id}", "no-such-campaign"},
                                                          {"{working_group_id}", "no-such-group"},
                                                          {"{initiative_id}", "no-such-initiative"},
                                                          {"{route_id}", "no-such-route"},
                                                          {"{provider_id}", "no-such-provider"},
                                                          {"{goal_id}", "no-such-goal"},
                                                          {"{theme_id}", "food"},
                                                          {"{referral_id}", "no-such-referral"},
                                                          {"{id}", "no-such-id"}}) {
      if (const auto at = target.find(parameter); at != std::string::npos) target.replace(at, parameter.size(), value);
    }
    ++routes;
    for (const Person& person : people) {
      std::vector<std::string> headers = {kFormType};
      if (person.session) headers.push_back("Cookie: " + person.session->cookie);
      const auto response = server.Request(route_method, target, headers, route_method == "POST" ? "x=1" : "");
      const bool refused_by_rule = Contains(response.body, "Meld u aan") || Contains(response.body, "Geen toegang") ||
                                   Contains(response.body, "\"title\":\"Unauthorized\"") ||
                                   Contains(response.body, "\"title\":\"Forbidden\"");
      if (allowed(route_rule, person)) {
        EXPECT_NE(response.status, 401) << route_name << " for " << person.name;
        EXPECT_FALSE(refused_by_rule) << route_name << " for " << person.name;
      } else {
        EXPECT_EQ(response.status, person.session ? 403 : 401) << route_name << " for " << person.name;
        EXPECT_TRUE(refused_by_rule) << route_name << " for " << person.name;
      }
    }
  }
  EXPECT_GE(routes, 20);
  // The posts carried no form token, so none of them changed anything: everyone is
  // still signed in, with the password they had.
  for (const Person& person : people) {
    if (!person.session) continue;
    EXPECT_EQ(server.Get("/nl/account", {"Cookie: " + person.session->cookie}).status, 200) << person.name;
    EXPECT_EQ(PostLogin(server, person.name, kPassword).status, 303) << person.name;
  }
}

}  // namespace
}  // namespace zoneatlas::testing
