// rights/batch.hpp: batch screening for proactive outreach — a client-database export
// of persons in, one row per household and right out, nothing stored.
//
// Input, one row per person, a household's rows together: household_id, person_id, role
// (applicant · partner · child · other), birth_date (YYYY-MM-DD), gross_taxable_income
// (EUR, previous calendar year), income_kind, statuses (words separated by ";"),
// municipality_nis, current_monthly_income (EUR a month now). The first three columns are required; a missing optional
// column means "unknown" for everyone, an empty cell "unknown" for that person (a child's missing income counts as 0;
// an empty statuses cell means none). Extra columns are ignored. Output: household_id, right_id, outcome (likely ·
// possible · unlikely · unknown), reason, missing_facts (the input columns that would settle it, ";"-separated).
//
// Thread safety: functions of their arguments.
#ifndef ZONEATLAS_RIGHTS_BATCH_HPP_
#define ZONEATLAS_RIGHTS_BATCH_HPP_

#include <iosfwd>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/language.hpp"
#include "platform/view/view.hpp"
#include "rights/catalog.hpp"
#include "rights/facts.hpp"

namespace zoneatlas::rights {

struct BatchCounts {
  long persons = 0;
  long households = 0;
  long results = 0;  // Household-right rows written.
};

// Reads the whole input and checks every row: required columns, known roles, income
// kinds and status words, dates that are real and not after `date`, incomes that are
// numbers of at least 0 (an income now of at most ten times last year's), five-digit NIS codes, one applicant and at
// most one partner per household, a household's rows together and one municipality per household. Returns
// kInvalidArgument listing up to 50 problems as "line N, column C: message".
Result<BatchCounts> CheckBatch(std::istream& input, const Date& date);

// Screens every household of `input` (which CheckBatch accepted) at `date` and writes
// the results CSV to `output`, households in input order, rights income-raising first.
// Stops with kUnavailable when `output` fails (the reader has gone).
Result<BatchCounts> ScreenBatch(std::istream& input, std::ostream& output, const Catalog& catalog,
                                const view::Catalog& messages, const Date& date, Language language);

// The text of `zoneatlas rights screen --help`: every column and status word.
std::string BatchFormatHelp();

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_BATCH_HPP_
