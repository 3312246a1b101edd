#include "consultations/store.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/random.hpp"
#include "core/text.hpp"

namespace zoneatlas::consultations {
namespace {

namespace json = boost::json;

constexpr const char* kConsultationColumns =
    "id, zone_id, held_on, kind, theme, title, organisations, professions, participants, summary, language, demo,"
    " working_group_id";
constexpr const char* kActionLineColumns =
    "id, zone_id, consultation_id, theme, title, description, status, owner, working_group, language, demo, "
    "updated_at, working_group_id, initiative_ids";
// The same, read through the tables' aliases (c, a), which the where clauses use.
constexpr const char* kConsultationSelect =
    "SELECT c.id, c.zone_id, c.held_on, c.kind, c.theme, c.title, c.organisations, c.professions, c.participants,"
    " c.summary, c.language, c.demo, c.working_group_id FROM consultations c ";
constexpr const char* kActionLineSelect =
    "SELECT a.id, a.zone_id, a.consultation_id, a.theme, a.title, a.description, a.status, a.owner,"
    " a.working_group, a.language, a.demo, a.updated_at, a.working_group_id, a.initiative_ids FROM action_lines a ";
constexpr const char* kGroupSelect =
    "SELECT id, zone_id, theme, name, purpose, organisations, people, language, demo FROM working_groups ";

// What the audit trail keeps of a meeting and of an action line.
std::string Summary(const Consultation& consultation) {
  json::array signals;
  for (const Signal& signal : consultation.signals) {
    signals.push_back(json::object{{"id", signal.id},
                                   {"kind", Code(signal.kind)},
                                   {"theme", signal.theme},
                                   {"target_groups", text::JoinList(signal.target_groups, ',')},
                                   {"areas", text::JoinList(signal.areas, ',')},
                                   {"description", signal.description}});
  }
  return json::serialize(json::object{
      {"zone", consultation.zone_id},
      {"held_on", consultation.held_on.ToIso()},
      {"kind", Code(consultation.kind)},
      {"theme", consultation.theme},
      {"title", consultation.title},
      {"organisations", text::JoinList(consultation.organisations, ';')},
      {"professions", text::JoinList(consultation.professions, ';')},
      {"participants", consultation.participants ? json::value(*consultation.participants) : json::value(nullptr)},
      {"summary", consultation.summary},
      {"working_group", consultation.working_group_id},
      {"signals", std::move(signals)}});
}

std::string Summary(const ActionLine& line) {
  return json::serialize(json::object{{"zone", line.zone_id},
                                      {"consultation", line.consultation_id},
                                      {"theme", line.theme},
                                      {"title", line.title},
                                      {"status", Code(line.status)},
                                      {"owner", line.owner},
                                      {"working_group", line.working_group},
                                      {"signals", text::JoinList(line.signal_ids, ',')},
                                      {"initiatives", text::JoinList(line.initiative_ids, ',')},
                                      {"description", line.description}});
}

// What the audit trail keeps of a working group.
std::string Summary(const WorkingGroup& group) {
  return json::serialize(json::object{{"zone", group.zone_id},
                                      {"theme", group.theme},
                                      {"name", group.name},
                                      {"purpose", group.purpose},
                                      {"organisations", text::JoinList(group.organisations, ',')},
                                      {"people", text::JoinList(group.people, ';')}});
}

Status RaiseGeneration(db::Connection& connection) { return db::RaiseCounter(connection, "consultations"); }

WorkingGroup GroupOf(const db::Row& row) {
  return {.id = row.Text(0),
          .zone_id = row.Text(1),
          .theme = row.Text(2),
          .name = row.Text(3),
          .purpose = row.Text(4),
          .organisations = text::SplitList(row.Text(5), '\n'),
          .people = text::SplitList(row.Text(6), '\n'),
          .language = ParseLanguage(row.Text(7)).value_or(Language::kNl),
          .demo = row.Integer(8) != 0};
}

db::Value OptionalText(const std::string& text) { return text.empty() ? db::Value() : db::Value(text); }

Status InsertSignal(db::Connection& connection, const std::string& consultation_id, const Signal& signal,
                    int position) {
  auto inserted = connection.Execute(
      "INSERT INTO consultation_signals (id, consultation_id, position, kind, theme, target_groups, areas,"
      " description, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {signal.id, consultation_id, static_cast<long long>(position), std::string(Code(signal.kind)), signal.theme,
       text::JoinList(signal.target_groups, ','), text::JoinList(signal.areas, ','), signal.description, signal.quote});
  if (!inserted) return Fail(inserted.error());
  return {};
}

}  // namespace

