// web/choices.hpp: the options of a select or a set of checkboxes as the templates show them,
// [{id, name, selected}], the chosen ones marked.
//
// Thread safety: pure functions.
#ifndef ZONEATLAS_WEB_CHOICES_HPP_
#define ZONEATLAS_WEB_CHOICES_HPP_

#include <boost/json/fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/language.hpp"
#include "core/vocabulary.hpp"

namespace zoneatlas::web {

// (id, name in the reader's language), in the order shown.
using Options = std::vector<std::pair<std::string, std::string>>;

boost::json::array Choices(const Options& options, const std::vector<std::string>& chosen);
boost::json::array Choices(const Options& options, const std::string& chosen);
// Themes, target groups or indicators of the shared vocabulary, named in `language`.
boost::json::array Choices(const std::vector<VocabularyTerm>& terms, Language language,
                           const std::vector<std::string>& chosen);

}  // namespace zoneatlas::web

#endif  // ZONEATLAS_WEB_CHOICES_HPP_
