#include "rights/facts.hpp"

#include <algorithm>
#include <array>

namespace zoneatlas::rights {
namespace {

constexpr std::array<std::string_view, 4> kRoleNames = {"applicant", "partner", "child", "other"};
constexpr std::array<std::string_view, 7> kIncomeKindNames = {"work",       "unemployment", "sickness", "pension",
                                                              "disability", "leefloon",     "none"};

struct StatusInfo {
  std::string_view word;
  std::string_view meaning;
};
constexpr std::array<StatusInfo, static_cast<std::size_t>(SocialStatus::kCount)> kStatuses = {{
    {"leefloon", "receives a leefloon (revenu d'integration) or equivalent help from the OCMW/CPAS"},
    {"igo", "receives the inkomensgarantie voor ouderen (GRAPA)"},
    {"ivt", "receives the inkomensvervangende tegemoetkoming (ARR)"},
    {"it", "receives the integratietegemoetkoming (AI)"},
    {"disability_66pct", "has a recognised disability or incapacity of at least 66 %"},
    {"child_disability", "is a child with a recognised disability (increased child benefit)"},
    {"student", "studies in higher education"},
    {"pupil", "goes to kleuter-, lager or secundair onderwijs"},
    {"tenant", "rents a dwelling on the private market"},
    {"social_tenant", "rents a social dwelling"},
    {"owner", "owns a dwelling or has its usufruct"},
    {"single_parent", "is the only parent in the household"},
    {"energy_debt", "owes money to the energy supplier"},
    {"vt", "already has the verhoogde tegemoetkoming (BIM)"},
    {"zorgbudget_ouderen", "receives the zorgbudget voor ouderen met een zorgnood (or the Brussels APA)"},
    {"reduced_autonomy", "has at least 7 points on the scale of self-reliance (zelfredzaamheid)"},
    {"heavy_care_need", "lives in a care home, or has an indication of heavy care need"},
    {"social_housing_waiting", "is on the waiting list for a social dwelling"},
    {"debt_mediation", "is in debt mediation or collective debt settlement"},
    {"oil_heating", "heats with fuel oil, heating paraffin or bulk propane"},
    {"informal_carer", "cares at home for someone who needs care (mantelzorger)"},
}};

// The facts, in the order of their numbers. Keep status facts in SocialStatus order and
// income facts in IncomeKind order: ComputeFacts counts on it.
constexpr int kIncomeFacts = 9;
constexpr int kStatusFacts = kIncomeFacts + 6;
constexpr int kRegionFacts = kStatusFacts + static_cast<int>(SocialStatus::kCount);
constexpr int kCoreFacts = kRegionFacts + 4;

constexpr std::array<FactInfo, kCoreFacts + 8> kFacts = {{
    {"household.members", InputField::kMembers, "people in the household, the applicant included"},
    {"household.adults", InputField::kMembers, "members who are not children (applicant, partner, others)"},
    {"household.children", InputField::kMembers, "members with the role child"},
    {"household.minor_children", InputField::kBirthDate, "children under 18 on the screening date"},
    {"household.partner", InputField::kMembers, "1 when the applicant has a partner in the household", false, true},
    {"household.single_parent", InputField::kMembers, "1 when one parent lives alone with children (or says so)"},
    {"household.income", InputField::kIncome,
     "gross taxable income of the previous calendar year, all members (a child's missing income counts as 0)", true},
    {"applicant.age", InputField::kBirthDate, "the applicant's age in full years"},
    {"household.oldest_age", InputField::kBirthDate, "the age of the oldest member who is not a child"},
    {"income.work", InputField::kIncomeKind, "1 when someone lives on income from work", false, true},
    {"income.unemployment", InputField::kIncomeKind, "1 when someone lives on an unemployment benefit", false, true},
    {"income.sickness", InputField::kIncomeKind, "1 when someone lives on a sickness or invalidity benefit", false,
     true},
    {"income.pension", InputField::kIncomeKind, "1 when someone lives on a pension", false, true},
    {"income.disability", InputField::kIncomeKind, "1 when someone lives on a disability allowance", false, true},
    {"income.leefloon", InputField::kIncomeKind, "1 when someone lives on a leefloon", false, true},
    {"status.leefloon", InputField::kStatuses, "someone receives a leefloon", false, true},
    {"status.igo", InputField::kStatuses, "someone receives the IGO", false, true},
    {"status.ivt", InputField::kStatuses, "someone receives the IVT", false, true},
    {"status.it", InputField::kStatuses, "someone receives the IT", false, true},
    {"status.disability_66pct", InputField::kStatuses, "someone has a recognised disability of at least 66 %", false,
     true},
    {"status.child_disability", InputField::kStatuses, "a child has a recognised disability", false, true},
    {"status.student", InputField::kStatuses, "someone studies in higher education", false, true},
    {"status.pupil", InputField::kStatuses, "a child goes to school (kleuter, lager, secundair)", false, true},
    {"status.tenant", InputField::kStatuses, "the household rents on the private market", false, true},
    {"status.social_tenant", InputField::kStatuses, "the household rents a social dwelling", false, true},
    {"status.owner", InputField::kStatuses, "someone owns a dwelling", false, true},
    {"status.single_parent", InputField::kStatuses, "someone says they are a single parent", false, true},
    {"status.energy_debt", InputField::kStatuses, "the household owes its energy supplier", false, true},
    {"status.vt", InputField::kStatuses, "someone already has the verhoogde tegemoetkoming", false, true},
    {"status.zorgbudget_ouderen", InputField::kStatuses, "someone receives the zorgbudget voor ouderen", false, true},
    {"status.reduced_autonomy", InputField::kStatuses, "someone has at least 7 points of reduced self-reliance", false,
     true},
    {"status.heavy_care_need", InputField::kStatuses, "someone needs heavy care", false, true},
    {"status.social_housing_waiting", InputField::kStatuses, "the household waits for a social dwelling", false, true},
    {"status.debt_mediation", InputField::kStatuses, "the household is in debt mediation", false, true},
    {"status.oil_heating", InputField::kStatuses, "the household heats with fuel oil or bulk propane", false, true},
    {"status.informal_carer", InputField::kStatuses, "someone is a mantelzorger", false, true},
    {"region.flanders", InputField::kMunicipality, "1 when the household lives in the Flemish Region", false, true},
    {"region.brussels", InputField::kMunicipality, "1 when the household lives in the Brussels-Capital Region", false,
     true},
    {"region.wallonia", InputField::kMunicipality, "1 when the household lives in the Walloon Region", false, true},
    {"municipality.nis", InputField::kMunicipality, "the NIS code of the municipality of residence"},
    // The household as each right counts it, and income now beside last year's.
    {"household.core_members", InputField::kMembers,
     "the applicant, the partner and the children (persons ten laste); other adults left out"},
    {"household.core_income", InputField::kIncome,
     "last year's gross taxable income of the applicant, the partner and the children (a child's missing income "
     "counts as 0); other adults left out",
     true},
    {"household.dependants_without_income", InputField::kIncome,
     "members other than the applicant and the partner without income of their own (a child's missing income "
     "counts as none)"},
    {"household.current_income", InputField::kCurrentIncome,
     "what comes in now, per month times 12: the applicant's and the partner's, and any other member's given", true},
    {"household.recent_income", InputField::kIncome,
     "household.current_income where it is known, else last year's household.income", true},
    {"couple.recent_income", InputField::kIncome,
     "the applicant's and the partner's income now (per month times 12) where both are given, else last year's", true},
    {"household.income_may_have_dropped", InputField::kCurrentIncome,
     "1 when the income now is not given and an adult lives on a pension, a sickness or unemployment benefit, or "
     "no income: last year's income may be far above what comes in now",
     false, true},
    {"household.oldest_birth_year", InputField::kBirthDate,
     "the birth year of the oldest member who is not a child (the pension age follows it)"},
}};
static_assert(kFacts.size() <= kMaxFacts);

int AgeOn(const Date& birth, const Date& date) {
  int age = date.year() - birth.year();
  if (date.month() < birth.month() || (date.month() == birth.month() && date.day() < birth.day())) --age;
  return age;
}

template <std::size_t N>
std::optional<int> IndexOf(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<int>(i);
  }
  return std::nullopt;
}

// Kleene "someone has it": true once a member is known to, false when all are known not to.
class AnyMember {
 public:
  void Add(std::optional<bool> member) {
    if (!member)
      unknown_ = true;
    else if (*member)
      true_ = true;
  }
  // True when a member is known to have it.
  bool AnyoneKnown() const { return true_; }
  void Set(FactValues& facts, int fact) const {
    if (!true_ && unknown_) return;
    facts.values[fact] = true_ ? 1 : 0;
    facts.known |= std::uint64_t{1} << fact;
  }

