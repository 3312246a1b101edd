// socialmap/readability.hpp: a hint for editors writing in plain language (eenvoudige
// taal, langage clair): which sentences are long and which words are long, as the
// guidelines for plain Dutch and French count them. A hint, never a refusal: some long
// words (a right's official name) are needed, and the editor decides.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_SOCIALMAP_READABILITY_HPP_
#define ZONEATLAS_SOCIALMAP_READABILITY_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace zoneatlas::socialmap {

// Plain-language guidelines advise at most about 15 words per sentence and short words.
inline constexpr int kLongSentenceWords = 15;
inline constexpr int kLongWordLetters = 14;

struct Readability {
  int sentences = 0;
  int words = 0;
  std::vector<std::string> long_sentences;  // Each as written, in order.
  std::vector<std::string> long_words;      // Each once, in order of appearance.

  bool ok() const { return long_sentences.empty() && long_words.empty(); }
};

// Sentences end at '.', '!', '?' or ';' followed by a space or the end, or at a line
// break; words are runs of letters, digits, hyphens and apostrophes (UTF-8 aware).
Readability ReadabilityOf(std::string_view text);

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_READABILITY_HPP_
