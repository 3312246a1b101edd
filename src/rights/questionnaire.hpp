// rights/questionnaire.hpp: the screening questionnaire a citizen fills in alone or with
// a social worker — answers as a form sends them, and the household they describe.
//
// Every question may stay empty ("I don't know"): the screening then says what it would
// need. Nothing here is stored; the answers travel in the form (and in the flyer's
// form) only.
//
// Thread safety: value types and pure functions.
#ifndef ZONEATLAS_RIGHTS_QUESTIONNAIRE_HPP_
#define ZONEATLAS_RIGHTS_QUESTIONNAIRE_HPP_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/language.hpp"
#include "rights/facts.hpp"

namespace zoneatlas::rights {

// The answers as typed, so that a form with a problem comes back as it was sent.
struct Answers {
  std::string date;  // YYYY-MM-DD; empty for today.
  std::string postcode;
  std::string age;
  std::string income;          // Gross taxable income of last year, in euro.
  std::string current_income;  // What the applicant and partner have now, in euro a month.
  std::string income_kind;
  bool partner = false;
  std::string partner_age;
  std::string partner_income;
  std::string minor_children;
  std::string adult_children;
  std::vector<std::string> statuses;  // Ticked status words.
  bool statuses_answered = false;     // The situation questions were on the form.
};

// The fields of the form, in the order the form sends them.
Answers ReadAnswers(const std::multimap<std::string, std::string>& form);
// The answers as form fields (name, value), to send them again from a hidden form.
std::vector<std::pair<std::string, std::string>> AnswerFields(const Answers& answers);

// A question that cannot be answered like that: the field and a message key of the
// catalog (web/i18n), e.g. {"age", "rights_problem_age"}.
struct AnswerProblem {
  std::string field;
  std::string message_key;
};

struct Interpretation {
  Household household;
  Date date = Date::FromDaysSinceEpoch(0);
  std::vector<AnswerProblem> problems;
};

// The household the answers describe, screened at `date` (or `today`): ages become
// birth dates, the postcode a region, ticked statuses are known and the others known
// not to apply. An amount may be written "25000", "25.000" or "25.000,50" (in Dutch and
// French the comma is decimal; in English "25,000.50"). Ages from 0 to 120, amounts of
// at least 0, Belgian postcodes and dates from 2000 to 2100 are accepted; an income now
// of more than ten times last year's (a month against a twelfth) is asked again. An age
// becomes the earliest birth date it allows, so that a pension age by birth year is
// never set too high.
// The income now is the applicant's and the partner's together; it is put on the applicant.
Interpretation Interpret(const Answers& answers, const Date& today, Language language);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_QUESTIONNAIRE_HPP_
