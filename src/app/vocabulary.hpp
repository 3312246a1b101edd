// app/vocabulary.hpp: the themes and target groups the features share, from the social map,
// and the indicators of the atlas catalog.
//
// A signal about food in a consultation and the food aid on the social map name the same
// theme, so consultations take the social map's taxonomy rather than a list of their own.
#ifndef ZONEATLAS_APP_VOCABULARY_HPP_
#define ZONEATLAS_APP_VOCABULARY_HPP_

#include "atlas/catalog.hpp"
#include "core/vocabulary.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::app {

Vocabulary SharedVocabulary(const socialmap::Taxonomy& taxonomy, const atlas::Catalog& indicators);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_VOCABULARY_HPP_
