#include "core/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace zoneatlas::text {

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

namespace {

// Folds one code point of Latin-1 Supplement or Latin Extended-A to ASCII, if it has
// an obvious base letter.
std::string_view FoldCodePoint(std::uint32_t code_point) {
  // Ligatures fold to their two letters ("œuvre" -> "oeuvre").
  if (code_point == 0x152 || code_point == 0x153) return "oe";
  if (code_point == 0x132 || code_point == 0x133) return "ij";
  if (code_point >= 0xC0 && code_point <= 0xFF) {
    static constexpr std::string_view kLatin1[] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
        "d", "n", "o", "o", "o", "o", "o",  "x", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
        "d", "n", "o", "o", "o", "o", "o",  "/", "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
    };
    return kLatin1[code_point - 0xC0];
  }
  if (code_point >= 0x100 && code_point <= 0x17F) {
    static constexpr std::string_view kExtendedA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    const std::size_t index = code_point - 0x100;
    if (index < kExtendedA.size()) return kExtendedA.substr(index, 1);
  }
  return {};
}

}  // namespace

std::string Fold(std::string_view utf8) {
  std::string folded;
  folded.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      folded += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
      ++i;
      continue;
    }
    std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (i + length > utf8.size()) length = utf8.size() - i;
    std::uint32_t code_point = 0;
    if (length == 2) code_point = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
    const std::string_view replacement = FoldCodePoint(code_point);
    if (!replacement.empty()) {
      folded += replacement;
    } else {
      folded.append(utf8.substr(i, length));
    }
    i += length;
  }
  return folded;
}

std::optional<double> ParseDecimal(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  std::string normalised(text);
  if (normalised.find('.') == std::string::npos) {
    for (char& c : normalised) {
      if (c == ',') c = '.';
    }
  }
  double value = 0;
  const char* end = normalised.data() + normalised.size();
  auto [parsed_end, error] = std::from_chars(normalised.data(), end, value);
  if (error != std::errc() || parsed_end != end) return std::nullopt;
  return value;
}

std::optional<long long> ParseInteger(std::string_view text) {
  text = Trim(text);
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::size_t InvalidUtf8Offset(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    std::size_t length;
    std::uint32_t code_point;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code_point = byte & 0x1Fu;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code_point = byte & 0x0Fu;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code_point = byte & 0x07u;
    } else {
      return i;
    }
    if (i + length > utf8.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                          (length == 4 && code_point < 0x10000);
    if (overlong || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::optional<double> ParseEuro(std::string_view text, Language language) {
  // Spaces group thousands too, also the no-break ones that French texts (and our own
  // FormatNumber) put there.
  std::string number;
  const std::string_view trimmed = Trim(text);
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    if (trimmed.substr(i).starts_with("\xC2\xA0")) {
      ++i;
    } else if (trimmed.substr(i).starts_with("\xE2\x80\xAF")) {
      i += 2;
    } else if (trimmed[i] != ' ' && trimmed[i] != '\'') {
      number += trimmed[i];
    }
  }
  if (number.starts_with("\xE2\x82\xAC")) number.erase(0, 3);  // "€"
  if (number.ends_with("\xE2\x82\xAC")) number.resize(number.size() - 3);
  const char decimal = language == Language::kEn ? '.' : ',';
  const char thousands = language == Language::kEn ? ',' : '.';
  // Thousands separators only between groups of three digits: "25.000" is 25000 in Dutch.
  std::string plain;
  for (std::size_t i = 0; i < number.size(); ++i) {
    if (number[i] == thousands) {
      const std::size_t next = number.find_first_not_of("0123456789", i + 1);
      const std::size_t group = (next == std::string::npos ? number.size() : next) - i - 1;
      if (group != 3 || i == 0) return std::nullopt;
      continue;
    }
    plain += number[i] == decimal ? '.' : number[i];
  }
  if (plain.empty() || !IsDigits(plain.substr(0, 1))) return std::nullopt;
  auto value = ParseDecimal(plain);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

std::string JoinList(const std::vector<std::string>& items, char separator) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

std::vector<std::string> SplitList(std::string_view joined, char separator) {
  std::vector<std::string> items;
  for (std::string_view item : Split(joined, separator)) {
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

}  // namespace zoneatlas::text
