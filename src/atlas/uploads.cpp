#include "atlas/uploads.hpp"

#include <sodium.h>

#include "core/random.hpp"

namespace zoneatlas::atlas {
namespace {

constexpr std::int64_t kKeptSeconds = 3600;

std::string Base64(const std::string& bytes) {
  std::string text(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  text.resize(text.size() - 1);  // The terminating NUL.
  return text;
}

std::optional<std::string> FromBase64(const std::string& text) {
  std::string bytes(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

}  // namespace

Result<std::string> SaveUpload(db::Database& database, Upload upload, std::int64_t now) {
  upload.id = RandomHex(16);
  auto saved = database.InTransaction([&](db::Connection& connection) -> Result<long long> {
    auto purged = connection.Execute("DELETE FROM atlas_uploads WHERE at < ?", {static_cast<long long>(now - kKeptSeconds)});
    if (!purged) return purged;
    return connection.Execute(
        "INSERT INTO atlas_uploads (id, user_id, at, file_name, content, options) VALUES (?, ?, ?, ?, ?, ?)",
        {upload.id, upload.user_id, static_cast<long long>(now), upload.file_name, Base64(upload.content), upload.options});
  });
  if (!saved) return Fail(saved.error());
  return upload.id;
}

Result<Upload> FindUpload(db::Database& database, const std::string& id, const std::string& user_id, std::int64_t now) {
  auto rows = database.WithConnection([&](db::Connection& connection) {
    return connection.Query(
        "SELECT file_name, content, options FROM atlas_uploads WHERE id = ? AND user_id = ? AND at >= ?",
        {id, user_id, static_cast<long long>(now - kKeptSeconds)});
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::NotFound("this upload is gone: upload the file again"));
  auto content = FromBase64(rows->front().Text(1));
  if (!content) return Fail(Error::Internal("an upload could not be read back"));
  return Upload{id, user_id, rows->front().Text(0), std::move(*content), rows->front().Text(2)};
}

Status DeleteUpload(db::Database& database, const std::string& id) {
  auto deleted = database.WithConnection(
      [&](db::Connection& connection) { return connection.Execute("DELETE FROM atlas_uploads WHERE id = ?", {id}); });
  if (!deleted) return Fail(deleted.error());
  return {};
}

}  // namespace zoneatlas::atlas
