#include "accounts/accounts.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "accounts/password.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "web/access.hpp"

namespace zoneatlas::accounts {
namespace {

// The database keeps only this hash of a session token (BLAKE2b), so a copy of the
// database does not let anyone sign in.
std::string TokenHash(std::string_view token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool IsRole(std::string_view role) {
  return role == web::kAdmin || role == web::kZoneEditor || role == web::kPartnerEditor || role == web::kProfessional;
}

Result<std::vector<http::Grant>> GrantsOf(db::Connection& connection, const std::string& user_id) {
  auto rows = connection.Query("SELECT role, scope FROM role_grants WHERE user_id = ? ORDER BY role, scope", {user_id});
  if (!rows) return Fail(rows.error());
  std::vector<http::Grant> grants;
  for (const db::Row& row : *rows) grants.push_back({row.Text(0), row.Text(1)});
  return grants;
}

// A user as the audit trail keeps it: who and with which roles, never the password.
Result<std::optional<std::string>> UserRecord(db::Connection& connection, const std::string& user_id) {
  auto rows = connection.Query("SELECT email, display_name, disabled FROM users WHERE id = ?", {user_id});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  auto grants = GrantsOf(connection, user_id);
  if (!grants) return Fail(grants.error());
  boost::json::array roles;
  for (const http::Grant& grant : *grants)
    roles.push_back(boost::json::object{{"role", grant.role}, {"scope", grant.scope}});
  return std::optional(boost::json::serialize(boost::json::object{{"email", rows->front().Text(0)},
                                                                  {"display_name", rows->front().Text(1)},
                                                                  {"disabled", rows->front().Integer(2) != 0},
                                                                  {"roles", std::move(roles)}}));
}

Result<std::optional<std::string>> TokenRecord(db::Connection& connection, const std::string& token_id) {
  auto rows = connection.Query(
      "SELECT organisation, label, revoked_at, reads_professional, expires_at FROM api_tokens WHERE id = ?",
      {token_id});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  const db::Row& row = rows->front();
  boost::json::object record{{"organisation", row.Text(0)},
                             {"label", row.Text(1)},
                             {"revoked", !row.IsNull(2)},
                             {"reads_professional", row.Integer(3) != 0}};
  if (!row.IsNull(4)) record["expires_at"] = row.Integer(4);
  return std::optional(boost::json::serialize(record));
}

}  // namespace

Clock SystemClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

std::optional<std::string> NormaliseEmail(std::string_view email) {
  const std::string lower = text::AsciiLower(text::Trim(email));
  const auto at = lower.find('@');
  if (lower.size() > 254 || at == std::string::npos || at == 0 || lower.find('@', at + 1) != std::string::npos ||
      lower.find('.', at) == std::string::npos || lower.back() == '.' ||
      lower.find_first_of(" \t\r\n<>\"") != std::string::npos) {
    return std::nullopt;
  }
  return lower;
}

Accounts::Accounts(db::Database& database, SessionOptions options, Clock clock)
    : database_(database), options_(options), clock_(std::move(clock)) {}

namespace {

Status CheckGrant(const http::Grant& grant) {
  if (!IsRole(grant.role)) {
    return Fail(Error::InvalidArgument("'" + grant.role +
                                       "' is not a role (admin, zone_editor, partner_editor, "
                                       "professional)"));
  }
  const bool scoped = grant.role == web::kZoneEditor || grant.role == web::kPartnerEditor;
  if (scoped && grant.scope.empty()) {
    return Fail(Error::InvalidArgument("the role " + grant.role + " needs a zone or organisation"));
  }
  return {};
}

}  // namespace

Result<User> Accounts::AddUser(const NewUser& user, const audit::Context& context) {
  const auto email = NormaliseEmail(user.email);
  if (!email) return Fail(Error::InvalidArgument("'" + user.email + "' is not an e-mail address"));
  if (auto policy = CheckPasswordPolicy(user.password); !policy) return Fail(policy.error());
  for (const http::Grant& grant : user.grants) {
    if (auto checked = CheckGrant(grant); !checked) return Fail(checked.error());
  }
  auto hash = HashPassword(user.password);
  if (!hash) return Fail(hash.error());
  User created{RandomHex(16), *email, std::string(text::Trim(user.display_name)), false, user.grants};
  const std::int64_t now = clock_();
  auto written = database_.InTransaction([&](db::Connection& connection) -> Status {
    auto inserted = connection.Execute(
        "INSERT INTO users (id, email, display_name, password_hash, disabled, created_at, password_changed_at)"
        " VALUES (?, ?, ?, ?, 0, ?, ?)",
        {created.id, created.email, created.display_name, *hash, static_cast<long long>(now),
         static_cast<long long>(now)});
    if (!inserted) {
      if (inserted.error().Is(ErrorCode::kAlreadyExists)) {
        return Fail(Error::AlreadyExists("there is already an account for " + created.email));
      }
      return Fail(inserted.error());
    }
    for (const http::Grant& grant : created.grants) {
      auto granted =
          connection.Execute("INSERT INTO role_grants (user_id, role, scope) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                             {created.id, grant.role, grant.scope});
      if (!granted) return Fail(granted.error());
    }
    auto after = UserRecord(connection, created.id);
    if (!after) return Fail(after.error());
    return audit::Record(connection, context, "user", created.id, std::nullopt, *after, std::nullopt);
  });
  if (!written) return Fail(written.error());
  return created;
}

Result<User> Accounts::FindUserByEmail(const std::string& email) const {
  const auto normalised = NormaliseEmail(email);
  if (!normalised) return Fail(Error::NotFound("no such account"));
  return database_.WithConnection([&](db::Connection& connection) -> Result<User> {
    auto rows = connection.Query("SELECT id, email, display_name, disabled FROM users WHERE email = ?", {*normalised});
    if (!rows) return Fail(rows.error());
    if (rows->empty()) return Fail(Error::NotFound("no such account"));
    User user{rows->front().Text(0), rows->front().Text(1), rows->front().Text(2), rows->front().Integer(3) != 0, {}};
    auto grants = GrantsOf(connection, user.id);
    if (!grants) return Fail(grants.error());
    user.grants = std::move(*grants);
    return user;
  });
}

Result<std::vector<User>> Accounts::Users() const {
  return database_.WithConnection([](db::Connection& connection) -> Result<std::vector<User>> {
    auto rows = connection.Query("SELECT id, email, display_name, disabled FROM users ORDER BY email");
    if (!rows) return Fail(rows.error());
    auto grants = connection.Query("SELECT user_id, role, scope FROM role_grants ORDER BY role, scope");
    if (!grants) return Fail(grants.error());
    std::vector<User> users;
    std::map<std::string, std::size_t> index;
    for (const db::Row& row : *rows) {
      index[row.Text(0)] = users.size();
      users.push_back(User{row.Text(0), row.Text(1), row.Text(2), row.Integer(3) != 0, {}});
    }
    for (const db::Row& grant : *grants) {
      if (const auto it = index.find(grant.Text(0)); it != index.end()) {
        users[it->second].grants.push_back({grant.Text(1), grant.Text(2)});
      }
    }
    return users;
  });
}

struct Accounts::Failures {
  int count = 0;
  std::int64_t window_start = 0;
  std::int64_t locked_until = 0;  // No attempt is checked before this time.
};

Result<Accounts::Failures> Accounts::LoadFailures(db::Connection& connection, const std::string& subject,
                                                  std::int64_t now) {
  auto rows = connection.Query("SELECT failures, first_failure_at, locked_until FROM login_failures WHERE subject = ?",
                               {subject});
  if (!rows) return Fail(rows.error());
  Failures failures;
  if (rows->empty()) return failures;
  failures.count = static_cast<int>(rows->front().Integer(0));
  failures.window_start = rows->front().Integer(1);
  failures.locked_until = rows->front().Integer(2);
  if (now - failures.window_start > options_.failure_window.count() && failures.locked_until <= now) {
    return Failures{};  // The old failures have expired.
  }
  return failures;
}

Status Accounts::RecordFailure(db::Connection& connection, const std::string& subject, std::int64_t now,
                               bool whole_account) {
  auto failures = LoadFailures(connection, subject, now);
  if (!failures) return Fail(failures.error());
  Failures next = *failures;
  if (next.count == 0) next.window_start = now;
  ++next.count;
  if (whole_account) {
    if (next.count >= options_.lock_after) {
      const int exponent = std::min(next.count - options_.lock_after + 1, 16);
      next.locked_until = now + std::min<std::int64_t>(std::int64_t{1} << exponent, options_.account_delay_cap.count());
    }
  } else if (next.count >= options_.lock_after) {
    next.locked_until = now + options_.lock_duration.count();
  } else if (next.count >= options_.slow_after) {
    // 2, 4, 8 … seconds, at most a minute: slow enough to stop guessing, short enough
    // for a person who mistyped.
    const int exponent = std::min(next.count - options_.slow_after + 1, 5);
    next.locked_until = now + (std::int64_t{1} << exponent);
  }
  auto deleted = connection.Execute("DELETE FROM login_failures WHERE subject = ?", {subject});
  if (!deleted) return Fail(deleted.error());
  auto inserted = connection.Execute(
      "INSERT INTO login_failures (subject, failures, first_failure_at, locked_until) VALUES (?, ?, ?, ?)",
      {subject, static_cast<long long>(next.count), static_cast<long long>(next.window_start),
       static_cast<long long>(next.locked_until)});
  if (!inserted) return Fail(inserted.error());
  return {};
}

Result<SignIn> Accounts::SignInWithPassword(const std::string& email, std::string_view password,
                                            const std::string& address) {
  const std::int64_t now = clock_();
  const std::string normalised = NormaliseEmail(email).value_or(text::AsciiLower(text::Trim(email)));
  // Counted three ways: this account from this address (a targeted guesser, slowed then
  // locked), this address whatever the account (slowed then locked), and this account from
  // everywhere (only slowed: a lock there would let anyone lock a colleague out).
  const std::string account_subject = "account:" + TokenHash(normalised);
  const std::string pair_subject = account_subject + "@" + address;
  const std::string address_subject = "address:" + address;
  const std::pair<const std::string*, bool> subjects[] = {
      {&pair_subject, false}, {&address_subject, false}, {&account_subject, true}};
  const auto outcome_of = [&](const Failures& failures, bool whole_account) {
    return !whole_account && failures.count >= options_.lock_after ? SignInOutcome::kLocked : SignInOutcome::kThrottled;
  };

  // Throttling and locks come first, before any password is checked.
  auto waiting = database_.WithConnection([&](db::Connection& connection) -> Result<std::optional<SignIn>> {
    for (const auto& [subject, whole_account] : subjects) {
      auto failures = LoadFailures(connection, *subject, now);
      if (!failures) return Fail(failures.error());
      if (failures->locked_until > now) {
        return SignIn{outcome_of(*failures, whole_account), "", std::chrono::seconds(failures->locked_until - now)};
      }
    }
    return std::optional<SignIn>();
  });
  if (!waiting) return Fail(waiting.error());
  if (*waiting) return **waiting;

  auto user = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT id, password_hash, disabled FROM users WHERE email = ?", {normalised});
  });
  if (!user) return Fail(user.error());
  const bool known = !user->empty();
  const bool matches = VerifyPassword(known ? user->front().Text(1) : DecoyHash(), password);
  const bool enabled = known && user->front().Integer(2) == 0;

