-- Reporting rounds, second step: roll-ups by kind of member unit, where a
-- figure came from, regimes with their deadline rule, round settings, the
-- in-app notifications of reminders, and the indexes the reporting screens
-- read by.

-- Roll-ups get a dimension: the kind of the reporting units summed.
-- 'all' sums every unit of the subtree (the unit itself included); 'commune',
-- 'department', 'agency', 'district', 'province' sum only units of that kind,
-- which is what a level target ("80% ... at commune level") reads.
ALTER TABLE rollup ADD COLUMN member_kind text NOT NULL DEFAULT 'all'
  CHECK (member_kind IN ('all', 'province', 'department', 'agency', 'district', 'commune'));
ALTER TABLE rollup DROP CONSTRAINT rollup_pkey;
-- one unit and period first: "the province for 2025" is a prefix of the key,
-- and writers lock rows in this order (see services/rollup.service.ts)
ALTER TABLE rollup ADD PRIMARY KEY (unit_id, period_id, indicator_id, view, member_kind);
-- Writers upsert deltas (INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n),
-- and PostgreSQL checks a CHECK constraint on the proposed row before it finds
-- the conflict: a figure leaving a view (a delta of −1) would be refused. The
-- count's soundness is proven instead by comparison with a rebuild
-- (`nhipso rollups check`, the roll-up property test).
ALTER TABLE rollup DROP CONSTRAINT rollup_reporting_units_check;
CREATE INDEX rollup_indicator_period_idx ON rollup (indicator_id, period_id, view, member_kind);
CREATE INDEX rollup_unit_indicator_idx ON rollup (unit_id, indicator_id, view, member_kind);

-- Where each revision came from: the web form, an Excel upload, the API, a
-- DHIS2 exchange, or a workflow step (submit, approve, return, reopen).
ALTER TABLE data_value_revision ADD COLUMN source text NOT NULL DEFAULT 'form'
  CHECK (source IN ('form', 'excel', 'api', 'dhis2', 'workflow', 'demo'));
CREATE INDEX data_value_unit_period_idx ON data_value (unit_id, period_id);
CREATE INDEX data_value_submission_idx ON data_value (submission_id);

-- A regime's deadline as its rule (domain/period/regime.ts DeadlineRule), not
-- only a day and a month: "before 1 December" and "the 20th of the month after".
ALTER TABLE reporting_regime ADD COLUMN deadline jsonb;

ALTER TABLE reporting_round ADD COLUMN description text;
-- the deadline is "before" the due date (Nam Định: "trước ngày 01/12")
ALTER TABLE reporting_round ADD COLUMN due_before boolean NOT NULL DEFAULT false;
-- days before the last day on time on which reporters get a reminder
ALTER TABLE reporting_round ADD COLUMN reminder_days integer[] NOT NULL DEFAULT '{7,3,1}';
ALTER TABLE reporting_round ADD COLUMN opened_at timestamptz;
ALTER TABLE reporting_round ADD COLUMN closed_at timestamptz;
CREATE INDEX reporting_round_province_idx ON reporting_round (province_id, period_id);

CREATE INDEX round_unit_unit_idx ON round_unit (unit_id);
CREATE INDEX submission_unit_idx ON submission (unit_id);
CREATE INDEX submission_round_state_idx ON submission (round_id, state);
CREATE INDEX task_update_unit_period_idx ON task_update (unit_id, period_id);
CREATE INDEX evidence_file_value_idx ON evidence_file (data_value_id);
CREATE INDEX evidence_file_task_update_idx ON evidence_file (task_update_id);

-- Messages for people in the app (reminders before a deadline, a report
-- returned or approved), and whether the e-mail copy went out.
CREATE TABLE notification (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  unit_id bigint REFERENCES unit (id),
  round_id bigint REFERENCES reporting_round (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('reminder', 'overdue', 'returned', 'approved', 'reopened', 'round_opened')),
  -- an i18n key and its parameters, so each reader sees their own language
  message_key text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  link text,
  -- one reminder per round, unit, person and reminder day, however often the job runs
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  email_sent_at timestamptz,
  email_error text
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at);