Result<std::vector<Problem>> Store::Problems(const Consultation& consultation) const {
  std::vector<Problem> problems = Check(consultation, vocabulary_, Date::Today());
  if (consultation.zone_id.empty()) return problems;
  auto zone = geography_.FindZone(consultation.zone_id, consultation.held_on);
  if (!zone) {
    if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    problems.push_back({"zone", "there is no zone '" + consultation.zone_id + "' on " + consultation.held_on.ToIso()});
    return problems;
  }
  if (auto group = GroupProblem(consultation.working_group_id, consultation.zone_id); !group) {
    return Fail(group.error());
  } else if (*group) {
    problems.push_back(**group);
  }
  std::set<std::string> members;
  for (const geo::ZoneMember& member : zone->members) members.insert(member.area_code);
  for (std::size_t i = 0; i < consultation.signals.size(); ++i) {
    for (const std::string& area : consultation.signals[i].areas) {
      if (!members.contains(area)) {
        problems.push_back({"signals[" + std::to_string(i + 1) + "].areas",
                            "'" + area + "' is not a municipality of " + consultation.zone_id});
      }
    }
  }
  return problems;
}

Result<std::vector<Problem>> Store::Problems(const ActionLine& action_line) const {
  std::vector<Problem> problems = Check(action_line, vocabulary_);
  if (action_line.zone_id.empty()) return problems;
  auto zone = geography_.FindZone(action_line.zone_id, Date::Today());
  if (!zone) {
    if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    problems.push_back({"zone", "there is no zone '" + action_line.zone_id + "'"});
  }
  if (auto group = GroupProblem(action_line.working_group_id, action_line.zone_id); !group) {
    return Fail(group.error());
  } else if (*group) {
    problems.push_back(**group);
  }
  if (!action_line.consultation_id.empty()) {
    auto meeting = Find(action_line.consultation_id);
    if (!meeting && !meeting.error().Is(ErrorCode::kNotFound)) return Fail(meeting.error());
    if (!meeting || meeting->zone_id != action_line.zone_id) {
      problems.push_back({"consultation", "no meeting '" + action_line.consultation_id + "' in this zone"});
    }
  }
  if (!action_line.signal_ids.empty()) {
    std::vector<db::Value> parameters{action_line.zone_id};
    std::string in;
    for (const std::string& id : action_line.signal_ids) {
      in += in.empty() ? "?" : ", ?";
      parameters.emplace_back(id);
    }
    auto rows = database_.WithConnection([&](db::Connection& connection) {
      return connection.Query(
          "SELECT s.id FROM consultation_signals s JOIN consultations c ON c.id = s.consultation_id"
          " WHERE c.zone_id = ? AND s.id IN (" +
              in + ")",
          parameters);
    });
    if (!rows) return Fail(rows.error());
    std::set<std::string> known;
    for (const db::Row& row : *rows) known.insert(row.Text(0));
    for (const std::string& id : action_line.signal_ids) {
      if (!known.contains(id)) problems.push_back({"signals", "no signal '" + id + "' in this zone"});
    }
  }
  return problems;
}

