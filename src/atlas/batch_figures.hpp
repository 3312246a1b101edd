// atlas/batch_figures.hpp: the figures of one import, held compactly until they are saved.
//
// A file of ten million rows would take gigabytes as Observations (three strings each);
// here a figure is 48 bytes, and each indicator id, area code and period is kept once.
//
// Thread safety: a value type; not for concurrent writes.
#ifndef ZONEATLAS_ATLAS_BATCH_FIGURES_HPP_
#define ZONEATLAS_ATLAS_BATCH_FIGURES_HPP_

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace zoneatlas::atlas {

struct BatchFigure {
  // NaN where the file has no figure (a count has no numerator or denominator).
  double value = std::nan("");
  double numerator = std::nan("");
  double denominator = std::nan("");
  // Numbers given by BatchFigures::IndicatorNumber, AreaNumber and PeriodNumber.
  std::uint32_t indicator = 0;
  std::uint32_t area = 0;
  std::uint32_t period = 0;
  // Where the figure was read, in the importer's own numbering, to name duplicates.
  std::uint32_t place = 0;
  std::uint16_t column = 0;
};

inline std::optional<double> Present(double number) {
  return std::isnan(number) ? std::nullopt : std::optional<double>(number);
}

class BatchFigures {
 public:
  // The number standing for an indicator id, area code or period, the same each time.
  std::uint32_t IndicatorNumber(std::string_view indicator_id) { return indicators_.Number(indicator_id); }
  std::uint32_t AreaNumber(std::string_view area_code) { return areas_.Number(area_code); }
  const std::string& AreaCodeOf(std::uint32_t area) const { return areas_.names[area]; }
  std::uint32_t PeriodNumber(std::string_view period) { return periods_.Number(period); }

  void Reserve(std::size_t count) { figures_.reserve(count); }
  void Add(const BatchFigure& figure) { figures_.push_back(figure); }
  // Adds every figure of `other`, renumbered.
  void Append(const BatchFigures& other);

  // Orders the figures by indicator id, period and area code, leaving one figure for each
  // of them: `again` is told of each later figure with the key of an earlier one, which
  // is kept.
  void Sort(const std::function<void(const BatchFigure& kept, const BatchFigure& again)>& again);

  const std::vector<BatchFigure>& all() const { return figures_; }
  std::size_t size() const { return figures_.size(); }
  bool empty() const { return figures_.empty(); }
  const std::string& IndicatorId(const BatchFigure& figure) const { return indicators_.names[figure.indicator]; }
  const std::string& AreaCode(const BatchFigure& figure) const { return areas_.names[figure.area]; }
  const std::string& Period(const BatchFigure& figure) const { return periods_.names[figure.period]; }

 private:
  struct Names {
    std::vector<std::string> names;
    std::unordered_map<std::string, std::uint32_t> numbers;
    std::uint32_t Number(std::string_view name);
    // Renumbers in the order of the names; returns old number → new number.
    std::vector<std::uint32_t> Order();
  };
  Names indicators_, areas_, periods_;
  std::vector<BatchFigure> figures_;
};

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_BATCH_FIGURES_HPP_
