// The accounts' storage suite: the same cases against SQLite and PostgreSQL, with a
// clock the tests move.
#include <gtest/gtest.h>

#include "accounts/accounts.hpp"
#include "accounts/password.hpp"
#include "tests/support/test_database.hpp"
#include "web/access.hpp"

namespace zoneatlas::accounts {
namespace {

using testing::TestDatabase;
constexpr const char* kPassword = "zennevallei en zorgzones";
const audit::Context kContext{{"test", "the test suite"}};

class AccountsTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    std::string skip_reason;
    test_ = TestDatabase::Create(GetParam(), skip_reason);
    if (!test_) GTEST_SKIP() << skip_reason;
    accounts_ = std::make_unique<Accounts>(test_->database(), options_, [this] { return now_; });
  }

  User Add(const std::string& email, std::vector<http::Grant> grants = {}) {
    auto user = accounts_->AddUser({email, "", kPassword, std::move(grants)}, kContext);
    EXPECT_TRUE(user) << user.error().message();
    return user.value_or(User{});
  }

  SignIn SignInAs(const std::string& email, const std::string& password, const std::string& address = "192.0.2.1") {
    auto outcome = accounts_->SignInWithPassword(email, password, address);
    EXPECT_TRUE(outcome) << outcome.error().message();
    return outcome.value_or(SignIn{});
  }

  SessionOptions options_;
  std::int64_t now_ = 1'790'000'000;
  std::unique_ptr<TestDatabase> test_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_P(AccountsTest, AddsUsersWithValidAddressesRolesAndPasswords) {
  const User admin = Add(" Coordinator@Zennevallei.BE ", {{"admin", ""}});
  EXPECT_EQ(admin.email, "coordinator@zennevallei.be");
  auto found = accounts_->FindUserByEmail("COORDINATOR@zennevallei.be");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->grants.size(), 1u);
  EXPECT_EQ(found->grants[0].role, "admin");

  auto again = accounts_->AddUser({"coordinator@zennevallei.be", "", kPassword, {}}, kContext);
  ASSERT_FALSE(again);
  EXPECT_TRUE(again.error().Is(ErrorCode::kAlreadyExists));
  EXPECT_FALSE(accounts_->AddUser({"not an address", "", kPassword, {}}, kContext));
  EXPECT_FALSE(accounts_->AddUser({"a@b.be", "", "too short", {}}, kContext));
  EXPECT_FALSE(accounts_->AddUser({"a@b.be", "", kPassword, {{"mayor", ""}}}, kContext));
  EXPECT_FALSE(accounts_->AddUser({"a@b.be", "", kPassword, {{"zone_editor", ""}}}, kContext)) << "needs its zone";
  EXPECT_TRUE(accounts_->AddUser({"a@b.be", "", kPassword, {{"zone_editor", "elz-zennevallei"}}}, kContext));
}

TEST_P(AccountsTest, SignsInAndFindsTheSessionUntilSignOut) {
  Add("editor@zone.be", {{"zone_editor", "elz-zennevallei"}});
  const SignIn signed_in = SignInAs("Editor@Zone.be", kPassword);
  ASSERT_EQ(signed_in.outcome, SignInOutcome::kSignedIn);
  ASSERT_EQ(signed_in.session_token.size(), 64u);
  auto identity = accounts_->FindSession(signed_in.session_token);
  ASSERT_TRUE(identity && *identity);
  EXPECT_EQ((*identity)->email, "editor@zone.be");
  EXPECT_TRUE((*identity)->HasRole("zone_editor"));
  EXPECT_EQ((*identity)->csrf_token.size(), 64u);
  ASSERT_TRUE(accounts_->SignOut(signed_in.session_token));
  EXPECT_FALSE(*accounts_->FindSession(signed_in.session_token));
  EXPECT_FALSE(*accounts_->FindSession(std::string(64, 'a'))) << "a forged token";
  EXPECT_FALSE(*accounts_->FindSession("../../etc")) << "a malformed token";
}

TEST_P(AccountsTest, WrongPasswordsAndUnknownAddressesGetTheSameAnswer) {
  Add("partner@ocmw.be");
  EXPECT_EQ(SignInAs("partner@ocmw.be", "wrong password!", "192.0.2.10").outcome, SignInOutcome::kRefused);
  EXPECT_EQ(SignInAs("nobody@ocmw.be", kPassword, "192.0.2.11").outcome, SignInOutcome::kRefused);
}