Status Store::Insert(db::Connection& connection, const Consultation& consultation,
                     const audit::Context& context) const {
  auto inserted = connection.Execute(
      std::string("INSERT INTO consultations (") + kConsultationColumns +
          ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {consultation.id, consultation.zone_id, consultation.held_on.ToIso(), std::string(Code(consultation.kind)),
       consultation.theme, consultation.title, text::JoinList(consultation.organisations, '\n'),
       text::JoinList(consultation.professions, '\n'),
       consultation.participants ? db::Value(static_cast<long long>(*consultation.participants)) : db::Value(),
       consultation.summary, std::string(LanguageCode(consultation.language)),
       static_cast<long long>(consultation.demo), OptionalText(consultation.working_group_id),
       static_cast<long long>(context.When())});
  if (!inserted) return Fail(inserted.error());
  for (std::size_t i = 0; i < consultation.signals.size(); ++i) {
    if (auto signal = InsertSignal(connection, consultation.id, consultation.signals[i], static_cast<int>(i));
        !signal) {
      return signal;
    }
  }
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  return audit::Record(connection, context, "consultation", consultation.id, std::nullopt, Summary(consultation),
                       consultation.zone_id);
}

Status Store::Insert(db::Connection& connection, const ActionLine& line, const audit::Context& context) const {
  auto inserted = connection.Execute(
      std::string("INSERT INTO action_lines (") + kActionLineColumns +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {line.id, line.zone_id, OptionalText(line.consultation_id), line.theme, line.title, line.description,
       std::string(Code(line.status)), line.owner, line.working_group, std::string(LanguageCode(line.language)),
       static_cast<long long>(line.demo), static_cast<long long>(context.When()), OptionalText(line.working_group_id),
       text::JoinList(line.initiative_ids, ',')});
  if (!inserted) return Fail(inserted.error());
  for (const std::string& signal_id : line.signal_ids) {
    auto linked = connection.Execute("INSERT INTO action_line_signals (action_line_id, signal_id) VALUES (?, ?)",
                                     {line.id, signal_id});
    if (!linked) return Fail(linked.error());
  }
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  return audit::Record(connection, context, "action_line", line.id, std::nullopt, Summary(line), line.zone_id);
}

Result<std::string> Store::Add(Consultation consultation, const audit::Context& context) {
  auto problems = Problems(consultation);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  consultation.id = RandomHex(8);
  for (Signal& signal : consultation.signals) signal.id = RandomHex(8);
  auto saved = database_.InTransaction(
      [&](db::Connection& connection) -> Status { return Insert(connection, consultation, context); });
  if (!saved) return Fail(saved.error());
  return consultation.id;
}

Status Store::Update(Consultation meeting, const audit::Context& context) {
  auto before = Find(meeting.id);
  if (!before) return Fail(before.error());
  if (before->zone_id != meeting.zone_id) return Fail(Error::InvalidArgument("zone: a meeting stays in its zone"));
  // The recorded signals stay, in their order and with their ids (action lines answer
  // them); those after them are new.
  if (meeting.signals.size() < before->signals.size()) {
    return Fail(Error::InvalidArgument("signals: a recorded signal cannot be taken away"));
  }
  for (std::size_t i = 0; i < meeting.signals.size(); ++i) {
    if (i < before->signals.size()) {
      if (meeting.signals[i].id != before->signals[i].id) {
        return Fail(Error::InvalidArgument("signals: the recorded signals keep their order"));
      }
    } else {
      meeting.signals[i].id = RandomHex(8);
    }
  }
  meeting.demo = before->demo;
  auto problems = Problems(meeting);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated = connection.Execute(
        "UPDATE consultations SET held_on = ?, kind = ?, theme = ?, title = ?, organisations = ?, professions = ?,"
        " participants = ?, summary = ?, language = ?, working_group_id = ?, updated_at = ? WHERE id = ?",
        {meeting.held_on.ToIso(), std::string(Code(meeting.kind)), meeting.theme, meeting.title,
         text::JoinList(meeting.organisations, '\n'), text::JoinList(meeting.professions, '\n'),
         meeting.participants ? db::Value(static_cast<long long>(*meeting.participants)) : db::Value(), meeting.summary,
         std::string(LanguageCode(meeting.language)), OptionalText(meeting.working_group_id),
         static_cast<long long>(context.When()), meeting.id});
    if (!updated) return Fail(updated.error());
    for (std::size_t i = 0; i < meeting.signals.size(); ++i) {
      const Signal& signal = meeting.signals[i];
      if (i >= before->signals.size()) {
        if (auto inserted = InsertSignal(connection, meeting.id, signal, static_cast<int>(i)); !inserted) {
          return inserted;
        }
        continue;
      }
      auto changed = connection.Execute(
          "UPDATE consultation_signals SET kind = ?, theme = ?, target_groups = ?, areas = ?, description = ?,"
          " quote = ? WHERE id = ? AND consultation_id = ?",
          {std::string(Code(signal.kind)), signal.theme, text::JoinList(signal.target_groups, ','),
           text::JoinList(signal.areas, ','), signal.description, signal.quote, signal.id, meeting.id});
      if (!changed) return Fail(changed.error());
    }
    if (auto raised = RaiseGeneration(connection); !raised) return raised;
    return audit::Record(connection, context, "consultation", meeting.id, Summary(*before), Summary(meeting),
                         meeting.zone_id);
  });
}

