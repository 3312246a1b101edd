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
  std::vector<VocabularyTerm> indicators;  // The atlas catalog's indicators, sorted by id.

  // Nothing when there is no such term.
  const VocabularyTerm* FindTheme(std::string_view id) const { return Find(themes, id); }
  const VocabularyTerm* FindTargetGroup(std::string_view id) const { return Find(target_groups, id); }
  const VocabularyTerm* FindIndicator(std::string_view id) const {
    const auto found = std::lower_bound(indicators.begin(), indicators.end(), id,
                                        [](const VocabularyTerm& term, std::string_view key) { return term.id < key; });
    return found != indicators.end() && found->id == id ? &*found : nullptr;
  }
  bool KnowsIndicator(std::string_view id) const { return FindIndicator(id) != nullptr; }

 private:
  static const VocabularyTerm* Find(const std::vector<VocabularyTerm>& terms, std::string_view id) {
    const auto found =
        std::find_if(terms.begin(), terms.end(), [&](const VocabularyTerm& term) { return term.id == id; });
    return found == terms.end() ? nullptr : &*found;
  }
};

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_VOCABULARY_HPP_
