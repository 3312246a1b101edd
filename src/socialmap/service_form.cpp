#include "socialmap/service_form.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace zoneatlas::socialmap {
namespace {

using Fields = std::multimap<std::string, std::string>;

std::string One(const Fields& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : std::string(text::Trim(it->second));
}

std::vector<std::string> All(const Fields& fields, const std::string& name) {
  std::vector<std::string> values;
  for (auto [it, end] = fields.equal_range(name); it != end; ++it) {
    const std::string value(text::Trim(it->second));
    if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
  std::sort(values.begin(), values.end());
  return values;
}

bool LooksLikeEmail(const std::string& email) {
  const auto at = email.find('@');
  return at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
         email.find_first_of(" <>\"") == std::string::npos;
}

bool LooksLikeUrl(const std::string& url) {
  return (url.starts_with("https://") || url.starts_with("http://")) && url.size() > 10 &&
         url.find_first_of(" <>\"") == std::string::npos;
}

bool LooksLikePhone(const std::string& phone) {
  return phone.find_first_not_of("+0123456789 ./()-") == std::string::npos &&
         std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 3;
}

}  // namespace

ServiceForm ReadServiceForm(const Fields& fields, Service base, const Taxonomy& taxonomy,
                            const std::set<std::string>& municipalities, const Location* place, bool place_required) {
  ServiceForm form;
  Service& service = form.service;
  service = std::move(base);
  const auto problem = [&](std::string field, std::string message) {
    form.problems.push_back({std::move(field), std::move(message)});
  };
  service.name = {One(fields, "name_nl"), One(fields, "name_fr"), One(fields, "name_en")};
  if (service.name.nl.empty() && service.name.fr.empty()) problem("name_nl", "edit_problem_name");
  service.description = {One(fields, "description_nl"), One(fields, "description_fr"), service.description.en};
  service.plain = {One(fields, "plain_nl"), One(fields, "plain_fr"), service.plain.en};
  const std::string status = One(fields, "status");
  if (status == "active" || status == "inactive" || status == "temporarily closed" || status == "defunct") {
    service.status = status;
  } else if (!status.empty()) {
    problem("status", "edit_problem_status");
  }
  service.themes = All(fields, "theme");
  for (const std::string& theme : service.themes) {
    if (taxonomy.FindTheme(theme) == nullptr) problem("theme", "edit_problem_theme");
  }
  if (service.themes.empty()) problem("theme", "edit_problem_no_theme");
  service.target_groups = All(fields, "target_group");
  for (const std::string& group : service.target_groups) {
    if (taxonomy.FindTargetGroup(group) == nullptr) problem("target_group", "edit_problem_target_group");
  }
  if (auto cost = ParseCost(One(fields, "cost"))) {
    service.cost = *cost;
  } else {
    problem("cost", "edit_problem_cost");
  }
  service.cost_note = One(fields, "cost_note");
  service.phone = One(fields, "phone");
  if (!service.phone.empty() && !LooksLikePhone(service.phone)) problem("phone", "edit_problem_phone");
  service.email = One(fields, "email");
  if (!service.email.empty() && !LooksLikeEmail(service.email)) problem("email", "edit_problem_email");
  service.url = One(fields, "url");
  if (!service.url.empty() && !LooksLikeUrl(service.url)) problem("url", "edit_problem_url");
  service.languages = All(fields, "language");
  for (const std::string& code : service.languages) {
    if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      problem("language", "edit_problem_language");
    }
  }
  const std::string level = One(fields, "competent_level");
  if (taxonomy.FindCompetentLevel(level) != nullptr) {
    service.competent_level = level;
  } else {
    problem("competent_level", "edit_problem_competent_level");
  }
  service.application_process = One(fields, "application_process");
  service.area_codes = All(fields, "area");
  for (const std::string& code : service.area_codes) {
    if (!municipalities.contains(code)) problem("area", "edit_problem_area");
  }
  if (service.area_codes.empty()) problem("area", "edit_problem_no_area");

  const std::vector<Hours> before = std::move(service.hours);
  service.hours.clear();
  for (int weekday = 0; weekday < 7; ++weekday) {
    for (int period = 1; period <= kPeriodsPerDay; ++period) {
      const std::string prefix = "h_" + std::string(WeekdayCode(weekday)) + std::to_string(period);
      const std::string opens = One(fields, prefix + "_opens"), closes = One(fields, prefix + "_closes");
      if (opens.empty() && closes.empty()) continue;
      const auto from = ParseClock(opens), to = ParseClock(closes);
      if (!from || !to) {
        problem(prefix + "_opens", "edit_problem_hours");
        continue;
      }
      // Overnight hours close before they open; hours that close when they open are none.
      if (*from == *to) {
        problem(prefix + "_closes", "edit_problem_hours_same");
        continue;
      }
      Hours hours{.weekday = weekday,
                  .opens = *from,
                  .closes = *to,
                  .walk_in = !One(fields, prefix + "_walkin").empty(),
                  .on_holidays = false,
                  .location_id = {},
                  .valid_from = {},
                  .valid_to = {},
                  .note = {}};
      // What the grid does not show stays as it was for the same period.
      const auto same = std::find_if(before.begin(), before.end(), [&](const Hours& old) {
        return old.weekday == weekday && old.opens == *from && old.closes == *to;
      });
      if (same != before.end()) {
        hours.on_holidays = same->on_holidays;
        hours.location_id = same->location_id;
        hours.valid_from = same->valid_from;
        hours.valid_to = same->valid_to;
        hours.note = same->note;
      }
      service.hours.push_back(std::move(hours));
    }
  }

  const bool no_place = place == nullptr && !place_required && One(fields, "location_address").empty() &&
                        One(fields, "location_postal_code").empty() && One(fields, "location_city").empty() &&
                        One(fields, "location_municipality").empty();
  if (no_place) {
    form.message = One(fields, "message");
    return form;
  }
  Location location = place != nullptr ? *place
                                       : Location{.id = service.id + "-place",
                                                  .organization_id = service.organization_id,
                                                  .name = {},
                                                  .address = {},
                                                  .postal_code = {},
                                                  .city = {},
                                                  .municipality_code = {},
                                                  .latitude = std::nullopt,
                                                  .longitude = std::nullopt,
                                                  .transport = {},
                                                  .wheelchair = false};
  const Location stored = location;
  location.name = One(fields, "location_name");
  location.address = One(fields, "location_address");
  location.postal_code = One(fields, "location_postal_code");
  location.city = One(fields, "location_city");
  location.municipality_code = One(fields, "location_municipality");
  location.wheelchair = !One(fields, "location_wheelchair").empty();
  if (location.name.empty()) location.name = service.name.Best(Language::kNl);
  if (location.address.empty()) problem("location_address", "edit_problem_address");
  if (location.postal_code.size() != 4 || !std::all_of(location.postal_code.begin(), location.postal_code.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; })) {
    problem("location_postal_code", "edit_problem_postal_code");
  }
  if (location.city.empty()) problem("location_city", "edit_problem_city");
  if (!municipalities.contains(location.municipality_code)) problem("location_municipality", "edit_problem_area");
  if (place == nullptr) {
    service.location_ids = {location.id};
    form.location = std::move(location);
  } else if (location != stored) {
    if (location.address != stored.address || location.postal_code != stored.postal_code) {
      location.latitude.reset();
      location.longitude.reset();
    }
    form.location = std::move(location);
  }
  form.message = One(fields, "message");
  return form;
}

}  // namespace zoneatlas::socialmap
