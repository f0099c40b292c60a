-- Hardening (issue 13). Devices a user has signed in from: the per-login throttle does not
-- hold them back (docs/BEHAVIOUR.md "Throttling sign-ins"); only the cookie's hash is kept.
CREATE TABLE known_devices (
    device_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    last_used_at BIGINT NOT NULL,
    PRIMARY KEY (device_hash, user_id)
);
CREATE INDEX known_devices_used ON known_devices(last_used_at);
CREATE INDEX sessions_user_addr ON sessions(user_id, client_addr);

-- The user whose rights vouched for a substitution when it was last saved (rule 6: the
-- substitute may not gain rights they do not hold); checked again when it is started.
ALTER TABLE substitutions ADD COLUMN vouched_by BIGINT REFERENCES users(id);

-- Sign-in attempts in flight under each throttle key (docs/BEHAVIOUR.md "Throttling
-- sign-ins"): a key admits no more than its free attempts left, so concurrent attempts cannot
-- slip past the count.
ALTER TABLE login_throttle ADD COLUMN pending BIGINT NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN pending_at BIGINT NOT NULL DEFAULT 0;
