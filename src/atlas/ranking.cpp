#include "atlas/ranking.hpp"

#include <algorithm>

#include "atlas/aggregate.hpp"
#include "atlas/compare.hpp"
#include "atlas/roll_up.hpp"

namespace zoneatlas::atlas {
namespace {

// The slices of at most this many indicator-periods are kept; more are simply read again.
constexpr std::size_t kMaxSlices = 256;

}  // namespace

Result<std::shared_ptr<const RankingCache::Slice>> RankingCache::SliceOf(const Store& store, const Indicator& indicator,
                                                                         const std::string& period,
                                                                         std::int64_t generation) {
  const std::string key = indicator.id + '|' + period;
  {
    std::lock_guard lock(mutex_);
    if (const auto it = slices_.find(key); it != slices_.end() && it->second.generation == generation) {
      return it->second.slice;
    }
  }
  auto observations = store.Observations({.indicators = {indicator.id}, .areas = {}, .periods = {period}});
  if (!observations) return Fail(observations.error());
  auto slice = std::make_shared<Slice>();
  slice->by_area.reserve(observations->size());
  slice->ranked.reserve(observations->size());
  for (Observation& observation : *observations) {
    if (const Figure figure = FigureOf(indicator, &observation); figure.Shown()) {
      slice->ranked.push_back(
          {.area_code = observation.area_code, .value = figure.value, .demo = observation.demo, .rank = 0});
    }
    std::string area = observation.area_code;
    slice->by_area.emplace(std::move(area), std::move(observation));
  }
  std::sort(slice->ranked.begin(), slice->ranked.end(), [](const RankedArea& a, const RankedArea& b) {
    return *a.value.value != *b.value.value ? *a.value.value > *b.value.value : a.area_code < b.area_code;
  });
  for (std::size_t i = 0; i < slice->ranked.size(); ++i) slice->ranked[i].rank = static_cast<int>(i) + 1;
  std::lock_guard lock(mutex_);
  if (slices_.size() >= kMaxSlices) slices_.clear();
  slices_[key] = {generation, slice};
  return std::shared_ptr<const Slice>(slice);
}

Result<std::shared_ptr<const RankingCache::Geography>> RankingCache::ZonesOf(const geo::Store& geography,
                                                                             std::int64_t generation) {
  {
    std::lock_guard lock(mutex_);
    if (zones_ && zones_generation_ == generation) return zones_;
  }
  const Date today = Date::Today();
  auto zones = geography.Zones(today);
  if (!zones) return Fail(zones.error());
  std::vector<std::string> members;
  for (const geo::Zone& zone : *zones) {
    for (const geo::ZoneMember& member : zone.members) members.push_back(member.area_code);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  auto parts_of = geography.PartsOf(members, today);
  if (!parts_of) return Fail(parts_of.error());
  auto kept = std::make_shared<const Geography>(Geography{std::move(*zones), std::move(*parts_of)});
  std::lock_guard lock(mutex_);
  zones_ = kept;
  zones_generation_ = generation;
  return kept;
}

Result<RankingResult> RankingCache::Rank(const Catalog& catalog, const Store& store, const geo::Store& geography,
                                         const Indicator& indicator, const std::string& period) {
  auto atlas_generation = store.Generation();
  if (!atlas_generation) return Fail(atlas_generation.error());
  auto geo_generation = geography.Generation();
  if (!geo_generation) return Fail(geo_generation.error());
  auto slice = SliceOf(store, indicator, period, *atlas_generation);
  if (!slice) return Fail(slice.error());
  auto zones = ZonesOf(geography, *geo_generation);
  if (!zones) return Fail(zones.error());
  // Population weights, for the indicators whose zone figure is a weighted mean.
  std::shared_ptr<const Slice> population;
  if (indicator.aggregation == Aggregation::kPopulationWeightedMean) {
    auto found = SliceOf(store, *catalog.Find("pop_total"), period, *atlas_generation);
    if (!found) return Fail(found.error());
    population = *found;
  }
  RankingResult result;
  result.areas = (*slice)->ranked;
  const Geography& geography_now = **zones;
  result.zones.reserve(geography_now.zones.size());
  const auto figure_of = [&slice](const std::string& code) -> const Observation* {
    const auto it = (*slice)->by_area.find(code);
    return it == (*slice)->by_area.end() ? nullptr : &it->second;
  };
  std::vector<Part> parts;
  for (const geo::Zone& zone : geography_now.zones) {
    parts.clear();
    bool demo = false;
    for (const geo::ZoneMember& member : zone.members) {
      Part part{.value = std::nullopt, .numerator = std::nullopt, .denominator = std::nullopt, .population = std::nullopt};
      if (const Observation* figure = figure_of(member.area_code)) {
        part.value = figure->value;
        part.numerator = figure->numerator;
        part.denominator = figure->denominator;
        demo = demo || figure->demo;
      } else if (const auto made_of = geography_now.parts_of.find(member.area_code);
                 made_of != geography_now.parts_of.end()) {
        // A member without a figure of its own, made of parts that have theirs.
        bool parts_demo = false;
        if (const auto sum = SumOfParts(indicator, made_of->second, figure_of, parts_demo)) {
          part.value = sum->value;
          part.numerator = sum->numerator;
          part.denominator = sum->denominator;
          demo = demo || parts_demo;
        }
      }
      if (population) {
        if (const auto it = population->by_area.find(member.area_code); it != population->by_area.end()) {
          part.population = it->second.value;
        }
      }
      parts.push_back(part);
    }
    result.zones.push_back({.zone_id = zone.id, .value = Aggregate(indicator, parts), .demo = demo});
  }
  return result;
}

}  // namespace zoneatlas::atlas
