#include "rights/api.hpp"

#include <sstream>

#include "rights/batch.hpp"
#include "web/access.hpp"
#include "web/site.hpp"

namespace zoneatlas::rights {
namespace {

http::Response Screenings(std::shared_ptr<const Catalog> catalog, const view::Catalog& messages,
                          const http::Request& request) {
  auto date = request.Query("date") ? Date::Parse(*request.Query("date")) : Result<Date>(Date::Today());
  if (!date) return web::Problem(Error::InvalidArgument("date: " + date.error().message()));
  const auto language = ParseLanguage(request.Query("language").value_or("nl"));
  if (!language) return web::Problem(Error::InvalidArgument("language: use nl, fr or en"));
  // Every row is checked before anything is answered, so a bad row never yields half a file.
  std::istringstream check(request.body);
  auto checked = CheckBatch(check, *date);
  if (!checked) return web::Problem(checked.error());
  if (checked->households > kMaxScreeningHouseholds) {
    return web::Problem(Error::InvalidArgument(
        std::to_string(checked->households) + " households: at most " + std::to_string(kMaxScreeningHouseholds) +
        " a request; send the file in parts, or screen it with `zoneatlas rights screen`"));
  }
  // The results (a row per household and right) are written as they are made.
  http::Response response = http::Response::Make(200, "text/csv; charset=utf-8", "");
  response.headers.Set("Cache-Control", "no-store");
  response.headers.Set("X-Households", std::to_string(checked->households));
  response.body_writer = [body = request.body, catalog = std::move(catalog), &messages, date = *date,
                          language = *language](std::ostream& out) {
    std::istringstream input(body);
    return static_cast<bool>(ScreenBatch(input, out, *catalog, messages, date, language));
  };
  return response;
}

}  // namespace

void AddApiRoutes(http::Router& router, CurrentCatalog& current, const view::Catalog& messages) {
  router.Post(
      std::string(kScreeningsPath),
      [&current, &messages](const http::Request& request) { return Screenings(current.Get(), messages, request); },
      {.name = "api_rights_screenings", .access = std::string(web::kProfessional)});
}

}  // namespace zoneatlas::rights
