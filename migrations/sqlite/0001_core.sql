-- Core schema: accounts, organisation, users, roles, grants, sessions, audit, events.
-- Times are UTC milliseconds since the Unix epoch (BIGINT) on both backends.

CREATE TABLE installation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    rights_version BIGINT NOT NULL DEFAULT 0,
    demo INTEGER NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id BIGINT REFERENCES accounts(id),
    name TEXT NOT NULL,
    external_id TEXT,
    active INTEGER NOT NULL DEFAULT TRUE,
    time_zone TEXT NOT NULL DEFAULT 'Europe/Warsaw',
    session_idle_minutes BIGINT NOT NULL DEFAULT 60,
    session_max_hours BIGINT NOT NULL DEFAULT 12,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_external_id ON accounts(parent_id, external_id);

CREATE TABLE units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    parent_id BIGINT REFERENCES units(id),
    name TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX units_account_parent ON units(account_id, parent_id);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    personal_number TEXT NOT NULL DEFAULT '',
    supervisor_id BIGINT REFERENCES persons(id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX persons_account_unit ON persons(account_id, unit_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL CHECK (kind IN ('internal', 'external', 'universal')),
    login TEXT NOT NULL,
    login_key TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL DEFAULT '',
    print_label TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT TRUE,
    blocked INTEGER NOT NULL DEFAULT FALSE,
    valid_from BIGINT,
    valid_to BIGINT,
    person_id BIGINT REFERENCES persons(id),
    default_unit_id BIGINT REFERENCES units(id),
    password_hash TEXT,
    password_changed_at BIGINT,
    must_change_password INTEGER NOT NULL DEFAULT FALSE,
    external_password_hash TEXT,
    pin_hash TEXT,
    card_hash TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    theme TEXT NOT NULL DEFAULT 'light',
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX users_account ON users(account_id);

CREATE TABLE roles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    builtin TEXT CHECK (builtin IN ('administrators', 'everyone')),
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    UNIQUE (account_id, name_key)
);
CREATE UNIQUE INDEX roles_builtin ON roles(account_id, builtin);

CREATE TABLE role_members (
    role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, user_id)
);
CREATE INDEX role_members_user ON role_members(user_id);

CREATE TABLE grants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    role_id BIGINT REFERENCES roles(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    right_key TEXT NOT NULL,
    unit_id BIGINT REFERENCES units(id) ON DELETE CASCADE,
    allow INTEGER NOT NULL,
    CHECK ((role_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX grants_role ON grants(role_id);
CREATE INDEX grants_user ON grants(user_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    home_account_id BIGINT NOT NULL REFERENCES accounts(id),
    current_account_id BIGINT NOT NULL REFERENCES accounts(id),
    effective_user_id BIGINT REFERENCES users(id),
    unit_id BIGINT REFERENCES units(id),
    client_addr TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    computer TEXT NOT NULL,
    service TEXT NOT NULL,
    session_name TEXT NOT NULL,
    db_version TEXT NOT NULL,
    program_version TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_activity_at BIGINT NOT NULL,
    closed_at BIGINT,
    ended_by_user_id BIGINT REFERENCES users(id),
    end_reason TEXT
);
CREATE INDEX sessions_account_open ON sessions(current_account_id, closed_at);
CREATE INDEX sessions_user_open ON sessions(user_id, closed_at);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    account_id BIGINT REFERENCES accounts(id),
    session_id BIGINT REFERENCES sessions(id),
    native_user_id BIGINT REFERENCES users(id),
    effective_user_id BIGINT REFERENCES users(id),
    action TEXT NOT NULL,
    object_kind TEXT,
    object_id BIGINT,
    before_json TEXT,
    after_json TEXT,
    detail TEXT NOT NULL DEFAULT '',
    client_addr TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_account_at ON audit(account_id, at);

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    account_id BIGINT,
    payload TEXT NOT NULL
);

CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL
);
