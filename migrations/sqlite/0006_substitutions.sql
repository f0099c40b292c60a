-- Substitutions (seed 003): a substitute works as an absent user between two days of the
-- account's time zone; the session records which substitution it works in. Notifications are
-- the in-app notices of each user, copies for substitutes included; users get an e-mail address.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN substitute_expired INTEGER NOT NULL DEFAULT FALSE;

CREATE TABLE substitutions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    absent_user_id BIGINT NOT NULL REFERENCES users(id),
    substitute_user_id BIGINT NOT NULL REFERENCES users(id),
    -- The days as entered (YYYY-MM-DD) and the instants they cover in the account's zone.
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    active INTEGER NOT NULL DEFAULT TRUE,
    forward_email INTEGER NOT NULL DEFAULT TRUE,
    -- Set once the period's end (or a deactivation) has ended every session working in it.
    closed_at BIGINT,
    created_by BIGINT REFERENCES users(id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    CHECK (absent_user_id <> substitute_user_id),
    CHECK (ends_at > starts_at)
);
CREATE INDEX substitutions_account_end ON substitutions(account_id, ends_at);
CREATE INDEX substitutions_substitute ON substitutions(substitute_user_id, ends_at);
CREATE INDEX substitutions_absent ON substitutions(absent_user_id, ends_at);

ALTER TABLE sessions ADD COLUMN substitution_id BIGINT REFERENCES substitutions(id);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- For a copy sent to a substitute: the absent user the notice was meant for.
    for_user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    notice TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX sessions_substitution ON sessions(substitution_id);

-- The outbox of notification e-mails: written in the transaction of the notice, sent by a
-- worker with retries, so nothing is lost while the mail server is down.
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT REFERENCES accounts(id),
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, failed_at, next_attempt_at);
