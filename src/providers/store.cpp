#include "providers/store.hpp"

#include <boost/json.hpp>
#include <tuple>

#include "core/random.hpp"
#include "core/text.hpp"

namespace zoneatlas::providers {
namespace {

namespace json = boost::json;

constexpr const char* kProviderColumns =
    "id, zone_id, name, profession, practice, areas, languages, accepting, address, phone, email, website,"
    " contact_note, consent_on, consent_how, demo";
constexpr const char* kRouteColumns = "id, zone_id, question, description, theme, target_groups, steps, language, demo";
constexpr const char* kReferralColumns = "id, zone_id, route_id, step, made_on, acknowledgement_asked, acknowledged_on";

std::string StepsJson(const std::vector<Step>& steps) {
  json::array list;
  for (const Step& step : steps) {
    json::array rights;
    for (const std::string& right : step.rights) rights.emplace_back(right);
    list.push_back(json::object{{"service", step.service},
                                {"what", step.what},
                                {"social_map_q", step.social_map_q},
                                {"theme", step.theme},
                                {"rights", std::move(rights)}});
  }
  return json::serialize(list);
}

std::vector<Step> StepsOf(const std::string& text) {
  std::vector<Step> steps;
  json::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_array()) return steps;
  for (const json::value& item : value.get_array()) {
    if (!item.is_object()) continue;
    const json::object& object = item.get_object();
    auto field = [&](std::string_view key) {
      const json::value* found = object.if_contains(key);
      return found && found->is_string() ? std::string(found->get_string()) : std::string();
    };
    Step step{field("service"), field("what"), field("social_map_q"), field("theme"), {}};
    if (const json::value* rights = object.if_contains("rights"); rights && rights->is_array()) {
      for (const json::value& right : rights->get_array()) {
        if (right.is_string()) step.rights.emplace_back(right.get_string());
      }
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

Provider ProviderOf(const db::Row& row) {
  Provider p;
  p.id = row.Text(0);
  p.zone_id = row.Text(1);
  p.name = row.Text(2);
  p.profession = row.Text(3);
  p.practice = row.Text(4);
  p.areas = text::SplitList(row.Text(5), ',');
  p.languages = text::SplitList(row.Text(6), ',');
  p.accepting = ParseAccepting(row.Text(7)).value_or(Accepting::kUnknown);
  p.address = row.Text(8);
  p.phone = row.Text(9);
  p.email = row.Text(10);
  p.website = row.Text(11);
  p.contact_note = row.Text(12);
  p.consent_on = Date::Parse(row.Text(13)).value_or(Date::FromDaysSinceEpoch(0));
  p.consent_how = row.Text(14);
  p.demo = row.Integer(15) != 0;
  return p;
}

Route RouteOf(const db::Row& row) {
  Route r;
  r.id = row.Text(0);
  r.zone_id = row.Text(1);
  r.question = row.Text(2);
  r.description = row.Text(3);
  r.theme = row.Text(4);
  r.target_groups = text::SplitList(row.Text(5), ',');
  r.steps = StepsOf(row.Text(6));
  r.language = ParseLanguage(row.Text(7)).value_or(Language::kNl);
  r.demo = row.Integer(8) != 0;
  return r;
}

Referral ReferralOf(const db::Row& row) {
  Referral r;
  r.id = row.Text(0);
  r.zone_id = row.Text(1);
  r.route_id = row.Text(2);
  r.step = static_cast<int>(row.Integer(3));
  r.made_on = Date::Parse(row.Text(4)).value_or(Date::FromDaysSinceEpoch(0));
  r.acknowledgement_asked = row.Integer(5) != 0;
  if (const auto on = row.OptionalText(6)) r.acknowledged_on = Date::Parse(*on).value_or(r.made_on);
  return r;
}

Status Taken(db::Connection& connection, const char* table, const std::string& id, const std::string& what) {
  auto taken = connection.Query(std::string("SELECT 1 FROM ") + table + " WHERE id = ?", {id});
  if (!taken) return Fail(taken.error());
  if (!taken->empty()) return Fail(Error::AlreadyExists(what + " " + id + " is already recorded"));
  return {};
}

// A provider's row, and in the audit trail that and when consent was recorded (not the
// contact details).
std::string RouteSummary(const Route& r) {
  return json::serialize(json::object{{"zone", r.zone_id},
                                      {"question", r.question},
                                      {"description", r.description},
                                      {"theme", r.theme},
                                      {"target_groups", text::JoinList(r.target_groups, ',')},
                                      {"steps", StepsJson(r.steps)}});
}

// What the audit trail keeps of a provider: who and on which consent, not how to reach them.
std::string AuditSummary(const Provider& p) {
  return json::serialize(json::object{{"zone", p.zone_id},
                                      {"name", p.name},
                                      {"profession", p.profession},
                                      {"practice", p.practice},
                                      {"areas", text::JoinList(p.areas, ',')},
                                      {"languages", text::JoinList(p.languages, ',')},
                                      {"accepting", Code(p.accepting)},
                                      {"consent_on", p.consent_on.ToIso()},
                                      {"consent_how", p.consent_how}});
}

Status InsertProvider(db::Connection& connection, const Provider& p, const audit::Context& context) {
  auto inserted = connection.Execute(std::string("INSERT INTO providers (") + kProviderColumns +
                                         ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     {p.id, p.zone_id, p.name, p.profession, p.practice, text::JoinList(p.areas, ','),
                                      text::JoinList(p.languages, ','), std::string(Code(p.accepting)), p.address,
                                      p.phone, p.email, p.website, p.contact_note, p.consent_on.ToIso(), p.consent_how,
                                      static_cast<long long>(p.demo), static_cast<long long>(context.When())});
  if (!inserted) return Fail(inserted.error());
  return audit::Record(connection, context, "provider", p.id, std::nullopt, AuditSummary(p), p.zone_id);
}

}  // namespace

Result<std::vector<Problem>> Store::Problems(const Provider& provider) const {
  std::vector<Problem> problems = Check(provider);
  if (provider.zone_id.empty()) return problems;
  auto zone = geography_.FindZone(provider.zone_id, Date::Today());
  if (!zone) {
    if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    problems.push_back({"zone", "there is no zone '" + provider.zone_id + "'"});
    return problems;
  }
  for (const std::string& area : provider.areas) {
    if (!zone->HasMember(area)) {
      problems.push_back({"areas", "'" + area + "' is not a municipality of " + provider.zone_id});
    }
  }
  return problems;
}

Result<std::vector<Problem>> Store::Problems(const Route& route) const {
  std::vector<Problem> problems = Check(route, vocabulary_);
  if (route.zone_id.empty()) return problems;
  auto zone = geography_.FindZone(route.zone_id, Date::Today());
  if (!zone) {
    if (!zone.error().Is(ErrorCode::kNotFound)) return Fail(zone.error());
    problems.push_back({"zone", "there is no zone '" + route.zone_id + "'"});
  }
  return problems;
}

Status Store::Import(const std::vector<Provider>& providers, const std::vector<Route>& routes,
                     const audit::Context& context) {
  for (const Provider& provider : providers) {
    auto problems = Problems(provider);
    if (!problems) return Fail(problems.error());
    if (!problems->empty()) return Fail(Error::InvalidArgument(provider.id + ": " + Describe(*problems)));
  }
  for (const Route& route : routes) {
    auto problems = Problems(route);
    if (!problems) return Fail(problems.error());
    if (!problems->empty()) return Fail(Error::InvalidArgument(route.id + ": " + Describe(*problems)));
  }
  const long long now = context.When();
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    for (const Provider& p : providers) {
      if (auto free = Taken(connection, "providers", p.id, "a provider"); !free) return free;
      if (auto inserted = InsertProvider(connection, p, context); !inserted) return inserted;
    }
    for (const Route& r : routes) {
      if (auto free = Taken(connection, "referral_routes", r.id, "a referral route"); !free) return free;
      auto inserted = connection.Execute(
          std::string("INSERT INTO referral_routes (") + kRouteColumns +
              ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {r.id, r.zone_id, r.question, r.description, r.theme, text::JoinList(r.target_groups, ','),
           StepsJson(r.steps), std::string(LanguageCode(r.language)), static_cast<long long>(r.demo), now});
      if (!inserted) return Fail(inserted.error());
      if (auto recorded = audit::Record(connection, context, "referral_route", r.id, std::nullopt, RouteSummary(r),
                                        r.zone_id.empty() ? std::nullopt : std::optional<std::string>(r.zone_id));
          !recorded) {
        return recorded;
      }
    }
    return {};
  });
}

Result<std::string> Store::Add(Provider provider, const audit::Context& context) {
  provider.id = RandomHex(8);
  auto problems = Problems(provider);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  auto saved = database_.InTransaction(
      [&](db::Connection& connection) -> Status { return InsertProvider(connection, provider, context); });
  if (!saved) return Fail(saved.error());
  return provider.id;
}

Status Store::Update(const Provider& provider, const audit::Context& context) {
  auto before = FindProvider(provider.zone_id, provider.id);
  if (!before) return Fail(before.error());
  auto problems = Problems(provider);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  const Provider& p = provider;
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated = connection.Execute(
        "UPDATE providers SET name = ?, profession = ?, practice = ?, areas = ?, languages = ?, accepting = ?,"
        " address = ?, phone = ?, email = ?, website = ?, contact_note = ?, consent_on = ?, consent_how = ?,"
        " updated_at = ? WHERE id = ? AND zone_id = ?",
        {p.name, p.profession, p.practice, text::JoinList(p.areas, ','), text::JoinList(p.languages, ','),
         std::string(Code(p.accepting)), p.address, p.phone, p.email, p.website, p.contact_note, p.consent_on.ToIso(),
         p.consent_how, static_cast<long long>(context.When()), p.id, p.zone_id});
    if (!updated) return Fail(updated.error());
    // That the contact details changed is recorded; what they are is not.
    std::string after = AuditSummary(p);
    if (std::tie(p.address, p.phone, p.email, p.website, p.contact_note) !=
        std::tie(before->address, before->phone, before->email, before->website, before->contact_note)) {
      json::object changed = json::parse(after).as_object();
      changed["contact_details"] = "changed";
      after = json::serialize(changed);
    }
    return audit::Record(connection, context, "provider", p.id, AuditSummary(*before), after, p.zone_id);
  });
}

