-- The atlas keeps its figures in blocks: one row per indicator, period and area, or per
-- indicator, period and municipality for statistical sectors (codes that start with the
-- municipality's five-digit NIS code), holding a line per area:
-- code TAB value TAB numerator TAB denominator TAB batch. One row per figure could not be
-- written fast enough for ten million sector figures (issue 4).
CREATE TABLE atlas_figures (
  indicator_id TEXT NOT NULL,
  period TEXT NOT NULL,
  area_block TEXT NOT NULL,
  derived INTEGER NOT NULL DEFAULT 0,  -- Computed from counts by the indicator's formula.
  entries TEXT NOT NULL,
  PRIMARY KEY (indicator_id, period, area_block)
);
CREATE INDEX atlas_figures_block ON atlas_figures (area_block, period);
INSERT INTO atlas_figures (indicator_id, period, area_block, derived, entries)
  SELECT indicator_id, period, area_block, MAX(derived),
         string_agg(area_code || E'\t' || COALESCE(value::text, '') || E'\t' || COALESCE(numerator::text, '') ||
                    E'\t' || COALESCE(denominator::text, '') || E'\t' || batch_id || E'\n', '' ORDER BY area_code)
  FROM (SELECT *, CASE WHEN area_code ~ '^[0-9]{5}.' THEN substr(area_code, 1, 5) || '*' ELSE area_code END
                  AS area_block
        FROM atlas_observations) AS figures
  GROUP BY indicator_id, period, area_block;
DROP TABLE atlas_observations;
