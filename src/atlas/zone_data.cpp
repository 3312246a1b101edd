#include "atlas/zone_data.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "core/text.hpp"

namespace zoneatlas::atlas {

ComparisonScope ZoneData::Scope() const {
  ComparisonScope scope{.members = member_codes, .levels = {}, .region = RegionCode(), .predecessors = predecessors};
  for (const geo::Area& level : levels) scope.levels.push_back(level.code);
  return scope;
}

namespace {

// Adds `added` to `figures`, keeping them sorted by indicator, area and period.
void AddFigures(std::vector<Observation>& figures, std::vector<Observation> added) {
  if (added.empty()) return;
  figures.insert(figures.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  std::sort(figures.begin(), figures.end(), [](const Observation& a, const Observation& b) {
    return std::tie(a.indicator_id, a.area_code, a.period) < std::tie(b.indicator_id, b.area_code, b.period);
  });
}

// The region and the levels between it and the members (a province, an arrondissement)
// get their parts' figures added up where they have none of their own, for the indicators
// and periods the members have: the ranking's figures in memory, level by level.
Status AddWholesFromParts(const Services& services, ZoneData& data) {
  std::vector<std::string> wholes;
  if (data.region) wholes.push_back(data.region->code);
  for (const geo::Area& level : data.levels) wholes.push_back(level.code);
  if (wholes.empty()) return {};
  const std::set<std::string> members(data.member_codes.begin(), data.member_codes.end());
  std::set<std::pair<std::string, std::string>> wanted;  // Indicator, period.
  std::set<std::tuple<std::string, std::string, std::string>> present;
  for (const Observation& figure : data.observations) {
    if (members.contains(figure.area_code)) wanted.emplace(figure.indicator_id, figure.period);
    present.emplace(figure.indicator_id, figure.area_code, figure.period);
  }
  std::vector<Observation> added;
  for (const auto& [indicator_id, period] : wanted) {
    const Indicator* indicator = services.catalog.Find(indicator_id);
    if (indicator == nullptr || !CanRollUp(*indicator)) continue;
    std::vector<std::string> missing;
    for (const std::string& whole : wholes) {
      if (!present.contains({indicator_id, whole, period})) missing.push_back(whole);
    }
    if (missing.empty()) continue;
    auto figures = services.ranking.FiguresOf(services.catalog, services.store, services.geography, *indicator, period, missing);
    if (!figures) return Fail(figures.error());
    added.insert(added.end(), std::make_move_iterator(figures->begin()), std::make_move_iterator(figures->end()));
  }
  AddFigures(data.observations, std::move(added));
  return {};
}

}  // namespace

Result<ZoneData> LoadZone(const Services& services, const std::string& zone_id, Language language,
                          const std::vector<std::string>& indicators) {
  ZoneData data;
  auto zone = services.geography.FindZone(zone_id, Date::Today());
  if (!zone) return Fail(zone.error());
  data.zone = std::move(*zone);
  std::vector<std::string> codes;
  for (const geo::ZoneMember& member : data.zone.members) codes.push_back(member.area_code);
  auto areas = services.geography.AreasWithCodes(codes, Date::Today());
  if (!areas) return Fail(areas.error());
  data.members = std::move(*areas);
  std::sort(data.members.begin(), data.members.end(), [&](const geo::Area& a, const geo::Area& b) {
    return text::Fold(a.names.In(language)) < text::Fold(b.names.In(language));
  });
  for (const geo::Area& area : data.members) data.member_codes.push_back(area.code);
  std::vector<std::string> wanted = data.member_codes;
  // The areas merged into members, and those merged into them, for their older figures.
  std::vector<std::string> frontier = data.member_codes;
  for (int round = 0; round < 5 && !frontier.empty(); ++round) {
    auto earlier = services.geography.Predecessors(frontier);
    if (!earlier) return Fail(earlier.error());
    frontier.clear();
    for (const geo::Area& area : *earlier) {
      if (!area.validity.to) continue;  // The import requires an end; an old record may lack it.
      auto& list = data.predecessors[*area.successor_code];
      if (std::any_of(list.begin(), list.end(), [&](const Predecessor& p) { return p.code == area.code; })) continue;
      list.push_back({area.code, *area.validity.to});
      data.predecessor_names[area.code] = area.names.In(language);
      frontier.push_back(area.code);
      wanted.push_back(area.code);
    }
  }
  if (data.zone.region_code) {
    if (auto region = services.geography.FindArea(*data.zone.region_code, Date::Today())) {
      data.region = std::move(*region);
      wanted.push_back(data.region->code);
    }
  }
  // The levels between the members and the region that all members share (arrondissement
  // Halle-Vilvoorde, province of Flemish Brabant), nearest first.
  std::optional<std::string> parent;
  bool shared = !data.members.empty();
  for (const geo::Area& area : data.members) {
    if (!area.parent_code || (parent && *parent != *area.parent_code)) shared = false;
    parent = area.parent_code;
  }
  for (int depth = 0; shared && parent && depth < 4; ++depth) {
    if (data.region && *parent == data.region->code) break;
    auto level = services.geography.FindArea(*parent, Date::Today());
    if (!level) break;
    parent = level->parent_code;
    wanted.push_back(level->code);
    data.levels.push_back(std::move(*level));
  }
  auto observations = services.store.Observations({.indicators = indicators, .areas = wanted, .periods = {}});
  if (!observations) return Fail(observations.error());
  data.observations = std::move(*observations);
  // Members made of parts (a part of Brussels-City, a district, a municipality's
  // sectors) get the sum of their parts' figures where they have none of their own.
  auto parts_of = services.geography.PartsOf(data.member_codes, Date::Today());
  if (!parts_of) return Fail(parts_of.error());
  if (!parts_of->empty()) {
    std::vector<std::string> part_codes;
    for (const auto& [area, parts] : *parts_of) part_codes.insert(part_codes.end(), parts.begin(), parts.end());
    auto part_figures = services.store.Observations({.indicators = indicators, .areas = part_codes, .periods = {}});
    if (!part_figures) return Fail(part_figures.error());
    RolledUp rolled = RollUp(services.catalog, *parts_of, *part_figures, data.observations);
    AddFigures(data.observations, std::move(rolled.figures));
    data.roll_up_differences = std::move(rolled.differences);
  }
  if (auto added = AddWholesFromParts(services, data); !added) return Fail(added.error());
  return data;
}

}  // namespace zoneatlas::atlas
