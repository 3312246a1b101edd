-- The inventory of preventive initiatives per zone, with their logic model, outcomes and
-- evaluation. Lists are stored joined: target groups and area codes by commas, partner
-- organisations one per line.
CREATE TABLE initiatives (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL,
  target_groups TEXT NOT NULL DEFAULT '',
  strategy TEXT NOT NULL,             -- awareness · environment · rules · care
  areas TEXT NOT NULL DEFAULT '',
  lead TEXT NOT NULL DEFAULT '',
  partners TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,           -- YYYY-MM-DD
  valid_until TEXT,
  budget DOUBLE PRECISION,            -- Euro a year.
  activities TEXT NOT NULL DEFAULT '',
  outputs TEXT NOT NULL DEFAULT '',
  intended_outcome TEXT NOT NULL DEFAULT '',
  outcome_indicator TEXT NOT NULL DEFAULT '',
  evidence TEXT,                      -- What Works for Health's rating, when rated.
  notes TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX initiatives_zone ON initiatives (zone_id, theme);
CREATE TABLE initiative_outcomes (
  initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  indicator TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  baseline DOUBLE PRECISION,
  target DOUBLE PRECISION,
  achieved DOUBLE PRECISION,
  reach BIGINT,
  period TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (initiative_id, position)
);
