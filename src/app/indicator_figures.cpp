#include "app/indicator_figures.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "atlas/compare.hpp"
#include "atlas/presentation.hpp"
#include "atlas/zone_data.hpp"
#include "web/site.hpp"

namespace zoneatlas::app {
namespace {

// The year a period starts in: 2024 for "2024" and for the school year "2024-2025".
int YearOf(const std::string& period) {
  int year = 0;
  std::from_chars(period.data(), period.data() + std::min<std::size_t>(period.size(), 4), year);
  return year;
}

atlas::Figure At(const atlas::Series& series, const std::string& period) {
  const auto found = series.find(period);
  return found == series.end() ? atlas::Figure{} : found->second;
}

// "+4,5, favourable": the change from `before` to `after` in the indicator's own decimals.
std::string Change(const atlas::Presentation& words, const atlas::Indicator& indicator, const atlas::Figure& before,
                   const atlas::Figure& after) {
  if (!before.Shown() || !after.Shown()) return "";
  const double difference = *after.Shown() - *before.Shown();
  const std::string written = words.Number(indicator, std::abs(difference));
  if (written == words.Number(indicator, 0)) return "=";
  const atlas::Judgement judgement =
      atlas::JudgementOf(indicator, difference > 0 ? atlas::Standing::kAbove : atlas::Standing::kBelow);
  std::string text = (difference > 0 ? "+" : "−") + written;
  if (judgement == atlas::Judgement::kFavourable)
    text += words.texts().Get(words.language(), "atlas_marker_favourable");
  if (judgement == atlas::Judgement::kUnfavourable) {
    text += words.texts().Get(words.language(), "atlas_marker_unfavourable");
  }
  return text;
}

struct Loaded {
  atlas::ZoneData data;
  atlas::Comparison comparison;
};

// The zone's figures of `indicator` (and of `also`, read along), compared; nothing when the
// zone or the figures are not there.
Result<std::optional<Loaded>> Load(const atlas::Services& atlas, const atlas::Indicator& indicator,
                                   const std::string& zone_id, Language language,
                                   const std::vector<const atlas::Indicator*>& also = {}) {
  std::vector<std::string> wanted{indicator.id};
  for (const atlas::Indicator* other : also) wanted.push_back(other->id);
  auto data = atlas::LoadZone(atlas, zone_id, language, wanted);
  if (!data) {
    if (data.error().Is(ErrorCode::kNotFound)) return std::optional<Loaded>();
    return Fail(data.error());
  }
  const atlas::ObservationIndex index(data->observations);
  atlas::Comparison comparison = atlas::Compare(indicator, index, data->Scope());
  if (comparison.periods.empty()) return std::optional<Loaded>();
  return std::optional<Loaded>(Loaded{std::move(*data), std::move(comparison)});
}

web::FigureTable TableOf(const atlas::Presentation& words, const atlas::Indicator& indicator,
                         const atlas::ZoneData& data, Language language) {
  web::FigureTable table;
  table.indicator = indicator.names.In(language);
  table.unit = words.UnitName(indicator);
  table.href = web::Href(language, "/zones/" + data.zone.id + "/atlas/" + indicator.id);
  return table;
}

// The zone's and the region's rows, after the municipalities'.
void AddReferenceRows(web::FigureTable& table, const atlas::Presentation& words, const atlas::Indicator& indicator,
                      const Loaded& loaded, const std::vector<std::string>& periods, Language language, bool change) {
  const auto row = [&](const std::string& place, const atlas::Series& series) {
    web::FigureRow added{.area_code = "", .place = place, .cells = {}, .remark = ""};
    for (const std::string& period : periods) {
      added.cells.push_back(words.Cell(indicator, At(series, period)));
      table.demo = table.demo || At(series, period).demo;
    }
    if (change && periods.size() == 2) {
      added.remark = Change(words, indicator, At(series, periods[0]), At(series, periods[1]));
    }
    table.rows.push_back(std::move(added));
  };
  row(loaded.data.zone.names.In(language), loaded.comparison.zone);
  if (loaded.data.region) row(loaded.data.region->names.In(language), loaded.comparison.region);
}

}  // namespace

Result<std::optional<web::FigureTable>> BeforeAndAfter(const atlas::Services& atlas, const view::Catalog& texts,
                                                       const initiatives::Initiative& initiative, Language language) {
  const atlas::Indicator* indicator = atlas.catalog.Find(initiative.outcome_indicator);
  if (indicator == nullptr) return std::optional<web::FigureTable>();
  auto loaded = Load(atlas, *indicator, initiative.zone_id, language);
  if (!loaded) return Fail(loaded.error());
  if (!*loaded) return std::optional<web::FigureTable>();
  const atlas::Comparison& comparison = (*loaded)->comparison;
  const int start = initiative.from.year();
  std::vector<std::string> periods;
  for (auto period = comparison.periods.rbegin(); period != comparison.periods.rend(); ++period) {
    if (YearOf(*period) < start) {
      periods.push_back(*period);
      break;
    }
  }
  if (periods.empty()) return std::optional<web::FigureTable>();
  if (YearOf(comparison.periods.back()) >= start) periods.push_back(comparison.periods.back());
  const atlas::Presentation words(atlas.catalog, texts, language);
  web::FigureTable table = TableOf(words, *indicator, (*loaded)->data, language);
  table.periods = periods;
  for (const geo::Area& member : (*loaded)->data.members) {
    const bool named = initiative.areas.empty() || std::find(initiative.areas.begin(), initiative.areas.end(),
                                                             member.code) != initiative.areas.end();
    if (!named) continue;
    const auto series = comparison.members.find(member.code);
    const atlas::Series none;
    const atlas::Series& figures = series == comparison.members.end() ? none : series->second;
    web::FigureRow row{.area_code = member.code, .place = member.names.In(language), .cells = {}, .remark = ""};
    for (const std::string& period : periods) {
      row.cells.push_back(words.Cell(*indicator, At(figures, period)));
      table.demo = table.demo || At(figures, period).demo;
    }
    if (periods.size() == 2) row.remark = Change(words, *indicator, At(figures, periods[0]), At(figures, periods[1]));
    table.rows.push_back(std::move(row));
  }
  AddReferenceRows(table, words, *indicator, **loaded, periods, language, true);
  return std::optional<web::FigureTable>(std::move(table));
}

Result<std::optional<web::FigureTable>> Baseline(const atlas::Services& atlas, const view::Catalog& texts,
                                                 const std::string& indicator_id, const std::string& zone_id,
                                                 Language language) {
  const atlas::Indicator* indicator = atlas.catalog.Find(indicator_id);
  if (indicator == nullptr) return std::optional<web::FigureTable>();
  const std::vector<const atlas::Indicator*> subgroups = atlas.catalog.SubgroupsOf(indicator->id);
  auto loaded = Load(atlas, *indicator, zone_id, language, subgroups);
  if (!loaded) return Fail(loaded.error());
  if (!*loaded) return std::optional<web::FigureTable>();
  const atlas::Comparison& comparison = (*loaded)->comparison;
  const std::string period = comparison.Latest();
  const atlas::Presentation words(atlas.catalog, texts, language);
  web::FigureTable table = TableOf(words, *indicator, (*loaded)->data, language);
  table.periods = {period};
  // The same measure among a group, where the atlas has it: uptake is often lower there.
  const atlas::ObservationIndex index((*loaded)->data.observations);
  std::vector<atlas::Comparison> among;
  for (const atlas::Indicator* subgroup : subgroups) {
    atlas::Comparison figures = atlas::Compare(*subgroup, index, (*loaded)->data.Scope());
    if (figures.periods.empty()) continue;
    table.subgroups.push_back(subgroup->subgroup.In(language));
    among.push_back(std::move(figures));
  }
  const auto subgroup_cells = [&](web::FigureRow& row, const auto& series_of) {
    for (const atlas::Comparison& figures : among) {
      const atlas::Figure figure = At(series_of(figures), period);
      row.cells.push_back(words.Cell(*figures.indicator, figure));
      table.demo = table.demo || figure.demo;
    }
  };
  const std::optional<double> zone = At(comparison.zone, period).Shown();
  // The least favourable first: where a higher figure is better, the lowest.
  const bool higher_is_worse =
      atlas::JudgementOf(*indicator, atlas::Standing::kAbove) == atlas::Judgement::kUnfavourable;
  std::vector<std::pair<const geo::Area*, atlas::Figure>> members;
  for (const geo::Area& member : (*loaded)->data.members) {
    const auto series = comparison.members.find(member.code);
    members.emplace_back(&member, series == comparison.members.end() ? atlas::Figure{} : At(series->second, period));
  }
  std::stable_sort(members.begin(), members.end(), [&](const auto& a, const auto& b) {
    const std::optional<double> x = a.second.Shown(), y = b.second.Shown();
    if (!x || !y) return x.has_value() && !y.has_value();
    return higher_is_worse ? *x > *y : *x < *y;
  });
  for (const auto& [member, figure] : members) {
    web::FigureRow row{.area_code = member->code,
                       .place = member->names.In(language),
                       .cells = {words.Cell(*indicator, figure)},
                       .remark = ""};
    const atlas::Series none;
    subgroup_cells(row, [&](const atlas::Comparison& figures) -> const atlas::Series& {
      const auto found = figures.members.find(member->code);
      return found == figures.members.end() ? none : found->second;
    });
    table.demo = table.demo || figure.demo;
    if (figure.Shown() && zone && !atlas::IsCount(*indicator)) {
      const atlas::Standing standing = atlas::StandingOf(*indicator, figure, *zone);
      row.remark = standing == atlas::Standing::kSimilar
                       ? std::string(texts.Get(language, "figures_similar_to_zone"))
                       : words.MarkerText(standing, atlas::JudgementOf(*indicator, standing));
    }
    table.rows.push_back(std::move(row));
  }
  AddReferenceRows(table, words, *indicator, **loaded, table.periods, language, false);
  web::FigureRow& zone_row = table.rows[table.rows.size() - ((*loaded)->data.region ? 2 : 1)];
  subgroup_cells(zone_row, [](const atlas::Comparison& figures) -> const atlas::Series& { return figures.zone; });
  if ((*loaded)->data.region) {
    subgroup_cells(table.rows.back(),
                   [](const atlas::Comparison& figures) -> const atlas::Series& { return figures.region; });
  }
  return std::optional<web::FigureTable>(std::move(table));
}

}  // namespace zoneatlas::app
