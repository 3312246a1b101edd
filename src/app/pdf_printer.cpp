#include "app/pdf_printer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/temp_file.hpp"
#include "platform/resources/resources.hpp"

namespace zoneatlas::app {
namespace {

// The first of `names` found on PATH.
std::string FindProgram(const std::vector<std::string>& names) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  for (const std::string& name : names) {
    std::string directories = path;
    std::size_t start = 0;
    while (start <= directories.size()) {
      const std::size_t end = directories.find(':', start);
      const std::string directory =
          directories.substr(start, end == std::string::npos ? std::string::npos : end - start);
      const std::filesystem::path candidate = std::filesystem::path(directory.empty() ? "." : directory) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return "";
}

// Runs `arguments` without a shell (file names are never interpreted) and waits at most
// `timeout`; returns the exit code, or -1 when it could not run or was stopped. The child
// leads its own process group so that a browser's helper processes are stopped with it.
int Run(const std::vector<std::string>& arguments, std::chrono::seconds timeout) {
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    // Only async-signal-safe calls between fork and exec: the server has other threads.
    setpgid(0, 0);
    const int null = open("/dev/null", O_WRONLY);  // The renderer's chatter is not the user's business.
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool stopped = false;
  while (true) {
    // Seen without being reaped, so that the group can still be told apart below.
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOHANG | WNOWAIT) < 0 && errno != EINTR) {
      return -1;
    }
    if (info.si_pid == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      stopped = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-child, SIGKILL);  // On time out, and helpers the renderer left behind.
  int status = 0;
  if (waitpid(child, &status, 0) < 0 || stopped) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

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
  const int exit_code = renderer_.ends_with("weasyprint")
                            ? Run({renderer_, input.string(), pdf.string()}, timeout)
                            : Run({renderer_, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                   "--user-data-dir=" + (directory / "profile").string(),
                                   "--print-to-pdf=" + pdf.string(), "file://" + input.string()},
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
