#include "platform/search/index.hpp"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <thread>
#include <unordered_map>

#include "core/text.hpp"
#include "platform/search/doc_set.hpp"

namespace zoneatlas::search {
namespace {

// Value slots.
constexpr Xapian::valueno kPointSlot = 0;
constexpr Xapian::valueno kDataSlot = 1;
constexpr Xapian::valueno kFacetSlot = 2;
constexpr char kFacetSeparator = '\x1f';  // Between "name=value" pairs in kFacetSlot.
constexpr std::size_t kMaxWordBytes = 64;
constexpr std::size_t kMaxWords = 32;

std::string IdTerm(const std::string& id) { return "Q" + id; }
std::string FilterTerm(const std::string& filter) { return "K" + filter; }

// One stemmer per thread: a stemmer keeps its working buffers between calls.
const Xapian::Stem& DutchStem() {
  thread_local const Xapian::Stem stem("dutch");
  return stem;
}
const Xapian::Stem& FrenchStem() {
  thread_local const Xapian::Stem stem("french");
  return stem;
}

// A word as either language's stem, or as written: every document holding the word holds
// both its stems, so the written form only weighs exact matches higher.
Xapian::Query WordQuery(const std::string& word) {
  const std::array<Xapian::Query, 3> forms{Xapian::Query("ZN" + DutchStem()(word)),
                                           Xapian::Query("ZF" + FrenchStem()(word)), Xapian::Query(word)};
  return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
}

// The query's words and filters for Xapian, which ranks a page of matches by relevance.
Xapian::Query RelevanceQuery(const Query& query) {
  std::vector<Xapian::Query> units;
  for (const auto& unit : query.units) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& alternative : unit) {
      std::vector<Xapian::Query> words;
      for (const std::string& word : alternative) words.push_back(WordQuery(word));
      if (!words.empty()) alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
    }
    if (!alternatives.empty()) units.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }
  Xapian::Query text =
      units.empty() ? Xapian::Query::MatchAll : Xapian::Query(Xapian::Query::OP_AND, units.begin(), units.end());
  std::vector<Xapian::Query> facets;
  for (const auto& [facet, values] : query.filters) {
    if (values.empty()) continue;
    std::vector<Xapian::Query> any;
    for (const std::string& value : values) any.emplace_back(FilterTerm(facet + ":" + value));
    facets.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (facets.empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text,
                       Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end()));
}

constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kRadiansPerDegree = M_PI / 180.0;

// A document's point as the great-circle distance needs it, the cosine computed once.
struct Spot {
  explicit Spot(Point point)
      : latitude(point.latitude * kRadiansPerDegree),
        longitude(point.longitude * kRadiansPerDegree),
        cos_latitude(std::cos(latitude)) {}
  double latitude, longitude, cos_latitude;  // In radians.
};

// The haversine of the angle between a centre and a spot: it grows with the distance, so
// spots are kept within a radius and sorted by it without the square root and arcsine
// that turn it into kilometres (done for a page's hits only).
class Haversine {
 public:
  explicit Haversine(Point centre) : centre_(centre) {}
  double operator()(const Spot& spot) const {
    const double along = std::sin((spot.latitude - centre_.latitude) / 2);
    const double across = std::sin((spot.longitude - centre_.longitude) / 2);
    return along * along + centre_.cos_latitude * spot.cos_latitude * across * across;
  }
  static double Of(double km) {
    const double half = std::sin(std::min(km / (2 * kEarthRadiusKm), M_PI / 2));
    return half * half;
  }
  static double Km(double haversine) { return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(haversine))); }

 private:
  Spot centre_;
};