Result<std::string> Store::SaveRoute(Route route, const audit::Context& context) {
  std::optional<Route> before;
  if (route.id.empty()) {
    route.id = RandomHex(8);
  } else {
    auto found = FindRoute(route.id);
    if (!found) return Fail(found.error());
    if (found->zone_id != route.zone_id)
      return Fail(Error::NotFound("no referral route " + route.id + " in this zone"));
    before = std::move(*found);
    route.demo = before->demo;
  }
  auto problems = Problems(route);
  if (!problems) return Fail(problems.error());
  if (!problems->empty()) return Fail(Error::InvalidArgument(Describe(*problems)));
  const Route& r = route;
  auto saved = database_.InTransaction([&](db::Connection& connection) -> Status {
    const std::vector<db::Value> values{r.question,
                                        r.description,
                                        r.theme,
                                        text::JoinList(r.target_groups, ','),
                                        StepsJson(r.steps),
                                        std::string(LanguageCode(r.language)),
                                        static_cast<long long>(r.demo),
                                        static_cast<long long>(context.When()),
                                        r.id,
                                        r.zone_id};
    auto written = connection.Execute(
        before ? "UPDATE referral_routes SET question = ?, description = ?, theme = ?, target_groups = ?, steps = ?,"
                 " language = ?, demo = ?, updated_at = ? WHERE id = ? AND zone_id = ?"
               : "INSERT INTO referral_routes (question, description, theme, target_groups, steps, language, demo,"
                 " updated_at, id, zone_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
    if (!written) return Fail(written.error());
    return audit::Record(connection, context, "referral_route", r.id,
                         before ? std::optional<std::string>(RouteSummary(*before)) : std::nullopt, RouteSummary(r),
                         r.zone_id);
  });
  if (!saved) return Fail(saved.error());
  return route.id;
}

Result<Provider> Store::FindProvider(const std::string& zone_id, const std::string& id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kProviderColumns + " FROM providers WHERE id = ? AND zone_id = ?",
                            {id, zone_id});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no provider " + id + " in zone " + zone_id));
  return ProviderOf(rows->front());
}

