// rights/catalog.hpp: the rights and their parameters, shipped as data
// (data/rights/rights.json), checked as a whole when read.
//
// Thread safety: a loaded Catalog is immutable.
#ifndef ZONEATLAS_RIGHTS_CATALOG_HPP_
#define ZONEATLAS_RIGHTS_CATALOG_HPP_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "rights/model.hpp"

namespace zoneatlas::rights {

class Catalog {
 public:
  // Parses and checks a catalog: every right has a snake_case id of its own, names,
  // explanation, competent body and how to apply in nl and fr, a known level, effect and
  // automatic, sources and at least one route of conditions; every test compiles and
  // names only known facts, parameters, terms and rights (without cycles); every
  // {placeholder} in a reason names one of those; every parameter has figures in date
  // order, each with a source and a reliability, and a known_until not before its last
  // figure. Returns kInvalidArgument listing every problem, one per line, as
  // "right ID: field: message" or "parameter ID: field: message".
  static Result<Catalog> Parse(std::string_view json);
  // The catalog embedded in the binary.
  static Result<Catalog> Shipped();

  const std::vector<Right>& rights() const { return rights_; }
  const std::vector<Parameter>& parameters() const { return parameters_; }
  // nullptr when there is none.
  const Right* Find(std::string_view id) const;
  const Parameter* FindParameter(std::string_view id) const;
  // Positions in rights(): every right after the rights its conditions read.
  const std::vector<int>& evaluation_order() const { return order_; }

  // `expression` with the right's terms written out, as the evaluator compiles it.
  static std::string ExpandTerms(const Right& right, std::string_view expression);

 private:
  std::vector<Right> rights_;
  std::vector<Parameter> parameters_;
  std::map<std::string, int, std::less<>> right_index_;
  std::map<std::string, int, std::less<>> parameter_index_;
  std::vector<int> order_;
};

// The names a condition may read: facts, then parameters, then "right.ID" per right,
// in that order (the evaluator's slots).
std::vector<std::string> VariableNames(const Catalog& catalog);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_CATALOG_HPP_
