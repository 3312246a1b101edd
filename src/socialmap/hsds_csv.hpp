// socialmap/hsds_csv.hpp: the social map as HSDS 3.0's CSV tabular package — one CSV file
// per table (organizations, services, locations, addresses, phones, schedules,
// service_areas, service_at_location, languages, attributes, taxonomy_terms, taxonomies)
// with HSDS's own columns, and a datapackage.json (Frictionless Data) describing them.
//
// What HSDS has no column for (names in nl/fr/en, plain language, cost, walk-in hours,
// municipality codes, …) travels in a "zoneatlas" column holding the same JSON object as
// the JSON exchange (socialmap/hsds.hpp); other readers ignore the column. Reading joins
// the tables back into HSDS service_full objects, reporting every broken reference by file,
// row and column, and hands them to the JSON reader, so both formats are checked alike.
//
// Thread safety: functions of their arguments.
#ifndef ZONEATLAS_SOCIALMAP_HSDS_CSV_HPP_
#define ZONEATLAS_SOCIALMAP_HSDS_CSV_HPP_

#include <map>
#include <string>

#include "core/language.hpp"
#include "geo/import.hpp"
#include "socialmap/model.hpp"

namespace zoneatlas::socialmap {

// File name ("services.csv", "datapackage.json") → content.
using CsvPackage = std::map<std::string, std::string>;

// The map as a CSV package; HSDS's single-language columns in `language`.
CsvPackage WriteHsdsCsv(const SocialMap& map, Language language);

// The package's tables as an HSDS JSON array of full services, for ParseHsdsJson. Problems
// (a missing services.csv, unreadable CSV, references to rows that are not there, a
// zoneatlas cell that is not a JSON object) go to `report`, located as "FILE:ROW".
std::string AssembleHsdsCsv(const CsvPackage& package, geo::ImportReport& report);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_HSDS_CSV_HPP_
