// geo/model.hpp: areas and zones, the geography every feature hangs its data on.
//
// An Area is anything with a code: a region, province, arrondissement or municipality
// (NIS codes from Statbel's REFNIS), a statistical sector, or a neighbourhood. Areas
// change over time (the 1 January 2025 Flemish mergers ended some municipalities), so
// each version of an area has a validity period; (code, valid_from) identifies it.
//
// A Zone (a Flemish eerstelijnszone or a Brussels zorgzone) is a named set of member
// areas of any kind, each membership with its own validity. Brussels zones follow
// neighbourhood lines and split municipalities such as Brussels-City; a membership that
// only approximates the official composition says so (approximate = true), as does an
// area whose figures or boundary are approximate.
//
// Thread safety: value types.
#ifndef ZONEATLAS_GEO_MODEL_HPP_
#define ZONEATLAS_GEO_MODEL_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/language.hpp"

namespace zoneatlas::geo {

enum class AreaKind { kRegion, kProvince, kArrondissement, kMunicipality, kStatisticalSector, kNeighbourhood };

// "municipality", "statistical_sector", …: the names used in files, URLs and the database.
std::string_view AreaKindName(AreaKind kind);
std::optional<AreaKind> ParseAreaKind(std::string_view name);

// Belgium's regions: many a producer of figures covers one only (Statistiek Vlaanderen,
// Opgroeien), so an indicator says where it is measured.
enum class Region { kFlanders, kBrussels, kWallonia };
// "flanders", "brussels", "wallonia": the words of the catalog.
std::string_view RegionName(Region region);
std::optional<Region> ParseRegion(std::string_view name);
// The region an area lies in, told from its code: a municipality's or arrondissement's
// NIS code (21xxx is Brussels), a province's or region's, or a sector's or
// neighbourhood's that starts with its municipality's. Nothing when the code says
// nothing (the old province of Brabant, 20000; a code of our own).
std::optional<Region> RegionOfCode(std::string_view code);

enum class ZoneKind { kEerstelijnszone, kZorgzone };
std::string_view ZoneKindName(ZoneKind kind);
std::optional<ZoneKind> ParseZoneKind(std::string_view name);

struct Names {
  std::string nl;
  std::string fr;
  std::string en;  // Optional; Dutch stands in when empty.

  // Returns the name in `language`, falling back to Dutch.
  const std::string& In(Language language) const;
};

struct Area {
  std::string code;
  AreaKind kind = AreaKind::kMunicipality;
  Names names;
  std::optional<std::string> parent_code;
  ValidityPeriod validity{Date::FromYmd(1970, 1, 1).value(), std::nullopt};
  std::optional<long long> population;
  std::optional<Date> population_date;  // The reference day of `population` (Statbel: 1 January).
  std::optional<double> land_area_km2;
  bool approximate = false;  // The area's extent or figures are approximate.
  std::string source;
  std::string note;
  std::optional<double> boundary_area_km2;  // Measured on the stored boundary, if there is one.
  // The area this one was merged into when it ended (valid_to), if it was.
  std::optional<std::string> successor_code;

  bool has_boundary() const { return boundary_area_km2.has_value(); }
  // The official land area when known, else the area of the boundary.
  std::optional<double> AreaKm2() const { return land_area_km2 ? land_area_km2 : boundary_area_km2; }
};

// An area made of other areas, whatever their parents: a Brussels monitoring district made
// of statistical sectors (it may straddle municipalities), a part of Brussels-City made of
// its sectors. One level only: a part is never itself made of parts, so a composition can
// never contain itself. A municipality without one is made of its statistical sectors.
struct Composition {
  std::string area_code;
  std::vector<std::string> part_codes;
  bool approximate = false;  // The parts only approximate the area (say, until official lists).
  std::string source;
};

// True when areas of kind `part` under an area of kind `whole` together make it up: the
// sectors of a municipality, the municipalities of an arrondissement, and so on up to the
// region. Neighbourhoods (the parts of Brussels-City in zorgzones) never do: they are
// drawn by hand and may not cover their municipality.
bool PartOfKind(AreaKind part, AreaKind whole);

struct ZoneMember {
  std::string area_code;
  bool approximate = false;
  std::string note;
  ValidityPeriod validity{Date::FromYmd(1970, 1, 1).value(), std::nullopt};
};

struct Zone {
  std::string id;  // A slug: "elz-zennevallei", "zorgzone-noord".
  ZoneKind kind = ZoneKind::kEerstelijnszone;
  Names names;
  std::optional<std::string> region_code;
  std::string website;
  ValidityPeriod validity{Date::FromYmd(1970, 1, 1).value(), std::nullopt};
  std::string source;
  std::vector<ZoneMember> members;

  // True when any membership is approximate.
  bool IsApproximate() const;
  // True when the area with NIS code `area_code` is one of the zone's members.
  bool HasMember(std::string_view area_code) const;
};

// True when `id` is a valid zone id: 2 to 64 characters of a-z, 0-9 and '-'.
bool IsValidZoneId(std::string_view id);
// True when `code` is a valid area code: 1 to 32 characters of A-Z, a-z, 0-9, '-' and '_'.
bool IsValidAreaCode(std::string_view code);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_MODEL_HPP_
