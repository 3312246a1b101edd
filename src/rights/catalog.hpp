// rights/catalog.hpp: the rights and their parameters, shipped as data
// (data/rights/rights.json), checked as a whole when read.
//
// Thread safety: a loaded Catalog is immutable.
#ifndef ZONEATLAS_RIGHTS_CATALOG_HPP_
#define ZONEATLAS_RIGHTS_CATALOG_HPP_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "rights/model.hpp"

namespace zoneatlas::rights {

// A figure added to a parameter after review (rights/figures.hpp), on top of the file.
struct FigureChange {
  std::string parameter_id;
  ParameterValue value;
  Date known_until = Date::FromDaysSinceEpoch(0);  // The parameter's known_until from then on.
};

// A right's definition changed after review (rights/rule_changes.hpp): its whole JSON
// object as in the file — routes, conditions, terms, texts — replacing the file's right
// with the same id, or added when there is none.
struct RightChange {
  std::string right_id;
  std::string definition;
};

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
  // `changes` are reviewed figures, written into their parameters first (a figure with the
  // same `from` replaces the file's) and checked with everything else; `rights` are
  // reviewed definitions, laid over the file's rights in order (later ones win), problems
  // named "right ID: definition: …" when one is not a JSON object of that id.
  static Result<Catalog> Parse(std::string_view json, const std::vector<FigureChange>& changes = {},
                               const std::vector<RightChange>& rights = {});
  // The catalog embedded in the binary, with `changes` and `rights`.
  static Result<Catalog> Shipped(const std::vector<FigureChange>& changes = {},
                                 const std::vector<RightChange>& rights = {});
  // The shipped file's definition of a right, as a JSON object indented for reading;
  // kNotFound when the file has no such right.
  static Result<std::string> ShippedDefinition(std::string_view right_id);

  const std::vector<Right>& rights() const { return rights_; }
  const std::vector<Parameter>& parameters() const { return parameters_; }
  // nullptr when there is none.
  const Right* Find(std::string_view id) const;
  const Parameter* FindParameter(std::string_view id) const;
  // Positions in rights(): every right after the rights its conditions read.
  const std::vector<int>& evaluation_order() const { return order_; }

  // `expression` with the right's terms written out, as the evaluator compiles it;
  // kInvalidArgument when that would be longer than kMaxExpandedLength (terms that use
  // each other many times over grow exponentially) or a term uses itself.
  static constexpr std::size_t kMaxExpandedLength = 64 * 1024;
  static Result<std::string> TryExpandTerms(const Right& right, std::string_view expression);
  // The same for a catalog that passed its checks, where expanding cannot fail.
  static std::string ExpandTerms(const Right& right, std::string_view expression);

 private:
  std::vector<Right> rights_;
  std::vector<Parameter> parameters_;
  std::map<std::string, int, std::less<>> right_index_;
  std::map<std::string, int, std::less<>> parameter_index_;
  std::vector<int> order_;
};

// The catalog in force: the shipped one with the published figures (rights/figures.hpp).
// Replaced whole when a figure is published, and read again from the database every
// minute, so that a figure published by another server of the same database shows too.
// Thread safety: Get, Refresh and Set may be called from any thread.
class CurrentCatalog {
 public:
  using Loader = std::function<Result<Catalog>()>;
  // REQUIRES: `loader` gave `first`.
  CurrentCatalog(Catalog first, Loader loader);

  // The catalog to use for one request or one batch; it stays valid while held.
  std::shared_ptr<const Catalog> Get();
  // Loads the catalog again now; on failure the one in force stays and the error is returned.
  Status Refresh();

 private:
  std::mutex mutex_;
  std::shared_ptr<const Catalog> catalog_;
  Loader loader_;
  std::chrono::steady_clock::time_point loaded_at_;
};

// The names an expression reads (facts, parameters, terms, "right.ID"), in order, with
// repeats: whole words of letters, digits, "_" and ".".
std::vector<std::string> NamesIn(std::string_view expression);

// The names a condition may read: facts, then parameters, then "right.ID" per right,
// in that order (the evaluator's slots).
std::vector<std::string> VariableNames(const Catalog& catalog);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_CATALOG_HPP_
