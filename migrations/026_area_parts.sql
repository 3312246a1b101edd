-- Areas made of other areas, whatever their parents: a Brussels monitoring district made of
-- statistical sectors (it may straddle municipalities), a part of Brussels-City made of its
-- sectors. The atlas adds the parts' figures up to the whole (atlas/roll_up.hpp).
CREATE TABLE area_parts (
  area_code TEXT NOT NULL,
  part_code TEXT NOT NULL,
  approximate INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (area_code, part_code)
);
