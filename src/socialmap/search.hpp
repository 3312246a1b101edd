// socialmap/search.hpp: finding help on the social map.
//
// What people type is matched as written, stemmed in Dutch and French and without
// accents ("voedselpakketten" finds "voedselpakket", "geisoleerd" finds "geïsoleerd");
// the taxonomy's synonyms make OCMW, CPAS and sociaal huis one word; a misspelt word gets
// a "did you mean". Filters (theme, target group, municipality served, language, cost,
// walk-in) come with counts over every match; "open now" or "open on a day" looks at the
// opening hours in Belgian time; near a point within a radius, sorted by distance.
//
// The index is derived data kept in step with the database: CatchUp brings it up to the
// store's revision (every write in this process calls it; searches call it too, so an
// import by another process shows at the next search) and Rebuild starts it afresh.
//
// Thread safety: Search, CatchUp and Rebuild may run concurrently.
#ifndef ZONEATLAS_SOCIALMAP_SEARCH_HPP_
#define ZONEATLAS_SOCIALMAP_SEARCH_HPP_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/brussels_time.hpp"
#include "core/error.hpp"
#include "geo/store.hpp"
#include "platform/search/index.hpp"
#include "socialmap/store.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::socialmap {

struct SearchRequest {
  std::string text;
  std::vector<std::string> themes, target_groups, areas, languages, costs, organizations;
  bool walk_in = false;
  std::optional<LocalMoment> open_at;  // Open at this moment ("open now").
  std::optional<Date> open_on;         // Open at some time on this day.
  std::optional<LocalMoment> now;      // When given, the result counts the matches open now.
  std::optional<search::Point> near;
  std::optional<double> radius_km;
  std::size_t offset = 0;
  std::size_t limit = 20;
};

struct SearchResult {
  std::size_t total = 0;
  std::vector<search::Hit> hits;  // Service ids, with the distance when `near` was given.
  // Facet ("theme", "target_group", "area", "language", "cost", "walk_in") → value → count.
  std::map<std::string, std::map<std::string, std::size_t>> facets;
  std::optional<std::size_t> open_now;      // How many matches are open at `now`, when it was given.
  std::optional<std::string> did_you_mean;  // The text with misspelt words corrected.
};

// The query units for `text`: one per word (common words such as "met" left out), or per
// synonym phrase with all its synonyms as alternatives. Exposed for tests.
std::vector<std::vector<std::vector<std::string>>> QueryUnits(const std::string& text, const Taxonomy& taxonomy);

class Search {
 public:
  Search(const Taxonomy& taxonomy, const Store& store, const geo::Store& geography, search::Index& index)
      : taxonomy_(taxonomy), store_(store), geography_(geography), index_(index) {}

  // Brings the index up to the store's revision. Returns kUnavailable when the index
  // cannot be written (another process holds it for long).
  Status CatchUp();
  // Indexes every service afresh; returns how many active services were indexed.
  Result<std::size_t> Rebuild();

  Result<SearchResult> Find(const SearchRequest& request);

 private:
  // What the index needs beside the services: area names, organization names, locations.
  struct Context {
    std::map<std::string, std::string> area_names;
    std::map<std::string, std::string> organization_names;
    std::map<std::string, Location> locations;
  };
  Result<Context> ContextSince(std::int64_t revision) const;
  search::Document DocumentOf(const Service& service, const Context& context) const;
  Result<std::map<std::string, std::string>> AreaNames() const;

  const Taxonomy& taxonomy_;
  const Store& store_;
  const geo::Store& geography_;
  search::Index& index_;
  std::mutex catching_up_;
};

}  // namespace zoneatlas::socialmap

#endif  // ZONEATLAS_SOCIALMAP_SEARCH_HPP_
