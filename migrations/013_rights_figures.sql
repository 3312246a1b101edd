-- Figures of the rights catalog (amounts and thresholds) proposed by zone editors and
-- reviewed by another one: a published figure is added to its parameter on top of the
-- shipped catalog (data/rights/rights.json) and checked with it; a figure with the same
-- first day replaces the shipped one.
CREATE TABLE rights_figures (
  id TEXT PRIMARY KEY,
  parameter_id TEXT NOT NULL,
  valid_from TEXT NOT NULL,          -- YYYY-MM-DD
  valid_until TEXT,                  -- YYYY-MM-DD, or NULL up to the next figure
  value DOUBLE PRECISION NOT NULL,
  decided TEXT,                      -- YYYY-MM-DD the figure was decided or published, when known
  legal_source TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,              -- The page the figure was read from.
  reliability TEXT NOT NULL,         -- O, P, S or U
  known_until TEXT NOT NULL,         -- The parameter's last known day once this is published.
  note TEXT NOT NULL DEFAULT '',     -- The proposer's words for the reviewer.
  status TEXT NOT NULL DEFAULT 'pending',  -- pending · published · sent_back
  proposed_by TEXT NOT NULL,
  proposed_by_label TEXT NOT NULL,
  proposed_at BIGINT NOT NULL,
  reviewed_by_label TEXT NOT NULL DEFAULT '',
  reviewed_at BIGINT,
  review_comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rights_figures_status ON rights_figures (status, reviewed_at);
