#include "platform/search/doc_set.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace zoneatlas::search {
namespace {

std::vector<std::size_t> Members(const DocSet& set) {
  std::vector<std::size_t> members;
  set.ForEach([&](std::size_t number) { members.push_back(number); });
  return members;
}

DocSet Of(std::size_t capacity, const std::vector<std::size_t>& numbers) {
  DocSet set(capacity);
  for (const std::size_t number : numbers) set.Add(number);
  return set;
}

TEST(DocSetTest, HoldsNumbersAcrossWordBoundariesInOrder) {
  const DocSet set = Of(200, {199, 0, 63, 64, 128, 63});
  EXPECT_EQ(Members(set), (std::vector<std::size_t>{0, 63, 64, 128, 199}));
  EXPECT_EQ(set.Count(), 5u);
  EXPECT_TRUE(set.Has(64));
  EXPECT_FALSE(set.Has(65));
  EXPECT_FALSE(set.Has(5000)) << "beyond the capacity is never a member";
}

TEST(DocSetTest, AndAndOrCombineSets) {
  DocSet both = Of(130, {1, 2, 70, 129});
  both &= Of(130, {2, 3, 129});
  EXPECT_EQ(Members(both), (std::vector<std::size_t>{2, 129}));
  DocSet either = Of(130, {1, 70});
  either |= Of(130, {3, 70, 129});
  EXPECT_EQ(Members(either), (std::vector<std::size_t>{1, 3, 70, 129}));
}

TEST(DocSetTest, NumbersBeyondTheCapacityAreIgnored) {
  DocSet set(10);
  set.Add(10);
  set.Add(1000);
  EXPECT_EQ(set.Count(), 0u);
  DocSet empty;
  EXPECT_EQ(Members(empty), std::vector<std::size_t>{});
}

}  // namespace
}  // namespace zoneatlas::search
