-- What zones hear in their consultations and round tables (signals: needs and
-- difficulties) and the action lines they propose in answer, linked to the signals.
-- Lists are stored joined: organisations and professions one per line, target groups and
-- area codes separated by commas.
CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  held_on TEXT NOT NULL,              -- YYYY-MM-DD
  kind TEXT NOT NULL,                 -- thematic · round_table · working_group
  theme TEXT NOT NULL,                -- A theme of the social map's taxonomy.
  title TEXT NOT NULL,
  organisations TEXT NOT NULL DEFAULT '',
  professions TEXT NOT NULL DEFAULT '',
  participants INTEGER,
  summary TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',  -- The language it was written in.
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX consultations_zone ON consultations (zone_id, held_on);
CREATE TABLE consultation_signals (
  id TEXT PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,                 -- need · difficulty
  theme TEXT NOT NULL,
  target_groups TEXT NOT NULL DEFAULT '',
  areas TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  quote TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_signals_meeting ON consultation_signals (consultation_id, position);
CREATE TABLE action_lines (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  consultation_id TEXT REFERENCES consultations (id),
  theme TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,               -- idea · planned · running · done · dropped
  owner TEXT NOT NULL DEFAULT '',
  working_group TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX action_lines_zone ON action_lines (zone_id, theme);
CREATE TABLE action_line_signals (
  action_line_id TEXT NOT NULL REFERENCES action_lines (id) ON DELETE CASCADE,
  signal_id TEXT NOT NULL REFERENCES consultation_signals (id) ON DELETE CASCADE,
  PRIMARY KEY (action_line_id, signal_id)
);
CREATE INDEX action_line_signals_signal ON action_line_signals (signal_id);
