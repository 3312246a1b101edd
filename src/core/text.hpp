// core/text.hpp: small string helpers shared by parsers and pages.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_CORE_TEXT_HPP_
#define ZONEATLAS_CORE_TEXT_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.hpp"

namespace zoneatlas::text {

std::string_view Trim(std::string_view text);
std::vector<std::string_view> Split(std::string_view text, char separator);
// A list stored as one text ("food,housing"; names one per line): joined by `separator`,
// and split again leaving out empty items. REQUIRES: no item holds the separator.
std::string JoinList(const std::vector<std::string>& items, char separator);
std::vector<std::string> SplitList(std::string_view joined, char separator);
std::string AsciiLower(std::string_view text);
bool IsDigits(std::string_view text);
bool StartsWith(std::string_view text, std::string_view prefix);

// Lower-cases and removes the accents of Latin letters ("Sint-Genesius-Rode" and
// "Rhode-Saint-Genèse" fold to "sint-genesius-rode" and "rhode-saint-genese"), so
// that matching names ignores how they were typed.
std::string Fold(std::string_view utf8);

// Parses a decimal written either way ("1234.5", "1234,5", "1.234,5" is not accepted:
// thousands separators are ambiguous). Returns nothing on anything else.
std::optional<double> ParseDecimal(std::string_view text);
std::optional<long long> ParseInteger(std::string_view text);
// Parses an amount in euro as people type it in `language` ("25.000,50", "€ 1 200,75",
// "25,000.50" in English): thousands separators only between groups of three digits, so
// "25.00" is refused in Dutch rather than read as 2500 or 25. Nothing when it is not one.
std::optional<double> ParseEuro(std::string_view text, Language language);

// Returns the offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t InvalidUtf8Offset(std::string_view utf8);
inline bool IsValidUtf8(std::string_view utf8) { return InvalidUtf8Offset(utf8) == std::string_view::npos; }

}  // namespace zoneatlas::text

#endif  // ZONEATLAS_CORE_TEXT_HPP_
