// socialmap/model.hpp: the social map's records, after Open Referral HSDS 3.0.
//
// An Organization offers Services at Locations. A service carries what the zones' users
// ask about beyond HSDS: names and descriptions in Dutch and French (English optional),
// each with a plain-language version (eenvoudige taal) when someone wrote one, themes and
// target groups, cost (free · reduced with a right · paid), walk-in hours, languages
// spoken at the desk, the competent institution, the municipalities it really serves
// (its action area, not its head office), and when and by whom it was last verified.
// No I/O here.
#ifndef ZONEATLAS_SOCIALMAP_MODEL_HPP_
#define ZONEATLAS_SOCIALMAP_MODEL_HPP_

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/language.hpp"

namespace zoneatlas::socialmap {

// A text in the site's languages; empty where nobody wrote it.
struct Texts {
  std::string nl, fr, en;
  // The text in `language`, else nothing: pages say that it is missing rather than
  // translating by machine.
  const std::string& In(Language language) const;
  // The text in `language`, else in Dutch, else in French.
  const std::string& Best(Language language) const;
  bool empty() const { return nl.empty() && fr.empty() && en.empty(); }
  bool operator==(const Texts&) const = default;
};

struct Organization {
  std::string id;
  std::string name;
  Texts description;
  std::string website, email, phone;
  bool operator==(const Organization&) const = default;
};

struct Location {
  std::string id;
  std::string organization_id;
  std::string name;
  std::string address, postal_code, city;
  std::string municipality_code;  // NIS code; empty when unknown.
  std::optional<double> latitude, longitude;
  Texts transport;  // How to get there by public transport.
  bool wheelchair = false;
  bool operator==(const Location&) const = default;
};

// Opening hours on one weekday, local time (Europe/Brussels), in minutes after midnight.
// `closes` at or before `opens` means the hours run past midnight into the next day.
struct Hours {
  int weekday = 0;  // 0 = Monday … 6 = Sunday (RFC 5545 MO … SU).
  int opens = 0;
  int closes = 0;
  bool walk_in = false;      // No appointment needed.
  bool on_holidays = false;  // Also open on public holidays.
  std::string location_id;   // Empty: at every location of the service.
  std::optional<Date> valid_from, valid_to;
  std::string note;
  bool operator==(const Hours&) const = default;
};

enum class Cost { kFree, kReduced, kPaid };

struct Service {
  std::string id;
  std::string organization_id;
  std::string status = "active";  // HSDS: active, inactive, defunct, temporarily closed.
  Texts name, description, plain;
  std::string url, email, phone;
  Cost cost = Cost::kFree;
  std::string cost_note;
  std::string competent_level = "private";
  std::string application_process;
  std::optional<Date> last_verified;
  std::string verified_by;
  bool demo = false;
  // Run by neighbours or volunteers rather than an organisation (a food distribution, a
  // water point): proposed by professionals, and shown only until `expires_on` unless
  // someone confirms it again.
  bool community = false;
  std::optional<Date> expires_on;
  std::vector<std::string> location_ids;
  std::vector<Hours> hours;
  std::vector<std::string> area_codes;  // The municipalities it serves.
  std::vector<std::string> languages;   // ISO 639-1 codes spoken at the desk.
  std::vector<std::string> themes;
  std::vector<std::string> target_groups;
  bool operator==(const Service&) const = default;

  bool active() const { return status == "active"; }
  // Expired: a community resource nobody confirmed in time, on `today`.
  bool ExpiredOn(const Date& today) const { return expires_on && *expires_on < today; }
  bool walk_in() const;
};

// Everything one import or export carries.
struct SocialMap {
  std::vector<Organization> organizations;
  std::vector<Location> locations;
  std::vector<Service> services;
};

std::string_view CostName(Cost cost);  // "free", "reduced", "paid"
std::optional<Cost> ParseCost(std::string_view name);
std::string_view WeekdayCode(int weekday);  // 0 → "MO"
std::optional<int> ParseWeekday(std::string_view code);
// "09:30" or "09:30:00" → 570; nothing for anything else.
std::optional<int> ParseClock(std::string_view text);
std::string FormatClock(int minutes);  // 570 → "09:30"
// The province (or the Brussels-Capital Region) of a Belgian postcode, by bpost's ranges,
// named in its own language: "1500" → "Vlaams-Brabant"; "" for anything else.
std::string_view ProvinceOfPostcode(std::string_view postcode);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_MODEL_HPP_
