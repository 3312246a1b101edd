// tests/support/test_database.hpp: real database engines for tests.
//
// Storage tests run once per engine (STYLE.md: real engines in temp dirs rather than
// fakes). SQLite gets a file in a fresh temporary directory; PostgreSQL gets a fresh
// schema in the database named by ZONEATLAS_TEST_POSTGRESQL (scripts/with-postgres.sh
// starts one), dropped afterwards. Without that variable the PostgreSQL cases are
// skipped, unless ZONEATLAS_REQUIRE_POSTGRESQL=1, when they fail: CI must not pass by
// skipping.
#ifndef ZONEATLAS_TESTS_SUPPORT_TEST_DATABASE_HPP_
#define ZONEATLAS_TESTS_SUPPORT_TEST_DATABASE_HPP_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/db/database.hpp"

namespace zoneatlas::testing {

// The engines to run a storage suite against, for INSTANTIATE_TEST_SUITE_P.
std::vector<db::Engine> Engines();
std::string EngineName(db::Engine engine);
// Names parameterised storage tests after their engine: "…/SQLite", "…/PostgreSQL".
std::string EngineTestName(const ::testing::TestParamInfo<db::Engine>& engine_info);

class TestDatabase {
 public:
  // Opens a new, empty, migrated database on `engine`. Returns nullptr and sets
  // `skip_reason` when the engine is not available and not required.
  static std::unique_ptr<TestDatabase> Create(db::Engine engine, std::string& skip_reason);
  ~TestDatabase();

  db::Database& database() { return *database_; }
  // A URL that opens this same database (for the binary under test).
  const std::string& url() const { return url_; }

 private:
  TestDatabase() = default;
  std::unique_ptr<db::Database> database_;
  std::string url_;
  std::filesystem::path directory_;
  std::string schema_;
  std::string admin_url_;
};

// A fresh temporary directory, removed by the destructor.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Reads a file of ../shared/data (the repository's sibling folder), for tests against
// real public data. Returns "" when it is not there.
std::string SharedData(const std::string& relative_path);
// The repository root.
std::filesystem::path SourceRoot();
// Reads a file of the repository ("data/demo/areas.csv"); "" when it is not there.
std::string RepositoryFile(const std::string& relative_path);

}  // namespace zoneatlas::testing

#endif  // ZONEATLAS_TESTS_SUPPORT_TEST_DATABASE_HPP_
