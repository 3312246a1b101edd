// The inventory without a database: what an initiative must hold, and which ones are alike.
#include <gtest/gtest.h>

#include <cmath>

#include "initiatives/model.hpp"

namespace zoneatlas::initiatives {
namespace {

Vocabulary Words() {
  return {.themes = {{"food", "Voeding", "Alimentation", ""}, {"housing", "Wonen", "Logement", ""}},
          .target_groups = {{"low_income", "Laag inkomen", "Faible revenu", ""}},
          .indicators = {{"screen_colorectal", "Dikkedarmkankeropsporing", "Dépistage du cancer colorectal", ""}}};
}

Initiative Food(std::string id, std::vector<std::string> areas, std::string from, std::optional<std::string> until) {
  Initiative initiative;
  initiative.id = std::move(id);
  initiative.zone_id = "zorgzone-noord-oost";
  initiative.title = "Ateliers cuisine";
  initiative.theme = "food";
  initiative.areas = std::move(areas);
  initiative.from = *Date::Parse(from);
  if (until) initiative.until = *Date::Parse(*until);
  return initiative;
}

std::vector<std::string> Ids(const std::vector<const Initiative*>& initiatives) {
  std::vector<std::string> ids;
  for (const Initiative* initiative : initiatives) ids.push_back(initiative->id);
  return ids;
}

TEST(InitiativeCheckTest, EveryProblemIsNamedByItsField) {
  EXPECT_TRUE(Check(Food("a", {}, "2025-01-01", std::nullopt), Words()).empty());
  Initiative wrong = Food("a", {}, "2025-01-01", "2024-12-31");
  wrong.title.clear();
  wrong.theme = "weather";
  wrong.target_groups = {"pets"};
  wrong.budget = -5;
  wrong.outcome_indicator = "happiness";
  wrong.outcomes = {Outcome{.label = "",
                            .indicator = "screening",
                            .unit = "%",
                            .baseline = std::nullopt,
                            .target = 50,
                            .achieved = std::nan(""),
                            .reach = std::nullopt,
                            .period = ""}};
  std::vector<std::string> fields;
  for (const Problem& problem : Check(wrong, Words())) fields.push_back(problem.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"title", "theme", "target_groups", "until", "budget", "outcome_indicator",
                                              "outcomes[1].label", "outcomes[1].indicator", "outcomes[1].achieved"}));
  Initiative measured = Food("a", {}, "2025-01-01", std::nullopt);
  measured.outcome_indicator = "screen_colorectal";
  EXPECT_TRUE(Check(measured, Words()).empty()) << "an indicator of the atlas";
}

TEST(InitiativeSimilarTest, SameThemeSamePlaceSameTime) {
  const std::vector<Initiative> all{Food("evere", {"21006"}, "2025-09-01", "2026-06-30"),
                                    Food("zone-wide", {}, "2026-01-01", std::nullopt),
                                    Food("schaerbeek", {"21015"}, "2026-01-01", std::nullopt),
                                    Food("earlier", {"21006"}, "2024-01-01", "2025-08-31")};
  const Initiative candidate = Food("new", {"21006", "21014"}, "2026-03-01", "2026-12-31");
  EXPECT_EQ(Ids(Similar(candidate, all)), (std::vector<std::string>{"evere", "zone-wide"}));
  Initiative housing = candidate;
  housing.theme = "housing";
  EXPECT_TRUE(Similar(housing, all).empty()) << "another theme";
  Initiative elsewhere = candidate;
  elsewhere.zone_id = "zorgzone-zuid";
  EXPECT_TRUE(Similar(elsewhere, all).empty()) << "another zone";
}

TEST(InitiativeCodesTest, EveryCodeReadsBack) {
  for (Strategy strategy : kStrategies) EXPECT_EQ(ParseStrategy(Code(strategy)), strategy);
  for (Evidence evidence : kEvidence) EXPECT_EQ(ParseEvidence(Code(evidence)), evidence);
  EXPECT_FALSE(ParseEvidence("strong"));
}

}  // namespace
}  // namespace zoneatlas::initiatives
