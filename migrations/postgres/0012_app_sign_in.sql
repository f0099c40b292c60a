-- Sign-in for business applications (issue 17, docs/INTEGRATION.md "Sign-in for applications").
-- When each secret was last used, and the PIN's failures and lock (a 6-digit PIN is guessable).
ALTER TABLE users ADD COLUMN pin_failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN pin_locked_at BIGINT;
ALTER TABLE users ADD COLUMN pin_used_at BIGINT;
ALTER TABLE users ADD COLUMN card_used_at BIGINT;
ALTER TABLE users ADD COLUMN external_password_used_at BIGINT;
-- A card signs in alone, so it is found by its number: kept as its SHA-256, one user per card.
-- Cards stored before (salted, never read) cannot be found and are set again.
UPDATE users SET card_hash = NULL WHERE card_hash LIKE '$argon2%';
CREATE UNIQUE INDEX users_card ON users(card_hash) WHERE card_hash IS NOT NULL;
-- The application client that opened a session (NULL: the console).
ALTER TABLE sessions ADD COLUMN client_id BIGINT;
-- Single-use step tokens: continuing a sign-in ("close the other session") without the secret.
CREATE TABLE sign_in_steps (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    client_id BIGINT,
    unit_id BIGINT,
    expires_at BIGINT NOT NULL
);
