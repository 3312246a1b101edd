#include "core/temp_file.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

namespace zoneatlas {
namespace {

std::string Template(std::string_view suffix) {
  return (std::filesystem::temp_directory_path() / (std::string(kTempPrefix) + "XXXXXX")).string() +
         std::string(suffix);
}

}  // namespace

Result<TempFile> TempFile::Create(std::string_view suffix) {
  std::string name = Template(suffix);
  // mkstemps creates the file exclusively, readable and writable by its owner only.
  const int fd = mkstemps(name.data(), static_cast<int>(suffix.size()));
  if (fd < 0) return Fail(Error::Unavailable("cannot create a temporary file in " + name.substr(0, name.rfind('/'))));
  close(fd);
  return TempFile(std::filesystem::path(name));
}

TempFile::TempFile(TempFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

TempFile::~TempFile() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Status TempFile::Write(std::string_view bytes) const {
  const int fd = open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) return Fail(Error::Unavailable("cannot write the temporary file " + path_.string()));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      close(fd);
      return Fail(Error::Unavailable("cannot write the temporary file " + path_.string()));
    }
    written += static_cast<std::size_t>(n);
  }
  if (close(fd) != 0) return Fail(Error::Unavailable("cannot write the temporary file " + path_.string()));
  return {};
}

Result<TempFolder> TempFolder::Create() {
  std::string name = Template("");
  // mkdtemp makes the folder with mode 0700.
  if (mkdtemp(name.data()) == nullptr) {
    return Fail(Error::Unavailable("cannot create a temporary folder in " + name.substr(0, name.rfind('/'))));
  }
  return TempFolder(std::filesystem::path(name));
}

TempFolder::TempFolder(TempFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

TempFolder::~TempFolder() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

int RemoveStaleTempFiles(std::chrono::minutes age) {
  std::error_code error;
  const auto folder = std::filesystem::temp_directory_path(error);
  if (error) return 0;
  const auto oldest = std::filesystem::file_time_type::clock::now() - age;
  const uid_t me = getuid();
  int removed = 0;
  for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    if (!entry->path().filename().string().starts_with(kTempPrefix)) continue;
    struct stat status {};
    if (lstat(entry->path().c_str(), &status) != 0 || status.st_uid != me) continue;
    std::error_code ignored;
    if (entry->last_write_time(ignored) > oldest || ignored) continue;
    if (std::filesystem::remove_all(entry->path(), ignored) > 0 && !ignored) ++removed;
  }
  return removed;
}

}  // namespace zoneatlas
