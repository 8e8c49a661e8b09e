-- A published judgement is frozen: the target it judged can no longer be
-- deleted out from under it (it was ON DELETE CASCADE, which would have
-- silently erased part of an announced result).
ALTER TABLE publication_target DROP CONSTRAINT publication_target_target_id_fkey;
ALTER TABLE publication_target
  ADD CONSTRAINT publication_target_target_id_fkey FOREIGN KEY (target_id) REFERENCES target (id) ON DELETE RESTRICT;
