// geo/store.hpp: reading and writing areas and zones.
//
// Every read takes the date at which the geography is wanted; only versions valid on
// that day are returned. Writes take a Connection so that importers can run many of
// them inside one transaction (all or nothing).
//
// Thread safety: Store is safe to share; it holds only a reference to the Database.
#ifndef ZONEATLAS_GEO_STORE_HPP_
#define ZONEATLAS_GEO_STORE_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "geo/model.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::geo {

struct AreaFilter {
  std::optional<AreaKind> kind;
  std::optional<std::string> parent_code;
  bool any_time = false;  // Every version of every area, whatever the date.
};

class Store {
 public:
  explicit Store(db::Database& database) : database_(database) {}

  // Returns kNotFound when no version of `code` is valid at `date`.
  Result<Area> FindArea(const std::string& code, const Date& date) const;
  Result<std::vector<Area>> Areas(const AreaFilter& filter, const Date& date) const;
  // Returns the areas valid at `date` among `codes`, in no particular order; unknown
  // codes are left out.
  Result<std::vector<Area>> AreasWithCodes(const std::vector<std::string>& codes, const Date& date) const;
  // Every version of the areas that were merged into one of `codes`.
  Result<std::vector<Area>> Predecessors(const std::vector<std::string>& codes) const;
  // Returns the area's boundary as GeoJSON geometry text; kNotFound when it has none.
  Result<std::string> Boundary(const std::string& code) const;

  // Zones valid at `date`, each with its members valid at `date`, sorted by kind and name.
  Result<std::vector<Zone>> Zones(const Date& date) const;
  Result<Zone> FindZone(const std::string& id, const Date& date) const;
  // Zones of which `code` is a member at `date`.
  Result<std::vector<Zone>> ZonesWithMember(const std::string& code, const Date& date) const;

  // What each of `codes` is made of at `date`, by code: its composition, or for a
  // municipality without one, its statistical sectors valid at `date`. Codes made of
  // nothing are left out.
  Result<std::map<std::string, std::vector<std::string>>> PartsOf(const std::vector<std::string>& codes,
                                                                   const Date& date) const;
  // What every area valid at `date` adds up from, by code: its composition, or else its
  // children that count it whole (PartOfKind): a region its provinces, a municipality its
  // sectors. Areas made of nothing are left out.
  Result<std::map<std::string, std::vector<std::string>>> AllParts(const Date& date) const;
  // Every stored composition, by area code.
  Result<std::vector<Composition>> Compositions() const;

  // The generation of the geography: a number that changes whenever any process writes
  // areas, zones or boundaries (for web::ResponseCache).
  Result<std::int64_t> Generation() const;

  // Writers, for callers that hold a transaction. Each raises the generation and records
  // the change, before and after, in the audit trail.
  static Status PutArea(db::Connection& connection, const Area& area, const audit::Context& context);
  // Replaces the zone and all its memberships.
  static Status PutZone(db::Connection& connection, const Zone& zone, const audit::Context& context);
  // Replaces what `composition.area_code` is made of; no parts removes its composition.
  static Status PutComposition(db::Connection& connection, const Composition& composition,
                               const audit::Context& context);
  static Status PutBoundary(db::Connection& connection, const std::string& code, const std::string& geojson,
                            double area_km2, const std::string& source, const audit::Context& context);

  // Writes back the version of a geography record kept in the audit trail: the state
  // after `change` (or before it, with `before`). Returns kFailedPrecondition when that
  // version is "no record" or the change is not about a zone, area or boundary.
  Status Restore(const audit::Change& change, bool before, const audit::Context& context);
  // Every stored composition, by area code, for callers that hold a connection.
  static Result<std::vector<Composition>> CompositionsIn(db::Connection& connection);
  // True when some version of `code` exists (valid at any time).
  static Result<bool> AreaExists(db::Connection& connection, const std::string& code);

 private:
  db::Database& database_;
};

// The names, in `language`, of the zones valid on `date` and of their member areas, by id
// and code: what pages about several zones' records show beside them.
struct PlaceNames {
  std::map<std::string, std::string> zones;
  std::map<std::string, std::string> areas;
};
Result<PlaceNames> PlaceNamesOf(const Store& store, Language language, const Date& date);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_STORE_HPP_
