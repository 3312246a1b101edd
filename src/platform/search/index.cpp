#include "platform/search/index.hpp"

#include <xapian.h>

#include <chrono>
#include <cmath>
#include <thread>

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

// A word as written or as either language's stem.
Xapian::Query WordQuery(const std::string& word) {
  const std::vector<Xapian::Query> forms{Xapian::Query(word), Xapian::Query("ZN" + DutchStem()(word)),
                                         Xapian::Query("ZF" + FrenchStem()(word))};
  return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

Xapian::Query TextQuery(const Query& query) {
  std::vector<Xapian::Query> units;
  for (const auto& unit : query.units) {
    std::vector<Xapian::Query> alternatives;
    for (const auto& alternative : unit) {
      std::vector<Xapian::Query> words;
      for (const std::string& word : alternative) words.push_back(WordQuery(word));
      if (!words.empty()) alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
    }
    if (!alternatives.empty()) units.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  if (units.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, units.begin(), units.end());
}

// Counts "name=value" pairs of every matching document.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(std::map<std::string, std::map<std::string, std::size_t>>& counts) : counts_(counts) {}
  void operator()(const Xapian::Document& document, double) override {
    const std::string packed = document.get_value(kFacetSlot);
    for (std::string_view pair : text::Split(packed, kFacetSeparator)) {
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      ++counts_[std::string(pair.substr(0, equals))][std::string(pair.substr(equals + 1))];
    }
  }

 private:
  std::map<std::string, std::map<std::string, std::size_t>>& counts_;
};

class Decider : public Xapian::MatchDecider {
 public:
  explicit Decider(const std::function<bool(const std::string&)>& accept) : accept_(accept) {}
  bool operator()(const Xapian::Document& document) const override { return accept_(document.get_value(kDataSlot)); }

 private:
  const std::function<bool(const std::string&)>& accept_;
};

Xapian::Document ToXapian(const Document& document, Xapian::WritableDatabase& database) {
  Xapian::Document xapian;
  xapian.add_boolean_term(IdTerm(document.id));
  for (const auto& [text, weight] : document.texts) {
    for (const std::string& word : Words(text)) {
      const auto wdf = static_cast<Xapian::termcount>(std::max(1, weight));
      xapian.add_term(word, wdf);
      xapian.add_term("ZN" + DutchStem()(word), wdf);
      xapian.add_term("ZF" + FrenchStem()(word), wdf);
      if (word.size() > 2 && !text::IsDigits(word)) database.add_spelling(word);
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
    for (const Document& document : documents) {
      database.replace_document(IdTerm(document.id), ToXapian(document, database));
    }
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
    const Xapian::Database database(directory_);
    return text::ParseInteger(database.get_metadata("revision")).value_or(0);
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory_ + ": " + e.get_msg()));
  }
}

Result<std::size_t> Index::Size() const {
  try {
    return static_cast<std::size_t>(Xapian::Database(directory_).get_doccount());
  } catch (const Xapian::Error& e) {
    return Fail(Error::Unavailable("search index " + directory_ + ": " + e.get_msg()));
  }
}

Result<Answer> Index::Search(const Query& query) const {
  try {
    const Xapian::Database database(directory_);
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
    std::optional<Xapian::LatLongCoord> centre;
    if (query.near) centre = Xapian::LatLongCoord(query.near->latitude, query.near->longitude);
    if (centre && query.radius_km) {
      // release(): the query owns the source from here on.
      auto* within = new Xapian::LatLongDistancePostingSource(kPointSlot, Xapian::LatLongCoords(*centre),
                                                              Xapian::GreatCircleMetric(), *query.radius_km * 1000.0);
      xapian = Xapian::Query(Xapian::Query::OP_FILTER, xapian, Xapian::Query(within->release()));
    }
    enquire.set_query(xapian);
    if (centre && query.by_distance) {
      enquire.set_sort_by_key((new Xapian::LatLongDistanceKeyMaker(kPointSlot, *centre))->release(), false);
    }
    Answer answer;
    FacetCounter counter(answer.facets);
    enquire.add_matchspy(&counter);
    const Decider decider(query.accept);
    const Xapian::MSet matches =
        enquire.get_mset(static_cast<Xapian::doccount>(query.offset), static_cast<Xapian::doccount>(query.limit),
                         database.get_doccount(), nullptr, query.accept ? &decider : nullptr);
    answer.total = matches.get_matches_estimated();
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      const Xapian::Document document = it.get_document();
      Hit hit{.id = document.get_data(), .distance_km = std::nullopt};
      const std::string point = document.get_value(kPointSlot);
      if (query.near && !point.empty()) {
        Xapian::LatLongCoords coords;
        coords.unserialise(point);
        const Xapian::LatLongCoord at = *coords.begin();
        hit.distance_km = DistanceKm(*query.near, {at.latitude, at.longitude});
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
    const Xapian::Database database(directory_);
    if (database.term_exists(word)) return std::nullopt;
    std::string suggestion = database.get_spelling_suggestion(word, word.size() > 6 ? 2 : 1);
    if (suggestion.empty()) return std::nullopt;
    return suggestion;
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

}  // namespace zoneatlas::search
