#include "rights/screen.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <span>

#include "core/text.hpp"

namespace zoneatlas::rights {
namespace {

constexpr double kNotKnown = std::numeric_limits<double>::quiet_NaN();
// More unknowns than this in one condition are not tried every way (2^6 evaluations).
constexpr int kMaxTried = 6;

// Bit i set for each of the first `count` facts.
std::uint64_t FirstFacts(int count) { return count == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1; }

}  // namespace

Result<Screener> Screener::Create(const Catalog& catalog, Date date) {
  const std::vector<std::string> names = VariableNames(catalog);
  Screener screener(catalog, date, expressions::Evaluator(names));
  screener.slots_ = screener.evaluator_.slots().data();
  const int fact_count = static_cast<int>(Facts().size());
  screener.first_parameter_slot_ = fact_count;
  screener.first_right_slot_ = fact_count + static_cast<int>(catalog.parameters().size());
  auto slots = screener.evaluator_.slots();
  std::vector<bool> parameter_known(catalog.parameters().size());
  screener.bound_of_parameter_.assign(catalog.parameters().size(), -1);
  const Parameter* rise_parameter = catalog.FindParameter(kLargestYearlyRise);
  const ParameterValue* rise = rise_parameter ? rise_parameter->At(date) : nullptr;
  for (std::size_t p = 0; p < catalog.parameters().size(); ++p) {
    const Parameter& parameter = catalog.parameters()[p];
    const int slot = screener.first_parameter_slot_ + static_cast<int>(p);
    const ParameterValue* value = parameter.At(date);
    parameter_known[p] = value != nullptr;
    slots[slot] = value ? value->value : kNotKnown;
    // A figure in force is the same for every household: muparser folds it in.
    if (value != nullptr) screener.evaluator_.Fix(slot);
    if (value != nullptr || parameter.indexed_upwards.empty()) continue;
    FigureBounds bounds{parameter.Before(date), parameter.After(date)};
    if (bounds.last == nullptr) continue;  // Before its first figure nothing bounds it from below.
    if (bounds.next != nullptr) {
      bounds.high = bounds.next->value;
    } else if (rise != nullptr) {
      bounds.yearly_rise = rise->value;
      bounds.years = std::max(
          1, static_cast<int>(
                 std::ceil(static_cast<double>(date.DaysSinceEpoch() - bounds.last->from.DaysSinceEpoch()) / 365.25)));
      bounds.high = bounds.last->value * std::pow(1 + rise->value, bounds.years);
    } else {
      bounds.high = kNoCeiling;
    }
    parameter_known[p] = true;
    slots[slot] = bounds.last->value;
    screener.bound_of_parameter_[p] = static_cast<int>(screener.bounds_.size());
    screener.bounds_.push_back({slot, bounds});
  }
  std::uint64_t numeric = 0;
  for (int f = 0; f < fact_count; ++f) {
    if (!Facts()[f].yes_no) numeric |= std::uint64_t{1} << f;
  }
  screener.yes_no_facts_ = ~numeric & FirstFacts(fact_count);
  // What one condition's test and margin read, gathered before they go into reads_.
  std::vector<int> rights_read, bounded_read;
  auto compile = [&](const Right& right, const std::string& expression, CompiledCondition& into) -> Status {
    auto compiled = screener.Compile(Catalog::ExpandTerms(right, expression));
    if (!compiled) return Fail(Error::Internal("right " + right.id + ": " + compiled.error().message()));
    for (int slot : screener.evaluator_.Reads(*compiled)) {
      if (slot < fact_count)
        into.facts |= std::uint64_t{1} << slot;
      else if (slot < screener.first_right_slot_) {
        const int bound = screener.bound_of_parameter_[slot - fact_count];
        if (bound >= 0 && std::ranges::find(bounded_read, bound) == bounded_read.end()) bounded_read.push_back(bound);
        into.missing_figures |= !parameter_known[slot - fact_count];
      } else if (const int read = slot - screener.first_right_slot_;
                 std::ranges::find(rights_read, read) == rights_read.end()) {
        rights_read.push_back(read);
      }
    }
    into.numeric_facts = into.facts & numeric;
    if (into.test < 0 && screener.single_slot_[*compiled] >= 0 && screener.single_slot_[*compiled] < fact_count &&
        (numeric & (std::uint64_t{1} << screener.single_slot_[*compiled])) == 0) {
      into.single_fact = screener.single_slot_[*compiled];
    }
    if (into.test >= 0) into.single_fact = -1;  // With a margin, the evaluator decides.
    (into.test < 0 ? into.test : into.near) = *compiled;
    return {};
  };
  for (const Right& right : catalog.rights()) {
    CompiledRight compiled_right;
    for (const Term& term : right.terms) {
      auto compiled = screener.Compile(Catalog::ExpandTerms(right, term.expression));
      if (!compiled) return Fail(Error::Internal("right " + right.id + ": " + compiled.error().message()));
      compiled_right.terms.push_back(*compiled);
    }
    compiled_right.routes = {static_cast<std::uint16_t>(screener.routes_.size()),
                             static_cast<std::uint16_t>(right.routes.size())};
    const Span compiled_right_routes = compiled_right.routes;
    for (const Route& route : right.routes) {
      screener.routes_.push_back({static_cast<std::uint16_t>(screener.conditions_.size()),
                                  static_cast<std::uint16_t>(route.conditions.size())});
      for (const Condition& condition : route.conditions) {
        CompiledCondition compiled;
        rights_read.clear();
        bounded_read.clear();
        if (!condition.test.empty()) {
          if (auto done = compile(right, condition.test, compiled); !done) return Fail(done.error());
        }
        if (!condition.near.empty()) {
          if (auto done = compile(right, condition.near, compiled); !done) return Fail(done.error());
        }
        compiled.settled_by_facts = rights_read.empty() && bounded_read.empty() && !compiled.missing_figures;
        compiled.first_read = static_cast<std::uint16_t>(screener.reads_.size());
        compiled.right_count = static_cast<std::uint8_t>(rights_read.size());
        compiled.bound_count = static_cast<std::uint8_t>(bounded_read.size());
        screener.reads_.insert(screener.reads_.end(), rights_read.begin(), rights_read.end());
        screener.reads_.insert(screener.reads_.end(), bounded_read.begin(), bounded_read.end());
        screener.conditions_.push_back(compiled);
      }
    }
    screener.rights_.push_back(std::move(compiled_right));
    screener.remembered_.push_back(screener.RememberedBy(compiled_right_routes));
  }
  screener.memos_.resize(screener.remembered_.size());
  screener.keys_.resize(screener.remembered_.size());
  screener.remember_.resize(screener.remembered_.size());
  if (screener.reads_.size() > std::numeric_limits<std::uint16_t>::max() ||
      screener.conditions_.size() > std::numeric_limits<std::uint16_t>::max()) {
    return Fail(Error::Internal("the catalog has too many conditions to screen"));
  }
  return screener;
}

Screener::Remembered Screener::RememberedBy(Span routes) const {
  Remembered remembered;
  std::uint64_t facts = 0, numbers = 0;
  for (const Span& route : std::span(routes_).subspan(routes.first, routes.count)) {
    for (const CompiledCondition& condition : std::span(conditions_).subspan(route.first, route.count)) {
      for (std::uint64_t bits = condition.numeric_facts & ~numbers; bits != 0; bits &= bits - 1) {
        const int fact = std::countr_zero(bits);
        if (Facts()[fact].money || remembered.number_count == ResultMemo::kMaxNumbers) return {};
        remembered.numbers[remembered.number_count++] = static_cast<std::uint8_t>(fact);
        numbers |= std::uint64_t{1} << fact;
      }
      facts |= condition.facts;
      const int* read = reads_.data() + condition.first_read;
      for (const int* r = read; r != read + condition.right_count; ++r) {
        const auto begin = remembered.rights.begin(), end = begin + remembered.right_count;
        if (std::find(begin, end, *r) != end) continue;
        if (remembered.right_count == ResultMemo::kMaxRightsRead) return {};
        remembered.rights[remembered.right_count++] = static_cast<std::uint16_t>(*r);
      }
    }
  }
  remembered.remember = true;
  remembered.facts = facts;
  return remembered;
}

Result<int> Screener::Compile(const std::string& text) {
  if (const auto known = expression_of_text_.find(text); known != expression_of_text_.end()) return known->second;
  auto compiled = evaluator_.Add(text);
  if (!compiled) return compiled;
  expression_of_text_.emplace(text, *compiled);
  // One name: a fact, or a figure fixed for the run (which Reads does not list).
  single_slot_.push_back(evaluator_.SlotOf(text));
  native_.emplace_back();
  value_.push_back(0);
  value_household_.push_back(0);
  // After the push: a limit compiles as an expression of its own.
  Native native = NativeOf(text);
  native_[*compiled] = std::move(native);
  return compiled;
}

namespace {

constexpr std::pair<std::string_view, int> kComparisons[] = {{">=", 3}, {"<=", 1}, {"==", 4}, {"!=", 5}, {">", 2}, {"<", 0}};

// Where `text` holds `token` outside parentheses, or npos.
std::size_t FindOutsideParentheses(std::string_view text, std::string_view token) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
    if (depth == 0 && text.substr(i, token.size()) == token) return i;
  }
  return std::string_view::npos;
}

}  // namespace

