#include "accessibility/accessibility.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <fmt/chrono.h>

#include "audit/audit.hpp"
#include "core/text.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::accessibility {
namespace json = boost::json;
namespace {

std::string NowIso() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

http::Response Statement(const web::Site& site, const http::Request& request, Language language,
                         json::object form_state, int status = 200) {
  http::Response response;
  const std::string token = http::CsrfToken(request, response);
  form_state["csrf_token"] = token;
  form_state["csrf_field"] = http::kCsrfField;
  form_state["action"] = web::Href(language, "/accessibility/report");
  if (!form_state.contains("page_url")) {
    const std::string referer(request.headers.Get("Referer"));
    form_state["page_url"] = referer.size() <= kMaxField ? referer : "";
  }
  http::Response page = web::Page(site, request, language, "accessibility",
                                  std::string(site.renderer.catalog().Get(language, "a11y_title")),
                                  std::move(form_state), status);
  for (const auto& [name, value] : response.headers.fields()) page.headers.Add(name, value);
  page.headers.Set("Cache-Control", "no-store");
  return page;
}

http::Response ReceiveReport(const web::Site& site, db::Database& database, const http::Request& request,
                             Language language) {
  const auto& catalog = site.renderer.catalog();
  const auto form = http::ParseForm(request);
  if (!form) {
    return web::NotAFormPage(site, request, language);
  }
  if (!http::CsrfTokenMatches(request, *form)) {
    json::object state{{"error", catalog.Get(language, "a11y_error_expired")}};
    return Statement(site, request, language, std::move(state), 403);
  }
  Report report{NowIso(), std::string(text::Trim(http::FormField(*form, "page_url"))), std::string(text::Trim(http::FormField(*form, "description"))), std::string(text::Trim(http::FormField(*form, "contact"))),
                language};
  std::string problem;
  if (report.description.empty()) {
    problem = catalog.Get(language, "a11y_error_empty");
  } else if (report.description.size() > kMaxDescription || report.page_url.size() > kMaxField ||
             report.contact.size() > kMaxField) {
    problem = catalog.Get(language, "a11y_error_too_long");
  }
  if (!problem.empty()) {
    json::object state{{"error", problem},
                       {"page_url", report.page_url},
                       {"description", report.description},
                       {"contact", report.contact}};
    return Statement(site, request, language, std::move(state), 422);
  }
  if (auto saved = SaveReport(database, report); !saved) {
    return web::ErrorPage(site, request, language, saved.error());
  }
  // Post/redirect/get: reloading the thank-you page does not send the report again.
  return http::Response::Redirect(web::Href(language, "/accessibility/thanks"), 303);
}

}  // namespace

Status SaveReport(db::Database& database, const Report& report) {
  return database.InTransaction([&](db::Connection& connection) -> Status {
    auto inserted = connection.Execute(
        "INSERT INTO accessibility_reports (reported_at, page_url, description, contact, language)"
        " VALUES (?, ?, ?, ?, ?)",
        {report.reported_at, report.page_url, report.description, report.contact,
         std::string(LanguageCode(report.language))});
    if (!inserted) return Fail(inserted.error());
    // The trail says that a visitor reported something, and when; the report itself,
    // with any contact details, stays in its own table.
    const boost::json::object recorded{{"page_url", report.page_url}, {"language", LanguageCode(report.language)}};
    return audit::Record(connection, {{"public", "a visitor"}}, "accessibility_report", report.reported_at,
                         std::nullopt, boost::json::serialize(recorded), std::nullopt);
  });
}

Result<std::vector<Report>> Reports(db::Database& database) {
  auto rows = database.WithConnection([](db::Connection& connection) {
    return connection.Query(
        "SELECT reported_at, page_url, description, contact, language FROM accessibility_reports"
        " ORDER BY reported_at");
  });
  if (!rows) return Fail(rows.error());
  std::vector<Report> reports;
  for (const db::Row& row : *rows) {
    reports.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3),
                       ParseLanguage(row.Text(4)).value_or(Language::kNl)});
  }
  return reports;
}

void AddRoutes(http::Router& router, const web::Site& site, db::Database& database) {
  router.Get("/{lang}/accessibility", web::ForLanguage(site, [&site](const http::Request& request, Language language) {
               return Statement(site, request, language, {});
             }),
             {.name = "accessibility_statement", .access = std::string(web::kPublic)});
  router.Post("/{lang}/accessibility/report",
              web::ForLanguage(site, [&site, &database](const http::Request& request, Language language) {
                return ReceiveReport(site, database, request, language);
              }),
              {.name = "accessibility_report", .access = std::string(web::kPublic)});
  router.Get("/{lang}/accessibility/thanks",
             web::ForLanguage(site, [&site](const http::Request& request, Language language) {
               return web::Page(site, request, language, "accessibility_thanks",
                                std::string(site.renderer.catalog().Get(language, "a11y_thanks_title")), {});
             }),
             {.name = "accessibility_thanks", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::accessibility
