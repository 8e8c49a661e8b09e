-- Where each province stands: how targets are judged (a method per province,
-- an override and a stated baseline per target), what a province has
-- published (its judgements frozen with their explanations), and the index
-- methods with the manual, evidence-backed items and the reviewers'
-- adjustments they are scored with.

-- The status method a province uses unless a target says otherwise.
CREATE TABLE status_setting (
  province_id bigint PRIMARY KEY REFERENCES unit (id),
  method text NOT NULL DEFAULT 'linear' CHECK (method IN ('linear', 'cagr', 'escap')),
  -- overrides of the methods' parameters (domain/status StatusParameterOverrides)
  parameters jsonb NOT NULL DEFAULT '{}',
  updated_by bigint REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per target: another method than the province's, and the baseline the
-- document states (otherwise the first reported period is the baseline).
CREATE TABLE target_status_setting (
  target_id bigint PRIMARY KEY REFERENCES target (id) ON DELETE CASCADE,
  method text CHECK (method IN ('linear', 'cagr', 'escap')),
  baseline_value numeric,
  baseline_year integer CHECK (baseline_year BETWEEN 2000 AND 2100),
  note text,
  updated_by bigint REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((baseline_value IS NULL) = (baseline_year IS NULL))
);

-- A publication: the coordinator makes a province's results for a year
-- public. The judgements are stored as they were at that moment, each with
-- its inputs, formula, parameters and steps, so what was published can be
-- read later exactly as published; the approved figures of that province
-- and year become public with it.
CREATE TABLE publication (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_id bigint NOT NULL REFERENCES unit (id),
  period_id text NOT NULL REFERENCES period (id),
  published_at timestamptz NOT NULL,
  published_by bigint REFERENCES app_user (id),
  note text,
  is_demo boolean NOT NULL DEFAULT false,
  -- counts by status and year, index and rank, for lists without the details
  summary jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX publication_province_idx ON publication (province_id, period_id, published_at);

CREATE TABLE publication_target (
  publication_id bigint NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
  target_id bigint NOT NULL REFERENCES target (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('met', 'on_track', 'at_risk', 'off_track', 'no_data')),
  method text NOT NULL CHECK (method IN ('linear', 'cagr', 'escap')),
  -- the whole judgement: readings, baseline, series, StatusResult with steps
  result jsonb NOT NULL,
  PRIMARY KEY (publication_id, target_id)
);

-- Index methods as rows: the shipped ones (owner NULL) and a province's own
-- versions of its unit method. One row per version; `definition` is the
-- method validated by contracts/index-method.ts.
CREATE TABLE index_method (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
  version text NOT NULL CHECK (length(btrim(version)) > 0),
  owner_unit_id bigint REFERENCES unit (id),
  valid_from integer NOT NULL CHECK (valid_from BETWEEN 2000 AND 2100),
  valid_to integer CHECK (valid_to IS NULL OR valid_to >= valid_from),
  definition jsonb NOT NULL,
  is_builtin boolean NOT NULL DEFAULT false,
  -- a hash of the shipped definition, so a changed shipped method is updated at start
  builtin_hash text,
  note text,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- NULLs are distinct in a plain UNIQUE (PostgreSQL 15): key the shipped rows on 0
CREATE UNIQUE INDEX index_method_version_uq ON index_method (code, version, (coalesce(owner_unit_id, 0)));
CREATE INDEX index_method_owner_idx ON index_method (owner_unit_id, code);

-- the index scores a publication froze
CREATE TABLE publication_index_score (
  publication_id bigint NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
  method_id bigint NOT NULL REFERENCES index_method (id),
  unit_id bigint NOT NULL REFERENCES unit (id),
  total numeric NOT NULL,
  max_total numeric NOT NULL,
  normalized numeric NOT NULL,
  rank integer,
  peers integer NOT NULL,
  -- UnitIndexScore with every sub-indicator's explanation
  result jsonb NOT NULL,
  PRIMARY KEY (publication_id, method_id, unit_id)
);

-- A value entered for a manual sub-indicator of a unit for a year, by method
-- code (versions of one method share their sub-indicator codes).
CREATE TABLE index_input (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  method_code text NOT NULL,
  unit_id bigint NOT NULL REFERENCES unit (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  sub_indicator text NOT NULL,
  value_number numeric,
  value_boolean boolean,
  note text,
  entered_by bigint REFERENCES app_user (id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((value_number IS NULL) <> (value_boolean IS NULL)),
  UNIQUE (method_code, unit_id, year, sub_indicator)
);
CREATE INDEX index_input_unit_idx ON index_input (unit_id, year);

-- The evidence of a manual item: a link or a file (checked by its content).
CREATE TABLE index_evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  input_id bigint NOT NULL REFERENCES index_input (id) ON DELETE CASCADE,
  url text,
  file_name text,
  media_type text,
  size_bytes integer CHECK (size_bytes IS NULL OR size_bytes >= 0),
  sha256 text,
  content bytea,
  uploaded_by bigint REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((url IS NULL) <> (content IS NULL)),
  CHECK (content IS NULL OR (file_name IS NOT NULL AND media_type IS NOT NULL AND sha256 IS NOT NULL))
);
CREATE INDEX index_evidence_input_idx ON index_evidence (input_id);

-- A reviewer's override of a sub-indicator's points, with the reason.
CREATE TABLE index_adjustment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  method_code text NOT NULL,
  unit_id bigint NOT NULL REFERENCES unit (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  sub_indicator text NOT NULL,
  points numeric NOT NULL CHECK (points >= 0),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  adjusted_by bigint REFERENCES app_user (id),
  adjusted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (method_code, unit_id, year, sub_indicator)
);
CREATE INDEX index_adjustment_unit_idx ON index_adjustment (unit_id, year);

-- the published judgements of a target (its history of publications)
CREATE INDEX publication_target_target_idx ON publication_target (target_id);
