#include <gtest/gtest.h>

#include "core/brussels_time.hpp"
#include "socialmap/hsds.hpp"
#include "socialmap/opening.hpp"
#include "socialmap/readability.hpp"
#include "socialmap/search.hpp"
#include "socialmap/service_form.hpp"
#include "socialmap/taxonomy.hpp"

namespace zoneatlas::socialmap {
namespace {

Date Day(int year, int month, int day) { return *Date::FromYmd(year, month, day); }
LocalMoment At(int year, int month, int day, int hour, int minute) {
  const Date date = Day(year, month, day);
  return {.date = date, .weekday = WeekdayOf(date), .minutes = hour * 60 + minute};
}
Hours Open(int weekday, int opens_hour, int closes_hour, bool walk_in = false) {
  return {.weekday = weekday,
          .opens = opens_hour * 60,
          .closes = closes_hour * 60,
          .walk_in = walk_in,
          .on_holidays = false,
          .location_id = "",
          .valid_from = std::nullopt,
          .valid_to = std::nullopt,
          .note = ""};
}

const Taxonomy& Shipped() {
  static const Taxonomy taxonomy = *Taxonomy::Shipped();
  return taxonomy;
}

TEST(Opening, BelgianPublicHolidaysIncludeTheMovableFeasts) {
  EXPECT_TRUE(IsPublicHoliday(Day(2026, 7, 21)));  // National day.
  EXPECT_TRUE(IsPublicHoliday(Day(2026, 4, 6)));   // Easter Monday 2026.
  EXPECT_TRUE(IsPublicHoliday(Day(2026, 5, 14)));  // Ascension 2026.
  EXPECT_TRUE(IsPublicHoliday(Day(2026, 5, 25)));  // Whit Monday 2026.
  EXPECT_TRUE(IsPublicHoliday(Day(2025, 4, 21)));  // Easter Monday 2025.
  EXPECT_FALSE(IsPublicHoliday(Day(2026, 4, 7)));
  EXPECT_FALSE(IsPublicHoliday(Day(2026, 11, 23)));
}

TEST(Opening, OpenNowAtFixedTimes) {
  // Monday and Thursday mornings; a night shelter from Friday 20:00 to Saturday 08:00.
  const std::vector<Hours> hours{Open(0, 9, 12), Open(3, 9, 12, true), Open(4, 20, 8)};
  EXPECT_TRUE(OpenAt(hours, At(2026, 11, 23, 9, 0)));  // Monday 09:00: opens.
  EXPECT_TRUE(OpenAt(hours, At(2026, 11, 23, 11, 59)));
  EXPECT_FALSE(OpenAt(hours, At(2026, 11, 23, 12, 0)));  // Closed at closing time.
  EXPECT_FALSE(OpenAt(hours, At(2026, 11, 24, 10, 0)));  // Tuesday.
  EXPECT_FALSE(OpenAt(hours, At(2026, 11, 23, 10, 0), /*walk_in_only=*/true));
  EXPECT_TRUE(OpenAt(hours, At(2026, 11, 26, 10, 0), /*walk_in_only=*/true));
  // Past midnight: Friday 23:30 and Saturday 07:59 open, Saturday 08:00 closed.
  EXPECT_TRUE(OpenAt(hours, At(2026, 11, 27, 23, 30)));
  EXPECT_TRUE(OpenAt(hours, At(2026, 11, 28, 7, 59)));
  EXPECT_FALSE(OpenAt(hours, At(2026, 11, 28, 8, 0)));
  // Easter Monday 2026 is a holiday: closed although it is a Monday morning, unless the
  // hours are kept on holidays.
  EXPECT_FALSE(OpenAt(hours, At(2026, 4, 6, 10, 0)));
  std::vector<Hours> shelter{Open(0, 9, 12)};
  shelter[0].on_holidays = true;
  EXPECT_TRUE(OpenAt(shelter, At(2026, 4, 6, 10, 0)));
  // The night after Christmas Eve (Thursday 24 to Friday 25 December 2026) counts as the 24th.
  EXPECT_TRUE(OpenAt({Open(3, 20, 8)}, At(2026, 12, 25, 2, 0)));
}

TEST(Opening, NextOpeningSkipsHolidays) {
  const std::vector<Hours> hours{Open(0, 9, 12)};
  // Sunday 5 April 2026: the next Monday is Easter Monday, so a week later.
  const auto next = NextOpening(hours, At(2026, 4, 5, 15, 0));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->date, Day(2026, 4, 13));
  EXPECT_EQ(next->minutes, 9 * 60);
  EXPECT_EQ(NextOpening(hours, At(2026, 11, 23, 8, 0))->date, Day(2026, 11, 23));
  EXPECT_FALSE(NextOpening({}, At(2026, 11, 23, 8, 0)));
}

TEST(Opening, PackedHoursComeBackTheSame) {
  std::vector<Hours> hours{Open(0, 9, 12), Open(4, 20, 8, true)};
  hours[1].valid_from = Day(2026, 1, 1);
  hours[1].valid_to = Day(2026, 12, 31);
  const std::vector<Hours> back = UnpackHours(PackHours(hours));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].opens, 540);
  EXPECT_TRUE(back[1].walk_in);
  EXPECT_EQ(back[1].valid_to, Day(2026, 12, 31));
}

