// rights/freshness.hpp: what in the catalog needs an editor before it misleads a
// screening — a parameter with no figure on a date, one whose newest figure ends within a
// horizon, a figure resting on neither an official page nor the body that pays it.
// `zoneatlas rights check`, the server's start and the editors' figures page read it.
//
// Thread safety: functions of their arguments.
#ifndef ZONEATLAS_RIGHTS_FRESHNESS_HPP_
#define ZONEATLAS_RIGHTS_FRESHNESS_HPP_

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "rights/catalog.hpp"

namespace zoneatlas::rights {

struct Attention {
  enum class Kind {
    kNoFigure,    // No figure on the date (after the newest one, or in a gap).
    kEndsSoon,    // The newest figure ends within the horizon.
    kWeakSource,  // A figure from a secondary or unverified source.
  };
  Kind kind = Kind::kNoFigure;
  const Parameter* parameter = nullptr;
  const ParameterValue* figure = nullptr;   // kWeakSource: that figure; else the newest one.
  Date ends = Date::FromDaysSinceEpoch(0);  // The last day the newest figure holds.
};

// Everything that needs attention on `date` looking `horizon_days` ahead, in catalog
// order: first the parameters without a figure, then those ending soon, then the weak
// sources. Parameters of method (every figure tagged M) are left out.
std::vector<Attention> NeedsAttention(const Catalog& catalog, const Date& date, int horizon_days);

// One line for a terminal or a log, in English: "vt.grens_jaar: no figure on 2026-12-07;
// the newest ended 2024-12-31 (indexed upwards: screened within bounds)".
std::string Describe(const Attention& attention, const Date& date);

// The last day on which every figure `right`'s rules read is known (the earliest end of
// their newest figures, method parameters aside); nothing when its rules read none.
std::optional<Date> FiguresKnownUntil(const Catalog& catalog, const Right& right);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_FRESHNESS_HPP_
