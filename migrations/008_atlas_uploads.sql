-- Files uploaded on the web, checked and waiting for the uploader to confirm the import.
-- The content is base64 (a workbook is binary). Kept one hour at most.
CREATE TABLE atlas_uploads (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  content TEXT NOT NULL,
  options TEXT NOT NULL
);
