// core/error.hpp: the error vocabulary of zoneatlas.
//
// Expected failures are values: a function that can fail returns Result<T>, which holds
// either a T or an Error. The codes are a small closed set, modelled on Abseil's
// canonical codes, so that every layer maps them the same way (web/http_status.cpp
// turns them into HTTP statuses). A decision ("not eligible") or a rejected CSV row is
// not an Error: it is part of the result.
//
// Thread safety: value types, safe to copy between threads.
#ifndef ZONEATLAS_CORE_ERROR_HPP_
#define ZONEATLAS_CORE_ERROR_HPP_

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace zoneatlas {

enum class ErrorCode {
  // The caller's arguments are malformed, whatever the state of the system.
  kInvalidArgument,
  // The thing asked for does not exist.
  kNotFound,
  // The thing to create exists already.
  kAlreadyExists,
  // The arguments are well formed but the system is not in a state to accept them.
  kFailedPrecondition,
  // The caller may not do this.
  kPermissionDenied,
  // The caller is not known (no or bad credentials).
  kUnauthenticated,
  // A dependency (database, disk) cannot be reached now; trying again may work.
  kUnavailable,
  // A bug or an invariant that broke; the message is for operators, not users.
  kInternal,
};

// Returns the code's name in snake_case, e.g. "not_found"; stable for logs and APIs.
std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Error InvalidArgument(std::string message) { return {ErrorCode::kInvalidArgument, std::move(message)}; }
  static Error NotFound(std::string message) { return {ErrorCode::kNotFound, std::move(message)}; }
  static Error AlreadyExists(std::string message) { return {ErrorCode::kAlreadyExists, std::move(message)}; }
  static Error FailedPrecondition(std::string message) {
    return {ErrorCode::kFailedPrecondition, std::move(message)};
  }
  static Error PermissionDenied(std::string message) { return {ErrorCode::kPermissionDenied, std::move(message)}; }
  static Error Unauthenticated(std::string message) { return {ErrorCode::kUnauthenticated, std::move(message)}; }
  static Error Unavailable(std::string message) { return {ErrorCode::kUnavailable, std::move(message)}; }
  static Error Internal(std::string message) { return {ErrorCode::kInternal, std::move(message)}; }

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  bool Is(ErrorCode code) const { return code_ == code; }

  // "not_found: no area with NIS code 99999".
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string message_;
};

// Either a T or an Error. Returned results may not be ignored.
template <typename T>
using Result = std::expected<T, Error>;

// For functions that return nothing on success.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

}  // namespace zoneatlas

#endif  // ZONEATLAS_CORE_ERROR_HPP_
