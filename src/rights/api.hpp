// rights/api.hpp: batch screening over the JSON API's door — a CSV of persons in the
// body (the layout of rights/batch.hpp), the results CSV back, nothing stored. For
// professionals and partner systems (API tokens issued to read what professionals read).
//
// Thread safety: each request takes the catalog in force (CurrentCatalog::Get).
#ifndef ZONEATLAS_RIGHTS_API_HPP_
#define ZONEATLAS_RIGHTS_API_HPP_

#include "platform/http/router.hpp"
#include "platform/view/view.hpp"
#include "rights/catalog.hpp"

namespace zoneatlas::rights {

// The path whose requests may carry a large body (a client-database export): up to
// kScreeningsBodyLimit bytes and kMaxScreeningHouseholds households a request; larger
// files go through `zoneatlas rights screen` or several requests.
inline constexpr std::string_view kScreeningsPath = "/api/v1/rights/screenings";
inline constexpr std::size_t kScreeningsBodyLimit = 4 * 1024 * 1024;
inline constexpr long kMaxScreeningHouseholds = 20'000;

// REQUIRES: `current` and `messages` outlive the router.
void AddApiRoutes(http::Router& router, CurrentCatalog& current, const view::Catalog& messages);

}  // namespace zoneatlas::rights

#endif  // ZONEATLAS_RIGHTS_API_HPP_