// What every search reads for every match, kept in memory by document id: reading it from
// the value streams on disk for thousands of matches costs more than the match itself.
// Documents share few distinct facet sets and data values (hours), so each is kept once and
// a document holds its number: counting and deciding per match is then an array index.
struct Columns {
  std::vector<std::uint32_t> facets;  // Document → its entry in distinct_facets.
  std::vector<std::uint32_t> data;    // Document → its entry in distinct_data.
  std::vector<std::optional<Spot>> points;
  std::vector<std::string> distinct_facets;  // Packed "name=value" pairs; entry 0 is "".
  std::vector<std::string> distinct_data;    // Entry 0 is "".
};

// Gives each distinct value a number, 0 for "".
class Interner {
 public:
  explicit Interner(std::vector<std::string>& values) : values_(values) {
    values_.assign(1, std::string());
    numbers_.clear();
    numbers_.emplace(std::string(), 0);
  }
  std::uint32_t operator()(const std::string& value) {
    auto [it, inserted] = numbers_.try_emplace(value, static_cast<std::uint32_t>(values_.size()));
    if (inserted) values_.push_back(value);
    return it->second;
  }

 private:
  std::vector<std::string>& values_;
  std::unordered_map<std::string, std::uint32_t> numbers_;
};

// How much memory a reader may keep in term sets before it starts afresh: at 100,000
// documents about 1,300 terms, far more than the searches people make between two writes.
constexpr std::size_t kTermSetsBudget = 16u << 20;

// This thread's reader of one index, brought up to date with the last commit (and its
// columns and term sets with it). Opening a reader per search would read the tables'
// first blocks anew.
struct Reader {
  std::unique_ptr<Xapian::Database> database;
  Columns columns;
  DocSet everything;  // Every document in the index.
  std::unordered_map<std::string, DocSet> term_sets;
  std::size_t term_sets_bytes = 0;

  void Load() {
    const Xapian::docid last = database->get_lastdocid();
    columns.facets.assign(last + 1, 0);
    columns.data.assign(last + 1, 0);
    columns.points.assign(last + 1, std::nullopt);
    Interner facets(columns.distinct_facets), data(columns.distinct_data);
    for (auto it = database->valuestream_begin(kFacetSlot); it != database->valuestream_end(kFacetSlot); ++it) {
      columns.facets[it.get_docid()] = facets(*it);
    }
    for (auto it = database->valuestream_begin(kDataSlot); it != database->valuestream_end(kDataSlot); ++it) {
      columns.data[it.get_docid()] = data(*it);
    }
    for (auto it = database->valuestream_begin(kPointSlot); it != database->valuestream_end(kPointSlot); ++it) {
      Xapian::LatLongCoords coords;
      coords.unserialise(*it);
      if (coords.begin() != coords.end()) {
        const Xapian::LatLongCoord at = *coords.begin();
        columns.points[it.get_docid()] = Spot(Point{at.latitude, at.longitude});
      }
    }
    everything = DocSet(last + 1);
    for (auto it = database->postlist_begin(""); it != database->postlist_end(""); ++it) everything.Add(*it);
    term_sets.clear();
    term_sets_bytes = 0;
  }

  // The documents holding `term`, read from the index the first time it is asked for.
  // The reference holds until the next call.
  const DocSet& TermSet(const std::string& term) {
    if (const auto found = term_sets.find(term); found != term_sets.end()) return found->second;
    if (term_sets_bytes > kTermSetsBudget) {
      term_sets.clear();
      term_sets_bytes = 0;
    }
    DocSet set(columns.facets.size());
    for (auto it = database->postlist_begin(term); it != database->postlist_end(term); ++it) set.Add(*it);
    term_sets_bytes += set.Bytes() + term.size();
    return term_sets.emplace(term, std::move(set)).first->second;
  }
};

Reader& ReaderOf(const std::string& directory) {
  thread_local std::map<std::string, Reader> readers;
  Reader& reader = readers[directory];
  if (!reader.database) {
    reader.database = std::make_unique<Xapian::Database>(directory);
    reader.Load();
  } else if (reader.database->reopen()) {
    reader.Load();
  }
  return reader;
}

