#include "platform/geodata/ogr.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include "core/program.hpp"
#include "core/temp_file.hpp"
#include "core/text.hpp"

namespace zoneatlas::geodata {
namespace {

// What GDAL said, shortened to its error lines ("ERROR 1: …", and the line after
// "FAILURE:"), with the file it was given named as the user knows it.
std::string GdalSaid(const std::filesystem::path& errors, const std::filesystem::path& given,
                     const std::string& shown) {
  std::ifstream in(errors);
  std::string said, line;
  bool after_failure = false;
  while (std::getline(in, line) && said.size() < 2000) {
    const std::string_view text = text::Trim(line);
    const bool wanted = after_failure || text.starts_with("ERROR");
    after_failure = text == "FAILURE:";
    if (!wanted || text.empty()) continue;
    said += (said.empty() ? "" : "; ") + std::string(text);
  }
  for (std::size_t at = said.find(given.string()); at != std::string::npos;
       at = said.find(given.string(), at + shown.size())) {
    said.replace(at, given.string().size(), shown);
  }
  return said.empty() ? "GDAL could not read it" : said;
}

// The conversion, with errors naming the file as `shown`.
Result<std::string> Convert(const std::filesystem::path& path, const std::string& shown) {
  static const std::string ogr2ogr = FindProgram({"ogr2ogr"});
  if (ogr2ogr.empty()) {
    return Fail(Error::Unavailable(shown + ": reading it needs GDAL's ogr2ogr; install the package gdal-bin (apt)"));
  }
  auto folder = TempFolder::Create();
  if (!folder) return Fail(folder.error());
  const std::filesystem::path output = folder->path() / "features.geojson";
  const std::filesystem::path errors = folder->path() / "gdal.log";
  std::string source = path.string();
  if (text::AsciiLower(path.extension().string()) == ".zip") source = "/vsizip/" + source;
  const int exit_code = RunProgram({ogr2ogr, "-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=YES", "-dim",
                                    "XY", "-nlt", "PROMOTE_TO_MULTI", output.string(), source},
                                   std::chrono::seconds(kTimeoutSeconds), errors);
  if (exit_code != 0) {
    return Fail(
        Error::InvalidArgument(shown + ": " +
                               (exit_code < 0 ? "GDAL did not finish within " + std::to_string(kTimeoutSeconds) + " s"
                                              : GdalSaid(errors, path, shown))));
  }
  std::error_code failed;
  const auto size = std::filesystem::file_size(output, failed);
  if (failed) return Fail(Error::InvalidArgument(shown + ": " + GdalSaid(errors, path, shown)));
  if (size > kMaxGeoJsonBytes) {
    return Fail(Error::InvalidArgument(shown + ": its features take more than " +
                                       std::to_string(kMaxGeoJsonBytes >> 20) + " MiB as GeoJSON"));
  }
  std::ifstream in(output, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

}  // namespace

bool NeedsGdal(std::string_view file_name, std::string_view content) {
  const std::size_t first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && content[first] == '{') {
    // GeoJSON naming its coordinate system (RFC 7946 dropped the member): near the top in
    // every writer's output. WGS84 by another name needs nothing.
    const std::string_view head = content.substr(0, 4096);
    return head.find("\"crs\"") != std::string_view::npos && head.find("CRS84") == std::string_view::npos &&
           head.find("EPSG::4326") == std::string_view::npos;
  }
  const std::string name = text::AsciiLower(file_name);
  for (std::string_view extension : {".shp", ".gpkg", ".gml", ".kml", ".zip"}) {
    if (name.ends_with(extension)) return true;
  }
  return false;
}

Result<std::string> ReadAsGeoJson(const std::filesystem::path& path) { return Convert(path, path.filename().string()); }

Result<std::string> ReadAsGeoJson(std::string_view file_name, std::string_view content) {
  // Under its own extension, which is how GDAL tells the formats apart.
  std::string extension = text::AsciiLower(std::filesystem::path(std::string(file_name)).extension().string());
  if (extension.empty() || extension.size() > 8) extension = ".geojson";
  auto file = TempFile::Create(extension);
  if (!file) return Fail(file.error());
  if (auto written = file->Write(content); !written) return Fail(written.error());
  return Convert(file->path(), std::string(file_name));
}

}  // namespace zoneatlas::geodata
