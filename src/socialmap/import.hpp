// socialmap/import.hpp: loading an HSDS 3.0 JSON file into the social map.
//
// Every service is checked (required fields, references between records, opening hours,
// coordinates in Belgium, known themes, target groups and municipalities, duplicate ids)
// before anything is written; on any problem nothing is written and the report names the
// service and field of each. Otherwise everything is saved in one transaction and the
// search index catches up.
//
// Thread safety: functions; the database serialises the writes.
#ifndef ZONEATLAS_SOCIALMAP_IMPORT_HPP_
#define ZONEATLAS_SOCIALMAP_IMPORT_HPP_

#include <string_view>

#include "audit/audit.hpp"
#include "geo/import.hpp"
#include "geo/store.hpp"
#include "platform/db/database.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/search.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::socialmap {

struct HsdsImportOptions {
  bool dry_run = false;  // Check everything, write nothing.
};

// `search`, when given, is brought up to date after a successful import.
Result<geo::ImportReport> ImportHsds(db::Database& database, const Taxonomy& taxonomy, const geo::Store& geography,
                                     std::string_view file_name, std::string_view content,
                                     const HsdsImportOptions& options, const audit::Actor& actor, Search* search);

// Finds municipalities by NIS code or by name in any language, ignoring case and accents.
Result<AreaResolver> MunicipalityResolver(const geo::Store& geography);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_IMPORT_HPP_
