// web/figure_table.hpp: atlas figures that a feature's page shows beside its own records —
// the indicator an initiative should move, before it started and at its latest; the uptake
// a campaign starts from, per municipality. The features do not include the atlas: the
// application fills the table and hands it to them.
//
// Thread safety: value types; FigureTableModel is a pure function.
#ifndef ZONEATLAS_WEB_FIGURE_TABLE_HPP_
#define ZONEATLAS_WEB_FIGURE_TABLE_HPP_

#include <boost/json/fwd.hpp>
#include <string>
#include <vector>

namespace zoneatlas::web {

struct FigureRow {
  std::string area_code;           // The municipality's NIS code; empty for the zone and the region.
  std::string place;               // Its name in the reader's language.
  std::vector<std::string> cells;  // One written figure per period, then per subgroup.
  std::string remark;              // What the row's figures say ("+4.5, favourable"); may be empty.
};

struct FigureTable {
  std::string indicator;             // The indicator's name in the reader's language.
  std::string unit;                  // Its unit, for the caption.
  std::string href;                  // Its atlas page for the zone.
  std::vector<std::string> periods;  // The columns.
  // Further columns after the periods: the same measure among a group of people, named by
  // the group ("With verhoogde tegemoetkoming"), in the last period.
  std::vector<std::string> subgroups;
  std::vector<FigureRow> rows;       // The places asked for, then the zone and the region.
  bool demo = false;                 // Some figure rests on demonstration values.
};

// {indicator, unit, href, periods: [...], subgroups: [...], has_subgroups, rows: [{code, place,
// cells: [...], remark, reference}], demo} for a template; `reference` marks the zone and
// region rows.
boost::json::object FigureTableModel(const FigureTable& table);

}  // namespace zoneatlas::web

#endif  // ZONEATLAS_WEB_FIGURE_TABLE_HPP_
