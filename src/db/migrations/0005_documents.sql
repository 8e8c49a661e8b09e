-- Program documents, second step: unit mentions of a task that could not be
-- resolved to a unit of the province are kept as written, and an item carried
-- over from an earlier version of its document remembers where it came from.

ALTER TABLE task ADD COLUMN unresolved_leads text[] NOT NULL DEFAULT '{}';
ALTER TABLE task ADD COLUMN unresolved_cooperating text[] NOT NULL DEFAULT '{}';
ALTER TABLE task ADD COLUMN carried_from_id bigint REFERENCES task (id) ON DELETE SET NULL;
ALTER TABLE target ADD COLUMN carried_from_id bigint REFERENCES target (id) ON DELETE SET NULL;

-- documents are looked up by their number (`nhipso document compare 09-NQ/TU …`)
CREATE INDEX program_document_number_idx ON program_document (number);
CREATE INDEX program_document_supersedes_idx ON program_document (supersedes_id);
CREATE INDEX document_link_to_idx ON document_link (to_document_id);
CREATE INDEX task_parent_idx ON task (parent_id);
CREATE INDEX target_review_idx ON target (document_id, review_state);
