#include "atlas/catalog.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/text.hpp"
#include "platform/formats/json_reader.hpp"
#include "platform/resources/resources.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;
namespace {

// Reads one indicator, group or unit; the atlas's texts are in nl, fr and en.
class Reader : public formats::JsonReader {
 public:
  using formats::JsonReader::JsonReader;

  Texts Languages(std::string_view key) {
    auto [nl, fr, en] = JsonReader::Languages(key, true);
    return {std::move(nl), std::move(fr), std::move(en)};
  }
};

constexpr Direction kDirections[] = {Direction::kHigherIsBetter, Direction::kHigherIsWorse, Direction::kNeutral};
constexpr Aggregation kAggregations[] = {Aggregation::kSum, Aggregation::kRatioOfSums,
                                         Aggregation::kPopulationWeightedMean, Aggregation::kNone};

std::optional<Direction> ParseDirection(std::string_view text) {
  for (Direction direction : kDirections) {
    if (DirectionName(direction) == text) return direction;
  }
  return std::nullopt;
}

std::optional<Aggregation> ParseAggregation(std::string_view text) {
  for (Aggregation aggregation : kAggregations) {
    if (AggregationName(aggregation) == text) return aggregation;
  }
  return std::nullopt;
}

std::vector<std::string> Ids(const json::value* value, Reader& reader, std::string_view key) {
  std::vector<std::string> ids;
  if (value == nullptr || !value->is_array() || value->get_array().empty()) {
    reader.Problem(key, "needs a list of count indicators");
    return ids;
  }
  for (const json::value& id : value->get_array()) {
    if (id.is_string()) ids.emplace_back(id.get_string());
  }
  return ids;
}

}  // namespace

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kCount:
      return "count";
    case Kind::kRate:
      return "rate";
    case Kind::kDerived:
      break;
  }
  return "derived";
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kHigherIsBetter:
      return "higher_is_better";
    case Direction::kHigherIsWorse:
      return "higher_is_worse";
    case Direction::kNeutral:
      break;
  }
  return "neutral";
}

std::string_view AggregationName(Aggregation aggregation) {
  switch (aggregation) {
    case Aggregation::kSum:
      return "sum";
    case Aggregation::kRatioOfSums:
      return "ratio_of_sums";
    case Aggregation::kPopulationWeightedMean:
      return "population_weighted_mean";
    case Aggregation::kNone:
      break;
  }
  return "none";
}

