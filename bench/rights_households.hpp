// bench/rights_households.hpp: the synthetic households both sides of the rights
// benchmark screen — 1 to 5 members, incomes 0–80,000 €, a third of the members with one
// status, one household in four in Brussels, the rest in Flanders; the same seed, so
// zoneatlas and its PostgreSQL peer see the same people.
#ifndef ZONEATLAS_BENCH_RIGHTS_HOUSEHOLDS_HPP_
#define ZONEATLAS_BENCH_RIGHTS_HOUSEHOLDS_HPP_

#include <random>
#include <vector>

#include "rights/facts.hpp"

namespace zoneatlas::rights {

inline std::vector<FactValues> SyntheticHouseholds(int count, const Date& date) {
  std::mt19937 random(6);
  std::uniform_real_distribution<double> income(0, 80000);
  std::uniform_int_distribution<int> members(1, 5), status(0, static_cast<int>(SocialStatus::kCount) * 3 - 1);
  std::vector<FactValues> households;
  households.reserve(count);
  for (int h = 0; h < count; ++h) {
    Household household{"h", {}, h % 4 == 0 ? 21004 : 23027, {}};
    const int size = members(random);
    for (int m = 0; m < size; ++m) {
      Person person{"p",
                    m == 0               ? Role::kApplicant
                    : m == 1 && size > 2 ? Role::kPartner
                                         : Role::kChild,
                    *Date::FromYmd(m < 2 ? 1940 + h % 60 : 2008 + m, 1 + h % 12, 1),
                    income(random) / (m + 1),
                    m < 2 ? IncomeKind(h % 7) : IncomeKind::kNone,
                    StatusSet{0},
                    {}};
      if (const int s = status(random); s < static_cast<int>(SocialStatus::kCount)) {
        *person.statuses |= StatusSet{1} << s;
      }
      // One adult in ten did not give an income: the screening must say it cannot tell.
      if (m < 2 && h % 10 == 3) person.gross_taxable_income.reset();
      household.members.push_back(person);
    }
    households.push_back(ComputeFacts(household, date));
  }
  return households;
}

// An outcome as a number that orders them: unlikely 0, unknown 1, possible 2, likely 3
// (the SQL peer computes the same codes).
inline int OutcomeCode(Outcome outcome) {
  return outcome == Outcome::kLikely ? 3 : outcome == Outcome::kPossible ? 2 : outcome == Outcome::kUnknown ? 1 : 0;
}

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_BENCH_RIGHTS_HOUSEHOLDS_HPP_
