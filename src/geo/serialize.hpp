// geo/serialize.hpp: areas and zones as JSON, for the API, the audit trail and restores.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_GEO_SERIALIZE_HPP_
#define ZONEATLAS_GEO_SERIALIZE_HPP_

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "geo/model.hpp"

namespace zoneatlas::geo {

boost::json::object AreaToJson(const Area& area);
// Members are included when `with_members`.
boost::json::object ZoneToJson(const Zone& zone, bool with_members);

// Read what AreaToJson and ZoneToJson (with members) wrote. Return kInvalidArgument for
// anything else.
Result<Area> AreaFromJson(std::string_view json);
Result<Zone> ZoneFromJson(std::string_view json);

}  // namespace zoneatlas::geo

#endif  // ZONEATLAS_GEO_SERIALIZE_HPP_
