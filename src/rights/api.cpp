#include "rights/api.hpp"

#include <sstream>

#include "rights/batch.hpp"
#include "web/access.hpp"
#include "web/site.hpp"

namespace zoneatlas::rights {
namespace {

http::Response Screenings(const Catalog& catalog, const view::Catalog& messages, const http::Request& request) {
  auto date = request.Query("date") ? Date::Parse(*request.Query("date")) : Result<Date>(Date::Today());
  if (!date) return web::Problem(Error::InvalidArgument("date: " + date.error().message()));
  const auto language = ParseLanguage(request.Query("language").value_or("nl"));
  if (!language) return web::Problem(Error::InvalidArgument("language: use nl, fr or en"));
  // Every row is checked before anything is answered, so a bad row never yields half a file.
  std::istringstream check(request.body);
  if (auto checked = CheckBatch(check, *date); !checked) return web::Problem(checked.error());
  std::istringstream input(request.body);
  std::ostringstream output;
  auto screened = ScreenBatch(input, output, catalog, messages, *date, *language);
  if (!screened) return web::Problem(screened.error());
  http::Response response = http::Response::Make(200, "text/csv; charset=utf-8", output.str());
  response.headers.Set("Cache-Control", "no-store");
  response.headers.Set("X-Households", std::to_string(screened->households));
  return response;
}

}  // namespace

void AddApiRoutes(http::Router& router, CurrentCatalog& current, const view::Catalog& messages) {
  router.Post(
      std::string(kScreeningsPath),
      [&current, &messages](const http::Request& request) { return Screenings(*current.Get(), messages, request); },
      {.name = "api_rights_screenings", .access = std::string(web::kProfessional)});
}

}  // namespace zoneatlas::rights
