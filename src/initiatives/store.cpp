#include "initiatives/store.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/random.hpp"
#include "core/text.hpp"

namespace zoneatlas::initiatives {
namespace {

namespace json = boost::json;

constexpr const char* kColumns =
    "id, zone_id, title, description, theme, target_groups, strategy, areas, lead, partners, valid_from, valid_until,"
    " budget, activities, outputs, intended_outcome, outcome_indicator, evidence, notes, language, demo, goal_id";
constexpr const char* kGoalColumns = "id, zone_id, title, description, from_year, until_year, language, demo";

std::string GoalSummary(const Goal& goal) {
  return json::serialize(json::object{{"zone", goal.zone_id},
                                      {"title", goal.title},
                                      {"description", goal.description},
                                      {"from_year", goal.from_year},
                                      {"until_year", goal.until_year}});
}

template <typename T>
db::Value Optional(const std::optional<T>& value) {
  return value ? db::Value(*value) : db::Value();
}

// What the audit trail keeps of an initiative: enough to see what an evaluation changed.
std::string AuditSummary(const Initiative& initiative) {
  json::array outcomes;
  for (const Outcome& outcome : initiative.outcomes) {
    outcomes.push_back(json::object{{"label", outcome.label},
                                    {"target", outcome.target ? json::value(*outcome.target) : nullptr},
                                    {"achieved", outcome.achieved ? json::value(*outcome.achieved) : nullptr},
                                    {"reach", outcome.reach ? json::value(*outcome.reach) : nullptr},
                                    {"period", outcome.period}});
  }
  return json::serialize(json::object{{"zone", initiative.zone_id},
                                      {"title", initiative.title},
                                      {"theme", initiative.theme},
                                      {"strategy", Code(initiative.strategy)},
                                      {"from", initiative.from.ToIso()},
                                      {"outcomes", std::move(outcomes)},
                                      {"notes", initiative.notes}});
}

// The initiative's rows (the initiative and its outcomes), without the audit trail.
Status Write(db::Connection& connection, const Initiative& initiative, const audit::Context& context) {
  auto inserted = connection.Execute(
      std::string("INSERT INTO initiatives (") + kColumns +
          ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {initiative.id,
       initiative.zone_id,
       initiative.title,
       initiative.description,
       initiative.theme,
       text::JoinList(initiative.target_groups, ','),
       std::string(Code(initiative.strategy)),
       text::JoinList(initiative.areas, ','),
       initiative.lead,
       text::JoinList(initiative.partners, '\n'),
       initiative.from.ToIso(),
       initiative.until ? db::Value(initiative.until->ToIso()) : db::Value(),
       Optional(initiative.budget),
       initiative.activities,
       initiative.outputs,
       initiative.intended_outcome,
       initiative.outcome_indicator,
       initiative.evidence ? db::Value(std::string(Code(*initiative.evidence))) : db::Value(),
       initiative.notes,
       std::string(LanguageCode(initiative.language)),
       static_cast<long long>(initiative.demo),
       initiative.goal_id,
       static_cast<long long>(context.When())});
  if (!inserted) return Fail(inserted.error());
  for (std::size_t i = 0; i < initiative.outcomes.size(); ++i) {
    const Outcome& outcome = initiative.outcomes[i];
    auto written = connection.Execute(
        "INSERT INTO initiative_outcomes (initiative_id, position, label, indicator, unit, baseline, target, achieved,"
        " reach, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {initiative.id, static_cast<long long>(i), outcome.label, outcome.indicator, outcome.unit,
         Optional(outcome.baseline), Optional(outcome.target), Optional(outcome.achieved), Optional(outcome.reach),
         outcome.period});
    if (!written) return Fail(written.error());
  }
  return {};
}

Status Insert(db::Connection& connection, const Initiative& initiative, const audit::Context& context) {
  if (auto written = Write(connection, initiative, context); !written) return written;
  return audit::Record(connection, context, "initiative", initiative.id, std::nullopt, AuditSummary(initiative),
                       initiative.zone_id);
}

}  // namespace

