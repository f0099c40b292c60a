-- Sub-accounts (seed 004): names unique within the main account (case-insensitive key computed
-- by the application), deleted accounts kept for their history, and which main-account users
-- may enter which sub-account.
ALTER TABLE accounts ADD COLUMN name_key TEXT;
ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;
UPDATE accounts SET name_key = LOWER(name);
CREATE UNIQUE INDEX accounts_name ON accounts(parent_id, name_key);

CREATE TABLE account_access (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, account_id)
);
CREATE INDEX account_access_account ON account_access(account_id);