Status Store::Remove(const std::string& zone_id, const std::string& id, const audit::Context& context) {
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto removed = connection.Query(
        "DELETE FROM providers WHERE id = ? AND zone_id = ? RETURNING name, profession, consent_on, consent_how",
        {id, zone_id});
    if (!removed) return Fail(removed.error());
    if (removed->empty()) return Fail(Error::NotFound("no provider " + id + " in zone " + zone_id));
    const db::Row& row = removed->front();
    // What is kept of the record: that it was listed, and on which consent; not how to reach them.
    return audit::Record(connection, context, "provider", id,
                         json::serialize(json::object{{"zone", zone_id},
                                                      {"name", row.Text(0)},
                                                      {"profession", row.Text(1)},
                                                      {"consent_on", row.Text(2)},
                                                      {"consent_how", row.Text(3)}}),
                         std::nullopt, zone_id);
  });
}

Result<std::vector<Provider>> Store::Providers(const std::string& zone_id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        std::string("SELECT ") + kProviderColumns + " FROM providers WHERE zone_id = ? ORDER BY profession, name, id",
        {zone_id});
  });
  if (!rows) return Fail(rows.error());
  std::vector<Provider> providers;
  for (const db::Row& row : *rows) providers.push_back(ProviderOf(row));
  return providers;
}

