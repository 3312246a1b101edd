#include "rights/screen.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace zoneatlas::rights {
namespace {

constexpr double kNotKnown = std::numeric_limits<double>::quiet_NaN();
// More unknowns than this in one condition are not tried every way (2^6 evaluations).
constexpr int kMaxTried = 6;

}  // namespace

Result<Screener> Screener::Create(const Catalog& catalog, Date date) {
  const std::vector<std::string> names = VariableNames(catalog);
  Screener screener(catalog, date, expressions::Evaluator(names));
  const int fact_count = static_cast<int>(Facts().size());
  screener.first_parameter_slot_ = fact_count;
  screener.first_right_slot_ = fact_count + static_cast<int>(catalog.parameters().size());
  auto slots = screener.evaluator_.slots();
  std::vector<bool> parameter_known(catalog.parameters().size());
  for (std::size_t p = 0; p < catalog.parameters().size(); ++p) {
    const ParameterValue* value = catalog.parameters()[p].At(date);
    parameter_known[p] = value != nullptr;
    slots[screener.first_parameter_slot_ + p] = value ? value->value : kNotKnown;
  }
  std::uint64_t numeric = 0;
  for (int f = 0; f < fact_count; ++f) {
    if (!Facts()[f].yes_no) numeric |= std::uint64_t{1} << f;
  }
  auto compile = [&](const Right& right, const std::string& expression, CompiledCondition& into) -> Status {
    auto compiled = screener.evaluator_.Add(Catalog::ExpandTerms(right, expression));
    if (!compiled) return Fail(Error::Internal("right " + right.id + ": " + compiled.error().message()));
    for (int slot : screener.evaluator_.Reads(*compiled)) {
      if (slot < fact_count)
        into.facts |= std::uint64_t{1} << slot;
      else if (slot < screener.first_right_slot_)
        into.missing_figures |= !parameter_known[slot - fact_count];
      else if (std::find(into.rights.begin(), into.rights.end(), slot - screener.first_right_slot_) ==
               into.rights.end()) {
        into.rights.push_back(slot - screener.first_right_slot_);
      }
    }
    into.numeric_facts = into.facts & numeric;
    (into.test < 0 ? into.test : into.near) = *compiled;
    return {};
  };
  for (const Right& right : catalog.rights()) {
    CompiledRight compiled_right;
    for (const Term& term : right.terms) {
      auto compiled = screener.evaluator_.Add(Catalog::ExpandTerms(right, term.expression));
      if (!compiled) return Fail(Error::Internal("right " + right.id + ": " + compiled.error().message()));
      compiled_right.terms.push_back(*compiled);
    }
    for (const Route& route : right.routes) {
      auto& conditions = compiled_right.routes.emplace_back();
      for (const Condition& condition : route.conditions) {
        CompiledCondition compiled;
        if (!condition.test.empty()) {
          if (auto done = compile(right, condition.test, compiled); !done) return Fail(done.error());
        }
        if (!condition.near.empty()) {
          if (auto done = compile(right, condition.near, compiled); !done) return Fail(done.error());
        }
        conditions.push_back(std::move(compiled));
      }
    }
    screener.rights_.push_back(std::move(compiled_right));
  }
  return screener;
}

ConditionState Screener::Judge(const CompiledCondition& condition, const FactValues& facts,
                               const std::vector<RightResult>& results, std::uint64_t& missing) {
  if (condition.test < 0) return ConditionState::kCheck;
  if (condition.missing_figures) return ConditionState::kUnknown;
  const std::uint64_t unknown = condition.facts & ~facts.known;
  if ((unknown & condition.numeric_facts) != 0) {
    missing |= unknown;
    return ConditionState::kUnknown;
  }
  // What is still open: unknown yes/no facts and rights not decided either way.
  int tried[kMaxTried];
  int open = 0;
  bool unknown_right = false;
  std::uint64_t right_missing = 0;
  for (std::uint64_t bits = unknown; bits != 0; bits &= bits - 1) {
    if (open == kMaxTried) break;
    tried[open++] = std::countr_zero(bits);
  }
  for (int r : condition.rights) {
    const RightResult& other = results[r];
    if (other.outcome == Outcome::kLikely || other.outcome == Outcome::kUnlikely) continue;
    if (open == kMaxTried) {
      open = kMaxTried + 1;
      break;
    }
    tried[open++] = first_right_slot_ + r;
    if (other.outcome == Outcome::kUnknown) unknown_right = true;
    right_missing |= other.missing_facts;
  }
  if (open > kMaxTried || std::popcount(unknown) > kMaxTried) {
    missing |= unknown | right_missing;
    return ConditionState::kUnknown;
  }
  auto slots = evaluator_.slots();
  bool some_true = false, some_false = false, near_true = false, near_false = false;
  for (unsigned combination = 0; combination < (1U << open); ++combination) {
    for (int i = 0; i < open; ++i) slots[tried[i]] = (combination >> i) & 1U;
    const double value = evaluator_.Evaluate(condition.test);
    if (std::isnan(value)) {
      some_true = some_false = true;
      break;
    }
    if (value != 0) {
      some_true = true;
    } else {
      some_false = true;
      if (condition.near >= 0) (evaluator_.Evaluate(condition.near) != 0 ? near_true : near_false) = true;
    }
  }
  for (int i = 0; i < open; ++i) slots[tried[i]] = kNotKnown;
  if (some_true && !some_false) return ConditionState::kHolds;
  if (some_false && !some_true) {
    if (near_true && !near_false) return ConditionState::kNear;
    if (!near_true) return ConditionState::kFails;
  }
  // It depends on what is open: a check if only rights that need a check are open.
  if (unknown == 0 && !unknown_right) return ConditionState::kCheck;
  missing |= unknown | right_missing;
  return ConditionState::kUnknown;
}