TEST(Opening, BrusselsTimeFollowsSummerTime) {
  using std::chrono::sys_days;
  // 23 November 2026 10:00 UTC is 11:00 in Brussels (winter); 1 July 12:00 UTC is 14:00.
  const auto winter = BrusselsTime(sys_days(std::chrono::year(2026) / 11 / 23) + std::chrono::hours(10));
  EXPECT_EQ(winter.minutes, 11 * 60);
  EXPECT_EQ(winter.weekday, 0);
  const auto summer = BrusselsTime(sys_days(std::chrono::year(2026) / 7 / 1) + std::chrono::hours(12));
  EXPECT_EQ(summer.minutes, 14 * 60);
  // 23:30 UTC on 31 December is already New Year in Brussels.
  const auto new_year = BrusselsTime(sys_days(std::chrono::year(2026) / 12 / 31) + std::chrono::minutes(23 * 60 + 30));
  EXPECT_EQ(new_year.date, Day(2027, 1, 1));
}

TEST(Clock, ReadsHsdsTimes) {
  EXPECT_EQ(ParseClock("09:30"), 570);
  EXPECT_EQ(ParseClock("09:30:00"), 570);
  EXPECT_EQ(ParseClock("24:00"), 1440);
  EXPECT_FALSE(ParseClock("9:30"));
  EXPECT_FALSE(ParseClock("25:00"));
  EXPECT_FALSE(ParseClock("ab:cd"));
  EXPECT_EQ(FormatClock(570), "09:30");
}

TEST(QueryUnits, SynonymsAcrossLanguagesAndJargonBecomeOneUnit) {
  // "sociaal huis" is one phrase of the OCMW group; "halle" stays a word.
  const auto units = QueryUnits("Sociaal Huis Halle", Shipped());
  ASSERT_EQ(units.size(), 2u);
  bool has_cpas = false;
  for (const auto& alternative : units[0]) has_cpas = has_cpas || alternative == std::vector<std::string>{"cpas"};
  EXPECT_TRUE(has_cpas);
  EXPECT_EQ(units[1], (std::vector<std::vector<std::string>>{{"halle"}}));
  // Accents and case are folded before matching: "CPAS" and "Colis alimentaire".
  EXPECT_EQ(QueryUnits("CPAS", Shipped()).front().size(), units[0].size());
  const auto food = QueryUnits("colis alimentaire", Shipped());
  ASSERT_EQ(food.size(), 1u);
  EXPECT_GT(food[0].size(), 3u);
  // Operators, quotes and odd characters are only separators: voedsel, hulp, or, ∞ ("and" is
  // a common word).
  EXPECT_EQ(QueryUnits("\"voedsel\" AND (hulp) OR -* ∞", Shipped()).size(), 4u);
  // Common words are not required, unless they are all there is.
  EXPECT_EQ(QueryUnits("hulp met de gsm", Shipped()).size(), 2u);
  EXPECT_EQ(QueryUnits("de", Shipped()).size(), 1u);
  EXPECT_TRUE(QueryUnits("", Shipped()).empty());
}

