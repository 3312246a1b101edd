#include "rights/result_memo.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "rights/catalog.hpp"
#include "rights/facts.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {

RightResult Result(Outcome outcome, std::uint8_t failing_condition) {
  RightResult result;
  result.outcome = outcome;
  result.findings.push_back({0, failing_condition, ConditionState::kFails});
  return result;
}

TEST(ResultMemoTest, FindsWhatWasRememberedForTheSameKeyOnly) {
  ResultMemo memo;
  ResultMemo::Key tenant{.known = 0b11, .truth = 0b01};
  ResultMemo::Key owner{.known = 0b11, .truth = 0b10};
  EXPECT_EQ(memo.Find(tenant), nullptr);
  memo.Remember(tenant, Result(Outcome::kLikely, 0));
  memo.Remember(owner, Result(Outcome::kUnlikely, 1));
  ASSERT_NE(memo.Find(tenant), nullptr);
  EXPECT_EQ(memo.Find(tenant)->outcome, Outcome::kLikely);
  EXPECT_EQ(memo.Find(owner)->findings.front().condition, 1);
  ResultMemo::Key aged_70 = tenant, aged_71 = tenant;
  aged_70.numbers[0] = 70;
  aged_71.numbers[0] = 71;
  memo.Remember(aged_70, Result(Outcome::kPossible, 2));
  EXPECT_EQ(memo.Find(aged_71), nullptr);
  EXPECT_EQ(memo.Find(aged_70)->outcome, Outcome::kPossible);
}

TEST(ResultMemoTest, NamesWhatOpenRightsMissTheSameWayEachTime) {
  ResultMemo memo;
  EXPECT_EQ(memo.MissingId({}), 0);
  const std::uint16_t income = memo.MissingId({0b100, 0, 0});
  const std::uint16_t statuses = memo.MissingId({0, 0b100, 0});
  EXPECT_NE(income, 0);
  EXPECT_NE(income, statuses);
  EXPECT_EQ(memo.MissingId({0b100, 0, 0}), income);
}

TEST(ResultMemoTest, StopsRememberingWhenFullAndStillFindsWhatItHolds) {
  ResultMemo memo;
  for (std::uint64_t i = 0; i < ResultMemo::kMaxEntries + 100; ++i) {
    memo.Remember({.known = i, .truth = 0}, Result(i % 2 == 0 ? Outcome::kLikely : Outcome::kUnlikely, 0));
  }
  EXPECT_EQ(memo.size(), ResultMemo::kMaxEntries);
  EXPECT_EQ(memo.Find({.known = 7, .truth = 0})->outcome, Outcome::kUnlikely);
  EXPECT_EQ(memo.Find({.known = ResultMemo::kMaxEntries + 50, .truth = 0}), nullptr);
}

// Households of every kind, with gaps: unknown incomes, statuses and birth dates, so that
// rights read by others are often open and yes/no facts are tried both ways.
std::vector<Household> VariedHouseholds(int count) {
  std::mt19937 random(2026);
  std::uniform_int_distribution<int> members(1, 5), status(0, static_cast<int>(SocialStatus::kCount) * 2 - 1),
      kind(0, 7), year(1935, 2005), gap(0, 9), municipality(0, 3);
  std::uniform_real_distribution<double> income(0, 60000);
  constexpr int kMunicipalities[] = {23027, 21004, 23002, 25005};
  std::vector<Household> households;
  for (int h = 0; h < count; ++h) {
    Household household{"h", {}, kMunicipalities[municipality(random)], {}};
    const int size = members(random);
    for (int m = 0; m < size; ++m) {
      Person person{"p", m == 0 ? Role::kApplicant : m == 1 && size > 2 ? Role::kPartner : Role::kChild,
                    *Date::FromYmd(m < 2 ? year(random) : 2010 + m, 1 + h % 12, 1), income(random) / (m + 1),
                    kind(random) < 7 ? std::optional(IncomeKind(kind(random) % 7)) : std::nullopt, StatusSet{0},
                    {}};
      if (const int s = status(random); s < static_cast<int>(SocialStatus::kCount)) {
        *person.statuses |= StatusSet{1} << s;
      }
      if (gap(random) == 0) person.statuses.reset();
      if (gap(random) == 0) person.gross_taxable_income.reset();
      if (gap(random) == 0) person.birth_date.reset();
      if (gap(random) == 0) person.current_monthly_income = income(random) / 24;
      household.members.push_back(person);
    }
    households.push_back(household);
  }
  return households;
}

bool Same(const RightResult& a, const RightResult& b) {
  return a.outcome == b.outcome && a.missing_facts == b.missing_facts && a.missing_figures == b.missing_figures &&
         a.findings == b.findings;
}

// A remembered result stands in for screening only when screening would give the very same:
// a batch screened in one order, in the other, and each household on its own agree.
TEST(ResultMemoTest, ABatchGivesEachHouseholdWhatScreeningItAloneGives) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value());
  for (const char* day : {"2024-06-01", "2026-12-07"}) {
    const Date date = *Date::Parse(day);
    const std::vector<Household> households = VariedHouseholds(3000);
    auto forward = Screener::Create(*catalog, date), backward = Screener::Create(*catalog, date);
    ASSERT_TRUE(forward.has_value() && backward.has_value());
    std::vector<std::vector<RightResult>> in_order(households.size());
    for (std::size_t h = 0; h < households.size(); ++h) forward->Screen(ComputeFacts(households[h], date), in_order[h]);
    std::vector<RightResult> results;
    for (std::size_t h = households.size(); h-- > 0;) {
      backward->Screen(ComputeFacts(households[h], date), results);
      for (std::size_t r = 0; r < results.size(); ++r) {
        ASSERT_TRUE(Same(results[r], in_order[h][r])) << catalog->rights()[r].id << ", household " << h << ", " << day;
      }
    }
    for (std::size_t h = 0; h < households.size(); h += 100) {
      auto alone = Screener::Create(*catalog, date);
      alone->Screen(ComputeFacts(households[h], date), results);
      for (std::size_t r = 0; r < results.size(); ++r) {
        ASSERT_TRUE(Same(results[r], in_order[h][r])) << catalog->rights()[r].id << ", household " << h << ", " << day;
      }
    }
  }
}

}  // namespace
}  // namespace zoneatlas::rights
