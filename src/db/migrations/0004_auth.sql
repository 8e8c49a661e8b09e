-- Accounts: the unit a person belongs to (coordinators manage the people of
-- their subtree), how a session was opened, the state of OpenID Connect
-- sign-ins in flight, and an append-only audit table.

-- The unit a person works at. NULL for people who belong to no unit (admins).
ALTER TABLE app_user ADD COLUMN unit_id bigint REFERENCES unit (id);
ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz;
ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz;
CREATE INDEX app_user_unit_idx ON app_user (unit_id);

CREATE INDEX role_assignment_unit_idx ON role_assignment (unit_id);
CREATE INDEX api_token_unit_idx ON api_token (unit_id);
CREATE INDEX api_token_created_by_idx ON api_token (created_by);
CREATE INDEX one_time_token_user_idx ON one_time_token (user_id);

ALTER TABLE user_session ADD COLUMN auth_method text NOT NULL DEFAULT 'password'
  CHECK (auth_method IN ('password', 'oidc', 'set_password'));

-- An OpenID Connect sign-in between the redirect to the provider and its
-- callback: the state (hashed; the browser holds it in a cookie), the nonce
-- and the PKCE verifier. Kept in the database so any app process can finish it.
CREATE TABLE oidc_request (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL DEFAULT '/',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- The audit trail is append-only: rows cannot be changed or removed through
-- SQL by the application. (A database superuser can still disable the
-- trigger; the hash chain is what reveals such tampering.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE INDEX audit_event_action_idx ON audit_event (action);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);