Result<std::vector<Route>> Store::Routes(const std::string& zone_id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kRouteColumns +
                                " FROM referral_routes WHERE zone_id = ? OR zone_id = '' ORDER BY question, id",
                            {zone_id});
  });
  if (!rows) return Fail(rows.error());
  std::vector<Route> routes;
  for (const db::Row& row : *rows) routes.push_back(RouteOf(row));
  return routes;
}

Result<Route> Store::FindRoute(const std::string& id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kRouteColumns + " FROM referral_routes WHERE id = ?", {id});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no referral route " + id));
  return RouteOf(rows->front());
}

Result<std::string> Store::RecordReferral(const std::string& zone_id, const Route& route, int step,
                                          bool acknowledgement_asked) {
  if (step < 0 || static_cast<std::size_t>(step) >= route.steps.size()) {
    return Fail(Error::InvalidArgument("the route has no step " + std::to_string(step + 1)));
  }
  if (!route.zone_id.empty() && route.zone_id != zone_id) {
    return Fail(Error::InvalidArgument("the route is not one of zone " + zone_id));
  }
  const std::string id = RandomHex(16);
  auto written = database_.WithConnection([&](db::Connection& connection) {
    return connection.Execute(
        std::string("INSERT INTO referrals (") + kReferralColumns + ") VALUES (?, ?, ?, ?, ?, ?, NULL)",
        {id, zone_id, route.id, static_cast<long long>(step), Date::Today().ToIso(),
         static_cast<long long>(acknowledgement_asked)});
  });
  if (!written) return Fail(written.error());
  return id;
}

Result<Referral> Store::FindReferral(const std::string& id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(std::string("SELECT ") + kReferralColumns + " FROM referrals WHERE id = ?", {id});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("no referral slip " + id));
  return ReferralOf(rows->front());
}

Status Store::Acknowledge(const std::string& id) {
  auto updated = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "UPDATE referrals SET acknowledged_on = ? WHERE id = ? AND acknowledgement_asked = 1"
        " AND acknowledged_on IS NULL RETURNING id",
        {Date::Today().ToIso(), id});
  });
  if (!updated) return Fail(updated.error());
  if (updated->empty()) {
    auto found = FindReferral(id);
    if (!found) return Fail(found.error());
    return Fail(Error::FailedPrecondition(found->acknowledged_on ? "this slip was marked seen already"
                                                                 : "this slip asked for no acknowledgement"));
  }
  return {};
}

Result<std::vector<ReferralCount>> Store::ReferralCounts(const std::string& zone_id) const {
  auto rows = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "SELECT route_id, substr(made_on, 1, 7) AS month, COUNT(*), SUM(acknowledgement_asked),"
        " SUM(CASE WHEN acknowledged_on IS NULL THEN 0 ELSE 1 END) FROM referrals WHERE zone_id = ?"
        " GROUP BY route_id, substr(made_on, 1, 7) ORDER BY month DESC, route_id",
        {zone_id});
  });
  if (!rows) return Fail(rows.error());
  std::vector<ReferralCount> counts;
  for (const db::Row& row : *rows) {
    counts.push_back({row.Text(0), row.Text(1), static_cast<int>(row.Integer(2)), static_cast<int>(row.Integer(3)),
                      static_cast<int>(row.Integer(4))});
  }
  return counts;
}

}  // namespace zoneatlas::providers