 private:
  bool true_ = false;
  bool unknown_ = false;
};

void SetKnown(FactValues& facts, int fact, double value) {
  facts.values[fact] = value;
  facts.known |= std::uint64_t{1} << fact;
}

}  // namespace

std::string_view RoleName(Role role) { return kRoleNames[static_cast<int>(role)]; }
std::optional<Role> ParseRole(std::string_view text) {
  auto index = IndexOf(kRoleNames, text);
  return index ? std::optional(static_cast<Role>(*index)) : std::nullopt;
}
std::string_view IncomeKindName(IncomeKind kind) { return kIncomeKindNames[static_cast<int>(kind)]; }
std::optional<IncomeKind> ParseIncomeKind(std::string_view text) {
  auto index = IndexOf(kIncomeKindNames, text);
  return index ? std::optional(static_cast<IncomeKind>(*index)) : std::nullopt;
}
std::string_view StatusWord(SocialStatus status) { return kStatuses[static_cast<int>(status)].word; }
std::string_view StatusMeaning(SocialStatus status) { return kStatuses[static_cast<int>(status)].meaning; }
std::optional<SocialStatus> ParseStatus(std::string_view word) {
  for (std::size_t i = 0; i < kStatuses.size(); ++i) {
    if (kStatuses[i].word == word) return static_cast<SocialStatus>(i);
  }
  return std::nullopt;
}

