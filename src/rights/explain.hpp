// rights/explain.hpp: a screening result in plain language — why a right is likely,
// possible, unlikely, or cannot be told yet, and what would settle it.
//
// Thread safety: functions of their arguments; the Screener passed in is used (not
// thread-safe), so call them on the screener's own thread, right after Screen.
#ifndef ZONEATLAS_RIGHTS_EXPLAIN_HPP_
#define ZONEATLAS_RIGHTS_EXPLAIN_HPP_

#include <string>
#include <vector>

#include "core/language.hpp"
#include "platform/view/view.hpp"
#include "rights/screen.hpp"

namespace zoneatlas::rights {

// The reason for `result` (of `right`, for the household `screener` screened last): the
// conditions' own texts with their {values}, the route that grants it, and for
// "cannot tell yet" what is missing.
std::string Reason(Screener& screener, const view::Catalog& messages, const Right& right, const RightResult& result,
                   Language language);

// The input fields (batch columns) that would settle `result`, without repeats:
// "birth_date", "gross_taxable_income".
std::vector<std::string> MissingInputs(const RightResult& result);

// The parameters `right` needs that have no figure on the screener's date.
std::vector<const Parameter*> MissingFigures(const Screener& screener, const Right& right, const RightResult& result);

// Rights in the order people should see them: income-raising ones first, then the
// catalog's order. Positions in catalog.rights().
std::vector<int> PresentationOrder(const Catalog& catalog);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_EXPLAIN_HPP_
