-- Rights versions per account (issue 16, docs/ARCHITECTURE.md "Rights snapshots"): a change of
-- grants, memberships, units or persons makes only the snapshots that depend on that account
-- (its users', and those of sessions working in it) be rebuilt, not every session's of the
-- installation. installation.rights_version is no longer read.
ALTER TABLE accounts ADD COLUMN rights_version BIGINT NOT NULL DEFAULT 1;
