-- What an API token may read beyond a partner editor's share, and when it stops working.
-- A token reads what only professionals read (providers' contact details, working group
-- members) only when issued with that scope; an expiry is optional.
ALTER TABLE api_tokens ADD COLUMN reads_professional INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
