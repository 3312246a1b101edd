// agenda/model.hpp: the shared prevention calendar of the zones.
//
// Campaigns are the regional moments local sessions attach to (flu vaccination in autumn,
// colorectal cancer screening in March, Tournée Minérale in February), each with the atlas
// indicator that measures its baseline, so that sessions go where uptake is low. Events are
// the zones' own: sessions of a campaign at a pharmacy or a library, workshops, walk-in
// hours, information days, network moments — in a municipality, for target groups, in
// languages, once or repeating by an RFC 5545 rule, in Belgian wall-clock time.
// Two events of the same theme for the same target group in the same municipality at the
// same time compete for the same people: the agenda warns of such collisions.
#ifndef ZONEATLAS_AGENDA_MODEL_HPP_
#define ZONEATLAS_AGENDA_MODEL_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/field_problem.hpp"
#include "core/language.hpp"
#include "core/vocabulary.hpp"
#include "platform/calendar/calendar.hpp"

namespace zoneatlas::agenda {

using calendar::LocalDateTime;

struct Campaign {
  std::string id;
  std::string name_nl, name_fr, name_en;
  std::string description_nl, description_fr;
  std::string theme;
  Date from = Date::FromDaysSinceEpoch(0);
  Date until = Date::FromDaysSinceEpoch(0);
  // The atlas indicator of its baseline ("screening_colorectal"); empty when there is none.
  std::string baseline_indicator;
  std::string url;  // The campaign's own site.
  bool demo = false;

  const std::string& Name(Language language) const {
    return language == Language::kFr ? name_fr : language == Language::kEn && !name_en.empty() ? name_en : name_nl;
  }
  const std::string& Description(Language language) const {
    return language == Language::kFr && !description_fr.empty() ? description_fr : description_nl;
  }
  bool operator==(const Campaign&) const = default;
};

enum class EventKind { kSession, kWorkshop, kWalkIn, kInformationDay, kNetworkMoment };
inline constexpr EventKind kEventKinds[] = {EventKind::kSession, EventKind::kWorkshop, EventKind::kWalkIn,
                                            EventKind::kInformationDay, EventKind::kNetworkMoment};
// "session", "workshop", "walk_in", "information_day", "network_moment".
std::string_view Code(EventKind kind);
std::optional<EventKind> ParseEventKind(std::string_view code);

struct Event {
  std::string id;
  std::string zone_id;
  std::string campaign_id;  // Empty for a local event of no campaign.
  EventKind kind = EventKind::kSession;
  std::string title;
  std::string description;
  std::string theme;
  std::vector<std::string> target_groups;  // None: everyone.
  std::string area;                        // NIS code of the municipality where it happens.
  std::string place;                       // Where exactly: "Bibliotheek Halle, Kattenstraat 1".
  std::vector<std::string> languages;      // Spoken there: "nl", "fr", "en", "ar", …
  LocalDateTime start, end;
  std::string rule;  // RFC 5545 RRULE; empty when it happens once.
  std::string organiser;
  Language written_in = Language::kNl;
  bool demo = false;
  std::int64_t updated_at = 0;

  bool operator==(const Event&) const = default;
};

// A problem with a record as entered, by field.
using Problem = FieldProblem;

// A title, a known theme and target groups, an end after the start on the same or a later
// day (at most a week later), a usable rule, languages as two or three letters, sizes
// within bounds. The zone, the municipality and the campaign are checked by the store.
std::vector<Problem> Check(const Event& event, const Vocabulary& vocabulary);
// A campaign: names in Dutch and French, a known theme, a period in order, a web address
// for its site (or none), a baseline indicator the atlas knows (or none).
std::vector<Problem> Check(const Campaign& campaign, const Vocabulary& vocabulary);

// One time an event happens.
struct Occurrence {
  const Event* event = nullptr;
  LocalDateTime start, end;
};

// Every occurrence of `events` that starts on a day `from` … `until`, earliest first (then by
// title); each event contributes at most `limit_per_event`.
// REQUIRES: `events` outlives the result.
std::vector<Occurrence> Expand(const std::vector<Event>& events, const Date& from, const Date& until,
                               std::size_t limit_per_event);

// Two occurrences that compete for the same people: same municipality and theme, a target
// group in common (or neither names one), overlapping in time, of different events.
struct Collision {
  Occurrence first, second;
};
// REQUIRES: `occurrences` sorted by start (as Expand gives them).
std::vector<Collision> Collisions(const std::vector<Occurrence>& occurrences);

}  // namespace zoneatlas::agenda

#endif  // ZONEATLAS_AGENDA_MODEL_HPP_
