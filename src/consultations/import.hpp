// consultations/import.hpp: meetings, their signals and action lines from a JSON file
// (docs/import-formats.md, "Consultations"), all or nothing: every record is checked
// first, every problem named by record and field, and nothing is written when there is one.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_CONSULTATIONS_IMPORT_HPP_
#define ZONEATLAS_CONSULTATIONS_IMPORT_HPP_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "audit/audit.hpp"
#include "consultations/store.hpp"
#include "core/error.hpp"
#include "geo/import.hpp"

namespace zoneatlas::consultations {

// rows_read counts meetings and action lines; signals travel with their meeting.
// `initiative_zone` gives the zone of an initiative of the inventory an action line names
// (nothing: there is none), which this feature cannot read itself; without it those links
// are not checked.
Result<geo::ImportReport> ImportFile(
    Store& store, std::string_view file_name, std::string_view content, bool dry_run, const audit::Actor& actor,
    const std::function<std::optional<std::string>(const std::string& initiative_id)>& initiative_zone = {});

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_IMPORT_HPP_
