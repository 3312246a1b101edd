// rights/result_memo.hpp: a right's result remembered by everything it was computed from.
//
// Within one screening run the parameters are fixed, so a right that reads only yes/no
// facts, a whole number or two (an age, a number of children) and the outcomes of other
// rights gives the same result to every household that answers those few questions the
// same way. A batch of a million households holds a few hundred such combinations per
// right; screening each once and looking the rest up makes a batch markedly faster, and
// the results are the very same: the key holds every input, so a lookup never stands in
// for a different household.
//
// Thread safety: not thread-safe, like the Screener that owns it.
#ifndef ZONEATLAS_RIGHTS_RESULT_MEMO_HPP_
#define ZONEATLAS_RIGHTS_RESULT_MEMO_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rights/right_result.hpp"

namespace zoneatlas::rights {

class ResultMemo {
 public:
  // The most rights, and facts that are whole numbers (ages, counts), one remembered
  // right may read.
  static constexpr std::size_t kMaxRightsRead = 3;
  static constexpr std::size_t kMaxNumbers = 2;
  // Beyond this many combinations a right is screened as usual: a million households
  // seldom need that many, and the table stays small (64 KB).
  static constexpr std::size_t kMaxEntries = 1024;

  // What open rights read pass on as missing: per right read, the facts that would
  // settle it while it is possible or unknown (0 otherwise).
  using Missing = std::array<std::uint64_t, kMaxRightsRead>;

  struct Key {
    std::uint64_t known = 0;  // Of the yes/no facts the right reads, the known ones…
    std::uint64_t truth = 0;  // … and of those, the true ones.
    std::array<std::int16_t, kMaxNumbers> numbers{};  // The whole numbers it reads, when known.
    std::uint16_t outcomes = 0;                       // 4 bits per right read: 1 + its Outcome.
    std::uint16_t missing = 0;                        // MissingId of what the open ones miss.
    // By hand: the defaulted one calls memcmp, a third of a lookup.
    bool operator==(const Key& other) const {
      return known == other.known && truth == other.truth && numbers[0] == other.numbers[0] &&
             numbers[1] == other.numbers[1] && outcomes == other.outcomes && missing == other.missing;
    }
  };

  // A number for `missing` to put in a key, the same each time; 0 when nothing is
  // missing. Returns kTooManyMissing when the memo holds too many already.
  std::uint16_t MissingId(const Missing& missing);
  static constexpr std::uint16_t kTooManyMissing = 0xFFFF;

  // The result remembered for `key`, or nullptr.
  const RightResult* Find(const Key& key) const;
  // Starts loading where Find(key) will look: a batch knows most keys of a household
  // before it needs the first, and the loads then overlap instead of queueing.
  void Prefetch(const Key& key) const {
    if (!entries_.empty()) __builtin_prefetch(&entries_[Hash(key)]);
  }
  // Remembers `result` for `key` (nothing once kMaxEntries are held).
  void Remember(const Key& key, const RightResult& result);
  std::size_t size() const { return used_; }

 private:
  // Half a cache line: a batch looks up dozens of rights per household, and the lines
  // it waits for are most of the cost.
  struct Entry {
    Key key;
    std::uint16_t result = 0;  // In results_, plus one; 0 for a free entry.
  };
  static_assert(sizeof(Key) == 24);
  // Fibonacci hashing: one multiply, the table's position in the high bits.
  std::size_t Hash(const Key& key) const {
    const std::uint64_t mixed =
        key.known ^ (key.truth * 0x9E3779B97F4A7C15ULL) ^
        (static_cast<std::uint64_t>(static_cast<std::uint16_t>(key.numbers[0])) |
         static_cast<std::uint64_t>(static_cast<std::uint16_t>(key.numbers[1])) << 16 |
         static_cast<std::uint64_t>(key.outcomes) << 32 | static_cast<std::uint64_t>(key.missing) << 48);
    return static_cast<std::size_t>((mixed * 0xBF58476D1CE4E5B9ULL) >> shift_);
  }
  void Insert(const Key& key, std::uint16_t result);

  std::vector<Entry> entries_;  // Open addressing; a power of two long, at most half full.
  int shift_ = 64;              // 64 - log2 of entries_.size().
  std::size_t used_ = 0;
  // The distinct results: a right has a few dozen, however many combinations lead to them.
  std::vector<RightResult> results_;
  std::vector<Missing> missing_;  // MissingId i is missing_[i - 1].
};

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_RESULT_MEMO_HPP_
