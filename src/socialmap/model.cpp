#include "socialmap/model.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace zoneatlas::socialmap {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

}  // namespace

const std::string& Texts::In(Language language) const {
  switch (language) {
    case Language::kNl:
      return nl;
    case Language::kFr:
      return fr;
    case Language::kEn:
      return en;
  }
  return nl;
}

const std::string& Texts::Best(Language language) const {
  if (!In(language).empty()) return In(language);
  return nl.empty() ? fr : nl;
}

bool Service::walk_in() const {
  return std::any_of(hours.begin(), hours.end(), [](const Hours& h) { return h.walk_in; });
}

std::string_view CostName(Cost cost) {
  switch (cost) {
    case Cost::kFree:
      return "free";
    case Cost::kReduced:
      return "reduced";
    case Cost::kPaid:
      return "paid";
  }
  return "free";
}

std::optional<Cost> ParseCost(std::string_view name) {
  for (Cost cost : {Cost::kFree, Cost::kReduced, Cost::kPaid}) {
    if (CostName(cost) == name) return cost;
  }
  return std::nullopt;
}

std::string_view WeekdayCode(int weekday) { return kWeekdays.at(static_cast<std::size_t>(weekday)); }

std::optional<int> ParseWeekday(std::string_view code) {
  const std::string upper = [&] {
    std::string s(text::Trim(code));
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }();
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (kWeekdays[i] == upper) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::optional<int> ParseClock(std::string_view text) {
  text = text::Trim(text);
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return std::nullopt;
  const auto hours = text::ParseInteger(text.substr(0, 2));
  const auto minutes = text::ParseInteger(text.substr(3, 2));
  if (!hours || !minutes || !text::IsDigits(text.substr(0, 2)) || !text::IsDigits(text.substr(3, 2)))
    return std::nullopt;
  if (text.size() == 8 && !text::IsDigits(text.substr(6, 2))) return std::nullopt;
  // 24:00 closes at midnight.
  if (*hours > 24 || *minutes > 59 || (*hours == 24 && *minutes != 0)) return std::nullopt;
  return static_cast<int>(*hours * 60 + *minutes);
}

std::string FormatClock(int minutes) {
  std::string clock(5, '0');
  const int hours = minutes / 60, rest = minutes % 60;
  clock[0] = static_cast<char>('0' + hours / 10);
  clock[1] = static_cast<char>('0' + hours % 10);
  clock[2] = ':';
  clock[3] = static_cast<char>('0' + rest / 10);
  clock[4] = static_cast<char>('0' + rest % 10);
  return clock;
}

std::string_view ProvinceOfPostcode(std::string_view postcode) {
  if (postcode.size() != 4 || postcode.find_first_not_of("0123456789") != std::string_view::npos) return "";
  const int code = std::stoi(std::string(postcode));
  struct Range {
    int from, to;
    std::string_view province;
  };
  static constexpr Range kRanges[] = {
      {1000, 1299, "Brussels Hoofdstedelijk Gewest / Région de Bruxelles-Capitale"},
      {1300, 1499, "Brabant wallon"},
      {1500, 1999, "Vlaams-Brabant"},
      {2000, 2999, "Antwerpen"},
      {3000, 3499, "Vlaams-Brabant"},
      {3500, 3999, "Limburg"},
      {4000, 4999, "Liège"},
      {5000, 5999, "Namur"},
      {6000, 6599, "Hainaut"},
      {6600, 6999, "Luxembourg"},
      {7000, 7999, "Hainaut"},
      {8000, 8999, "West-Vlaanderen"},
      {9000, 9999, "Oost-Vlaanderen"},
  };
  for (const Range& range : kRanges) {
    if (code >= range.from && code <= range.to) return range.province;
  }
  return "";
}

}  // namespace zoneatlas::socialmap