TEST(Taxonomy, ShipsEveryThemeOfTheZonesNeeds) {
  for (const char* theme :
       {"food", "housing", "mental_health", "prevention_screening", "digital_help", "social_isolation", "income_rights",
        "mobility", "family_carers", "parenting", "addiction", "drinking_water"}) {
    EXPECT_NE(Shipped().FindTheme(theme), nullptr) << theme;
  }
  EXPECT_NE(Shipped().FindTargetGroup("single_parent_families"), nullptr);
  EXPECT_NE(Shipped().FindCompetentLevel("cocom"), nullptr);
  EXPECT_FALSE(Taxonomy::Parse(R"({"themes": [{"id": "x", "nl": "X"}], "target_groups": [], "competent_levels": []})"));
}

std::optional<std::string> Resolve(std::string_view name) {
  if (name == "23027" || name == "Halle") return std::string("23027");
  return std::nullopt;
}

TEST(Hsds, BadInputIsReportedByServiceAndField) {
  const std::string file = R"([
    {"id": "a", "name": "Voedselhulp", "status": "active", "organization": {"id": "o1", "name": "OCMW"},
     "schedules": [{"byday": "MO,XX", "opens_at": "9u", "closes_at": "12:00"}],
     "service_areas": [{"name": "Atlantis"}],
     "service_at_locations": [{"location": {"id": "l1", "name": "Loket", "latitude": 4.2, "longitude": 50.7}},
                              {"location_id": "nowhere"}],
     "attributes": [{"taxonomy_term": {"id": "weather", "taxonomy": "zoneatlas-themes"}}]},
    {"id": "a", "name": "Dubbel", "status": "active", "organization_id": "o1"},
    {"id": "b", "status": "open", "organization_id": "o9"},
    {"name": "no id"}
  ])";
  geo::ImportReport report;
  ParseHsdsJson(file, Shipped(), Resolve, report);
  const std::string described = report.Describe();
  for (const char* expected :
       {"services[0] (a): schedules.byday: 'XX' is not a weekday",
        "services[0] (a): schedules.opens_at: '9u' is not a time",
        "services[0] (a): service_areas: 'Atlantis' is not a known municipality",
        "services[0] (a): location l1: latitude 4.2", "is not in Belgium",
        "services[0] (a): service_at_locations: location 'nowhere' is not in the file",
        "services[0] (a): attributes: 'weather' is not a theme", "services[1] (a): id: appears twice in the file",
        "services[2] (b): name: is required", "services[2] (b): status: 'open' is not active",
        "services[2] (b): organization_id: organization 'o9' is not in the file", "services[3]: id: is required"}) {
    EXPECT_NE(described.find(expected), std::string::npos) << expected << "\n" << described;
  }
  geo::ImportReport broken;
  ParseHsdsJson("{\"id\": ", Shipped(), Resolve, broken);
  EXPECT_FALSE(broken.ok());
}

