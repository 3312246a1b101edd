// Importing figures on the web: upload, check, confirm; and the list of import batches.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "accounts/routes.hpp"
#include "atlas/import.hpp"
#include "atlas/routes.hpp"
#include "atlas/uploads.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;
namespace {

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The areas a user may import figures for: nothing to check for administrators, else the
// members of the zones they edit.
Result<std::optional<std::set<std::string>>> AllowedAreas(const Services& services, const http::Identity& identity) {
  if (identity.HasRole(web::kAdmin)) return std::optional<std::set<std::string>>();
  std::set<std::string> areas;
  for (const http::Grant& grant : identity.grants) {
    if (grant.role != web::kZoneEditor) continue;
    auto zone = services.geography.FindZone(grant.scope, Date::Today());
    if (!zone) continue;  // A zone since removed: nothing to import for.
    for (const geo::ZoneMember& member : zone->members) areas.insert(member.area_code);
  }
  return std::optional<std::set<std::string>>(std::move(areas));
}

json::array ProblemsJson(const geo::ProblemList& problems) {
  json::array list;
  for (const geo::ImportProblem& problem : problems) {
    list.push_back(
        json::object{{"location", problem.location}, {"field", problem.field}, {"message", problem.message}});
  }
  return list;
}

ObservationImportOptions OptionsFrom(const std::multimap<std::string, std::string>& form) {
  ObservationImportOptions options;
  options.source = http::FormField(form, "source");
  options.period = http::FormField(form, "period");
  options.indicator = http::FormField(form, "indicator");
  options.sheet = http::FormField(form, "sheet");
  return options;
}

std::string OptionsJson(const ObservationImportOptions& options) {
  json::object columns;
  for (const auto& [label, id] : options.columns) columns[label] = id;
  return json::serialize(json::object{{"source", options.source},
                                      {"period", options.period},
                                      {"indicator", options.indicator},
                                      {"sheet", options.sheet},
                                      {"columns", std::move(columns)}});
}

ObservationImportOptions OptionsFromJson(const std::string& text) {
  ObservationImportOptions options;
  json::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return options;
  const auto field = [&](const char* name) {
    const json::value* found = value.as_object().if_contains(name);
    return found != nullptr && found->is_string() ? std::string(found->as_string()) : std::string();
  };
  options.source = field("source");
  options.period = field("period");
  options.indicator = field("indicator");
  options.sheet = field("sheet");
  if (const json::value* columns = value.as_object().if_contains("columns"); columns && columns->is_object()) {
    for (const auto& [label, id] : columns->as_object()) {
      if (id.is_string()) options.columns[std::string(label)] = std::string(id.as_string());
    }
  }
  return options;
}

http::Response ImportPage(const web::Site& site, const http::Request& request, Language language, json::object model,
                          int status = 200) {
  model["action"] = web::Href(language, "/atlas/import");
  model["batches_href"] = web::Href(language, "/atlas/batches");
  model["csrf_field"] = http::kCsrfField;
  model["csrf_token"] = request.identity ? request.identity->csrf_token : "";
  const view::Catalog& texts = site.renderer.catalog();
  model["size_note"] = texts.Format(language, "import_size_note", {{"mib", std::to_string(site.upload_limit_mib)}});
  model["upload_limit_bytes"] = static_cast<std::int64_t>(site.upload_limit_mib) * 1024 * 1024;
  model["progress_sending"] = texts.Get(language, "import_progress_sending");
  model["progress_checking"] = texts.Get(language, "import_progress_checking");
  model["progress_failed"] = texts.Get(language, "import_progress_failed");
  model["progress_too_large"] =
      texts.Format(language, "import_too_large", {{"mib", std::to_string(site.upload_limit_mib)}});
  model["scripts"] = json::array{"/static/js/upload-progress.js?v=" + site.asset_version};
  return web::Page(site, request, language, "atlas_import",
                   std::string(site.renderer.catalog().Get(language, "import_title")), std::move(model), status);
}

// "wide by period" → "breed, één kolom per periode": the layouts are recorded in English.
std::string LayoutName(const web::Site& site, Language language, std::string layout) {
  if (layout.empty()) return layout;
  std::replace(layout.begin(), layout.end(), ' ', '_');
  return std::string(site.renderer.catalog().Get(language, "import_layout_" + layout));
}

json::object ReportModel(const web::Site& site, Language language, const ObservationImportReport& report) {
  return json::object{
      {"file", report.file},
      {"layout", LayoutName(site, language, report.layout)},
      {"rows_read", view::FormatInteger(report.rows_read, language)},
      {"rows_skipped", report.rows_skipped > 0 ? view::FormatInteger(report.rows_skipped, language) : ""},
      {"observations", view::FormatInteger(report.observations, language)},
      {"checksum", report.checksum},
      {"problems", ProblemsJson(report.problems)},
      {"has_problems", !report.problems.empty()},
      {"problem_count", view::FormatInteger(static_cast<long long>(report.problems.size()), language)},
      {"problems_left_out", report.problems.left_out() > 0
                                ? view::FormatInteger(static_cast<long long>(report.problems.left_out()), language)
                                : ""},
      {"warnings", ProblemsJson(report.warnings)},
      {"has_warnings", !report.warnings.empty()},
      {"unmatched", json::value_from(report.unmatched_areas)},
      {"has_unmatched", !report.unmatched_areas.empty()}};
}

// The indicators a column may be read as, by name in the page's language.
json::array IndicatorChoices(const Catalog& catalog, Language language) {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const Indicator& indicator : catalog.indicators()) {
    if (indicator.kind == Kind::kDerived) continue;
    choices.emplace_back(std::string(indicator.names.In(language)), indicator.id);
  }
  std::ranges::sort(choices);
  json::array list;
  for (const auto& [name, id] : choices) list.push_back(json::object{{"id", id}, {"name", name}});
  return list;
}

