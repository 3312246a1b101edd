// What `zoneatlas rights check` lists: gaps, figures about to end and weak sources.
#include "rights/freshness.hpp"

#include <gtest/gtest.h>

namespace zoneatlas::rights {
namespace {

Date Day(std::string_view text) { return *Date::Parse(text); }

// Three parameters: "gat" has no figure in 2024, "einde" ends on 2025-03-31, "marge" is a
// method; one figure of "einde" rests on a secondary source.
constexpr std::string_view kCatalog = R"({"parameters": [
  {"id": "gat", "unit": "EUR/jaar", "description": {"nl": "g", "fr": "g"}, "known_until": "2025-12-31",
   "indexed_upwards": "https://example.org/index", "values": [
     {"from": "2023-01-01", "until": "2023-12-31", "value": 100, "source": "https://example.org", "reliability": "O"},
     {"from": "2025-01-01", "value": 120, "source": "https://example.org", "reliability": "P"}]},
  {"id": "einde", "unit": "EUR/maand", "description": {"nl": "e", "fr": "e"}, "known_until": "2025-03-31",
   "values": [{"from": "2024-01-01", "value": 50, "source": "https://example.org/krant", "reliability": "S"}]},
  {"id": "marge", "unit": "factor", "description": {"nl": "m", "fr": "m"}, "known_until": "2025-01-31",
   "values": [{"from": "2000-01-01", "value": 1.05, "source": "zoneatlas: methode", "reliability": "M"}]}],
 "rights": [{"id": "test_recht", "name": {"nl": "n", "fr": "n"}, "explanation": {"nl": "e", "fr": "e"},
  "level": "federal", "theme": "income", "effect": "raises_income", "competent_body": {"nl": "b", "fr": "b"},
  "how_to_apply": {"nl": "h", "fr": "h"}, "social_worker_may_apply": true, "automatic": "no",
  "sources": ["https://example.org"], "routes": [{"name": {"nl": "r", "fr": "r"}, "conditions": [
    {"test": "household.income < gat * marge + einde", "yes": {"nl": "ja", "fr": "oui"},
     "no": {"nl": "nee", "fr": "non"}}]}]}]})";

TEST(FreshnessTest, AGapIsNamedWithWhatTheScreeningDoesThen) {
  auto catalog = Catalog::Parse(kCatalog);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  const Date date = Day("2024-06-01");
  const auto attention = NeedsAttention(*catalog, date, 90);
  ASSERT_EQ(attention.size(), 2U);
  EXPECT_EQ(attention[0].kind, Attention::Kind::kNoFigure);
  EXPECT_EQ(attention[0].parameter->id, "gat");
  EXPECT_EQ(Describe(attention[0], date),
            "gat: no figure on 2024-06-01; it falls in a gap between two figures (indexed upwards: screened within "
            "bounds)");
  EXPECT_EQ(attention[1].kind, Attention::Kind::kWeakSource);
  EXPECT_EQ(attention[1].parameter->id, "einde");
  EXPECT_NE(Describe(attention[1], date).find("secondary source"), std::string::npos);
}

TEST(FreshnessTest, FiguresEndingWithinTheHorizonAndRunOutOnesAreListed) {
  auto catalog = Catalog::Parse(kCatalog);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  auto ending = NeedsAttention(*catalog, Day("2025-02-01"), 90);
  ASSERT_GE(ending.size(), 1U);
  EXPECT_EQ(ending[0].kind, Attention::Kind::kEndsSoon);
  EXPECT_EQ(ending[0].parameter->id, "einde");
  EXPECT_EQ(Describe(ending[0], Day("2025-02-01")),
            "einde: the newest figure (EUR 50.00 from 2024-01-01) ends 2025-03-31");
  EXPECT_EQ(NeedsAttention(*catalog, Day("2025-02-01"), 30).front().kind, Attention::Kind::kWeakSource)
      << "outside a shorter horizon";
  const auto run_out = NeedsAttention(*catalog, Day("2026-01-15"), 0);
  ASSERT_GE(run_out.size(), 2U);
  EXPECT_EQ(Describe(run_out[0], Day("2026-01-15")),
            "gat: no figure on 2026-01-15; the newest ended 2025-12-31 (indexed upwards: screened within bounds)");
  EXPECT_EQ(Describe(run_out[1], Day("2026-01-15")),
            "einde: no figure on 2026-01-15; the newest ended 2025-03-31 (screening says \"cannot tell yet\")");
  for (const Attention& item : run_out) EXPECT_NE(item.parameter->id, "marge") << "a method has no figures to renew";
}

TEST(FreshnessTest, ARightsFiguresAreKnownUntilTheEarliestEnd) {
  auto catalog = Catalog::Parse(kCatalog);
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  EXPECT_EQ(FiguresKnownUntil(*catalog, catalog->rights()[0]), Day("2025-03-31"));
}

TEST(FreshnessTest, TheShippedCatalogHasNoRightWithoutFigures) {
  auto catalog = Catalog::Shipped();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message();
  const Right* vt = catalog->Find("verhoogde_tegemoetkoming");
  ASSERT_NE(vt, nullptr);
  EXPECT_TRUE(FiguresKnownUntil(*catalog, *vt).has_value());
  EXPECT_FALSE(FiguresKnownUntil(*catalog, *catalog->Find("mantelzorgpremie")).has_value())
      << "a right whose rules read no figure";
}

}  // namespace
}  // namespace zoneatlas::rights