  if (!(known && matches && enabled)) {
    // The answer is the longest wait any of the three now imposes.
    auto recorded = database_.InTransaction([&](db::Connection& connection) -> Result<std::optional<SignIn>> {
      std::optional<SignIn> longest;
      for (const auto& [subject, whole_account] : subjects) {
        if (auto failed = RecordFailure(connection, *subject, now, whole_account); !failed) return Fail(failed.error());
        auto failures = LoadFailures(connection, *subject, now);
        if (!failures) return Fail(failures.error());
        const std::chrono::seconds wait(failures->locked_until - now);
        if (wait.count() > 0 && (!longest || wait > longest->retry_after)) {
          longest = SignIn{outcome_of(*failures, whole_account), "", wait};
        }
      }
      return longest;
    });
    if (!recorded) return Fail(recorded.error());
    if (*recorded) return **recorded;
    return SignIn{SignInOutcome::kRefused, "", std::chrono::seconds(0)};
  }

  const std::string user_id = user->front().Text(0);
  const std::string token = RandomHex(32);
  auto created = database_.InTransaction([&](db::Connection& connection) -> Status {
    auto cleared = connection.Execute("DELETE FROM login_failures WHERE subject = ?", {pair_subject});
    if (!cleared) return Fail(cleared.error());
    auto inserted = connection.Execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
        {TokenHash(token), user_id, RandomHex(32), static_cast<long long>(now), static_cast<long long>(now)});
    if (!inserted) return Fail(inserted.error());
    return {};
  });
  if (!created) return Fail(created.error());
  return SignIn{SignInOutcome::kSignedIn, token, std::chrono::seconds(0)};
}

