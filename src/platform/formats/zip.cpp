#include "platform/formats/zip.hpp"

#include <minizip/unzip.h>

namespace zoneatlas::formats {

// minizip reads from a file; the bytes go to a private temporary one.
Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes) {
  if (!LooksLikeZip(bytes)) return Fail(Error::InvalidArgument("not a zip archive"));
  auto file = TempFile::Create(".zip");
  if (!file) return Fail(file.error());
  if (auto written = file->Write(bytes); !written) return Fail(written.error());
  auto archive = std::unique_ptr<ZipArchive>(new ZipArchive(std::move(*file)));
  archive->zip_ = unzOpen64(archive->file_.path().c_str());
  if (archive->zip_ == nullptr) return Fail(Error::InvalidArgument("not a zip archive, or a damaged one"));
  return archive;
}

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) unzClose(static_cast<unzFile>(zip_));
}

Result<std::vector<std::string>> ZipArchive::Names() {
  auto zip = static_cast<unzFile>(zip_);
  std::vector<std::string> names;
  for (int status = unzGoToFirstFile(zip); status == UNZ_OK; status = unzGoToNextFile(zip)) {
    unz_file_info64 info;
    char name[1024];
    if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) {
      return Fail(Error::InvalidArgument("the zip archive's list of files is damaged"));
    }
    std::string_view text(name);
    if (!text.empty() && !text.ends_with('/')) names.emplace_back(text);
  }
  return names;
}

Result<std::string> ZipArchive::Read(const std::string& name, std::size_t max_bytes) {
  auto zip = static_cast<unzFile>(zip_);
  if (unzLocateFile(zip, name.c_str(), 0) != UNZ_OK) return Fail(Error::NotFound("no " + name + " in the archive"));
  if (unzOpenCurrentFile(zip) != UNZ_OK) return Fail(Error::InvalidArgument(name + " in the archive is damaged"));
  std::string content;
  char buffer[65536];
  int read = 0;
  while ((read = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) {
    if (content.size() + static_cast<std::size_t>(read) > max_bytes) {
      unzCloseCurrentFile(zip);
      return Fail(Error::InvalidArgument(name + " in the archive inflates to more than " +
                                         std::to_string(max_bytes / (1024 * 1024)) + " MiB"));
    }
    content.append(buffer, static_cast<std::size_t>(read));
  }
  const bool crc_ok = unzCloseCurrentFile(zip) == UNZ_OK;
  if (read < 0 || !crc_ok) return Fail(Error::InvalidArgument(name + " in the archive is damaged"));
  return content;
}

bool LooksLikeZip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

}  // namespace zoneatlas::formats
