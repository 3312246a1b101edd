-- The agenda raises its own change counter, so that pages and feeds can keep a window's
-- expanded activities in memory while nothing is written.
INSERT INTO change_counters (name, value) VALUES ('agenda', 0);
