#include "agenda/model.hpp"

#include <algorithm>
#include <map>

namespace zoneatlas::agenda {
namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxText = 4000;
constexpr int kMaxDurationMinutes = 7 * 24 * 60;

void CheckText(std::vector<Problem>& problems, const char* field, const std::string& text, bool required,
               std::size_t limit) {
  if (required && text.empty()) {
    problems.push_back({field, "is required"});
  } else if (text.size() > limit) {
    problems.push_back({field, "is longer than " + std::to_string(limit) + " characters"});
  }
}

void CheckTheme(std::vector<Problem>& problems, const std::string& theme, const Vocabulary& vocabulary) {
  if (theme.empty()) {
    problems.push_back({"theme", "is required"});
  } else if (vocabulary.FindTheme(theme) == nullptr) {
    problems.push_back({"theme", "'" + theme + "' is not a theme of the taxonomy"});
  }
}

bool ShareAGroup(const Event& a, const Event& b) {
  if (a.target_groups.empty() || b.target_groups.empty()) return a.target_groups.empty() && b.target_groups.empty();
  return std::any_of(a.target_groups.begin(), a.target_groups.end(), [&](const std::string& group) {
    return std::find(b.target_groups.begin(), b.target_groups.end(), group) != b.target_groups.end();
  });
}

}  // namespace

std::string_view Code(EventKind kind) {
  switch (kind) {
    case EventKind::kSession:
      return "session";
    case EventKind::kWorkshop:
      return "workshop";
    case EventKind::kWalkIn:
      return "walk_in";
    case EventKind::kInformationDay:
      return "information_day";
    case EventKind::kNetworkMoment:
      break;
  }
  return "network_moment";
}

std::optional<EventKind> ParseEventKind(std::string_view code) {
  for (const EventKind kind : kEventKinds) {
    if (Code(kind) == code) return kind;
  }
  return std::nullopt;
}

std::vector<Problem> Check(const Event& event, const Vocabulary& vocabulary) {
  std::vector<Problem> problems;
  CheckText(problems, "title", event.title, true, kMaxTitle);
  CheckText(problems, "description", event.description, false, kMaxText);
  CheckText(problems, "place", event.place, false, kMaxTitle);
  CheckText(problems, "organiser", event.organiser, false, kMaxTitle);
  if (event.zone_id.empty()) problems.push_back({"zone", "is required"});
  if (event.area.empty()) problems.push_back({"area", "is required"});
  CheckTheme(problems, event.theme, vocabulary);
  for (const std::string& group : event.target_groups) {
    if (vocabulary.FindTargetGroup(group) == nullptr) {
      problems.push_back({"target_groups", "'" + group + "' is not a target group of the taxonomy"});
    }
  }
  for (const std::string& language : event.languages) {
    if (language.size() < 2 || language.size() > 3 ||
        !std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      problems.push_back({"languages", "'" + language + "' is not a language code such as nl, fr or ar"});
    }
  }
  const std::int64_t minutes = event.end.Ordinal() - event.start.Ordinal();
  if (minutes <= 0) {
    problems.push_back({"end", "must come after the start"});
  } else if (minutes > kMaxDurationMinutes) {
    problems.push_back({"end", "an event lasts at most a week; a longer one is a campaign or repeats"});
  }
  if (auto rule = calendar::CheckRule(event.rule)) problems.push_back({"rule", *rule});
  return problems;
}

std::vector<Problem> Check(const Campaign& campaign, const Vocabulary& vocabulary) {
  std::vector<Problem> problems;
  if (campaign.id.empty()) problems.push_back({"id", "is required"});
  CheckText(problems, "name_nl", campaign.name_nl, true, kMaxTitle);
  CheckText(problems, "name_fr", campaign.name_fr, true, kMaxTitle);
  CheckText(problems, "description_nl", campaign.description_nl, false, kMaxText);
  CheckText(problems, "description_fr", campaign.description_fr, false, kMaxText);
  CheckTheme(problems, campaign.theme, vocabulary);
  if (campaign.until < campaign.from) problems.push_back({"until", "must not come before the start"});
  if (!campaign.url.empty() && !campaign.url.starts_with("https://") && !campaign.url.starts_with("http://")) {
    problems.push_back({"url", "must be a web address (https://…)"});
  }
  CheckText(problems, "url", campaign.url, false, 1000);
  if (!campaign.baseline_indicator.empty() && !vocabulary.KnowsIndicator(campaign.baseline_indicator)) {
    problems.push_back(
        {"baseline_indicator", "'" + campaign.baseline_indicator + "' is not an indicator of the atlas"});
  }
  return problems;
}

std::vector<Occurrence> Expand(const std::vector<Event>& events, const Date& from, const Date& until,
                               std::size_t limit_per_event) {
  std::vector<Occurrence> occurrences;
  for (const Event& event : events) {
    const std::int64_t duration = event.end.Ordinal() - event.start.Ordinal();
    for (const LocalDateTime& start : calendar::Occurrences(event.start, event.rule, from, until, limit_per_event)) {
      occurrences.push_back({&event, start, LocalDateTime::FromOrdinal(start.Ordinal() + duration)});
    }
  }
  std::stable_sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.event->title < b.event->title;
  });
  return occurrences;
}

std::vector<Collision> Collisions(const std::vector<Occurrence>& occurrences) {
  // Only occurrences in the same municipality on the same theme can collide: compare within
  // those groups, each in start order, against the ones that start before this one ends.
  std::map<std::pair<std::string, std::string>, std::vector<const Occurrence*>> groups;
  for (const Occurrence& occurrence : occurrences) {
    groups[{occurrence.event->area, occurrence.event->theme}].push_back(&occurrence);
  }
  std::vector<Collision> collisions;
  for (const auto& [key, group] : groups) {
    for (std::size_t i = 0; i < group.size(); ++i) {
      for (std::size_t j = i + 1; j < group.size() && group[j]->start < group[i]->end; ++j) {
        if (group[i]->event == group[j]->event || !ShareAGroup(*group[i]->event, *group[j]->event)) continue;
        collisions.push_back({*group[i], *group[j]});
      }
    }
  }
  std::sort(collisions.begin(), collisions.end(),
            [](const Collision& a, const Collision& b) { return a.first.start < b.first.start; });
  return collisions;
}

}  // namespace zoneatlas::agenda
