#include "platform/geodata/ogr.hpp"

#include <array>
#include <chrono>
#include <fstream>
#include <sstream>

#include "core/program.hpp"
#include "core/temp_file.hpp"
#include "core/text.hpp"

namespace zoneatlas::geodata {
namespace {

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// What GDAL said, shortened to its error lines.
std::string GdalSaid(const std::filesystem::path& errors) {
  std::ifstream in(errors);
  std::string said, line;
  while (std::getline(in, line) && said.size() < 2000) {
    if (line.find("ERROR") == std::string::npos && line.find("FAILURE") == std::string::npos) continue;
    said += (said.empty() ? "" : "; ") + std::string(text::Trim(line));
  }
  return said.empty() ? "GDAL could not read it" : said;
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
  const std::string name = Lowercase(file_name);
  for (std::string_view extension : {".shp", ".gpkg", ".gml", ".kml", ".zip"}) {
    if (name.ends_with(extension)) return true;
  }
  return false;
}

Result<std::string> ReadAsGeoJson(const std::filesystem::path& path) {
  static const std::string ogr2ogr = FindProgram({"ogr2ogr"});
  if (ogr2ogr.empty()) {
    return Fail(Error::Unavailable(path.filename().string() +
                                   ": reading it needs GDAL's ogr2ogr; install the package gdal-bin (apt)"));
  }
  auto folder = TempFolder::Create();
  if (!folder) return Fail(folder.error());
  const std::filesystem::path output = folder->path() / "features.geojson";
  const std::filesystem::path errors = folder->path() / "gdal.log";
  std::string source = path.string();
  if (Lowercase(path.extension().string()) == ".zip") source = "/vsizip/" + source;
  const int exit_code = RunProgram({ogr2ogr, "-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=YES", "-dim",
                                    "XY", "-nlt", "PROMOTE_TO_MULTI", output.string(), source},
                                   std::chrono::seconds(kTimeoutSeconds), errors);
  if (exit_code != 0) {
    return Fail(Error::InvalidArgument(
        path.filename().string() + ": " +
        (exit_code < 0 ? "GDAL did not finish within " + std::to_string(kTimeoutSeconds) + " s" : GdalSaid(errors))));
  }
  std::error_code failed;
  const auto size = std::filesystem::file_size(output, failed);
  if (failed) return Fail(Error::InvalidArgument(path.filename().string() + ": " + GdalSaid(errors)));
  if (size > kMaxGeoJsonBytes) {
    return Fail(Error::InvalidArgument(path.filename().string() + ": its features take more than " +
                                       std::to_string(kMaxGeoJsonBytes >> 20) + " MiB as GeoJSON"));
  }
  std::ifstream in(output, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

Result<std::string> ReadAsGeoJson(std::string_view file_name, std::string_view content) {
  // Under its own extension, which is how GDAL tells the formats apart.
  std::string extension = Lowercase(std::filesystem::path(std::string(file_name)).extension().string());
  if (extension.empty() || extension.size() > 8) extension = ".geojson";
  auto file = TempFile::Create(extension);
  if (!file) return Fail(file.error());
  if (auto written = file->Write(content); !written) return Fail(written.error());
  auto geojson = ReadAsGeoJson(file->path());
  if (!geojson) {
    // Name the file as the user knows it, not the temporary copy.
    std::string message = geojson.error().message();
    if (const auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
    return Fail(Error(geojson.error().code(), std::string(file_name) + ": " + message));
  }
  return geojson;
}

}  // namespace zoneatlas::geodata
