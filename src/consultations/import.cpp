#include "consultations/import.hpp"

#include <boost/json.hpp>
#include <set>

#include "geo/json_record.hpp"

namespace zoneatlas::consultations {
namespace {

namespace json = boost::json;

using Fields = geo::JsonRecord;

// The list under `key` of a record (absent: none); a problem when it is not a list.
const json::array* ArrayOf(const json::object& object, std::string_view key, geo::ImportReport& report) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    report.problems.push_back({"file", std::string(key), "must be a list"});
    return nullptr;
  }
  return &value->as_array();
}

Signal ReadSignal(const json::object& object, const std::string& location, geo::ImportReport& report) {
  Fields fields(object, location, report);
  Signal signal;
  signal.id = fields.Text("id", true);
  const std::string kind = fields.Text("kind", true);
  if (auto parsed = ParseSignalKind(kind)) {
    signal.kind = *parsed;
  } else if (!kind.empty()) {
    fields.Problem("kind", "'" + kind + "' is not need or difficulty");
  }
  signal.theme = fields.Text("theme", true);
  signal.target_groups = fields.List("target_groups");
  signal.areas = fields.List("areas");
  signal.description = fields.Text("description", true);
  signal.quote = fields.Text("quote", false);
  return signal;
}

Consultation ReadConsultation(const json::object& object, const std::string& location, geo::ImportReport& report) {
  Fields fields(object, location, report);
  Consultation consultation;
  consultation.id = fields.Text("id", true);
  consultation.zone_id = fields.Text("zone", true);
  consultation.working_group_id = fields.Text("working_group_id", false);
  if (auto held_on = fields.Day("held_on", true)) consultation.held_on = *held_on;
  const std::string kind = fields.Text("kind", true);
  if (auto parsed = ParseMeetingKind(kind)) {
    consultation.kind = *parsed;
  } else if (!kind.empty()) {
    fields.Problem("kind", "'" + kind + "' is not thematic, round_table or working_group");
  }
  consultation.theme = fields.Text("theme", true);
  consultation.title = fields.Text("title", true);
  consultation.organisations = fields.List("organisations");
  consultation.professions = fields.List("professions");
  if (const json::value* participants = object.if_contains("participants");
      participants != nullptr && !participants->is_null()) {
    if (participants->is_int64()) {
      consultation.participants = static_cast<int>(std::clamp<std::int64_t>(participants->as_int64(), -1, 100000));
    } else {
      fields.Problem("participants", "must be a whole number");
    }
  }
  consultation.summary = fields.Text("summary", false);
  consultation.language = fields.LanguageOf("language");
  consultation.demo = fields.Flag("demo");
  if (const json::array* signals = ArrayOf(object, "signals", report)) {
    for (std::size_t i = 0; i < signals->size(); ++i) {
      const std::string at = location + " signal " + std::to_string(i + 1);
      if (!(*signals)[i].is_object()) {
        report.problems.push_back({at, "", "must be an object"});
        continue;
      }
      consultation.signals.push_back(ReadSignal((*signals)[i].as_object(), at, report));
    }
  }
  return consultation;
}

ActionLine ReadActionLine(const json::object& object, const std::string& location, geo::ImportReport& report) {
  Fields fields(object, location, report);
  ActionLine line;
  line.id = fields.Text("id", true);
  line.zone_id = fields.Text("zone", true);
  line.consultation_id = fields.Text("consultation", false);
  line.theme = fields.Text("theme", true);
  line.title = fields.Text("title", true);
  line.description = fields.Text("description", false);
  const std::string status = fields.Text("status", true);
  if (auto parsed = ParseActionStatus(status)) {
    line.status = *parsed;
  } else if (!status.empty()) {
    fields.Problem("status", "'" + status + "' is not idea, planned, running, done or dropped");
  }
  line.owner = fields.Text("owner", false);
  line.working_group = fields.Text("working_group", false);
  line.working_group_id = fields.Text("working_group_id", false);
  line.signal_ids = fields.List("signals");
  line.initiative_ids = fields.List("initiatives");
  line.language = fields.LanguageOf("language");
  line.demo = fields.Flag("demo");
  return line;
}