Result<std::string> Store::AddSignal(const std::string& consultation_id, Signal signal, const audit::Context& context) {
  auto before = Find(consultation_id);
  if (!before) return Fail(before.error());
  Consultation after = *before;
  signal.id = RandomHex(8);
  after.signals.push_back(signal);
  auto problems = Problems(after);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    if (auto inserted = InsertSignal(connection, consultation_id, signal, static_cast<int>(after.signals.size()) - 1);
        !inserted) {
      return inserted;
    }
    auto touched = connection.Execute("UPDATE consultations SET updated_at = ? WHERE id = ?",
                                      {static_cast<long long>(context.When()), consultation_id});
    if (!touched) return Fail(touched.error());
    if (auto raised = RaiseGeneration(connection); !raised) return raised;
    return audit::Record(connection, context, "consultation", consultation_id, Summary(*before), Summary(after),
                         after.zone_id);
  });
  if (!saved) return Fail(saved.error());
  return signal.id;
}

Result<std::string> Store::Add(ActionLine action_line, const audit::Context& context) {
  auto problems = Problems(action_line);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  action_line.id = RandomHex(8);
  auto saved = database_.InTransaction(
      [&](db::Connection& connection) -> Status { return Insert(connection, action_line, context); });
  if (!saved) return Fail(saved.error());
  return action_line.id;
}

Status Store::Update(const ActionLine& line, const audit::Context& context) {
  auto before = FindActionLine(line.id);
  if (!before) return Fail(before.error());
  if (before->zone_id != line.zone_id || before->consultation_id != line.consultation_id) {
    return Fail(Error::InvalidArgument("an action line stays in its zone and with its meeting"));
  }
  auto problems = Problems(line);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated = connection.Execute(
        "UPDATE action_lines SET theme = ?, title = ?, description = ?, status = ?, owner = ?, working_group = ?,"
        " working_group_id = ?, initiative_ids = ?, updated_at = ? WHERE id = ?",
        {line.theme, line.title, line.description, std::string(Code(line.status)), line.owner, line.working_group,
         OptionalText(line.working_group_id), text::JoinList(line.initiative_ids, ','),
         static_cast<long long>(context.When()), line.id});
    if (!updated) return Fail(updated.error());
    auto unlinked = connection.Execute("DELETE FROM action_line_signals WHERE action_line_id = ?", {line.id});
    if (!unlinked) return Fail(unlinked.error());
    for (const std::string& signal_id : line.signal_ids) {
      auto linked = connection.Execute("INSERT INTO action_line_signals (action_line_id, signal_id) VALUES (?, ?)",
                                       {line.id, signal_id});
      if (!linked) return Fail(linked.error());
    }
    if (auto raised = RaiseGeneration(connection); !raised) return raised;
    return audit::Record(connection, context, "action_line", line.id, Summary(*before), Summary(line), line.zone_id);
  });
}

