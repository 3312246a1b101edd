// Providers and referral routes: what must be true before one is kept, and the search filter.
#include <gtest/gtest.h>

#include "providers/model.hpp"
#include "tests/support/shipped_vocabulary.hpp"

namespace zoneatlas::providers {
namespace {

Provider Listed() {
  Provider provider;
  provider.id = "p1";
  provider.zone_id = "elz-zennevallei";
  provider.name = "Dr. Lieve Demo";
  provider.profession = "huisarts";
  provider.areas = {"23027"};
  provider.languages = {"nl", "fr"};
  provider.accepting = Accepting::kYes;
  provider.phone = "02 000 00 01";
  provider.consent_on = *Date::Parse("2026-09-15");
  provider.consent_how = "ondertekend formulier";
  return provider;
}

bool Names(const std::vector<Problem>& problems, std::string_view field) {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) { return p.field == field; });
}

TEST(ProvidersTest, AProviderIsListedOnlyWithConsentAndAWayToReachThem) {
  EXPECT_TRUE(Check(Listed()).empty()) << Describe(Check(Listed()));
  Provider no_consent = Listed();
  no_consent.consent_how.clear();
  EXPECT_TRUE(Names(Check(no_consent), "consent"));
  Provider future = Listed();
  future.consent_on = Date::FromDaysSinceEpoch(Date::Today().DaysSinceEpoch() + 2);
  EXPECT_TRUE(Names(Check(future), "consent"));
  Provider unreachable = Listed();
  unreachable.phone.clear();
  EXPECT_TRUE(Names(Check(unreachable), "contact"));
  Provider odd = Listed();
  odd.profession = "tovenaar";
  odd.languages = {"Nederlands"};
  odd.email = "geen-adres";
  const auto problems = Check(odd);
  EXPECT_TRUE(Names(problems, "profession"));
  EXPECT_TRUE(Names(problems, "languages"));
  EXPECT_TRUE(Names(problems, "email"));
}

TEST(ProvidersTest, TheSearchKeepsProfessionPlaceLanguageAndNewPatients) {
  const Provider provider = Listed();
  EXPECT_TRUE(Matches(provider, {}));
  EXPECT_TRUE(Matches(provider, {.profession = "huisarts", .area = "23027", .language = "fr", .accepting_only = true}));
  EXPECT_FALSE(Matches(provider, {.profession = "apotheker", .area = "", .language = "", .accepting_only = false}));
  EXPECT_FALSE(Matches(provider, {.profession = "", .area = "23064", .language = "", .accepting_only = false}));
  EXPECT_FALSE(Matches(provider, {.profession = "", .area = "", .language = "ar", .accepting_only = false}));
  Provider full = provider;
  full.accepting = Accepting::kNo;
  EXPECT_FALSE(Matches(full, {.profession = "", .area = "", .language = "", .accepting_only = true}));
  full.accepting = Accepting::kUnknown;
  EXPECT_FALSE(Matches(full, {.profession = "", .area = "", .language = "", .accepting_only = true}))
      << "unknown is not a yes";
}

TEST(ProvidersTest, ARouteNeedsAQuestionAThemeAndAServiceAtEachStep) {
  const Vocabulary vocabulary = testing::ShippedVocabulary();
  Route route{.id = "energieschuld",
              .zone_id = "",
              .question = "Energieschuld",
              .description = "",
              .theme = "income_rights",
              .target_groups = {"low_income"},
              .steps = {{.service = "OCMW", .what = "", .social_map_q = "OCMW", .theme = "", .rights = {}}},
              .language = Language::kNl,
              .demo = false};
  EXPECT_TRUE(Check(route, vocabulary).empty()) << Describe(Check(route, vocabulary));
  Route bad = route;
  bad.theme = "weather";
  bad.target_groups = {"aliens"};
  bad.steps.push_back({.service = "", .what = "", .social_map_q = "", .theme = "sunshine", .rights = {}});
  const auto problems = Check(bad, vocabulary);
  EXPECT_TRUE(Names(problems, "theme"));
  EXPECT_TRUE(Names(problems, "target_groups"));
  EXPECT_TRUE(Names(problems, "steps[1].service"));
  EXPECT_TRUE(Names(problems, "steps[1].theme"));
  bad.steps.clear();
  EXPECT_TRUE(Names(Check(bad, vocabulary), "steps"));
}

}  // namespace
}  // namespace zoneatlas::providers
