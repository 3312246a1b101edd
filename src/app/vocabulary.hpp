// app/vocabulary.hpp: the themes and target groups coordination shares with the social map.
//
// A signal about food in a consultation and the food aid on the social map name the same
// theme, so consultations take the social map's taxonomy rather than a list of their own.
#ifndef ZONEATLAS_APP_VOCABULARY_HPP_
#define ZONEATLAS_APP_VOCABULARY_HPP_

#include "consultations/model.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::app {

consultations::Vocabulary CoordinationVocabulary(const socialmap::Taxonomy& taxonomy);

}  // namespace zoneatlas::app

#endif  // ZONEATLAS_APP_VOCABULARY_HPP_