Status Store::SetStatus(const std::string& action_line_id, ActionStatus status, const audit::Context& context) {
  auto before = FindActionLine(action_line_id);
  if (!before) return Fail(before.error());
  if (before->status == status) return {};
  ActionLine after = *before;
  after.status = status;
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated =
        connection.Execute("UPDATE action_lines SET status = ?, updated_at = ? WHERE id = ?",
                           {std::string(Code(status)), static_cast<long long>(context.When()), action_line_id});
    if (!updated) return Fail(updated.error());
    if (auto raised = RaiseGeneration(connection); !raised) return raised;
    return audit::Record(connection, context, "action_line", action_line_id, Summary(*before), Summary(after),
                         after.zone_id);
  });
}

Status Store::Import(const std::vector<WorkingGroup>& groups, const std::vector<Consultation>& consultations,
                     const std::vector<ActionLine>& action_lines, const audit::Context& context) {
  // Working groups of the file are not in the database yet: links to them are checked
  // against the file, other links by the usual rule.
  std::map<std::string, std::string> group_zones;
  for (const WorkingGroup& group : groups) {
    if (auto problems = Check(group, vocabulary_); !problems.empty()) {
      return Fail(Error::InvalidArgument(group.id + ": " + Describe(problems)));
    }
    group_zones[group.id] = group.zone_id;
  }
  const auto group_problem = [&](const std::string& group_id, const std::string& zone_id) -> std::vector<Problem> {
    const auto found = group_zones.find(group_id);
    if (found == group_zones.end() || found->second == zone_id) return {};
    return {{"working_group", "working group '" + group_id + "' is another zone's"}};
  };
  for (const Consultation& consultation : consultations) {
    Consultation checked = consultation;
    if (group_zones.contains(checked.working_group_id)) checked.working_group_id.clear();
    auto problems = Problems(checked);
    if (!problems) return Fail(problems.error());
    for (Problem& problem : group_problem(consultation.working_group_id, consultation.zone_id)) {
      problems->push_back(std::move(problem));
    }
    if (!problems->empty()) return Fail(Error::InvalidArgument(consultation.id + ": " + Describe(*problems)));
  }
  // An action line may answer signals of meetings in the same file: checked once they are
  // written, inside the transaction, by the same rule.
  std::map<std::string, std::string> signal_zones, meeting_zones;
  for (const Consultation& consultation : consultations) {
    meeting_zones[consultation.id] = consultation.zone_id;
    for (const Signal& signal : consultation.signals) signal_zones[signal.id] = consultation.zone_id;
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    for (const WorkingGroup& group : groups) {
      auto taken = connection.Query("SELECT 1 FROM working_groups WHERE id = ?", {group.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("a working group " + group.id + " is already recorded"));
      if (auto inserted = Insert(connection, group, context); !inserted) return inserted;
    }
    for (const Consultation& consultation : consultations) {
      auto taken = connection.Query("SELECT 1 FROM consultations WHERE id = ?", {consultation.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("a meeting " + consultation.id + " is already recorded"));
      if (auto inserted = Insert(connection, consultation, context); !inserted) return inserted;
    }
    for (const ActionLine& line : action_lines) {
      std::vector<Problem> problems = Check(line, vocabulary_);
      if (group_zones.contains(line.working_group_id)) {
        for (Problem& problem : group_problem(line.working_group_id, line.zone_id))
          problems.push_back(std::move(problem));
      } else if (auto group = GroupProblem(line.working_group_id, line.zone_id); !group) {
        return Fail(group.error());
      } else if (*group) {
        problems.push_back(**group);
      }
      if (!line.consultation_id.empty()) {
        const auto zone = meeting_zones.find(line.consultation_id);
        if (zone == meeting_zones.end() || zone->second != line.zone_id) {
          problems.push_back({"consultation", "no meeting '" + line.consultation_id + "' of this zone in the file"});
        }
      }
      for (const std::string& signal_id : line.signal_ids) {
        const auto zone = signal_zones.find(signal_id);
        if (zone == signal_zones.end() || zone->second != line.zone_id) {
          problems.push_back({"signals", "no signal '" + signal_id + "' of this zone in the file"});
        }
      }
      if (!problems.empty()) return Fail(Error::InvalidArgument(line.id + ": " + Describe(problems)));
      auto taken = connection.Query("SELECT 1 FROM action_lines WHERE id = ?", {line.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("an action line " + line.id + " is already recorded"));
      if (auto inserted = Insert(connection, line, context); !inserted) return inserted;
    }
    return {};
  });
}

Result<std::vector<Consultation>> Store::Load(const std::string& where,
                                              const std::vector<db::Value>& parameters) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Consultation>> {
    auto rows = connection.Query(kConsultationSelect + where + " ORDER BY c.held_on DESC, c.id", parameters);
    if (!rows) return Fail(rows.error());
    std::vector<Consultation> consultations;
    std::map<std::string, std::size_t> positions;
    for (const db::Row& row : *rows) {
      Consultation c;
      c.id = row.Text(0);
      c.zone_id = row.Text(1);
      c.held_on = Date::Parse(row.Text(2)).value_or(Date::FromDaysSinceEpoch(0));
      c.kind = ParseMeetingKind(row.Text(3)).value_or(MeetingKind::kThematic);
      c.theme = row.Text(4);
      c.title = row.Text(5);
      c.organisations = text::SplitList(row.Text(6), '\n');
      c.professions = text::SplitList(row.Text(7), '\n');
      if (const auto participants = row.OptionalInteger(8)) c.participants = static_cast<int>(*participants);
      c.summary = row.Text(9);
      c.language = ParseLanguage(row.Text(10)).value_or(Language::kNl);
      c.demo = row.Integer(11) != 0;
      c.working_group_id = row.OptionalText(12).value_or("");
      positions[c.id] = consultations.size();
      consultations.push_back(std::move(c));
    }
    if (consultations.empty()) return consultations;
    auto signals = connection.Query(
        "SELECT s.consultation_id, s.id, s.kind, s.theme, s.target_groups, s.areas, s.description, s.quote"
        " FROM consultation_signals s JOIN consultations c ON c.id = s.consultation_id " +
            where + " ORDER BY s.consultation_id, s.position",
        parameters);
    if (!signals) return Fail(signals.error());
    for (const db::Row& row : *signals) {
      const auto position = positions.find(row.Text(0));
      if (position == positions.end()) continue;
      consultations[position->second].signals.push_back(
          Signal{.id = row.Text(1),
                 .kind = ParseSignalKind(row.Text(2)).value_or(SignalKind::kNeed),
                 .theme = row.Text(3),
                 .target_groups = text::SplitList(row.Text(4), ','),
                 .areas = text::SplitList(row.Text(5), ','),
                 .description = row.Text(6),
                 .quote = row.Text(7)});
    }
    return consultations;
  });
}

