// platform/formats/zip.hpp: reading the members of a zip archive (an .xlsx workbook, or
// the .zip Statbel ships its text files in), with minizip.
//
// Every read is capped: a small archive may inflate to gigabytes, and an upload must not
// exhaust the server.
//
// Thread safety: an archive is used by one thread; separate archives are independent
// (each works on a temporary file of its own).
#ifndef ZONEATLAS_PLATFORM_FORMATS_ZIP_HPP_
#define ZONEATLAS_PLATFORM_FORMATS_ZIP_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/temp_file.hpp"

namespace zoneatlas::formats {

class ZipArchive {
 public:
  // kInvalidArgument when `bytes` are not a zip archive.
  static Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The members' names, folders left out, in the archive's order.
  Result<std::vector<std::string>> Names();
  // The member's content: kNotFound when there is none of that name, kInvalidArgument when
  // it is damaged or would inflate to more than `max_bytes`.
  Result<std::string> Read(const std::string& name, std::size_t max_bytes);

 private:
  explicit ZipArchive(TempFile file) : file_(std::move(file)) {}
  TempFile file_;
  void* zip_ = nullptr;  // unzFile, kept out of this header.
};

// True when `bytes` start like a zip archive.
bool LooksLikeZip(std::string_view bytes);

}  // namespace zoneatlas::formats

#endif  // ZONEATLAS_PLATFORM_FORMATS_ZIP_HPP_
