-- Nhịp Số domain model: units and lineage, indicators, program documents with
-- targets and tasks, periods and reporting rounds, submissions and data values
-- with revisions, roll-ups, people and scoped roles, the audit chain.
-- Plain SQL that PostgreSQL 15 and PGlite both accept.

-- Units: one row per unit per validity interval [valid_from, valid_to).
-- NULL valid_from = since before our records; NULL valid_to = still valid.
CREATE TABLE unit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  code_system text NOT NULL DEFAULT 'internal' CHECK (code_system IN ('dvhc', 'internal')),
  kind text NOT NULL CHECK (kind IN ('nation', 'province', 'department', 'district', 'commune', 'agency')),
  subkind text,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  name_en text,
  short_name text,
  parent_id bigint REFERENCES unit (id),
  valid_from date,
  valid_to date,
  search_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK ((kind = 'nation') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX unit_code_interval_uq ON unit (code_system, kind, code, (coalesce(valid_from, DATE '0001-01-01')));
CREATE INDEX unit_parent_idx ON unit (parent_id);
CREATE INDEX unit_kind_idx ON unit (kind);

CREATE TABLE unit_lineage (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_unit_id bigint NOT NULL REFERENCES unit (id),
  to_unit_id bigint NOT NULL REFERENCES unit (id),
  effective_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('full', 'partial', 'rename')),
  share numeric CHECK (share IS NULL OR (share > 0 AND share <= 1)),
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_unit_id <> to_unit_id),
  UNIQUE (from_unit_id, to_unit_id, effective_on)
);
CREATE INDEX unit_lineage_to_idx ON unit_lineage (to_unit_id);

-- Official unit lists as imported (a dated snapshot each), kept so that the
-- unit intervals can be recomputed and re-imports recognised.
CREATE TABLE unit_list (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  layout text NOT NULL CHECK (layout IN ('dvhc3', 'dvhc2', 'builtin-provinces', 'lineage')),
  effective_on date,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  row_count integer NOT NULL CHECK (row_count >= 0),
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by bigint,
  UNIQUE (layout, sha256, effective_on)
);

CREATE TABLE unit_list_entry (
  list_id bigint NOT NULL REFERENCES unit_list (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('province', 'district', 'commune')),
  code text NOT NULL,
  name text NOT NULL,
  subkind text,
  parent_code text,
  PRIMARY KEY (list_id, kind, code)
);

-- Indicators: what is measured, defined once.
CREATE TABLE indicator (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]*$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  pillar text NOT NULL CHECK (pillar IN ('government', 'economy', 'society', 'foundation')),
  kind text NOT NULL CHECK (kind IN ('ratio', 'count', 'amount', 'rank', 'boolean')),
  unit_of_measure text NOT NULL,
  aggregation text NOT NULL CHECK (aggregation IN ('ratio', 'sum', 'mean', 'min', 'max', 'none')),
  direction text NOT NULL CHECK (direction IN ('higher_better', 'lower_better')),
  numerator_vi text,
  numerator_en text,
  denominator_vi text,
  denominator_en text,
  definition_vi text,
  definition_en text,
  legal_basis text,
  data_source text,
  unit_kinds text[] NOT NULL DEFAULT '{}',
  keywords text[] NOT NULL DEFAULT '{}',
  owner_unit_id bigint REFERENCES unit (id),
  search_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'ratio') = (aggregation = 'ratio')),
  CHECK (kind <> 'ratio' OR (numerator_vi IS NOT NULL AND denominator_vi IS NOT NULL))
);

-- Program documents: resolutions, plans, outlines, templates, national decisions.
CREATE TABLE program_document (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('resolution', 'plan', 'outline', 'template', 'decision', 'other')),
  number text,
  issuer text,
  issued_on date,
  province_id bigint REFERENCES unit (id),
  title text NOT NULL,
  body text NOT NULL,
  source_file_name text,
  source_format text NOT NULL CHECK (source_format IN ('txt', 'md', 'docx', 'pdf')),
  sha256 text NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  supersedes_id bigint REFERENCES program_document (id),
  horizon_years integer[] NOT NULL DEFAULT '{}',
  is_seed boolean NOT NULL DEFAULT false,
  read_at timestamptz,
  reader_version text,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX program_document_sha_uq ON program_document (sha256);
CREATE INDEX program_document_province_idx ON program_document (province_id);

CREATE TABLE document_link (
  from_document_id bigint NOT NULL REFERENCES program_document (id) ON DELETE CASCADE,
  to_document_id bigint REFERENCES program_document (id) ON DELETE CASCADE,
  -- the linked document may not be stored (e.g. Decision 749/QĐ-TTg): keep its reference
  to_reference text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('implements', 'follows_template', 'explains', 'revises')),
  PRIMARY KEY (from_document_id, relation, to_reference),
  CHECK (to_document_id IS NULL OR to_document_id <> from_document_id)
);

