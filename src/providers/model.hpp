// providers/model.hpp: the local care and welfare professionals of a zone, and the referral
// routes that say which service is competent for a question.
//
// A provider is listed only with their consent, recorded with its date and how it was given.
// Anyone may find who practises what, where, in which languages and whether they take new
// patients; how to reach them directly (phone, e-mail, address) is for signed-in
// professionals only (pages decide). A referral route answers a question or need ("energy
// debt", "a dwelling unfit to live in") with the services to go to, in order, each with what
// it does, the social map search that finds it and the rights worth checking on the way.
#ifndef ZONEATLAS_PROVIDERS_MODEL_HPP_
#define ZONEATLAS_PROVIDERS_MODEL_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/field_problem.hpp"
#include "core/language.hpp"
#include "core/vocabulary.hpp"

namespace zoneatlas::providers {

using Problem = FieldProblem;

// The professions of the directory, with their names (RIZIV/INAMI's titles in plain words).
struct Profession {
  std::string_view id;
  std::string_view nl, fr, en;
  std::string_view In(Language language) const {
    return language == Language::kFr ? fr : language == Language::kEn ? en : nl;
  }
};
const std::vector<Profession>& Professions();
const Profession* FindProfession(std::string_view id);

enum class Accepting { kYes, kNo, kUnknown };
std::string_view Code(Accepting accepting);  // "yes", "no", "unknown"
std::optional<Accepting> ParseAccepting(std::string_view code);

struct Provider {
  std::string id;
  std::string zone_id;
  std::string name;                           // The person, or the practice when it is listed as one.
  std::string profession;                     // A Profession id.
  std::string practice;                       // "Groepspraktijk De Linde"; may be empty.
  std::vector<std::string> areas;             // Municipalities served (NIS codes), of the zone.
  std::vector<std::string> languages;         // "nl", "fr", "en", "ar"…: spoken with patients.
  Accepting accepting = Accepting::kUnknown;  // New patients or clients.
  // Direct contact: shown to signed-in professionals only.
  std::string address, phone, email, website;
  std::string contact_note;                       // "Liefst via e-mail; huisbezoeken op dinsdag."
  Date consent_on = Date::FromDaysSinceEpoch(0);  // When the provider agreed to be listed.
  std::string consent_how;                        // "ondertekend formulier", "e-mail van 3 maart 2026".
  bool demo = false;

  bool operator==(const Provider&) const = default;
};

// One service on a route: who to go to, and why.
struct Step {
  std::string service;              // "OCMW — sociale dienst"
  std::string what;                 // What they do for this question.
  std::string social_map_q;         // Search words that find the place on the social map.
  std::string theme;                // A social map theme, to list the places.
  std::vector<std::string> rights;  // Rights explorer ids worth checking on the way.

  bool operator==(const Step&) const = default;
};

struct Route {
  std::string id;
  std::string zone_id;   // Empty: holds for every zone.
  std::string question;  // "Energieschuld" — the need as people name it.
  std::string description;
  std::string theme;  // A social map theme.
  std::vector<std::string> target_groups;
  std::vector<Step> steps;
  Language language = Language::kNl;  // Of its texts.
  bool demo = false;

  bool operator==(const Route&) const = default;
};

// Everything a provider or route needs before it is kept: names, a known profession and
// language codes, consent, known themes and target groups, at least one step each with a
// service. Zones and areas are checked by the store.
std::vector<Problem> Check(const Provider& provider);
std::vector<Problem> Check(const Route& route, const Vocabulary& vocabulary);

struct ProviderFilter {
  std::string profession, area, language;
  bool accepting_only = false;
};
bool Matches(const Provider& provider, const ProviderFilter& filter);

}  // namespace zoneatlas::providers

#endif  // ZONEATLAS_PROVIDERS_MODEL_HPP_
