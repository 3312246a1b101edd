#include "socialmap/import.hpp"

#include <map>
#include <memory>

#include "core/text.hpp"
#include "socialmap/hsds.hpp"

namespace zoneatlas::socialmap {

Result<AreaResolver> MunicipalityResolver(const geo::Store& geography) {
  auto areas = geography.Areas({.kind = geo::AreaKind::kMunicipality, .parent_code = std::nullopt, .any_time = false},
                               Date::Today());
  if (!areas) return Fail(areas.error());
  auto codes = std::make_shared<std::map<std::string, std::string, std::less<>>>();
  auto names = std::make_shared<std::map<std::string, std::string, std::less<>>>();
  for (const geo::Area& area : *areas) {
    (*codes)[area.code] = area.code;
    for (const std::string* name : {&area.names.nl, &area.names.fr, &area.names.en}) {
      if (!name->empty()) (*names)[text::Fold(*name)] = area.code;
    }
  }
  return AreaResolver([codes, names](std::string_view code_or_name) -> std::optional<std::string> {
    const std::string_view trimmed = text::Trim(code_or_name);
    if (const auto it = codes->find(trimmed); it != codes->end()) return it->second;
    if (const auto it = names->find(text::Fold(trimmed)); it != names->end()) return it->second;
    return std::nullopt;
  });
}

Result<geo::ImportReport> ImportHsds(db::Database& database, const Taxonomy& taxonomy, const geo::Store& geography,
                                     std::string_view file_name, std::string_view content,
                                     const HsdsImportOptions& options, const audit::Actor& actor, Search* search) {
  geo::ImportReport report;
  report.file = std::string(file_name);
  auto resolver = MunicipalityResolver(geography);
  if (!resolver) return Fail(resolver.error());
  const SocialMap map = ParseHsdsJson(content, taxonomy, *resolver, report);
  if (!report.ok() || options.dry_run) return report;
  auto saved = database.InTransaction([&](db::Connection& connection) {
    return Store::Save(connection, map, audit::Context{.actor = actor, .restore = false, .at = 0},
                       std::string(file_name));
  });
  if (!saved) return Fail(saved.error());
  report.rows_imported = static_cast<int>(map.services.size());
  if (search != nullptr) {
    // The import stands even when the index cannot follow now: the next search catches up.
    if (auto caught_up = search->CatchUp(); !caught_up) {
      report.warnings.push_back({"", "", "the search index will catch up later: " + caught_up.error().message()});
    }
  }
  return report;
}

}  // namespace zoneatlas::socialmap
