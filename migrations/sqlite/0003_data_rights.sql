-- Grants get a target: account-wide rights, data rights on a unit, on the assigned person or on
-- the subordinates (seed 002 "Práva na osoby").
ALTER TABLE grants ADD COLUMN target TEXT NOT NULL DEFAULT 'account'
    CHECK (target IN ('account', 'unit', 'assigned', 'subordinates'));
CREATE UNIQUE INDEX grants_unique
    ON grants (COALESCE(role_id, 0), COALESCE(user_id, 0), right_key, target, COALESCE(unit_id, 0));
