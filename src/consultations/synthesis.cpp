#include "consultations/synthesis.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace zoneatlas::consultations {
namespace {

// How far an action line got, for picking a signal's furthest answer: a dropped line
// counts only when nothing else answers.
int Progress(ActionStatus status) {
  switch (status) {
    case ActionStatus::kDropped:
      return 0;
    case ActionStatus::kIdea:
      return 1;
    case ActionStatus::kPlanned:
      return 2;
    case ActionStatus::kRunning:
      return 3;
    case ActionStatus::kDone:
      break;
  }
  return 4;
}

std::vector<Count> Ranked(const std::map<std::string, std::size_t>& counts) {
  std::vector<Count> ranked;
  for (const auto& [id, count] : counts) ranked.push_back({id, count});
  std::stable_sort(ranked.begin(), ranked.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
  return ranked;
}

bool Passes(const Signal& signal, const SignalFilter& filter) {
  if (!filter.theme.empty() && signal.theme != filter.theme) return false;
  if (!filter.target_group.empty() && std::find(signal.target_groups.begin(), signal.target_groups.end(),
                                                filter.target_group) == signal.target_groups.end()) {
    return false;
  }
  return true;
}

}  // namespace

Synthesis Synthesize(const std::vector<Consultation>& consultations, const std::vector<ActionLine>& action_lines,
                     const SignalFilter& filter) {
  std::map<std::string, std::vector<const ActionLine*>> answers;  // Signal id → its action lines.
  for (const ActionLine& line : action_lines) {
    for (const std::string& signal_id : line.signal_ids) answers[signal_id].push_back(&line);
  }
  Synthesis synthesis;
  synthesis.meetings = consultations.size();
  std::set<std::string> zones, written;  // Organisations as written; folded once each below.
  std::map<std::string, std::size_t> themes, target_groups;
  for (const Consultation& meeting : consultations) {
    zones.insert(meeting.zone_id);
    written.insert(meeting.organisations.begin(), meeting.organisations.end());
    for (const Signal& signal : meeting.signals) {
      if (!Passes(signal, filter)) continue;
      ++synthesis.signals;
      ++(signal.kind == SignalKind::kNeed ? synthesis.needs : synthesis.difficulties);
      ++themes[signal.theme];
      for (const std::string& group : signal.target_groups) {
        ++target_groups[group];
        ++synthesis.theme_by_target_group[signal.theme][group];
      }
      if (signal.target_groups.empty()) ++synthesis.theme_by_target_group[signal.theme][""];
      SignalOutcome outcome{.meeting = &meeting, .signal = &signal, .answers = {}, .outcome = std::nullopt};
      if (const auto found = answers.find(signal.id); found != answers.end()) outcome.answers = found->second;
      for (const ActionLine* line : outcome.answers) {
        if (!outcome.outcome || Progress(line->status) > Progress(*outcome.outcome)) outcome.outcome = line->status;
      }
      if (outcome.outcome) {
        ++synthesis.by_outcome[*outcome.outcome];
      } else {
        ++synthesis.without_answer;
      }
      synthesis.outcomes.push_back(std::move(outcome));
    }
  }
  synthesis.zones = zones.size();
  std::set<std::string> organisations;
  for (const std::string& name : written) organisations.insert(text::Fold(name));
  synthesis.organisations = organisations.size();
  synthesis.themes = Ranked(themes);
  synthesis.target_groups = Ranked(target_groups);
  return synthesis;
}

}  // namespace zoneatlas::consultations
