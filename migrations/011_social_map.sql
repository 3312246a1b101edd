-- The social map, after Open Referral HSDS 3.0: organizations offer services at
-- locations; a service has its action area (the municipalities it serves, not only its
-- head office), opening hours, languages, phones, themes and target groups. Names and
-- descriptions are kept in Dutch and French (English optional), each with a version in
-- plain language (eenvoudige taal) when someone has written one.
-- `revision` is the social map's change counter when the row last changed: the search
-- index catches up on every row newer than the revision it has seen.
CREATE TABLE sm_organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description_nl TEXT NOT NULL DEFAULT '',
  description_fr TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  revision BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE sm_locations (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES sm_organizations (id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  municipality_code TEXT,         -- NIS code of the municipality the building is in.
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  transport_nl TEXT NOT NULL DEFAULT '',  -- How to get there by public transport.
  transport_fr TEXT NOT NULL DEFAULT '',
  wheelchair INTEGER NOT NULL DEFAULT 0,  -- Step-free entrance and desk.
  revision BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE sm_services (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES sm_organizations (id),
  status TEXT NOT NULL DEFAULT 'active',  -- HSDS: active, inactive, defunct, temporarily closed.
  name_nl TEXT NOT NULL DEFAULT '',
  name_fr TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT '',
  description_nl TEXT NOT NULL DEFAULT '',
  description_fr TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  plain_nl TEXT NOT NULL DEFAULT '',      -- In plain language; empty when nobody wrote it yet.
  plain_fr TEXT NOT NULL DEFAULT '',
  plain_en TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  cost TEXT NOT NULL DEFAULT 'free',      -- free · reduced (with a right) · paid
  cost_note TEXT NOT NULL DEFAULT '',
  competent_level TEXT NOT NULL DEFAULT 'private',
  application_process TEXT NOT NULL DEFAULT '',
  last_verified TEXT,                     -- YYYY-MM-DD
  verified_by TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  revision BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sm_services_revision ON sm_services (revision);
CREATE INDEX sm_services_organization ON sm_services (organization_id);
CREATE TABLE sm_service_at_location (
  service_id TEXT NOT NULL REFERENCES sm_services (id),
  location_id TEXT NOT NULL REFERENCES sm_locations (id),
  PRIMARY KEY (service_id, location_id)
);
-- Opening hours, one row per weekday and period: RFC 5545 BYDAY (MO…SU), local time in
-- Europe/Brussels. closes_at before opens_at means the hours run past midnight.
CREATE TABLE sm_schedules (
  service_id TEXT NOT NULL REFERENCES sm_services (id),
  location_id TEXT,
  weekday TEXT NOT NULL,
  opens_at TEXT NOT NULL,                 -- HH:MM
  closes_at TEXT NOT NULL,
  walk_in INTEGER NOT NULL DEFAULT 0,     -- No appointment needed in these hours.
  on_holidays INTEGER NOT NULL DEFAULT 0, -- Also on public holidays (a shelter, a water point).
  valid_from TEXT,
  valid_to TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sm_schedules_service ON sm_schedules (service_id);
CREATE TABLE sm_service_areas (
  service_id TEXT NOT NULL REFERENCES sm_services (id),
  area_code TEXT NOT NULL,                -- A municipality's NIS code.
  PRIMARY KEY (service_id, area_code)
);
CREATE TABLE sm_service_languages (
  service_id TEXT NOT NULL REFERENCES sm_services (id),
  language TEXT NOT NULL,                 -- ISO 639-1, spoken at the desk.
  PRIMARY KEY (service_id, language)
);
CREATE TABLE sm_service_terms (
  service_id TEXT NOT NULL REFERENCES sm_services (id),
  taxonomy TEXT NOT NULL,                 -- 'theme' or 'target_group'
  term_id TEXT NOT NULL,
  PRIMARY KEY (service_id, taxonomy, term_id)
);
INSERT INTO change_counters (name, value) VALUES ('socialmap', 0);
