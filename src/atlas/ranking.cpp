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

// Within one indicator and period: an area's own figure, or else its parts' added up,
// each area's sum computed once however many wholes it is a part of.
class RankingCache::Summer {
 public:
  Summer(const Indicator& indicator, const Slice& slice, const Geography& geography)
      : indicator_(indicator), slice_(slice), geography_(geography) {}

  const Observation* Of(const std::string& code, int depth = 0) {
    if (const auto it = slice_.by_area.find(code); it != slice_.by_area.end()) return &it->second;
    // Compositions are one level and the administrative levels five: deeper is a loop.
    if (depth > 6 || !CanRollUp(indicator_)) return nullptr;
    if (const auto it = summed_.find(code); it != summed_.end()) return it->second ? &*it->second : nullptr;
    const auto parts = geography_.parts_of.find(code);
    // Empty while its parts are summed, so that a loop back here finds no figure; a
    // reference into the map stays valid however it grows.
    std::optional<Observation>& kept = summed_[code];
    if (parts == geography_.parts_of.end()) return nullptr;
    bool demo = false;
    const auto sum = SumOfParts(
        indicator_, parts->second, [&](const std::string& part) { return Of(part, depth + 1); }, demo);
    if (!sum) return nullptr;
    kept = SummedFigure(indicator_.id, code, slice_.period, *sum, demo, static_cast<int>(parts->second.size()));
    return &*kept;
  }

 private:
  const Indicator& indicator_;
  const Slice& slice_;
  const Geography& geography_;
  std::unordered_map<std::string, std::optional<Observation>> summed_;
};

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
  slice->period = period;
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
  auto parts_of = geography.AllParts(today);
  if (!parts_of) return Fail(parts_of.error());
  auto kept = std::make_shared<const Geography>(Geography{std::move(*zones), std::move(*parts_of)});
  std::lock_guard lock(mutex_);
  zones_ = kept;
  zones_generation_ = generation;
  return kept;
}

Result<RankingResult> RankingCache::Rank(const Catalog& catalog, const Store& store, const geo::Store& geography,
                                         const Indicator& indicator, const std::string& period) {
  auto ranked = Ranked(catalog, store, geography, indicator, period);
  if (!ranked) return Fail(ranked.error());
  return **ranked;
}

