#include "platform/http/router.hpp"

#include <gtest/gtest.h>

#include "platform/http/compression.hpp"
#include "platform/http/form.hpp"

namespace zoneatlas::http {
namespace {

Handler Named(std::string name) {
  return [name](const Request&) { return Response::Make(200, "text/plain", name); };
}

std::string Call(const Router& router, Method method, std::string_view path) {
  const auto match = router.Find(method, path);
  if (match.kind != Router::Match::Kind::kFound) return "";
  Request request;
  request.path_params = match.params;
  return match.route->handler(request).body;
}

TEST(RouterTest, MatchesLiteralsBeforeParameters) {
  Router router;
  router.Get("/api/v1/zones/{zone_id}", Named("zone"));
  router.Get("/api/v1/zones/new", Named("new"));
  EXPECT_EQ(Call(router, Method::kGet, "/api/v1/zones/new"), "new");
  EXPECT_EQ(Call(router, Method::kGet, "/api/v1/zones/elz-zennevallei"), "zone");
}

TEST(RouterTest, ExtractsParametersAndTheRest) {
  Router router;
  router.Get("/{lang}/areas/{code}", Named("area"));
  router.Get("/static/{path...}", Named("static"));
  auto match = router.Find(Method::kGet, "/fr/areas/21004");
  ASSERT_EQ(match.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(match.params.at("lang"), "fr");
  EXPECT_EQ(match.params.at("code"), "21004");
  match = router.Find(Method::kGet, "/static/css/site.css");
  ASSERT_EQ(match.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(match.params.at("path"), "css/site.css");
}

TEST(RouterTest, DoesNotMatchEmptySegmentsOrExtraSegments) {
  Router router;
  router.Get("/{lang}/areas/{code}", Named("area"));
  router.Get("/static/{path...}", Named("static"));
  EXPECT_EQ(router.Find(Method::kGet, "/fr/areas/").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find(Method::kGet, "/fr/areas/21004/more").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find(Method::kGet, "/static/").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find(Method::kGet, "/").kind, Router::Match::Kind::kNotFound);
}

TEST(RouterTest, HeadUsesGetAndOtherMethodsAreNotAllowed) {
  Router router;
  router.Get("/healthz", Named("health"));
  router.Post("/{lang}/accessibility/report", Named("report"));
  EXPECT_EQ(Call(router, Method::kHead, "/healthz"), "health");
  const auto match = router.Find(Method::kDelete, "/healthz");
  EXPECT_EQ(match.kind, Router::Match::Kind::kMethodNotAllowed);
  ASSERT_EQ(match.allowed.size(), 1u);
  EXPECT_EQ(match.allowed[0], Method::kGet);
  EXPECT_EQ(router.Find(Method::kGet, "/nl/accessibility/report").kind, Router::Match::Kind::kMethodNotAllowed);
}

TEST(RouterTest, ListsEveryRouteWithAName) {
  Router router;
  router.Get("/a", Named("a"), {.name = "first", .access = "public"});
  router.Post("/b", Named("b"));
  ASSERT_EQ(router.routes().size(), 2u);
  EXPECT_EQ(router.routes()[0].options.name, "first");
  EXPECT_EQ(router.routes()[1].options.name, "POST /b");
}

TEST(CompressionTest, CompressesLongTextWhenAcceptedOnly) {
  Request request;
  request.headers.Set("Accept-Encoding", "br, gzip;q=0.8");
  Response response = Response::Html(std::string(4000, 'x'));
  CompressIfWorthwhile(request, response);
  EXPECT_EQ(response.headers.Get("Content-Encoding"), "gzip");
  EXPECT_LT(response.body.size(), 200u);

  Request refusing;
  refusing.headers.Set("Accept-Encoding", "gzip;q=0");
  Response plain = Response::Html(std::string(4000, 'x'));
  CompressIfWorthwhile(refusing, plain);
  EXPECT_FALSE(plain.headers.Has("Content-Encoding"));
  EXPECT_EQ(plain.headers.Get("Vary"), "Accept-Encoding");

  Response image = Response::Make(200, "image/png", std::string(4000, 'x'));
  CompressIfWorthwhile(request, image);
  EXPECT_FALSE(image.headers.Has("Content-Encoding"));
}

TEST(FormTest, DecodesFormsAndChecksTheCsrfToken) {
  Request request;
  request.headers.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
  request.body = "description=kan+de+kaart+niet+lezen%21&page_url=%2Fnl%2F&csrf_token=" + std::string(64, 'a');
  const auto form = ParseForm(request);
  ASSERT_TRUE(form);
  EXPECT_EQ(form->find("description")->second, "kan de kaart niet lezen!");
  EXPECT_EQ(form->find("page_url")->second, "/nl/");
  EXPECT_FALSE(CsrfTokenMatches(request, *form)) << "no cookie";
  request.headers.Set("Cookie", "other=1; zoneatlas_csrf=" + std::string(64, 'a'));
  EXPECT_TRUE(CsrfTokenMatches(request, *form));
  request.headers.Set("Cookie", "zoneatlas_csrf=" + std::string(64, 'b'));
  EXPECT_FALSE(CsrfTokenMatches(request, *form));

  // Behind a TLS proxy the token lives in a Secure __Host- cookie; a plain one (which a
  // neighbouring subdomain could have set) no longer counts.
  request.headers.Set("X-Forwarded-Proto", "https");
  request.headers.Set("Cookie", "zoneatlas_csrf=" + std::string(64, 'a'));
  EXPECT_FALSE(CsrfTokenMatches(request, *form));
  request.headers.Set("Cookie", "__Host-zoneatlas_csrf=" + std::string(64, 'a'));
  EXPECT_TRUE(CsrfTokenMatches(request, *form));
  Request fresh;
  fresh.headers.Set("X-Forwarded-Proto", "https");
  Response response;
  const std::string token = CsrfToken(fresh, response);
  EXPECT_EQ(response.headers.Get("Set-Cookie"),
            "__Host-zoneatlas_csrf=" + token + "; Path=/; HttpOnly; SameSite=Strict; Secure");

  Request json;
  json.headers.Set("Content-Type", "application/json");
  json.body = "{}";
  EXPECT_FALSE(ParseForm(json));
}

}  // namespace
}  // namespace zoneatlas::http

namespace zoneatlas::http {
namespace {

TEST(FormTest, ReadsAFileUploadAndItsFields) {
  Request request;
  request.headers.Set("Content-Type", "multipart/form-data; boundary=----b0undary");
  request.body =
      "------b0undary\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n"
      "------b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cijfers.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\narea_code,indicator\r\n23064,pop_total\r\n\r\n"
      "------b0undary--\r\n";
  const auto parts = ParseMultipart(request);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[1].filename, "cijfers.csv");
  EXPECT_EQ((*parts)[1].data, "area_code,indicator\r\n23064,pop_total\r\n") << "the file keeps its own line ends";
  EXPECT_EQ(FormField(TextFields(*parts), "csrf_token"), "abc");
  // Binary files (an .xlsx is a zip archive) pass unchanged.
  request.body = "------b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\n" +
                 std::string("PK\x03\x04\xff\0z", 7) + "\r\n------b0undary--";
  const auto binary = ParseMultipart(request);
  ASSERT_TRUE(binary);
  EXPECT_EQ((*binary)[0].data.size(), 7u);
}

TEST(FormTest, RefusesWhatIsNotAWellFormedMultipartBody) {
  Request request;
  request.headers.Set("Content-Type", "application/x-www-form-urlencoded");
  request.body = "a=b";
  EXPECT_FALSE(ParseMultipart(request));
  request.headers.Set("Content-Type", "multipart/form-data; boundary=xyz");
  request.body = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end";
  EXPECT_FALSE(ParseMultipart(request)) << "a part that never ends";
  request.body = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\xfe\r\n--xyz--";
  EXPECT_FALSE(ParseMultipart(request)) << "a text field that is not UTF-8";
  request.headers.Set("Content-Type", "multipart/form-data");
  EXPECT_FALSE(ParseMultipart(request)) << "no boundary";
}

}  // namespace
}  // namespace zoneatlas::http
