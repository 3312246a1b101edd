// app/pdf_printer.hpp: printable pages of the application as PDF files — the
// omgevingsanalyse report and the social map's repertory — printed by a browser engine
// installed beside zoneatlas (WeasyPrint, else Chromium). Without one, people print the
// page from their browser; the pages say so.
//
// Thread safety: Print may be called from many threads. At most kPrintsAtOnce renderers
// run at a time (each is a browser: hundreds of MiB); a request beyond that is refused
// with kUnavailable rather than queued, so PDF requests can never take every worker.
#ifndef ZONEATLAS_APP_PDF_PRINTER_HPP_
#define ZONEATLAS_APP_PDF_PRINTER_HPP_

#include <atomic>
#include <string>

#include "core/error.hpp"

namespace zoneatlas::app {

class PdfPrinter {
 public:
  static constexpr int kPrintsAtOnce = 2;
  // A renderer that has not finished by then is stopped.
  static constexpr int kTimeoutSeconds = 60;

  // Looks for a renderer on PATH once.
  PdfPrinter();

  // Whether a renderer was found ("weasyprint" or "chromium" and its path), for pages
  // that offer a PDF download.
  bool available() const { return !renderer_.empty(); }

  // `html` (a page of the application; its stylesheet is taken in) as PDF bytes.
  // kUnavailable names what to install when no renderer is there, or says the printer is
  // busy.
  Result<std::string> Print(const std::string& html);

 private:
  std::string renderer_;  // Full path; empty when none.
  std::atomic<int> printing_ = 0;
};

// Prints `html` and writes it to `output` whole (never half a file), for the command line.
Status WritePdf(const std::string& html, const std::string& output);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_PDF_PRINTER_HPP_
