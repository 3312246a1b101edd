#include "agenda/store.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/random.hpp"
#include "core/text.hpp"

namespace zoneatlas::agenda {
namespace {

namespace json = boost::json;

constexpr const char* kEventSelect =
    "SELECT id, zone_id, campaign_id, kind, title, description, theme, target_groups, area_code, place, languages,"
    " starts_at, ends_at, rule, organiser, written_in, demo, updated_at FROM agenda_events ";
constexpr const char* kCampaignSelect =
    "SELECT id, name_nl, name_fr, name_en, description_nl, description_fr, theme, valid_from, valid_until,"
    " baseline_indicator, url, demo FROM agenda_campaigns ";
// How far ahead a rule is followed to find an event's last day; a rule still going then has none.
constexpr long kHorizonDays = 30 * 366;
constexpr std::size_t kEndlessAfter = 1000;

// The last day the event can happen, or nothing when its rule goes on.
std::optional<Date> LastDay(const Event& event) {
  const std::int64_t duration = event.end.Ordinal() - event.start.Ordinal();
  if (event.rule.empty()) return event.end.date;
  const auto starts = calendar::Occurrences(event.start, event.rule, event.start.date,
                                            Date::FromDaysSinceEpoch(event.start.date.DaysSinceEpoch() + kHorizonDays),
                                            kEndlessAfter + 1);
  if (starts.size() > kEndlessAfter) return std::nullopt;
  if (starts.empty()) return event.end.date;
  return LocalDateTime::FromOrdinal(starts.back().Ordinal() + duration).date;
}

std::string Summary(const Event& event) {
  return json::serialize(json::object{{"zone", event.zone_id},
                                      {"campaign", event.campaign_id},
                                      {"kind", Code(event.kind)},
                                      {"title", event.title},
                                      {"theme", event.theme},
                                      {"target_groups", text::JoinList(event.target_groups, ',')},
                                      {"area", event.area},
                                      {"start", calendar::ToIso(event.start)},
                                      {"end", calendar::ToIso(event.end)},
                                      {"rule", event.rule},
                                      {"place", event.place},
                                      {"languages", text::JoinList(event.languages, ',')},
                                      {"organiser", event.organiser},
                                      {"description", event.description}});
}

std::string CampaignSummary(const Campaign& campaign) {
  return json::serialize(json::object{{"name", campaign.name_nl},
                                      {"name_fr", campaign.name_fr},
                                      {"theme", campaign.theme},
                                      {"from", campaign.from.ToIso()},
                                      {"until", campaign.until.ToIso()},
                                      {"baseline_indicator", campaign.baseline_indicator},
                                      {"url", campaign.url}});
}

Campaign CampaignOf(const db::Row& row) {
  Campaign campaign;
  campaign.id = row.Text(0);
  campaign.name_nl = row.Text(1);
  campaign.name_fr = row.Text(2);
  campaign.name_en = row.Text(3);
  campaign.description_nl = row.Text(4);
  campaign.description_fr = row.Text(5);
  campaign.theme = row.Text(6);
  campaign.from = Date::Parse(row.Text(7)).value_or(Date::FromDaysSinceEpoch(0));
  campaign.until = Date::Parse(row.Text(8)).value_or(Date::FromDaysSinceEpoch(0));
  campaign.baseline_indicator = row.Text(9);
  campaign.url = row.Text(10);
  campaign.demo = row.Integer(11) != 0;
  return campaign;
}

}  // namespace

Result<std::vector<Problem>> Store::Problems(const Event& event) const {
  std::vector<Problem> problems = Check(event, vocabulary_);
  if (!event.zone_id.empty()) {
    auto zone = geography_.FindZone(event.zone_id, event.start.date);
    if (!zone) {
      if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
      problems.push_back({"zone", "there is no zone '" + event.zone_id + "' on " + event.start.date.ToIso()});
    } else if (!event.area.empty() && !zone->HasMember(event.area)) {
      problems.push_back({"area", "'" + event.area + "' is not a municipality of " + event.zone_id});
    }
  }
  if (!event.campaign_id.empty()) {
    auto campaign = FindCampaign(event.campaign_id);
    if (!campaign && !campaign.error().Is(ErrorCode::kNotFound)) return Fail(campaign.error());
    if (!campaign) problems.push_back({"campaign", "there is no campaign '" + event.campaign_id + "'"});
  }
  return problems;
}

Status Store::Insert(db::Connection& connection, const Event& event, const audit::Context& context) const {
  const std::optional<Date> last_day = LastDay(event);
  auto inserted = connection.Execute(
      "INSERT INTO agenda_events (id, zone_id, campaign_id, kind, title, description, theme, target_groups, area_code,"
      " place, languages, starts_at, ends_at, rule, last_day, organiser, written_in, demo, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {event.id, event.zone_id, event.campaign_id.empty() ? db::Value() : db::Value(event.campaign_id),
       std::string(Code(event.kind)), event.title, event.description, event.theme,
       text::JoinList(event.target_groups, ','), event.area, event.place, text::JoinList(event.languages, ','),
       calendar::ToIso(event.start), calendar::ToIso(event.end), event.rule,
       last_day ? db::Value(last_day->ToIso()) : db::Value(), event.organiser,
       std::string(LanguageCode(event.written_in)), static_cast<long long>(event.demo),
       static_cast<long long>(context.When())});
  if (!inserted) return Fail(inserted.error());
  if (auto raised = db::RaiseCounter(connection, "agenda"); !raised) return raised;
  return audit::Record(connection, context, "agenda_event", event.id, std::nullopt, Summary(event), event.zone_id);
}

