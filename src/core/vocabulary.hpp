// core/vocabulary.hpp: the themes, target groups and atlas indicators the features share.
//
// A signal about food in a consultation, a workshop on food in the agenda and the food aid
// on the social map name the same theme. The words come from the social map's taxonomy
// (data/socialmap/taxonomy.json), the indicators that initiatives and campaigns measure
// themselves by from the atlas catalog; the application hands them to the other features in
// this small form, so that no feature includes another.
//
// Thread safety: immutable once made.
#ifndef ZONEATLAS_CORE_VOCABULARY_HPP_
#define ZONEATLAS_CORE_VOCABULARY_HPP_

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.hpp"

namespace zoneatlas {

struct VocabularyTerm {
  std::string id;
  std::string nl, fr, en;
  const std::string& In(Language language) const {
    return language == Language::kFr ? fr : language == Language::kEn && !en.empty() ? en : nl;
  }
};

struct Vocabulary {
  std::vector<VocabularyTerm> themes;
  std::vector<VocabularyTerm> target_groups;
  std::vector<std::string> indicators;  // The atlas catalog's indicator ids, sorted.

  // Nothing when there is no such term.
  const VocabularyTerm* FindTheme(std::string_view id) const { return Find(themes, id); }
  const VocabularyTerm* FindTargetGroup(std::string_view id) const { return Find(target_groups, id); }
  bool KnowsIndicator(std::string_view id) const {
    return std::binary_search(indicators.begin(), indicators.end(), id, std::less<>());
  }

 private:
  static const VocabularyTerm* Find(const std::vector<VocabularyTerm>& terms, std::string_view id) {
    const auto found =
        std::find_if(terms.begin(), terms.end(), [&](const VocabularyTerm& term) { return term.id == id; });
    return found == terms.end() ? nullptr : &*found;
  }
};

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_VOCABULARY_HPP_