TEST(Hsds, WrittenFileReadsBackTheSame) {
  SocialMap map;
  map.organizations.push_back({.id = "o1",
                               .name = "OCMW Halle",
                               .description = {"Sociaal huis", "Maison sociale", ""},
                               .website = "https://www.halle.be",
                               .email = "",
                               .phone = "02 365 97 00"});
  map.locations.push_back({.id = "l1",
                           .organization_id = "o1",
                           .name = "Sociaal Huis",
                           .address = "Zuster Bernardstraat 32",
                           .postal_code = "1500",
                           .city = "Halle",
                           .municipality_code = "23027",
                           .latitude = 50.7339,
                           .longitude = 4.2345,
                           .transport = {"Bus 114, halte Markt", "", ""},
                           .wheelchair = true});
  Service service;
  service.id = "s1";
  service.organization_id = "o1";
  service.name = {"Voedselpakketten", "Colis alimentaires", ""};
  service.description = {"Elke week een pakket.", "Un colis chaque semaine.", ""};
  service.plain = {"U krijgt eten.", "", ""};
  service.cost = Cost::kFree;
  service.competent_level = "municipality";
  service.last_verified = Day(2026, 10, 1);
  service.verified_by = "coordinator@example.org";
  service.location_ids = {"l1"};
  service.hours = {Open(1, 9, 12, true), Open(3, 13, 16)};
  service.area_codes = {"23027"};
  service.languages = {"fr", "nl"};
  service.themes = {"food"};
  service.target_groups = {"low_income"};
  map.services.push_back(service);
  geo::ImportReport report;
  const SocialMap back =
      ParseHsdsJson(WriteHsdsJson(map, Language::kFr, Readers::kInternal), Shipped(), Resolve, report);
  ASSERT_TRUE(report.ok()) << report.Describe();
  ASSERT_EQ(back.services.size(), 1u);
  EXPECT_EQ(back.services[0], service);
  // What the public reads says when a service was verified, not by whom (an editor's
  // sign-in address).
  const std::string published = WriteHsdsJson(map, Language::kFr);
  EXPECT_EQ(published.find("coordinator@example.org"), std::string::npos);
  EXPECT_NE(published.find("\"assured_date\":\"2026-10-01\""), std::string::npos);
  EXPECT_EQ(back.organizations, map.organizations);
  EXPECT_EQ(back.locations, map.locations);
}

TEST(ReadabilityTest, LongSentencesAndLongWordsAreNamedShortOnesPass) {
  const Readability plain = ReadabilityOf("Te weinig geld? Kom langs. Wij kijken samen wat kan.");
  EXPECT_TRUE(plain.ok());
  EXPECT_EQ(plain.sentences, 3);
  EXPECT_EQ(plain.words, 10);

  const Readability hard = ReadabilityOf(
      "Voor de aanvraag van de verhoogde tegemoetkoming bij uw ziekenfonds moet u het inkomen van alle leden van uw "
      "gezin aantonen. Kom langs.\nDe arbeidsongeschiktheidsuitkering telt mee.");
  EXPECT_EQ(hard.sentences, 3);
  ASSERT_EQ(hard.long_sentences.size(), 1u);
  EXPECT_TRUE(hard.long_sentences.front().starts_with("Voor de aanvraag")) << hard.long_sentences.front();
  // Letters, not bytes: "geïnformeerd" (12 letters, 13 bytes) is not long.
  EXPECT_EQ(hard.long_words, std::vector<std::string>{"arbeidsongeschiktheidsuitkering"});
  EXPECT_TRUE(ReadabilityOf("Wij hebben u goed geïnformeerd.").ok());
  EXPECT_EQ(ReadabilityOf("").sentences, 0);
  EXPECT_EQ(ReadabilityOf("   ...  ").sentences, 0);
}