Result<std::string> Store::Add(Event event, const audit::Context& context) {
  auto problems = Problems(event);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  event.id = RandomHex(8);
  auto saved =
      database_.InTransaction([&](db::Connection& connection) -> Status { return Insert(connection, event, context); });
  if (!saved) return Fail(saved.error());
  return event.id;
}

Result<std::string> Store::SaveCampaign(Campaign campaign, const audit::Context& context) {
  std::optional<Campaign> before;
  if (campaign.id.empty()) {
    campaign.id = RandomHex(8);
  } else {
    auto found = FindCampaign(campaign.id);
    if (!found) return Fail(found.error());
    before = std::move(*found);
    campaign.demo = before->demo;
  }
  if (auto problems = Check(campaign, vocabulary_); !problems.empty()) {
    return Fail(Error::InvalidArgument(Describe(problems)));
  }
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    const std::vector<db::Value> values{campaign.name_nl,
                                        campaign.name_fr,
                                        campaign.name_en,
                                        campaign.description_nl,
                                        campaign.description_fr,
                                        campaign.theme,
                                        campaign.from.ToIso(),
                                        campaign.until.ToIso(),
                                        campaign.baseline_indicator,
                                        campaign.url,
                                        static_cast<long long>(campaign.demo),
                                        campaign.id};
    auto written = connection.Execute(
        before ? "UPDATE agenda_campaigns SET name_nl = ?, name_fr = ?, name_en = ?, description_nl = ?,"
                 " description_fr = ?, theme = ?, valid_from = ?, valid_until = ?, baseline_indicator = ?, url = ?,"
                 " demo = ? WHERE id = ?"
               : "INSERT INTO agenda_campaigns (name_nl, name_fr, name_en, description_nl, description_fr, theme,"
                 " valid_from, valid_until, baseline_indicator, url, demo, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                 " ?, ?)",
        values);
    if (!written) return Fail(written.error());
    if (auto raised = db::RaiseCounter(connection, "agenda"); !raised) return raised;
    return audit::Record(connection, context, "agenda_campaign", campaign.id,
                         before ? std::optional<std::string>(CampaignSummary(*before)) : std::nullopt,
                         CampaignSummary(campaign), std::nullopt);
  });
  if (!saved) return Fail(saved.error());
  return campaign.id;
}

Status Store::RemoveCampaign(const std::string& id, const audit::Context& context) {
  auto before = FindCampaign(id);
  if (!before) return Fail(before.error());
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto attached = connection.Query("SELECT COUNT(*) FROM agenda_events WHERE campaign_id = ?", {id});
    if (!attached) return Fail(attached.error());
    if (attached->front().Integer(0) > 0) {
      return Fail(Error::FailedPrecondition(std::to_string(attached->front().Integer(0)) +
                                            " activity(ies) belong to campaign " + id));
    }
    auto removed = connection.Execute("DELETE FROM agenda_campaigns WHERE id = ?", {id});
    if (!removed) return Fail(removed.error());
    if (auto raised = db::RaiseCounter(connection, "agenda"); !raised) return raised;
    return audit::Record(connection, context, "agenda_campaign", id, CampaignSummary(*before), std::nullopt,
                         std::nullopt);
  });
}

