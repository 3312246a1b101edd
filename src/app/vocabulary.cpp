#include "app/vocabulary.hpp"

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

Vocabulary SharedVocabulary(const socialmap::Taxonomy& taxonomy) {
  return {.themes = Terms(taxonomy.themes()), .target_groups = Terms(taxonomy.target_groups())};
}

}  // namespace zoneatlas::app
