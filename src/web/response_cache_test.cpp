// The response cache keeps answers while their data is unchanged, within its bounds.
#include <gtest/gtest.h>

#include "web/response_cache.hpp"

namespace zoneatlas::web {
namespace {

http::Response Body(std::size_t size) { return http::Response::Html(std::string(size, 'x')); }

TEST(ResponseCacheTest, KeepsAnAnswerUntilItsDataChanges) {
  ResponseCache cache;
  int made = 0;
  const auto make = [&] {
    ++made;
    return Body(10);
  };
  cache.GetOrMake("/nl/", 1, make);
  cache.GetOrMake("/nl/", 1, make);
  EXPECT_EQ(made, 1);
  cache.GetOrMake("/nl/", 2, make);
  EXPECT_EQ(made, 2) << "a new generation makes it again";
}

TEST(ResponseCacheTest, LargeAnswersAndTooManyBytesAreNotKept) {
  ResponseCache cache(100, 800);  // At most 800 bytes; nothing over 100 bytes is kept.
  int made = 0;
  const auto make_large = [&] {
    ++made;
    return Body(101);
  };
  cache.GetOrMake("/large", 1, make_large);
  cache.GetOrMake("/large", 1, make_large);
  EXPECT_EQ(made, 2) << "too large to keep";
  made = 0;
  const auto make = [&] {
    ++made;
    return Body(100);
  };
  for (int i = 0; i < 8; ++i) cache.GetOrMake("/page?" + std::to_string(i), 1, make);
  EXPECT_EQ(made, 8);
  cache.GetOrMake("/page?0", 1, make);
  EXPECT_EQ(made, 8) << "800 bytes fit";
  cache.GetOrMake("/page?8", 1, make);  // The ninth would pass 800 bytes: the cache starts over.
  cache.GetOrMake("/page?0", 1, make);
  EXPECT_EQ(made, 10);
  cache.GetOrMake("/page?8", 1, make);
  EXPECT_EQ(made, 10) << "the newest answer was kept";
}

}  // namespace
}  // namespace zoneatlas::web
