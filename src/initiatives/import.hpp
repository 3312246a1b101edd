// initiatives/import.hpp: initiatives with their outcomes from a JSON file
// (docs/import-formats.md, "Initiatives"), all or nothing, every problem named by record and
// field.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_INITIATIVES_IMPORT_HPP_
#define ZONEATLAS_INITIATIVES_IMPORT_HPP_

#include <string_view>

#include "audit/audit.hpp"
#include "geo/import.hpp"
#include "initiatives/store.hpp"

namespace zoneatlas::initiatives {

Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor);

}  // namespace zoneatlas::initiatives

#endif  // ZONEATLAS_INITIATIVES_IMPORT_HPP_
