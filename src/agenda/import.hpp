// agenda/import.hpp: campaigns and events from a JSON file (docs/import-formats.md,
// "Agenda"), all or nothing: every record checked first, every problem named by record
// and field, nothing written when there is one.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_AGENDA_IMPORT_HPP_
#define ZONEATLAS_AGENDA_IMPORT_HPP_

#include <string_view>

#include "agenda/store.hpp"
#include "audit/audit.hpp"
#include "geo/import.hpp"

namespace zoneatlas::agenda {

// rows_read counts campaigns and events.
Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor);

}  // namespace zoneatlas::agenda

#endif  // ZONEATLAS_AGENDA_IMPORT_HPP_
