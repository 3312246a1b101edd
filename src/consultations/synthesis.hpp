// consultations/synthesis.hpp: the monitoring of a zone's (or every zone's) consultations
// over a year — how many meetings, in how many zones, with how many organisations; the
// themes and target groups most raised; and what became of every signal (the furthest any
// of its action lines got, or nothing yet). The yearly synthesis the Brussels zones
// publish, computed from the records instead of written by hand.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_CONSULTATIONS_SYNTHESIS_HPP_
#define ZONEATLAS_CONSULTATIONS_SYNTHESIS_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "consultations/model.hpp"

namespace zoneatlas::consultations {

struct Count {
  std::string id;  // A theme, a target group.
  std::size_t count = 0;

  bool operator==(const Count&) const = default;
};

// A signal with the meeting it was raised in and what became of it.
struct SignalOutcome {
  const Consultation* meeting = nullptr;
  const Signal* signal = nullptr;
  std::vector<const ActionLine*> answers;
  // The furthest status among the answers: done, running, planned, idea, then dropped
  // (only when every answer was dropped); nothing when no action line answers it.
  std::optional<ActionStatus> outcome;
};

// Signals to look at; empty fields mean all.
struct SignalFilter {
  std::string theme;
  std::string target_group;
};

struct Synthesis {
  std::size_t meetings = 0;
  std::size_t zones = 0;          // With at least one meeting.
  std::size_t organisations = 0;  // Distinct, as written (case and accents aside).
  std::size_t signals = 0;        // That pass the filter, as every count below.
  std::size_t needs = 0;
  std::size_t difficulties = 0;
  std::vector<Count> themes;         // Most raised first, then by id.
  std::vector<Count> target_groups;  // Most named first, then by id.
  // Theme → target group → signals; signals naming no group count under "".
  std::map<std::string, std::map<std::string, std::size_t>> theme_by_target_group;
  std::size_t without_answer = 0;                  // Signals no action line answers yet.
  std::map<ActionStatus, std::size_t> by_outcome;  // Signals by their furthest status.
  std::vector<SignalOutcome> outcomes;             // Every signal, in the meetings' order.
};

// REQUIRES: `consultations` and `action_lines` outlive the result (it points into them).
Synthesis Synthesize(const std::vector<Consultation>& consultations, const std::vector<ActionLine>& action_lines,
                     const SignalFilter& filter);

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_SYNTHESIS_HPP_
