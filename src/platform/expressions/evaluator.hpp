// platform/expressions/evaluator.hpp: arithmetic and comparisons over named numbers,
// for rules kept as data (a right's criteria: "household.income < vt.grens + ...").
//
// The only place that includes muparser, a well-kept bytecode evaluator: a compiled
// expression takes about 20 ns, so a batch screening can evaluate millions a second.
// Expressions see a fixed list of variables ("slots"); names are letters, digits, "_"
// and "."; the operators are + - * / ^, < <= > >= == !=, && ||, the conditional
// a ? b : c, and muparser's functions (min, max, abs, …). True is 1, false is 0.
//
// Thread safety: an Evaluator is not thread-safe (its slots are shared by all its
// expressions); give each thread its own. Moving it keeps its expressions valid.
#ifndef ZONEATLAS_PLATFORM_EXPRESSIONS_EVALUATOR_HPP_
#define ZONEATLAS_PLATFORM_EXPRESSIONS_EVALUATOR_HPP_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace zoneatlas::expressions {

class Evaluator {
 public:
  // The variables every expression may read, slot i named variables[i].
  explicit Evaluator(std::vector<std::string> variables);
  ~Evaluator();
  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;

  // Compiles `text` and returns its number for Evaluate. Returns kInvalidArgument, with
  // the position, for a syntax error or a name that is not a variable.
  Result<int> Add(std::string_view text);

  // Expressions added from now on take slot `slot` as the constant it holds now, so that
  // muparser folds it into the arithmetic around it (a rule's figures, fixed for a whole
  // batch). Reads no longer lists it for them.
  void Fix(int slot);

  // The slot of the variable named `name`, or -1.
  int SlotOf(std::string_view name) const;

  // The slots expression `expression` reads, in ascending order.
  std::span<const int> Reads(int expression) const;
  const std::vector<std::string>& variables() const;

  // The values Evaluate reads; set them before evaluating.
  std::span<double> slots();
  // The value of expression `expression` with the current slots; NaN when it cannot be
  // computed.
  double Evaluate(int expression);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zoneatlas::expressions

#endif  // ZONEATLAS_PLATFORM_EXPRESSIONS_EVALUATOR_HPP_
