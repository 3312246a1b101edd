-- A municipality merged into another (1 January 2019 and 2025 in Flanders) names the area
-- it became, so that figures published under its code can be added up onto today's areas.
ALTER TABLE areas ADD COLUMN successor_code TEXT;
CREATE INDEX areas_successor ON areas (successor_code);
