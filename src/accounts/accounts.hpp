// accounts/accounts.hpp: users, their roles, sign-in and sessions.
//
// Sessions live in the database; the browser holds only a random token, of which the
// database keeps a hash. A session ends after `idle_timeout` without use and, in any
// case, `absolute_timeout` after sign-in. Failed sign-ins are counted per account and per
// client address: after `slow_after` failures within `failure_window`, each new attempt
// must wait longer (2, 4, 8 … seconds); after `lock_after` failures the account or
// address is locked for `lock_duration`. Answers never say whether an address exists.
//
// Thread safety: safe to share; state is in the database. The clock is injected so that
// tests can move time.
#ifndef ZONEATLAS_ACCOUNTS_ACCOUNTS_HPP_
#define ZONEATLAS_ACCOUNTS_ACCOUNTS_HPP_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "core/error.hpp"
#include "platform/db/database.hpp"
#include "platform/http/identity.hpp"

namespace zoneatlas::accounts {

struct User {
  std::string id;
  std::string email;
  std::string display_name;
  bool disabled = false;
  std::vector<http::Grant> grants;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password;
  std::vector<http::Grant> grants;
};

struct SessionOptions {
  std::chrono::seconds idle_timeout{std::chrono::hours(2)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(12)};
  // Failures of one account from one address, and of one address whatever the account:
  // slowed after slow_after, locked for lock_duration after lock_after.
  int slow_after = 3;
  int lock_after = 10;
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
  std::chrono::seconds lock_duration{std::chrono::minutes(15)};
  // Failures of one account from every address (guessing from many places): after
  // lock_after, each attempt waits, at most this long — never a lock, so nobody can lock
  // a colleague out by guessing their address.
  std::chrono::seconds account_delay_cap{30};
};

// Seconds since the Unix epoch.
using Clock = std::function<std::int64_t()>;
Clock SystemClock();

enum class SignInOutcome {
  kSignedIn,
  kRefused,    // Wrong address or password, or a disabled account: the same answer for all.
  kThrottled,  // Too many recent failures: wait retry_after.
  kLocked,     // Locked for retry_after.
};

struct SignIn {
  SignInOutcome outcome = SignInOutcome::kRefused;
  std::string session_token;  // For the cookie, when signed in.
  std::chrono::seconds retry_after{0};
};

struct ApiToken {
  std::string id;
  std::string organisation;
  std::string label;
  std::string created_by_email;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
  bool reads_professional = false;
  std::optional<std::int64_t> expires_at;
};

// What a token may do beyond a partner editor's share of its organisation.
struct ApiTokenScope {
  // Read what only professionals read: providers' contact details, working group members.
  bool reads_professional = false;
  // Stops working at this time (seconds since the epoch); never when empty.
  std::optional<std::int64_t> expires_at;
};

class Accounts {
 public:
  Accounts(db::Database& database, SessionOptions options = {}, Clock clock = SystemClock());

  // Returns kInvalidArgument for a malformed address, an unknown role, a role without its
  // scope, or a password that breaks the policy; kAlreadyExists for a taken address.
  // Every change below is recorded in the audit trail under `context` (never a password
  // or its hash).
  Result<User> AddUser(const NewUser& user, const audit::Context& context);
  // Returns kNotFound when there is no such user.
  Result<User> FindUserByEmail(const std::string& email) const;
  // Every user with their grants, sorted by e-mail address.
  Result<std::vector<User>> Users() const;

  // Signs in from `address` (the client's IP address).
  Result<SignIn> SignInWithPassword(const std::string& email, std::string_view password, const std::string& address);
  // Returns the identity of a live session, or nothing for an unknown, expired or ended
  // session or a disabled user. Refreshes the session's idle timer.
  Result<std::optional<http::Identity>> FindSession(const std::string& token);
  Status SignOut(const std::string& token);

  // Changes a user's password after checking the current one; ends the user's other
  // sessions. Returns kPermissionDenied when `current` is wrong.
  Status ChangePassword(const std::string& user_id, std::string_view current, std::string_view replacement,
                        const std::string& keep_session_token, const audit::Context& context);
  // Disables the user and ends all their sessions.
  Status Disable(const std::string& user_id, const audit::Context& context);
  // Grants or takes away a role. Returns kInvalidArgument for an unknown role or an editor
  // role without its zone or organisation, kNotFound for an unknown user.
  Status Grant(const std::string& user_id, const http::Grant& grant, const audit::Context& context);
  Status Revoke(const std::string& user_id, const http::Grant& grant, const audit::Context& context);

  // Issues an API token that acts as a partner editor of `organisation`; returns the
  // token, which is not stored and cannot be shown again. Returns kInvalidArgument for an
  // empty organisation or a label over 200 characters.
  // kInvalidArgument also for an expiry in the past.
  Result<std::string> IssueApiToken(const std::string& organisation, const std::string& label,
                                    const std::string& issued_by_user_id, const audit::Context& context,
                                    const ApiTokenScope& scope = {});
  Result<std::vector<ApiToken>> ApiTokens() const;
  // Returns kNotFound when there is no such token.
  Status RevokeApiToken(const std::string& token_id, const audit::Context& context);
  // Returns the identity of a live token ("Authorization: Bearer …"), or nothing for an
  // unknown, revoked or expired one, or one whose issuer has been disabled.
  Result<std::optional<http::Identity>> FindApiToken(const std::string& token);

 private:
  struct Failures;
  Result<Failures> LoadFailures(db::Connection& connection, const std::string& subject, std::int64_t now);
  Status RecordFailure(db::Connection& connection, const std::string& subject, std::int64_t now, bool whole_account);
  // Runs `change` on an existing user in a transaction and audits the user's record before
  // and after. Returns kNotFound when there is no such user.
  Status ChangeUser(const std::string& user_id, const audit::Context& context,
                    const std::function<Status(db::Connection&)>& change);

  db::Database& database_;
  const SessionOptions options_;
  const Clock clock_;
};

// Lower-cases and trims an e-mail address; returns nothing when it is not one.
std::optional<std::string> NormaliseEmail(std::string_view email);

}  // namespace zoneatlas::accounts

#endif  // ZONEATLAS_ACCOUNTS_ACCOUNTS_HPP_