Result<std::vector<ActionLine>> Store::LoadActionLines(const std::string& where,
                                                       const std::vector<db::Value>& parameters) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<ActionLine>> {
    auto rows = connection.Query(kActionLineSelect + where + " ORDER BY a.theme, a.title, a.id", parameters);
    if (!rows) return Fail(rows.error());
    std::vector<ActionLine> lines;
    std::map<std::string, std::size_t> positions;
    for (const db::Row& row : *rows) {
      ActionLine line;
      line.id = row.Text(0);
      line.zone_id = row.Text(1);
      line.consultation_id = row.OptionalText(2).value_or("");
      line.theme = row.Text(3);
      line.title = row.Text(4);
      line.description = row.Text(5);
      line.status = ParseActionStatus(row.Text(6)).value_or(ActionStatus::kIdea);
      line.owner = row.Text(7);
      line.working_group = row.Text(8);
      line.language = ParseLanguage(row.Text(9)).value_or(Language::kNl);
      line.demo = row.Integer(10) != 0;
      line.updated_at = row.Integer(11);
      line.working_group_id = row.OptionalText(12).value_or("");
      line.initiative_ids = text::SplitList(row.Text(13), ',');
      positions[line.id] = lines.size();
      lines.push_back(std::move(line));
    }
    if (lines.empty()) return lines;
    auto links = connection.Query(
        "SELECT l.action_line_id, l.signal_id FROM action_line_signals l JOIN action_lines a ON a.id ="
        " l.action_line_id " +
            where + " ORDER BY l.action_line_id, l.signal_id",
        parameters);
    if (!links) return Fail(links.error());
    for (const db::Row& row : *links) {
      const auto position = positions.find(row.Text(0));
      if (position != positions.end()) lines[position->second].signal_ids.push_back(row.Text(1));
    }
    return lines;
  });
}

