#include "initiatives/model.hpp"

#include <algorithm>
#include <cmath>

namespace zoneatlas::initiatives {
namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxItems = 60;

void CheckText(std::vector<Problem>& problems, const std::string& field, const std::string& text, bool required,
               std::size_t limit) {
  if (required && text.empty()) {
    problems.push_back({field, "is required"});
  } else if (text.size() > limit) {
    problems.push_back({field, "is longer than " + std::to_string(limit) + " characters"});
  }
}

bool Finite(const std::optional<double>& value) { return !value || std::isfinite(*value); }

}  // namespace

std::string_view Code(Strategy strategy) {
  switch (strategy) {
    case Strategy::kAwareness:
      return "awareness";
    case Strategy::kEnvironment:
      return "environment";
    case Strategy::kRules:
      return "rules";
    case Strategy::kCare:
      break;
  }
  return "care";
}

std::string_view Code(Evidence evidence) {
  switch (evidence) {
    case Evidence::kScientific:
      return "scientifically_supported";
    case Evidence::kSome:
      return "some_evidence";
    case Evidence::kExpert:
      return "expert_opinion";
    case Evidence::kInsufficient:
      return "insufficient_evidence";
    case Evidence::kMixed:
      return "mixed_evidence";
    case Evidence::kIneffective:
      break;
  }
  return "evidence_of_ineffectiveness";
}

std::optional<Strategy> ParseStrategy(std::string_view code) {
  for (const Strategy strategy : kStrategies) {
    if (Code(strategy) == code) return strategy;
  }
  return std::nullopt;
}

std::optional<Evidence> ParseEvidence(std::string_view code) {
  for (const Evidence evidence : kEvidence) {
    if (Code(evidence) == code) return evidence;
  }
  return std::nullopt;
}

std::vector<Problem> Check(const Goal& goal) {
  std::vector<Problem> problems;
  if (goal.id.empty()) problems.push_back({"id", "is required"});
  if (goal.zone_id.empty()) problems.push_back({"zone", "is required"});
  CheckText(problems, "title", goal.title, true, kMaxTitle);
  CheckText(problems, "description", goal.description, false, kMaxText);
  if (goal.from_year < 2000 || goal.from_year > 2100 || goal.until_year < goal.from_year || goal.until_year > 2100) {
    problems.push_back({"years", "give the plan's first and last year, in order (2025 to 2030)"});
  }
  return problems;
}

std::vector<Problem> Check(const Initiative& initiative, const Vocabulary& vocabulary) {
  std::vector<Problem> problems;
  if (initiative.zone_id.empty()) problems.push_back({"zone", "is required"});
  CheckText(problems, "title", initiative.title, true, kMaxTitle);
  CheckText(problems, "description", initiative.description, false, kMaxText);
  CheckText(problems, "lead", initiative.lead, false, kMaxTitle);
  for (const auto& [field, text] : {std::pair{"activities", &initiative.activities},
                                    {"outputs", &initiative.outputs},
                                    {"intended_outcome", &initiative.intended_outcome},
                                    {"notes", &initiative.notes}}) {
    CheckText(problems, field, *text, false, kMaxText);
  }
  if (initiative.theme.empty()) {
    problems.push_back({"theme", "is required"});
  } else if (vocabulary.FindTheme(initiative.theme) == nullptr) {
    problems.push_back({"theme", "'" + initiative.theme + "' is not a theme of the taxonomy"});
  }
  for (const std::string& group : initiative.target_groups) {
    if (vocabulary.FindTargetGroup(group) == nullptr) {
      problems.push_back({"target_groups", "'" + group + "' is not a target group of the taxonomy"});
    }
  }
  if (initiative.partners.size() > kMaxItems || initiative.areas.size() > kMaxItems) {
    problems.push_back({"partners", "too many partners or municipalities"});
  }
  if (initiative.until && *initiative.until < initiative.from) {
    problems.push_back({"until", "must not come before the start"});
  }
  if (initiative.budget && (!std::isfinite(*initiative.budget) || *initiative.budget < 0)) {
    problems.push_back({"budget", "must be an amount in euro"});
  }
  if (!initiative.outcome_indicator.empty() && !vocabulary.KnowsIndicator(initiative.outcome_indicator)) {
    problems.push_back(
        {"outcome_indicator", "'" + initiative.outcome_indicator + "' is not an indicator of the atlas"});
  }
  for (std::size_t i = 0; i < initiative.outcomes.size(); ++i) {
    const Outcome& outcome = initiative.outcomes[i];
    const std::string at = "outcomes[" + std::to_string(i + 1) + "].";
    CheckText(problems, at + "label", outcome.label, true, kMaxTitle);
    if (!outcome.indicator.empty() && !vocabulary.KnowsIndicator(outcome.indicator)) {
      problems.push_back({at + "indicator", "'" + outcome.indicator + "' is not an indicator of the atlas"});
    }
    if (!Finite(outcome.baseline) || !Finite(outcome.target) || !Finite(outcome.achieved) ||
        (outcome.reach && *outcome.reach < 0)) {
      problems.push_back({at + "achieved", "figures must be numbers"});
    }
  }
  return problems;
}

std::vector<const Initiative*> Similar(const Initiative& candidate, const std::vector<Initiative>& all) {
  const auto overlaps = [](const Initiative& a, const Initiative& b) {
    return (!a.until || b.from <= *a.until) && (!b.until || a.from <= *b.until);
  };
  const auto share_a_place = [](const Initiative& a, const Initiative& b) {
    if (a.areas.empty() || b.areas.empty()) return true;
    return std::any_of(a.areas.begin(), a.areas.end(), [&](const std::string& area) {
      return std::find(b.areas.begin(), b.areas.end(), area) != b.areas.end();
    });
  };
  std::vector<const Initiative*> similar;
  for (const Initiative& other : all) {
    if (other.id == candidate.id || other.zone_id != candidate.zone_id || other.theme != candidate.theme) continue;
    if (overlaps(candidate, other) && share_a_place(candidate, other)) similar.push_back(&other);
  }
  return similar;
}

}  // namespace zoneatlas::initiatives
