// atlas/presentation.hpp: how the atlas writes its figures and what it says about them,
// in the reader's language, shared by the pages and the downloads.
//
// Thread safety: immutable after construction.
#ifndef ZONEATLAS_ATLAS_PRESENTATION_HPP_
#define ZONEATLAS_ATLAS_PRESENTATION_HPP_

#include <string>

#include "atlas/catalog.hpp"
#include "atlas/compare.hpp"
#include "core/language.hpp"
#include "platform/view/view.hpp"

namespace zoneatlas::atlas {

// A number as files, forms and URLs carry it: a dot for decimals, no thousands separator,
// as many digits as it takes to read back the same number ("100000", "2.5").
std::string PlainNumber(double value);

// A choropleth class from 1 (lightest) to 5: five classes of equal width between the
// smallest and largest value shown; 3 when they are all the same.
int ShadeOf(double value, double low, double high);

class Presentation {
 public:
  Presentation(const Catalog& catalog, const view::Catalog& texts, Language language)
      : catalog_(catalog), texts_(texts), language_(language) {}

  // "21,4 %", "2.340 inwoners per km²", "38.120 euro".
  std::string Number(const Indicator& indicator, double value) const;
  std::string WithUnit(const Indicator& indicator, double value) const;
  // A figure as a table cell shows it: the number, "hidden" when suppressed, "–" when absent.
  std::string Cell(const Indicator& indicator, const Figure& figure) const;
  std::string UnitName(const Indicator& indicator) const;
  // "Halle: 21,4 % — higher than the zone (19,8 %) and than Vlaams Gewest (20,9 %)."
  // Either reference may be absent; counts are stated without comparison.
  // REQUIRES: figure.Shown(). With its 95 % interval, a figure is higher or lower than a
  // reference only when the reference lies outside it ("not clearly different" otherwise).
  std::string Sentence(const Indicator& indicator, const std::string& subject, const Figure& figure,
                       const std::string& zone_name, std::optional<double> zone, const std::string& region_name,
                       std::optional<double> region) const;
  // Read out for a member's marker: "markedly higher than the zone (unfavourable)".
  std::string MarkerText(Standing standing, Judgement judgement) const;
  Language language() const { return language_; }
  const view::Catalog& texts() const { return texts_; }

 private:
  // "higher than", "lower than", and with an interval "not clearly different from", else
  // "similar to".
  std::string Comparison(const std::optional<Interval>& interval, double value, double reference) const;
  const Catalog& catalog_;
  const view::Catalog& texts_;
  Language language_;
};

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_PRESENTATION_HPP_
