// The rights catalog and its rule language, as an editor's rule proposal changes them:
// the whole catalog JSON, its expressions, terms and placeholders, then a screening with
// it. Inputs that start with "expr:" are one rule expression over the facts instead.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/expressions/evaluator.hpp"
#include "rights/catalog.hpp"
#include "rights/facts.hpp"
#include "rights/screen.hpp"

namespace {

using namespace zoneatlas;

void Expression(std::string_view text) {
  static const rights::Catalog shipped = *rights::Catalog::Shipped();
  expressions::Evaluator evaluator(rights::VariableNames(shipped));
  auto compiled = evaluator.Add(text);
  if (!compiled) return;
  for (double& slot : evaluator.slots()) slot = 1;
  (void)evaluator.Evaluate(*compiled);
}

void Catalog(std::string_view json) {
  auto catalog = rights::Catalog::Parse(json);
  if (!catalog) return;
  auto screener = rights::Screener::Create(*catalog, *Date::Parse("2026-06-01"));
  if (!screener) return;
  rights::Household household{"h", {}, 23027, {}};
  household.members.push_back(
      {"a", rights::Role::kApplicant, *Date::FromYmd(1950, 1, 1), 12000, rights::IncomeKind::kPension, 0, {}});
  std::vector<rights::RightResult> results;
  screener->Screen(rights::ComputeFacts(household, *Date::Parse("2026-06-01")), results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("expr:")) {
    Expression(input.substr(5));
  } else {
    Catalog(input);
  }
  return 0;
}
