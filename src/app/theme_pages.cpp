#include "app/theme_pages.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "atlas/compare.hpp"
#include "atlas/presentation.hpp"
#include "atlas/zone_data.hpp"
#include "platform/view/view.hpp"
#include "web/access.hpp"

namespace zoneatlas::app {
namespace json = boost::json;
namespace {

// The coming activities shown: the next three months, at most this many.
constexpr int kDaysAhead = 92;
constexpr std::size_t kActivities = 12;

std::string Text(const web::Site& site, Language language, std::string_view key) {
  return std::string(site.renderer.catalog().Get(language, key));
}

std::string ShowDate(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

// The theme's indicators for the chosen municipality (or the zone alone), the zone and the
// region, with the municipality's marker against the zone.
json::array IndicatorRows(const atlas::Presentation& words, const atlas::ZoneData& data,
                          const std::vector<const atlas::Indicator*>& needs, const std::string& area, Language language,
                          bool& demo) {
  const atlas::ObservationIndex index(data.observations);
  const atlas::ComparisonScope scope = data.Scope();
  json::array rows;
  for (const atlas::Indicator* indicator : needs) {
    const atlas::Comparison comparison = atlas::Compare(*indicator, index, scope);
    const std::string period = comparison.Latest();
    auto at = [&](const atlas::Series& series) {
      const auto found = series.find(period);
      return found == series.end() ? atlas::Figure{} : found->second;
    };
    const atlas::Figure zone = at(comparison.zone);
    const atlas::Figure region = at(comparison.region);
    json::object row{{"name", indicator->names.In(language)},
                     {"href", web::Href(language, "/zones/" + data.zone.id + "/atlas/" + indicator->id)},
                     {"period", period},
                     {"zone", words.Cell(*indicator, zone)},
                     {"region", words.Cell(*indicator, region)}};
    demo = demo || zone.demo;
    if (!area.empty() && comparison.members.contains(area)) {
      const atlas::Figure figure = at(comparison.members.at(area));
      demo = demo || figure.demo;
      row["area"] = words.Cell(*indicator, figure);
      if (figure.Shown() && zone.Shown() && !atlas::IsCount(*indicator)) {
        const atlas::Standing standing = atlas::StandingOf(*indicator, figure, *zone.Shown());
        if (standing != atlas::Standing::kSimilar) {
          const atlas::Judgement judgement = atlas::JudgementOf(*indicator, standing);
          row["marker"] = standing == atlas::Standing::kAbove ? "▲" : "▼";
          row["marker_text"] = words.MarkerText(standing, judgement);
        }
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

http::Response ThemePage(const web::Site& site, const atlas::Services& atlas, socialmap::Services& socialmap,
                         initiatives::Services& initiatives, agenda::Services& agenda, const http::Request& request,
                         Language language) {
  const std::string zone_id(request.PathParam("zone_id"));
  const socialmap::Term* theme = socialmap.taxonomy.FindTheme(request.PathParam("theme_id"));
  if (theme == nullptr) return web::ErrorPage(site, request, language, Error::NotFound("no such theme"));
  std::vector<const atlas::Indicator*> needs;
  std::vector<std::string> wanted;
  for (const std::string& id : theme->need_indicators) {
    if (const atlas::Indicator* indicator = atlas.catalog.Find(id)) {
      needs.push_back(indicator);
      wanted.push_back(id);
    }
  }
  auto data = atlas::LoadZone(atlas, zone_id, language, wanted);
  if (!data) return web::ErrorPage(site, request, language, data.error());
  const std::string area = request.Query("area").value_or("");
  const auto member = std::find_if(data->members.begin(), data->members.end(),
                                   [&](const geo::Area& candidate) { return candidate.code == area; });
  if (!area.empty() && member == data->members.end()) {
    return web::ErrorPage(site, request, language, Error::NotFound("no municipality " + area + " in this zone"));
  }
  const std::string place = area.empty() ? data->zone.names.In(language) : member->names.In(language);
  const atlas::Presentation words(atlas.catalog, site.renderer.catalog(), language);
  bool demo = false;
  json::array indicators = IndicatorRows(words, *data, needs, area, language, demo);

  // The initiatives of the theme there (a zone-wide one holds for every municipality).
  auto inventory = initiatives.store.List(zone_id);
  if (!inventory) return web::ErrorPage(site, request, language, inventory.error());
  auto goals = initiatives.store.Goals(zone_id);
  if (!goals) return web::ErrorPage(site, request, language, goals.error());
  json::array doing;
  for (const initiatives::Initiative& initiative : *inventory) {
    if (initiative.theme != theme->id) continue;
    if (!area.empty() && !initiative.areas.empty() &&
        std::find(initiative.areas.begin(), initiative.areas.end(), area) == initiative.areas.end()) {
      continue;
    }
    const auto goal = std::find_if(goals->begin(), goals->end(),
                                   [&](const initiatives::Goal& g) { return g.id == initiative.goal_id; });
    demo = demo || initiative.demo;
    doing.push_back(json::object{
        {"title", initiative.title},
        {"lang", LanguageCode(initiative.language)},
        {"href", web::Href(language, "/initiatives/" + initiative.id)},
        {"strategy",
         Text(site, language, "initiatives_strategy_" + std::string(initiatives::Code(initiative.strategy)))},
        {"period",
         ShowDate(initiative.from, language) + " – " +
             (initiative.until ? ShowDate(*initiative.until, language) : Text(site, language, "initiatives_ongoing"))},
        {"lead", initiative.lead},
        {"goal", goal == goals->end() ? "" : goal->title}});
  }

  // The coming activities of the theme there.
  const Date today = Date::Today();
  const Date until = Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + kDaysAhead);
  auto events = agenda.store.Events(
      {.zone_id = zone_id, .theme = theme->id, .target_group = "", .area = area, .language = "", .campaign_id = ""},
      today, until);
  if (!events) return web::ErrorPage(site, request, language, events.error());
  std::vector<agenda::Occurrence> coming = agenda::Expand(*events, today, until, kActivities);
  std::sort(coming.begin(), coming.end(),
            [](const agenda::Occurrence& a, const agenda::Occurrence& b) { return a.start < b.start; });
  json::array activities;
  for (const agenda::Occurrence& occurrence : coming) {
    if (activities.size() == kActivities) break;
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", occurrence.start.minutes / 60, occurrence.start.minutes % 60);
    demo = demo || occurrence.event->demo;
    activities.push_back(json::object{{"title", occurrence.event->title},
                                      {"lang", LanguageCode(occurrence.event->written_in)},
                                      {"href", web::Href(language, "/agenda/events/" + occurrence.event->id)},
                                      {"when", ShowDate(occurrence.start.date, language) + " " + time}});
  }

  json::array places{json::object{{"id", ""}, {"name", data->zone.names.In(language)}, {"selected", area.empty()}}};
  for (const geo::Area& each : data->members) {
    places.push_back(
        json::object{{"id", each.code}, {"name", each.names.In(language)}, {"selected", each.code == area}});
  }
  const std::string area_query = area.empty() ? "" : "&area=" + area;
  const std::string theme_name = theme->name.Best(language);
  const std::string title =
      site.renderer.catalog().Format(language, "theme_page_title", {{"theme", theme_name}, {"place", place}});
  json::object model{
      {"title", title},
      {"theme_name", theme_name},
      {"place", place},
      {"zone_name", data->zone.names.In(language)},
      {"zone_href", web::Href(language, "/zones/" + zone_id)},
      {"action", web::Href(language, "/zones/" + zone_id + "/themes/" + theme->id)},
      {"places", std::move(places)},
      {"has_area", !area.empty()},
      {"has_indicators", !indicators.empty()},
      {"indicators", std::move(indicators)},
      {"region_name", data->region ? data->region->names.In(language) : ""},
      {"has_initiatives", !doing.empty()},
      {"initiatives", std::move(doing)},
      {"has_activities", !activities.empty()},
      {"activities", std::move(activities)},
      {"social_map_href", web::Href(language, "/social-map") + "?theme=" + theme->id + area_query},
      {"supply_href", web::Href(language, "/zones/" + zone_id + "/supply") + "?theme=" + theme->id},
      {"signals_href", web::Href(language, "/zones/" + zone_id + "/consultations") + "?theme=" + theme->id},
      {"agenda_href", web::Href(language, "/agenda") + "?zone=" + zone_id + "&theme=" + theme->id + area_query},
      {"demo", demo},
  };
  return web::Page(site, request, language, "zone_theme", title, std::move(model));
}

}  // namespace

void AddThemeRoutes(http::Router& router, const web::Site& site, const atlas::Services& atlas,
                    socialmap::Services& socialmap, initiatives::Services& initiatives, agenda::Services& agenda) {
  router.Get("/{lang}/zones/{zone_id}/themes/{theme_id}",
             web::ForLanguage(
                 site,
                 [&site, &atlas, &socialmap, &initiatives, &agenda](const http::Request& request, Language language) {
                   return ThemePage(site, atlas, socialmap, initiatives, agenda, request, language);
                 }),
             {.name = "zone_theme", .access = std::string(web::kPublic)});
}

}  // namespace zoneatlas::app
