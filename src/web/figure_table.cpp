#include "web/figure_table.hpp"

#include <boost/json.hpp>

namespace zoneatlas::web {

boost::json::object FigureTableModel(const FigureTable& table) {
  namespace json = boost::json;
  json::array rows;
  for (const FigureRow& row : table.rows) {
    rows.push_back(json::object{{"code", row.area_code},
                                {"place", row.place},
                                {"cells", json::array(row.cells.begin(), row.cells.end())},
                                {"remark", row.remark},
                                {"reference", row.area_code.empty()}});
  }
  return json::object{{"indicator", table.indicator},
                      {"unit", table.unit},
                      {"href", table.href},
                      {"periods", json::array(table.periods.begin(), table.periods.end())},
                      {"subgroups", json::array(table.subgroups.begin(), table.subgroups.end())},
                      {"has_subgroups", !table.subgroups.empty()},
                      {"rows", std::move(rows)},
                      {"demo", table.demo}};
}

}  // namespace zoneatlas::web