Screener::Native Screener::WithLimitOf(std::string_view text) {
  for (std::string_view logic : {"&&", "||", "?", ":"}) {
    if (FindOutsideParentheses(text, logic) != std::string_view::npos) return {};
  }
  for (const auto& [token, op] : kComparisons) {
    const std::size_t at = FindOutsideParentheses(text, token);
    if (at == std::string_view::npos) continue;
    const std::string_view left = text::Trim(text.substr(0, at));
    std::string_view limit = text::Trim(text.substr(at + token.size()));
    const int left_slot = evaluator_.SlotOf(left);
    if (left_slot < 0) return {};
    for (std::string_view other : {"<", ">", "=", "!"}) {
      if (FindOutsideParentheses(limit, other) != std::string_view::npos) return {};
    }
    Native native{Native::Kind::kCompareWithLimit, static_cast<Native::Op>(op), {left_slot}, 1};
    // "limit * factor" with a factor fixed for the run, where limit multiplies or divides
    // only (so the factor applies to all of it, as muparser reads it): the margin of the
    // test "a OP limit", sharing its limit.
    if (const std::size_t times = limit.rfind('*'); times != std::string_view::npos) {
      const std::string_view factor = text::Trim(limit.substr(times + 1));
      const std::string_view rest = text::Trim(limit.substr(0, times));
      std::optional<double> value;
      if (const int slot = evaluator_.SlotOf(factor); slot >= 0) {
        if (slot >= first_parameter_slot_ && slot < first_right_slot_ &&
            bound_of_parameter_[slot - first_parameter_slot_] < 0 && !std::isnan(slots_[slot])) {
          value = slots_[slot];
        }
      } else if (factor.find_first_of("()+-*/ ") == std::string_view::npos) {
        value = text::ParseDecimal(factor);
      }
      if (value && !rest.empty() && FindOutsideParentheses(rest, "+") == std::string_view::npos &&
          FindOutsideParentheses(rest, "-") == std::string_view::npos) {
        native.constant = *value;
        limit = rest;
      }
    }
    auto compiled = Compile(std::string(limit));
    if (!compiled) return {};
    native.limit = *compiled;
    return native;
  }
  return {};
}