WorkingGroup ReadGroup(const json::object& object, const std::string& location, geo::ImportReport& report) {
  Fields fields(object, location, report);
  WorkingGroup group;
  group.id = fields.Text("id", true);
  group.zone_id = fields.Text("zone", true);
  group.theme = fields.Text("theme", true);
  group.name = fields.Text("name", true);
  group.purpose = fields.Text("purpose", false);
  group.organisations = fields.List("organisations");
  group.people = fields.List("people");
  group.language = fields.LanguageOf("language");
  group.demo = fields.Flag("demo");
  return group;
}

void AddProblems(geo::ImportReport& report, const std::string& location, const std::vector<Problem>& problems) {
  for (const Problem& problem : problems) report.problems.push_back({location, problem.field, problem.message});
}

}  // namespace

Result<geo::ImportReport> ImportFile(
    Store& store, std::string_view file_name, std::string_view content, bool dry_run, const audit::Actor& actor,
    const std::function<std::optional<std::string>(const std::string& initiative_id)>& initiative_zone) {
  geo::ImportReport report = geo::StartReport(file_name);
  geo::JsonImportFile file(content, report);
  std::vector<WorkingGroup> groups;
  std::vector<Consultation> consultations;
  std::vector<ActionLine> action_lines;
  std::set<std::string> group_ids, meeting_ids;
  auto walked = file.ForEach("working_groups", "working group", [&](const json::object& record, const std::string& at) {
    WorkingGroup group = ReadGroup(record, at, report);
    file.Unique(group.id, at);
    AddProblems(report, at, Check(group, store.vocabulary()));
    group_ids.insert(group.id);
    groups.push_back(std::move(group));
    return Status();
  });
  if (walked) {
    walked = file.ForEach("consultations", "consultation", [&](const json::object& record, const std::string& at) {
      Consultation consultation = ReadConsultation(record, at, report);
      file.Unique(consultation.id, at);
      for (const Signal& signal : consultation.signals) file.Unique(signal.id, at);
      Consultation checked = consultation;  // A group of this file is not in the database yet.
      if (group_ids.contains(checked.working_group_id)) checked.working_group_id.clear();
      auto problems = store.Problems(checked);
      if (!problems) return Status(Fail(problems.error()));
      AddProblems(report, at, *problems);
      meeting_ids.insert(consultation.id);
      consultations.push_back(std::move(consultation));
      return Status();
    });
  }
  if (walked) {
    walked = file.ForEach("action_lines", "action line", [&](const json::object& record, const std::string& at) {
      ActionLine line = ReadActionLine(record, at, report);
      file.Unique(line.id, at);
      // Signals, meetings and groups of the same file are not in the database yet: the
      // store checks those links inside the import.
      ActionLine checked = line;
      checked.signal_ids.clear();
      checked.consultation_id.clear();
      if (group_ids.contains(checked.working_group_id)) checked.working_group_id.clear();
      auto problems = store.Problems(checked);
      if (!problems) return Status(Fail(problems.error()));
      AddProblems(report, at, *problems);
      if (!line.consultation_id.empty() && !meeting_ids.contains(line.consultation_id)) {
        report.problems.push_back({at, "consultation", "no meeting '" + line.consultation_id + "' in the file"});
      }
      for (const std::string& id : initiative_zone ? line.initiative_ids : std::vector<std::string>()) {
        const auto zone = initiative_zone(id);
        if (!zone || *zone != line.zone_id) {
          report.problems.push_back({at, "initiatives", "'" + id + "' is not an initiative of " + line.zone_id});
        }
      }
      action_lines.push_back(std::move(line));
      return Status();
    });
  }
  if (!walked) return Fail(walked.error());
  return geo::Conclude(std::move(report), dry_run, [&] {
    return store.Import(groups, consultations, action_lines, audit::Context{.actor = actor});
  });
}

}  // namespace zoneatlas::consultations