Result<std::optional<http::Identity>> Accounts::FindSession(const std::string& token) {
  if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::optional<http::Identity>();
  }
  const std::int64_t now = clock_();
  const std::string hash = TokenHash(token);
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::optional<http::Identity>> {
    auto rows = connection.Query(
        "SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.email, u.display_name, u.disabled"
        " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
        {hash});
    if (!rows) return Fail(rows.error());
    if (rows->empty()) return std::optional<http::Identity>();
    const db::Row& row = rows->front();
    const bool expired = now - row.Integer(2) > options_.absolute_timeout.count() ||
                         now - row.Integer(3) > options_.idle_timeout.count();
    if (expired || row.Integer(6) != 0) {
      auto ended = connection.Execute("DELETE FROM sessions WHERE token_hash = ?", {hash});
      if (!ended) return Fail(ended.error());
      return std::optional<http::Identity>();
    }
    // Refreshing once a minute is enough for an idle timeout of hours, and spares a
    // write on every request.
    if (now - row.Integer(3) >= 60) {
      auto touched = connection.Execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                                        {static_cast<long long>(now), hash});
      if (!touched) return Fail(touched.error());
    }
    http::Identity identity{row.Text(0), row.Text(4), row.Text(5), {}, row.Text(1)};
    auto grants = GrantsOf(connection, identity.user_id);
    if (!grants) return Fail(grants.error());
    identity.grants = std::move(*grants);
    return std::optional<http::Identity>(std::move(identity));
  });
}

