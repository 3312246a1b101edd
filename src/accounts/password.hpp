// accounts/password.hpp: password hashing with Argon2id (libsodium crypto_pwhash).
//
// Thread safety: pure functions; each hash uses 64 MiB for a fraction of a second.
#ifndef ZONEATLAS_ACCOUNTS_PASSWORD_HPP_
#define ZONEATLAS_ACCOUNTS_PASSWORD_HPP_

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace zoneatlas::accounts {

inline constexpr std::size_t kMinimumPasswordLength = 12;
inline constexpr std::size_t kMaximumPasswordLength = 1024;

// Returns kInvalidArgument when `password` is shorter than 12 or longer than 1024
// characters; length matters more than character classes (NIST SP 800-63B).
Status CheckPasswordPolicy(std::string_view password);

// Returns an encoded Argon2id hash ("$argon2id$v=19$m=…") with its own random salt.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `hash`, in time that does not depend on where they differ.
bool VerifyPassword(const std::string& hash, std::string_view password);

// A valid hash of no one's password, to verify against when an e-mail address is unknown,
// so that the answer takes as long as for a known one.
const std::string& DecoyHash();

}  // namespace zoneatlas::accounts

#endif  // ZONEATLAS_ACCOUNTS_PASSWORD_HPP_