std::string_view InputFieldName(InputField field) {
  switch (field) {
    case InputField::kMembers:
      return "role";
    case InputField::kBirthDate:
      return "birth_date";
    case InputField::kIncome:
      return "gross_taxable_income";
    case InputField::kIncomeKind:
      return "income_kind";
    case InputField::kStatuses:
      return "statuses";
    case InputField::kMunicipality:
      return "municipality_nis";
    case InputField::kCurrentIncome:
      return "current_monthly_income";
  }
  return "";
}

std::span<const FactInfo> Facts() { return kFacts; }

int FindFact(std::string_view name) {
  for (std::size_t i = 0; i < kFacts.size(); ++i) {
    if (kFacts[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::optional<Region> RegionOfMunicipality(int nis) {
  if (nis < 10000 || nis > 99999) return std::nullopt;
  const int province = nis / 1000;
  if (province == 21) return Region::kBrussels;
  if (province == 23 || province == 24) return Region::kFlanders;
  if (province == 25) return Region::kWallonia;
  switch (nis / 10000) {
    case 1:
    case 3:
    case 4:
    case 7:
      return Region::kFlanders;
    case 5:
    case 6:
    case 8:
    case 9:
      return Region::kWallonia;
    default:
      return std::nullopt;
  }
}

std::optional<Region> RegionOfPostcode(int postcode) {
  if (postcode < 1000 || postcode > 9999) return std::nullopt;
  if (postcode < 1300) return Region::kBrussels;
  if ((postcode >= 1500 && postcode < 4000) || postcode >= 8000) return Region::kFlanders;
  return Region::kWallonia;
}

namespace {

// Income of last year and now, summed over the members a right counts.
struct IncomeSum {
  double last_year = 0, now = 0;
  bool last_year_known = true, now_known = true;
  void Add(const Person& person, bool missing_is_none) {
    if (person.gross_taxable_income)
      last_year += *person.gross_taxable_income;
    else if (!missing_is_none)
      last_year_known = false;
    if (person.current_monthly_income)
      now += 12 * *person.current_monthly_income;
    else if (!missing_is_none)
      now_known = false;
  }
};

bool MayHaveDropped(IncomeKind kind) {
  return kind == IncomeKind::kPension || kind == IncomeKind::kSickness || kind == IncomeKind::kUnemployment ||
         kind == IncomeKind::kNone;
}

}  // namespace

FactValues ComputeFacts(const Household& household, const Date& date) {
  FactValues facts;
  int adults = 0, children = 0, minors = 0, oldest = -1, oldest_birth_year = 0;
  int dependants_without_income = 0;
  bool partner = false, minors_known = true, ages_known = true, income_known = true;
  double income = 0;
  IncomeSum couple, core, everyone;
  AnyMember dropped;       // Someone's income may be below last year's.
  int applicant_age = -1;  // -1: not known.
  std::array<AnyMember, 6> income_kinds;
  std::array<AnyMember, static_cast<std::size_t>(SocialStatus::kCount)> statuses;
  for (const Person& person : household.members) {
    const std::optional<int> age = person.birth_date ? std::optional(AgeOn(*person.birth_date, date)) : std::nullopt;
    const bool couple_member = person.role == Role::kApplicant || person.role == Role::kPartner;
    if (couple_member) couple.Add(person, false);
    if (couple_member || person.role == Role::kChild) core.Add(person, person.role == Role::kChild);
    everyone.Add(person, !couple_member);
    if (!couple_member) {
      const bool has_income = person.gross_taxable_income.value_or(person.role == Role::kChild ? 0 : 1) > 0 ||
                              person.current_monthly_income.value_or(0) > 0;
      if (!has_income || person.income_kind == IncomeKind::kNone) ++dependants_without_income;
    }
    if (person.role == Role::kChild) {
      ++children;
      if (!age)
        minors_known = false;
      else if (*age < 18)
        ++minors;
      if (person.gross_taxable_income) income += *person.gross_taxable_income;
    } else {
      ++adults;
      if (person.role == Role::kPartner) partner = true;
      if (person.role == Role::kApplicant && age) applicant_age = *age;
      if (!age) {
        ages_known = false;
      } else if (*age > oldest) {
        oldest = *age;
        oldest_birth_year = person.birth_date->year();
      }
      if (person.gross_taxable_income)
        income += *person.gross_taxable_income;
      else
        income_known = false;
      dropped.Add(person.income_kind ? std::optional(MayHaveDropped(*person.income_kind)) : std::nullopt);
    }
    for (int kind = 0; kind < 6; ++kind) {
      income_kinds[kind].Add(person.income_kind ? std::optional(static_cast<int>(*person.income_kind) == kind)
                                                : std::nullopt);
    }
    for (std::size_t status = 0; status < statuses.size(); ++status) {
      std::optional<bool> has;
      if (person.statuses) has = ((*person.statuses >> status) & 1U) != 0;
      // Living on a leefloon is having one, whatever the status column says.
      if (status == static_cast<std::size_t>(SocialStatus::kLeefloon) && person.income_kind == IncomeKind::kLeefloon) {
        has = true;
      }
      statuses[status].Add(has);
    }
  }
  SetKnown(facts, 0, static_cast<double>(household.members.size()));
  SetKnown(facts, 1, adults);
  SetKnown(facts, 2, children);
  if (minors_known) SetKnown(facts, 3, minors);
  SetKnown(facts, 4, partner ? 1 : 0);
  const bool says_single_parent = statuses[static_cast<std::size_t>(SocialStatus::kSingleParent)].AnyoneKnown();
  SetKnown(facts, 5, says_single_parent || (!partner && children > 0) ? 1 : 0);
  if (income_known) SetKnown(facts, 6, income);
  if (applicant_age >= 0) SetKnown(facts, 7, applicant_age);
  if (ages_known && oldest >= 0) SetKnown(facts, 8, oldest);
  for (int kind = 0; kind < 6; ++kind) income_kinds[kind].Set(facts, kIncomeFacts + kind);
  for (std::size_t status = 0; status < statuses.size(); ++status) {
    statuses[status].Set(facts, kStatusFacts + static_cast<int>(status));
  }
  int core_members = 0;
  for (const Person& person : household.members) core_members += person.role != Role::kOther;
  SetKnown(facts, kCoreFacts, core_members);
  if (core.last_year_known) SetKnown(facts, kCoreFacts + 1, core.last_year);
  SetKnown(facts, kCoreFacts + 2, dependants_without_income);
  if (everyone.now_known) SetKnown(facts, kCoreFacts + 3, everyone.now);
  if (everyone.now_known)
    SetKnown(facts, kCoreFacts + 4, everyone.now);
  else if (income_known)
    SetKnown(facts, kCoreFacts + 4, income);
  if (couple.now_known)
    SetKnown(facts, kCoreFacts + 5, couple.now);
  else if (couple.last_year_known)
    SetKnown(facts, kCoreFacts + 5, couple.last_year);
  // Known now, nothing may have dropped; otherwise as the income kinds say.
  if (everyone.now_known)
    SetKnown(facts, kCoreFacts + 6, 0);
  else
    dropped.Set(facts, kCoreFacts + 6);
  if (ages_known && oldest >= 0) SetKnown(facts, kCoreFacts + 7, oldest_birth_year);
  std::optional<Region> region = household.region;
  if (household.municipality_nis) {
    if (const auto of_municipality = RegionOfMunicipality(*household.municipality_nis)) {
      region = of_municipality;
      SetKnown(facts, kRegionFacts + 3, *household.municipality_nis);
    }
  }
  if (region) {
    SetKnown(facts, kRegionFacts, *region == Region::kFlanders ? 1 : 0);
    SetKnown(facts, kRegionFacts + 1, *region == Region::kBrussels ? 1 : 0);
    SetKnown(facts, kRegionFacts + 2, *region == Region::kWallonia ? 1 : 0);
  }
  return facts;
}

}  // namespace zoneatlas::rights
