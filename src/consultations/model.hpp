// consultations/model.hpp: what a zone hears in its thematic consultations and round
// tables (gesprekstafels) and what it decides to do about it.
//
// A consultation is a meeting of a zone on a theme, with the organisations and professions
// around the table and a summary. It records signals: a need of the population or a
// difficulty the professionals meet, on a theme, for target groups and municipalities,
// in the words of the meeting. Action lines are what the zone proposes in answer — from an
// idea to done or dropped, with an owner and a working group — each linked to the signals it
// answers, so that the monitoring can tell what became of every signal.
//
// Records are kept in the language they were written in (a Brussels meeting may be held in
// French); pages mark that language rather than translate.
#ifndef ZONEATLAS_CONSULTATIONS_MODEL_HPP_
#define ZONEATLAS_CONSULTATIONS_MODEL_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/field_problem.hpp"
#include "core/language.hpp"
#include "core/vocabulary.hpp"

namespace zoneatlas::consultations {

// Themes and target groups are the shared Vocabulary (core/vocabulary.hpp).
using Term = VocabularyTerm;

// A thematic consultation (thematisch overleg), a round table (gesprekstafel) with local
// governments and partners, or a working group's meeting.
enum class MeetingKind { kThematic, kRoundTable, kWorkingGroup };
enum class SignalKind { kNeed, kDifficulty };
enum class ActionStatus { kIdea, kPlanned, kRunning, kDone, kDropped };

inline constexpr MeetingKind kMeetingKinds[] = {MeetingKind::kThematic, MeetingKind::kRoundTable,
                                                MeetingKind::kWorkingGroup};
inline constexpr SignalKind kSignalKinds[] = {SignalKind::kNeed, SignalKind::kDifficulty};
// In the order an action line goes through them.
inline constexpr ActionStatus kActionStatuses[] = {ActionStatus::kIdea, ActionStatus::kPlanned, ActionStatus::kRunning,
                                                   ActionStatus::kDone, ActionStatus::kDropped};

// "thematic", "round_table", "working_group"; "need", "difficulty"; "idea", "planned",
// "running", "done", "dropped".
std::string_view Code(MeetingKind kind);
std::string_view Code(SignalKind kind);
std::string_view Code(ActionStatus status);
std::optional<MeetingKind> ParseMeetingKind(std::string_view code);
std::optional<SignalKind> ParseSignalKind(std::string_view code);
std::optional<ActionStatus> ParseActionStatus(std::string_view code);

struct Signal {
  std::string id;
  SignalKind kind = SignalKind::kNeed;
  std::string theme;
  std::vector<std::string> target_groups;
  std::vector<std::string> areas;  // NIS codes of the municipalities concerned; none: the whole zone.
  std::string description;
  std::string quote;  // What someone at the table said, when worth keeping as said.

  bool operator==(const Signal&) const = default;
};

// A working group of a zone on a theme (the Brussels zones set up groups on housing, mental
// health and food): who takes part, its meetings (consultations of kind working group) and
// the action lines it takes up.
struct WorkingGroup {
  std::string id;
  std::string zone_id;
  std::string theme;
  std::string name;
  std::string purpose;
  std::vector<std::string> organisations;
  std::vector<std::string> people;  // "Name (organisation)": shown to signed-in professionals only.
  Language language = Language::kNl;
  bool demo = false;

  bool operator==(const WorkingGroup&) const = default;
};

struct Consultation {
  std::string id;
  std::string zone_id;
  std::string working_group_id;  // For a working group's meeting; else empty.
  Date held_on = Date::FromDaysSinceEpoch(0);
  MeetingKind kind = MeetingKind::kThematic;
  std::string theme;
  std::string title;
  std::vector<std::string> organisations;  // Around the table.
  std::vector<std::string> professions;
  std::optional<int> participants;  // How many people, when counted.
  std::string summary;
  Language language = Language::kNl;  // The language it was written in.
  bool demo = false;                  // Invented for the demonstration, and pages say so.
  std::vector<Signal> signals;

  bool operator==(const Consultation&) const = default;
};

struct ActionLine {
  std::string id;
  std::string zone_id;
  std::string consultation_id;  // Where it was proposed; empty when proposed elsewhere.
  std::string theme;
  std::string title;
  std::string description;
  ActionStatus status = ActionStatus::kIdea;
  std::string owner;                    // Who carries it: an organisation or a person.
  std::string working_group_id;         // The zone's working group that takes it up, when one does.
  std::string working_group;            // Or the name of a group the zone has not recorded.
  std::vector<std::string> signal_ids;  // The signals it answers.
  std::vector<std::string> initiative_ids;  // The inventory's initiatives that carry it out.
  Language language = Language::kNl;
  bool demo = false;
  std::int64_t updated_at = 0;  // Unix seconds.

  bool operator==(const ActionLine&) const = default;
};

// A problem with a record as entered, by field ("title", "signals[2].theme").
using Problem = FieldProblem;

// The problems of a consultation and its signals against the vocabulary: a title, a date
// between 2000 and a year from `today`, a known theme, known target groups, a description
// for every signal, sizes within bounds. The zone and the areas are checked by the store,
// which knows the geography.
std::vector<Problem> Check(const Consultation& consultation, const Vocabulary& vocabulary, const Date& today);
std::vector<Problem> Check(const ActionLine& action_line, const Vocabulary& vocabulary);
// A name, a known theme, sizes within bounds.
std::vector<Problem> Check(const WorkingGroup& group, const Vocabulary& vocabulary);

}  // namespace zoneatlas::consultations

#endif  // ZONEATLAS_CONSULTATIONS_MODEL_HPP_