Result<Catalog> Catalog::Parse(std::string_view text) {
  json::error_code ec;
  const json::value document = json::parse(text, ec);
  if (ec || !document.is_object()) return Fail(Error::InvalidArgument("the catalog is not a JSON object"));
  std::vector<std::string> problems;
  Catalog catalog;
  const json::value* groups = document.get_object().if_contains("groups");
  const json::value* indicators = document.get_object().if_contains("indicators");
  if (groups == nullptr || !groups->is_array() || indicators == nullptr || !indicators->is_array()) {
    return Fail(Error::InvalidArgument("the catalog needs \"groups\" and \"indicators\" lists"));
  }
  std::set<std::string> group_ids;
  for (const json::value& value : groups->get_array()) {
    if (!value.is_object()) continue;
    Reader reader(value.get_object(), "group", problems);
    Group group{reader.Text("id"), reader.Languages("names")};
    group_ids.insert(group.id);
    catalog.groups_.push_back(std::move(group));
  }
  if (const json::value* units = document.get_object().if_contains("units"); units && units->is_object()) {
    for (const auto& [key, names] : units->get_object()) {
      if (!names.is_object()) {
        problems.push_back("unit " + std::string(key) + ": needs nl, fr and en");
        continue;
      }
      Reader reader(names.get_object(), "unit " + std::string(key), problems);
      catalog.units_.push_back({std::string(key), {reader.Text("nl"), reader.Text("fr"), reader.Text("en")}});
    }
  } else {
    problems.push_back("the catalog needs a \"units\" object");
  }
  std::set<std::string> seen;
  for (const json::value& value : indicators->get_array()) {
    if (!value.is_object()) {
      problems.push_back("an indicator is not an object");
      continue;
    }
    const json::value* id_value = value.get_object().if_contains("id");
    const std::string id = id_value && id_value->is_string() ? std::string(id_value->get_string()) : "?";
    Reader reader(value.get_object(), "indicator " + id, problems);
    Indicator indicator;
    indicator.id = reader.Text("id");
    if (!seen.insert(indicator.id).second) reader.Problem("id", "appears twice");
    indicator.group = reader.Text("group");
    if (!indicator.group.empty() && !group_ids.contains(indicator.group)) reader.Problem("group", "is not a group");
    const std::string kind = reader.Text("kind");
    if (kind == "count") {
      indicator.kind = Kind::kCount;
      indicator.decimals = 0;
    } else if (kind == "rate") {
      indicator.kind = Kind::kRate;
    } else if (kind == "derived") {
      indicator.kind = Kind::kDerived;
    } else {
      reader.Problem("kind", "is not count, rate or derived");
    }
    indicator.names = reader.Languages("names");
    indicator.definitions = reader.Languages("definitions");
    indicator.unit = reader.Text("unit");
    if (!indicator.unit.empty() && catalog.FindUnit(indicator.unit) == nullptr)
      reader.Problem("unit", "is not in the catalog's units");
    indicator.source = reader.Text("source");
    indicator.source_url = reader.Text("source_url", false);
    indicator.note = reader.Text("note", false);
    indicator.subgroup_of = reader.Text("subgroup_of", false);
    if (!indicator.subgroup_of.empty()) indicator.subgroup = reader.Languages("subgroup");
    if (const json::value* aliases = reader.object().if_contains("aliases"); aliases && aliases->is_array()) {
      for (const json::value& alias : aliases->get_array()) {
        if (alias.is_string()) indicator.aliases.emplace_back(alias.get_string());
      }
    }
    if (const json::value* regions = reader.object().if_contains("regions")) {
      indicator.regions.clear();
      if (regions->is_array()) {
        for (const json::value& region : regions->get_array()) {
          const auto parsed = region.is_string() ? geo::ParseRegion(region.get_string()) : std::nullopt;
          if (parsed) {
            indicator.regions.push_back(*parsed);
          } else {
            reader.Problem("regions", "lists something other than flanders, brussels or wallonia");
          }
        }
      }
      if (indicator.regions.empty()) reader.Problem("regions", "needs a list of the regions the source covers");
    }
    if (const auto direction = ParseDirection(reader.Text("direction"))) {
      indicator.direction = *direction;
    } else {
      reader.Problem("direction", "is not higher_is_better, higher_is_worse or neutral");
    }
    if (const auto aggregation = ParseAggregation(reader.Text("aggregation"))) {
      indicator.aggregation = *aggregation;
    } else {
      reader.Problem("aggregation", "is not sum, ratio_of_sums, population_weighted_mean or none");
    }
    if (const json::value* threshold = reader.object().if_contains("small_count_threshold")) {
      if (threshold->is_int64() && threshold->get_int64() >= 0) {
        indicator.small_count_threshold = static_cast<int>(threshold->get_int64());
      } else {
        reader.Problem("small_count_threshold", "is not a whole number");
      }
    }
    if (const json::value* decimals = reader.object().if_contains("decimals")) {
      if (decimals->is_int64() && decimals->get_int64() >= 0 && decimals->get_int64() <= 4) {
        indicator.decimals = static_cast<int>(decimals->get_int64());
      } else {
        reader.Problem("decimals", "is not a whole number from 0 to 4");
      }
    }
    // A share of people takes Wilson's interval unless the catalog says otherwise (a rate of
    // events takes Poisson's; a ratio of supply to people takes none).
    if (indicator.kind != Kind::kCount && (indicator.unit == "percent" || indicator.unit == "pct_of_65plus")) {
      indicator.interval = IntervalMethod::kWilson;
    }
    if (const json::value* interval = reader.object().if_contains("interval")) {
      const std::string_view method = interval->is_string() ? std::string_view(interval->get_string()) : "";
      if (method == "wilson") {
        indicator.interval = IntervalMethod::kWilson;
      } else if (method == "poisson") {
        indicator.interval = IntervalMethod::kPoisson;
      } else if (method == "none") {
        indicator.interval = IntervalMethod::kNone;
      } else {
        reader.Problem("interval", "is not wilson, poisson or none");
      }
    }
    if (const json::value* scale = reader.object().if_contains("scale")) {
      if (scale->is_number() && scale->to_number<double>() > 0) {
        indicator.scale = scale->to_number<double>();
      } else {
        reader.Problem("scale", "is not a positive number");
      }
    }
    if (const json::value* formula = reader.object().if_contains("formula"); formula && formula->is_object()) {
      Reader inner(formula->get_object(), "indicator " + id + ": formula", problems);
      Formula parsed;
      parsed.numerator = Ids(formula->get_object().if_contains("numerator"), inner, "numerator");
      parsed.denominator = Ids(formula->get_object().if_contains("denominator"), inner, "denominator");
      if (const json::value* scale = formula->get_object().if_contains("scale"); scale && scale->is_number()) {
        indicator.scale = scale->to_number<double>();
      }
      indicator.formula = std::move(parsed);
    }
    if (indicator.kind == Kind::kDerived && !indicator.formula)
      reader.Problem("formula", "a derived indicator needs one");
    if (indicator.kind != Kind::kDerived && indicator.formula)
      reader.Problem("formula", "only a derived indicator has one");
    if (indicator.kind == Kind::kDerived && indicator.aggregation != Aggregation::kRatioOfSums &&
        indicator.aggregation != Aggregation::kNone) {
      reader.Problem("aggregation", "a derived ratio aggregates as ratio_of_sums (never by averaging percentages)");
    }
    if (indicator.kind == Kind::kCount && indicator.aggregation != Aggregation::kSum &&
        indicator.aggregation != Aggregation::kNone) {
      reader.Problem("aggregation", "a count aggregates as sum");
    }
    catalog.indicators_.push_back(std::move(indicator));
  }
  for (std::size_t i = 0; i < catalog.indicators_.size(); ++i) catalog.index_.emplace(catalog.indicators_[i].id, i);
  // Formulas may only use counts, which are what is imported and summed.
  for (const Indicator& indicator : catalog.indicators_) {
    if (!indicator.formula) continue;
    for (const auto* ids : {&indicator.formula->numerator, &indicator.formula->denominator}) {
      for (const std::string& term : *ids) {
        const Indicator* used = catalog.Find(term);
        if (used == nullptr || !IsCount(*used)) {
          problems.push_back("indicator " + indicator.id + ": formula: " + term + " is not a count indicator");
        }
      }
    }
  }
  // A breakdown among a group reads beside its whole: the same unit and direction.
  for (const Indicator& indicator : catalog.indicators_) {
    if (indicator.subgroup_of.empty()) continue;
    const Indicator* whole = catalog.Find(indicator.subgroup_of);
    if (whole == nullptr || !whole->subgroup_of.empty()) {
      problems.push_back("indicator " + indicator.id + ": subgroup_of: " + indicator.subgroup_of +
                         " is not an indicator of the whole population");
    } else if (whole->unit != indicator.unit || whole->direction != indicator.direction) {
      problems.push_back("indicator " + indicator.id + ": subgroup_of: " + indicator.subgroup_of +
                         " has another unit or direction");
    }
  }
  if (!problems.empty()) {
    std::string message;
    for (const std::string& problem : problems) message += problem + "\n";
    return Fail(Error::InvalidArgument(message));
  }
  return catalog;
}

