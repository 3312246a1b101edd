#include "rights/questionnaire.hpp"

#include <cmath>

#include "core/text.hpp"
#include "platform/http/form.hpp"

namespace zoneatlas::rights {
namespace {

constexpr long long kMaxAge = 120;
constexpr long long kMaxChildren = 20;

std::string Field(const std::multimap<std::string, std::string>& form, const std::string& name) {
  return std::string(text::Trim(http::FormField(form, name)));
}

// The earliest birth date of someone `age` full years old on `date`: the day after the
// date `age + 1` years before (29 February falls back to the 28th).
Date BornYearsBefore(const Date& date, int age) {
  auto born = Date::FromYmd(date.year() - age - 1, date.month(), date.day());
  if (!born) born = Date::FromYmd(date.year() - age - 1, date.month(), 28);
  return Date::FromDaysSinceEpoch(born->DaysSinceEpoch() + 1);
}

// A month's income now against last year's: more than this many times is a mistake.
constexpr double kLargestRiseOfIncome = 10;

}  // namespace

Answers ReadAnswers(const std::multimap<std::string, std::string>& form) {
  Answers answers;
  answers.date = Field(form, "date");
  answers.postcode = Field(form, "postcode");
  answers.age = Field(form, "age");
  answers.income = Field(form, "income");
  answers.current_income = Field(form, "current_income");
  answers.income_kind = Field(form, "income_kind");
  answers.partner = Field(form, "partner") == "yes";
  answers.partner_age = Field(form, "partner_age");
  answers.partner_income = Field(form, "partner_income");
  answers.minor_children = Field(form, "minor_children");
  answers.adult_children = Field(form, "adult_children");
  answers.statuses_answered = Field(form, "statuses_asked") == "1";
  for (auto [at, end] = form.equal_range("status"); at != end; ++at) {
    if (ParseStatus(text::Trim(at->second))) answers.statuses.emplace_back(text::Trim(at->second));
  }
  return answers;
}

std::vector<std::pair<std::string, std::string>> AnswerFields(const Answers& answers) {
  std::vector<std::pair<std::string, std::string>> fields = {{"date", answers.date},
                                                             {"postcode", answers.postcode},
                                                             {"age", answers.age},
                                                             {"income", answers.income},
                                                             {"current_income", answers.current_income},
                                                             {"income_kind", answers.income_kind},
                                                             {"partner", answers.partner ? "yes" : "no"},
                                                             {"partner_age", answers.partner_age},
                                                             {"partner_income", answers.partner_income},
                                                             {"minor_children", answers.minor_children},
                                                             {"adult_children", answers.adult_children}};
  if (answers.statuses_answered) fields.emplace_back("statuses_asked", "1");
  for (const std::string& status : answers.statuses) fields.emplace_back("status", status);
  return fields;
}

Interpretation Interpret(const Answers& answers, const Date& today, Language language) {
  Interpretation result;
  result.date = today;
  auto problem = [&](std::string field, std::string key) {
    result.problems.push_back({std::move(field), std::move(key)});
  };
  if (!answers.date.empty()) {
    auto date = Date::Parse(answers.date);
    if (!date || date->year() < 2000 || date->year() > 2100)
      problem("date", "rights_problem_date");
    else
      result.date = *date;
  }
  Household& household = result.household;
  household.id = "questionnaire";
  if (!answers.postcode.empty()) {
    const auto postcode = text::ParseInteger(answers.postcode);
    const auto region = postcode ? RegionOfPostcode(static_cast<int>(*postcode)) : std::nullopt;
    if (!region)
      problem("postcode", "rights_problem_postcode");
    else
      household.region = region;
  }
  auto age_of = [&](const std::string& text, const std::string& field) -> std::optional<Date> {
    if (text.empty()) return std::nullopt;
    const auto age = text::ParseInteger(text);
    if (!age || *age < 0 || *age > kMaxAge) {
      problem(field, "rights_problem_age");
      return std::nullopt;
    }
    return BornYearsBefore(result.date, static_cast<int>(*age));
  };
  auto income_of = [&](const std::string& text, const std::string& field) -> std::optional<double> {
    if (text.empty()) return std::nullopt;
    const auto amount = text::ParseEuro(text, language);
    if (!amount || *amount < 0) {
      problem(field, "rights_problem_income");
      return std::nullopt;
    }
    return amount;
  };
  std::optional<StatusSet> statuses;
  if (answers.statuses_answered) {
    StatusSet set = 0;
    for (const std::string& word : answers.statuses) {
      if (auto status = ParseStatus(word)) set |= StatusSet{1} << static_cast<int>(*status);
    }
    statuses = set;
  }
  Person applicant{
      "applicant", Role::kApplicant, age_of(answers.age, "age"), income_of(answers.income, "income"), std::nullopt,
      statuses,    std::nullopt};
  if (!answers.income_kind.empty()) {
    applicant.income_kind = ParseIncomeKind(answers.income_kind);
    if (!applicant.income_kind) problem("income_kind", "rights_problem_income_kind");
  }
  // The situation questions are about the household: what is ticked may be the
  // partner's, and what is not ticked applies to neither.
  Person partner{"partner",
                 Role::kPartner,
                 age_of(answers.partner_age, "partner_age"),
                 income_of(answers.partner_income, "partner_income"),
                 std::nullopt,
                 statuses ? std::optional(StatusSet{0}) : std::nullopt,
                 std::nullopt};
  if (const auto now = income_of(answers.current_income, "current_income")) {
    const double last_year =
        applicant.gross_taxable_income.value_or(0) + (answers.partner ? partner.gross_taxable_income.value_or(0) : 0);
    if (last_year > 0 && 12 * *now > kLargestRiseOfIncome * last_year) {
      problem("current_income", "rights_problem_current_income");
    } else {
      applicant.current_monthly_income = *now;
      partner.current_monthly_income = 0;  // The answer is the two together.
    }
  }
  household.members.push_back(std::move(applicant));
  if (answers.partner) household.members.push_back(std::move(partner));
  auto children_of = [&](const std::string& text, const std::string& field, int age) {
    if (text.empty()) return;
    const auto count = text::ParseInteger(text);
    if (!count || *count < 0 || *count > kMaxChildren) {
      problem(field, "rights_problem_children");
      return;
    }
    for (long long child = 0; child < *count; ++child) {
      household.members.push_back({"child", Role::kChild, BornYearsBefore(result.date, age), std::nullopt, std::nullopt,
                                   statuses ? std::optional(StatusSet{0}) : std::nullopt, std::nullopt});
    }
  };
  // A minor child's exact age does not change any rule yet; 10 and 20 stand for "under"
  // and "over 18".
  children_of(answers.minor_children, "minor_children", 10);
  children_of(answers.adult_children, "adult_children", 20);
  return result;
}

}  // namespace zoneatlas::rights