// Checks `content` in full (a dry run) and shows the report; a clean file is kept for
// confirmation, and columns no indicator answers to can be named one by one.
http::Response CheckAndShow(const web::Site& site, const Services& services, db::Database& database,
                            const http::Request& request, Language language, const std::string& name,
                            const std::string& content, ObservationImportOptions options) {
  auto allowed = AllowedAreas(services, *request.identity);
  if (!allowed) return web::ErrorPage(site, request, language, allowed.error());
  options.allowed_areas = std::move(*allowed);
  options.dry_run = true;
  auto report =
      ImportObservations(database, services.catalog, name, content, options, accounts::ActorOf(*request.identity));
  if (!report) return web::ErrorPage(site, request, language, report.error());
  json::object model{{"report", ReportModel(site, language, *report)},
                     {"checked", true},
                     {"source", options.source},
                     {"period", options.period},
                     {"indicator", options.indicator},
                     {"sheet", options.sheet}};
  if (report->ok() && (report->observations > 0 || !report->unknown_columns.empty())) {
    auto saved = SaveUpload(
        database,
        {.id = "", .user_id = request.identity->user_id, .file_name = name, .content = content, .options = OptionsJson(options)},
        Now());
    if (!saved) return web::ErrorPage(site, request, language, saved.error());
    if (report->observations > 0) model["confirm_action"] = web::Href(language, "/atlas/import/" + *saved);
    if (!report->unknown_columns.empty()) {
      model["columns_action"] = web::Href(language, "/atlas/import/" + *saved + "/columns");
      model["unknown_columns"] = json::value_from(report->unknown_columns);
      model["indicator_choices"] = IndicatorChoices(services.catalog, language);
    }
  }
  json::array chosen;
  for (const auto& [label, id] : options.columns) {
    const Indicator* indicator = services.catalog.Find(id);
    chosen.push_back(json::object{{"label", label},
                                  {"indicator", indicator ? std::string(indicator->names.In(language)) : id}});
  }
  model["has_chosen_columns"] = !chosen.empty();
  model["chosen_columns"] = std::move(chosen);
  return ImportPage(site, request, language, std::move(model), report->ok() ? 200 : 422);
}

// The upload: checked in full (a dry run), kept for confirmation when it is clean.
http::Response CheckUpload(const web::Site& site, const Services& services, db::Database& database,
                           const http::Request& request, Language language) {
  auto parts = http::ParseMultipart(request);
  if (!parts) return web::NotAFormPage(site, request, language);
  const auto fields = http::TextFields(*parts);
  if (!accounts::SessionFormTokenMatches(request, fields)) return web::FormExpiredPage(site, request, language);
  const http::FormPart* file = nullptr;
  for (const http::FormPart& part : *parts) {
    if (part.name == "file" && !part.filename.empty()) file = &part;
  }
  if (file == nullptr || file->data.empty()) {
    return ImportPage(site, request, language, {{"error", site.renderer.catalog().Get(language, "import_no_file")}},
                      422);
  }
  // Only the last part of the browser's path: the name is shown and recorded.
  const std::string name = file->filename.substr(file->filename.find_last_of("/\\") + 1);
  return CheckAndShow(site, services, database, request, language, name, file->data, OptionsFrom(fields));
}

// Reads a form posted about one of the user's uploads (its id in the path) into `form` and
// `upload`; returns the page to answer with instead when either is not right.
std::optional<http::Response> ReadUploadForm(const web::Site& site, db::Database& database,
                                             const http::Request& request, Language language,
                                             std::multimap<std::string, std::string>& form, Upload& upload) {
  auto parsed = http::ParseForm(request);
  if (!parsed) return web::NotAFormPage(site, request, language);
  if (!accounts::SessionFormTokenMatches(request, *parsed)) return web::FormExpiredPage(site, request, language);
  auto found = FindUpload(database, std::string(request.PathParam("upload_id")), request.identity->user_id, Now());
  if (!found) return web::ErrorPage(site, request, language, found.error());
  form = std::move(*parsed);
  upload = std::move(*found);
  return std::nullopt;
}

