-- Changes to a right's definition (its routes, conditions, terms and texts) proposed by a
-- zone editor and reviewed by another: a published definition replaces the shipped one
-- (data/rights/rights.json) with the same id, or adds a right, and is checked with the
-- whole catalog.
CREATE TABLE rights_rule_changes (
  id TEXT PRIMARY KEY,
  right_id TEXT NOT NULL,
  definition TEXT NOT NULL,          -- The right's JSON object, as in the catalog file.
  note TEXT NOT NULL DEFAULT '',     -- The proposer's words for the reviewer.
  status TEXT NOT NULL DEFAULT 'pending',  -- pending · published · sent_back
  proposed_by TEXT NOT NULL,
  proposed_by_label TEXT NOT NULL,
  proposed_at BIGINT NOT NULL,
  reviewed_by_label TEXT NOT NULL DEFAULT '',
  reviewed_at BIGINT,
  review_comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rights_rule_changes_status ON rights_rule_changes (status, reviewed_at);
