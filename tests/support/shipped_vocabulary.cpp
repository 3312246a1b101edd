#include "tests/support/shipped_vocabulary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "geo/import.hpp"
#include "tests/support/test_database.hpp"

namespace zoneatlas::testing {

Vocabulary ShippedVocabulary() {
  const boost::json::value taxonomy = boost::json::parse(RepositoryFile("data/socialmap/taxonomy.json"));
  Vocabulary vocabulary;
  for (const auto& [key, terms] :
       {std::pair{"themes", &vocabulary.themes}, {"target_groups", &vocabulary.target_groups}}) {
    for (const boost::json::value& term : taxonomy.at(key).as_array()) {
      terms->push_back({.id = std::string(term.at("id").as_string()),
                        .nl = std::string(term.at("nl").as_string()),
                        .fr = std::string(term.at("fr").as_string()),
                        .en = std::string(term.at("en").as_string())});
    }
  }
  const boost::json::value catalog = boost::json::parse(RepositoryFile("data/atlas/indicators.json"));
  for (const boost::json::value& indicator : catalog.at("indicators").as_array()) {
    const boost::json::value& names = indicator.at("names");
    vocabulary.indicators.push_back({.id = std::string(indicator.at("id").as_string()),
                                     .nl = std::string(names.at("nl").as_string()),
                                     .fr = std::string(names.at("fr").as_string()),
                                     .en = std::string(names.at("en").as_string())});
  }
  std::sort(vocabulary.indicators.begin(), vocabulary.indicators.end(),
            [](const VocabularyTerm& a, const VocabularyTerm& b) { return a.id < b.id; });
  return vocabulary;
}

bool LoadDemoGeography(db::Database& database) {
  const audit::Actor tester{"test", "the test suite"};
  for (const auto& [kind, file] : {std::pair{"areas", "data/demo/areas.csv"}, {"zones", "data/demo/zones.csv"}}) {
    const std::string content = RepositoryFile(file);
    auto report = std::string(kind) == "areas" ? geo::ImportAreas(database, file, content, tester)
                                               : geo::ImportZones(database, file, content, tester);
    if (!report || !report->ok()) {
      ADD_FAILURE() << "cannot load " << file;
      return false;
    }
  }
  return true;
}

}  // namespace zoneatlas::testing
