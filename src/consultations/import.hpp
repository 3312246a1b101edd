// consultations/import.hpp: meetings, their signals and action lines from a JSON file
// (docs/import-formats.md, "Consultations"), all or nothing: every record is checked
// first, every problem named by record and field, and nothing is written when there is one.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_CONSULTATIONS_IMPORT_HPP_
#define ZONEATLAS_CONSULTATIONS_IMPORT_HPP_

#include <string_view>

#include "audit/audit.hpp"
#include "consultations/store.hpp"
#include "core/error.hpp"
#include "geo/import.hpp"

namespace zoneatlas::consultations {

// rows_read counts meetings and action lines; signals travel with their meeting.
Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor);

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_IMPORT_HPP_
