// rights/facts.hpp: what a screening knows about a household — its members as a
// questionnaire or a client-database export describes them — and the facts the rules
// read ("household.income", "status.leefloon", "region.flanders"), each known or not.
//
// Unknown is not false: a missing income leaves "household.income" unknown, and every
// condition that reads it answers "cannot tell yet". Yes/no facts about "someone in the
// household" are true as soon as one member is known to have it, false only when every
// member is known not to.
//
// Thread safety: value types and pure functions.
#ifndef ZONEATLAS_RIGHTS_FACTS_HPP_
#define ZONEATLAS_RIGHTS_FACTS_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "rights/model.hpp"

namespace zoneatlas::rights {

enum class Role { kApplicant, kPartner, kChild, kOther };
enum class IncomeKind { kWork, kUnemployment, kSickness, kPension, kDisability, kLeefloon, kNone };

// The status words of the batch format and the questionnaire, one bit each.
enum class SocialStatus : std::uint8_t {
  kLeefloon,              // receives a leefloon or equivalent help from the OCMW
  kIgo,                   // inkomensgarantie voor ouderen
  kIvt,                   // inkomensvervangende tegemoetkoming
  kIt,                    // integratietegemoetkoming
  kDisability66,          // recognised disability of at least 66 %
  kChildDisability,       // a child with a recognised disability (increased child benefit)
  kStudent,               // in higher education
  kPupil,                 // in kleuter-, lager or secundair onderwijs
  kTenant,                // rents on the private market
  kSocialTenant,          // rents a social dwelling
  kOwner,                 // owns a dwelling (or its usufruct)
  kSingleParent,          // the only parent in the household
  kEnergyDebt,            // owes the energy supplier
  kVt,                    // already has the verhoogde tegemoetkoming
  kZorgbudgetOuderen,     // receives the zorgbudget voor ouderen met een zorgnood (or APA)
  kReducedAutonomy,       // at least 7 points on the scale of self-reliance
  kHeavyCareNeed,         // lives in a care home, or an indication of heavy care need
  kSocialHousingWaiting,  // on the waiting list for a social dwelling
  kDebtMediation,         // in debt mediation or collective debt settlement
  kOilHeating,            // heats with fuel oil, heating paraffin or bulk propane
  kInformalCarer,         // cares for someone at home (mantelzorger)
  kCount,
};
using StatusSet = std::uint32_t;

std::string_view RoleName(Role role);  // "applicant", "partner", "child", "other"
std::optional<Role> ParseRole(std::string_view text);
std::string_view IncomeKindName(IncomeKind kind);  // "work", "unemployment", …
std::optional<IncomeKind> ParseIncomeKind(std::string_view text);
std::string_view StatusWord(SocialStatus status);  // "leefloon", "disability_66pct", …
std::optional<SocialStatus> ParseStatus(std::string_view word);
// What each status word means, for --help and the questionnaire.
std::string_view StatusMeaning(SocialStatus status);

struct Person {
  std::string id;
  Role role = Role::kApplicant;
  std::optional<Date> birth_date;
  std::optional<double> gross_taxable_income;  // EUR, the previous calendar year.
  std::optional<IncomeKind> income_kind;
  std::optional<StatusSet> statuses;  // Empty: not asked; zero: none of them.
  // EUR a month, what comes in now (net): leefloon, IGO and the VT's monthly route look
  // at current resources, which can be far below last year's after a pension, illness or
  // the end of a benefit.
  std::optional<double> current_monthly_income;
};

enum class Region { kFlanders, kBrussels, kWallonia };

struct Household {
  std::string id;
  std::vector<Person> members;
  std::optional<int> municipality_nis;
  // Where only the postcode is known (the questionnaire): the region, without a
  // municipality. The NIS code wins when both are given.
  std::optional<Region> region;
};

// Where a fact comes from, so that "cannot tell yet" can name what to ask or which
// column to fill.
enum class InputField { kMembers, kBirthDate, kIncome, kIncomeKind, kStatuses, kMunicipality, kCurrentIncome };
std::string_view InputFieldName(InputField field);  // the batch column: "birth_date", …

struct FactInfo {
  std::string_view name;  // "household.income"
  InputField input;
  std::string_view meaning;  // For reviewers of the rules (English).
  bool money = false;        // Shown as an amount in reasons.
  bool yes_no = false;       // 0 or 1: an unknown one can be tried both ways.
};

// Every fact the rules may read; a fact's number is its position.
std::span<const FactInfo> Facts();
// The fact's number, or -1.
int FindFact(std::string_view name);

inline constexpr int kMaxFacts = 64;

struct FactValues {
  std::array<double, kMaxFacts> values{};
  std::uint64_t known = 0;  // Bit i: fact i is known.
  bool Known(int fact) const { return (known >> fact) & 1U; }
};

// The facts of `household` on `date` (ages are full years on that day).
FactValues ComputeFacts(const Household& household, const Date& date);

// The region of a municipality by its NIS code: 21xxx Brussels; 1xxxx, 23xxx, 24xxx,
// 3xxxx, 4xxxx, 7xxxx Flanders; the rest Wallonia. Nothing for a code that is not five
// digits of a known province.
std::optional<Region> RegionOfMunicipality(int nis);
// The region of a Belgian postcode (1000–1299 Brussels; 1500–3999 and 8000–9999
// Flanders; the rest of 1000–9999 Wallonia); nothing outside 1000–9999.
std::optional<Region> RegionOfPostcode(int postcode);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_FACTS_HPP_
