// tests/support/zip_file.hpp: zip archives made in a test, as a producer ships its files.
#ifndef ZONEATLAS_TESTS_SUPPORT_ZIP_FILE_HPP_
#define ZONEATLAS_TESTS_SUPPORT_ZIP_FILE_HPP_

#include <string>
#include <utility>
#include <vector>

namespace zoneatlas::testing {

// The bytes of a zip archive holding each (name, content), deflated, in order.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace zoneatlas::testing

#endif  // ZONEATLAS_TESTS_SUPPORT_ZIP_FILE_HPP_
