#include "socialmap/taxonomy.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/text.hpp"
#include "platform/resources/resources.hpp"
#include "socialmap/json_fields.hpp"

namespace zoneatlas::socialmap {
namespace json = boost::json;
namespace {

std::vector<Term> ParseTerms(const json::object& root, std::string_view list, std::vector<std::string>& problems) {
  std::vector<Term> terms;
  const json::value* value = root.if_contains(list);
  if (value == nullptr || !value->is_array()) {
    problems.push_back(std::string(list) + ": missing");
    return terms;
  }
  std::set<std::string> ids;
  for (const json::value& item : value->as_array()) {
    if (!item.is_object()) {
      problems.push_back(std::string(list) + ": an entry is not an object");
      continue;
    }
    const json::object& object = item.as_object();
    Term term{.id = StringField(object, "id"),
              .name = {StringField(object, "nl"), StringField(object, "fr"), StringField(object, "en")},
              .words = {},
              .need_indicators = {}};
    if (term.id.empty() || !ids.insert(term.id).second)
      problems.push_back(std::string(list) + ": id '" + term.id + "' is empty or repeated");
    if (term.name.nl.empty() || term.name.fr.empty() || term.name.en.empty()) {
      problems.push_back(std::string(list) + " " + term.id + ": needs a name in nl, fr and en");
    }
    if (const json::value* words = object.if_contains("words"); words != nullptr && words->is_array()) {
      for (const json::value& word : words->as_array()) {
        if (word.is_string()) term.words.emplace_back(word.as_string());
      }
    }
    if (const json::value* needs = object.if_contains("need_indicators"); needs != nullptr && needs->is_array()) {
      for (const json::value& id : needs->as_array()) {
        if (id.is_string()) term.need_indicators.emplace_back(id.as_string());
      }
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

const Term* FindIn(const std::vector<Term>& terms, std::string_view id) {
  for (const Term& term : terms) {
    if (term.id == id) return &term;
  }
  return nullptr;
}

}  // namespace

Result<Taxonomy> Taxonomy::Parse(std::string_view text) {
  json::error_code ec;
  const json::value root = json::parse(text, ec);
  if (ec || !root.is_object()) return Fail(Error::InvalidArgument("taxonomy: not a JSON object"));
  std::vector<std::string> problems;
  Taxonomy taxonomy;
  taxonomy.themes_ = ParseTerms(root.as_object(), "themes", problems);
  taxonomy.target_groups_ = ParseTerms(root.as_object(), "target_groups", problems);
  taxonomy.competent_levels_ = ParseTerms(root.as_object(), "competent_levels", problems);
  if (const json::value* groups = root.as_object().if_contains("synonyms"); groups != nullptr && groups->is_array()) {
    for (const json::value& group : groups->as_array()) {
      std::vector<std::string> words;
      if (group.is_array()) {
        for (const json::value& word : group.as_array()) {
          if (word.is_string()) words.push_back(text::Fold(std::string_view(word.as_string())));
        }
      }
      if (words.size() < 2) problems.push_back("synonyms: a group needs at least two words");
      taxonomy.synonyms_.push_back(std::move(words));
    }
  }
  if (const json::value* words = root.as_object().if_contains("stopwords"); words != nullptr && words->is_array()) {
    for (const json::value& word : words->as_array()) {
      if (word.is_string()) taxonomy.stopwords_.insert(text::Fold(std::string_view(word.as_string())));
    }
  }
  if (!problems.empty()) {
    std::string message = "taxonomy:";
    for (const std::string& problem : problems) message += "\n" + problem;
    return Fail(Error::InvalidArgument(message));
  }
  return taxonomy;
}

Result<Taxonomy> Taxonomy::Shipped() {
  const auto text = resources::Find("socialmap/taxonomy.json");
  if (!text) return Fail(Error::Internal("socialmap/taxonomy.json is not embedded"));
  return Parse(*text);
}

bool Taxonomy::IsStopword(std::string_view word) const { return stopwords_.contains(word); }

const Term* Taxonomy::FindTheme(std::string_view id) const { return FindIn(themes_, id); }
const Term* Taxonomy::FindTargetGroup(std::string_view id) const { return FindIn(target_groups_, id); }
const Term* Taxonomy::FindCompetentLevel(std::string_view id) const { return FindIn(competent_levels_, id); }

}  // namespace zoneatlas::socialmap