// A column of the checked upload named as an indicator: checked again with it, kept anew.
http::Response ChooseColumn(const web::Site& site, const Services& services, db::Database& database,
                            const http::Request& request, Language language) {
  std::multimap<std::string, std::string> form;
  Upload upload;
  if (auto refused = ReadUploadForm(site, database, request, language, form, upload)) return std::move(*refused);
  ObservationImportOptions options = OptionsFromJson(upload.options);
  const std::string label = http::FormField(form, "label");
  const std::string id = http::FormField(form, "indicator");
  const Indicator* indicator = services.catalog.Find(id);
  if (label.empty() || indicator == nullptr || indicator->kind == Kind::kDerived) {
    return ImportPage(site, request, language,
                      {{"error", site.renderer.catalog().Get(language, "import_column_choose")}}, 422);
  }
  options.columns[label] = id;
  if (auto deleted = DeleteUpload(database, upload.id); !deleted) {
    return web::ErrorPage(site, request, language, deleted.error());
  }
  return CheckAndShow(site, services, database, request, language, upload.file_name, upload.content,
                      std::move(options));
}

http::Response Confirm(const web::Site& site, const Services& services, db::Database& database,
                       const http::Request& request, Language language) {
  std::multimap<std::string, std::string> form;
  Upload found;
  if (auto refused = ReadUploadForm(site, database, request, language, form, found)) return std::move(*refused);
  const Upload* upload = &found;
  ObservationImportOptions options = OptionsFromJson(upload->options);
  // Checked again: zones and areas may have changed since the upload.
  auto allowed = AllowedAreas(services, *request.identity);
  if (!allowed) return web::ErrorPage(site, request, language, allowed.error());
  options.allowed_areas = std::move(*allowed);
  auto report = ImportObservations(database, services.catalog, upload->file_name, upload->content, options,
                                   accounts::ActorOf(*request.identity));
  if (!report) return web::ErrorPage(site, request, language, report.error());
  if (report->ok()) {
    if (auto deleted = DeleteUpload(database, upload->id); !deleted) {
      return web::ErrorPage(site, request, language, deleted.error());
    }
  }
  return ImportPage(site, request, language,
                    {{"report", ReportModel(site, language, *report)},
                     {"imported", report->ok()},
                     {"checked", !report->ok()},
                     {"batch_id", report->batch_id},
                     {"atlas_href", web::Href(language, "/atlas")}},
                    report->ok() ? 200 : 422);
}

http::Response Batches(const web::Site& site, const Services& services, const http::Request& request,
                       Language language) {
  auto batches = services.store.Batches(200);
  if (!batches) return web::ErrorPage(site, request, language, batches.error());
  json::array rows;
  for (const Batch& batch : *batches) {
    rows.push_back(json::object{{"id", batch.id},
                                {"at", view::FormatTimestamp(batch.at)},
                                {"who", batch.actor.label},
                                {"file", batch.file_name},
                                {"sheet", batch.sheet},
                                {"layout", LayoutName(site, language, batch.layout)},
                                {"source", batch.source},
                                {"rows", view::FormatInteger(batch.rows_read, language)},
                                {"observations", view::FormatInteger(batch.observations, language)},
                                {"checksum", batch.checksum.substr(0, 16)},
                                {"checksum_full", batch.checksum},
                                {"demo", batch.demo}});
  }
  return web::Page(site, request, language, "atlas_batches",
                   std::string(site.renderer.catalog().Get(language, "batches_title")),
                   json::object{{"batches", std::move(rows)},
                                {"has_batches", !batches->empty()},
                                {"import_href", web::Href(language, "/atlas/import")}});
}

}  // namespace

void AddImportRoutes(http::Router& router, const web::Site& site, const Services& services, db::Database& database) {
  const std::string editors(web::kZoneEditor);
  router.Get("/{lang}/atlas/import",
             web::ForLanguage(site, [&site](const http::Request& r, Language l) { return ImportPage(site, r, l, {}); }),
             {.name = "atlas_import_form", .access = editors});
  router.Post("/{lang}/atlas/import",
              web::ForLanguage(site,
                               [&site, &services, &database](const http::Request& r, Language l) {
                                 return CheckUpload(site, services, database, r, l);
                               }),
              {.name = "atlas_import_upload", .access = editors});
  router.Post("/{lang}/atlas/import/{upload_id}",
              web::ForLanguage(site,
                               [&site, &services, &database](const http::Request& r, Language l) {
                                 return Confirm(site, services, database, r, l);
                               }),
              {.name = "atlas_import_confirm", .access = editors});
  router.Post("/{lang}/atlas/import/{upload_id}/columns",
              web::ForLanguage(site,
                               [&site, &services, &database](const http::Request& r, Language l) {
                                 return ChooseColumn(site, services, database, r, l);
                               }),
              {.name = "atlas_import_column", .access = editors});
  router.Get("/{lang}/atlas/batches",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return Batches(site, services, r, l); }),
             {.name = "atlas_batches", .access = editors});
}

}  // namespace zoneatlas::atlas
