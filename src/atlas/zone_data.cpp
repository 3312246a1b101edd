#include "atlas/zone_data.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

#include "core/text.hpp"

namespace zoneatlas::atlas {

ComparisonScope ZoneData::Scope() const {
  ComparisonScope scope{.members = member_codes, .levels = {}, .region = RegionCode(), .predecessors = predecessors};
  for (const geo::Area& level : levels) scope.levels.push_back(level.code);
  return scope;
}

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
    if (!rolled.figures.empty()) {
      data.observations.insert(data.observations.end(), std::make_move_iterator(rolled.figures.begin()),
                               std::make_move_iterator(rolled.figures.end()));
      std::sort(data.observations.begin(), data.observations.end(), [](const Observation& a, const Observation& b) {
        return std::tie(a.indicator_id, a.area_code, a.period) < std::tie(b.indicator_id, b.area_code, b.period);
      });
    }
    data.roll_up_differences = std::move(rolled.differences);
  }
  return data;
}

}  // namespace zoneatlas::atlas
