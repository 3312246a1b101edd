#include "agenda/import.hpp"

#include <boost/json.hpp>
#include <set>

#include "geo/json_record.hpp"

namespace zoneatlas::agenda {
namespace {

namespace json = boost::json;

std::optional<LocalDateTime> TimeField(geo::JsonRecord& record, std::string_view key) {
  const std::string text = record.Text(key, true);
  if (text.empty()) return std::nullopt;
  auto time = calendar::ParseLocalDateTime(text);
  if (!time) record.Problem(key, "'" + text + "' is not a time in Belgium (YYYY-MM-DDTHH:MM)");
  return time;
}

Campaign ReadCampaign(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Campaign campaign;
  campaign.id = record.Text("id", true);
  campaign.name_nl = record.Text("name_nl", true);
  campaign.name_fr = record.Text("name_fr", true);
  campaign.name_en = record.Text("name_en", false);
  campaign.description_nl = record.Text("description_nl", false);
  campaign.description_fr = record.Text("description_fr", false);
  campaign.theme = record.Text("theme", true);
  if (auto from = record.Day("from", true)) campaign.from = *from;
  if (auto until = record.Day("until", true)) campaign.until = *until;
  campaign.baseline_indicator = record.Text("baseline_indicator", false);
  campaign.url = record.Text("url", false);
  campaign.demo = record.Flag("demo");
  return campaign;
}

Event ReadEvent(const json::object& object, const std::string& location, geo::ImportReport& report) {
  geo::JsonRecord record(object, location, report);
  Event event;
  event.id = record.Text("id", true);
  event.zone_id = record.Text("zone", true);
  event.campaign_id = record.Text("campaign", false);
  const std::string kind = record.Text("kind", true);
  if (auto parsed = ParseEventKind(kind)) {
    event.kind = *parsed;
  } else if (!kind.empty()) {
    record.Problem("kind", "'" + kind + "' is not session, workshop, walk_in, information_day or network_moment");
  }
  event.title = record.Text("title", true);
  event.description = record.Text("description", false);
  event.theme = record.Text("theme", true);
  event.target_groups = record.List("target_groups");
  event.area = record.Text("area", true);
  event.place = record.Text("place", false);
  event.languages = record.List("languages");
  const auto start = TimeField(record, "start");
  const auto end = TimeField(record, "end");
  // A missing or unreadable time is named already: today stands in, so that the zone and
  // the municipality are still checked, and the order of start and end only when both were read.
  event.start = start.value_or(LocalDateTime{Date::Today(), 0});
  event.end = start && end ? *end : LocalDateTime::FromOrdinal(event.start.Ordinal() + 1);
  event.rule = record.Text("rule", false);
  event.organiser = record.Text("organiser", false);
  event.written_in = record.LanguageOf("written_in");
  event.demo = record.Flag("demo");
  return event;
}

}  // namespace

Result<geo::ImportReport> ImportFile(Store& store, std::string_view file_name, std::string_view content, bool dry_run,
                                     const audit::Actor& actor) {
  geo::ImportReport report = geo::StartReport(file_name);
  geo::JsonImportFile file(content, report);
  std::vector<Campaign> campaigns;
  std::vector<Event> events;
  std::set<std::string> campaign_ids;
  const auto note = [&](const std::string& at, const std::vector<Problem>& problems) {
    for (const Problem& problem : problems) report.problems.push_back({at, problem.field, problem.message});
  };
  auto walked = file.ForEach("campaigns", "campaign", [&](const json::object& record, const std::string& at) {
    Campaign campaign = ReadCampaign(record, at, report);
    file.Unique(campaign.id, at);
    note(at, Check(campaign, store.vocabulary()));
    campaign_ids.insert(campaign.id);
    campaigns.push_back(std::move(campaign));
    return Status();
  });
  if (walked) {
    walked = file.ForEach("events", "event", [&](const json::object& record, const std::string& at) {
      Event event = ReadEvent(record, at, report);
      file.Unique(event.id, at);
      Event checked = event;
      if (campaign_ids.contains(checked.campaign_id)) checked.campaign_id.clear();  // In this file.
      auto problems = store.Problems(checked);
      if (!problems) return Status(Fail(problems.error()));
      note(at, *problems);
      events.push_back(std::move(event));
      return Status();
    });
  }
  if (!walked) return Fail(walked.error());
  return geo::Conclude(std::move(report), dry_run,
                       [&] { return store.Import(campaigns, events, audit::Context{.actor = actor}); });
}

}  // namespace zoneatlas::agenda
