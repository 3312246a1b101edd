// tests/support/shipped_vocabulary.hpp: what the coordination features' tests start from —
// the themes and target groups the application hands them, read here from the social map's
// taxonomy file (a feature's tests do not include another feature), and the demo geography.
#ifndef ZONEATLAS_TESTS_SUPPORT_SHIPPED_VOCABULARY_HPP_
#define ZONEATLAS_TESTS_SUPPORT_SHIPPED_VOCABULARY_HPP_

#include "core/vocabulary.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::testing {

Vocabulary ShippedVocabulary();

// Imports data/demo/areas.csv and zones.csv; false (with a test failure) when it cannot.
bool LoadDemoGeography(db::Database& database);

}  // namespace zoneatlas::testing

#endif  // ZONEATLAS_TESTS_SUPPORT_SHIPPED_VOCABULARY_HPP_