Result<std::vector<Problem>> Store::Problems(const Initiative& initiative,
                                             const std::vector<Goal>& pending_goals) const {
  std::vector<Problem> problems = Check(initiative, vocabulary_);
  if (!initiative.goal_id.empty()) {
    bool known = std::any_of(pending_goals.begin(), pending_goals.end(), [&](const Goal& goal) {
      return goal.id == initiative.goal_id && goal.zone_id == initiative.zone_id;
    });
    if (!known) {
      auto goals = Goals(initiative.zone_id);
      if (!goals) return Fail(goals.error());
      known =
          std::any_of(goals->begin(), goals->end(), [&](const Goal& goal) { return goal.id == initiative.goal_id; });
    }
    if (!known)
      problems.push_back({"goal", "'" + initiative.goal_id + "' is not a goal of " + initiative.zone_id + "'s plan"});
  }
  if (initiative.zone_id.empty()) return problems;
  auto zone = geography_.FindZone(initiative.zone_id, initiative.from);
  if (!zone) {
    if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    problems.push_back({"zone", "there is no zone '" + initiative.zone_id + "' on " + initiative.from.ToIso()});
    return problems;
  }
  for (const std::string& area : initiative.areas) {
    if (!zone->HasMember(area)) {
      problems.push_back({"areas", "'" + area + "' is not a municipality of " + initiative.zone_id});
    }
  }
  return problems;
}

Result<std::vector<Problem>> Store::Problems(const Goal& goal) const {
  std::vector<Problem> problems = Check(goal);
  if (goal.zone_id.empty()) return problems;
  auto zone = geography_.FindZone(goal.zone_id, Date::Today());
  if (!zone) {
    if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    problems.push_back({"zone", "there is no zone '" + goal.zone_id + "'"});
  }
  return problems;
}

Status Store::Import(const std::vector<Goal>& goals, const std::vector<Initiative>& initiatives,
                     const audit::Context& context) {
  for (const Goal& goal : goals) {
    auto problems = Problems(goal);
    if (!problems) return Fail(problems.error());
    if (!problems->empty()) return Fail(Error::InvalidArgument(goal.id + ": " + Describe(*problems)));
  }
  for (const Initiative& initiative : initiatives) {
    auto problems = Problems(initiative, goals);
    if (!problems) return Fail(problems.error());
    if (!problems->empty()) return Fail(Error::InvalidArgument(initiative.id + ": " + Describe(*problems)));
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    for (const Goal& goal : goals) {
      auto taken = connection.Query("SELECT 1 FROM plan_goals WHERE id = ?", {goal.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("a goal " + goal.id + " is already recorded"));
      auto inserted = connection.Execute(
          std::string("INSERT INTO plan_goals (") + kGoalColumns + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {goal.id, goal.zone_id, goal.title, goal.description, static_cast<long long>(goal.from_year),
           static_cast<long long>(goal.until_year), std::string(LanguageCode(goal.language)),
           static_cast<long long>(goal.demo), static_cast<long long>(context.When())});
      if (!inserted) return Fail(inserted.error());
      if (auto recorded =
              audit::Record(connection, context, "plan_goal", goal.id, std::nullopt, GoalSummary(goal), goal.zone_id);
          !recorded) {
        return recorded;
      }
    }
    for (const Initiative& initiative : initiatives) {
      auto taken = connection.Query("SELECT 1 FROM initiatives WHERE id = ?", {initiative.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("an initiative " + initiative.id + " is already recorded"));
      if (auto inserted = Insert(connection, initiative, context); !inserted) return inserted;
    }
    return {};
  });
}

Result<std::string> Store::SaveGoal(Goal goal, const audit::Context& context) {
  std::optional<Goal> before;
  if (goal.id.empty()) {
    goal.id = RandomHex(8);
  } else {
    auto found = FindGoal(goal.zone_id, goal.id);
    if (!found) return Fail(found.error());
    before = std::move(*found);
    goal.demo = before->demo;
  }
  auto problems = Problems(goal);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    const std::vector<db::Value> values{goal.title,
                                        goal.description,
                                        static_cast<long long>(goal.from_year),
                                        static_cast<long long>(goal.until_year),
                                        std::string(LanguageCode(goal.language)),
                                        static_cast<long long>(context.When()),
                                        goal.id,
                                        goal.zone_id};
    auto written = connection.Execute(
        before ? "UPDATE plan_goals SET title = ?, description = ?, from_year = ?, until_year = ?, language = ?,"
                 " updated_at = ? WHERE id = ? AND zone_id = ?"
               : "INSERT INTO plan_goals (title, description, from_year, until_year, language, updated_at, id,"
                 " zone_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values);
    if (!written) return Fail(written.error());
    return audit::Record(connection, context, "plan_goal", goal.id,
                         before ? std::optional<std::string>(GoalSummary(*before)) : std::nullopt, GoalSummary(goal),
                         goal.zone_id);
  });
  if (!saved) return Fail(saved.error());
  return goal.id;
}