// The documents holding a word in either language's stem (see WordQuery).
DocSet WordSet(Reader& reader, const std::string& word) {
  DocSet set = reader.TermSet("ZN" + DutchStem()(word));
  set |= reader.TermSet("ZF" + FrenchStem()(word));
  return set;
}

// The documents matching the query's words and filters, from the term sets: every unit
// (any of its alternatives, each all of its words) and a value of every filtered facet.
struct Candidates {
  DocSet documents;
  bool has_text = false;  // False when there were no words: nothing to rank by relevance.
};

Candidates CandidatesOf(Reader& reader, const Query& query) {
  Candidates candidates{.documents = reader.everything};
  for (const auto& unit : query.units) {
    DocSet any(reader.columns.facets.size());
    bool has_alternative = false;
    for (const auto& alternative : unit) {
      if (alternative.empty()) continue;
      DocSet all = WordSet(reader, alternative.front());
      for (std::size_t i = 1; i < alternative.size(); ++i) all &= WordSet(reader, alternative[i]);
      any |= all;
      has_alternative = true;
    }
    if (!has_alternative) continue;
    candidates.documents &= any;
    candidates.has_text = true;
  }
  for (const auto& [facet, values] : query.filters) {
    if (values.empty()) continue;
    DocSet any(reader.columns.facets.size());
    for (const std::string& value : values) any |= reader.TermSet(FilterTerm(facet + ":" + value));
    candidates.documents &= any;
  }
  return candidates;
}

// Counts "name=value" pairs of every match, and the matches `count_if` says yes to. Many
// documents share the same facet values (and the same hours), so each distinct packed
// value is counted whole and taken apart once, in Finish.
class FacetCounter {
 public:
  FacetCounter(Answer& answer, const Columns& columns, const std::function<bool(const std::string&)>& count_if)
      : answer_(answer),
        columns_(columns),
        count_if_(count_if),
        packed_counts_(columns.distinct_facets.size(), 0),
        decided_(columns.distinct_data.size(), kUndecided) {}
  void Count(std::size_t id) {
    if (count_if_) {
      std::int8_t& decided = decided_[columns_.data[id]];
      if (decided == kUndecided) decided = count_if_(columns_.distinct_data[columns_.data[id]]) ? 1 : 0;
      answer_.counted += static_cast<std::size_t>(decided);
    }
    ++packed_counts_[columns_.facets[id]];
  }
  void Finish() {
    for (std::size_t entry = 0; entry < packed_counts_.size(); ++entry) {
      const std::size_t count = packed_counts_[entry];
      if (count == 0) continue;
      for (std::string_view pair : text::Split(columns_.distinct_facets[entry], kFacetSeparator)) {
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        answer_.facets[std::string(pair.substr(0, equals))][std::string(pair.substr(equals + 1))] += count;
      }
    }
  }

 private:
  static constexpr std::int8_t kUndecided = -1;
  Answer& answer_;
  const Columns& columns_;
  const std::function<bool(const std::string&)>& count_if_;
  std::vector<std::size_t> packed_counts_;  // By distinct facet set.
  std::vector<std::int8_t> decided_;        // By distinct data value.
};

// Asks `accept` once per distinct data value (documents often share their hours).
class Acceptance {
 public:
  Acceptance(const Columns& columns, const Query& query)
      : columns_(columns), query_(query), decided_(columns.distinct_data.size(), -1) {}
  bool operator()(std::size_t id) {
    if (!query_.accept) return true;
    std::int8_t& decided = decided_[columns_.data[id]];
    if (decided < 0) decided = query_.accept(columns_.distinct_data[columns_.data[id]]) ? 1 : 0;
    return decided == 1;
  }

 private:
  const Columns& columns_;
  const Query& query_;
  std::vector<std::int8_t> decided_;
};

// Lets Xapian rank only the matches already decided.
class InSet : public Xapian::MatchDecider {
 public:
  explicit InSet(const DocSet& set) : set_(set) {}
  bool operator()(const Xapian::Document& document) const override { return set_.Has(document.get_docid()); }

