-- Real province boundaries, imported from a GeoJSON file by an administrator,
-- drawn on the maps instead of the tiles when every province of a layout has
-- one. One row per province unit (the 63 before 1 July 2025 and the 34 after
-- are different units, so both sets can be kept). The geometry is GeoJSON
-- (Polygon or MultiPolygon, WGS 84 longitude/latitude), simplified for a
-- national map at import.
CREATE TABLE unit_boundary (
  unit_id bigint PRIMARY KEY REFERENCES unit (id) ON DELETE CASCADE,
  geometry jsonb NOT NULL CHECK (geometry ->> 'type' IN ('Polygon', 'MultiPolygon')),
  source_file text NOT NULL CHECK (length(source_file) BETWEEN 1 AND 255),
  source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
  points integer NOT NULL CHECK (points >= 4),
  imported_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
