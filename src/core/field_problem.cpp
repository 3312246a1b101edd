#include "core/field_problem.hpp"

namespace zoneatlas {

std::string Describe(const std::vector<FieldProblem>& problems) {
  std::string text;
  for (const FieldProblem& problem : problems) {
    if (!text.empty()) text += "; ";
    text += problem.field + ": " + problem.message;
  }
  return text;
}

}  // namespace zoneatlas
