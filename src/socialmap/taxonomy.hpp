// socialmap/taxonomy.hpp: the social map's themes, target groups, competent levels and
// search synonyms, shipped as data (data/socialmap/taxonomy.json).
//
// Thread safety: a loaded Taxonomy is immutable.
#ifndef ZONEATLAS_SOCIALMAP_TAXONOMY_HPP_
#define ZONEATLAS_SOCIALMAP_TAXONOMY_HPP_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "socialmap/model.hpp"

namespace zoneatlas::socialmap {

struct Term {
  std::string id;
  Texts name;
  std::vector<std::string> words;  // What people type for it, in any language.
  // Themes: the atlas indicators that measure the need this help answers (ids of the
  // atlas catalog), set beside the supply on the zones' supply pages.
  std::vector<std::string> need_indicators;
};

class Taxonomy {
 public:
  // Parses and checks the taxonomy: unique ids, names in nl, fr and en. Returns
  // kInvalidArgument naming each problem.
  static Result<Taxonomy> Parse(std::string_view json);
  static Result<Taxonomy> Shipped();

  const std::vector<Term>& themes() const { return themes_; }
  const std::vector<Term>& target_groups() const { return target_groups_; }
  const std::vector<Term>& competent_levels() const { return competent_levels_; }
  // Groups of words and phrases that mean the same to a searcher (OCMW = CPAS), folded.
  const std::vector<std::vector<std::string>>& synonyms() const { return synonyms_; }
  // Words too common to require in a search ("met", "pour"), folded.
  bool IsStopword(std::string_view word) const;

  // Returns nullptr when there is no such term.
  const Term* FindTheme(std::string_view id) const;
  const Term* FindTargetGroup(std::string_view id) const;
  const Term* FindCompetentLevel(std::string_view id) const;

 private:
  std::vector<Term> themes_, target_groups_, competent_levels_;
  std::vector<std::vector<std::string>> synonyms_;
  std::set<std::string, std::less<>> stopwords_;
};

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_TAXONOMY_HPP_
