-- E-mail copies of notifications are claimed in a short transaction and sent
-- outside it (an SMTP conversation must never hold a database connection: the
-- embedded database has only one). A claim older than the retry delay is taken
-- again (the sender died mid-way).
ALTER TABLE notification ADD COLUMN email_claimed_at timestamptz;
CREATE INDEX notification_unsent_email_idx ON notification (id)
  WHERE email_sent_at IS NULL AND email_error IS NULL;
