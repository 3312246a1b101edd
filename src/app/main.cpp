// zoneatlas: one binary, a table of subcommands (serve, migrate, import, export,
// version), each a thin client of the libraries below.
#include <sodium.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "accessibility/accessibility.hpp"
#include "accounts/accounts.hpp"
#include "agenda/import.hpp"
#include "app/application.hpp"
#include "app/pdf_printer.hpp"
#include "app/vocabulary.hpp"
#include "atlas/export.hpp"
#include "atlas/import.hpp"
#include "consultations/import.hpp"
#include "core/temp_file.hpp"
#include "core/text.hpp"
#include "geo/export.hpp"
#include "geo/import.hpp"
#include "initiatives/import.hpp"
#include "platform/db/database.hpp"
#include "platform/formats/csv.hpp"
#include "platform/geodata/ogr.hpp"
#include "platform/http/server.hpp"
#include "platform/search/index.hpp"
#include "platform/view/view.hpp"
#include "providers/import.hpp"
#include "rights/batch.hpp"
#include "rights/catalog.hpp"
#include "rights/freshness.hpp"
#include "rights/rule_changes.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/hsds_csv.hpp"
#include "socialmap/import.hpp"

namespace zoneatlas::app {
namespace {

constexpr std::string_view kVersion = "0.1.0";

struct Options {
  std::string database = "zoneatlas.db";
  std::string search_index;  // Default: beside an SQLite file, else ./zoneatlas-search.
  // serve
  std::string address = "127.0.0.1";
  int port = 8080;
  int io_threads = 0;
  int worker_threads = 0;
  int read_timeout_ms = 15'000;
  int upload_limit_mib = 32;
  int idle_timeout_ms = 60'000;
  int max_connections = 1000;
  std::string public_url;
  std::vector<std::string> metrics_from = {"127.0.0.1", "::1"};
  std::vector<std::string> trusted_proxies;
  std::string map_tiles = std::string(web::kDefaultMapTiles);
  // import / export
  std::string what;
  std::string file;
  double simplify_meters = 0;
  bool skip_unknown = false;
  std::string source;
  std::string output;
  std::string date;
  std::string sheet;
  std::vector<std::string> column_maps;  // "label=indicator_id"
  std::string zone;
  std::string format;
  std::string language = "nl";
  std::string period;
  std::string indicator;
  int horizon_days = 90;  // rights check
  bool dry_run = false;
  bool demo = false;
  bool status_only = false;
  // user add
  std::string email;
  std::string display_name;
  std::vector<std::string> roles;
};

int Report(const Error& error) {
  std::cerr << "zoneatlas: " << error.message() << "\n";
  return error.Is(ErrorCode::kInvalidArgument) || error.Is(ErrorCode::kNotFound) ? 2 : 1;
}

// The social map's search index: --search-index, else "<SQLite file>.search", else
// ./zoneatlas-search for PostgreSQL.
std::string SearchIndexDirectory(const Options& options) {
  if (!options.search_index.empty()) return options.search_index;
  if (options.database.starts_with("postgresql://") || options.database.starts_with("postgres://")) {
    return "zoneatlas-search";
  }
  return options.database + ".search";
}

Result<std::unique_ptr<db::Database>> OpenMigrated(const Options& options, std::size_t pool_size) {
  auto database = db::Database::Open(options.database, pool_size);
  if (!database) return Fail(database.error());
  auto applied = (*database)->Migrate();
  if (!applied) return Fail(applied.error());
  for (int version : *applied) spdlog::info("applied migration {} to {}", version, (*database)->display_url());
  return database;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::NotFound("cannot read " + path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

Status WriteOutput(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    return {};
  }
  // Write beside the target and rename, so a failed export never leaves half a file.
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << content;
    if (!out.flush()) return Fail(Error::Unavailable("cannot write " + temporary));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return Fail(Error::Unavailable("cannot write " + path));
  return {};
}

int Serve(const Options& options) {
  const auto cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = options.worker_threads > 0 ? options.worker_threads : 2 * cores;
  auto database = OpenMigrated(options, workers);
  if (!database) return Report(database.error());
  auto application = Application::Create(**database, {.sessions = {},
                                                      .trusted_proxies = options.trusted_proxies,
                                                      .search_index = SearchIndexDirectory(options),
                                                      .map_tiles = options.map_tiles,
                                                      .upload_limit_mib = options.upload_limit_mib,
                                                      .metrics_from = options.metrics_from});
  if (!application) return Report(application.error());
  http::ServerOptions server_options;
  server_options.address = options.address;
  server_options.port = static_cast<std::uint16_t>(options.port);
  server_options.io_threads = options.io_threads;
  server_options.worker_threads = static_cast<int>(workers);
  server_options.read_timeout = std::chrono::milliseconds(options.read_timeout_ms);
  server_options.idle_timeout = std::chrono::milliseconds(options.idle_timeout_ms);
  server_options.upload_paths = Application::UploadPaths(options.upload_limit_mib);
  server_options.max_connections = static_cast<std::size_t>(options.max_connections);
  Application& app = **application;
  server_options.may_upload = [&app](const http::Request& head) { return app.MayUpload(head); };
  auto server = http::Server::Create(
      server_options, [&app](const http::Request& request) { return app.Handle(request); },
      [&app](const http::Exchange& exchange) { app.Observe(exchange); });
  if (!server) return Report(server.error());
  // Tests and scripts read this line to learn the port (with --port 0).
  std::cout << "zoneatlas listening on http://" << options.address << ":" << (*server)->port() << "/ (database "
            << (*database)->display_url() << ")" << std::endl;
  // Links opened outside the site (calendar feeds, QR codes on printed slips) use the
  // address visitors know, never the Host header a client sends.
  std::string public_url = options.public_url;
  if (public_url.empty()) {
    const bool any = options.address == "0.0.0.0" || options.address == "::";
    public_url =
        "http://" + (any ? std::string("localhost") : options.address) + ":" + std::to_string((*server)->port());
    spdlog::info("links opened outside the site use {}; set --public-url to the address visitors use", public_url);
  }
  app.SetPublicUrl(public_url);
  app.WarnAboutRightsFigures();
  // Uploads a killed server was reading; an hour is longer than any request may take.
  if (const int removed = RemoveStaleTempFiles(std::chrono::minutes(60)); removed > 0) {
    spdlog::info("removed {} temporary file(s) left by an earlier run", removed);
  }
  (*server)->Run();
  spdlog::info("stopped");
  return 0;
}

int Migrate(const Options& options) {
  auto database = db::Database::Open(options.database, 1);
  if (!database) return Report(database.error());
  if (!options.status_only) {
    auto applied = (*database)->Migrate();
    if (!applied) return Report(applied.error());
    std::cout << "applied " << applied->size() << " migration(s)\n";
  }
  auto statuses = (*database)->Migrations();
  if (!statuses) return Report(statuses.error());
  for (const auto& status : *statuses) {
    std::printf("%03d %-40s %s\n", status.version, status.name.c_str(), status.applied ? "applied" : "pending");
  }
  return 0;
}

// The end of an import with problems: they have been listed; say that nothing changed.
int RefuseFile(const std::string& file, const geo::ImportReport& report) {
  std::cerr << file << ": " << report.problems.size()
            << " problem(s); nothing was imported. Correct the file and import it again.\n";
  return 1;
}

// A progress bar on standard error when it is a terminal; a line per stage otherwise.
void ShowProgress(std::string_view stage, std::size_t done, std::size_t total) {
  static std::string last_stage;
  if (isatty(STDERR_FILENO) == 0) {
    if (stage != last_stage) std::cerr << stage << "…\n";
    last_stage = stage;
    return;
  }
  constexpr int kWidth = 30;
  const int filled = total == 0 ? kWidth : static_cast<int>(kWidth * done / total);
  std::cerr << "\r" << stage << " [" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << done
            << "/" << total << (done == total ? "\n" : "") << std::flush;
  last_stage = stage;
}

int ImportObservations(const Options& options, const std::string& content) {
  auto catalog = atlas::Catalog::Shipped();
  if (!catalog) return Report(catalog.error());
  auto database = OpenMigrated(options, 2);
  if (!database) return Report(database.error());
  atlas::ObservationImportOptions import_options;
  import_options.source = options.source;
  import_options.period = options.period;
  import_options.indicator = options.indicator;
  import_options.sheet = options.sheet;
  import_options.dry_run = options.dry_run;
  import_options.demo = options.demo;
  import_options.skip_unknown = options.skip_unknown;
  for (const std::string& map : options.column_maps) {
    // The id has no "=", a label might: the last one separates them.
    const std::size_t equals = map.rfind('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == map.size()) {
      return Report(Error::InvalidArgument("--map '" + map + "': write it as \"label=indicator_id\""));
    }
    import_options.columns[std::string(text::Trim(map.substr(0, equals)))] =
        std::string(text::Trim(map.substr(equals + 1)));
  }
  import_options.progress = ShowProgress;
  auto report =
      atlas::ImportObservations(**database, *catalog, options.file, content, import_options, audit::CommandLineActor());
  if (!report) return Report(report.error());
  std::cerr << report->Describe();
  if (!report->unmatched_areas.empty()) {
    std::cerr << options.file << ": " << report->unmatched_areas.size()
              << " area(s) could not be matched to a NIS code:";
    for (const std::string& area : report->unmatched_areas) std::cerr << " '" << area << "'";
    std::cerr << "\n";
  }
  if (!report->ok()) return RefuseFile(options.file, *report);
  std::cout << options.file << " (" << report->layout << ", sha256 " << report->checksum.substr(0, 12)
            << "…): " << report->observations << " observation(s) from " << report->rows_read << " row(s)";
  if (report->rows_skipped > 0) std::cout << ", " << report->rows_skipped << " row(s) left out (unknown areas, or as warned above)";
  if (options.dry_run) {
    std::cout << "; dry run, nothing written\n";
  } else {
    std::cout << "; saved as batch " << report->batch_id << "\n";
  }
  return 0;
}

// What the social map's commands work with: its database, taxonomy and search index, each
// at a fixed address (the search keeps references to the others) however the whole moves.
struct SocialMapTools {
  std::unique_ptr<db::Database> database;
  std::unique_ptr<socialmap::Taxonomy> taxonomy;
  std::unique_ptr<search::Index> index;
  std::unique_ptr<geo::Store> geography;
  std::unique_ptr<socialmap::Store> store;
  std::unique_ptr<socialmap::Search> search;
};

Result<SocialMapTools> OpenSocialMap(const Options& options) {
  auto taxonomy = socialmap::Taxonomy::Shipped();
  if (!taxonomy) return Fail(taxonomy.error());
  auto database = OpenMigrated(options, 2);
  if (!database) return Fail(database.error());
  auto index = search::Index::Open(SearchIndexDirectory(options));
  if (!index) return Fail(index.error());
  SocialMapTools tools{.database = std::move(*database),
                       .taxonomy = std::make_unique<socialmap::Taxonomy>(std::move(*taxonomy)),
                       .index = std::move(*index),
                       .geography = nullptr,
                       .store = nullptr,
                       .search = nullptr};
  tools.geography = std::make_unique<geo::Store>(*tools.database);
  tools.store = std::make_unique<socialmap::Store>(*tools.database);
  tools.search = std::make_unique<socialmap::Search>(*tools.taxonomy, *tools.store, *tools.geography, *tools.index);
  return tools;
}

// The social map from an HSDS 3.0 JSON file; the search index follows.
int ImportHsds(const Options& options, const std::string& content) {
  auto tools = OpenSocialMap(options);
  if (!tools) return Report(tools.error());
  auto report = socialmap::ImportHsds(*tools->database, *tools->taxonomy, *tools->geography, options.file, content,
                                      {.dry_run = options.dry_run}, audit::CommandLineActor(), tools->search.get());
  if (!report) return Report(report.error());
  std::cerr << report->Describe();
  if (!report->ok()) return RefuseFile(options.file, *report);
  std::cout << options.file << ": " << report->rows_read << " service(s) checked"
            << (options.dry_run ? "; dry run, nothing written" : "; imported and indexed") << "\n";
  return 0;
}

// Consultations (meetings, signals, action lines), the agenda (campaigns, events), the
// initiatives, or providers and referral routes from a JSON file (docs/import-formats.md);
// all take the social map's themes and target groups.
int ImportCoordination(const Options& options, const std::string& content) {
  auto taxonomy = socialmap::Taxonomy::Shipped();
  if (!taxonomy) return Report(taxonomy.error());
  auto indicators = atlas::Catalog::Shipped();
  if (!indicators) return Report(indicators.error());
  auto database = OpenMigrated(options, 2);
  if (!database) return Report(database.error());
  const Vocabulary vocabulary = app::SharedVocabulary(*taxonomy, *indicators);
  geo::Store geography(**database);
  Result<geo::ImportReport> report = Fail(Error::InvalidArgument("unknown import kind"));
  if (options.what == "consultations") {
    // Action lines name the initiatives that carry them out: those must be recorded first.
    initiatives::Store inventory(**database, geography, vocabulary);
    consultations::Store store(**database, geography, vocabulary);
    report = consultations::ImportFile(store, options.file, content, options.dry_run, audit::CommandLineActor(),
                                       [&](const std::string& id) -> std::optional<std::string> {
                                         auto found = inventory.Find(id);
                                         return found ? std::optional<std::string>(found->zone_id) : std::nullopt;
                                       });
  } else if (options.what == "agenda") {
    agenda::Store store(**database, geography, vocabulary);
    report = agenda::ImportFile(store, options.file, content, options.dry_run, audit::CommandLineActor());
  } else if (options.what == "initiatives") {
    initiatives::Store store(**database, geography, vocabulary);
    report = initiatives::ImportFile(store, options.file, content, options.dry_run, audit::CommandLineActor());
  } else if (options.what == "providers") {
    auto rights_catalog = rights::CatalogInForce(**database);
    if (!rights_catalog) return Report(rights_catalog.error());
    providers::Store store(**database, geography, vocabulary);
    report = providers::ImportFile(store, options.file, content, options.dry_run, audit::CommandLineActor(),
                                   [&](const std::string& id) { return rights_catalog->Find(id) != nullptr; });
  }
  if (!report) return Report(report.error());
  std::cerr << report->Describe();
  if (!report->ok()) return RefuseFile(options.file, *report);
  std::cout << options.file << ": " << report->rows_read << " record(s) checked"
            << (options.dry_run ? "; dry run, nothing written" : "; imported") << "\n";
  return 0;
}

// An HSDS CSV package: every .csv and datapackage.json in the folder, joined into HSDS
// JSON; broken references between the tables are problems like any other.
Result<std::string> ReadHsdsPackage(const std::string& folder, geo::ImportReport& report) {
  socialmap::CsvPackage package;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !(name.ends_with(".csv") || name == "datapackage.json")) continue;
    auto content = ReadFile(entry.path().string());
    if (!content) return Fail(content.error());
    package[name] = std::move(*content);
  }
  if (error) return Fail(Error::NotFound("cannot read the folder " + folder + ": " + error.message()));
  return socialmap::AssembleHsdsCsv(package, report);
}

int Import(const Options& options) {
  if (options.what == "hsds" && std::filesystem::is_directory(options.file)) {
    geo::ImportReport assembly{
        .file = options.file, .rows_read = 0, .rows_imported = 0, .rows_skipped = 0, .problems = {}, .warnings = {}};
    auto content = ReadHsdsPackage(options.file, assembly);
    if (!content) return Report(content.error());
    if (!assembly.ok()) {
      std::cerr << assembly.Describe();
      return RefuseFile(options.file, assembly);
    }
    return ImportHsds(options, *content);
  }
  // A shapefile is several files side by side (.shp, .dbf, .shx, .prj): GDAL reads them
  // where they lie. Every other format is read whole, then recognised by the import.
  const bool shapefile =
      (options.what == "geometry" || options.what == "areas") && text::AsciiLower(options.file).ends_with(".shp");
  auto content = shapefile ? geodata::ReadAsGeoJson(options.file) : ReadFile(options.file);
  if (!content) return Report(content.error());
  if (options.what == "observations") return ImportObservations(options, *content);
  if (options.what == "hsds") return ImportHsds(options, *content);
  if (options.what == "consultations" || options.what == "agenda" || options.what == "initiatives" ||
      options.what == "providers") {
    return ImportCoordination(options, *content);
  }
  auto database = OpenMigrated(options, 2);
  if (!database) return Report(database.error());
  Result<geo::ImportReport> report = Fail(Error::InvalidArgument("unknown import kind"));
  if (options.what == "areas") {
    report = geo::ImportAreas(**database, options.file, *content, audit::CommandLineActor(),
                              {.skip_unknown_parents = options.skip_unknown});
  } else if (options.what == "zones") {
    report = geo::ImportZones(**database, options.file, *content, audit::CommandLineActor());
  } else if (options.what == "parts") {
    report = geo::ImportCompositions(**database, options.file, *content, audit::CommandLineActor());
  } else {
    report = geo::ImportBoundaries(
        **database, options.file, *content,
        {.simplify_meters = options.simplify_meters, .skip_unknown = options.skip_unknown, .source = options.source},
        audit::CommandLineActor());
  }
  if (!report) return Report(report.error());
  std::cerr << report->Describe();
  if (!report->ok()) return RefuseFile(options.file, *report);
  std::cout << options.file << ": imported " << report->rows_imported << " of " << report->rows_read << " row(s)";
  if (report->rows_skipped > 0) std::cout << ", skipped " << report->rows_skipped << " of unknown areas";
  std::cout << "\n";
  return 0;
}

// The printable report, as the web shows it, printed to PDF by a renderer on this machine.
int ExportAtlasPdf(const Options& options) {
  auto database = OpenMigrated(options, 2);
  if (!database) return Report(database.error());
  auto application = Application::Create(**database, {.sessions = {},
                                                      .trusted_proxies = {},
                                                      .search_index = SearchIndexDirectory(options),
                                                      .map_tiles = options.map_tiles});
  if (!application) return Report(application.error());
  http::Request request;
  request.path = "/" + options.language + "/zones/" + options.zone + "/atlas/report";
  request.target = request.path;
  request.remote_address = "127.0.0.1";
  const http::Response page = (*application)->Handle(request);
  if (page.status != 200) {
    return Report(page.status == 404 ? Error::NotFound("no zone " + options.zone)
                                     : Error::Internal("the report page answered " + std::to_string(page.status)));
  }
  if (auto written = WritePdf(page.body, options.output); !written) return Report(written.error());
  return 0;
}

int ExportAtlas(const Options& options) {
  if (options.zone.empty()) return Report(Error::InvalidArgument("export atlas needs --zone ID"));
  std::string format = options.format;
  if (format.empty()) {
    format = options.output.ends_with(".xlsx") ? "xlsx" : options.output.ends_with(".pdf") ? "pdf" : "csv";
  }
  if (format != "csv" && (options.output.empty() || options.output == "-")) {
    return Report(Error::InvalidArgument("an XLSX or PDF file needs a name: -o FILE"));
  }
  if (format == "pdf") return ExportAtlasPdf(options);
  auto catalog = atlas::Catalog::Shipped();
  if (!catalog) return Report(catalog.error());
  auto texts = view::Catalog::Load();
  if (!texts) return Report(texts.error());
  auto database = OpenMigrated(options, 1);
  if (!database) return Report(database.error());
  const atlas::Store store(**database);
  const geo::Store geography(**database);
  web::ResponseCache unused_cache;
  atlas::RankingCache unused_ranking;
  const atlas::Services services{*catalog, store, geography, unused_cache, unused_ranking};
  auto exported =
      atlas::ExportZone(services, *texts, options.zone, ParseLanguage(options.language).value_or(Language::kNl),
                        format == "xlsx" ? atlas::ExportFormat::kXlsx : atlas::ExportFormat::kCsv, options.indicator);
  if (!exported) return Report(exported.error());
  if (auto written = WriteOutput(options.output, exported->content); !written) return Report(written.error());
  return 0;
}

// The CSV package into a new folder, made beside it and renamed when complete.
Status WritePackage(const std::string& folder, const socialmap::CsvPackage& package) {
  namespace fs = std::filesystem;
  if (fs::exists(folder)) return Fail(Error::AlreadyExists(folder + " exists; give a new folder for the package"));
  const std::string partial = folder + ".partial";
  std::error_code error;
  fs::remove_all(partial, error);
  fs::create_directories(partial, error);
  if (error) return Fail(Error::Unavailable("cannot make " + partial + ": " + error.message()));
  for (const auto& [name, content] : package) {
    std::ofstream out(fs::path(partial) / name, std::ios::binary);
    out << content;
    if (!out.flush()) {
      fs::remove_all(partial, error);
      return Fail(Error::Unavailable("cannot write " + partial + "/" + name));
    }
  }
  fs::rename(partial, folder, error);
  if (error) return Fail(Error::Unavailable("cannot write " + folder + ": " + error.message()));
  return {};
}

int ExportHsds(const Options& options) {
  const std::string format = !options.format.empty() ? options.format
                             : options.output.ends_with(".json") || options.output.empty() || options.output == "-"
                                 ? "json"
                                 : "csv";
  if (format != "json" && format != "csv") {
    return Report(Error::InvalidArgument("export hsds writes json or csv (a folder: the HSDS tabular package)"));
  }
  if (format == "csv" && (options.output.empty() || options.output == "-")) {
    return Report(Error::InvalidArgument("the CSV package is a folder: -o FOLDER"));
  }
  auto database = OpenMigrated(options, 1);
  if (!database) return Report(database.error());
  auto map = socialmap::Store(**database).Everything();
  if (!map) return Report(map.error());
  const Language language = ParseLanguage(options.language).value_or(Language::kNl);
  const Status written = format == "csv" ? WritePackage(options.output, socialmap::WriteHsdsCsv(*map, language))
                                         : WriteOutput(options.output, socialmap::WriteHsdsJson(*map, language));
  if (!written) return Report(written.error());
  return 0;
}

int RebuildIndex(const Options& options) {
  auto tools = OpenSocialMap(options);
  if (!tools) return Report(tools.error());
  const auto started = std::chrono::steady_clock::now();
  auto indexed = tools->search->Rebuild();
  if (!indexed) return Report(indexed.error());
  std::cout << "indexed " << *indexed << " service(s) in " << SearchIndexDirectory(options) << " ("
            << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
            << " ms)\n";
  return 0;
}

int Export(const Options& options) {
  if (options.what == "atlas") return ExportAtlas(options);
  if (options.what == "hsds") return ExportHsds(options);
  auto database = OpenMigrated(options, 1);
  if (!database) return Report(database.error());
  auto date = options.date.empty() ? Result<Date>(Date::Today()) : Date::Parse(options.date);
  if (!date) return Report(date.error());
  geo::Store store(**database);
  Result<std::string> content = Fail(Error::InvalidArgument("unknown export kind"));
  if (options.what == "areas") {
    content = geo::ExportAreas(store, *date);
  } else if (options.what == "zones") {
    content = geo::ExportZones(store, *date);
  } else if (options.what == "geometry") {
    content = geo::ExportBoundaries(store, *date);
  } else {
    auto reports = accessibility::Reports(**database);
    if (!reports) return Report(reports.error());
    std::string csv = "reported_at,language,page_url,contact,description\n";
    for (const auto& report : *reports) {
      csv += formats::SpreadsheetCsvLine({report.reported_at, std::string(LanguageCode(report.language)),
                                          report.page_url, report.contact, report.description});
    }
    content = csv;
  }
  if (!content) return Report(content.error());
  if (auto written = WriteOutput(options.output, *content); !written) return Report(written.error());
  return 0;
}

// Reads a password from standard input: typed twice without echo on a terminal, one
// line from a pipe. Never from the command line, where other users could see it.
Result<std::string> ReadPassword() {
  if (!isatty(STDIN_FILENO)) {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  termios original{};
  tcgetattr(STDIN_FILENO, &original);
  termios silent = original;
  silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  std::string first, second;
  tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  std::cerr << "Password: " << std::flush;
  std::getline(std::cin, first);
  std::cerr << "\nThe same password again: " << std::flush;
  std::getline(std::cin, second);
  tcsetattr(STDIN_FILENO, TCSANOW, &original);
  std::cerr << "\n";
  if (first != second) return Fail(Error::InvalidArgument("the two passwords differ"));
  return first;
}

// Lists every route with the access rule that guards it.
int ListRoutes(const Options& options) {
  auto database = OpenMigrated(options, 1);
  if (!database) return Report(database.error());
  auto application = Application::Create(**database, {.sessions = {},
                                                      .trusted_proxies = {},
                                                      .search_index = SearchIndexDirectory(options),
                                                      .map_tiles = options.map_tiles});
  if (!application) return Report(application.error());
  for (const http::Route& route : (*application)->router().routes()) {
    std::printf("%-6s %-40s %-26s %s\n", std::string(http::MethodName(route.method)).c_str(), route.pattern.c_str(),
                route.options.name.c_str(), route.options.access.c_str());
  }
  return 0;
}

int AddUser(const Options& options) {
  accounts::NewUser user{options.email, options.display_name, "", {}};
  for (const std::string& role : options.roles) {
    const auto colon = role.find(':');
    user.grants.push_back({role.substr(0, colon), colon == std::string::npos ? "" : role.substr(colon + 1)});
  }
  auto password = ReadPassword();
  if (!password) return Report(password.error());
  user.password = std::move(*password);
  auto database = OpenMigrated(options, 1);
  if (!database) return Report(database.error());
  accounts::Accounts accounts(**database);
  auto added = accounts.AddUser(user, {audit::CommandLineActor()});
  if (!added) return Report(added.error());
  std::cout << "added " << added->email << " (" << added->id << ")\n";
  return 0;
}

// The rights catalog with the figures and definitions zone editors published, when there
// is a database to read them from; else the shipped one.
Result<rights::Catalog> RightsCatalog(const Options& options) {
  if (!options.database.starts_with("postgres") && !std::filesystem::exists(options.database)) {
    return rights::Catalog::Shipped();
  }
  auto database = OpenMigrated(options, 1);
  if (!database) return Fail(database.error());
  return rights::CatalogInForce(**database);
}

// `rights check`: what in the catalog needs an editor, one line each; exit 1 when anything does.
int CheckRights(const Options& options) {
  auto date = options.date.empty() ? Result<Date>(Date::Today()) : Date::Parse(options.date);
  if (!date) return Report(date.error());
  auto catalog = RightsCatalog(options);
  if (!catalog) return Report(catalog.error());
  const auto attention = rights::NeedsAttention(*catalog, *date, options.horizon_days);
  for (const rights::Attention& item : attention) std::cout << rights::Describe(item, *date) << "\n";
  std::cerr << "zoneatlas: " << attention.size() << " point(s) of the rights catalog need attention on "
            << date->ToIso() << " (horizon " << options.horizon_days << " days)\n";
  return attention.empty() ? 0 : 1;
}

// `rights screen`: checks the whole file first, so that a bad row leaves nothing written;
// a file named with --output appears only when complete.
int ScreenRights(const Options& options) {
  auto date = options.date.empty() ? Result<Date>(Date::Today()) : Date::Parse(options.date);
  if (!date) return Report(date.error());
  auto catalog = RightsCatalog(options);
  if (!catalog) return Report(catalog.error());
  auto messages = view::Catalog::Load();
  if (!messages) return Report(messages.error());
  std::ifstream check(options.file, std::ios::binary);
  if (!check) return Report(Error::NotFound("cannot read " + options.file));
  if (auto checked = rights::CheckBatch(check, *date); !checked) {
    std::string message;
    std::istringstream lines(checked.error().message());
    for (std::string line; std::getline(lines, line);) message += options.file + ": " + line + "\n";
    message.pop_back();
    return Report(Error::InvalidArgument(message));
  }
  std::ifstream input(options.file, std::ios::binary);
  const std::string partial = options.output.empty() ? "" : options.output + ".partial";
  std::ofstream file;
  if (!partial.empty()) {
    file.open(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Report(Error::Unavailable("cannot write " + partial));
  }
  std::ostream& output = partial.empty() ? std::cout : file;
  auto screened = rights::ScreenBatch(input, output, *catalog, *messages, *date,
                                      ParseLanguage(options.language).value_or(Language::kNl));
  if (!screened) return Report(screened.error());
  if (!partial.empty()) {
    file.close();
    std::error_code renamed;
    std::filesystem::rename(partial, options.output, renamed);
    if (!file || renamed) return Report(Error::Unavailable("cannot write " + options.output));
  }
  std::cerr << "zoneatlas: screened " << screened->households << " households (" << screened->persons << " persons) on "
            << date->ToIso() << ": " << screened->results << " results\n";
  return 0;
}

}  // namespace

int Main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("zoneatlas");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  if (sodium_init() < 0) {
    std::cerr << "zoneatlas: libsodium could not start\n";
    return 1;
  }
  Options options;
  if (const char* database = std::getenv("ZONEATLAS_DATABASE"); database && *database) options.database = database;
  if (const char* port = std::getenv("PORT"); port && *port) options.port = std::atoi(port);

  CLI::App cli{"zoneatlas: the atlas, social map, rights explorer and coordination tools of a primary care zone.",
               "zoneatlas"};
  cli.require_subcommand(1);
  cli.add_option("--database", options.database,
                 "SQLite file or postgresql:// URL (env ZONEATLAS_DATABASE; default zoneatlas.db)");
  cli.add_option("--search-index", options.search_index,
                 "Directory of the social map's search index (default: beside the SQLite file, "
                 "else ./zoneatlas-search)");

  auto* serve = cli.add_subcommand("serve", "Serve the web application and API (applies migrations first)");
  serve->add_option("--address", options.address, "Address to listen on")->capture_default_str();
  serve->add_option("--port", options.port, "Port to listen on; 0 picks a free one (env PORT)")->capture_default_str();
  serve->add_option("--io-threads", options.io_threads, "Threads for network I/O (default: one per core)");
  serve->add_option("--workers", options.worker_threads, "Threads for request handlers (default: two per core)");
  serve
      ->add_option("--read-timeout-ms", options.read_timeout_ms,
                   "Time a client has to send a whole request once it has started")
      ->capture_default_str()
      ->check(CLI::Range(100, 600'000));
  serve
      ->add_option("--upload-limit-mib", options.upload_limit_mib,
                   "Largest spreadsheet of figures a zone editor may upload on the web (MiB; 5 minutes to send it)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  serve
      ->add_option("--map-tiles", options.map_tiles,
                   "URL template of the tiles behind interactive maps ({z}/{x}/{y}); default OpenStreetMap's")
      ->capture_default_str();
  serve->add_option("--trusted-proxy", options.trusted_proxies,
                    "Address of a reverse proxy whose X-Forwarded-For is believed (repeatable)");
  serve
      ->add_option("--idle-timeout-ms", options.idle_timeout_ms,
                   "Time a kept-alive connection may wait between requests")
      ->capture_default_str()
      ->check(CLI::Range(100, 3'600'000));
  serve
      ->add_option("--public-url", options.public_url,
                   "The site's address as visitors reach it (https://zoneatlas.example), for links in calendar "
                   "feeds, QR codes and printed slips; default http://ADDRESS:PORT")
      ->check([](const std::string& url) -> std::string {
        if (!url.starts_with("https://") && !url.starts_with("http://")) return "must start with https:// or http://";
        if (url.ends_with('/')) return "without a slash at the end";
        if (url.find_first_of(" \"<>'\\") != std::string::npos) return "is not a URL";
        return "";
      });
  serve
      ->add_option("--metrics-from", options.metrics_from,
                   "Client address allowed to read /metrics (repeatable; the client as --trusted-proxy reports it)")
      ->capture_default_str();
  serve
      ->add_option("--max-connections", options.max_connections,
                   "Open connections at most; one more is answered 503 (keep it below `ulimit -n`)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000'000));

  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations and list them");
  migrate->add_flag("--status", options.status_only, "Only list migrations, apply nothing");

  auto* import = cli.add_subcommand("import",
                                    "Import areas, what areas are made of, zones, boundaries, observations, the social "
                                    "map, consultations, the agenda, initiatives or providers; all or none");
  import
      ->add_option("kind", options.what,
                   "areas | parts | zones | geometry | observations | hsds | consultations | agenda | initiatives | "
                   "providers")
      ->required()
      ->check(CLI::IsMember({"areas", "parts", "zones", "geometry", "observations", "hsds", "consultations", "agenda",
                             "initiatives", "providers"}));
  import
      ->add_option("file", options.file,
                   "CSV (parts: area_code,part_code — a district or a part of a municipality made of sectors), "
                   "GeoJSON, (areas) Statbel's sector XLSX, (areas, geometry) Shapefile, GeoPackage, GML or "
                   "GeoJSON in any coordinate system, read by GDAL's ogr2ogr (gdal-bin), (observations) XLSX or a "
                   ".zip holding one such file, "
                   "(hsds) HSDS 3.0 JSON file or CSV package folder, "
                   "(consultations, agenda, initiatives, providers) JSON file")
      ->required();
  import->add_option("--simplify", options.simplify_meters, "geometry: simplify boundaries to within METERS");
  import->add_flag("--skip-unknown", options.skip_unknown,
                   "geometry, observations: leave out rows of areas not in the database; areas: leave out areas "
                   "whose parent is not in the database (the sectors of other municipalities)");
  import->add_option("--source", options.source, "geometry, observations: where the figures come from");
  import->add_option("--sheet", options.sheet, "observations: the XLSX sheet to read (default: the first)");
  import->add_option("--period", options.period, "observations: the period of a sheet without a period column");
  import->add_option("--indicator", options.indicator,
                     "observations: the indicator of a sheet with one column per period and no indicator column");
  import->add_option("--map", options.column_maps,
                     "observations: \"LABEL=INDICATOR_ID\", the catalog indicator of a column whose label the "
                     "catalog does not know (the Brussels Wijkmonitoring's labels); repeat for more");
  import->add_flag(
      "--dry-run", options.dry_run,
      "observations, hsds, consultations, agenda, initiatives, providers: check the file and report, write "
      "nothing");
  import->add_flag("--demo", options.demo, "observations: the figures are demonstration values (pages say so)");

  auto* export_command = cli.add_subcommand("export", "Export in the layout the importers read");
  export_command->add_option("kind", options.what, "areas | zones | geometry | accessibility-reports | atlas | hsds")
      ->required()
      ->check(CLI::IsMember({"areas", "zones", "geometry", "accessibility-reports", "atlas", "hsds"}));
  export_command->add_option("--zone", options.zone, "atlas: the zone whose omgevingsanalyse to export");
  export_command
      ->add_option("--format", options.format,
                   "atlas: xlsx, csv or pdf (the printable report; needs weasyprint or chromium); "
                   "default: from the file name, else csv. hsds: json, or csv (a folder: the HSDS tabular "
                   "package); default json for a .json name or standard output, else csv")
      ->check(CLI::IsMember({"xlsx", "csv", "pdf", "json"}));
  export_command
      ->add_option("--language", options.language,
                   "atlas: nl, fr or en for names and notes; hsds: the language of HSDS's own fields")
      ->capture_default_str()
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  export_command->add_option("--indicator", options.indicator, "atlas: only this indicator");
  export_command->add_option("--output,-o", options.output, "File to write (default: standard output)");
  export_command->add_option("--date", options.date, "The geography valid on this day (default: today)");

  auto* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add an account; the password is read from standard input");
  user_add->add_option("--email", options.email, "The user's e-mail address")->required();
  user_add->add_option("--name", options.display_name, "The user's name as others see it");
  user_add->add_option("--role", options.roles,
                       "admin, professional, zone_editor:ZONE_ID or partner_editor:ORGANISATION_ID (repeatable)");

  auto* index = cli.add_subcommand("index", "The social map's search index");
  index->require_subcommand(1);
  auto* index_rebuild = index->add_subcommand("rebuild", "Index every service afresh from the database");

  auto* rights_command = cli.add_subcommand("rights", "The rights explorer");
  rights_command->require_subcommand(1);
  auto* rights_screen = rights_command->add_subcommand(
      "screen", "Screen every household of a CSV of persons against the rights catalog; CSV out, nothing stored");
  rights_screen->add_option("file", options.file, "CSV of persons (the columns are below)")->required();
  rights_screen->add_option("--date", options.date,
                            "Screen with the rules and figures of this day (default: today); the figures zone "
                            "editors published in --database count when it exists");
  rights_screen->add_option("--language", options.language, "nl, fr or en for the reasons")
      ->capture_default_str()
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  rights_screen->add_option("--output,-o", options.output, "File to write (default: standard output)");
  rights_screen->footer(rights::BatchFormatHelp());
  auto* rights_check = rights_command->add_subcommand(
      "check",
      "List what in the rights catalog needs an editor: parameters with no figure on the date or whose "
      "newest figure ends within the horizon, and figures resting on neither an official page nor the "
      "paying body. Exits 1 when anything does");
  rights_check->add_option("--date", options.date, "The day to check (default: today)");
  rights_check->add_option("--horizon", options.horizon_days, "Days ahead in which an ending figure counts")
      ->capture_default_str()
      ->check(CLI::Range(0, 3650));

  auto* routes = cli.add_subcommand("routes", "List every route and who may use it");

  auto* version = cli.add_subcommand("version", "Print the version");

  CLI11_PARSE(cli, argc, argv);
  if (*serve) return Serve(options);
  if (*migrate) return Migrate(options);
  if (*import) return Import(options);
  if (*export_command) return Export(options);
  if (*index_rebuild) return RebuildIndex(options);
  if (*user_add) return AddUser(options);
  if (*rights_screen) return ScreenRights(options);
  if (*rights_check) return CheckRights(options);
  if (*routes) return ListRoutes(options);
  if (*version) {
    std::cout << "zoneatlas " << kVersion << "\n";
    return 0;
  }
  return 2;
}

}  // namespace zoneatlas::app

int main(int argc, char** argv) { return zoneatlas::app::Main(argc, argv); }
