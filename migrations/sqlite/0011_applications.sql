-- Business applications and their catalogues (issue 16, docs/INTEGRATION.md "Catalogue file"):
-- an application belongs to a main account (its sub-accounts use the same catalogue). The
-- catalogue is kept whole, as the checked JSON Klucznik normalised it; its rights are granted
-- in grants under keys "<application>/<right>".
CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    app_key TEXT NOT NULL,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    catalogue TEXT NOT NULL,
    applied_at BIGINT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 1,
    UNIQUE (account_id, app_key)
);
