#include "web/choices.hpp"

#include <algorithm>
#include <boost/json.hpp>

namespace zoneatlas::web {

namespace json = boost::json;

json::array Choices(const Options& options, const std::vector<std::string>& chosen) {
  json::array choices;
  for (const auto& [id, name] : options) {
    const bool selected = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
    choices.push_back(json::object{{"id", id}, {"name", name}, {"selected", selected}});
  }
  return choices;
}

json::array Choices(const Options& options, const std::string& chosen) {
  return Choices(options, std::vector<std::string>{chosen});
}

json::array Choices(const std::vector<VocabularyTerm>& terms, Language language,
                    const std::vector<std::string>& chosen) {
  Options options;
  for (const VocabularyTerm& term : terms) options.emplace_back(term.id, term.In(language));
  return Choices(options, chosen);
}

}  // namespace zoneatlas::web