Status Store::Update(const Event& event, const audit::Context& context) {
  auto before = FindEvent(event.id);
  if (!before) return Fail(before.error());
  if (before->zone_id != event.zone_id) return Fail(Error::InvalidArgument("zone: an event stays in its zone"));
  auto problems = Problems(event);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  const std::optional<Date> last_day = LastDay(event);
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated = connection.Execute(
        "UPDATE agenda_events SET campaign_id = ?, kind = ?, title = ?, description = ?, theme = ?,"
        " target_groups = ?, area_code = ?, place = ?, languages = ?, starts_at = ?, ends_at = ?, rule = ?,"
        " last_day = ?, organiser = ?, written_in = ?, updated_at = ? WHERE id = ?",
        {event.campaign_id.empty() ? db::Value() : db::Value(event.campaign_id), std::string(Code(event.kind)),
         event.title, event.description, event.theme, text::JoinList(event.target_groups, ','), event.area, event.place,
         text::JoinList(event.languages, ','), calendar::ToIso(event.start), calendar::ToIso(event.end), event.rule,
         last_day ? db::Value(last_day->ToIso()) : db::Value(), event.organiser,
         std::string(LanguageCode(event.written_in)), static_cast<long long>(context.When()), event.id});
    if (!updated) return Fail(updated.error());
    if (auto raised = db::RaiseCounter(connection, "agenda"); !raised) return raised;
    return audit::Record(connection, context, "agenda_event", event.id, Summary(*before), Summary(event),
                         event.zone_id);
  });
}

Status Store::Remove(const std::string& id, const audit::Context& context) {
  auto before = FindEvent(id);
  if (!before) return Fail(before.error());
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto removed = connection.Execute("DELETE FROM agenda_events WHERE id = ?", {id});
    if (!removed) return Fail(removed.error());
    if (auto raised = db::RaiseCounter(connection, "agenda"); !raised) return raised;
    return audit::Record(connection, context, "agenda_event", id, Summary(*before), std::nullopt, before->zone_id);
  });
}

Status Store::Import(const std::vector<Campaign>& campaigns, const std::vector<Event>& events,
                     const audit::Context& context) {
  std::set<std::string> campaign_ids;
  for (const Campaign& campaign : campaigns) {
    if (auto problems = Check(campaign, vocabulary_); !problems.empty()) {
      return Fail(Error::InvalidArgument(campaign.id + ": " + Describe(problems)));
    }
    campaign_ids.insert(campaign.id);
  }
  for (const Event& event : events) {
    Event checked = event;
    // A campaign of the same file is not in the database yet.
    if (campaign_ids.contains(checked.campaign_id)) checked.campaign_id.clear();
    auto problems = Problems(checked);
    if (!problems) return Fail(problems.error());
    if (!problems->empty()) return Fail(Error::InvalidArgument(event.id + ": " + Describe(*problems)));
  }
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    for (const Campaign& campaign : campaigns) {
      auto taken = connection.Query("SELECT 1 FROM agenda_campaigns WHERE id = ?", {campaign.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("a campaign " + campaign.id + " is already recorded"));
      auto inserted = connection.Execute(
          "INSERT INTO agenda_campaigns (id, name_nl, name_fr, name_en, description_nl, description_fr, theme,"
          " valid_from, valid_until, baseline_indicator, url, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {campaign.id, campaign.name_nl, campaign.name_fr, campaign.name_en, campaign.description_nl,
           campaign.description_fr, campaign.theme, campaign.from.ToIso(), campaign.until.ToIso(),
           campaign.baseline_indicator, campaign.url, static_cast<long long>(campaign.demo)});
      if (!inserted) return Fail(inserted.error());
      if (auto recorded = audit::Record(connection, context, "agenda_campaign", campaign.id, std::nullopt,
                                        CampaignSummary(campaign), std::nullopt);
          !recorded) {
        return recorded;
      }
    }
    for (const Event& event : events) {
      auto taken = connection.Query("SELECT 1 FROM agenda_events WHERE id = ?", {event.id});
      if (!taken) return Fail(taken.error());
      if (!taken->empty()) return Fail(Error::AlreadyExists("an event " + event.id + " is already recorded"));
      if (auto inserted = Insert(connection, event, context); !inserted) return inserted;
    }
    return {};
  });
}

Result<std::vector<Campaign>> Store::Campaigns() const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string(kCampaignSelect) + "ORDER BY valid_from, name_nl");
  });
  if (!rows) return Fail(rows.error());
  std::vector<Campaign> campaigns;
  for (const db::Row& row : *rows) campaigns.push_back(CampaignOf(row));
  return campaigns;
}

Result<Campaign> Store::FindCampaign(const std::string& id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string(kCampaignSelect) + "WHERE id = ?", {id});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no campaign " + id));
  return CampaignOf(rows->front());
}

