-- Users, roles, units and persons in full (seeds 001 and 002): password policy of the account
-- and per user, the units of a role, the shared password of universal users.

ALTER TABLE accounts ADD COLUMN pw_min_length BIGINT NOT NULL DEFAULT 12;
ALTER TABLE accounts ADD COLUMN pw_strong BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN pw_max_age_days BIGINT;

ALTER TABLE users ADD COLUMN pw_own_policy BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN pw_strong BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN pw_max_age_days BIGINT;
ALTER TABLE users ADD COLUMN shared_password BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX users_person ON users(person_id);

CREATE TABLE role_units (
    role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, unit_id)
);
CREATE INDEX role_units_unit ON role_units(unit_id);

CREATE INDEX persons_supervisor ON persons(supervisor_id);

-- Case- and accent-aware search keys (lower-cased, NFKC), computed by the application:
-- SQLite's LOWER() only folds ASCII.
ALTER TABLE users ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
CREATE INDEX persons_number ON persons(account_id, personal_number);
