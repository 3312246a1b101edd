// atlas/export.hpp: a zone's whole omgevingsanalyse as a download: CSV, or an XLSX
// workbook with one sheet per DESTEP group (the municipalities' and region's figures in
// the long import layout, so that the workbook imports again), a sheet with the zone's
// aggregated figures and a sheet with every indicator's definition and source. Figures
// resting on too few people are left empty with a note, as on the pages.
//
// Thread safety: reads the stores only.
#ifndef ZONEATLAS_ATLAS_EXPORT_HPP_
#define ZONEATLAS_ATLAS_EXPORT_HPP_

#include <string>

#include "atlas/routes.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "platform/view/view.hpp"

namespace zoneatlas::atlas {

enum class ExportFormat { kCsv, kXlsx };

struct ExportedFile {
  std::string file_name;  // "zoneatlas-elz-zennevallei.xlsx"
  std::string content;
};

// `indicator` empty exports every indicator. kNotFound for an unknown zone or indicator.
Result<ExportedFile> ExportZone(const Services& services, const view::Catalog& texts, const std::string& zone_id,
                                Language language, ExportFormat format, const std::string& indicator);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_EXPORT_HPP_
