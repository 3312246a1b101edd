-- Editing the social map. Partner editors propose new services and changes for their
-- organisations, professionals report changes and propose small community-run resources,
-- zone editors review each proposal beside the record as it is, and publish it or send
-- it back with a comment. A proposal keeps the service as proposed, as HSDS JSON (the
-- same reader checks it as an import), until it is published.
-- Community resources (a food distribution, a water point) expire unless someone
-- confirms them again: `expires_on` is the day after which they are no longer shown.
ALTER TABLE sm_services ADD COLUMN community INTEGER NOT NULL DEFAULT 0;
-- expires_on: YYYY-MM-DD, or NULL when the service does not expire.
ALTER TABLE sm_services ADD COLUMN expires_on TEXT;
CREATE TABLE sm_proposals (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,                -- 'change', 'new' (a service to add) or 'report' (words only)
  service_id TEXT NOT NULL,          -- The service changed, reported on, or to be added.
  organization_id TEXT NOT NULL,
  proposed TEXT,                     -- The service as proposed, HSDS JSON, or NULL for a report.
  message TEXT NOT NULL DEFAULT '',  -- The proposer's words: what changed, and how they know.
  community INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pending',  -- pending · published · sent_back · closed
  proposed_by TEXT NOT NULL,         -- User id.
  proposed_by_label TEXT NOT NULL,
  proposed_at BIGINT NOT NULL,       -- Unix seconds.
  reviewed_by_label TEXT NOT NULL DEFAULT '',
  reviewed_at BIGINT,
  review_comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sm_proposals_status ON sm_proposals (status, proposed_at);
CREATE INDEX sm_proposals_proposer ON sm_proposals (proposed_by, proposed_at);
