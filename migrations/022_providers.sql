-- Coordination's directory of local care and welfare providers (listed with their consent),
-- the referral routes that say which service is competent for a question, and the referral
-- slips made from them — without any person: only the zone, the route, the step and the
-- day, so that a zone sees where referrals pile up. A slip's id is its acknowledgement link.
CREATE TABLE providers (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  name TEXT NOT NULL,
  profession TEXT NOT NULL,
  practice TEXT NOT NULL DEFAULT '',
  areas TEXT NOT NULL DEFAULT '',      -- NIS codes, by commas.
  languages TEXT NOT NULL DEFAULT '',  -- Language codes, by commas.
  accepting TEXT NOT NULL DEFAULT 'unknown',  -- yes · no · unknown
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  contact_note TEXT NOT NULL DEFAULT '',
  consent_on TEXT NOT NULL,            -- YYYY-MM-DD
  consent_how TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX providers_zone ON providers (zone_id, profession);
CREATE TABLE referral_routes (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL DEFAULT '',    -- Empty: a route for every zone.
  question TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL,
  target_groups TEXT NOT NULL DEFAULT '',
  steps TEXT NOT NULL,                 -- JSON: [{service, what, social_map_q, theme, rights}]
  language TEXT NOT NULL DEFAULT 'nl',
  demo INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX referral_routes_zone ON referral_routes (zone_id);
CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  route_id TEXT NOT NULL,
  step INTEGER NOT NULL,
  made_on TEXT NOT NULL,               -- YYYY-MM-DD
  acknowledgement_asked INTEGER NOT NULL DEFAULT 0,
  acknowledged_on TEXT
);
CREATE INDEX referrals_zone ON referrals (zone_id, made_on);
