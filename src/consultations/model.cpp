#include "consultations/model.hpp"

#include <algorithm>

namespace zoneatlas::consultations {
namespace {

// Bounds that keep a record readable on a page and a mistaken paste out of the database.
constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxListItems = 60;
constexpr std::size_t kMaxSignals = 100;

template <typename Enum, std::size_t N>
std::optional<Enum> ParseCode(const Enum (&values)[N], std::string_view code) {
  for (const Enum value : values) {
    if (Code(value) == code) return value;
  }
  return std::nullopt;
}

void CheckText(std::vector<Problem>& problems, const std::string& field, const std::string& text, bool required,
               std::size_t limit) {
  if (required && text.empty()) {
    problems.push_back({field, "is required"});
  } else if (text.size() > limit) {
    problems.push_back({field, "is longer than " + std::to_string(limit) + " characters"});
  }
}

void CheckTheme(std::vector<Problem>& problems, const std::string& field, const std::string& theme,
                const Vocabulary& vocabulary) {
  if (theme.empty()) {
    problems.push_back({field, "is required"});
  } else if (vocabulary.FindTheme(theme) == nullptr) {
    problems.push_back({field, "'" + theme + "' is not a theme of the taxonomy"});
  }
}

void CheckList(std::vector<Problem>& problems, const std::string& field, const std::vector<std::string>& items) {
  if (items.size() > kMaxListItems) {
    problems.push_back({field, "has more than " + std::to_string(kMaxListItems) + " entries"});
  }
  for (const std::string& item : items) {
    if (item.empty() || item.size() > kMaxTitle) {
      problems.push_back({field, "has an entry that is empty or longer than " + std::to_string(kMaxTitle)});
      return;
    }
  }
}

}  // namespace

std::string_view Code(MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kThematic:
      return "thematic";
    case MeetingKind::kRoundTable:
      return "round_table";
    case MeetingKind::kWorkingGroup:
      break;
  }
  return "working_group";
}

std::string_view Code(SignalKind kind) { return kind == SignalKind::kNeed ? "need" : "difficulty"; }

std::string_view Code(ActionStatus status) {
  switch (status) {
    case ActionStatus::kIdea:
      return "idea";
    case ActionStatus::kPlanned:
      return "planned";
    case ActionStatus::kRunning:
      return "running";
    case ActionStatus::kDone:
      return "done";
    case ActionStatus::kDropped:
      break;
  }
  return "dropped";
}

std::optional<MeetingKind> ParseMeetingKind(std::string_view code) { return ParseCode(kMeetingKinds, code); }
std::optional<SignalKind> ParseSignalKind(std::string_view code) { return ParseCode(kSignalKinds, code); }
std::optional<ActionStatus> ParseActionStatus(std::string_view code) { return ParseCode(kActionStatuses, code); }

std::vector<Problem> Check(const Consultation& consultation, const Vocabulary& vocabulary, const Date& today) {
  std::vector<Problem> problems;
  CheckText(problems, "title", consultation.title, true, kMaxTitle);
  CheckText(problems, "summary", consultation.summary, false, kMaxText);
  if (consultation.zone_id.empty()) problems.push_back({"zone", "is required"});
  const Date earliest = *Date::FromYmd(2000, 1, 1);
  const Date latest = Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + 366);
  if (consultation.held_on < earliest || latest < consultation.held_on) {
    problems.push_back({"held_on", consultation.held_on.ToIso() + " is not a date between 2000 and next year"});
  }
  CheckTheme(problems, "theme", consultation.theme, vocabulary);
  CheckList(problems, "organisations", consultation.organisations);
  CheckList(problems, "professions", consultation.professions);
  if (consultation.participants && (*consultation.participants < 1 || *consultation.participants > 10000)) {
    problems.push_back({"participants", "must be a number of people from 1 to 10000"});
  }
  if (consultation.signals.size() > kMaxSignals) {
    problems.push_back({"signals", "more than " + std::to_string(kMaxSignals) + " signals for one meeting"});
  }
  for (std::size_t i = 0; i < consultation.signals.size(); ++i) {
    const Signal& signal = consultation.signals[i];
    const std::string at = "signals[" + std::to_string(i + 1) + "].";
    CheckTheme(problems, at + "theme", signal.theme, vocabulary);
    CheckText(problems, at + "description", signal.description, true, kMaxText);
    CheckText(problems, at + "quote", signal.quote, false, kMaxText);
    for (const std::string& group : signal.target_groups) {
      if (vocabulary.FindTargetGroup(group) == nullptr) {
        problems.push_back({at + "target_groups", "'" + group + "' is not a target group of the taxonomy"});
      }
    }
    CheckList(problems, at + "areas", signal.areas);
  }
  return problems;
}

std::vector<Problem> Check(const ActionLine& action_line, const Vocabulary& vocabulary) {
  std::vector<Problem> problems;
  if (action_line.zone_id.empty()) problems.push_back({"zone", "is required"});
  CheckText(problems, "title", action_line.title, true, kMaxTitle);
  CheckText(problems, "description", action_line.description, false, kMaxText);
  CheckText(problems, "owner", action_line.owner, false, kMaxTitle);
  CheckText(problems, "working_group", action_line.working_group, false, kMaxTitle);
  CheckTheme(problems, "theme", action_line.theme, vocabulary);
  if (action_line.signal_ids.size() > kMaxSignals) problems.push_back({"signals", "answers too many signals"});
  return problems;
}

std::vector<Problem> Check(const WorkingGroup& group, const Vocabulary& vocabulary) {
  std::vector<Problem> problems;
  if (group.zone_id.empty()) problems.push_back({"zone", "is required"});
  CheckText(problems, "name", group.name, true, kMaxTitle);
  CheckText(problems, "purpose", group.purpose, false, kMaxText);
  CheckTheme(problems, "theme", group.theme, vocabulary);
  CheckList(problems, "organisations", group.organisations);
  CheckList(problems, "people", group.people);
  return problems;
}

}  // namespace zoneatlas::consultations
