#include "rights/explain.hpp"

#include <algorithm>
#include <map>

namespace zoneatlas::rights {
namespace {

bool IsMoney(const Catalog& catalog, const Right& right, std::string_view name) {
  if (const int fact = FindFact(name); fact >= 0) return Facts()[fact].money;
  if (const Parameter* parameter = catalog.FindParameter(name)) return parameter->unit.starts_with("EUR");
  // A term is an amount when it reads one (a limit), not when it reads only ages or counts.
  const auto term = std::ranges::find_if(right.terms, [&](const Term& t) { return t.name == name; });
  if (term == right.terms.end()) return false;
  for (const std::string& read : NamesIn(Catalog::ExpandTerms(right, term->expression))) {
    if (IsMoney(catalog, right, read)) return true;
  }
  return false;
}

std::string Money(double value, Language language) {
  const std::string number = view::FormatNumber(value, 2, language);
  return language == Language::kEn ? "EUR " + number : number + " €";
}

// `text` with each {name} replaced by its value for the last household.
std::string Fill(Screener& screener, const Right& right, const std::string& text, Language language) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string::npos ? open : text.find('}', open);
    if (close == std::string::npos) break;
    out.append(text, at, open - at);
    const std::string name = text.substr(open + 1, close - open - 1);
    const auto value = screener.Value(right, name);
    if (!value)
      out += "?";
    else if (IsMoney(screener.catalog(), right, name))
      out += Money(*value, language);
    else
      out += view::FormatNumber(*value, *value == static_cast<long long>(*value) ? 0 : 2, language);
    at = close + 1;
  }
  out.append(text, at);
  return out;
}

// Adds a sentence, once: routes that fail on the same condition say it once.
void Append(std::string& to, const std::string& sentence) {
  if (sentence.empty() || to.find(sentence) != std::string::npos) return;
  if (!to.empty()) to += ' ';
  to += sentence;
}

std::string Day(const Date& date, Language language) {
  return view::FormatDate(date.year(), date.month(), date.day(), language);
}

// The parameters without a figure on the date that the findings' tests read within their
// bounds and that matter for this household, by position in the catalog, once each.
std::vector<std::size_t> BoundedParameters(Screener& screener, const Right& right, const Findings& findings) {
  std::vector<std::size_t> bounded;
  const Catalog& catalog = screener.catalog();
  for (const Finding& finding : findings) {
    const Condition& condition = right.routes[finding.route].conditions[finding.condition];
    for (const std::string& name : NamesIn(Catalog::ExpandTerms(right, condition.test))) {
      const Parameter* parameter = catalog.FindParameter(name);
      if (parameter == nullptr) continue;
      const auto index = static_cast<std::size_t>(parameter - catalog.parameters().data());
      if (screener.Bounds(index) != nullptr && std::ranges::find(bounded, index) == bounded.end() &&
          screener.BoundMatters(right, condition, index)) {
        bounded.push_back(index);
      }
    }
  }
  return bounded;
}

// On what the answer rests when figures ran out: "based on the amounts of 1 February 2025
// (24.814,75 €, 4.591,85 €); such amounts have only been raised since", and for an answer
// "unlikely" the ceiling that still leaves the income above.
void AppendBasis(const Screener& screener, const view::Catalog& messages, const std::vector<std::size_t>& bounded,
                 bool unlikely, std::string& reason, Language language) {
  std::map<long, std::string> amounts_by_day;
  const FigureBounds* widest = nullptr;
  for (std::size_t index : bounded) {
    const FigureBounds& bounds = *screener.Bounds(index);
    std::string& amounts = amounts_by_day[bounds.last->from.DaysSinceEpoch()];
    if (!amounts.empty()) amounts += ", ";
    amounts += Money(bounds.last->value, language);
    if (widest == nullptr || (widest->next != nullptr && bounds.next == nullptr)) widest = &bounds;
  }
  for (const auto& [day, amounts] : amounts_by_day) {
    Append(reason, messages.Format(language, "rights_reason_indexed",
                                   {{"date", Day(Date::FromDaysSinceEpoch(day), language)}, {"amounts", amounts}}));
  }
  if (!unlikely || widest == nullptr) return;
  if (widest->next != nullptr) {
    Append(reason,
           messages.Format(language, "rights_reason_next_bound", {{"date", Day(widest->next->from, language)}}));
  } else if (widest->years > 0) {
    Append(reason, messages.Format(language, "rights_reason_rise_bound",
                                   {{"rise", view::FormatNumber(widest->yearly_rise * 100, 0, language) + " %"},
                                    {"years", std::to_string(widest->years)},
                                    {"parameter", std::string(kLargestYearlyRise)}}));
  }
}

}  // namespace