Screener::Native Screener::NativeOf(std::string_view text) {
  Native native;
  if (text.find_first_of("()?:") == std::string_view::npos) {
    for (std::string_view joiner : {"||", "&&"}) {
      if (text.find(joiner) == std::string_view::npos) continue;
      if (text.find(joiner == "||" ? "&&" : "||") != std::string_view::npos) return {};
      // Names, or comparisons as "a OP b" evaluates them.
      std::vector<int> slots, tests;
      for (std::size_t start = 0;;) {
        const std::size_t end = text.find(joiner, start);
        const std::string_view part = text::Trim(text.substr(start, end - start));
        slots.push_back(evaluator_.SlotOf(part));
        auto test = Compile(std::string(part));
        if (!test || (single_slot_[*test] < 0 && native_[*test].kind != Native::Kind::kCompare)) return {};
        tests.push_back(*test);
        if (end == std::string_view::npos) break;
        start = end + 2;
      }
      const bool names = std::ranges::find(slots, -1) == slots.end();
      native.kind = joiner == "||" ? (names ? Native::Kind::kAny : Native::Kind::kAnyTest)
                                   : (names ? Native::Kind::kAll : Native::Kind::kAllTest);
      native.slots = names ? std::move(slots) : std::move(tests);
      return native;
    }
  }
  if (text.find_first_of("()?:+-*/^!<>=") == std::string_view::npos) return {};
  for (const auto& [token, op_number] : kComparisons) {
    const auto op = static_cast<Native::Op>(op_number);
    const std::size_t at = text.find(token);
    if (at == std::string_view::npos) continue;
    const std::string_view left = text::Trim(text.substr(0, at));
    const std::string_view right = text::Trim(text.substr(at + token.size()));
    if (left.find_first_of(" &|<>=!()?:+-*/^") != std::string_view::npos ||
        right.find_first_of(" &|<>=!()?:+-*/^") != std::string_view::npos) {
      return WithLimitOf(text);
    }
    const int left_slot = evaluator_.SlotOf(left);
    if (left_slot < 0) return {};
    native.kind = Native::Kind::kCompare;
    native.op = op;
    native.slots.push_back(left_slot);
    if (const int right_slot = evaluator_.SlotOf(right); right_slot >= 0) {
      native.slots.push_back(right_slot);
    } else if (auto number = text::ParseDecimal(right); number && right.find(',') == std::string_view::npos) {
      native.constant = *number;
    } else {
      return {};
    }
    return native;
  }
  return {};
}

