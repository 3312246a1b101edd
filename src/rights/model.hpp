// rights/model.hpp: the rights explorer's types — a right with its routes to
// entitlement, dated parameters (amounts and thresholds), and a screening's outcome.
//
// A right is granted by any of its routes (automatic through a status, an income test,
// …); a route holds when all its conditions hold. Conditions are expressions over a
// household's facts (rights/facts.hpp), the parameters at the screening's date and the
// outcomes of other rights ("right.verhoogde_tegemoetkoming"). No I/O here.
//
// Thread safety: value types.
#ifndef ZONEATLAS_RIGHTS_MODEL_HPP_
#define ZONEATLAS_RIGHTS_MODEL_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/language.hpp"

namespace zoneatlas::rights {

// Text in Dutch and French (English optional: an empty English text reads the Dutch).
struct Texts {
  std::string nl, fr, en;
  const std::string& In(Language language) const {
    return language == Language::kFr ? fr : language == Language::kEn && !en.empty() ? en : nl;
  }
};

enum class Level { kFederal, kFlemish, kBrussels, kMunicipal };
enum class Effect { kRaisesIncome, kLowersCosts };
// How far a figure can be trusted, as ../shared/rights.md tags its sources: an official
// page, the body that pays or applies it, a secondary source, or unverified; or a choice
// of method this project made (a screening margin), which no body publishes.
enum class Reliability { kOfficial, kPayingBody, kSecondary, kUnverified, kMethod };
enum class Automatic { kNo, kPartly, kYes };

// One figure of a parameter, valid from `from` up to `until` when given, else up to the
// day before the next figure's `from` (the last one up to its parameter's `known_until`).
// A gap between `until` and the next `from` is a period for which no figure is known.
struct ParameterValue {
  Date from = Date::FromDaysSinceEpoch(0);
  std::optional<Date> until;
  double value = 0;
  std::optional<Date> decided;  // When it was decided or published, where known.
  std::string legal_source;     // The decree or notice ("KB 30 juni 2017"), where known.
  std::string source;           // The page the figure was read from.
  Reliability reliability = Reliability::kUnverified;
};

struct Parameter {
  std::string id;  // "vt.grens_jaar": lower case, digits, "_" and ".".
  Texts description;
  std::string unit;                    // "EUR/jaar", "EUR/maand", "jaar", "aantal".
  std::vector<ParameterValue> values;  // By `from`, ascending.
  // The last day the latest figure is known to hold; after it a screening cannot tell,
  // unless the parameter is only ever indexed upwards.
  Date known_until = Date::FromDaysSinceEpoch(0);
  // Where the parameter is only ever raised (indexed, never lowered): the page or text
  // that makes it so. Then a figure before a date is a floor for it, and a screening
  // without a figure for the date can still reason (rights/screen.hpp). Empty: not so.
  std::string indexed_upwards;

  // The figure valid on `date`, or nullptr when none is known for it.
  const ParameterValue* At(const Date& date) const;
  // The last figure that starts on or before `date`, or nullptr when none does.
  const ParameterValue* Before(const Date& date) const;
  // The first figure that starts after `date`, or nullptr.
  const ParameterValue* After(const Date& date) const;
  // The last day the newest figure holds: its `until`, else known_until.
  Date NewestEnds() const;
};

// A test of a route. `test` and `near` are expressions (platform/expressions) after the
// right's terms are put in; a condition without a test is one only the competent body
// can judge ("check").
struct Condition {
  std::string test;
  // Where `test` is false but this holds, the answer is "possible — check needed": a
  // margin above an income limit, since a missed right costs more than a check.
  std::string near;
  Texts yes;    // Why it holds; may name {facts}, {parameters} and {terms} for their values.
  Texts no;     // Why it does not hold.
  Texts check;  // What the competent body will judge (conditions without a test).
};

struct Route {
  Texts name;
  bool automatic = false;  // Granted without asking once the route holds.
  std::vector<Condition> conditions;
};

struct Term {
  std::string name;
  std::string expression;
};

// The most conditions a right may have, over all its routes.
inline constexpr std::size_t kMaxConditions = 16;

struct Right {
  std::string id;  // The Dutch name in snake_case: "verhoogde_tegemoetkoming".
  Texts name;
  Texts explanation;  // Plain language: what it gives.
  Level level = Level::kFederal;
  std::string theme;  // "income", "health", "energy", "housing", "family", "care", "mobility".
  Effect effect = Effect::kLowersCosts;
  Texts competent_body;
  Texts how_to_apply;
  bool social_worker_may_apply = false;
  Texts social_worker_note;
  Automatic automatic = Automatic::kNo;
  Texts automatic_note;
  std::vector<Texts> documents;
  std::vector<std::string> unlocks;  // Rights this one opens, by id.
  std::vector<std::string> sources;
  std::vector<Term> terms;  // Named sub-expressions the conditions use.
  // Where to look on the social map for the place to go: search words and/or a theme.
  Texts social_map_query;
  std::string social_map_theme;
  // For the non-take-up radar: the atlas indicator of its take-up (a percentage of
  // inhabitants) and the indicators of need that predict it; empty when the atlas has none.
  std::string take_up_indicator;
  std::vector<std::string> need_indicators;
  // The atlas count of whom the take-up is a share (pop_65plus for a share of people aged
  // 65+), when the figures do not carry their denominator; empty: the inhabitants.
  std::string take_up_base;
  std::vector<Route> routes;
};

enum class Outcome { kLikely, kPossible, kUnlikely, kUnknown };

std::string_view LevelName(Level level);          // "federal", "flemish", "brussels", "municipal"
std::string_view EffectName(Effect effect);       // "raises_income", "lowers_costs"
std::string_view ReliabilityCode(Reliability r);  // "O", "P", "S", "U", "M"
std::string_view AutomaticName(Automatic a);      // "no", "partly", "yes"
std::string_view OutcomeName(Outcome outcome);    // "likely", "possible", "unlikely", "unknown"

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_MODEL_HPP_
