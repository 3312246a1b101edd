#include "app/report_pdf.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

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

// Runs `arguments` without a shell (file names are never interpreted) and waits.
int Run(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    // The renderer's chatter is not the user's business.
    if (std::FILE* null = std::freopen("/dev/null", "w", stderr); null == nullptr) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

Status WritePdf(const std::string& html, const std::string& output) {
  // The page links its stylesheet; a file printed on its own needs it inside.
  const auto css = resources::Find("static/css/site.css");
  if (!css) return Fail(Error::Internal("static/css/site.css is not embedded"));
  std::string page = html;
  if (const auto link = page.find("<link rel=\"stylesheet\""); link != std::string::npos) {
    const auto end = page.find('>', link);
    if (end != std::string::npos) page.replace(link, end + 1 - link, "<style>" + std::string(*css) + "</style>");
  }
  std::random_device random;
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("zoneatlas-pdf-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(directory);
  const std::filesystem::path input = directory / "report.html";
  {
    std::ofstream out(input, std::ios::binary);
    out << page;
    if (!out.flush()) return Fail(Error::Unavailable("cannot write " + input.string()));
  }
  const std::string pdf = (directory / "report.pdf").string();
  int exit_code = -1;
  if (const std::string weasyprint = FindProgram({"weasyprint"}); !weasyprint.empty()) {
    exit_code = Run({weasyprint, input.string(), pdf});
  } else if (const std::string chromium = FindProgram({"chromium", "chromium-browser", "google-chrome"});
             !chromium.empty()) {
    exit_code = Run({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                     "--user-data-dir=" + (directory / "profile").string(), "--print-to-pdf=" + pdf,
                     "file://" + input.string()});
  } else {
    std::filesystem::remove_all(directory);
    return Fail(Error::Unavailable(
        "no PDF renderer: install weasyprint or chromium (apt), or print the report page from a browser"));
  }
  std::error_code ignored;
  if (exit_code != 0 || !std::filesystem::exists(pdf) || std::filesystem::file_size(pdf, ignored) == 0) {
    std::filesystem::remove_all(directory);
    return Fail(Error::Unavailable("the PDF renderer failed (exit " + std::to_string(exit_code) + ")"));
  }
  // Moved into place whole, so that a failed export never leaves half a file.
  std::filesystem::copy_file(pdf, output + ".partial", std::filesystem::copy_options::overwrite_existing, ignored);
  if (ignored) return Fail(Error::Unavailable("cannot write " + output));
  std::filesystem::rename(output + ".partial", output, ignored);
  std::filesystem::remove_all(directory);
  if (ignored) return Fail(Error::Unavailable("cannot write " + output));
  return {};
}

}  // namespace zoneatlas::app
