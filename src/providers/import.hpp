// providers/import.hpp: providers and referral routes from a JSON file
// (docs/import-formats.md, "Providers and referral routes"), all or nothing, every problem
// named by record and field.
//
// Thread safety: as Store.
#ifndef ZONEATLAS_PROVIDERS_IMPORT_HPP_
#define ZONEATLAS_PROVIDERS_IMPORT_HPP_

#include <functional>
#include <string>
#include <string_view>

#include "audit/audit.hpp"
#include "geo/import.hpp"
#include "providers/store.hpp"

namespace zoneatlas::providers {

// `right_exists` says whether a rights explorer id a route names is known (the feature
// cannot read the rights catalog itself); without it rights are not checked.
Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor,
                                     const std::function<bool(const std::string&)>& right_exists = {});

}  // namespace zoneatlas::providers

#endif  // ZONEATLAS_PROVIDERS_IMPORT_HPP_