Status Accounts::SignOut(const std::string& token) {
  auto ended = database_.WithConnection([&](db::Connection& connection) {
    return connection.Execute("DELETE FROM sessions WHERE token_hash = ?", {TokenHash(token)});
  });
  if (!ended) return Fail(ended.error());
  return {};
}

Status Accounts::ChangePassword(const std::string& user_id, std::string_view current, std::string_view replacement,
                                const std::string& keep_session_token, const audit::Context& context) {
  auto stored = database_.WithConnection([&](db::Connection& connection) {
    return connection.Query("SELECT password_hash FROM users WHERE id = ?", {user_id});
  });
  if (!stored) return Fail(stored.error());
  if (stored->empty()) return Fail(Error::NotFound("no such user"));
  if (!VerifyPassword(stored->front().Text(0), current)) {
    return Fail(Error::PermissionDenied("the current password is not right"));
  }
  if (auto policy = CheckPasswordPolicy(replacement); !policy) return policy;
  auto hash = HashPassword(replacement);
  if (!hash) return Fail(hash.error());
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto updated = connection.Execute("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                                      {*hash, static_cast<long long>(clock_()), user_id});
    if (!updated) return Fail(updated.error());
    // Whoever may have known the old password is signed out everywhere else.
    auto ended = connection.Execute("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
                                    {user_id, TokenHash(keep_session_token)});
    if (!ended) return Fail(ended.error());
    // The entry holds no password, only that it changed, when and by whom.
    return audit::Record(connection, context, "user", user_id, std::optional<std::string>("{\"password\":\"old\"}"),
                         std::optional<std::string>("{\"password\":\"changed\"}"), std::nullopt);
  });
}

