#include "core/language.hpp"

#include "core/text.hpp"

namespace zoneatlas {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kNl: return "nl";
    case Language::kFr: return "fr";
    case Language::kEn: return "en";
  }
  return "nl";
}

std::string_view LanguageName(Language language) {
  switch (language) {
    case Language::kNl: return "Nederlands";
    case Language::kFr: return "Français";
    case Language::kEn: return "English";
  }
  return "Nederlands";
}

std::optional<Language> ParseLanguage(std::string_view code) {
  for (Language language : kLanguages) {
    if (LanguageCode(language) == code) return language;
  }
  return std::nullopt;
}

Language PreferredLanguage(std::string_view accept_language) {
  std::optional<Language> best;
  double best_quality = 0;
  for (std::string_view range : text::Split(accept_language, ',')) {
    const auto parts = text::Split(range, ';');
    const std::string tag = text::AsciiLower(text::Trim(parts[0]));
    double quality = 1;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const std::string_view parameter = text::Trim(parts[i]);
      if (text::StartsWith(parameter, "q=")) quality = text::ParseDecimal(parameter.substr(2)).value_or(0);
    }
    const auto language = ParseLanguage(std::string_view(tag).substr(0, 2));
    if (language && (tag.size() == 2 || tag[2] == '-') && quality > best_quality) {
      best = language;
      best_quality = quality;
    }
  }
  return best.value_or(Language::kNl);
}

}  // namespace zoneatlas