double Screener::Evaluate(int expression, bool reuse) {
  if (const int slot = single_slot_[expression]; slot >= 0) return slots_[slot];
  if (const Native& native = native_[expression]; native.kind != Native::Kind::kNone) {
    if (native.kind == Native::Kind::kAny) {
      return std::ranges::any_of(native.slots, [&](int slot) { return slots_[slot] != 0; }) ? 1 : 0;
    }
    if (native.kind == Native::Kind::kAll) {
      return std::ranges::all_of(native.slots, [&](int slot) { return slots_[slot] != 0; }) ? 1 : 0;
    }
    // As muparser: NaN counts as true in || and &&.
    if (native.kind == Native::Kind::kAnyTest) {
      return std::ranges::any_of(native.slots, [&](int test) { return Evaluate(test, reuse) != 0; }) ? 1 : 0;
    }
    if (native.kind == Native::Kind::kAllTest) {
      return std::ranges::all_of(native.slots, [&](int test) { return Evaluate(test, reuse) != 0; }) ? 1 : 0;
    }
    const double a = slots_[native.slots[0]];
    const double b = native.kind == Native::Kind::kCompareWithLimit ? Evaluate(native.limit, reuse) * native.constant
                     : native.slots.size() > 1                      ? slots_[native.slots[1]]
                                                                    : native.constant;
    switch (native.op) {
      case Native::Op::kLess:
        return a < b;
      case Native::Op::kLessEqual:
        return a <= b;
      case Native::Op::kGreater:
        return a > b;
      case Native::Op::kGreaterEqual:
        return a >= b;
      case Native::Op::kEqual:
        return a == b;
      case Native::Op::kNotEqual:
        break;
    }
    return a != b;
  }
  if (!reuse) return evaluator_.Evaluate(expression);
  if (value_household_[expression] != household_) {
    value_[expression] = evaluator_.Evaluate(expression);
    value_household_[expression] = household_;
  }
  return value_[expression];
}

