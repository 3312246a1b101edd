#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "core/date.hpp"
#include "core/language.hpp"
#include "core/temp_file.hpp"
#include "core/text.hpp"

namespace zoneatlas {
namespace {

TEST(DateTest, ParsesIsoAndStatbelForms) {
  struct Case {
    const char* text;
    const char* iso;
  } cases[] = {
      {"2025-01-01", "2025-01-01"}, {"01/01/2025", "2025-01-01"}, {"31/12/9999", "9999-12-31"},
      {"2024-02-29", "2024-02-29"}, {"29/02/2000", "2000-02-29"},
  };
  for (const Case& c : cases) {
    auto date = Date::Parse(c.text);
    ASSERT_TRUE(date) << c.text << ": " << date.error().message();
    EXPECT_EQ(date->ToIso(), c.iso) << c.text;
  }
}

TEST(DateTest, RejectsWhatIsNotADay) {
  for (const char* text : {"2025-02-29", "2023-13-01", "2023-00-10", "1900-02-29", "2025-1-1", "01-01-2025", "",
                           "2025/01/01", "yesterday", "2025-01-01T00:00"}) {
    EXPECT_FALSE(Date::Parse(text)) << text;
  }
}

TEST(ValidityPeriodTest, BothEndsAreInclusive) {
  const auto period = MakeValidityPeriod(*Date::Parse("2019-01-01"), Date::Parse("2024-12-31").value());
  ASSERT_TRUE(period);
  EXPECT_FALSE(period->Contains(*Date::Parse("2018-12-31")));
  EXPECT_TRUE(period->Contains(*Date::Parse("2019-01-01")));
  EXPECT_TRUE(period->Contains(*Date::Parse("2024-12-31")));
  // The 1 January 2025 mergers: the old municipality is no longer valid.
  EXPECT_FALSE(period->Contains(*Date::Parse("2025-01-01")));
}

TEST(ValidityPeriodTest, OpenEndIsStillValidAndOverlapsFollow) {
  const ValidityPeriod open{*Date::Parse("2025-01-01"), std::nullopt};
  EXPECT_TRUE(open.Contains(*Date::Parse("2099-06-30")));
  const ValidityPeriod before{*Date::Parse("1977-01-01"), Date::Parse("2024-12-31").value()};
  EXPECT_FALSE(open.Overlaps(before));
  const ValidityPeriod touching{*Date::Parse("1977-01-01"), Date::Parse("2025-01-01").value()};
  EXPECT_TRUE(open.Overlaps(touching));
  EXPECT_FALSE(MakeValidityPeriod(*Date::Parse("2025-01-01"), Date::Parse("2024-12-31").value()));
}

TEST(TextTest, FoldIgnoresCaseAndAccents) {
  EXPECT_EQ(text::Fold("Rhode-Saint-Genèse"), "rhode-saint-genese");
  EXPECT_EQ(text::Fold("geïsoleerd"), "geisoleerd");
  EXPECT_EQ(text::Fold("ÉCOLE Œuvre ĳs"), "ecole oeuvre ijs");
  EXPECT_EQ(text::Fold("Łódź"), "lodz");
}

TEST(TextTest, ParsesDecimalsWithEitherSeparator) {
  EXPECT_DOUBLE_EQ(*text::ParseDecimal("12,5"), 12.5);
  EXPECT_DOUBLE_EQ(*text::ParseDecimal(" 12.5 "), 12.5);
  EXPECT_FALSE(text::ParseDecimal("12a"));
  EXPECT_FALSE(text::ParseDecimal(""));
  EXPECT_EQ(*text::ParseInteger("25343"), 25343);
  EXPECT_FALSE(text::ParseInteger("25.343"));
}

TEST(TextTest, FindsTheFirstByteThatIsNotUtf8) {
  EXPECT_TRUE(text::IsValidUtf8("Sint-Genesius-Rode — Rhode-Saint-Genèse"));
  EXPECT_EQ(text::InvalidUtf8Offset("abc\xE9"), 3u);         // Latin-1 é.
  EXPECT_EQ(text::InvalidUtf8Offset("\xC0\xAF"), 0u);        // Overlong '/'.
  EXPECT_EQ(text::InvalidUtf8Offset("ok\xED\xA0\x80"), 2u);  // A surrogate.
}

TEST(LanguageTest, PicksFromAcceptLanguageByQuality) {
  EXPECT_EQ(PreferredLanguage("fr-BE,fr;q=0.9,en;q=0.8"), Language::kFr);
  EXPECT_EQ(PreferredLanguage("en;q=0.5, nl-BE;q=0.9"), Language::kNl);
  EXPECT_EQ(PreferredLanguage("de-DE,en;q=0.3"), Language::kEn);
  EXPECT_EQ(PreferredLanguage("de-DE"), Language::kNl);
  EXPECT_EQ(PreferredLanguage(""), Language::kNl);
  EXPECT_EQ(PreferredLanguage("french"), Language::kNl);
}

TEST(TempFileTest, AnUploadsCopyIsReadableByItsOwnerOnlyAndGoneAfterUse) {
  std::filesystem::path path;
  {
    auto file = TempFile::Create(".zip");
    ASSERT_TRUE(file) << file.error().message();
    path = file->path();
    ASSERT_TRUE(file->Write("PK\x03\x04 what a user uploaded"));
    struct stat status {};
    ASSERT_EQ(stat(path.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0600u);
    EXPECT_TRUE(path.filename().string().starts_with("zoneatlas-tmp-"));
    EXPECT_EQ(path.extension(), ".zip");
    std::ifstream in(path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, "PK\x03\x04 what a user uploaded");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  std::filesystem::path folder_path;
  {
    auto folder = TempFolder::Create();
    ASSERT_TRUE(folder);
    folder_path = folder->path();
    struct stat status {};
    ASSERT_EQ(stat(folder_path.c_str(), &status), 0);
    EXPECT_EQ(status.st_mode & 0777, 0700u);
    std::ofstream(folder_path / "page.html") << "<p>";
  }
  EXPECT_FALSE(std::filesystem::exists(folder_path));
}

TEST(TempFileTest, WhatAKilledServerLeftIsRemovedAtStartButNotWhatAnotherServerIsUsing) {
  auto old_file = TempFile::Create(".zip");
  auto new_file = TempFile::Create(".zip");
  ASSERT_TRUE(old_file && new_file);
  std::filesystem::last_write_time(old_file->path(),
                                   std::filesystem::file_time_type::clock::now() - std::chrono::hours(3));
  EXPECT_GE(RemoveStaleTempFiles(std::chrono::minutes(60)), 1);
  EXPECT_FALSE(std::filesystem::exists(old_file->path()));
  EXPECT_TRUE(std::filesystem::exists(new_file->path()));
}

}  // namespace
}  // namespace zoneatlas
