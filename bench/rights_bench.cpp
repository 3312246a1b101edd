// Batch screening speed: synthetic households (1 to 5 members, incomes 0–80,000 €,
// a third with a status, Flemish and Brussels municipalities) against the whole rights
// catalog at one date. Reports household-right evaluations per second on one core
// (issue 6 target: at least 1,000,000).
#include <benchmark/benchmark.h>

#include <random>

#include "rights/catalog.hpp"
#include "rights/facts.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {

std::vector<FactValues> SyntheticHouseholds(int count, const Date& date) {
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
                    StatusSet{0}};
      if (const int s = status(random); s < static_cast<int>(SocialStatus::kCount)) {
        *person.statuses |= StatusSet{1} << s;
      }
      household.members.push_back(person);
    }
    households.push_back(ComputeFacts(household, date));
  }
  return households;
}

void BM_ScreenHouseholds(benchmark::State& state) {
  static const Catalog catalog = *Catalog::Shipped();
  const Date date = *Date::Parse("2024-06-01");
  const auto households = SyntheticHouseholds(static_cast<int>(state.range(0)), date);
  auto screener = Screener::Create(catalog, date);
  std::vector<RightResult> results;
  for (auto _ : state) {
    for (const FactValues& facts : households) {
      screener->Screen(facts, results);
      benchmark::DoNotOptimize(results.data());
    }
  }
  const auto evaluations = static_cast<double>(state.iterations()) * static_cast<double>(households.size()) *
                           static_cast<double>(catalog.rights().size());
  state.counters["household_right_evaluations_per_s"] = benchmark::Counter(evaluations, benchmark::Counter::kIsRate);
  state.counters["rights"] = static_cast<double>(catalog.rights().size());
}
BENCHMARK(BM_ScreenHouseholds)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

// From household to facts: the part of a batch that depends on the input, not the rules.
void BM_ComputeFacts(benchmark::State& state) {
  const Date date = *Date::Parse("2024-06-01");
  Household household{"h", {}, 23027, {}};
  household.members.push_back({"a", Role::kApplicant, *Date::FromYmd(1980, 1, 1), 20000, IncomeKind::kWork, 0});
  household.members.push_back({"b", Role::kPartner, *Date::FromYmd(1982, 1, 1), 15000, IncomeKind::kWork, 0});
  household.members.push_back({"c", Role::kChild, *Date::FromYmd(2015, 1, 1), {}, {}, 0});
  for (auto _ : state) benchmark::DoNotOptimize(ComputeFacts(household, date));
}
BENCHMARK(BM_ComputeFacts);

}  // namespace
}  // namespace zoneatlas::rights

BENCHMARK_MAIN();