TEST(ServiceFormTest, AFormBecomesAServiceOrSaysWhatIsWrongByField) {
  Service base{.id = "s1",
               .organization_id = "o1",
               .status = "active",
               .name = {},
               .description = {"", "", "en text"},
               .plain = {},
               .url = {},
               .email = {},
               .phone = {},
               .cost = Cost::kFree,
               .cost_note = {},
               .competent_level = "private",
               .application_process = {},
               .last_verified = *Date::FromYmd(2026, 1, 2),
               .verified_by = "x",
               .demo = false,
               .community = false,
               .expires_on = {},
               .location_ids = {"l1"},
               .hours = {{.weekday = 0,
                          .opens = 540,
                          .closes = 720,
                          .walk_in = false,
                          .on_holidays = true,
                          .location_id = "l1",
                          .valid_from = {},
                          .valid_to = {},
                          .note = "achteraan"}},
               .area_codes = {},
               .languages = {},
               .themes = {},
               .target_groups = {}};
  const std::multimap<std::string, std::string> fields = {{"name_nl", " Sociale dienst "},
                                                          {"theme", "food"},
                                                          {"theme", "income_rights"},
                                                          {"theme", "food"},
                                                          {"cost", "reduced"},
                                                          {"area", "23027"},
                                                          {"competent_level", "municipality"},
                                                          {"language", "ar"},
                                                          {"language", "nl"},
                                                          {"h_MO1_opens", "09:00"},
                                                          {"h_MO1_closes", "12:00"},
                                                          {"h_WE2_opens", "13:30"},
                                                          {"h_WE2_closes", "16:30"},
                                                          {"h_WE2_walkin", "1"},
                                                          {"email", "dienst@halle.be"},
                                                          {"url", "https://www.halle.be"}};
  const ServiceForm form = ReadServiceForm(fields, base, Shipped(), {"23027", "23003"}, nullptr, false);
  ASSERT_TRUE(form.ok()) << form.problems.front().field;
  EXPECT_EQ(form.service.name.nl, "Sociale dienst");
  EXPECT_EQ(form.service.themes, (std::vector<std::string>{"food", "income_rights"}));
  EXPECT_EQ(form.service.languages, (std::vector<std::string>{"ar", "nl"}));
  EXPECT_EQ(form.service.cost, Cost::kReduced);
  EXPECT_EQ(form.service.description.en, "en text") << "what the form does not show is kept";
  EXPECT_EQ(form.service.last_verified, base.last_verified);
  ASSERT_EQ(form.service.hours.size(), 2u);
  EXPECT_EQ(form.service.hours[0].note, "achteraan") << "the same period keeps its note, place and holidays";
  EXPECT_TRUE(form.service.hours[0].on_holidays);
  EXPECT_EQ(form.service.hours[1].weekday, 2);
  EXPECT_TRUE(form.service.hours[1].walk_in);
  EXPECT_FALSE(form.location);

  const std::multimap<std::string, std::string> bad = {{"theme", "cooking"}, {"cost", "cheap"},
                                                       {"area", "99999"},    {"competent_level", "?"},
                                                       {"h_TU1_opens", "9"}, {"h_TU1_closes", "12:00"},
                                                       {"email", "nobody"},  {"url", "www.x.be"},
                                                       {"phone", "call me"}, {"location_postal_code", "15"}};
  const ServiceForm wrong = ReadServiceForm(bad, base, Shipped(), {"23027"}, nullptr, true);
  std::set<std::string> fields_named;
  for (const FieldProblem& problem : wrong.problems) fields_named.insert(problem.field);
  EXPECT_EQ(fields_named, (std::set<std::string>{"name_nl", "theme", "cost", "area", "competent_level", "h_TU1_opens",
                                                 "email", "url", "phone", "location_address", "location_postal_code",
                                                 "location_city", "location_municipality"}));
}

TEST(ProvinceOfPostcodeTest, BelgianPostcodesNameTheirProvince) {
  EXPECT_EQ(ProvinceOfPostcode("1500"), "Vlaams-Brabant");                                                 // Halle
  EXPECT_EQ(ProvinceOfPostcode("1190"), "Brussels Hoofdstedelijk Gewest / Région de Bruxelles-Capitale");  // Vorst
  EXPECT_EQ(ProvinceOfPostcode("1640"), "Vlaams-Brabant");  // Sint-Genesius-Rode
  EXPECT_EQ(ProvinceOfPostcode("3500"), "Limburg");         // Hasselt
  EXPECT_EQ(ProvinceOfPostcode("6700"), "Luxembourg");      // Arlon
  EXPECT_EQ(ProvinceOfPostcode("7000"), "Hainaut");         // Mons
  EXPECT_EQ(ProvinceOfPostcode("150"), "");
  EXPECT_EQ(ProvinceOfPostcode("15a0"), "");
}

}  // namespace
}  // namespace zoneatlas::socialmap
