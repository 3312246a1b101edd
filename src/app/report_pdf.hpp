// app/report_pdf.hpp: a page of the application as a PDF file, printed by a browser
// engine installed beside zoneatlas (WeasyPrint, else Chromium), for the printable
// omgevingsanalyse on the command line.
//
// Thread safety: runs one child process; call from the command line only.
#ifndef ZONEATLAS_APP_REPORT_PDF_HPP_
#define ZONEATLAS_APP_REPORT_PDF_HPP_

#include <string>

#include "core/error.hpp"

namespace zoneatlas::app {

// Writes `html` (a page of the application; its stylesheet is taken in) as a PDF to
// `output`. kUnavailable names what to install when neither renderer is there.
Status WritePdf(const std::string& html, const std::string& output);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_REPORT_PDF_HPP_
