-- A counter per kind of data, raised by every write, so that caches in any server
-- process can tell in one read whether what they hold is still current.
CREATE TABLE change_counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('geo', 0);
