#include "platform/expressions/evaluator.hpp"

#include <muParser.h>

#include <algorithm>
#include <limits>
#include <map>

namespace zoneatlas::expressions {

struct Evaluator::State {
  std::vector<std::string> variables;
  // Fixed for the evaluator's life: each parser holds pointers into it.
  std::unique_ptr<double[]> slots;
  std::map<std::string, int, std::less<>> slot_of;
  std::vector<std::unique_ptr<mu::Parser>> parsers;
  std::vector<std::vector<int>> reads;
  std::vector<bool> fixed;
};

Evaluator::Evaluator(std::vector<std::string> variables) : state_(std::make_unique<State>()) {
  state_->slots = std::make_unique<double[]>(variables.size());
  for (std::size_t i = 0; i < variables.size(); ++i) state_->slot_of.emplace(variables[i], static_cast<int>(i));
  state_->fixed.assign(variables.size(), false);
  state_->variables = std::move(variables);
}

Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;

Result<int> Evaluator::Add(std::string_view text) {
  auto parser = std::make_unique<mu::Parser>();
  try {
    parser->DefineNameChars("0123456789_.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    for (std::size_t i = 0; i < state_->variables.size(); ++i) {
      if (state_->fixed[i]) {
        parser->DefineConst(state_->variables[i], state_->slots[i]);
      } else {
        parser->DefineVar(state_->variables[i], &state_->slots[i]);
      }
    }
    parser->SetExpr(std::string(text));
    // Compiles now, so that errors surface here and not in the first Evaluate.
    std::vector<int> reads;
    for (const auto& [name, unused] : parser->GetUsedVar()) reads.push_back(state_->slot_of.find(name)->second);
    std::ranges::sort(reads);
    parser->Eval();
    state_->parsers.push_back(std::move(parser));
    state_->reads.push_back(std::move(reads));
  } catch (const mu::Parser::exception_type& error) {
    return Fail(Error::InvalidArgument(error.GetMsg()));
  }
  return static_cast<int>(state_->parsers.size()) - 1;
}

int Evaluator::SlotOf(std::string_view name) const {
  const auto found = state_->slot_of.find(name);
  return found == state_->slot_of.end() ? -1 : found->second;
}

void Evaluator::Fix(int slot) { state_->fixed.at(slot) = true; }

std::span<const int> Evaluator::Reads(int expression) const { return state_->reads.at(expression); }

const std::vector<std::string>& Evaluator::variables() const { return state_->variables; }

std::span<double> Evaluator::slots() { return {state_->slots.get(), state_->variables.size()}; }

double Evaluator::Evaluate(int expression) {
  try {
    return state_->parsers[expression]->Eval();
  } catch (const mu::Parser::exception_type&) {
    return std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace zoneatlas::expressions
