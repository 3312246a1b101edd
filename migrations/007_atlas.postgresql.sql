-- The atlas's observations: one value per indicator, area and period, with the
-- numerator and denominator when they are known, and the import batch it came from.
-- Areas keep the codes the figures were published for (a merged municipality's old
-- code stays), so that series can be re-aggregated onto today's areas.
CREATE TABLE atlas_batches (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_label TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sheet TEXT,
  layout TEXT NOT NULL,
  source TEXT NOT NULL,
  checksum TEXT NOT NULL,  -- SHA-256 of the file as received, in hex.
  rows_read INTEGER NOT NULL,
  observations INTEGER NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0  -- Plausible values for demonstration, not published figures.
);
CREATE TABLE atlas_observations (
  indicator_id TEXT NOT NULL,
  area_code TEXT NOT NULL,
  period TEXT NOT NULL,
  value DOUBLE PRECISION,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  batch_id BIGINT NOT NULL REFERENCES atlas_batches (id),
  derived INTEGER NOT NULL DEFAULT 0,  -- Computed from counts by the indicator's formula.
  PRIMARY KEY (indicator_id, area_code, period)
);
CREATE INDEX atlas_observations_area ON atlas_observations (area_code, period);
INSERT INTO change_counters (name, value) VALUES ('atlas', 0);
