// initiatives/model.hpp: the inventory of a zone's preventive initiatives and how they do.
//
// Shared with partners to avoid overlap and find allies: what an initiative does (theme,
// target groups, strategy, municipalities, lead and partner organisations, period, budget),
// a light logic model (for whom → activities → outputs → the outcome indicator it should
// move, an atlas indicator where one fits), its outcomes (indicator, target, achieved, people
// reached), an optional evidence rating in the style of What Works for Health, and the
// evaluation's notes and stories. Two initiatives on the same theme in the same place at the
// same time should know of each other: Similar finds them.
#ifndef ZONEATLAS_INITIATIVES_MODEL_HPP_
#define ZONEATLAS_INITIATIVES_MODEL_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/field_problem.hpp"
#include "core/language.hpp"
#include "core/vocabulary.hpp"

namespace zoneatlas::initiatives {

using Problem = FieldProblem;

// The Flemish prevention model's four strategies.
enum class Strategy { kAwareness, kEnvironment, kRules, kCare };
inline constexpr Strategy kStrategies[] = {Strategy::kAwareness, Strategy::kEnvironment, Strategy::kRules,
                                           Strategy::kCare};
// What Works for Health's ratings, strongest first.
enum class Evidence { kScientific, kSome, kExpert, kInsufficient, kMixed, kIneffective };
inline constexpr Evidence kEvidence[] = {Evidence::kScientific,   Evidence::kSome,  Evidence::kExpert,
                                         Evidence::kInsufficient, Evidence::kMixed, Evidence::kIneffective};

// "awareness", "environment", "rules", "care"; "scientifically_supported", "some_evidence",
// "expert_opinion", "insufficient_evidence", "mixed_evidence", "evidence_of_ineffectiveness".
std::string_view Code(Strategy strategy);
std::string_view Code(Evidence evidence);
std::optional<Strategy> ParseStrategy(std::string_view code);
std::optional<Evidence> ParseEvidence(std::string_view code);

struct Outcome {
  std::string label;      // What is measured, in words.
  std::string indicator;  // The atlas indicator when the outcome is one ("screen_colorectal"); else empty.
  std::string unit;       // "%", "people", "sessions".
  std::optional<double> baseline;
  std::optional<double> target;
  std::optional<double> achieved;
  std::optional<long long> reach;  // People reached.
  std::string period;              // When it was measured: "2025".

  bool operator==(const Outcome&) const = default;
};

// A goal of the zone's multi-year plan ("Fewer older people isolated", 2025–2030): the plan
// reads goals → strategies → initiatives, an initiative naming the goal it serves.
struct Goal {
  std::string id;
  std::string zone_id;
  std::string title;
  std::string description;
  int from_year = 0;
  int until_year = 0;
  Language language = Language::kNl;
  bool demo = false;

  bool operator==(const Goal&) const = default;
};

struct Initiative {
  std::string id;
  std::string zone_id;
  std::string goal_id;  // The plan's goal it serves; empty: none.
  std::string title;
  std::string description;
  std::string theme;
  std::vector<std::string> target_groups;
  Strategy strategy = Strategy::kAwareness;
  std::vector<std::string> areas;  // NIS codes of the municipalities; none: the whole zone.
  std::string lead;                // The organisation that carries it.
  std::vector<std::string> partners;
  Date from = Date::FromDaysSinceEpoch(0);
  std::optional<Date> until;     // None: it goes on.
  std::optional<double> budget;  // Euro a year.
  // The logic model, in words, and the atlas indicator it should move.
  std::string activities;
  std::string outputs;
  std::string intended_outcome;
  std::string outcome_indicator;
  std::vector<Outcome> outcomes;
  std::optional<Evidence> evidence;
  std::string notes;  // The evaluation's notes and stories.
  Language language = Language::kNl;
  bool demo = false;

  bool operator==(const Initiative&) const = default;
};

// A title, a known theme and target groups, a period in order, sizes within bounds,
// outcomes with a label and numbers that are numbers, indicators the atlas knows. The zone
// and municipalities are checked by the store.
std::vector<Problem> Check(const Initiative& initiative, const Vocabulary& vocabulary);
// A title and a span of years in order (a plan runs a few years, 2000–2100).
std::vector<Problem> Check(const Goal& goal);

// The initiatives of `all` like `candidate`: the same zone and theme, periods that overlap,
// and a municipality in common (an initiative for the whole zone shares every one).
std::vector<const Initiative*> Similar(const Initiative& candidate, const std::vector<Initiative>& all);

}  // namespace zoneatlas::initiatives

#endif  // ZONEATLAS_INITIATIVES_MODEL_HPP_
