// tests/support/shipped_vocabulary.hpp: the themes and target groups the application hands
// to the coordination features, read here from the social map's taxonomy file (a feature's
// tests do not include another feature).
#ifndef ZONEATLAS_TESTS_SUPPORT_SHIPPED_VOCABULARY_HPP_
#define ZONEATLAS_TESTS_SUPPORT_SHIPPED_VOCABULARY_HPP_

#include "core/vocabulary.hpp"

namespace zoneatlas::testing {

Vocabulary ShippedVocabulary();

}  // namespace zoneatlas::testing

#endif  // ZONEATLAS_TESTS_SUPPORT_SHIPPED_VOCABULARY_HPP_
