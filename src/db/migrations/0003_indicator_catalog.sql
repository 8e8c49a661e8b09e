-- The indicator catalog in both languages and in a stable display order.
-- legal_basis / legal_basis_en hold one citation per line, in the same order,
-- so line n of one is the translation of line n of the other.
ALTER TABLE indicator ADD COLUMN unit_of_measure_en text;
ALTER TABLE indicator ADD COLUMN data_source_en text;
ALTER TABLE indicator ADD COLUMN legal_basis_en text;
ALTER TABLE indicator ADD COLUMN position integer NOT NULL DEFAULT 0;

CREATE INDEX indicator_pillar_position_idx ON indicator (pillar, position);
CREATE INDEX indicator_owner_idx ON indicator (owner_unit_id);