Result<Consultation> Store::Find(const std::string& id) const {
  auto found = Load("WHERE c.id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no meeting " + id));
  return std::move(found->front());
}

Result<ActionLine> Store::FindActionLine(const std::string& id) const {
  auto found = LoadActionLines("WHERE a.id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no action line " + id));
  return std::move(found->front());
}

Result<std::vector<Consultation>> Store::List(const Filter& filter) const {
  std::string where = "WHERE 1 = 1";
  std::vector<db::Value> parameters;
  if (!filter.zone_id.empty()) {
    where += " AND c.zone_id = ?";
    parameters.emplace_back(filter.zone_id);
  }
  if (filter.year) {
    where += " AND c.held_on >= ? AND c.held_on <= ?";
    parameters.emplace_back(std::to_string(*filter.year) + "-01-01");
    parameters.emplace_back(std::to_string(*filter.year) + "-12-31");
  }
  return Load(where, parameters);
}

Result<std::vector<ActionLine>> Store::ActionLines(const std::string& zone_id) const {
  if (zone_id.empty()) return LoadActionLines("", {});
  return LoadActionLines("WHERE a.zone_id = ?", {zone_id});
}

Result<std::vector<int>> Store::Years(const std::string& zone_id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return zone_id.empty() ? connection.Query("SELECT DISTINCT SUBSTR(held_on, 1, 4) FROM consultations")
                           : connection.Query(
                                 "SELECT DISTINCT SUBSTR(held_on, 1, 4) FROM consultations"
                                 " WHERE zone_id = ?",
                                 {zone_id});
  });
  if (!rows) return Fail(rows.error());
  std::vector<int> years;
  for (const db::Row& row : *rows) {
    if (auto year = text::ParseInteger(row.Text(0))) years.push_back(static_cast<int>(*year));
  }
  std::sort(years.rbegin(), years.rend());
  return years;
}

Result<std::int64_t> Store::Generation() const { return db::ReadCounter(database_, "consultations"); }

std::unique_lock<std::mutex> Store::CurrentCache() const {
  std::unique_lock lock(cache_->mutex);
  auto generation = Generation();
  // Unreadable: hold nothing, so that every read goes to the database.
  const std::int64_t now = generation ? *generation : -1;
  if (now != cache_->generation || now < 0) {
    cache_->meetings.clear();
    cache_->action_lines.clear();
    cache_->generation = now;
  }
  return lock;
}

Result<std::shared_ptr<const std::vector<Consultation>>> Store::SharedList(const Filter& filter) const {
  auto lock = CurrentCache();
  const std::pair<std::string, int> key{filter.zone_id, filter.year.value_or(0)};
  if (const auto found = cache_->meetings.find(key); found != cache_->meetings.end()) return found->second;
  auto loaded = List(filter);
  if (!loaded) return Fail(loaded.error());
  auto shared = std::make_shared<const std::vector<Consultation>>(std::move(*loaded));
  if (cache_->generation >= 0 && cache_->meetings.size() < Cache::kMaxLists) cache_->meetings[key] = shared;
  return shared;
}

Result<std::shared_ptr<const std::vector<ActionLine>>> Store::SharedActionLines(const std::string& zone_id) const {
  auto lock = CurrentCache();
  if (const auto found = cache_->action_lines.find(zone_id); found != cache_->action_lines.end()) return found->second;
  auto loaded = ActionLines(zone_id);
  if (!loaded) return Fail(loaded.error());
  auto shared = std::make_shared<const std::vector<ActionLine>>(std::move(*loaded));
  if (cache_->generation >= 0 && cache_->action_lines.size() < Cache::kMaxLists) {
    cache_->action_lines[zone_id] = shared;
  }
  return shared;
}

