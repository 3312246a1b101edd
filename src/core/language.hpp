// core/language.hpp: the interface languages, Dutch, French and English.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_CORE_LANGUAGE_HPP_
#define ZONEATLAS_CORE_LANGUAGE_HPP_

#include <array>
#include <optional>
#include <string_view>

namespace zoneatlas {

enum class Language { kNl, kFr, kEn };

inline constexpr std::array<Language, 3> kLanguages = {Language::kNl, Language::kFr, Language::kEn};

// "nl", "fr", "en".
std::string_view LanguageCode(Language language);
// The language's own name: "Nederlands", "Français", "English".
std::string_view LanguageName(Language language);
std::optional<Language> ParseLanguage(std::string_view code);

// Picks the best of our languages for an Accept-Language header ("fr-BE,fr;q=0.9,en;q=0.8"),
// honouring q-values; Dutch when nothing matches, as most zones are Flemish.
Language PreferredLanguage(std::string_view accept_language);

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_LANGUAGE_HPP_
