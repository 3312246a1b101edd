#include "tests/support/test_database.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace zoneatlas::testing {
namespace {

std::string RandomSuffix() {
  std::random_device device;
  std::mt19937_64 generator(device());
  return std::to_string(generator() % 1'000'000'000'000ull);
}

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

}  // namespace

std::vector<db::Engine> Engines() { return {db::Engine::kSqlite, db::Engine::kPostgresql}; }

std::string EngineName(db::Engine engine) { return engine == db::Engine::kSqlite ? "SQLite" : "PostgreSQL"; }

std::string EngineTestName(const ::testing::TestParamInfo<db::Engine>& engine_info) {
  return EngineName(engine_info.param);
}

TemporaryDirectory::TemporaryDirectory() {
  path_ = std::filesystem::temp_directory_path() / ("zoneatlas-test-" + RandomSuffix());
  std::filesystem::create_directories(path_);
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::unique_ptr<TestDatabase> TestDatabase::Create(db::Engine engine, std::string& skip_reason) {
  std::unique_ptr<TestDatabase> test(new TestDatabase());
  if (engine == db::Engine::kSqlite) {
    test->directory_ = std::filesystem::temp_directory_path() / ("zoneatlas-db-" + RandomSuffix());
    std::filesystem::create_directories(test->directory_);
    test->url_ = (test->directory_ / "test.db").string();
  } else {
    const std::string base = Environment("ZONEATLAS_TEST_POSTGRESQL");
    if (base.empty()) {
      skip_reason = "ZONEATLAS_TEST_POSTGRESQL is not set (scripts/with-postgres.sh sets it)";
      if (Environment("ZONEATLAS_REQUIRE_POSTGRESQL") == "1") {
        ADD_FAILURE() << "PostgreSQL is required but " << skip_reason;
      }
      return nullptr;
    }
    test->admin_url_ = base;
    test->schema_ = "test_" + RandomSuffix();
    auto admin = db::Database::Open(base, 1);
    if (!admin) {
      ADD_FAILURE() << admin.error().ToString();
      return nullptr;
    }
    auto created = (*admin)->WithConnection(
        [&](db::Connection& connection) { return connection.Execute("CREATE SCHEMA " + test->schema_); });
    if (!created) {
      ADD_FAILURE() << created.error().ToString();
      return nullptr;
    }
    test->url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + test->schema_;
  }
  auto database = db::Database::Open(test->url_, 4);
  if (!database) {
    ADD_FAILURE() << database.error().ToString();
    return nullptr;
  }
  test->database_ = std::move(*database);
  if (auto migrated = test->database_->Migrate(); !migrated) {
    ADD_FAILURE() << migrated.error().ToString();
    return nullptr;
  }
  return test;
}

TestDatabase::~TestDatabase() {
  database_.reset();
  if (!directory_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
  if (!schema_.empty()) {
    if (auto admin = db::Database::Open(admin_url_, 1)) {
      (void)(*admin)->WithConnection(
          [&](db::Connection& connection) { return connection.Execute("DROP SCHEMA " + schema_ + " CASCADE"); });
    }
  }
}

std::filesystem::path SourceRoot() { return ZONEATLAS_SOURCE_ROOT; }

namespace {

std::string ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

std::string SharedData(const std::string& relative_path) {
  return ReadWhole(SourceRoot().parent_path() / "shared" / "data" / relative_path);
}

std::string RepositoryFile(const std::string& relative_path) { return ReadWhole(SourceRoot() / relative_path); }

}  // namespace zoneatlas::testing