Status Store::RemoveGoal(const std::string& zone_id, const std::string& id, const audit::Context& context) {
  auto before = FindGoal(zone_id, id);
  if (!before) return Fail(before.error());
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto serving =
        connection.Query("SELECT COUNT(*) FROM initiatives WHERE goal_id = ? AND zone_id = ?", {id, zone_id});
    if (!serving) return Fail(serving.error());
    if (serving->front().Integer(0) > 0) {
      return Fail(
          Error::FailedPrecondition(std::to_string(serving->front().Integer(0)) + " initiative(s) serve goal " + id));
    }
    auto removed = connection.Execute("DELETE FROM plan_goals WHERE id = ? AND zone_id = ?", {id, zone_id});
    if (!removed) return Fail(removed.error());
    return audit::Record(connection, context, "plan_goal", id, GoalSummary(*before), std::nullopt, zone_id);
  });
}

Result<Goal> Store::FindGoal(const std::string& zone_id, const std::string& id) const {
  auto goals = Goals(zone_id);
  if (!goals) return Fail(goals.error());
  for (Goal& goal : *goals) {
    if (goal.id == id) return std::move(goal);
  }
  return Fail(Error::NotFound("no goal " + id + " in the plan of " + zone_id));
}

Result<std::string> Store::Add(Initiative initiative, const audit::Context& context) {
  auto problems = Problems(initiative);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  initiative.id = RandomHex(8);
  auto saved = database_.InTransaction(
      [&](db::Connection& connection) -> Status { return Insert(connection, initiative, context); });
  if (!saved) return Fail(saved.error());
  return initiative.id;
}

Status Store::Update(const Initiative& initiative, const audit::Context& context) {
  auto problems = Problems(initiative);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  auto before = Find(initiative.id);
  if (!before) return Fail(before.error());
  if (before->zone_id != initiative.zone_id) {
    return Fail(Error::InvalidArgument("an initiative stays in its zone"));
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    // The outcomes go with the initiative (ON DELETE CASCADE), and come back as they are now.
    for (const char* sql :
         {"DELETE FROM initiative_outcomes WHERE initiative_id = ?", "DELETE FROM initiatives WHERE id = ?"}) {
      if (auto removed = connection.Execute(sql, {initiative.id}); !removed) return Fail(removed.error());
    }
    if (auto written = Write(connection, initiative, context); !written) return written;
    return audit::Record(connection, context, "initiative", initiative.id, AuditSummary(*before),
                         AuditSummary(initiative), initiative.zone_id);
  });
}