std::vector<std::string> MissingInputs(const RightResult& result) {
  std::vector<std::string> inputs;
  for (int fact = 0; fact < static_cast<int>(Facts().size()); ++fact) {
    if (((result.missing_facts >> fact) & 1U) == 0) continue;
    std::string input(InputFieldName(Facts()[fact].input));
    if (std::ranges::find(inputs, input) == inputs.end()) inputs.push_back(std::move(input));
  }
  return inputs;
}

std::vector<const Parameter*> MissingFigures(const Screener& screener, const Right& right, const RightResult& result) {
  std::vector<const Parameter*> missing;
  if (!result.missing_figures) return missing;
  for (const Finding& finding : result.findings) {
    if (finding.state != ConditionState::kUnknown) continue;
    const Condition& condition = right.routes[finding.route].conditions[finding.condition];
    for (const std::string& name : NamesIn(Catalog::ExpandTerms(right, condition.test))) {
      const Parameter* parameter = screener.catalog().FindParameter(name);
      if (parameter != nullptr && parameter->At(screener.date()) == nullptr &&
          screener.Bounds(static_cast<std::size_t>(parameter - screener.catalog().parameters().data())) == nullptr &&
          std::ranges::find(missing, parameter) == missing.end()) {
        missing.push_back(parameter);
      }
    }
  }
  return missing;
}

std::string Reason(Screener& screener, const view::Catalog& messages, const Right& right, const RightResult& result,
                   Language language) {
  std::string reason;
  auto route_prefix = [&](int route) { return right.routes[route].name.In(language) + ": "; };
  switch (result.outcome) {
    case Outcome::kLikely:
    case Outcome::kPossible: {
      if (!result.findings.empty()) reason = route_prefix(result.findings.front().route);
      std::string body;
      for (const Finding& finding : result.findings) {
        const Condition& condition = right.routes[finding.route].conditions[finding.condition];
        if (finding.state == ConditionState::kHolds)
          Append(body, Fill(screener, right, condition.yes.In(language), language));
        if (finding.state == ConditionState::kNear) {
          Append(body, Fill(screener, right, condition.no.In(language), language));
          Append(body, std::string(messages.Get(language, "rights_reason_near")));
        }
        if (finding.state == ConditionState::kBetween) {
          Append(body, Fill(screener, right, condition.no.In(language), language));
          Append(body, std::string(messages.Get(language, "rights_reason_between")));
        }
        if (finding.state == ConditionState::kCheck) {
          Append(body, condition.check.In(language).empty()
                           ? std::string(messages.Get(language, "rights_reason_check"))
                           : Fill(screener, right, condition.check.In(language), language));
        }
      }
      AppendBasis(screener, messages, BoundedParameters(screener, right, result.findings), false, body, language);
      reason += body;
      break;
    }
    case Outcome::kUnlikely:
      for (const Finding& finding : result.findings) {
        const Condition& condition = right.routes[finding.route].conditions[finding.condition];
        Append(reason, Fill(screener, right, condition.no.In(language), language));
      }
      AppendBasis(screener, messages, BoundedParameters(screener, right, result.findings), true, reason, language);
      break;
    case Outcome::kUnknown: {
      std::string facts;
      for (const std::string& input : MissingInputs(result)) {
        if (!facts.empty()) facts += ", ";
        facts += messages.Get(language, "rights_input_" + input);
      }
      if (!facts.empty()) Append(reason, messages.Format(language, "rights_reason_missing_facts", {{"facts", facts}}));
      std::string figures;
      for (const Parameter* parameter : MissingFigures(screener, right, result)) {
        if (!figures.empty()) figures += "; ";
        figures += parameter->description.In(language);
      }
      if (!figures.empty()) {
        const Date& date = screener.date();
        Append(reason, messages.Format(language, "rights_reason_missing_figures",
                                       {{"date", Day(date, language)}, {"figures", figures}}));
      }
      break;
    }
  }
  return reason;
}

std::vector<int> PresentationOrder(const Catalog& catalog) {
  std::vector<int> order(catalog.rights().size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::ranges::stable_sort(order, [&](int a, int b) {
    return catalog.rights()[a].effect == Effect::kRaisesIncome && catalog.rights()[b].effect != Effect::kRaisesIncome;
  });
  return order;
}

}  // namespace zoneatlas::rights
