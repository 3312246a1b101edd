// atlas/uploads.hpp: files uploaded on the web, checked and waiting to be confirmed.
//
// An upload is kept under a random id for its uploader only, for at most an hour, so that
// the import runs on exactly the file that was checked and shown, without sending it twice.
//
// Thread safety: functions over the database.
#ifndef ZONEATLAS_ATLAS_UPLOADS_HPP_
#define ZONEATLAS_ATLAS_UPLOADS_HPP_

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "platform/db/database.hpp"

namespace zoneatlas::atlas {

struct Upload {
  std::string id;
  std::string user_id;
  std::string file_name;
  std::string content;  // As uploaded.
  std::string options;  // JSON: source, period, indicator, sheet.
};

// Saves `upload` under a new id (returned) and forgets uploads older than an hour.
Result<std::string> SaveUpload(db::Database& database, Upload upload, std::int64_t now);
// Returns kNotFound unless `id` is an upload of `user_id` made within the hour.
Result<Upload> FindUpload(db::Database& database, const std::string& id, const std::string& user_id, std::int64_t now);
Status DeleteUpload(db::Database& database, const std::string& id);

}  // namespace zoneatlas::atlas

#endif  // ZONEATLAS_ATLAS_UPLOADS_HPP_
