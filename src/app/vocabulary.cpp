#include "app/vocabulary.hpp"

#include <algorithm>

namespace zoneatlas::app {
namespace {

std::vector<VocabularyTerm> Terms(const std::vector<socialmap::Term>& terms) {
  std::vector<VocabularyTerm> converted;
  for (const socialmap::Term& term : terms) {
    converted.push_back({.id = term.id, .nl = term.name.nl, .fr = term.name.fr, .en = term.name.en});
  }
  return converted;
}

}  // namespace

Vocabulary SharedVocabulary(const socialmap::Taxonomy& taxonomy, const atlas::Catalog& indicators) {
  Vocabulary vocabulary{
      .themes = Terms(taxonomy.themes()), .target_groups = Terms(taxonomy.target_groups()), .indicators = {}};
  for (const atlas::Indicator& indicator : indicators.indicators()) {
    vocabulary.indicators.push_back(
        {.id = indicator.id, .nl = indicator.names.nl, .fr = indicator.names.fr, .en = indicator.names.en});
  }
  std::sort(vocabulary.indicators.begin(), vocabulary.indicators.end(),
            [](const VocabularyTerm& a, const VocabularyTerm& b) { return a.id < b.id; });
  return vocabulary;
}

}  // namespace zoneatlas::app