Status Accounts::ChangeUser(const std::string& user_id, const audit::Context& context,
                            const std::function<Status(db::Connection&)>& change) {
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto before = UserRecord(connection, user_id);
    if (!before) return Fail(before.error());
    if (!*before) return Fail(Error::NotFound("no such user"));
    if (auto changed = change(connection); !changed) return changed;
    auto after = UserRecord(connection, user_id);
    if (!after) return Fail(after.error());
    return audit::Record(connection, context, "user", user_id, *before, *after, std::nullopt);
  });
}

Status Accounts::Disable(const std::string& user_id, const audit::Context& context) {
  return ChangeUser(user_id, context, [&](db::Connection& connection) -> Status {
    auto updated = connection.Execute("UPDATE users SET disabled = 1 WHERE id = ?", {user_id});
    if (!updated) return Fail(updated.error());
    auto ended = connection.Execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    if (!ended) return Fail(ended.error());
    return {};
  });
}

Status Accounts::Grant(const std::string& user_id, const http::Grant& grant, const audit::Context& context) {
  const bool scoped = grant.role == web::kZoneEditor || grant.role == web::kPartnerEditor;
  const http::Grant stored{grant.role, scoped ? std::string(text::Trim(grant.scope)) : ""};
  if (auto checked = CheckGrant(stored); !checked) return checked;
  return ChangeUser(user_id, context, [&](db::Connection& connection) -> Status {
    // ON CONFLICT rather than catching the error: PostgreSQL aborts a transaction at a
    // failed statement.
    auto granted =
        connection.Execute("INSERT INTO role_grants (user_id, role, scope) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           {user_id, stored.role, stored.scope});
    if (!granted) return Fail(granted.error());
    return {};
  });
}

Status Accounts::Revoke(const std::string& user_id, const http::Grant& grant, const audit::Context& context) {
  return ChangeUser(user_id, context, [&](db::Connection& connection) -> Status {
    auto revoked = connection.Execute("DELETE FROM role_grants WHERE user_id = ? AND role = ? AND scope = ?",
                                      {user_id, grant.role, grant.scope});
    if (!revoked) return Fail(revoked.error());
    return {};
  });
}

Result<std::string> Accounts::IssueApiToken(const std::string& organisation, const std::string& label,
                                            const std::string& issued_by_user_id, const audit::Context& context,
                                            const ApiTokenScope& scope) {
  const std::string_view trimmed = text::Trim(organisation);
  if (trimmed.empty() || trimmed.size() > 64) {
    return Fail(Error::InvalidArgument("a token needs the organisation it acts for (at most 64 characters)"));
  }
  if (label.size() > 200) return Fail(Error::InvalidArgument("a token's label may have at most 200 characters"));
  if (scope.expires_at && *scope.expires_at <= clock_()) {
    return Fail(Error::InvalidArgument("a token's expiry must lie in the future"));
  }
  // The prefix tells a leaked secret apart in logs and code searches.
  const std::string token = "zat_" + RandomHex(32);
  const std::string token_id = RandomHex(8);
  auto inserted = database_.InTransaction([&](db::Connection& connection) -> Status {
    auto added = connection.Execute(
        "INSERT INTO api_tokens (id, token_hash, organisation, label, created_by, created_at, reads_professional,"
        " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {token_id, TokenHash(token), std::string(trimmed), std::string(text::Trim(label)), issued_by_user_id,
         static_cast<long long>(clock_()), static_cast<long long>(scope.reads_professional ? 1 : 0),
         scope.expires_at ? db::Value(static_cast<long long>(*scope.expires_at)) : db::Value(std::monostate{})});
    if (!added) return Fail(added.error());
    auto after = TokenRecord(connection, token_id);
    if (!after) return Fail(after.error());
    return audit::Record(connection, context, "api_token", token_id, std::nullopt, *after, std::nullopt);
  });
  if (!inserted) return Fail(inserted.error());
  return token;
}

