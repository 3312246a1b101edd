-- Areas (regions, provinces, arrondissements, municipalities, statistical sectors,
-- neighbourhoods) with their validity, and zones as sets of member areas.
-- Dates are ISO text ('2025-01-01'); valid_to is the last valid day, NULL while valid.

CREATE TABLE areas (
  code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('region', 'province', 'arrondissement', 'municipality',
                                     'statistical_sector', 'neighbourhood')),
  name_nl TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  parent_code TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  population BIGINT,
  population_date TEXT,
  land_area_km2 DOUBLE PRECISION,
  approximate INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (code, valid_from)
);
CREATE INDEX areas_parent ON areas (parent_code);
CREATE INDEX areas_kind ON areas (kind);

-- One boundary per area code, as a GeoJSON MultiPolygon in WGS84.
CREATE TABLE area_geometries (
  code TEXT PRIMARY KEY,
  geojson TEXT NOT NULL,
  area_km2 DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE zones (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('eerstelijnszone', 'zorgzone')),
  name_nl TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  region_code TEXT,
  website TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  source TEXT NOT NULL DEFAULT ''
);

CREATE TABLE zone_members (
  zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
  area_code TEXT NOT NULL,
  approximate INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  PRIMARY KEY (zone_id, area_code, valid_from)
);
CREATE INDEX zone_members_area ON zone_members (area_code);
