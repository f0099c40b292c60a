-- The session list of seed 000: the reason given when a session was ended, and an index that
-- keeps the newest-first list of an account fast with many thousands of rows.
ALTER TABLE sessions ADD COLUMN end_note TEXT;
CREATE INDEX sessions_account_created ON sessions (current_account_id, created_at, id);
