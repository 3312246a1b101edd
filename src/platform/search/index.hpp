// platform/search/index.hpp: full-text search with facets, places and spelling, on Xapian.
//
// An index is a directory of derived data: it can always be rebuilt from the database.
// Documents carry words (folded: lower case, no accents), filter terms ("theme:food"),
// facet values, an optional point, and opaque values a feature reads back to decide a
// match (opening hours). Every word is indexed as written and as its Dutch and French
// stem, so that "voedselpakketten" finds "voedselpakket" whichever language the page is in.
// A query is a list of units that must all match; a unit matches when any of its
// alternatives does (how a feature says that "ocmw" also means "cpas"); an alternative
// is a list of words that must all match.
//
// Thread safety: an Index may be searched from many threads at once (each thread keeps
// its own reader, brought up to date before each search); writes are serialised inside
// and wait for another process's writer.
#ifndef ZONEATLAS_PLATFORM_SEARCH_INDEX_HPP_
#define ZONEATLAS_PLATFORM_SEARCH_INDEX_HPP_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace zoneatlas::search {

struct Point {
  double latitude = 0;
  double longitude = 0;
};

// The great-circle distance in kilometres.
double DistanceKm(const Point& a, const Point& b);

struct Document {
  std::string id;
  // Text to find the document by, with a weight (a name counts more than a description).
  std::vector<std::pair<std::string, int>> texts;
  // Exact terms to filter on, "facet:value": "theme:food", "area:23027".
  std::vector<std::string> filters;
  // Facet name → the document's values, counted for each search.
  std::map<std::string, std::vector<std::string>> facets;
  std::optional<Point> point;
  // Opaque data read back by a Query::accept function (at most one per document).
  std::string data;
};

struct Query {
  // Units; each a list of alternatives; each alternative a list of folded words.
  std::vector<std::vector<std::vector<std::string>>> units;
  // Facet → accepted values: a document matches when it has one of the values of every facet.
  std::map<std::string, std::vector<std::string>> filters;
  std::optional<Point> near;
  std::optional<double> radius_km;  // With `near`: only documents within it.
  bool by_distance = false;         // With `near`: nearest first, else most relevant first.
  // When set, a document matches only if this says yes to its data ("open now").
  std::function<bool(const std::string& data)> accept;
  // When set, Answer::counted says how many matches this says yes to ("open now"),
  // counted in the same pass as the facets.
  std::function<bool(const std::string& data)> count_if;
  std::size_t offset = 0;
  std::size_t limit = 20;
};

struct Hit {
  std::string id;
  std::optional<double> distance_km;
};

struct Answer {
  std::size_t total = 0;  // Every match, not only this page's.
  std::vector<Hit> hits;
  std::map<std::string, std::map<std::string, std::size_t>> facets;  // Over every match.
  std::size_t counted = 0;                                           // Matches Query::count_if said yes to.
};

// Splits text into folded words (letters and digits; accents and case removed).
std::vector<std::string> Words(std::string_view text);

class Index {
 public:
  // Opens the index at `directory`, creating it when absent. Returns kUnavailable when
  // the directory cannot be used.
  static Result<std::unique_ptr<Index>> Open(const std::string& directory);
  ~Index();

  // Adds or replaces documents and removes others by id, and records `revision`, in one commit.
  Status Apply(const std::vector<Document>& documents, const std::vector<std::string>& removed, std::int64_t revision);
  // Removes every document (and the words for "did you mean"), then applies as above.
  Status Replace(const std::vector<Document>& documents, std::int64_t revision);
  // The revision recorded by the last Apply or Replace; 0 for a new index.
  Result<std::int64_t> Revision() const;
  Result<std::size_t> Size() const;

  Result<Answer> Search(const Query& query) const;
  // The word as it is most likely meant, from the words in the index; nothing when the
  // word is known or nothing is close.
  std::optional<std::string> Correct(const std::string& word) const;

  const std::string& directory() const { return directory_; }

 private:
  explicit Index(std::string directory) : directory_(std::move(directory)) {}
  Status Write(const std::vector<Document>& documents, const std::vector<std::string>& removed, std::int64_t revision,
               bool replace_all);

  std::string directory_;
  std::mutex writing_;
};

}  // namespace zoneatlas::search

#endif  // ZONEATLAS_PLATFORM_SEARCH_INDEX_HPP_
