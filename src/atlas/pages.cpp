// The atlas's pages and CSV downloads.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "atlas/compare.hpp"
#include "atlas/export.hpp"
#include "atlas/presentation.hpp"
#include "atlas/routes.hpp"
#include "atlas/funnel.hpp"
#include "atlas/map_classes.hpp"
#include "atlas/sectors.hpp"
#include "atlas/zone_data.hpp"
#include "core/text.hpp"
#include "geo/maps.hpp"
#include "platform/formats/svg_chart.hpp"
#include "platform/http/form.hpp"
#include "web/access.hpp"

namespace zoneatlas::atlas {
namespace json = boost::json;
namespace {

constexpr std::string_view kDefaultViewCookie = "atlas_view";


// A shown figure's 95 % interval in the indicator's unit, "3,3 – 4,6", marked "*" when it
// rests on fewer than kUnstableBelow; empty when the indicator or the figure has none.
std::string IntervalCell(const Presentation& words, const Indicator& indicator, const Figure& figure) {
  const auto interval = IntervalOf(indicator, figure);
  if (!interval) return "";
  return words.Number(indicator, interval->low) + " – " + words.Number(indicator, interval->high) +
         (interval->unstable ? " *" : "");
}

// A bar for `figure`, with its 95 % interval as a whisker when it has one.
formats::Bar BarOf(const Presentation& words, const Indicator& indicator, const std::string& label,
                   const Figure& figure, std::string kind) {
  formats::Bar bar{label, figure.Shown(), words.Cell(indicator, figure), std::move(kind), std::nullopt, std::nullopt};
  if (const auto interval = IntervalOf(indicator, figure); interval && bar.value) {
    bar.low = interval->low;
    bar.high = interval->high;
  }
  return bar;
}

// The figures of the levels between zone and region (arrondissement, province) for a period.
json::array LevelCells(const Presentation& words, const Comparison& comparison, const ZoneData& data,
                       const std::string& period) {
  json::array cells;
  for (const geo::Area& level : data.levels) {
    cells.push_back(json::object{{"value", words.Cell(*comparison.indicator, comparison.Level(level.code, period))}});
  }
  return cells;
}

json::array LevelHeaders(const ZoneData& data, Language language) {
  json::array headers;
  for (const geo::Area& level : data.levels) headers.push_back(json::object{{"name", level.names.In(language)}});
  return headers;
}

// The members formed by mergers and what they were formed from, for the pages' notes.
json::array MergersModel(const ZoneData& data, Language language) {
  json::array mergers;
  for (const geo::Area& area : data.members) {
    const auto earlier = data.predecessors.find(area.code);
    if (earlier == data.predecessors.end()) continue;
    std::string names;
    for (const Predecessor& predecessor : earlier->second) {
      names +=
          (names.empty() ? "" : ", ") + data.predecessor_names.at(predecessor.code) + " (" + predecessor.code + ", " +
          view::FormatDate(predecessor.ended.year(), predecessor.ended.month(), predecessor.ended.day(), language) +
          ")";
    }
    mergers.push_back(json::object{{"name", area.names.In(language)}, {"formed_from", names}});
  }
  return mergers;
}

std::string ZoneHref(Language language, const geo::Zone& zone, std::string_view rest = "") {
  return web::Href(language, "/zones/" + zone.id + std::string(rest));
}

// Profiles show rates and shares, which compare across areas of any size, and a few
// headline counts. The other counts (inhabitants aged 3–11) are in the downloads and on
// their own pages.
bool ShownOnProfile(const Indicator& indicator) {
  if (!IsCount(indicator)) return true;
  static const std::vector<std::string_view> kHeadlineCounts = {"pop_total", "households_total", "dwellings",
                                                                "social_housing_candidates"};
  return std::find(kHeadlineCounts.begin(), kHeadlineCounts.end(), indicator.id) != kHeadlineCounts.end();
}

std::string Spoken(const Presentation& words, const Indicator& indicator, const Comparison& comparison,
                   const Series& series) {
  std::string spoken;
  for (const std::string& period : comparison.periods) {
    const auto it = series.find(period);
    if (it == series.end() || !it->second.Shown()) continue;
    spoken += (spoken.empty() ? "" : "; ") + period + ": " + words.WithUnit(indicator, *it->second.Shown());
  }
  return spoken;
}

std::vector<std::optional<double>> Values(const Comparison& comparison, const Series& series) {
  std::vector<std::optional<double>> values;
  for (const std::string& period : comparison.periods) {
    const auto it = series.find(period);
    values.push_back(it == series.end() ? std::nullopt : it->second.Shown());
  }
  return values;
}

std::optional<double> ShownAt(const Series& series, const std::string& period) {
  const auto it = series.find(period);
  return it == series.end() ? std::nullopt : it->second.Shown();
}

// Why a zone has no figure although its members do.
std::string ZoneGap(const Presentation& words, const Indicator& indicator) {
  return std::string(words.texts().Get(
      words.language(), indicator.aggregation == Aggregation::kNone ? "atlas_not_combinable" : "atlas_parts_unknown"));
}

// Where the indicator's source measures nothing (a Flemish producer, a Brussels area):
// the words that say so, naming the source and what it covers; empty where it measures.
std::string NotMeasured(const Presentation& words, const Indicator& indicator, std::string_view area_code) {
  if (MeasuredIn(indicator, area_code)) return "";
  std::string regions;
  for (std::size_t i = 0; i < indicator.regions.size(); ++i) {
    if (i > 0) {
      regions +=
          i + 1 == indicator.regions.size() ? std::string(words.texts().Get(words.language(), "atlas_and_last")) : ", ";
    }
    regions += words.texts().Get(words.language(), "region_" + std::string(geo::RegionName(indicator.regions[i])));
  }
  return words.texts().Format(words.language(), "atlas_not_measured",
                              {{"source", indicator.source}, {"regions", regions}});
}

// A DESTEP group of a profile: its rows, and the names of its indicators not measured in
// the region; left out when it has neither.
void AddGroup(json::array& groups, const Group& group, Language language, json::array rows,
              const std::string& not_measured) {
  if (rows.empty() && not_measured.empty()) return;
  const bool has_rows = !rows.empty();
  groups.push_back(json::object{{"id", group.id},
                                {"name", group.names.In(language)},
                                {"rows", std::move(rows)},
                                {"has_rows", has_rows},
                                {"not_measured", not_measured}});
}

json::object SourceModel(const Indicator& indicator, const Presentation& words) {
  return json::object{{"name", indicator.names.In(words.language())},
                      {"definition", indicator.definitions.In(words.language())},
                      {"unit", words.UnitName(indicator)},
                      {"source", indicator.source},
                      {"source_url", indicator.source_url},
                      {"note", indicator.note}};
}

// The zone's profile: every group and indicator, each member beside the zone and region;
// as a page, or (`report`) as the printable report with definitions and sources.
http::Response ZoneProfile(const web::Site& site, const Services& services, const http::Request& request,
                           Language language, bool report) {
  auto data = LoadZone(services, std::string(request.PathParam("zone_id")), language, {});
  if (!data) return web::ErrorPage(site, request, language, data.error());
  json::array sources;
  const Presentation words(services.catalog, site.renderer.catalog(), language);
  const ObservationIndex index(data->observations);
  const std::string zone_name = data->zone.names.In(language);
  const std::string region_name = data->region ? data->region->names.In(language) : "";
  bool any_demo = false, any_suppressed = false, any_figure = false;
  json::array groups;
  for (const Group& group : services.catalog.groups()) {
    json::array rows;
    std::string not_measured;  // The group's indicators without figures in the zone's region.
    for (const Indicator& indicator : services.catalog.indicators()) {
      if (indicator.group != group.id || !ShownOnProfile(indicator)) continue;
      if (data->region && !MeasuredIn(indicator, data->region->code)) {
        not_measured += (not_measured.empty() ? "" : ", ") + indicator.names.In(language);
        continue;
      }
      const Comparison comparison = Compare(indicator, index, data->Scope());
      const std::string latest = comparison.Latest();
      if (latest.empty()) continue;
      any_figure = true;
      const Figure zone = comparison.zone.contains(latest) ? comparison.zone.at(latest) : Figure{};
      const Figure region = comparison.region.contains(latest) ? comparison.region.at(latest) : Figure{};
      json::array members;
      bool members_present = false;
      for (const std::string& code : data->member_codes) {
        const Figure& figure = comparison.members.at(code).at(latest);
        members_present = members_present || figure.present;
        any_demo = any_demo || figure.demo;
        any_suppressed = any_suppressed || figure.value.suppressed;
        json::object cell{{"value", words.Cell(indicator, figure)},
                          {"hidden", figure.present && figure.value.suppressed},
                          {"reaggregated", figure.reaggregated},
                          {"summed", figure.summed}};
        // A municipality's count is always below the zone's sum: only rates compare.
        if (figure.Shown() && zone.Shown() && !IsCount(indicator)) {
          const Standing standing = StandingOf(indicator, figure, *zone.Shown());
          const Judgement judgement = JudgementOf(indicator, standing);
          if (standing != Standing::kSimilar) {
            cell["marker"] = standing == Standing::kAbove ? "▲" : "▼";
            cell["marker_text"] = words.MarkerText(standing, judgement);
            cell["marker_class"] = judgement == Judgement::kFavourable     ? "marker--favourable"
                                   : judgement == Judgement::kUnfavourable ? "marker--unfavourable"
                                                                           : "marker--neutral";
          }
        }
        members.push_back(std::move(cell));
      }
      any_demo = any_demo || zone.demo || region.demo;
      any_suppressed = any_suppressed || zone.value.suppressed || region.value.suppressed;
      std::string sentence;
      if (zone.Shown()) {
        sentence = words.Sentence(indicator, zone_name, zone, "", std::nullopt, region_name, region.Shown());
      }
      sources.push_back(json::object{{"number", sources.size() + 1},
                                     {"name", indicator.names.In(language)},
                                     {"definition", indicator.definitions.In(language)},
                                     {"source", indicator.source},
                                     {"source_url", indicator.source_url}});
      rows.push_back(json::object{
          {"name", indicator.names.In(language)},
          {"href", ZoneHref(language, data->zone, "/atlas/" + indicator.id)},
          {"unit", words.UnitName(indicator)},
          {"period", latest},
          {"note_number", sources.size()},
          {"sentence", sentence},
          {"zone", words.Cell(indicator, zone)},
          {"zone_incomplete", zone.Shown().has_value() && zone.value.incomplete},
          {"zone_gap", !zone.present && members_present ? ZoneGap(words, indicator) : ""},
          {"levels", LevelCells(words, comparison, *data, latest)},
          {"region", words.Cell(indicator, region)},
          {"trend", formats::Sparkline(Values(comparison, comparison.zone),
                                       Spoken(words, indicator, comparison, comparison.zone))},
          {"members", std::move(members)},
      });
    }
    AddGroup(groups, group, language, std::move(rows), not_measured);
  }
  json::array member_headers;
  for (const geo::Area& area : data->members) {
    member_headers.push_back(json::object{{"name", area.names.In(language)},
                                          {"href", web::Href(language, "/areas/" + area.code + "/atlas")}});
  }
  json::object model{
      {"zone_name", zone_name},
      {"zone_href", ZoneHref(language, data->zone)},
      {"region_name", region_name},
      {"has_region", data->region.has_value()},
      {"level_headers", LevelHeaders(*data, language)},
      {"groups", std::move(groups)},
      {"has_figures", any_figure},
      {"member_headers", std::move(member_headers)},
      {"has_demo", any_demo},
      {"has_suppressed", any_suppressed},
      {"csv_href", ZoneHref(language, data->zone, "/atlas.csv")},
      {"xlsx_href", ZoneHref(language, data->zone, "/atlas.xlsx")},
      {"needs_href", ZoneHref(language, data->zone, "/atlas/needs")},
      {"supply_href", ZoneHref(language, data->zone, "/supply")},
      {"remember_href", web::Href(language, "/atlas?view=zones/" + data->zone.id)},
      {"report_href", ZoneHref(language, data->zone, "/atlas/report")},
      {"pdf_href", site.prints_pdf ? ZoneHref(language, data->zone, "/atlas/report.pdf") : ""},
      {"mergers", MergersModel(*data, language)},
      {"has_mergers", !data->predecessors.empty()},
      {"sources", std::move(sources)},
      {"today", view::FormatDate(Date::Today().year(), Date::Today().month(), Date::Today().day(), language)},
  };
  const std::string title = site.renderer.catalog().Format(language, "atlas_zone_title", {{"zone", zone_name}});
  return web::Page(site, request, language, report ? "atlas_report" : "atlas_zone", title, std::move(model));
}

http::Response IndicatorPage(const web::Site& site, const Services& services, const http::Request& request,
                             Language language) {
  const Indicator* indicator = services.catalog.Find(request.PathParam("indicator_id"));
  if (indicator == nullptr) return web::ErrorPage(site, request, language, Error::NotFound("no such indicator"));
  std::vector<std::string> wanted = {indicator->id};
  if (indicator->aggregation == Aggregation::kPopulationWeightedMean) wanted.push_back("pop_total");
  auto data = LoadZone(services, std::string(request.PathParam("zone_id")), language, wanted);
  if (!data) return web::ErrorPage(site, request, language, data.error());
  const Presentation words(services.catalog, site.renderer.catalog(), language);
  const auto& texts = site.renderer.catalog();
  const ObservationIndex index(data->observations);
  const Comparison comparison = Compare(*indicator, index, data->Scope());
  const std::string zone_name = data->zone.names.In(language);
  const std::string region_name = data->region ? data->region->names.In(language) : "";
  const std::string not_measured = data->region ? NotMeasured(words, *indicator, data->region->code) : "";
  std::string period = request.Query("period").value_or("");
  if (std::find(comparison.periods.begin(), comparison.periods.end(), period) == comparison.periods.end()) {
    period = comparison.Latest();
  }
  if (!not_measured.empty()) period.clear();
  const std::string name = indicator->names.In(language);
  const std::string base = ZoneHref(language, data->zone, "/atlas/" + indicator->id);
  json::object model{{"zone_name", zone_name},
                     {"zone_href", ZoneHref(language, data->zone)},
                     {"profile_href", ZoneHref(language, data->zone, "/atlas")},
                     {"indicator", SourceModel(*indicator, words)},
                     {"period", period},
                     {"has_figures", !period.empty()},
                     {"not_measured", not_measured},
                     {"region_name", region_name},
                     {"csv_href", ZoneHref(language, data->zone, "/atlas.csv?indicator=" + indicator->id)}};
  json::array periods;
  for (const std::string& other : not_measured.empty() ? comparison.periods : std::vector<std::string>{}) {
    periods.push_back(
        json::object{{"period", other}, {"href", base + "?period=" + other}, {"current", other == period}});
  }
  model["periods"] = std::move(periods);
  if (period.empty()) return web::Page(site, request, language, "atlas_indicator", name, std::move(model));

  const Figure zone = comparison.zone.contains(period) ? comparison.zone.at(period) : Figure{};
  const Figure region = comparison.region.contains(period) ? comparison.region.at(period) : Figure{};
  bool any_demo = zone.demo || region.demo, any_suppressed = zone.value.suppressed || region.value.suppressed;
  bool any_summed = false;
  bool members_present = false;
  std::vector<formats::Bar> bars;
  std::vector<formats::MapShape> shapes;
  double low = INFINITY, high = -INFINITY;
  for (const std::string& code : data->member_codes) {
    if (auto shown = ShownAt(comparison.members.at(code), period)) {
      low = std::min(low, *shown);
      high = std::max(high, *shown);
    }
  }
  // The map's classes: the region's quintiles, the same in every zone; else the zone's range.
  auto region_figures = RegionFigures(services, *data, *indicator, period);
  if (!region_figures) return web::ErrorPage(site, request, language, region_figures.error());
  std::vector<double> region_values;
  for (const RegionFigure& municipality : *region_figures) region_values.push_back(*municipality.figure.value);
  const MapClasses classes = RegionalQuintiles(region_values).value_or(EqualSlices(low, high));
  json::array rows;
  for (const geo::Area& area : data->members) {
    const Figure& figure = comparison.members.at(area.code).at(period);
    members_present = members_present || figure.present;
    any_demo = any_demo || figure.demo;
    any_suppressed = any_suppressed || figure.value.suppressed;
    const std::string area_name = area.names.In(language);
    const std::string href = web::Href(language, "/areas/" + area.code + "/atlas");
    const std::string cell = words.Cell(*indicator, figure);
    bars.push_back(BarOf(words, *indicator, area_name, figure, ""));
    if (auto shape = geo::MapShapeOf(services.geography, area, language, href)) {
      if (figure.Shown()) shape->shade = ClassOf(classes, *figure.Shown());
      shape->spoken = area_name + ": " + (figure.Shown() ? words.WithUnit(*indicator, *figure.Shown()) : cell);
      shapes.push_back(std::move(*shape));
    }
    json::array series;
    for (const std::string& other : comparison.periods) {
      const Figure& earlier = comparison.members.at(area.code).at(other);
      series.push_back(
          json::object{{"value", words.Cell(*indicator, earlier)},
                       {"reaggregated", earlier.reaggregated},
                       {"summed", earlier.summed}});
      any_summed = any_summed || earlier.summed;
    }
    rows.push_back(json::object{
        {"name", area_name},
        {"href", href},
        {"value", cell},
        {"numerator",
         figure.Shown() && figure.value.numerator ? view::FormatNumber(*figure.value.numerator, 0, language) : ""},
        {"denominator",
         figure.Shown() && figure.value.denominator ? view::FormatNumber(*figure.value.denominator, 0, language) : ""},
        {"interval", IntervalCell(words, *indicator, figure)},
        {"sentence", figure.Shown() ? words.Sentence(*indicator, area_name, figure,
                                                     texts.Format(language, "atlas_the_zone", {{"zone", zone_name}}),
                                                     zone.Shown(), region_name, region.Shown())
                                    : ""},
        {"series", std::move(series)},
    });
  }
  bars.push_back(BarOf(words, *indicator, zone_name, zone, "zone"));
  if (!zone.Shown()) bars.back().value_text = "–";
  json::array level_rows;
  for (const geo::Area& level : data->levels) {
    const Figure figure = comparison.Level(level.code, period);
    bars.push_back(BarOf(words, *indicator, level.names.In(language), figure, "level"));
    json::array values;
    for (const std::string& other : comparison.periods) {
      values.push_back(json::object{{"value", words.Cell(*indicator, comparison.Level(level.code, other))}});
    }
    level_rows.push_back(json::object{{"name", level.names.In(language)},
                                      {"series", std::move(values)},
                                      {"interval", IntervalCell(words, *indicator, figure)}});
  }
  model["level_rows"] = std::move(level_rows);
  if (data->region) bars.push_back(BarOf(words, *indicator, region_name, region, "region"));
  const std::string unit = words.UnitName(*indicator);
  model["bar_chart"] = formats::BarChart(
      bars, {.id = "bars",
             .title = texts.Format(language, "atlas_bar_title", {{"indicator", name}, {"period", period}}),
             .description = texts.Format(language, "atlas_bar_description", {{"unit", unit}}) +
                            (std::ranges::any_of(bars, [](const formats::Bar& bar) { return bar.low.has_value(); })
                                 ? " " + std::string(texts.Get(language, "atlas_bar_whiskers"))
                                 : ""),
             .width = 640});
  const std::string map = formats::RenderSvgMap(
      shapes, {.id = "choropleth",
               .title = texts.Format(language, "atlas_map_title", {{"indicator", name}, {"period", period}}),
               .description = std::string(texts.Get(language, "atlas_map_description")),
               .width = 560});
  model["map"] = map;
  model["has_map"] = !map.empty();
  json::array legend;
  if (classes.regional || low <= high) {
    for (int shade = 1; shade <= 5; ++shade) {
      legend.push_back(json::object{{"shade", "legend__swatch--q" + std::to_string(shade)},
                                    {"range", words.Number(*indicator, classes.bounds[shade - 1]) + " – " +
                                                  words.Number(*indicator, classes.bounds[shade])}});
    }
  }
  model["legend"] = std::move(legend);
  model["map_caption"] =
      classes.regional
          ? texts.Format(language, "atlas_map_caption_quintiles",
                         {{"count", view::FormatInteger(static_cast<long long>(region_values.size()), language)},
                          {"region", region_name},
                          {"period", period}})
          : std::string(texts.Get(language, "atlas_map_caption"));
  auto sectors = SectorsModel(services, *data, *indicator, period, words);
  if (!sectors) return web::ErrorPage(site, request, language, sectors.error());
  model["has_sectors"] = sectors->has_value();
  if (*sectors) {
    any_demo = any_demo || (**sectors).at("sector_demo").as_bool();
    for (auto& [key, value] : **sectors) model[key] = std::move(value);
  }
  auto funnel = FunnelModel(*data, *region_figures, *indicator, period, words);
  model["has_funnel"] = funnel.has_value();
  if (funnel) {
    for (auto& [key, value] : *funnel) model[key] = std::move(value);
  }
  std::vector<formats::Line> lines = {{zone_name, Values(comparison, comparison.zone), "zone"}};
  if (data->region) lines.push_back({region_name, Values(comparison, comparison.region), "region"});
  double trend_low = INFINITY, trend_high = -INFINITY;
  for (const formats::Line& line : lines) {
    for (const auto& value : line.values) {
      if (!value) continue;
      trend_low = std::min(trend_low, *value);
      trend_high = std::max(trend_high, *value);
    }
  }
  model["trend_chart"] =
      comparison.periods.size() < 2 || trend_low > trend_high
          ? ""
          : formats::LineChart(comparison.periods, lines, words.Number(*indicator, trend_low),
                               words.Number(*indicator, trend_high),
                               {.id = "trend",
                                .title = texts.Format(language, "atlas_trend_title", {{"indicator", name}}),
                                .description = std::string(texts.Get(language, "atlas_trend_description")),
                                .width = 640});
  json::array zone_series, region_series, period_headers;
  for (const std::string& other : comparison.periods) {
    period_headers.push_back(json::object{{"period", other}});
    zone_series.push_back(json::object{
        {"value", comparison.zone.contains(other) ? words.Cell(*indicator, comparison.zone.at(other)) : "–"}});
    region_series.push_back(json::object{
        {"value", comparison.region.contains(other) ? words.Cell(*indicator, comparison.region.at(other)) : "–"}});
  }
  model["rows"] = std::move(rows);
  model["period_headers"] = std::move(period_headers);
  model["zone_series"] = std::move(zone_series);
  model["region_series"] = std::move(region_series);
  model["zone_value"] = words.Cell(*indicator, zone);
  model["zone_interval"] = IntervalCell(words, *indicator, zone);
  model["region_interval"] = IntervalCell(words, *indicator, region);
  model["has_interval"] = indicator->interval != IntervalMethod::kNone;
  model["interval_method"] = std::string(texts.Get(
      language, indicator->interval == IntervalMethod::kPoisson ? "atlas_interval_poisson" : "atlas_interval_wilson"));
  model["zone_incomplete"] = zone.Shown().has_value() && zone.value.incomplete;
  model["zone_gap"] = !zone.present && members_present ? ZoneGap(words, *indicator) : "";
  model["region_value"] = words.Cell(*indicator, region);
  model["zone_sentence"] =
      zone.Shown() ? words.Sentence(*indicator, zone_name, zone, "", std::nullopt, region_name, region.Shown())
                   : "";
  model["has_demo"] = any_demo;
  model["has_suppressed"] = any_suppressed;
  model["mergers"] = MergersModel(*data, language);
  model["has_mergers"] = !data->predecessors.empty();
  model["has_summed"] = any_summed;
  json::array differences;
  for (const RollUpDifference& difference : data->roll_up_differences) {
    if (difference.indicator_id != indicator->id) continue;
    const auto member = std::ranges::find(data->members, difference.area_code, &geo::Area::code);
    if (member == data->members.end()) continue;
    differences.push_back(json::object{
        {"text", texts.Format(language, "atlas_summed_difference",
                              {{"area", member->names.In(language)},
                               {"period", difference.period},
                               {"published", words.Number(*indicator, difference.published)},
                               {"sum", words.Number(*indicator, difference.sum)},
                               {"parts", view::FormatInteger(difference.parts, language)},
                               {"percent", view::FormatNumber(100 * (difference.sum - difference.published) /
                                                                  difference.published,
                                                              1, language)}})}});
  }
  model["has_summed_differences"] = !differences.empty();
  model["summed_differences"] = std::move(differences);
  model["threshold"] = indicator->small_count_threshold;
  model["aggregation"] =
      std::string(texts.Get(language, "atlas_aggregation_" + std::string(AggregationName(indicator->aggregation))));
  return web::Page(site, request, language, "atlas_indicator", name + " · " + zone_name, std::move(model));
}

// A municipality against its zone and region.
http::Response AreaProfile(const web::Site& site, const Services& services, const http::Request& request,
                           Language language) {
  auto area = services.geography.FindArea(std::string(request.PathParam("code")), Date::Today());
  if (!area) return web::ErrorPage(site, request, language, area.error());
  auto zones = services.geography.ZonesWithMember(area->code, Date::Today());
  if (!zones) return web::ErrorPage(site, request, language, zones.error());
  const auto& texts = site.renderer.catalog();
  const Presentation words(services.catalog, texts, language);
  const std::string area_name = area->names.In(language);
  std::optional<ZoneData> data;
  if (!zones->empty()) {
    auto loaded = LoadZone(services, zones->front().id, language, {});
    if (!loaded) return web::ErrorPage(site, request, language, loaded.error());
    data = std::move(*loaded);
  } else {
    auto observations = services.store.Observations({.indicators = {}, .areas = {area->code}, .periods = {}});
    if (!observations) return web::ErrorPage(site, request, language, observations.error());
    data = ZoneData{.zone = {},
                    .members = {},
                    .region = std::nullopt,
                    .levels = {},
                    .observations = std::move(*observations),
                    .member_codes = {},
                    .predecessors = {},
                    .predecessor_names = {}};
  }
  const ObservationIndex index(data->observations);
  const bool in_zone = !zones->empty();
  const std::string zone_name = in_zone ? data->zone.names.In(language) : "";
  const std::string zone_reference = in_zone ? texts.Format(language, "atlas_the_zone", {{"zone", zone_name}}) : "";
  const std::string region_name = data->region ? data->region->names.In(language) : "";
  bool any_demo = false, any_suppressed = false;
  json::array groups;
  for (const Group& group : services.catalog.groups()) {
    json::array rows;
    std::string not_measured;  // The group's indicators without figures in the area's region.
    for (const Indicator& indicator : services.catalog.indicators()) {
      if (indicator.group != group.id || !ShownOnProfile(indicator)) continue;
      if (!MeasuredIn(indicator, area->code)) {
        not_measured += (not_measured.empty() ? "" : ", ") + indicator.names.In(language);
        continue;
      }
      ComparisonScope scope = data->Scope();
      if (!in_zone) scope.members = {area->code};
      const Comparison comparison = Compare(indicator, index, scope);
      const auto own = comparison.members.find(area->code);
      if (own == comparison.members.end()) continue;
      std::string latest;
      for (auto it = comparison.periods.rbegin(); it != comparison.periods.rend(); ++it) {
        if (own->second.at(*it).present) {
          latest = *it;
          break;
        }
      }
      if (latest.empty()) continue;
      const Figure& figure = own->second.at(latest);
      const Figure zone = in_zone && comparison.zone.contains(latest) ? comparison.zone.at(latest) : Figure{};
      const Figure region = comparison.region.contains(latest) ? comparison.region.at(latest) : Figure{};
      any_demo = any_demo || figure.demo || zone.demo || region.demo;
      any_suppressed = any_suppressed || figure.value.suppressed;
      rows.push_back(json::object{
          {"name", indicator.names.In(language)},
          {"href", in_zone ? ZoneHref(language, data->zone, "/atlas/" + indicator.id) : ""},
          {"unit", words.UnitName(indicator)},
          {"period", latest},
          {"value", words.Cell(indicator, figure)},
          {"zone", in_zone ? words.Cell(indicator, zone) : "–"},
          {"levels", LevelCells(words, comparison, *data, latest)},
          {"region", words.Cell(indicator, region)},
          {"sentence", figure.Shown() ? words.Sentence(indicator, area_name, figure, zone_reference,
                                                       zone.Shown(), region_name, region.Shown())
                                      : ""},
          {"trend",
           formats::Sparkline(Values(comparison, own->second), Spoken(words, indicator, comparison, own->second))},
      });
    }
    AddGroup(groups, group, language, std::move(rows), not_measured);
  }
  json::object model{{"area_name", area_name},
                     {"area_href", web::Href(language, "/areas/" + area->code)},
                     {"zone_name", zone_name},
                     {"zone_href", in_zone ? ZoneHref(language, data->zone, "/atlas") : ""},
                     {"region_name", region_name},
                     {"level_headers", LevelHeaders(*data, language)},
                     {"groups", std::move(groups)},
                     {"has_figures", !groups.empty()},
                     {"has_demo", any_demo},
                     {"has_suppressed", any_suppressed},
                     {"remember_href", web::Href(language, "/atlas?view=areas/" + area->code)}};
  model["has_figures"] = !model["groups"].as_array().empty();
  return web::Page(site, request, language, "atlas_area",
                   texts.Format(language, "atlas_area_title", {{"area", area_name}}), std::move(model));
}

// The whole zone (or one indicator) as CSV or XLSX.
http::Response ZoneDownload(const web::Site& site, const Services& services, const http::Request& request,
                            Language language, ExportFormat format) {
  std::string indicator = request.Query("indicator").value_or("");
  auto exported = ExportZone(services, site.renderer.catalog(), std::string(request.PathParam("zone_id")), language,
                             format, indicator);
  if (!exported) return web::ErrorPage(site, request, language, exported.error());
  http::Response response = http::Response::Make(
      200,
      format == ExportFormat::kCsv ? "text/csv; charset=utf-8"
                                   : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      std::move(exported->content));
  response.headers.Set("Content-Disposition", "attachment; filename=\"" + exported->file_name + "\"");
  return response;
}

// The atlas's front door: the view this browser chose to remember, else the zones.
// ?view=zones/ID or ?view=areas/CODE remembers a view (a preference cookie, like the
// language in the URL: nothing is stored on the server).
http::Response AtlasHome(const web::Site& site, const Services& services, const http::Request& request,
                         Language language) {
  static const auto kValidView = [](std::string_view view) {
    if (view.starts_with("zones/")) return geo::IsValidZoneId(view.substr(6));
    if (view.starts_with("areas/")) return geo::IsValidAreaCode(view.substr(6));
    return false;
  };
  if (auto chosen = request.Query("view"); chosen && kValidView(*chosen)) {
    http::Response response = http::Response::Redirect(web::Href(language, "/" + *chosen + "/atlas"), 303);
    std::string cookie = std::string(kDefaultViewCookie) + "=" + *chosen + "; Path=/; Max-Age=31536000; SameSite=Lax";
    // Behind a TLS-terminating proxy, as the session cookie: never in clear text.
    if (text::AsciiLower(request.headers.Get("X-Forwarded-Proto")) == "https") cookie += "; Secure";
    response.headers.Add("Set-Cookie", cookie);
    return response;
  }
  if (auto remembered = http::Cookie(request, kDefaultViewCookie); remembered && kValidView(*remembered)) {
    return http::Response::Redirect(web::Href(language, "/" + *remembered + "/atlas"), 303);
  }
  auto zones = services.geography.Zones(Date::Today());
  if (!zones) return web::ErrorPage(site, request, language, zones.error());
  json::array links;
  for (const geo::Zone& zone : *zones) {
    links.push_back(json::object{{"name", zone.names.In(language)}, {"href", ZoneHref(language, zone, "/atlas")}});
  }
  return web::Page(site, request, language, "atlas_home",
                   std::string(site.renderer.catalog().Get(language, "atlas_home_title")),
                   json::object{{"zones", std::move(links)}});
}

}  // namespace

Result<std::int64_t> Generation(const Services& services) {
  auto geography = services.geography.Generation();
  if (!geography) return geography;
  auto atlas = services.store.Generation();
  if (!atlas) return atlas;
  return *geography + *atlas;
}

void AddPageRoutes(http::Router& router, const web::Site& site, const Services& services) {
  const auto generation = [&services] { return Generation(services); };
  const auto page = [&](auto handler) {
    return web::Cached(services.cache, generation,
                       web::ForLanguage(site, [&site, &services, handler](const http::Request& r, Language l) {
                         return handler(site, services, r, l);
                       }));
  };
  router.Get("/{lang}/atlas",
             web::ForLanguage(site, [&site, &services](const http::Request& r,
                                                       Language l) { return AtlasHome(site, services, r, l); }),
             {.name = "atlas_home", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}/atlas",
             page([](const web::Site& s, const Services& v, const http::Request& r, Language l) {
               return ZoneProfile(s, v, r, l, false);
             }),
             {.name = "atlas_zone_profile", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}/atlas/report",
             page([](const web::Site& s, const Services& v, const http::Request& r, Language l) {
               return ZoneProfile(s, v, r, l, true);
             }),
             {.name = "atlas_zone_report", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}/atlas.csv",
             page([](const web::Site& s, const Services& v, const http::Request& r, Language l) {
               return ZoneDownload(s, v, r, l, ExportFormat::kCsv);
             }),
             {.name = "atlas_zone_csv", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}/atlas.xlsx",
             page([](const web::Site& s, const Services& v, const http::Request& r, Language l) {
               return ZoneDownload(s, v, r, l, ExportFormat::kXlsx);
             }),
             {.name = "atlas_zone_xlsx", .access = std::string(web::kPublic)});
  router.Get("/{lang}/zones/{zone_id}/atlas/{indicator_id}", page(IndicatorPage),
             {.name = "atlas_indicator", .access = std::string(web::kPublic)});
  router.Get("/{lang}/areas/{code}/atlas", page(AreaProfile),
             {.name = "atlas_area_profile", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::atlas