Result<std::vector<Initiative>> Store::Load(const std::string& where, const std::vector<db::Value>& parameters) const {
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::vector<Initiative>> {
    auto rows = connection.Query(
        std::string("SELECT ") + kColumns + " FROM initiatives " + where + " ORDER BY valid_from DESC, title, id",
        parameters);
    if (!rows) return Fail(rows.error());
    std::vector<Initiative> initiatives;
    std::map<std::string, std::size_t> positions;
    for (const db::Row& row : *rows) {
      Initiative i;
      i.id = row.Text(0);
      i.zone_id = row.Text(1);
      i.title = row.Text(2);
      i.description = row.Text(3);
      i.theme = row.Text(4);
      i.target_groups = text::SplitList(row.Text(5), ',');
      i.strategy = ParseStrategy(row.Text(6)).value_or(Strategy::kAwareness);
      i.areas = text::SplitList(row.Text(7), ',');
      i.lead = row.Text(8);
      i.partners = text::SplitList(row.Text(9), '\n');
      i.from = Date::Parse(row.Text(10)).value_or(Date::FromDaysSinceEpoch(0));
      if (const auto until = row.OptionalText(11)) {
        if (auto parsed = Date::Parse(*until)) i.until = *parsed;
      }
      i.budget = row.OptionalReal(12);
      i.activities = row.Text(13);
      i.outputs = row.Text(14);
      i.intended_outcome = row.Text(15);
      i.outcome_indicator = row.Text(16);
      if (const auto evidence = row.OptionalText(17)) i.evidence = ParseEvidence(*evidence);
      i.notes = row.Text(18);
      i.language = ParseLanguage(row.Text(19)).value_or(Language::kNl);
      i.demo = row.Integer(20) != 0;
      i.goal_id = row.Text(21);
      positions[i.id] = initiatives.size();
      initiatives.push_back(std::move(i));
    }
    if (initiatives.empty()) return initiatives;
    auto outcomes = connection.Query(
        "SELECT o.initiative_id, o.label, o.indicator, o.unit, o.baseline, o.target, o.achieved, o.reach, o.period"
        " FROM initiative_outcomes o JOIN initiatives ON initiatives.id = o.initiative_id " +
            where + " ORDER BY o.initiative_id, o.position",
        parameters);
    if (!outcomes) return Fail(outcomes.error());
    for (const db::Row& row : *outcomes) {
      const auto position = positions.find(row.Text(0));
      if (position == positions.end()) continue;
      initiatives[position->second].outcomes.push_back({.label = row.Text(1),
                                                        .indicator = row.Text(2),
                                                        .unit = row.Text(3),
                                                        .baseline = row.OptionalReal(4),
                                                        .target = row.OptionalReal(5),
                                                        .achieved = row.OptionalReal(6),
                                                        .reach = row.OptionalInteger(7),
                                                        .period = row.Text(8)});
    }
    return initiatives;
  });
}

Result<std::vector<Goal>> Store::Goals(const std::string& zone_id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        std::string("SELECT ") + kGoalColumns + " FROM plan_goals WHERE zone_id = ? ORDER BY from_year, title, id",
        {zone_id});
  });
  if (!rows) return Fail(rows.error());
  std::vector<Goal> goals;
  for (const db::Row& row : *rows) {
    goals.push_back({.id = row.Text(0),
                     .zone_id = row.Text(1),
                     .title = row.Text(2),
                     .description = row.Text(3),
                     .from_year = static_cast<int>(row.Integer(4)),
                     .until_year = static_cast<int>(row.Integer(5)),
                     .language = ParseLanguage(row.Text(6)).value_or(Language::kNl),
                     .demo = row.Integer(7) != 0});
  }
  return goals;
}

Result<std::vector<Initiative>> Store::List(const std::string& zone_id) const {
  if (zone_id.empty()) return Load("", {});
  return Load("WHERE initiatives.zone_id = ?", {zone_id});
}

Result<Initiative> Store::Find(const std::string& id) const {
  auto found = Load("WHERE initiatives.id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no initiative " + id));
  return std::move(found->front());
}

}  // namespace zoneatlas::initiatives
