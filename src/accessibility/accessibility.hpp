// accessibility/accessibility.hpp: the accessibility statement and problem reports.
//
// Belgian public-sector sites must publish an accessibility statement (EN 301 549,
// WCAG 2.1 AA) with a way to report a problem. /{lang}/accessibility shows the statement
// and a form; a report is stored for the operators (`zoneatlas export
// accessibility-reports`), and the reader gets a confirmation page.
//
// Thread safety: the handlers share only the Database.
#ifndef ZONEATLAS_ACCESSIBILITY_ACCESSIBILITY_HPP_
#define ZONEATLAS_ACCESSIBILITY_ACCESSIBILITY_HPP_

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/language.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "web/site.hpp"

namespace zoneatlas::accessibility {

struct Report {
  std::string reported_at;  // ISO 8601, UTC.
  std::string page_url;
  std::string description;
  std::string contact;
  Language language = Language::kNl;
};

// Limits that keep a report readable and the table small.
inline constexpr std::size_t kMaxDescription = 5000;
inline constexpr std::size_t kMaxField = 500;

Status SaveReport(db::Database& database, const Report& report);
Result<std::vector<Report>> Reports(db::Database& database);

void AddRoutes(http::Router& router, const web::Site& site, db::Database& database);

}  // namespace zoneatlas::accessibility

#endif  // ZONEATLAS_ACCESSIBILITY_ACCESSIBILITY_HPP_
