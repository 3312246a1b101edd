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
         group_concat(area_code || char(9) || iif(value IS NULL, '', printf('%!.17g', value)) || char(9) ||
                      iif(numerator IS NULL, '', printf('%!.17g', numerator)) || char(9) ||
                      iif(denominator IS NULL, '', printf('%!.17g', denominator)) || char(9) || batch_id || char(10), '')
  FROM (SELECT *, CASE WHEN length(area_code) > 5 AND substr(area_code, 1, 5) GLOB '[0-9][0-9][0-9][0-9][0-9]'
                       THEN substr(area_code, 1, 5) || '*' ELSE area_code END AS area_block
        FROM atlas_observations ORDER BY indicator_id, period, area_code)
  GROUP BY indicator_id, period, area_block;
DROP TABLE atlas_observations;
