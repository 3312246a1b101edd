#include "initiatives/import.hpp"

#include <boost/json.hpp>

#include "geo/json_record.hpp"

namespace zoneatlas::initiatives {
namespace {

namespace json = boost::json;

Outcome ReadOutcome(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Outcome outcome{.label = record.Text("label", true),
                  .indicator = record.Text("indicator", false),
                  .unit = record.Text("unit", false),
                  .baseline = record.Number("baseline"),
                  .target = record.Number("target"),
                  .achieved = record.Number("achieved"),
                  .reach = std::nullopt,
                  .period = record.Text("period", false)};
  if (const auto reach = record.Number("reach")) outcome.reach = static_cast<long long>(*reach);
  return outcome;
}

Initiative ReadInitiative(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Initiative initiative;
  initiative.id = record.Text("id", true);
  initiative.zone_id = record.Text("zone", true);
  initiative.goal_id = record.Text("goal", false);
  initiative.title = record.Text("title", true);
  initiative.description = record.Text("description", false);
  initiative.theme = record.Text("theme", true);
  initiative.target_groups = record.List("target_groups");
  const std::string strategy = record.Text("strategy", true);
  if (auto parsed = ParseStrategy(strategy)) {
    initiative.strategy = *parsed;
  } else if (!strategy.empty()) {
    record.Problem("strategy", "'" + strategy + "' is not awareness, environment, rules or care");
  }
  initiative.areas = record.List("areas");
  initiative.lead = record.Text("lead", false);
  initiative.partners = record.List("partners");
  initiative.from = record.Day("from", true).value_or(Date::Today());
  initiative.until = record.Day("until", false);
  initiative.budget = record.Number("budget");
  initiative.activities = record.Text("activities", false);
  initiative.outputs = record.Text("outputs", false);
  initiative.intended_outcome = record.Text("intended_outcome", false);
  initiative.outcome_indicator = record.Text("outcome_indicator", false);
  const std::string evidence = record.Text("evidence", false);
  if (!evidence.empty()) {
    initiative.evidence = ParseEvidence(evidence);
    if (!initiative.evidence) record.Problem("evidence", "'" + evidence + "' is not a What Works for Health rating");
  }
  initiative.notes = record.Text("notes", false);
  initiative.language = record.LanguageOf("language");
  initiative.demo = record.Flag("demo");
  if (const json::value* outcomes = object.if_contains("outcomes"); outcomes != nullptr && !outcomes->is_null()) {
    if (!outcomes->is_array()) {
      record.Problem("outcomes", "must be a list");
    } else {
      for (std::size_t i = 0; i < outcomes->as_array().size(); ++i) {
        const json::value& item = outcomes->as_array()[i];
        const std::string at = location + " outcome " + std::to_string(i + 1);
        if (!item.is_object()) {
          report.problems.push_back({at, "", "must be an object"});
          continue;
        }
        initiative.outcomes.push_back(ReadOutcome(item.as_object(), at, report));
      }
    }
  }
  return initiative;
}

Goal ReadGoal(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Goal goal;
  goal.id = record.Text("id", true);
  goal.zone_id = record.Text("zone", true);
  goal.title = record.Text("title", true);
  goal.description = record.Text("description", false);
  goal.from_year = static_cast<int>(record.Number("from_year").value_or(0));
  goal.until_year = static_cast<int>(record.Number("until_year").value_or(0));
  goal.language = record.LanguageOf("language");
  goal.demo = record.Flag("demo");
  return goal;
}

}  // namespace

Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor) {
  geo::ImportReport report = geo::StartReport(file_name);
  geo::JsonImportFile file(content, report);
  std::vector<Goal> goals;
  auto read_goals = file.ForEach("goals", "goal", [&](const json::object& object, const std::string& at) {
    Goal goal = ReadGoal(object, at, report);
    file.Unique(goal.id, at);
    auto problems = store.Problems(goal);
    if (!problems) return Status(Fail(problems.error()));
    for (const Problem& problem : *problems) report.problems.push_back({at, problem.field, problem.message});
    goals.push_back(std::move(goal));
    return Status();
  });
  if (!read_goals) return Fail(read_goals.error());
  std::vector<Initiative> initiatives;
  auto walked = file.ForEach("initiatives", "initiative", [&](const json::object& object, const std::string& at) {
    Initiative initiative = ReadInitiative(object, at, report);
    file.Unique(initiative.id, at);
    auto problems = store.Problems(initiative, goals);
    if (!problems) return Status(Fail(problems.error()));
    for (const Problem& problem : *problems) report.problems.push_back({at, problem.field, problem.message});
    initiatives.push_back(std::move(initiative));
    return Status();
  });
  if (!walked) return Fail(walked.error());
  return geo::Conclude(std::move(report), dry_run,
                       [&] { return store.Import(goals, initiatives, audit::Context{.actor = actor}); });
}

}  // namespace zoneatlas::initiatives