 private:
  const DocSet& set_;
};

// Words for "did you mean", counted over a whole write: one update of the spelling table
// per distinct word instead of one per occurrence.
using SpellingCounts = std::map<std::string, Xapian::termcount>;

Xapian::Document ToXapian(const Document& document, SpellingCounts& spelling) {
  Xapian::Document xapian;
  xapian.add_boolean_term(IdTerm(document.id));
  for (const auto& [text, weight] : document.texts) {
    for (const std::string& word : Words(text)) {
      const auto wdf = static_cast<Xapian::termcount>(std::max(1, weight));
      xapian.add_term(word, wdf);
      xapian.add_term("ZN" + DutchStem()(word), wdf);
      xapian.add_term("ZF" + FrenchStem()(word), wdf);
      if (word.size() > 2 && !text::IsDigits(word)) ++spelling[word];
    }
  }
  for (const std::string& filter : document.filters) xapian.add_boolean_term(FilterTerm(filter));
  std::string facets;
  for (const auto& [name, values] : document.facets) {
    for (const std::string& value : values) {
      if (!facets.empty()) facets += kFacetSeparator;
      facets += name + "=" + value;
    }
  }
  xapian.add_value(kFacetSlot, facets);
  if (document.point) {
    xapian.add_value(
        kPointSlot,
        Xapian::LatLongCoords(Xapian::LatLongCoord(document.point->latitude, document.point->longitude)).serialise());
  }
  if (!document.data.empty()) xapian.add_value(kDataSlot, document.data);
  xapian.set_data(document.id);
  return xapian;
}

// Opens the writer, waiting a while for another process's (an import) to finish.
Xapian::WritableDatabase OpenWriter(const std::string& directory, int action) {
  for (int attempt = 0;; ++attempt) {
    try {
      return Xapian::WritableDatabase(directory, action);
    } catch (const Xapian::DatabaseLockError&) {
      if (attempt == 200) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

}  // namespace

double DistanceKm(const Point& a, const Point& b) { return Haversine::Km(Haversine(a)(Spot(b))); }

std::vector<std::string> Words(std::string_view text) {
  const std::string folded = text::Fold(text.substr(0, 4096));
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty() && words.size() < kMaxWords) words.push_back(word.substr(0, kMaxWordBytes));
    word.clear();
  };
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

Result<std::unique_ptr<Index>> Index::Open(const std::string& directory) {
  try {
    Xapian::WritableDatabase created = OpenWriter(directory, Xapian::DB_CREATE_OR_OPEN);
    created.close();
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory + ": " + e.get_msg()));
  }
  return std::unique_ptr<Index>(new Index(directory));
}

Index::~Index() = default;

Status Index::Write(const std::vector<Document>& documents, const std::vector<std::string>& removed,
                    std::int64_t revision, bool replace_all) {
  const std::lock_guard lock(writing_);
  try {
    Xapian::WritableDatabase database =
        OpenWriter(directory_, replace_all ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
    for (const std::string& id : removed) database.delete_document(IdTerm(id));
    SpellingCounts spelling;
    for (const Document& document : documents) {
      // A fresh index has nothing to replace: adding skips the look-up.
      if (replace_all) {
        database.add_document(ToXapian(document, spelling));
      } else {
        database.replace_document(IdTerm(document.id), ToXapian(document, spelling));
      }
    }
    for (const auto& [word, count] : spelling) database.add_spelling(word, count);
    database.set_metadata("revision", std::to_string(revision));
    database.commit();
    return {};
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory_ + ": " + e.get_msg()));
  }
}

Status Index::Apply(const std::vector<Document>& documents, const std::vector<std::string>& removed,
                    std::int64_t revision) {
  return Write(documents, removed, revision, false);
}

