-- The goals of a zone's multi-year plan; an initiative names the goal it serves, so that the
-- plan reads goals → strategies → initiatives.
CREATE TABLE plan_goals (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  from_year INTEGER NOT NULL,
  until_year INTEGER NOT NULL,
  language TEXT NOT NULL DEFAULT 'nl',
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX plan_goals_zone ON plan_goals (zone_id, from_year);
ALTER TABLE initiatives ADD COLUMN goal_id TEXT NOT NULL DEFAULT '';
