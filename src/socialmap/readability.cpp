#include "socialmap/readability.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace zoneatlas::socialmap {
namespace {

bool EndsSentence(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?' && c != ';') return false;
  return at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n';
}

// Letters of a UTF-8 word: every byte that does not continue a character.
int Letters(std::string_view word) {
  return static_cast<int>(
      std::count_if(word.begin(), word.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool InWord(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '\'';
}

}  // namespace

Readability ReadabilityOf(std::string_view text) {
  Readability result;
  std::size_t start = 0;
  const auto finish = [&](std::size_t end) {
    const std::string_view sentence = text::Trim(text.substr(start, end - start));
    start = end;
    int words = 0;
    for (std::size_t i = 0; i < sentence.size();) {
      if (!InWord(sentence[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < sentence.size() && InWord(sentence[j])) ++j;
      const std::string_view word = sentence.substr(i, j - i);
      if (word.find_first_not_of("-'") != std::string_view::npos) {
        ++words;
        if (Letters(word) > kLongWordLetters &&
            std::find(result.long_words.begin(), result.long_words.end(), word) == result.long_words.end()) {
          result.long_words.emplace_back(word);
        }
      }
      i = j;
    }
    if (words == 0) return;
    ++result.sentences;
    result.words += words;
    if (words > kLongSentenceWords) result.long_sentences.emplace_back(sentence);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (EndsSentence(text, i)) finish(i + 1);
  }
  if (start < text.size()) finish(text.size());
  return result;
}

}  // namespace zoneatlas::socialmap
