#include "platform/search/index.hpp"

#include <xapian.h>

#include <chrono>
#include <cmath>
#include <map>
#include <thread>
#include <unordered_map>

#include "core/text.hpp"

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

const Xapian::Stem& DutchStem() {
  static const Xapian::Stem stem("dutch");
  return stem;
}
const Xapian::Stem& FrenchStem() {
  static const Xapian::Stem stem("french");
  return stem;
}

// A word as either language's stem, and as written when relevance counts: every document
// holding the word holds both its stems, so the written form only weighs exact matches.
Xapian::Query WordQuery(const std::string& word, bool weighed) {
  std::vector<Xapian::Query> forms{Xapian::Query("ZN" + DutchStem()(word)), Xapian::Query("ZF" + FrenchStem()(word))};
  if (weighed) forms.emplace_back(word);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
}

Xapian::Query TextQuery(const Query& query) {
  const bool weighed = !(query.near && query.by_distance);
  std::vector<Xapian::Query> units;
  for (const auto& unit : query.units) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& alternative : unit) {
      std::vector<Xapian::Query> words;
      for (const std::string& word : alternative) words.push_back(WordQuery(word, weighed));
      if (!words.empty()) alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
    }
    if (!alternatives.empty()) units.emplace_back(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }
  if (units.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, units.begin(), units.end());
}

// What every search reads for every match, kept in memory by document id: reading it from
// the value streams on disk for thousands of matches costs more than the match itself.
// Documents share few distinct facet sets and data values (hours), so each is kept once and
// a document holds its number: counting and deciding per match is then an array index.
struct Columns {
  std::vector<std::uint32_t> facets;  // Document → its entry in distinct_facets.
  std::vector<std::uint32_t> data;    // Document → its entry in distinct_data.
  std::vector<std::optional<Point>> points;
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

// This thread's reader of one index, brought up to date with the last commit (and its
// columns with it). Opening a reader per search would read the tables' first blocks anew.
struct Reader {
  std::unique_ptr<Xapian::Database> database;
  Columns columns;

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
        columns.points[it.get_docid()] = Point{at.latitude, at.longitude};
      }
    }
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

// Nearest first, from the points in memory.
class DistanceKey : public Xapian::KeyMaker {
 public:
  DistanceKey(const Columns& columns, Point centre) : columns_(columns), centre_(centre) {}
  std::string operator()(const Xapian::Document& document) const override {
    const Xapian::docid id = document.get_docid();
    const auto& point = id < columns_.points.size() ? columns_.points[id] : std::nullopt;
    return Xapian::sortable_serialise(point ? DistanceKm(centre_, *point) : 1e9);
  }

 private:
  const Columns& columns_;
  Point centre_;
};

// Counts "name=value" pairs of every matching document, and the documents `count_if`
// says yes to. Many documents share the same facet values (and the same hours), so each
// distinct packed value is counted whole and taken apart once, in Finish.
class FacetCounter : public Xapian::MatchSpy {
 public:
  FacetCounter(Answer& answer, const Columns& columns, const std::function<bool(const std::string&)>& count_if)
      : answer_(answer),
        columns_(columns),
        count_if_(count_if),
        packed_counts_(columns.distinct_facets.size(), 0),
        decided_(columns.distinct_data.size(), kUndecided) {}
  void operator()(const Xapian::Document& document, double) override {
    const Xapian::docid id = document.get_docid();
    if (id >= columns_.facets.size()) return;
    if (count_if_) {
      std::int8_t& decided = decided_[columns_.data[id]];
      if (decided == kUndecided) decided = count_if_(columns_.distinct_data[columns_.data[id]]) ? 1 : 0;
      answer_.counted += decided;
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

// Keeps the documents within the radius (points in memory), and asks `accept` once per
// distinct data value (documents often share their hours).
class Decider : public Xapian::MatchDecider {
 public:
  Decider(const Columns& columns, const Query& query)
      : columns_(columns), query_(query), decided_(columns.distinct_data.size(), -1) {}
  bool operator()(const Xapian::Document& document) const override {
    const Xapian::docid id = document.get_docid();
    if (id >= columns_.data.size()) return false;
    if (query_.near && query_.radius_km) {
      const auto& point = columns_.points[id];
      if (!point || DistanceKm(*query_.near, *point) > *query_.radius_km) return false;
    }
    if (!query_.accept) return true;
    std::int8_t& decided = decided_[columns_.data[id]];
    if (decided < 0) decided = query_.accept(columns_.distinct_data[columns_.data[id]]) ? 1 : 0;
    return decided == 1;
  }

 private:
  const Columns& columns_;
  const Query& query_;
  mutable std::vector<std::int8_t> decided_;
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

double DistanceKm(const Point& a, const Point& b) {
  constexpr double kEarthRadiusKm = 6371.0088;
  const double to_radians = M_PI / 180.0;
  const double dlat = (b.latitude - a.latitude) * to_radians;
  const double dlon = (b.longitude - a.longitude) * to_radians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.latitude * to_radians) *
                                                                 std::cos(b.latitude * to_radians) *
                                                                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

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

Result<Answer> Index::Search(const Query& query) const {
  try {
    Reader& reader = ReaderOf(directory_);
    const Xapian::Database& database = *reader.database;
    Xapian::Query xapian = TextQuery(query);
    std::vector<Xapian::Query> facets;
    for (const auto& [facet, values] : query.filters) {
      if (values.empty()) continue;
      std::vector<Xapian::Query> any;
      for (const std::string& value : values) any.emplace_back(FilterTerm(facet + ":" + value));
      facets.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (!facets.empty()) {
      xapian = Xapian::Query(Xapian::Query::OP_FILTER, xapian,
                             Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end()));
    }
    Xapian::Enquire enquire(database);
    enquire.set_query(xapian);
    if (query.near && query.by_distance) {
      enquire.set_sort_by_key((new DistanceKey(reader.columns, *query.near))->release(), false);
      // Sorted by distance alone, relevance weights would be computed for nothing.
      enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    Answer answer;
    FacetCounter counter(answer, reader.columns, query.count_if);
    enquire.add_matchspy(&counter);
    // The radius is checked on the points in memory rather than by Xapian's distance
    // posting source, which reads every candidate's point from disk.
    const Decider decider(reader.columns, query);
    const bool deciding = static_cast<bool>(query.accept) || (query.near && query.radius_km);
    const Xapian::MSet matches =
        enquire.get_mset(static_cast<Xapian::doccount>(query.offset), static_cast<Xapian::doccount>(query.limit),
                         database.get_doccount(), nullptr, deciding ? &decider : nullptr);
    counter.Finish();
    answer.total = matches.get_matches_estimated();
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      const Xapian::Document document = it.get_document();
      Hit hit{.id = document.get_data(), .distance_km = std::nullopt};
      const Xapian::docid id = *it;
      if (query.near && id < reader.columns.points.size() && reader.columns.points[id]) {
        hit.distance_km = DistanceKm(*query.near, *reader.columns.points[id]);
      }
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
