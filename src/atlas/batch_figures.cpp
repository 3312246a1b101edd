#include "atlas/batch_figures.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace zoneatlas::atlas {

std::uint32_t BatchFigures::Names::Number(std::string_view name) {
  const auto [it, inserted] = numbers.try_emplace(std::string(name), static_cast<std::uint32_t>(names.size()));
  if (inserted) names.emplace_back(name);
  return it->second;
}

std::vector<std::uint32_t> BatchFigures::Names::Order() {
  std::vector<std::uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
  std::vector<std::uint32_t> renumbered(names.size());
  std::vector<std::string> sorted;
  sorted.reserve(names.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    renumbered[order[rank]] = rank;
    sorted.push_back(std::move(names[order[rank]]));
  }
  names = std::move(sorted);
  for (std::uint32_t number = 0; number < names.size(); ++number) numbers[names[number]] = number;
  return renumbered;
}

void BatchFigures::Append(const BatchFigures& other) {
  figures_.reserve(figures_.size() + other.size());
  for (BatchFigure figure : other.figures_) {
    figure.indicator = IndicatorNumber(other.IndicatorId(figure));
    figure.area = AreaNumber(other.AreaCode(figure));
    figure.period = PeriodNumber(other.Period(figure));
    figures_.push_back(figure);
  }
}

void BatchFigures::Sort(const std::function<void(const BatchFigure& kept, const BatchFigure& again)>& again) {
  const std::vector<std::uint32_t> indicators = indicators_.Order();
  const std::vector<std::uint32_t> areas = areas_.Order();
  const std::vector<std::uint32_t> periods = periods_.Order();
  for (BatchFigure& figure : figures_) {
    figure.indicator = indicators[figure.indicator];
    figure.area = areas[figure.area];
    figure.period = periods[figure.period];
  }
  // Of two figures with one key the first read is kept: places follow the order read. (A
  // stable sort would need a second copy of all the figures.) The key is packed into one
  // number, as comparing it is most of the sort's work.
  auto key = [](const BatchFigure& f) {
    return (std::uint64_t{f.indicator} << 44) | (std::uint64_t{f.period} << 32) | f.area;
  };
  if (indicators_.names.size() > (1U << 20) || periods_.names.size() > (1U << 12)) {
    std::sort(figures_.begin(), figures_.end(), [](const BatchFigure& a, const BatchFigure& b) {
      return std::tuple(a.indicator, a.period, a.area, a.place) < std::tuple(b.indicator, b.period, b.area, b.place);
    });
  } else {
    std::sort(figures_.begin(), figures_.end(), [&](const BatchFigure& a, const BatchFigure& b) {
      const std::uint64_t ka = key(a), kb = key(b);
      return ka < kb || (ka == kb && a.place < b.place);
    });
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < figures_.size(); ++i) {
    const BatchFigure& last = figures_[kept > 0 ? kept - 1 : 0];
    const BatchFigure& figure = figures_[i];
    if (kept > 0 && last.indicator == figure.indicator && last.period == figure.period && last.area == figure.area) {
      again(last, figure);
      continue;
    }
    figures_[kept++] = figures_[i];
  }
  figures_.resize(kept);
}

}  // namespace zoneatlas::atlas
