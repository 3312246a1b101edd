#include "rights/result_memo.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace zoneatlas::rights {

std::uint16_t ResultMemo::MissingId(const Missing& missing) {
  if ((missing[0] | missing[1] | missing[2]) == 0) return 0;
  const auto found = std::ranges::find_if(missing_, [&](const Missing& seen) {
    return seen[0] == missing[0] && seen[1] == missing[1] && seen[2] == missing[2];
  });
  if (found != missing_.end()) return static_cast<std::uint16_t>(found - missing_.begin() + 1);
  if (missing_.size() >= kMaxEntries) return kTooManyMissing;
  missing_.push_back(missing);
  return static_cast<std::uint16_t>(missing_.size());
}

const RightResult* ResultMemo::Find(const Key& key) const {
  if (entries_.empty()) return nullptr;
  const std::size_t mask = entries_.size() - 1;
  for (std::size_t at = Hash(key);; at = (at + 1) & mask) {
    const Entry& entry = entries_[at];
    if (entry.result == 0) return nullptr;
    if (entry.key == key) return &results_[entry.result - 1];
  }
}

void ResultMemo::Remember(const Key& key, const RightResult& result) {
  if (used_ >= kMaxEntries) return;
  auto same = [&](const RightResult& other) {
    return other.outcome == result.outcome && other.missing_facts == result.missing_facts &&
           other.missing_figures == result.missing_figures && other.findings == result.findings;
  };
  auto found = std::ranges::find_if(results_, same);
  if (found == results_.end()) {
    results_.push_back(result);
    found = results_.end() - 1;
  }
  if (2 * (used_ + 1) > entries_.size()) {
    std::vector<Entry> old = std::exchange(entries_, std::vector<Entry>(entries_.empty() ? 64 : 2 * entries_.size()));
    shift_ = 64 - std::countr_zero(entries_.size());
    used_ = 0;
    for (const Entry& entry : old) {
      if (entry.result != 0) Insert(entry.key, entry.result);
    }
  }
  Insert(key, static_cast<std::uint16_t>(found - results_.begin() + 1));
}

void ResultMemo::Insert(const Key& key, std::uint16_t result) {
  const std::size_t mask = entries_.size() - 1;
  std::size_t at = Hash(key);
  while (entries_[at].result != 0) {
    if (entries_[at].key == key) return;
    at = (at + 1) & mask;
  }
  entries_[at] = {key, result};
  ++used_;
}

}  // namespace zoneatlas::rights
