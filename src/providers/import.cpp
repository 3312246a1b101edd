#include "providers/import.hpp"

#include <boost/json.hpp>

#include "geo/json_record.hpp"

namespace zoneatlas::providers {
namespace {

namespace json = boost::json;

Provider ReadProvider(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Provider provider;
  provider.id = record.Text("id", true);
  provider.zone_id = record.Text("zone", true);
  provider.name = record.Text("name", true);
  provider.profession = record.Text("profession", true);
  provider.practice = record.Text("practice", false);
  provider.areas = record.List("areas");
  provider.languages = record.List("languages");
  const std::string accepting = record.Text("accepting", false);
  if (!accepting.empty()) {
    const auto parsed = ParseAccepting(accepting);
    if (!parsed) record.Problem("accepting", "'" + accepting + "' is not yes, no or unknown");
    provider.accepting = parsed.value_or(Accepting::kUnknown);
  }
  provider.address = record.Text("address", false);
  provider.phone = record.Text("phone", false);
  provider.email = record.Text("email", false);
  provider.website = record.Text("website", false);
  provider.contact_note = record.Text("contact_note", false);
  if (auto consent_on = record.Day("consent_on", false)) provider.consent_on = *consent_on;
  provider.consent_how = record.Text("consent_how", false);
  provider.demo = record.Flag("demo");
  return provider;
}

Route ReadRoute(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Route route;
  route.id = record.Text("id", true);
  route.zone_id = record.Text("zone", false);
  route.question = record.Text("question", true);
  route.description = record.Text("description", false);
  route.theme = record.Text("theme", true);
  route.target_groups = record.List("target_groups");
  route.language = record.LanguageOf("language");
  route.demo = record.Flag("demo");
  const json::value* steps = object.if_contains("steps");
  if (steps == nullptr || !steps->is_array()) {
    record.Problem("steps", "must be a list of services");
    return route;
  }
  for (std::size_t i = 0; i < steps->as_array().size(); ++i) {
    const json::value& item = steps->as_array()[i];
    const std::string at = location + " step " + std::to_string(i + 1);
    if (!item.is_object()) {
      report.problems.push_back({at, "", "must be an object"});
      continue;
    }
    geo::JsonRecord step_record(item.as_object(), at, report);
    route.steps.push_back({.service = step_record.Text("service", true),
                           .what = step_record.Text("what", false),
                           .social_map_q = step_record.Text("social_map_q", false),
                           .theme = step_record.Text("theme", false),
                           .rights = step_record.List("rights")});
  }
  return route;
}

}  // namespace

Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor,
                                     const std::function<bool(const std::string&)>& right_exists) {
  geo::ImportReport report = geo::StartReport(file_name);
  geo::JsonImportFile file(content, report);
  std::vector<Provider> providers;
  std::vector<Route> routes;
  auto walked = file.ForEach("providers", "provider", [&](const json::object& object, const std::string& at) {
    Provider provider = ReadProvider(object, at, report);
    file.Unique(provider.id, at);
    auto problems = store.Problems(provider);
    if (!problems) return Status(Fail(problems.error()));
    for (const Problem& problem : *problems) report.problems.push_back({at, problem.field, problem.message});
    providers.push_back(std::move(provider));
    return Status();
  });
  if (!walked) return Fail(walked.error());
  walked = file.ForEach("routes", "route", [&](const json::object& object, const std::string& at) {
    Route route = ReadRoute(object, at, report);
    file.Unique(route.id, at);
    auto problems = store.Problems(route);
    if (!problems) return Status(Fail(problems.error()));
    for (const Problem& problem : *problems) report.problems.push_back({at, problem.field, problem.message});
    for (std::size_t i = 0; right_exists && i < route.steps.size(); ++i) {
      for (const std::string& right : route.steps[i].rights) {
        if (!right_exists(right)) {
          report.problems.push_back({at + " step " + std::to_string(i + 1), "rights",
                                     "'" + right + "' is not a right of the rights explorer"});
        }
      }
    }
    routes.push_back(std::move(route));
    return Status();
  });
  if (!walked) return Fail(walked.error());
  return geo::Conclude(std::move(report), dry_run,
                       [&] { return store.Import(providers, routes, audit::Context{.actor = actor}); });
}

}  // namespace zoneatlas::providers
