-- Accounts: users with Argon2id password hashes, roles granted per zone or organisation,
-- server-side sessions (only a hash of the cookie is stored), and failed-login counts
-- for slowing down and locking out password guessing. Times are Unix seconds.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

-- scope: the zone id for zone_editor, the organisation id for partner_editor, '' otherwise.
CREATE TABLE role_grants (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'zone_editor', 'partner_editor', 'professional')),
  scope TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, role, scope)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- subject: 'account:' + a hash of the e-mail address, or 'address:' + the client address.
CREATE TABLE login_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_failure_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);