TEST_P(AccountsTest, SessionsExpireWhenIdleAndInAnyCase) {
  Add("pro@huisarts.be", {{"professional", ""}});
  const std::string token = SignInAs("pro@huisarts.be", kPassword).session_token;
  now_ += options_.idle_timeout.count() - 60;
  EXPECT_TRUE(*accounts_->FindSession(token)) << "used just in time, which refreshes it";
  now_ += options_.idle_timeout.count() - 60;
  EXPECT_TRUE(*accounts_->FindSession(token));
  now_ += options_.idle_timeout.count() + 1;
  EXPECT_FALSE(*accounts_->FindSession(token)) << "idle too long";

  const std::string busy = SignInAs("pro@huisarts.be", kPassword).session_token;
  for (int hour = 0; hour < 12; ++hour) {
    now_ += 3600;
    if (hour < 11) {
      EXPECT_TRUE(*accounts_->FindSession(busy)) << hour;
    }
  }
  now_ += 1;
  EXPECT_FALSE(*accounts_->FindSession(busy)) << "twelve hours after sign-in, even when busy";
}

TEST_P(AccountsTest, RepeatedFailuresSlowDownThenLock) {
  Add("target@zone.be");
  for (int attempt = 1; attempt < options_.slow_after; ++attempt) {
    EXPECT_EQ(SignInAs("target@zone.be", "guess number " + std::to_string(attempt)).outcome, SignInOutcome::kRefused);
  }
  SignIn slowed = SignInAs("target@zone.be", "another guess");
  EXPECT_EQ(slowed.outcome, SignInOutcome::kThrottled);
  EXPECT_EQ(slowed.retry_after.count(), 2);
  // Even the right password waits.
  EXPECT_EQ(SignInAs("target@zone.be", kPassword).outcome, SignInOutcome::kThrottled);
  for (int attempt = options_.slow_after + 1; attempt < options_.lock_after; ++attempt) {
    now_ += 61;
    EXPECT_EQ(SignInAs("target@zone.be", "guess " + std::to_string(attempt)).outcome, SignInOutcome::kThrottled);
  }
  now_ += 61;
  SignIn locked = SignInAs("target@zone.be", "last guess");
  EXPECT_EQ(locked.outcome, SignInOutcome::kLocked);
  EXPECT_EQ(locked.retry_after, options_.lock_duration);
  // Whoever guessed cannot lock the account's owner out: from elsewhere they wait a little
  // (the account as a whole is being guessed), then sign in.
  const SignIn elsewhere = SignInAs("target@zone.be", kPassword, "198.51.100.7");
  EXPECT_EQ(elsewhere.outcome, SignInOutcome::kThrottled);
  EXPECT_LE(elsewhere.retry_after, options_.account_delay_cap);
  now_ += options_.account_delay_cap.count() + 1;
  EXPECT_EQ(SignInAs("target@zone.be", kPassword, "198.51.100.7").outcome, SignInOutcome::kSignedIn);
  EXPECT_EQ(SignInAs("target@zone.be", kPassword).outcome, SignInOutcome::kLocked)
      << "the guesser's address stays locked";
  now_ += options_.lock_duration.count() + 1;
  EXPECT_EQ(SignInAs("target@zone.be", kPassword).outcome, SignInOutcome::kSignedIn);
}

// Guessing one account from many addresses: each address is slowed on its own, and the
// account as a whole waits longer and longer, up to a cap — never locked.
TEST_P(AccountsTest, GuessingOneAccountFromManyAddressesSlowsItButNeverLocksIt) {
  Add("target@zone.be");
  for (int guess = 0; guess < 20; ++guess) {
    const std::string address = "203.0.113." + std::to_string(guess);
    const SignIn answer = SignInAs("target@zone.be", "guess " + std::to_string(guess), address);
    EXPECT_NE(answer.outcome, SignInOutcome::kLocked) << guess;
    EXPECT_LE(answer.retry_after, options_.account_delay_cap) << guess;
    if (answer.outcome == SignInOutcome::kThrottled) now_ += answer.retry_after.count();
  }
  EXPECT_EQ(SignInAs("target@zone.be", "one more guess", "192.0.2.99").retry_after, options_.account_delay_cap);
  const SignIn owner = SignInAs("target@zone.be", kPassword, "198.51.100.7");
  EXPECT_EQ(owner.outcome, SignInOutcome::kThrottled) << "the account is being guessed";
  now_ += owner.retry_after.count();
  EXPECT_EQ(SignInAs("target@zone.be", kPassword, "198.51.100.7").outcome, SignInOutcome::kSignedIn);
}

TEST_P(AccountsTest, OneAddressGuessingManyAccountsIsSlowedToo) {
  for (int account = 0; account < options_.slow_after - 1; ++account) {
    EXPECT_EQ(SignInAs("user" + std::to_string(account) + "@zone.be", "guess", "203.0.113.5").outcome,
              SignInOutcome::kRefused);
  }
  EXPECT_EQ(SignInAs("user99@zone.be", "guess", "203.0.113.5").outcome, SignInOutcome::kThrottled);
  EXPECT_EQ(SignInAs("user98@zone.be", "guess", "203.0.113.6").outcome, SignInOutcome::kRefused)
      << "another address is not affected";
}