std::vector<const Indicator*> Catalog::SubgroupsOf(std::string_view id) const {
  std::vector<const Indicator*> subgroups;
  for (const Indicator& indicator : indicators_) {
    if (indicator.subgroup_of == id) subgroups.push_back(&indicator);
  }
  return subgroups;
}

Result<Catalog> Catalog::Shipped() {
  const auto text = resources::Find("atlas/indicators.json");
  if (!text) return Fail(Error::Internal("atlas/indicators.json is not embedded"));
  return Parse(*text);
}

const Unit* Catalog::FindUnit(std::string_view id) const {
  for (const Unit& unit : units_) {
    if (unit.id == id) return &unit;
  }
  return nullptr;
}

const Indicator* Catalog::FindByHeader(std::string_view header) const {
  if (const Indicator* exact = Find(header)) return exact;
  const std::string wanted = text::AsciiLower(text::Trim(header));
  for (const Indicator& indicator : indicators_) {
    if (text::AsciiLower(indicator.id) == wanted) return &indicator;
    for (const std::string& alias : indicator.aliases) {
      if (text::AsciiLower(alias) == wanted) return &indicator;
    }
  }
  return nullptr;
}

bool MeasuredIn(const Indicator& indicator, std::string_view area_code) {
  const auto region = geo::RegionOfCode(area_code);
  return !region || std::ranges::find(indicator.regions, *region) != indicator.regions.end();
}

const Indicator* Catalog::Find(std::string_view id) const {
  const auto it = index_.find(id);
  return it == index_.end() ? nullptr : &indicators_[it->second];
}

}  // namespace zoneatlas::atlas
