// rights/screen.hpp: screening a household against the whole catalog at one date.
//
// A Screener compiles every condition once for its date (with that date's figures), then
// screens household after household: about a microsecond for all rights. Each right gets
// an outcome and the findings that explain it:
//   likely    — a route holds;
//   possible  — a route holds except for what only the competent body can judge, or an
//               income just above a limit ("check needed");
//   unknown   — "cannot tell yet": a fact is missing, or no figure is known for the date;
//   unlikely  — every route fails.
// Unknown yes/no facts are tried both ways, so "leefloon or IGO" holds when leefloon is
// known even if IGO is not.
//
// A parameter with no figure on the date that the catalog marks as only ever indexed
// upwards is not unknown but bounded (FigureBounds): at least its last figure, at most the
// next one or the last one raised by the largest yearly rise the catalog allows. A test
// that holds at both ends holds, one that fails at both fails, and one that holds at only
// one end is a check ("between"). Amounts are never extrapolated: reasons show the last
// figure and say so.
//
// A batch goes faster in two ways that never change a result: the figures in force are
// compiled in as constants, and a right that reads no amount of money is remembered by
// everything it reads (result_memo.hpp) and looked up for the next household alike.
//
// Thread safety: a Screener is not thread-safe; give each thread its own (Create is
// cheap next to a batch, a few milliseconds).
#ifndef ZONEATLAS_RIGHTS_SCREEN_HPP_
#define ZONEATLAS_RIGHTS_SCREEN_HPP_

#include <array>
#include <utility>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "platform/expressions/evaluator.hpp"
#include "rights/catalog.hpp"
#include "rights/facts.hpp"
#include "rights/result_memo.hpp"
#include "rights/right_result.hpp"

namespace zoneatlas::rights {

// The parameter that bounds how far an amount only ever indexed upwards can have risen
// since its last figure: a share per year begun (0.15 for 15 %).
inline constexpr std::string_view kLargestYearlyRise = "screening.max_stijging_per_jaar";

// What a parameter with no figure on the date is known to lie between.
struct FigureBounds {
  const ParameterValue* last = nullptr;  // The floor: the figure before the date.
  const ParameterValue* next = nullptr;  // The next figure, the ceiling, when there is one.
  double high = 0;                       // The ceiling; kNoCeiling when nothing bounds it.
  double yearly_rise = 0;                // Without `next`: the rise allowed per year begun…
  int years = 0;                         // … and the years begun since `last` took effect.
};
inline constexpr double kNoCeiling = 1e15;  // Finite: 0 × it stays 0 in a formula.

class Screener {
 public:
  // REQUIRES: `catalog` outlives the Screener. Returns kInternal if a rule does not
  // compile (Catalog::Parse has checked them).
  static Result<Screener> Create(const Catalog& catalog, Date date);

  const Catalog& catalog() const { return *catalog_; }
  const Date& date() const { return date_; }

  // One result per right of the catalog, in catalog order. `results` is reused.
  void Screen(const FactValues& facts, std::vector<RightResult>& results);

  // For the household screened last: the value of a fact, a parameter (at the date) or
  // one of `right`'s terms; nothing when unknown. A bounded parameter gives its floor.
  std::optional<double> Value(const Right& right, std::string_view name);

  // For the household screened last: whether bounded parameter `index` can change what
  // `condition` of `right` compares — it is named in the test itself, or a term the test
  // names takes another value at the parameter's ceiling (a couple's leefloon does not
  // depend on the single rate).
  bool BoundMatters(const Right& right, const Condition& condition, std::size_t index);

  // The bounds of parameter `index` (its position in catalog().parameters()) on date(), or
  // nullptr when it has a figure for the date or cannot be bounded.
  const FigureBounds* Bounds(std::size_t index) const {
    return bound_of_parameter_[index] < 0 ? nullptr : &bounds_[bound_of_parameter_[index]].bounds;
  }

 private:
  // Every right's conditions lie side by side in conditions_, route after route, and what
  // they read in reads_: a household's screening walks them in order, in few cache lines.
  struct CompiledCondition {
    std::uint64_t facts = 0;          // Facts the condition reads.
    std::uint64_t numeric_facts = 0;  // Of those, the ones that are not yes/no.
    int test = -1;                    // Expression numbers; -1 for none.
    int near = -1;
    int single_fact = -1;  // The yes/no fact a test of one name reads (no near).
    // In reads_: the rights whose outcome it reads, then the positions in bounds_ of the
    // bounded parameters it reads.
    std::uint16_t first_read = 0;
    std::uint8_t right_count = 0;
    std::uint8_t bound_count = 0;
    bool missing_figures = false;
    bool settled_by_facts = false;  // It reads no right, no bounded or missing figure.
  };
  struct Bound {
    int slot = 0;
    FigureBounds bounds;
  };
  struct Span {
    std::uint16_t first = 0;
    std::uint16_t count = 0;
  };
  struct CompiledRight {
    Span routes;             // In routes_.
    std::vector<int> terms;  // Expression per term, for Value.
  };