TEST_P(AccountsTest, ChangingThePasswordSignsOutOtherSessions) {
  const User user = Add("me@zone.be");
  const std::string here = SignInAs("me@zone.be", kPassword).session_token;
  const std::string elsewhere = SignInAs("me@zone.be", kPassword).session_token;
  auto wrong = accounts_->ChangePassword(user.id, "not my password", "a brand new passphrase", here, kContext);
  ASSERT_FALSE(wrong);
  EXPECT_TRUE(wrong.error().Is(ErrorCode::kPermissionDenied));
  EXPECT_FALSE(accounts_->ChangePassword(user.id, kPassword, "short", here, kContext));
  ASSERT_TRUE(accounts_->ChangePassword(user.id, kPassword, "a brand new passphrase", here, kContext));
  EXPECT_TRUE(*accounts_->FindSession(here));
  EXPECT_FALSE(*accounts_->FindSession(elsewhere));
  EXPECT_EQ(SignInAs("me@zone.be", kPassword).outcome, SignInOutcome::kRefused);
  EXPECT_EQ(SignInAs("me@zone.be", "a brand new passphrase").outcome, SignInOutcome::kSignedIn);
}

TEST_P(AccountsTest, ADisabledUserCannotSignInAndLosesTheirSessions) {
  const User user = Add("former@zone.be", {{"admin", ""}});
  const std::string token = SignInAs("former@zone.be", kPassword).session_token;
  ASSERT_TRUE(accounts_->Disable(user.id, kContext));
  EXPECT_FALSE(*accounts_->FindSession(token));
  EXPECT_EQ(SignInAs("former@zone.be", kPassword).outcome, SignInOutcome::kRefused);
  EXPECT_FALSE(accounts_->Disable("no-such-user", kContext));
}

TEST_P(AccountsTest, ApiTokensActForTheirOrganisationUntilRevoked) {
  const User admin = Add("admin@zone.be", {{"admin", ""}});
  auto token = accounts_->IssueApiToken("ocmw-halle", "social map sync", admin.id, kContext);
  ASSERT_TRUE(token) << token.error().message();
  EXPECT_TRUE(token->starts_with("zat_"));
  auto identity = accounts_->FindApiToken(*token);
  ASSERT_TRUE(identity && *identity);
  ASSERT_EQ((*identity)->grants.size(), 1u);
  EXPECT_EQ((*identity)->grants[0].role, "partner_editor");
  EXPECT_EQ((*identity)->grants[0].scope, "ocmw-halle");
  EXPECT_TRUE((*identity)->csrf_token.empty());

  auto listed = accounts_->ApiTokens();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].created_by_email, "admin@zone.be");
  EXPECT_TRUE((*listed)[0].last_used_at.has_value());
  EXPECT_FALSE(*accounts_->FindApiToken("zat_" + std::string(64, '0'))) << "a forged token";
  EXPECT_FALSE(accounts_->IssueApiToken("  ", "", admin.id, kContext));

  ASSERT_TRUE(accounts_->RevokeApiToken((*listed)[0].id, kContext));
  EXPECT_FALSE(*accounts_->FindApiToken(*token));
  EXPECT_FALSE(accounts_->RevokeApiToken((*listed)[0].id, kContext)) << "already revoked";

  // A token is not a professional unless issued to read what professionals read; it
  // stops working when it expires.
  EXPECT_TRUE((*identity)->via_token);
  EXPECT_FALSE(web::Allows(web::kProfessional, &**identity));
  auto scoped = accounts_->IssueApiToken("ocmw-halle", "outreach", admin.id, kContext,
                                         {.reads_professional = true, .expires_at = now_ + 3600});
  ASSERT_TRUE(scoped);
  auto scoped_identity = accounts_->FindApiToken(*scoped);
  ASSERT_TRUE(scoped_identity && *scoped_identity);
  EXPECT_TRUE(web::Allows(web::kProfessional, &**scoped_identity));
  now_ += 3601;
  EXPECT_FALSE(*accounts_->FindApiToken(*scoped)) << "expired";
  EXPECT_FALSE(accounts_->IssueApiToken("ocmw-halle", "", admin.id, kContext, {.expires_at = now_ - 1}));

  auto second = accounts_->IssueApiToken("caw-halle", "", admin.id, kContext);
  ASSERT_TRUE(second);
  const User other_admin = Add("other@zone.be", {{"admin", ""}});
  ASSERT_TRUE(accounts_->Disable(admin.id, kContext));
  EXPECT_FALSE(*accounts_->FindApiToken(*second)) << "tokens of a disabled administrator stop working";
  (void)other_admin;
}

