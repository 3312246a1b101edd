// atlas/catalog.hpp: the indicator catalog, shipped as data (data/atlas/indicators.json).
//
// Thread safety: a loaded Catalog is immutable.
#ifndef ZONEATLAS_ATLAS_CATALOG_HPP_
#define ZONEATLAS_ATLAS_CATALOG_HPP_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "atlas/model.hpp"
#include "core/error.hpp"

namespace zoneatlas::atlas {

// The names the catalog file, the API and the downloads use: "rate", "higher_is_worse",
// "ratio_of_sums".
std::string_view KindName(Kind kind);
std::string_view DirectionName(Direction direction);
std::string_view AggregationName(Aggregation aggregation);

class Catalog {
 public:
  // Parses and checks a catalog: every indicator has a unique id, a known group, names
  // and definitions in nl, fr and en, a unit of the catalog's units, a source, a known
  // kind (count, rate, derived), direction and aggregation; formulas use only count
  // indicators of the catalog; counts aggregate as sums and derived indicators as
  // ratios of sums. Returns kInvalidArgument listing every
  // problem, one per line, as "indicator ID: field: message".
  static Result<Catalog> Parse(std::string_view json);
  // The catalog embedded in the binary.
  static Result<Catalog> Shipped();

  const std::vector<Group>& groups() const { return groups_; }
  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<Unit>& units() const { return units_; }
  // Returns nullptr when there is no such unit.
  const Unit* FindUnit(std::string_view id) const;
  // Returns nullptr when there is no such indicator.
  const Indicator* Find(std::string_view id) const;
  // The indicators that measure `id` again among a group of people, in catalog order.
  std::vector<const Indicator*> SubgroupsOf(std::string_view id) const;
  // True when values of `indicator` are whole numbers (people, places, dwellings).
  static bool IsWhole(const Indicator& indicator) { return IsCount(indicator) && indicator.decimals == 0; }
  // The indicator a column header names, by id or alias, ignoring case; nullptr if none.
  const Indicator* FindByHeader(std::string_view header) const;

 private:
  std::vector<Group> groups_;
  std::vector<Indicator> indicators_;
  std::vector<Unit> units_;
  std::map<std::string, std::size_t, std::less<>> index_;  // Id → position in indicators_.
};

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_CATALOG_HPP_
