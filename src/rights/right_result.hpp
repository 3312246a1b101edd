// rights/right_result.hpp: what screening says of one right for one household — its
// outcome and the conditions that explain it.
#ifndef ZONEATLAS_RIGHTS_RIGHT_RESULT_HPP_
#define ZONEATLAS_RIGHTS_RIGHT_RESULT_HPP_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "rights/model.hpp"

namespace zoneatlas::rights {

// kBetween: the test holds on one side of a bounded parameter's range and not on the
// other, so only the figure in force can tell (a check).
enum class ConditionState : std::uint8_t { kHolds, kFails, kNear, kCheck, kUnknown, kBetween };

// Small, so that a right's findings copy in a few instructions (a right has at most
// kMaxConditions conditions, so fewer routes).
struct Finding {
  std::uint8_t route = 0;
  std::uint8_t condition = 0;
  ConditionState state = ConditionState::kUnknown;
  bool operator==(const Finding& other) const = default;
};

// A right's findings, held inline: screening a million households allocates nothing.
class Findings {
 public:
  Findings() = default;
  Findings(const Findings& other) = default;
  Findings& operator=(const Findings& other) = default;
  void clear() { count_ = 0; }
  // REQUIRES: fewer than kMaxConditions findings (Catalog::Parse limits a right's conditions).
  void push_back(const Finding& finding) { items_[count_++] = finding; }
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }
  const Finding& front() const { return items_[0]; }
  const Finding* begin() const { return items_.data(); }
  const Finding* end() const { return items_.data() + count_; }
  bool operator==(const Findings& other) const { return std::equal(begin(), end(), other.begin(), other.end()); }

 private:
  std::array<Finding, kMaxConditions> items_{};
  std::uint8_t count_ = 0;
};

struct RightResult {
  Outcome outcome = Outcome::kUnknown;
  std::uint64_t missing_facts = 0;  // Bit i: fact i would help settle it.
  bool missing_figures = false;     // A figure the rules need is not known for the date.
  Findings findings;                // The conditions that explain the outcome.
};

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_RIGHT_RESULT_HPP_
