-- SQLite keeps the observations in their primary key's own tree (WITHOUT ROWID): one tree
-- less to write on every import row and to read on every lookup by indicator. The table
-- is rebuilt because SQLite cannot change this in place.
CREATE TABLE atlas_observations_clustered (
  indicator_id TEXT NOT NULL,
  area_code TEXT NOT NULL,
  period TEXT NOT NULL,
  value DOUBLE PRECISION,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  batch_id BIGINT NOT NULL REFERENCES atlas_batches (id),
  derived INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (indicator_id, area_code, period)
) WITHOUT ROWID;
INSERT INTO atlas_observations_clustered
  SELECT indicator_id, area_code, period, value, numerator, denominator, batch_id, derived FROM atlas_observations;
DROP TABLE atlas_observations;
ALTER TABLE atlas_observations_clustered RENAME TO atlas_observations;
CREATE INDEX atlas_observations_area ON atlas_observations (area_code, period);
