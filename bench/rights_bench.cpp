// Batch screening speed: the synthetic households of rights_households.hpp against the
// whole rights catalog at one date. Reports household-right evaluations per second on one core
// (issue 6 target: at least 1,000,000).
#include <benchmark/benchmark.h>

#include "bench/rights_households.hpp"
#include "rights/catalog.hpp"
#include "rights/facts.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {
namespace {

void BM_ScreenHouseholds(benchmark::State& state) {
  static const Catalog catalog = *Catalog::Shipped();
  const Date date = *Date::Parse("2024-06-01");
  const auto households = SyntheticHouseholds(static_cast<int>(state.range(0)), date);
  auto screener = Screener::Create(catalog, date);
  std::vector<RightResult> results;
  std::vector<long> code_sums(catalog.rights().size());
  for (auto _ : state) {
    for (const FactValues& facts : households) {
      screener->Screen(facts, results);
      for (std::size_t r = 0; r < results.size(); ++r) code_sums[r] += OutcomeCode(results[r].outcome);
    }
  }
  // The sums of outcome codes per right, to set beside the SQL peer's.
  for (std::size_t r = 0; r < code_sums.size(); ++r) {
    state.counters["sum_" + catalog.rights()[r].id] = static_cast<double>(code_sums[r]);
  }
  const auto evaluations = static_cast<double>(state.iterations()) * static_cast<double>(households.size()) *
                           static_cast<double>(catalog.rights().size());
  state.counters["household_right_evaluations_per_s"] = benchmark::Counter(evaluations, benchmark::Counter::kIsRate);
  state.counters["rights"] = static_cast<double>(catalog.rights().size());
}
BENCHMARK(BM_ScreenHouseholds)->Arg(1'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

// From household to facts: the part of a batch that depends on the input, not the rules.
void BM_ComputeFacts(benchmark::State& state) {
  const Date date = *Date::Parse("2024-06-01");
  Household household{"h", {}, 23027, {}};
  household.members.push_back({"a", Role::kApplicant, *Date::FromYmd(1980, 1, 1), 20000, IncomeKind::kWork, 0, {}});
  household.members.push_back({"b", Role::kPartner, *Date::FromYmd(1982, 1, 1), 15000, IncomeKind::kWork, 0, {}});
  household.members.push_back({"c", Role::kChild, *Date::FromYmd(2015, 1, 1), {}, {}, 0, {}});
  for (auto _ : state) benchmark::DoNotOptimize(ComputeFacts(household, date));
}
BENCHMARK(BM_ComputeFacts);

}  // namespace
}  // namespace zoneatlas::rights

BENCHMARK_MAIN();