CREATE TABLE document_section (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES program_document (id) ON DELETE CASCADE,
  parent_id bigint REFERENCES document_section (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  depth integer NOT NULL CHECK (depth >= 0),
  label text NOT NULL,
  path text NOT NULL,
  heading text NOT NULL,
  span_start integer NOT NULL CHECK (span_start >= 0),
  span_end integer NOT NULL,
  CHECK (span_end >= span_start),
  UNIQUE (document_id, ordinal)
);

CREATE TABLE target (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES program_document (id) ON DELETE CASCADE,
  section_id bigint REFERENCES document_section (id) ON DELETE SET NULL,
  indicator_id bigint REFERENCES indicator (id),
  indicator_confidence numeric CHECK (indicator_confidence IS NULL OR (indicator_confidence >= 0 AND indicator_confidence <= 1)),
  year integer CHECK (year IS NULL OR (year BETWEEN 2000 AND 2100)),
  level text CHECK (level IN ('province', 'district', 'commune')),
  scope_unit_id bigint REFERENCES unit (id),
  comparator text NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=', 'range', 'top')),
  value numeric NOT NULL,
  value_max numeric,
  unit text NOT NULL CHECK (unit IN ('percent', 'count', 'rank', 'amount', 'other')),
  unit_label text,
  quote text NOT NULL,
  span_start integer NOT NULL CHECK (span_start >= 0),
  span_end integer NOT NULL,
  origin text NOT NULL DEFAULT 'reader' CHECK (origin IN ('reader', 'manual')),
  review_state text NOT NULL DEFAULT 'proposed' CHECK (review_state IN ('proposed', 'confirmed', 'rejected')),
  reviewed_by bigint,
  reviewed_at timestamptz,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (span_end > span_start),
  CHECK ((comparator = 'range') = (value_max IS NOT NULL)),
  CHECK (value_max IS NULL OR value_max >= value),
  CHECK (comparator <> 'top' OR unit = 'rank')
);
CREATE INDEX target_document_idx ON target (document_id);
CREATE INDEX target_indicator_idx ON target (indicator_id);

CREATE TABLE task (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES program_document (id) ON DELETE CASCADE,
  parent_id bigint REFERENCES task (id) ON DELETE CASCADE,
  section_id bigint REFERENCES document_section (id) ON DELETE SET NULL,
  section_label text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  span_start integer NOT NULL CHECK (span_start >= 0),
  span_end integer NOT NULL,
  deadline date,
  deadline_text text,
  tags text[] NOT NULL DEFAULT '{}',
  origin text NOT NULL DEFAULT 'reader' CHECK (origin IN ('reader', 'manual')),
  review_state text NOT NULL DEFAULT 'proposed' CHECK (review_state IN ('proposed', 'confirmed', 'rejected')),
  reviewed_by bigint,
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (span_end > span_start)
);
CREATE INDEX task_document_idx ON task (document_id);

CREATE TABLE task_unit (
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_id bigint NOT NULL REFERENCES unit (id),
  role text NOT NULL CHECK (role IN ('lead', 'cooperating')),
  mention text,
  PRIMARY KEY (task_id, unit_id, role)
);
CREATE INDEX task_unit_unit_idx ON task_unit (unit_id);

-- Periods and reporting regimes. A period id is `2025`, `2025Q3` or `2025-09`.
CREATE TABLE period (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  kind text NOT NULL CHECK (kind IN ('year', 'quarter', 'month')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (ends_on >= starts_on)
);

CREATE TABLE reporting_regime (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  period_kind text NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month')),
  -- cut-off window: a period's figures run from `cutoff_day` of the month
  -- before the period starts to the day before `cutoff_day` of its last month
  -- (Decree 09/2019: 15 -> 15 Dec..14 Dec for a year); see domain/period/
  cutoff_day integer NOT NULL CHECK (cutoff_day BETWEEN 1 AND 28),
  deadline_month integer CHECK (deadline_month BETWEEN 1 AND 12),
  deadline_day integer CHECK (deadline_day BETWEEN 1 AND 31),
  legal_basis text
);

CREATE TABLE reporting_round (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_id bigint NOT NULL REFERENCES unit (id),
  name text NOT NULL,
  period_id text NOT NULL REFERENCES period (id),
  regime_id bigint REFERENCES reporting_regime (id),
  window_start date NOT NULL,
  window_end date NOT NULL,
  due_on date NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
  is_demo boolean NOT NULL DEFAULT false,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (window_end >= window_start)
);

CREATE TABLE round_unit (
  round_id bigint NOT NULL REFERENCES reporting_round (id) ON DELETE CASCADE,
  unit_id bigint NOT NULL REFERENCES unit (id),
  PRIMARY KEY (round_id, unit_id)
);

CREATE TABLE round_indicator (
  round_id bigint NOT NULL REFERENCES reporting_round (id) ON DELETE CASCADE,
  indicator_id bigint NOT NULL REFERENCES indicator (id),
  unit_kind text NOT NULL CHECK (unit_kind IN ('province', 'department', 'district', 'commune', 'agency')),
  required boolean NOT NULL DEFAULT true,
  PRIMARY KEY (round_id, indicator_id, unit_kind)
);

CREATE TABLE round_task (
  round_id bigint NOT NULL REFERENCES reporting_round (id) ON DELETE CASCADE,
  task_id bigint NOT NULL REFERENCES task (id),
  PRIMARY KEY (round_id, task_id)
);

CREATE TABLE submission (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  round_id bigint NOT NULL REFERENCES reporting_round (id) ON DELETE CASCADE,
  unit_id bigint NOT NULL REFERENCES unit (id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  submitted_at timestamptz,
  submitted_by bigint,
  decided_at timestamptz,
  decided_by bigint,
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, unit_id)
);

CREATE TABLE submission_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
  from_state text,
  to_state text NOT NULL CHECK (to_state IN ('draft', 'submitted', 'returned', 'approved')),
  actor_id bigint,
  comment text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_event_submission_idx ON submission_event (submission_id);

CREATE TABLE data_value (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES unit (id),
  indicator_id bigint NOT NULL REFERENCES indicator (id),
  period_id text NOT NULL REFERENCES period (id),
  numerator numeric,
  denominator numeric,
  value numeric,
  comment text,
  submission_id bigint REFERENCES submission (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved')),
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  is_demo boolean NOT NULL DEFAULT false,
  updated_by bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, indicator_id, period_id),
  CHECK (denominator IS NULL OR denominator >= 0),
  CHECK (numerator IS NULL OR numerator >= 0),
  CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator)
);
CREATE INDEX data_value_indicator_period_idx ON data_value (indicator_id, period_id);

CREATE TABLE data_value_revision (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  data_value_id bigint NOT NULL REFERENCES data_value (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  numerator numeric,
  denominator numeric,
  value numeric,
  comment text,
  status text NOT NULL,
  reason text,
  changed_by bigint,
  changed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (data_value_id, revision)
);

CREATE TABLE task_update (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id),
  unit_id bigint NOT NULL REFERENCES unit (id),
  period_id text NOT NULL REFERENCES period (id),
  submission_id bigint REFERENCES submission (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  percent numeric CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
  note text,
  revision integer NOT NULL DEFAULT 1,
  updated_by bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, unit_id, period_id)
);

-- Maintained roll-ups: for every ancestor unit, the sums over its subtree,
-- kept current in the same transaction as the write that changes them.
CREATE TABLE rollup (
  unit_id bigint NOT NULL REFERENCES unit (id),
  indicator_id bigint NOT NULL REFERENCES indicator (id),
  period_id text NOT NULL REFERENCES period (id),
  view text NOT NULL CHECK (view IN ('approved', 'submitted')),
  numerator_sum numeric NOT NULL DEFAULT 0,
  denominator_sum numeric NOT NULL DEFAULT 0,
  value_sum numeric NOT NULL DEFAULT 0,
  reporting_units integer NOT NULL DEFAULT 0 CHECK (reporting_units >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (view, indicator_id, period_id, unit_id)
);

CREATE TABLE evidence_file (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256 text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  content bytea NOT NULL,
  data_value_id bigint REFERENCES data_value (id) ON DELETE CASCADE,
  task_update_id bigint REFERENCES task_update (id) ON DELETE CASCADE,
  uploaded_by bigint,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- People, roles scoped to a unit subtree, sessions and machine tokens.
CREATE TABLE app_user (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  display_name text NOT NULL,
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (email),
  UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE role_assignment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'approver', 'reporter', 'viewer')),
  unit_id bigint NOT NULL REFERENCES unit (id),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, unit_id)
);

CREATE TABLE user_session (
  id text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE one_time_token (
  token_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('bootstrap', 'set_password')),
  user_id bigint REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK ((purpose = 'bootstrap') = (user_id IS NULL))
);

CREATE TABLE api_token (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'approver', 'reporter', 'viewer')),
  unit_id bigint NOT NULL REFERENCES unit (id),
  created_by bigint NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE sign_in_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempt_email_idx ON sign_in_attempt (email, at);
CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip, at);

-- Append-only audit trail, each entry chained to the previous one by hash.
CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_user_id bigint,
  actor_label text NOT NULL,
  actor_ip text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  unit_id bigint,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id);
CREATE INDEX audit_event_unit_idx ON audit_event (unit_id);

-- The chain head: one row, locked by every append so entries are serialised.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE app_setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