TEST_P(AccountsTest, AUserHoldsSeveralRolesGrantedAndTakenAway) {
  const User user = Add("coordinator@zone.be", {{"zone_editor", "elz-zennevallei"}});
  ASSERT_TRUE(accounts_->Grant(user.id, {"partner_editor", " ocmw-halle "}, kContext));
  ASSERT_TRUE(accounts_->Grant(user.id, {"professional", "ignored"}, kContext));
  EXPECT_TRUE(accounts_->Grant(user.id, {"professional", ""}, kContext)) << "granting twice is harmless";
  EXPECT_FALSE(accounts_->Grant(user.id, {"zone_editor", ""}, kContext));
  EXPECT_FALSE(accounts_->Grant(user.id, {"mayor", ""}, kContext));
  EXPECT_FALSE(accounts_->Grant("nobody", {"professional", ""}, kContext));
  auto found = accounts_->FindUserByEmail("coordinator@zone.be");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->grants.size(), 3u);
  EXPECT_EQ(found->grants[0].role, "partner_editor");
  EXPECT_EQ(found->grants[0].scope, "ocmw-halle");
  EXPECT_EQ(found->grants[1].role, "professional");
  EXPECT_EQ(found->grants[1].scope, "");
  ASSERT_TRUE(accounts_->Revoke(user.id, {"zone_editor", "elz-zennevallei"}, kContext));
  EXPECT_EQ(accounts_->FindUserByEmail("coordinator@zone.be")->grants.size(), 2u);
  EXPECT_EQ(audit::History(test_->database(), "user", user.id)->size(), 4u) << "create, two grants, one revoke";
}

TEST_P(AccountsTest, ChangesToAccountsAreAuditedWithoutSecrets) {
  const User admin = Add("admin@zone.be", {{"admin", ""}});
  const std::string session = SignInAs("admin@zone.be", kPassword).session_token;
  ASSERT_TRUE(accounts_->ChangePassword(admin.id, kPassword, "another long passphrase", session, kContext));
  ASSERT_TRUE(accounts_->Disable(admin.id, kContext));
  auto history = audit::History(test_->database(), "user", admin.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[2].action, "create");
  EXPECT_EQ((*history)[0].action, "update");
  EXPECT_NE((*history)[0].after->find("\"disabled\":true"), std::string::npos);
  for (const audit::Change& change : *history) {
    for (const auto& json : {change.before, change.after}) {
      if (json) {
        EXPECT_EQ(json->find("argon2"), std::string::npos) << *json;
        EXPECT_EQ(json->find("passphrase"), std::string::npos) << *json;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsTest, ::testing::ValuesIn(testing::Engines()), testing::EngineTestName);

TEST(PasswordTest, HashesAreArgon2idSaltedAndVerified) {
  auto first = HashPassword(kPassword);
  auto second = HashPassword(kPassword);
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(first->starts_with("$argon2id$"));
  EXPECT_NE(*first, *second) << "each hash has its own salt";
  EXPECT_TRUE(VerifyPassword(*first, kPassword));
  EXPECT_FALSE(VerifyPassword(*first, "zennevallei en zorgzone"));
  EXPECT_FALSE(VerifyPassword(DecoyHash(), kPassword));
}

TEST(AccessTest, RulesFollowTheRoles) {
  const http::Identity nobody_special{"1", "a@b.be", "", {}, "t"};
  const http::Identity professional{"2", "b@b.be", "", {{"professional", ""}}, "t"};
  const http::Identity editor{"3", "c@b.be", "", {{"zone_editor", "elz-zennevallei"}}, "t"};
  const http::Identity admin{"4", "d@b.be", "", {{"admin", ""}}, "t"};
  EXPECT_TRUE(web::Allows(web::kPublic, nullptr));
  EXPECT_FALSE(web::Allows(web::kSignedIn, nullptr));
  EXPECT_TRUE(web::Allows(web::kSignedIn, &nobody_special));
  EXPECT_FALSE(web::Allows(web::kProfessional, &nobody_special));
  EXPECT_TRUE(web::Allows(web::kProfessional, &professional));
  EXPECT_TRUE(web::Allows(web::kProfessional, &editor));
  EXPECT_FALSE(web::Allows(web::kZoneEditor, &professional));
  EXPECT_TRUE(web::Allows(web::kZoneEditor, &editor));
  EXPECT_FALSE(web::Allows(web::kAdmin, &editor));
  for (std::string_view rule : web::kAccessRules) EXPECT_TRUE(web::Allows(rule, &admin)) << rule;
  EXPECT_FALSE(web::IsAccessRule("everyone"));
  EXPECT_FALSE(web::IsAccessRule(""));
}

}  // namespace
}  // namespace zoneatlas::accounts