Result<std::shared_ptr<const RankingResult>> RankingCache::Ranked(const Catalog& catalog, const Store& store,
                                                                  const geo::Store& geography,
                                                                  const Indicator& indicator,
                                                                  const std::string& period) {
  auto atlas_generation = store.Generation();
  if (!atlas_generation) return Fail(atlas_generation.error());
  auto geo_generation = geography.Generation();
  if (!geo_generation) return Fail(geo_generation.error());
  const std::string key = indicator.id + '|' + period;
  {
    std::lock_guard lock(mutex_);
    if (const auto it = rankings_.find(key); it != rankings_.end() && it->second.atlas_generation == *atlas_generation &&
                                             it->second.geo_generation == *geo_generation) {
      return it->second.ranking;
    }
  }
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
  auto kept = std::make_shared<RankingResult>();
  RankingResult& result = *kept;
  result.areas = (*slice)->ranked;
  const Geography& geography_now = **zones;
  result.zones.reserve(geography_now.zones.size());
  Summer summer(indicator, **slice, geography_now);
  std::vector<Part> parts;
  for (const geo::Zone& zone : geography_now.zones) {
    parts.clear();
    bool demo = false;
    for (const geo::ZoneMember& member : zone.members) {
      Part part{.value = std::nullopt, .numerator = std::nullopt, .denominator = std::nullopt, .population = std::nullopt};
      if (const Observation* figure = summer.Of(member.area_code)) {
        part.value = figure->value;
        part.numerator = figure->numerator;
        part.denominator = figure->denominator;
        demo = demo || figure->demo;
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
  const Protection protection = ProtectionOf(indicator, geography_now, summer, result.zones);
  if (!protection.areas.empty()) {
    std::erase_if(result.areas, [&](const RankedArea& area) { return protection.areas.contains(area.area_code); });
    for (std::size_t i = 0; i < result.areas.size(); ++i) result.areas[i].rank = static_cast<int>(i) + 1;
    result.protective.assign(protection.areas.begin(), protection.areas.end());
    std::sort(result.protective.begin(), result.protective.end());
  }
  for (ZoneFigure& zone : result.zones) {
    if (protection.zones.contains(zone.zone_id)) zone.value.suppressed = true;
  }
  std::lock_guard lock(mutex_);
  if (rankings_.size() >= kMaxSlices) rankings_.clear();
  rankings_[key] = {*atlas_generation, *geo_generation, kept};
  return std::shared_ptr<const RankingResult>(kept);
}

RankingCache::Protection RankingCache::ProtectionOf(const Indicator& indicator, const Geography& geography,
                                                    Summer& summer, const std::vector<ZoneFigure>& zones) {
  Protection protection;
  std::vector<Figure> figures;
  std::vector<Figure*> pointers;
  const auto protect = [&](const std::vector<std::string>& codes, Figure& whole) {
    figures.clear();
    for (const std::string& code : codes) figures.push_back(FigureOf(indicator, summer.Of(code)));
    pointers.clear();
    for (Figure& figure : figures) pointers.push_back(&figure);
    const auto hidden = ProtectHidden(indicator, pointers, whole);
    if (hidden) protection.areas.insert(codes[*hidden]);
    return hidden.has_value();
  };
  // Every area made of parts (a municipality of its sectors, a district of its own) when
  // every part has a figure: otherwise its total holds parts nobody knows.
  for (const auto& [code, parts] : geography.parts_of) {
    if (!std::ranges::all_of(parts, [&](const std::string& part) { return summer.Of(part) != nullptr; })) continue;
    Figure whole = FigureOf(indicator, summer.Of(code));
    protect(parts, whole);
    if (whole.protective) protection.areas.insert(code);
  }
  // Every zone of its members: its figure adds up the members that have one.
  std::vector<std::string> members;
  for (std::size_t z = 0; z < geography.zones.size() && z < zones.size(); ++z) {
    members.clear();
    for (const geo::ZoneMember& member : geography.zones[z].members) members.push_back(member.area_code);
    Figure whole{.value = zones[z].value, .demo = zones[z].demo, .present = zones[z].value.value.has_value()};
    protect(members, whole);
    if (whole.protective) protection.zones.insert(zones[z].zone_id);
  }
  return protection;
}

Result<std::vector<std::string>> RankingCache::Protective(const Catalog& catalog, const Store& store,
                                                         const geo::Store& geography, const Indicator& indicator,
                                                         const std::string& period) {
  auto ranked = Ranked(catalog, store, geography, indicator, period);
  if (!ranked) return Fail(ranked.error());
  return (*ranked)->protective;
}

Result<std::vector<Observation>> RankingCache::FiguresOf(const Catalog& catalog, const Store& store,
                                                        const geo::Store& geography, const Indicator& indicator,
                                                        const std::string& period,
                                                        const std::vector<std::string>& codes) {
  auto ranked = Ranked(catalog, store, geography, indicator, period);
  if (!ranked) return Fail(ranked.error());
  const std::vector<std::string>& protective = (*ranked)->protective;  // Sorted.
  auto atlas_generation = store.Generation();
  if (!atlas_generation) return Fail(atlas_generation.error());
  auto geo_generation = geography.Generation();
  if (!geo_generation) return Fail(geo_generation.error());
  auto slice = SliceOf(store, indicator, period, *atlas_generation);
  if (!slice) return Fail(slice.error());
  auto zones = ZonesOf(geography, *geo_generation);
  if (!zones) return Fail(zones.error());
  Summer summer(indicator, **slice, **zones);
  std::vector<Observation> figures;
  for (const std::string& code : codes) {
    if (std::binary_search(protective.begin(), protective.end(), code)) continue;
    if (const Observation* figure = summer.Of(code)) figures.push_back(*figure);
  }
  return figures;
}

}  // namespace zoneatlas::atlas
