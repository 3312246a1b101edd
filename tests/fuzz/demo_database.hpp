// tests/fuzz/demo_database.hpp: what the fuzz targets that import read against — the demo
// data files and one SQLite database per run with the demo areas and zones, removed at exit.
#ifndef ZONEATLAS_TESTS_FUZZ_DEMO_DATABASE_HPP_
#define ZONEATLAS_TESTS_FUZZ_DEMO_DATABASE_HPP_

#include <string>

#include "platform/db/database.hpp"

namespace zoneatlas::fuzz {

// The content of data/demo/NAME.
std::string DemoFile(const std::string& name);

// Made at the first call (migrated, demo areas and zones imported); aborts if it cannot be.
db::Database& DemoDatabase();

// The file of DemoDatabase(), made if need be; its write-ahead log is checkpointed, so a
// copy of this one file is the whole database.
std::string DemoDatabasePath();

}  // namespace zoneatlas::fuzz

#endif  // ZONEATLAS_TESTS_FUZZ_DEMO_DATABASE_HPP_
