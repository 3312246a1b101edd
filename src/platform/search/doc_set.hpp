// platform/search/doc_set.hpp: a set of document numbers as one bit per number.
//
// The search keeps the documents of each term it has been asked for as a DocSet, so that
// a query's matches are a few ANDs and ORs over machine words instead of a merge of posting
// lists, and every match can then be counted for the facets. At 100,000 documents a set
// is 12.5 KB whatever it holds.
#ifndef ZONEATLAS_PLATFORM_SEARCH_DOC_SET_HPP_
#define ZONEATLAS_PLATFORM_SEARCH_DOC_SET_HPP_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace zoneatlas::search {

class DocSet {
 public:
  DocSet() = default;
  // An empty set able to hold the numbers 0 … capacity - 1.
  explicit DocSet(std::size_t capacity) : capacity_(capacity), words_((capacity + 63) / 64, 0) {}

  // Numbers beyond the capacity are left out.
  void Add(std::size_t number) {
    if (number < capacity_) words_[number / 64] |= std::uint64_t{1} << (number % 64);
  }
  bool Has(std::size_t number) const {
    return number / 64 < words_.size() && (words_[number / 64] >> (number % 64) & 1) != 0;
  }

  // Both kinds of operands must have been made with the same capacity.
  DocSet& operator&=(const DocSet& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= i < other.words_.size() ? other.words_[i] : 0;
    return *this;
  }
  DocSet& operator|=(const DocSet& other) {
    for (std::size_t i = 0; i < words_.size() && i < other.words_.size(); ++i) words_[i] |= other.words_[i];
    return *this;
  }

  std::size_t Count() const {
    std::size_t count = 0;
    for (const std::uint64_t word : words_) count += static_cast<std::size_t>(std::popcount(word));
    return count;
  }
  std::size_t Bytes() const { return words_.size() * sizeof(std::uint64_t); }

  // Calls visit(number) for every number in the set, smallest first.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      for (std::uint64_t word = words_[i]; word != 0; word &= word - 1) {
        visit(i * 64 + static_cast<std::size_t>(std::countr_zero(word)));
      }
    }
  }

 private:
  std::size_t capacity_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace zoneatlas::search

#endif  // ZONEATLAS_PLATFORM_SEARCH_DOC_SET_HPP_
