#include "platform/view/view.hpp"

#include <gtest/gtest.h>

namespace zoneatlas::view {
namespace {

TEST(CatalogTest, EveryLanguageHasEveryMessage) {
  auto catalog = Catalog::Load();
  ASSERT_TRUE(catalog) << catalog.error().message();
  for (Language language : kLanguages) {
    for (Language other : kLanguages) {
      for (const auto& [key, message] : catalog->Messages(other)) {
        EXPECT_TRUE(catalog->Messages(language).contains(key))
            << "message " << key << " is missing in " << LanguageCode(language);
        EXPECT_FALSE(message.get_string().empty()) << key << " is empty in " << LanguageCode(other);
      }
    }
  }
  EXPECT_EQ(catalog->Format(Language::kFr, "zone_map_title", {{"zone", "Bassin Nord"}}), "Carte de Bassin Nord");
}

TEST(RendererTest, EscapesValuesAndWrapsTheLayout) {
  auto renderer = Renderer::Load();
  ASSERT_TRUE(renderer) << renderer.error().message();
  boost::json::object model{{"title", "<script>alert(1)</script>"}, {"message", "a & b"}, {"status", 404}};
  const std::string page = (*renderer)->Page("error", Language::kFr, model);
  EXPECT_NE(page.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_NE(page.find("a &amp; b"), std::string::npos);
  EXPECT_NE(page.find("Aller au contenu"), std::string::npos);
}

TEST(FormatTest, NumbersAndDatesFollowTheLocale) {
  EXPECT_EQ(FormatNumber(1234567.891, 1, Language::kNl), "1.234.567,9");
  EXPECT_EQ(FormatNumber(1234567.891, 1, Language::kFr), "1\u202F234\u202F567,9");
  EXPECT_EQ(FormatNumber(1234567.891, 1, Language::kEn), "1,234,567.9");
  EXPECT_EQ(FormatNumber(-0.04, 1, Language::kNl), "0,0");
  EXPECT_EQ(FormatNumber(-12.5, 0, Language::kEn), "-12");
  EXPECT_EQ(FormatInteger(999, Language::kNl), "999");
  EXPECT_EQ(FormatDate(2025, 1, 1, Language::kNl), "1 januari 2025");
  EXPECT_EQ(FormatDate(2025, 1, 1, Language::kFr), "1er janvier 2025");
  EXPECT_EQ(FormatDate(2025, 8, 15, Language::kFr), "15 août 2025");
  EXPECT_EQ(FormatDate(2025, 3, 2, Language::kEn), "2 March 2025");
}

}  // namespace
}  // namespace zoneatlas::view
