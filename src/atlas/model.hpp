// atlas/model.hpp: indicators and the values the atlas computes from them.
//
// An indicator is a count published per area (inhabitants aged 65+), a rate published
// per area with, when known, its numerator and denominator (diabetes: 812 of 11,400
// insured), or derived from counts by a formula (grey pressure = 100 × pop 65+ /
// pop 20–64). How values of
// several areas combine into a zone's is the indicator's aggregation rule: counts add up;
// ratios are recomputed from summed numerators and denominators, never by averaging the
// areas' percentages.
//
// Thread safety: value types.
#ifndef ZONEATLAS_ATLAS_MODEL_HPP_
#define ZONEATLAS_ATLAS_MODEL_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.hpp"
#include "geo/model.hpp"

namespace zoneatlas::atlas {

enum class Direction { kHigherIsBetter, kHigherIsWorse, kNeutral };
enum class Aggregation { kSum, kRatioOfSums, kPopulationWeightedMean, kNone };
enum class Kind { kCount, kRate, kDerived };
// The 95 % interval a figure takes from its numerator and denominator (atlas/intervals.hpp).
enum class IntervalMethod { kNone, kWilson, kPoisson };

struct Texts {
  std::string nl, fr, en;
  const std::string& In(Language language) const {
    return language == Language::kFr ? fr : language == Language::kEn ? en : nl;
  }
};

// numerator / denominator (× the indicator's scale), each a sum of count indicators.
struct Formula {
  std::vector<std::string> numerator;
  std::vector<std::string> denominator;
};

struct Indicator {
  std::string id;
  std::string group;
  Kind kind = Kind::kCount;
  Texts names;
  Texts definitions;
  std::string unit;  // A code of the catalog's units, e.g. "percent", "per_100_20_64".
  std::string source;
  std::string source_url;
  Direction direction = Direction::kNeutral;
  Aggregation aggregation = Aggregation::kNone;
  int small_count_threshold = 5;
  double scale = 1;  // value = numerator / denominator × scale (rates and derived).
  IntervalMethod interval = IntervalMethod::kNone;  // "interval"; Wilson for a percentage.
  int decimals = 1;  // Shown after the decimal sign.
  std::optional<Formula> formula;
  std::string note;
  std::vector<std::string> aliases;  // Column headers that mean this indicator ("inwoners").
  // The indicator this one measures again among a group of people (screening participation
  // among people with verhoogde tegemoetkoming, of all screening participation); empty when
  // it is no such breakdown. Same unit and direction.
  std::string subgroup_of;
  Texts subgroup;  // Of a breakdown: the group in a few words ("with verhoogde tegemoetkoming").
  // Where its source measures it; a producer of one region (Statistiek Vlaanderen,
  // Opgroeien) has no figure for the others, and the atlas says so instead of a blank.
  std::vector<geo::Region> regions = {geo::Region::kFlanders, geo::Region::kBrussels, geo::Region::kWallonia};
};

inline bool IsCount(const Indicator& indicator) { return indicator.kind == Kind::kCount; }

// False when the area lies in a region the indicator's source does not cover; true when
// it does, or when its code does not tell the region.
bool MeasuredIn(const Indicator& indicator, std::string_view area_code);

struct Unit {
  std::string id;
  Texts names;
};

struct Group {
  std::string id;
  Texts names;
};

// One area's contribution to an aggregate.
struct Part {
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> population;  // For population-weighted means.
};

// A value as the atlas shows it. A suppressed value exists but must not be shown,
// because it rests on fewer people than the indicator's threshold.
struct Value {
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  bool suppressed = false;
  bool incomplete = false;  // Some parts had no value; the aggregate covers the others only.
};

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_MODEL_HPP_
