// core/field_problem.hpp: what is wrong with a record as entered, field by field.
//
// Features check a record whole and name each problem by its field ("title",
// "signals[2].theme") with a message in English; pages show their own text per field, import
// reports and errors the message.
//
// Thread safety: plain values and pure functions.
#ifndef ZONEATLAS_CORE_FIELD_PROBLEM_HPP_
#define ZONEATLAS_CORE_FIELD_PROBLEM_HPP_

#include <string>
#include <vector>

namespace zoneatlas {

struct FieldProblem {
  std::string field;
  std::string message;
};

// "field: message; field: message", for errors and reports.
std::string Describe(const std::vector<FieldProblem>& problems);

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_FIELD_PROBLEM_HPP_
