#include "geo/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace zoneatlas::geo {
namespace {

constexpr std::array<std::pair<AreaKind, std::string_view>, 6> kAreaKinds = {{
    {AreaKind::kRegion, "region"},
    {AreaKind::kProvince, "province"},
    {AreaKind::kArrondissement, "arrondissement"},
    {AreaKind::kMunicipality, "municipality"},
    {AreaKind::kStatisticalSector, "statistical_sector"},
    {AreaKind::kNeighbourhood, "neighbourhood"},
}};

constexpr std::array<std::pair<ZoneKind, std::string_view>, 2> kZoneKinds = {{
    {ZoneKind::kEerstelijnszone, "eerstelijnszone"},
    {ZoneKind::kZorgzone, "zorgzone"},
}};

}  // namespace

std::string_view RegionName(Region region) {
  switch (region) {
    case Region::kFlanders:
      return "flanders";
    case Region::kBrussels:
      return "brussels";
    case Region::kWallonia:
      break;
  }
  return "wallonia";
}

std::optional<Region> ParseRegion(std::string_view name) {
  for (Region region : {Region::kFlanders, Region::kBrussels, Region::kWallonia}) {
    if (RegionName(region) == name) return region;
  }
  return std::nullopt;
}

std::optional<Region> RegionOfCode(std::string_view code) {
  if (code.size() < 5 || !std::all_of(code.begin(), code.begin() + 5, [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const std::string_view nis = code.substr(0, 5);
  if (nis == "02000") return Region::kFlanders;
  if (nis == "03000") return Region::kWallonia;
  if (nis == "04000") return Region::kBrussels;
  if (nis == "20001") return Region::kFlanders;  // Vlaams-Brabant.
  if (nis == "20002") return Region::kWallonia;  // Brabant wallon.
  switch (nis[0]) {
    case '1':
    case '3':
    case '4':
    case '7':
      return Region::kFlanders;
    case '2':
      if (nis[1] == '1') return Region::kBrussels;
      if (nis[1] == '3' || nis[1] == '4') return Region::kFlanders;  // Halle-Vilvoorde, Leuven.
      if (nis[1] == '5') return Region::kWallonia;                   // Nivelles.
      return std::nullopt;
    case '5':
    case '6':
    case '8':
    case '9':
      return Region::kWallonia;
    default:
      return std::nullopt;
  }
}

std::string_view AreaKindName(AreaKind kind) {
  for (const auto& [value, name] : kAreaKinds) {
    if (value == kind) return name;
  }
  return "municipality";
}

std::optional<AreaKind> ParseAreaKind(std::string_view name) {
  for (const auto& [value, known] : kAreaKinds) {
    if (known == name) return value;
  }
  return std::nullopt;
}

bool PartOfKind(AreaKind part, AreaKind whole) {
  // The administrative levels from the largest down; a part lies below its whole.
  auto level = [](AreaKind kind) {
    switch (kind) {
      case AreaKind::kRegion:
        return 0;
      case AreaKind::kProvince:
        return 1;
      case AreaKind::kArrondissement:
        return 2;
      case AreaKind::kMunicipality:
        return 3;
      case AreaKind::kStatisticalSector:
        return 4;
      case AreaKind::kNeighbourhood:
        break;
    }
    return -1;
  };
  return level(part) >= 0 && level(whole) >= 0 && level(part) > level(whole);
}

std::string_view ZoneKindName(ZoneKind kind) {
  for (const auto& [value, name] : kZoneKinds) {
    if (value == kind) return name;
  }
  return "eerstelijnszone";
}

std::optional<ZoneKind> ParseZoneKind(std::string_view name) {
  for (const auto& [value, known] : kZoneKinds) {
    if (known == name) return value;
  }
  return std::nullopt;
}

const std::string& Names::In(Language language) const {
  switch (language) {
    case Language::kFr:
      return fr.empty() ? nl : fr;
    case Language::kEn:
      return en.empty() ? nl : en;
    case Language::kNl:
      return nl;
  }
  return nl;
}

bool Zone::IsApproximate() const {
  return std::any_of(members.begin(), members.end(), [](const ZoneMember& member) { return member.approximate; });
}

bool Zone::HasMember(std::string_view area_code) const {
  return std::any_of(members.begin(), members.end(),
                     [&](const ZoneMember& member) { return member.area_code == area_code; });
}

bool IsValidZoneId(std::string_view id) {
  return id.size() >= 2 && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

bool IsValidAreaCode(std::string_view code) {
  return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace zoneatlas::geo
