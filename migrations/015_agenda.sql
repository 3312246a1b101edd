-- The shared prevention calendar: regional campaigns and the zones' events (sessions of a
-- campaign, workshops, walk-in hours, information days, network moments), in Belgian
-- wall-clock time (YYYY-MM-DDTHH:MM), repeating by an RFC 5545 RRULE when `rule` is set.
-- Lists are stored joined by commas (target groups, languages).
CREATE TABLE agenda_campaigns (
  id TEXT PRIMARY KEY,
  name_nl TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description_nl TEXT NOT NULL DEFAULT '',
  description_fr TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL,
  valid_from TEXT NOT NULL,           -- YYYY-MM-DD
  valid_until TEXT NOT NULL,
  baseline_indicator TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE agenda_events (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  campaign_id TEXT REFERENCES agenda_campaigns (id),
  kind TEXT NOT NULL,                 -- session · workshop · walk_in · information_day · network_moment
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL,
  target_groups TEXT NOT NULL DEFAULT '',
  area_code TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,            -- YYYY-MM-DDTHH:MM, Europe/Brussels
  ends_at TEXT NOT NULL,
  rule TEXT NOT NULL DEFAULT '',
  last_day TEXT,                      -- The last day it can happen (NULL: a rule with no end).
  organiser TEXT NOT NULL DEFAULT '',
  written_in TEXT NOT NULL DEFAULT 'nl',
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX agenda_events_zone ON agenda_events (zone_id, starts_at);
CREATE INDEX agenda_events_area ON agenda_events (area_code, theme);
