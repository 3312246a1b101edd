-- Working groups of a zone per theme; a meeting of a working group and an action line it
-- takes up name it. People are "Name (organisation)", one per line, shown only to signed-in
-- professionals.
CREATE TABLE working_groups (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  theme TEXT NOT NULL,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  organisations TEXT NOT NULL DEFAULT '',
  people TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX working_groups_zone ON working_groups (zone_id, theme);
ALTER TABLE consultations ADD COLUMN working_group_id TEXT REFERENCES working_groups (id);
ALTER TABLE action_lines ADD COLUMN working_group_id TEXT REFERENCES working_groups (id);
