#include "accounts/password.hpp"

#include <sodium.h>

namespace zoneatlas::accounts {

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() < kMinimumPasswordLength) {
    return Fail(Error::InvalidArgument("a password needs at least 12 characters"));
  }
  if (password.size() > kMaximumPasswordLength) {
    return Fail(Error::InvalidArgument("a password may have at most 1024 characters"));
  }
  return {};
}

Result<std::string> HashPassword(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::Unavailable("not enough memory to hash a password"));
  }
  return std::string(hash);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DecoyHash() {
  static const std::string* const kDecoy = new std::string(HashPassword("zoneatlas decoy password").value_or(""));
  return *kDecoy;
}

}  // namespace zoneatlas::accounts
