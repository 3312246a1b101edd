-- Consultations raise their own change counter, so that the monitoring pages can keep a
-- year's meetings in memory while nothing is written.
INSERT INTO change_counters (name, value) VALUES ('consultations', 0);