Status Index::Replace(const std::vector<Document>& documents, std::int64_t revision) {
  return Write(documents, {}, revision, true);
}

Result<std::int64_t> Index::Revision() const {
  try {
    return text::ParseInteger(ReaderOf(directory_).database->get_metadata("revision")).value_or(0);
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory_ + ": " + e.get_msg()));
  }
}

Result<std::size_t> Index::Size() const {
  try {
    return static_cast<std::size_t>(ReaderOf(directory_).database->get_doccount());
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory_ + ": " + e.get_msg()));
  }
}

// Every match is found and counted from the term sets and the columns in memory; Xapian
// only ranks the page by relevance when there are words to rank by. Nearest first and
// index order (no words) need no ranking beyond a sort of the matches.
Result<Answer> Index::Search(const Query& query) const {
  try {
    Reader& reader = ReaderOf(directory_);
    const Columns& columns = reader.columns;
    const Candidates candidates = CandidatesOf(reader, query);
    const bool by_distance = query.near && query.by_distance;
    const bool by_relevance = !by_distance && candidates.has_text;
    const bool measuring = query.near && (query.radius_km || by_distance);
    const std::size_t wanted = query.offset + std::min(query.limit, SIZE_MAX - query.offset);

    Answer answer;
    FacetCounter counter(answer, columns, query.count_if);
    Acceptance acceptance(columns, query);
    DocSet matches = by_relevance ? DocSet(columns.facets.size()) : DocSet();
    std::optional<Haversine> from;
    if (measuring) from.emplace(*query.near);
    const double within = query.radius_km ? Haversine::Of(*query.radius_km) : 0;
    std::vector<std::pair<double, std::size_t>> ordered;  // (haversine, document), or index order.
    candidates.documents.ForEach([&](std::size_t id) {
      double haversine = 0;
      if (from) {
        const auto& point = columns.points[id];
        if (!point && query.radius_km) return;
        haversine = point ? (*from)(*point) : std::numeric_limits<double>::infinity();
        if (query.radius_km && haversine > within) return;
      }
      if (!acceptance(id)) return;
      ++answer.total;
      counter.Count(id);
      if (by_relevance) {
        matches.Add(id);
      } else if (by_distance || ordered.size() < wanted) {
        ordered.emplace_back(haversine, id);
      }
    });
    counter.Finish();

    std::vector<std::size_t> page;
    if (by_relevance) {
      Xapian::Enquire enquire(*reader.database);
      enquire.set_query(RelevanceQuery(query));
      const InSet decider(matches);
      const Xapian::MSet ranked = enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                                                   static_cast<Xapian::doccount>(query.limit), 0, nullptr, &decider);
      for (auto it = ranked.begin(); it != ranked.end(); ++it) page.push_back(*it);
    } else {
      const std::size_t end = std::min(wanted, ordered.size());
      if (by_distance)
        std::partial_sort(ordered.begin(), ordered.begin() + static_cast<std::ptrdiff_t>(end), ordered.end());
      for (std::size_t i = query.offset; i < end; ++i) page.push_back(ordered[i].second);
    }
    for (const std::size_t id : page) {
      Hit hit{.id = reader.database->get_document(static_cast<Xapian::docid>(id)).get_data(),
              .distance_km = std::nullopt};
      if (query.near && columns.points[id])
        hit.distance_km = Haversine::Km(Haversine(*query.near)(*columns.points[id]));
      answer.hits.push_back(std::move(hit));
    }
    return answer;
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory_ + ": " + e.get_msg()));
  }
}

std::optional<std::string> Index::Correct(const std::string& word) const {
  try {
    const Xapian::Database& database = *ReaderOf(directory_).database;
    if (database.term_exists(word)) return std::nullopt;
    std::string suggestion = database.get_spelling_suggestion(word, word.size() > 6 ? 2 : 1);
    if (suggestion.empty()) return std::nullopt;
    return suggestion;
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

}  // namespace zoneatlas::search