void Screener::Screen(const FactValues& facts, std::vector<RightResult>& results) {
  last_facts_ = facts;
  auto slots = evaluator_.slots();
  const int fact_count = static_cast<int>(Facts().size());
  for (int f = 0; f < fact_count; ++f) slots[f] = facts.Known(f) ? facts.values[f] : kNotKnown;
  results.resize(rights_.size());
  for (int r : catalog_->evaluation_order()) {
    const CompiledRight& right = rights_[r];
    RightResult& result = results[r];
    result.outcome = Outcome::kUnlikely;
    result.missing_facts = 0;
    result.missing_figures = false;
    result.findings.clear();
    int holds = -1, possible = -1;
    bool unknown = false;
    for (std::size_t route = 0; route < right.routes.size() && holds < 0; ++route) {
      const std::size_t start = result.findings.size();
      ConditionState route_state = ConditionState::kHolds;
      for (std::size_t c = 0; c < right.routes[route].size(); ++c) {
        const CompiledCondition& condition = right.routes[route][c];
        std::uint64_t missing = 0;
        const ConditionState state = Judge(condition, facts, results, missing);
        result.findings.push_back({static_cast<int>(route), static_cast<int>(c), state});
        if (state == ConditionState::kFails) {
          route_state = ConditionState::kFails;
          break;
        }
        if (state == ConditionState::kUnknown) {
          route_state = ConditionState::kUnknown;
          result.missing_facts |= missing;
          result.missing_figures |= condition.missing_figures;
        } else if ((state == ConditionState::kNear || state == ConditionState::kCheck) &&
                   route_state == ConditionState::kHolds) {
          route_state = ConditionState::kCheck;
        }
      }
      if (route_state == ConditionState::kHolds) {
        holds = static_cast<int>(route);
        result.findings.erase(result.findings.begin(), result.findings.begin() + static_cast<long>(start));
      } else if (route_state == ConditionState::kCheck && possible < 0) {
        possible = static_cast<int>(route);
      } else if (route_state == ConditionState::kUnknown) {
        unknown = true;
      } else if (route_state == ConditionState::kFails) {
        // Only the failing condition explains a failed route.
        result.findings.erase(result.findings.begin() + static_cast<long>(start), result.findings.end() - 1);
      }
    }
    if (holds >= 0) {
      result.outcome = Outcome::kLikely;
      result.missing_facts = 0;
      result.missing_figures = false;
    } else if (possible >= 0) {
      result.outcome = Outcome::kPossible;
      std::erase_if(result.findings, [&](const Finding& f) { return f.route != possible; });
    } else if (unknown) {
      result.outcome = Outcome::kUnknown;
      std::erase_if(result.findings, [](const Finding& f) {
        return f.state != ConditionState::kUnknown && f.state != ConditionState::kCheck;
      });
    } else {
      result.outcome = Outcome::kUnlikely;
    }
    slots[first_right_slot_ + r] = result.outcome == Outcome::kLikely     ? 1
                                   : result.outcome == Outcome::kUnlikely ? 0
                                                                          : kNotKnown;
  }
}

std::optional<double> Screener::Value(const Right& right, std::string_view name) {
  if (const int fact = FindFact(name); fact >= 0) {
    return last_facts_.Known(fact) ? std::optional(last_facts_.values[fact]) : std::nullopt;
  }
  auto slots = evaluator_.slots();
  for (std::size_t p = 0; p < catalog_->parameters().size(); ++p) {
    if (catalog_->parameters()[p].id != name) continue;
    const double value = slots[first_parameter_slot_ + p];
    return std::isnan(value) ? std::nullopt : std::optional(value);
  }
  const auto index = static_cast<std::size_t>(&right - catalog_->rights().data());
  for (std::size_t t = 0; t < right.terms.size(); ++t) {
    if (right.terms[t].name != name) continue;
    const int fact_count = static_cast<int>(Facts().size());
    for (int f = 0; f < fact_count; ++f) slots[f] = last_facts_.Known(f) ? last_facts_.values[f] : kNotKnown;
    const double value = evaluator_.Evaluate(rights_[index].terms[t]);
    return std::isnan(value) ? std::nullopt : std::optional(value);
  }
  return std::nullopt;
}

}  // namespace zoneatlas::rights
