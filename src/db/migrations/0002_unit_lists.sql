-- Units, second step: the links of an imported lineage list ("which old unit
-- went into which new one"), kept by code like the entries of unit lists so
-- that they can be resolved again whenever a unit list arrives later.

CREATE TABLE unit_list_link (
  list_id bigint NOT NULL REFERENCES unit_list (id) ON DELETE CASCADE,
  row_number integer NOT NULL CHECK (row_number > 0),
  from_kind text NOT NULL CHECK (from_kind IN ('province', 'district', 'commune')),
  from_code text NOT NULL,
  from_name text NOT NULL,
  to_kind text NOT NULL CHECK (to_kind IN ('province', 'district', 'commune')),
  to_code text NOT NULL,
  to_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('full', 'partial', 'rename')),
  PRIMARY KEY (list_id, from_kind, from_code, to_kind, to_code)
);

-- units are looked up by official code (`/provinces/40`, lineage resolution)
CREATE INDEX unit_code_idx ON unit (code);
CREATE INDEX unit_lineage_from_idx ON unit_lineage (from_unit_id);
