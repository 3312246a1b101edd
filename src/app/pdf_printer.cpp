#include "app/pdf_printer.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/program.hpp"
#include "core/temp_file.hpp"
#include "platform/resources/resources.hpp"

namespace zoneatlas::app {
namespace {

// A page printed on its own needs its stylesheet inside.
Result<std::string> WithStylesheetInside(const std::string& html) {
  const auto css = resources::Find("static/css/site.css");
  if (!css) return Fail(Error::Internal("static/css/site.css is not embedded"));
  std::string page = html;
  if (const auto link = page.find("<link rel=\"stylesheet\""); link != std::string::npos) {
    const auto end = page.find('>', link);
    if (end != std::string::npos) page.replace(link, end + 1 - link, "<style>" + std::string(*css) + "</style>");
  }
  return page;
}

// Counts a print while it runs.
class Slot {
 public:
  explicit Slot(std::atomic<int>& printing) : printing_(printing), taken_(++printing_ <= PdfPrinter::kPrintsAtOnce) {}
  ~Slot() { --printing_; }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  bool taken() const { return taken_; }

 private:
  std::atomic<int>& printing_;
  const bool taken_;
};

}  // namespace

PdfPrinter::PdfPrinter() : renderer_(FindProgram({"weasyprint", "chromium", "chromium-browser", "google-chrome"})) {}

Result<std::string> PdfPrinter::Print(const std::string& html) {
  if (renderer_.empty()) {
    return Fail(
        Error::Unavailable("no PDF renderer: install weasyprint or chromium (apt), or print the page from a browser"));
  }
  const Slot slot(printing_);
  if (!slot.taken()) return Fail(Error::Unavailable("the PDF printer is busy; try again in a minute"));
  auto page = WithStylesheetInside(html);
  if (!page) return Fail(page.error());
  auto folder = TempFolder::Create();
  if (!folder) return Fail(folder.error());
  const std::filesystem::path& directory = folder->path();
  const std::filesystem::path input = directory / "page.html";
  const std::filesystem::path pdf = directory / "page.pdf";
  {
    std::ofstream out(input, std::ios::binary);
    out << *page;
    if (!out.flush()) return Fail(Error::Unavailable("cannot write " + input.string()));
  }
  const std::chrono::seconds timeout(kTimeoutSeconds);
  const int exit_code =
      renderer_.ends_with("weasyprint")
          ? RunProgram({renderer_, input.string(), pdf.string()}, timeout)
          : RunProgram({renderer_, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--user-data-dir=" + (directory / "profile").string(), "--print-to-pdf=" + pdf.string(),
                        "file://" + input.string()},
                       timeout);
  std::ifstream in(pdf, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (exit_code != 0 || !bytes.str().starts_with("%PDF-")) {
    return Fail(Error::Unavailable("the PDF renderer failed (" +
                                   (exit_code < 0 ? "stopped" : "exit " + std::to_string(exit_code)) + ")"));
  }
  return std::move(bytes).str();
}

Status WritePdf(const std::string& html, const std::string& output) {
  PdfPrinter printer;
  auto pdf = printer.Print(html);
  if (!pdf) return Fail(pdf.error());
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << *pdf;
    if (!out.flush()) {
      std::filesystem::remove(partial);
      return Fail(Error::Unavailable("cannot write " + output));
    }
  }
  std::error_code failed;
  std::filesystem::rename(partial, output, failed);
  if (failed) return Fail(Error::Unavailable("cannot write " + output));
  return {};
}

}  // namespace zoneatlas::app
