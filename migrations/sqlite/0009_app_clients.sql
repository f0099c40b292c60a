-- Clients of business applications (issue 16, docs/INTEGRATION.md): the credentials an
-- application's server presents as a bearer token to ask the decision API (AuthZEN) about the
-- main account it belongs to and that account's sub-accounts. The secret is shown once; only
-- its SHA-256 is kept.
CREATE TABLE app_clients (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    application TEXT NOT NULL,
    name TEXT NOT NULL,
    client_id TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX app_clients_account ON app_clients(account_id);