ConditionState Screener::Judge(const CompiledCondition& condition, const FactValues& facts,
                               const std::vector<RightResult>& results, std::uint64_t& missing) {
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
  const int* read = reads_.data() + condition.first_read;
  for (const int* r = read; r != read + condition.right_count; ++r) {
    const RightResult& other = results[*r];
    if (other.outcome == Outcome::kLikely || other.outcome == Outcome::kUnlikely) continue;
    if (open == kMaxTried) {
      open = kMaxTried + 1;
      break;
    }
    tried[open++] = first_right_slot_ + *r;
    if (other.outcome == Outcome::kUnknown) unknown_right = true;
    right_missing |= other.missing_facts;
  }
  if (open > kMaxTried || std::popcount(unknown) > kMaxTried) {
    missing |= unknown | right_missing;
    return ConditionState::kUnknown;
  }
  auto slots = evaluator_.slots();
  const bool bounded = condition.bound_count > 0;
  const bool reuse = open == 0 && !bounded;
  bool some_true = false, some_false = false, near_true = false, near_false = false, between = false;
  for (unsigned combination = 0; combination < (1U << open); ++combination) {
    for (int i = 0; i < open; ++i) slots[tried[i]] = (combination >> i) & 1U;
    double value = Evaluate(condition.test, reuse);
    if (bounded && !std::isnan(value)) {
      // The floor decided above; the ceiling must agree, else the figure in force decides.
      SetBounded(condition, true);
      const double at_ceiling = Evaluate(condition.test, false);
      const bool near = condition.near >= 0 && Evaluate(condition.near, false) != 0;
      SetBounded(condition, false);
      if (std::isnan(at_ceiling)) {
        value = at_ceiling;
      } else if ((value != 0) != (at_ceiling != 0)) {
        between = true;
        continue;
      } else if (value == 0) {
        some_false = true;
        (near ? near_true : near_false) = true;
        continue;
      }
    }
    if (std::isnan(value)) {
      some_true = some_false = true;
      break;
    }
    if (value != 0) {
      some_true = true;
    } else {
      some_false = true;
      if (condition.near >= 0) (Evaluate(condition.near, reuse) != 0 ? near_true : near_false) = true;
    }
  }
  for (int i = 0; i < open; ++i) slots[tried[i]] = kNotKnown;
  if (between && !some_true && !some_false) return ConditionState::kBetween;
  if (between) some_true = some_false = true;
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

void Screener::SetBounded(const CompiledCondition& condition, bool ceiling) {
  const int* first = reads_.data() + condition.first_read + condition.right_count;
  for (const int* b = first; b != first + condition.bound_count; ++b) {
    slots_[bounds_[*b].slot] = ceiling ? bounds_[*b].bounds.high : bounds_[*b].bounds.last->value;
  }
}

void Screener::Screen(const FactValues& facts, std::vector<RightResult>& results) {
  if (++household_ == 0) {  // Wrapped around: forget every kept value.
    std::ranges::fill(value_household_, 0);
    household_ = 1;
  }
  double* slots = evaluator_.slots().data();
  const int fact_count = static_cast<int>(Facts().size());
  std::copy_n(facts.values.begin(), fact_count, slots);
  const std::uint64_t all = FirstFacts(fact_count);
  for (std::uint64_t unknown = ~facts.known & all; unknown != 0; unknown &= unknown - 1) {
    slots[std::countr_zero(unknown)] = kNotKnown;
  }
  results.resize(rights_.size());
  // The yes/no facts known to be true, for the rights remembered by them. A memo key says
  // true or false, so facts set to another number (not by ComputeFacts) bypass the memo.
  std::uint64_t truth = 0;
  bool only_zero_or_one = true;
  for (std::uint64_t bits = yes_no_facts_ & facts.known; bits != 0; bits &= bits - 1) {
    const int fact = std::countr_zero(bits);
    truth |= static_cast<std::uint64_t>(facts.values[fact] != 0) << fact;
    only_zero_or_one &= facts.values[fact] == 0 || facts.values[fact] == 1;
  }
  // The keys of the rights remembered by facts alone, loaded ahead.
  for (std::size_t r = 0; r < remembered_.size(); ++r) {
    const Remembered& remembered = remembered_[r];
    remember_[r] = remembered.remember && only_zero_or_one;
    if (!remember_[r]) continue;
    ResultMemo::Key& key = keys_[r];
    key = {};
    key.known = facts.known & remembered.facts;
    key.truth = truth & remembered.facts;
    for (int i = 0; i < remembered.number_count; ++i) {
      const int fact = remembered.numbers[i];
      if (!facts.Known(fact)) continue;
      const double number = facts.values[fact];
      // Ages and counts are whole numbers; anything else is screened as usual.
      remember_[r] = remember_[r] && number == std::trunc(number) && std::abs(number) < 30000;
      key.numbers[i] = remember_[r] ? static_cast<std::int16_t>(number) : std::int16_t{0};
    }
    if (remember_[r] && remembered.right_count == 0) memos_[r].Prefetch(key);
  }
  for (int r : catalog_->evaluation_order()) {
    const Remembered& remembered = remembered_[r];
    bool remember = remember_[r];
    ResultMemo::Key& key = keys_[r];
    if (remember && remembered.right_count > 0) {
      ResultMemo::Missing missing{};
      for (int i = 0; i < remembered.right_count; ++i) {
        const RightResult& other = results[remembered.rights[i]];
        key.outcomes |= static_cast<std::uint16_t>((1U + static_cast<unsigned>(other.outcome)) << (4 * i));
        if (other.outcome != Outcome::kLikely && other.outcome != Outcome::kUnlikely) {
          missing[i] = other.missing_facts;
        }
      }
      key.missing = memos_[r].MissingId(missing);
      remember = key.missing != ResultMemo::kTooManyMissing;
    }
    if (!remember) {
      ScreenRight(r, facts, results);
    } else if (const RightResult* known = memos_[r].Find(key)) {
      results[r] = *known;
    } else {
      ScreenRight(r, facts, results);
      memos_[r].Remember(key, results[r]);
    }
    const Outcome outcome = results[r].outcome;
    slots[first_right_slot_ + r] = outcome == Outcome::kLikely ? 1 : outcome == Outcome::kUnlikely ? 0 : kNotKnown;
  }
}

void Screener::ScreenRight(int r, const FactValues& facts, std::vector<RightResult>& results) {
  const CompiledRight& right = rights_[r];
  RightResult& result = results[r];
  result.missing_facts = 0;
  result.missing_figures = false;
  // What explains each outcome, kept apart until the outcome is known; the failing
  // conditions go straight to the result, as most rights end unlikely.
  result.findings.clear();
  possible_.clear();
  open_.clear();
  int holds = -1;
  for (int route = 0; route < right.routes.count && holds < 0; ++route) {
    route_.clear();
    ConditionState route_state = ConditionState::kHolds;
    const Span conditions = routes_[right.routes.first + route];
    for (int c = 0; c < conditions.count; ++c) {
      const CompiledCondition& condition = conditions_[conditions.first + c];
      std::uint64_t missing = 0;
      // Most conditions are settled by one known yes/no fact or by the competent body:
      // decided here, without the call.
      ConditionState state;
      if (condition.test < 0) {
        state = ConditionState::kCheck;
      } else if (condition.single_fact >= 0 && facts.Known(condition.single_fact)) {
        state = facts.values[condition.single_fact] != 0 ? ConditionState::kHolds : ConditionState::kFails;
      } else if (condition.settled_by_facts && (condition.facts & ~facts.known) == 0) {
        // Everything it reads is known: one evaluation (and the margin) decides.
        const double value = Evaluate(condition.test, true);
        state = std::isnan(value) ? ConditionState::kCheck
                : value != 0      ? ConditionState::kHolds
                : condition.near >= 0 && Evaluate(condition.near, true) != 0 ? ConditionState::kNear
                                                                             : ConditionState::kFails;
      } else {
        state = Judge(condition, facts, results, missing);
      }
      const Finding finding{static_cast<std::uint8_t>(route), static_cast<std::uint8_t>(c), state};
      if (state == ConditionState::kFails) {
        // Only the failing condition explains a failed route.
        result.findings.push_back(finding);
        route_state = ConditionState::kFails;
        break;
      }
      route_.push_back(finding);
      if (state == ConditionState::kUnknown) {
        route_state = ConditionState::kUnknown;
        result.missing_facts |= missing;
        result.missing_figures |= condition.missing_figures;
      } else if ((state == ConditionState::kNear || state == ConditionState::kCheck ||
                  state == ConditionState::kBetween) &&
                 route_state == ConditionState::kHolds) {
        route_state = ConditionState::kCheck;
      }
    }
    if (route_state == ConditionState::kHolds) {
      holds = route;
    } else if (route_state == ConditionState::kCheck && possible_.empty()) {
      possible_ = route_;
    } else if (route_state == ConditionState::kUnknown) {
      for (const Finding& finding : route_) {
        if (finding.state == ConditionState::kUnknown || finding.state == ConditionState::kCheck) {
          open_.push_back(finding);
        }
      }
    }
  }
  if (holds >= 0) {
    result.outcome = Outcome::kLikely;
    result.missing_facts = 0;
    result.missing_figures = false;
    result.findings = route_;
  } else if (!possible_.empty()) {
    result.outcome = Outcome::kPossible;
    result.findings = possible_;
  } else if (!open_.empty()) {
    result.outcome = Outcome::kUnknown;
    result.findings = open_;
  } else {
    result.outcome = Outcome::kUnlikely;
  }
}

std::optional<double> Screener::Value(const Right& right, std::string_view name) {
  // The slots still hold the last household's facts (NaN where unknown).
  if (const int fact = FindFact(name); fact >= 0) {
    return std::isnan(slots_[fact]) ? std::nullopt : std::optional(slots_[fact]);
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
    const double value = Evaluate(rights_[index].terms[t], false);
    return std::isnan(value) ? std::nullopt : std::optional(value);
  }
  return std::nullopt;
}

bool Screener::BoundMatters(const Right& right, const Condition& condition, std::size_t index) {
  const int bound = bound_of_parameter_[index];
  if (bound < 0) return false;
  const std::vector<std::string> names = NamesIn(condition.test);
  const std::string& id = catalog_->parameters()[index].id;
  if (std::ranges::find(names, id) != names.end()) return true;
  const auto right_index = static_cast<std::size_t>(&right - catalog_->rights().data());
  const Bound& at = bounds_[bound];
  for (std::size_t t = 0; t < right.terms.size(); ++t) {
    if (std::ranges::find(names, right.terms[t].name) == names.end()) continue;
    const int expression = rights_[right_index].terms[t];
    const double floor = Evaluate(expression, false);
    slots_[at.slot] = at.bounds.high;
    const double ceiling = Evaluate(expression, false);
    slots_[at.slot] = at.bounds.last->value;
    if (floor != ceiling && !(std::isnan(floor) && std::isnan(ceiling))) return true;
  }
  return false;
}

}  // namespace zoneatlas::rights
