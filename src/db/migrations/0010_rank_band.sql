-- A rank target may name a band ("thuộc nhóm 25 - 30 tỉnh dẫn đầu"): value is
-- the best end, value_max the other. value_max stays required for a range and
-- is now allowed for `top`, and still forbidden for the other comparators.
DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT conname FROM pg_constraint
    WHERE conrelid = 'target'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) LIKE '%''range''%value_max IS NOT NULL%'
  LOOP
    EXECUTE format('ALTER TABLE target DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;

ALTER TABLE target ADD CONSTRAINT target_value_max_by_comparator CHECK (
  CASE comparator
    WHEN 'range' THEN value_max IS NOT NULL
    WHEN 'top' THEN true
    ELSE value_max IS NULL
  END
);