Result<std::vector<Event>> Store::LoadEvents(const std::string& where, const std::vector<db::Value>& parameters) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(kEventSelect + where + " ORDER BY starts_at, id", parameters);
  });
  if (!rows) return Fail(rows.error());
  std::vector<Event> events;
  events.reserve(rows->size());
  for (const db::Row& row : *rows) {
    Event event;
    event.id = row.Text(0);
    event.zone_id = row.Text(1);
    event.campaign_id = row.OptionalText(2).value_or("");
    event.kind = ParseEventKind(row.Text(3)).value_or(EventKind::kSession);
    event.title = row.Text(4);
    event.description = row.Text(5);
    event.theme = row.Text(6);
    event.target_groups = text::SplitList(row.Text(7), ',');
    event.area = row.Text(8);
    event.place = row.Text(9);
    event.languages = text::SplitList(row.Text(10), ',');
    event.start = calendar::ParseLocalDateTime(row.Text(11)).value_or(LocalDateTime{});
    event.end = calendar::ParseLocalDateTime(row.Text(12)).value_or(event.start);
    event.rule = row.Text(13);
    event.organiser = row.Text(14);
    event.written_in = ParseLanguage(row.Text(15)).value_or(Language::kNl);
    event.demo = row.Integer(16) != 0;
    event.updated_at = row.Integer(17);
    events.push_back(std::move(event));
  }
  return events;
}

Result<Event> Store::FindEvent(const std::string& id) const {
  auto found = LoadEvents("WHERE id = ?", {id});
  if (!found) return Fail(found.error());
  if (found->empty()) return Fail(Error::NotFound("no event " + id));
  return std::move(found->front());
}

Result<std::vector<Event>> Store::Events(const EventFilter& filter, const Date& from, const Date& until) const {
  std::string where = "WHERE starts_at < ? AND (last_day IS NULL OR last_day >= ?)";
  std::vector<db::Value> parameters{Date::FromDaysSinceEpoch(until.DaysSinceEpoch() + 1).ToIso(), from.ToIso()};
  for (const auto& [column, value] : {std::pair{"zone_id", &filter.zone_id},
                                      {"theme", &filter.theme},
                                      {"area_code", &filter.area},
                                      {"campaign_id", &filter.campaign_id}}) {
    if (value->empty()) continue;
    where += std::string(" AND ") + column + " = ?";
    parameters.emplace_back(*value);
  }
  auto events = LoadEvents(where, parameters);
  if (!events) return Fail(events.error());
  // Lists are matched here rather than in SQL: a group or language is one of a comma list.
  std::erase_if(*events, [&](const Event& event) {
    const auto has = [](const std::vector<std::string>& items, const std::string& item) {
      return std::find(items.begin(), items.end(), item) != items.end();
    };
    if (!filter.target_group.empty() && !event.target_groups.empty() &&
        !has(event.target_groups, filter.target_group)) {
      return true;
    }
    return !filter.language.empty() && !has(event.languages, filter.language);
  });
  return events;
}

Result<std::int64_t> Store::Generation() const { return db::ReadCounter(database_, "agenda"); }

Result<std::shared_ptr<const Window>> Store::SharedWindow(const EventFilter& filter, const Date& from,
                                                          const Date& until, std::size_t limit_per_event) const {
  // Windows people ask for are few (this month, the next 90 days, a feed); more than this
  // many different ones since the last write and the oldest answers are not worth keeping.
  constexpr std::size_t kMaxWindows = 256;
  const std::string key = filter.zone_id + '\x1f' + filter.theme + '\x1f' + filter.target_group + '\x1f' + filter.area +
                          '\x1f' + filter.language + '\x1f' + filter.campaign_id + '\x1f' + from.ToIso() + '\x1f' +
                          until.ToIso() + '\x1f' + std::to_string(limit_per_event);
  const std::lock_guard lock(cache_->mutex);
  auto generation = Generation();
  const std::int64_t now = generation ? *generation : -1;  // Unreadable: keep nothing.
  if (now != cache_->generation || now < 0 || cache_->windows.size() >= kMaxWindows) {
    cache_->windows.clear();
    cache_->generation = now;
  }
  if (const auto found = cache_->windows.find(key); found != cache_->windows.end()) return found->second;
  auto events = Events(filter, from, until);
  if (!events) return Fail(events.error());
  // Made in place: the occurrences point into the events, which must not move after.
  auto window = std::make_shared<Window>();
  window->events = std::move(*events);
  window->occurrences = Expand(window->events, from, until, limit_per_event);
  window->collisions = Collisions(window->occurrences);
  std::shared_ptr<const Window> shared = std::move(window);
  if (now >= 0) cache_->windows[key] = shared;
  return shared;
}

}  // namespace zoneatlas::agenda