  Screener(const Catalog& catalog, Date date, expressions::Evaluator evaluator)
      : catalog_(&catalog), date_(date), evaluator_(std::move(evaluator)) {}

  // Screens right `r` for the household whose facts are in the slots.
  void ScreenRight(int r, const FactValues& facts, std::vector<RightResult>& results);
  // REQUIRES: `condition` has a test, and is not one yes/no fact that is known (ScreenRight
  // settles those itself).
  ConditionState Judge(const CompiledCondition& condition, const FactValues& facts,
                       const std::vector<RightResult>& results, std::uint64_t& missing);
  // Puts every bounded parameter `condition` reads at its floor or its ceiling.
  void SetBounded(const CompiledCondition& condition, bool ceiling);
  // The number of `text`, compiled once however many conditions share it.
  Result<int> Compile(const std::string& text);
  // Expression `expression` with the current slots; with `reuse`, the value already
  // computed for this household if there is one (slots are as Screen set them).
  double Evaluate(int expression, bool reuse);

  const Catalog* catalog_;
  Date date_;
  expressions::Evaluator evaluator_;
  std::vector<CompiledRight> rights_;
  // Per right: what its result is remembered by, when it reads no amount of money, at
  // most ResultMemo::kMaxNumbers other numbers and kMaxRightsRead other rights (see
  // result_memo.hpp).
  struct Remembered {
    bool remember = false;
    std::uint64_t facts = 0;  // All the facts it reads.
    std::uint8_t number_count = 0;
    std::array<std::uint8_t, ResultMemo::kMaxNumbers> numbers{};
    std::uint8_t right_count = 0;
    std::array<std::uint16_t, ResultMemo::kMaxRightsRead> rights{};
  };
  Remembered RememberedBy(Span routes) const;
  std::vector<Remembered> remembered_;
  std::vector<ResultMemo> memos_;
  // Per right, for the household being screened: whether its memo applies, and its key.
  std::vector<ResultMemo::Key> keys_;
  std::vector<char> remember_;
  std::uint64_t yes_no_facts_ = 0;
  std::vector<Span> routes_;  // Each a span of conditions_.
  std::vector<CompiledCondition> conditions_;
  std::vector<int> reads_;
  int first_parameter_slot_ = 0;
  int first_right_slot_ = 0;
  std::vector<Bound> bounds_;
  std::vector<int> bound_of_parameter_;  // Per parameter: its position in bounds_, or -1.
  // Many rights test the same thing ("region.flanders", "right.verhoogde_tegemoetkoming"):
  // each text is compiled once and, per household, evaluated once. A test that is one
  // name reads its slot without the evaluator.
  std::map<std::string, int, std::less<>> expression_of_text_;
  std::vector<int> single_slot_;  // Per expression: the slot it is, or -1.
  // The commonest shapes of test, evaluated without the evaluator (15 % faster in a
  // Release build): "a OP b" (names or numbers), and names or such comparisons joined only
  // by || or only by &&.
  // And "a OP limit" and its margin "a OP limit * factor", where limit is any expression:
  // the limit is computed once per household and both compared here, so the margin costs
  // no second evaluation and rights that share a limit share its computation.
  struct Native {
    // kAnyTest, kAllTest: slots holds the expressions of the parts, names or comparisons.
    enum class Kind { kNone, kCompare, kAny, kAll, kAnyTest, kAllTest, kCompareWithLimit } kind = Kind::kNone;
    enum class Op { kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual } op = Op::kEqual;
    std::vector<int> slots;  // Compare: the left slot, and the right one or none.
    double constant = 0;     // Compare: the right-hand number when there is no right slot;
                             // with a limit: the factor.
    int limit = -1;          // The limit's expression.
  };
  Native NativeOf(std::string_view text);
  // "a OP limit [* factor]" as a comparison with a limit, or kNone.
  Native WithLimitOf(std::string_view text);
  std::vector<Native> native_;
  std::vector<double> value_;
  std::vector<std::uint32_t> value_household_;
  std::uint32_t household_ = 0;
  double* slots_ = nullptr;  // The evaluator's slots (stable: they never move).
  // Findings of the right being screened, by what they would explain.
  Findings route_, possible_, open_;
};

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_SCREEN_HPP_