Result<std::vector<ApiToken>> Accounts::ApiTokens() const {
  auto rows = database_.WithConnection([](db::Connection& connection) {
    return connection.Query(
        "SELECT t.id, t.organisation, t.label, u.email, t.created_at, t.last_used_at, t.revoked_at,"
        " t.reads_professional, t.expires_at"
        " FROM api_tokens t JOIN users u ON u.id = t.created_by ORDER BY t.organisation, t.created_at");
  });
  if (!rows) return Fail(rows.error());
  std::vector<ApiToken> tokens;
  for (const db::Row& row : *rows) {
    tokens.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Integer(4), row.OptionalInteger(5),
                      row.OptionalInteger(6), row.Integer(7) != 0, row.OptionalInteger(8)});
  }
  return tokens;
}

Status Accounts::RevokeApiToken(const std::string& token_id, const audit::Context& context) {
  return database_.InTransaction([&](db::Connection& connection) -> Status {
    auto before = TokenRecord(connection, token_id);
    if (!before) return Fail(before.error());
    auto revoked = connection.Execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                                      {static_cast<long long>(clock_()), token_id});
    if (!revoked) return Fail(revoked.error());
    if (*revoked == 0) return Fail(Error::NotFound("no live token " + token_id));
    auto after = TokenRecord(connection, token_id);
    if (!after) return Fail(after.error());
    return audit::Record(connection, context, "api_token", token_id, *before, *after, std::nullopt);
  });
}

Result<std::optional<http::Identity>> Accounts::FindApiToken(const std::string& token) {
  if (token.size() != 68 || !token.starts_with("zat_")) return std::optional<http::Identity>();
  const std::int64_t now = clock_();
  const std::string hash = TokenHash(token);
  return database_.WithConnection([&](db::Connection& connection) -> Result<std::optional<http::Identity>> {
    auto rows = connection.Query(
        "SELECT t.id, t.organisation, t.label, t.last_used_at, u.disabled, t.reads_professional FROM api_tokens t"
        " JOIN users u ON u.id = t.created_by WHERE t.token_hash = ? AND t.revoked_at IS NULL"
        " AND (t.expires_at IS NULL OR t.expires_at > ?)",
        {hash, static_cast<long long>(now)});
    if (!rows) return Fail(rows.error());
    if (rows->empty() || rows->front().Integer(4) != 0) return std::optional<http::Identity>();
    const db::Row& row = rows->front();
    if (now - row.OptionalInteger(3).value_or(0) >= 60) {
      auto touched = connection.Execute("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?",
                                        {static_cast<long long>(now), hash});
      if (!touched) return Fail(touched.error());
    }
    // A token acts as a partner editor of its organisation (and as a professional when
    // issued so); it carries no form token, since a browser never sends it by itself.
    http::Identity identity{
        "token:" + row.Text(0), "", row.Text(2), {{std::string(web::kPartnerEditor), row.Text(1)}}, "", true};
    if (row.Integer(5) != 0) identity.grants.push_back({std::string(web::kProfessional), ""});
    return std::optional<http::Identity>(std::move(identity));
  });
}

}  // namespace zoneatlas::accounts
