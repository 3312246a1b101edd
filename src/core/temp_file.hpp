// core/temp_file.hpp: private temporary files and folders for the libraries that only work
// on files (minizip, libxlsxwriter, the PDF renderer).
//
// They hold what users uploaded or will download, so only this process's user may read
// them (mode 0600 / 0700, created exclusively), and they are removed when done; what a
// killed process left behind is removed at the next start.
//
// Thread safety: each object is used by one thread; creating them is thread-safe.
#ifndef ZONEATLAS_CORE_TEMP_FILE_HPP_
#define ZONEATLAS_CORE_TEMP_FILE_HPP_

#include <chrono>
#include <filesystem>
#include <string_view>

#include "core/error.hpp"

namespace zoneatlas {

// Every temporary name starts with this, so that leftovers can be found (and nothing
// else named after zoneatlas is taken for one).
inline constexpr std::string_view kTempPrefix = "zoneatlas-tmp-";

// A file of its own in the temporary folder, removed with the object.
class TempFile {
 public:
  // `suffix` such as ".zip"; kUnavailable when no file can be made.
  static Result<TempFile> Create(std::string_view suffix);
  TempFile(TempFile&& other) noexcept;
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile();

  const std::filesystem::path& path() const { return path_; }
  // Replaces the content.
  Status Write(std::string_view bytes) const;

 private:
  explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

// A folder of its own in the temporary folder, removed with everything in it.
class TempFolder {
 public:
  static Result<TempFolder> Create();
  TempFolder(TempFolder&& other) noexcept;
  TempFolder& operator=(TempFolder&&) = delete;
  ~TempFolder();

  const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempFolder(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

// Removes this user's temporary files and folders older than `age` (left by a process
// that was killed); younger ones may belong to another server on the same host. Returns
// how many were removed.
int RemoveStaleTempFiles(std::chrono::minutes age);

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_TEMP_FILE_HPP_
