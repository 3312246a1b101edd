#include "rights/freshness.hpp"

#include <algorithm>
#include <set>

#include "platform/view/view.hpp"

namespace zoneatlas::rights {
namespace {

bool IsMethod(const Parameter& parameter) {
  return !parameter.values.empty() && std::ranges::all_of(parameter.values, [](const ParameterValue& value) {
    return value.reliability == Reliability::kMethod;
  });
}

std::string Amount(const Parameter& parameter, double value) {
  std::string text = view::FormatNumber(value, parameter.unit.starts_with("EUR") ? 2 : 0, Language::kEn);
  return parameter.unit.starts_with("EUR") ? "EUR " + text : text;
}

}  // namespace

std::vector<Attention> NeedsAttention(const Catalog& catalog, const Date& date, int horizon_days) {
  std::vector<Attention> missing, ending, weak;
  const Date horizon = Date::FromDaysSinceEpoch(date.DaysSinceEpoch() + std::max(0, horizon_days));
  for (const Parameter& parameter : catalog.parameters()) {
    if (parameter.values.empty() || IsMethod(parameter)) continue;
    const Attention newest{Attention::Kind::kNoFigure, &parameter, &parameter.values.back(), parameter.NewestEnds()};
    if (parameter.At(date) == nullptr) {
      missing.push_back(newest);
    } else if (newest.ends < horizon) {
      ending.push_back(newest);
      ending.back().kind = Attention::Kind::kEndsSoon;
    }
    for (const ParameterValue& value : parameter.values) {
      if (value.reliability == Reliability::kSecondary || value.reliability == Reliability::kUnverified) {
        weak.push_back({Attention::Kind::kWeakSource, &parameter, &value, newest.ends});
      }
    }
  }
  missing.insert(missing.end(), ending.begin(), ending.end());
  missing.insert(missing.end(), weak.begin(), weak.end());
  return missing;
}

std::string Describe(const Attention& attention, const Date& date) {
  const Parameter& parameter = *attention.parameter;
  switch (attention.kind) {
    case Attention::Kind::kNoFigure: {
      std::string line = parameter.id + ": no figure on " + date.ToIso();
      line += date < parameter.values.front().from ? "; the first starts " + parameter.values.front().from.ToIso()
              : attention.ends < date              ? "; the newest ended " + attention.ends.ToIso()
                                                   : "; it falls in a gap between two figures";
      line += parameter.indexed_upwards.empty() ? " (screening says \"cannot tell yet\")"
                                                : " (indexed upwards: screened within bounds)";
      return line;
    }
    case Attention::Kind::kEndsSoon:
      return parameter.id + ": the newest figure (" + Amount(parameter, attention.figure->value) + " from " +
             attention.figure->from.ToIso() + ") ends " + attention.ends.ToIso();
    case Attention::Kind::kWeakSource:
      break;
  }
  const ParameterValue& figure = *attention.figure;
  return parameter.id + ": the figure from " + figure.from.ToIso() + " (" + Amount(parameter, figure.value) +
         ") rests on a " + (figure.reliability == Reliability::kSecondary ? "secondary" : "unverified") +
         " source, not an official page or the paying body: " + figure.source;
}

std::optional<Date> FiguresKnownUntil(const Catalog& catalog, const Right& right) {
  std::set<std::string> read;
  for (const Route& route : right.routes) {
    for (const Condition& condition : route.conditions) {
      for (std::string& name : NamesIn(Catalog::ExpandTerms(right, condition.test + " " + condition.near))) {
        read.insert(std::move(name));
      }
    }
  }
  std::optional<Date> until;
  for (const std::string& name : read) {
    const Parameter* parameter = catalog.FindParameter(name);
    if (parameter == nullptr || parameter->values.empty() || IsMethod(*parameter)) continue;
    const Date ends = parameter->NewestEnds();
    if (!until || ends < *until) until = ends;
  }
  return until;
}

}  // namespace zoneatlas::rights