Result<std::optional<Problem>> Store::GroupProblem(const std::string& group_id, const std::string& zone_id) const {
  if (group_id.empty()) return std::optional<Problem>();
  auto group = FindGroup(group_id);
  if (!group && !group.error().Is(ErrorCode::kNotFound)) return Fail(group.error());
  if (!group || group->zone_id != zone_id) {
    return std::optional<Problem>(Problem{"working_group", "no working group '" + group_id + "' in this zone"});
  }
  return std::optional<Problem>();
}

Status Store::Insert(db::Connection& connection, const WorkingGroup& group, const audit::Context& context) const {
  auto inserted = connection.Execute(
      "INSERT INTO working_groups (id, zone_id, theme, name, purpose, organisations, people, language, demo,"
      " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {group.id, group.zone_id, group.theme, group.name, group.purpose, text::JoinList(group.organisations, '\n'),
       text::JoinList(group.people, '\n'), std::string(LanguageCode(group.language)),
       static_cast<long long>(group.demo), static_cast<long long>(context.When())});
  if (!inserted) return Fail(inserted.error());
  if (auto raised = RaiseGeneration(connection); !raised) return raised;
  return audit::Record(connection, context, "working_group", group.id, std::nullopt, Summary(group), group.zone_id);
}

Status Store::Update(const WorkingGroup& group, const audit::Context& context) {
  auto before = FindGroup(group.id);
  if (!before) return Fail(before.error());
  if (before->zone_id != group.zone_id) return Fail(Error::InvalidArgument("zone: a working group stays in its zone"));
  if (auto problems = Check(group, vocabulary_); !problems.empty()) {
    return Fail(Error::InvalidArgument(Describe(problems)));
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated = connection.Execute(
        "UPDATE working_groups SET theme = ?, name = ?, purpose = ?, organisations = ?, people = ?, updated_at = ?"
        " WHERE id = ?",
        {group.theme, group.name, group.purpose, text::JoinList(group.organisations, '\n'),
         text::JoinList(group.people, '\n'), static_cast<long long>(context.When()), group.id});
    if (!updated) return Fail(updated.error());
    if (auto raised = RaiseGeneration(connection); !raised) return raised;
    return audit::Record(connection, context, "working_group", group.id, Summary(*before), Summary(group),
                         group.zone_id);
  });
}

Result<std::string> Store::Add(WorkingGroup group, const audit::Context& context) {
  std::vector<Problem> problems = Check(group, vocabulary_);
  if (!group.zone_id.empty()) {
    auto zone = geography_.FindZone(group.zone_id, Date::Today());
    if (!zone && !zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    if (!zone) problems.push_back({"zone", "there is no zone '" + group.zone_id + "'"});
  }
  if (!problems.empty()) return Fail(Error::InvalidArgument(Describe(problems)));
  group.id = RandomHex(8);
  auto saved =
      database_.InTransaction([&](db::Connection& connection) -> Status { return Insert(connection, group, context); });
  if (!saved) return Fail(saved.error());
  return group.id;
}

Result<std::vector<WorkingGroup>> Store::Groups(const std::string& zone_id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return zone_id.empty()
               ? connection.Query(std::string(kGroupSelect) + "ORDER BY zone_id, name, id")
               : connection.Query(std::string(kGroupSelect) + "WHERE zone_id = ? ORDER BY name, id", {zone_id});
  });
  if (!rows) return Fail(rows.error());
  std::vector<WorkingGroup> groups;
  for (const db::Row& row : *rows) groups.push_back(GroupOf(row));
  return groups;
}

Result<WorkingGroup> Store::FindGroup(const std::string& id) const {
  auto rows = database_.WithConnection(
      [&](db::Connection& connection) { return connection.Query(std::string(kGroupSelect) + "WHERE id = ?", {id}); });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no working group " + id));
  return GroupOf(rows->front());
}

}  // namespace zoneatlas::consultations
