//! Role memberships in storage: who is in a role, a user's roles, and how many administrators
//! can sign in now. The rules of changing them are `roles/members.rs`.

use crate::error::AppError;
use crate::guard::Scope;
use crate::store::Tx;

/// Whether a user belongs to `account`.
pub async fn user_in_account(tx: &mut Tx, account: Scope, user: i64) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1 AND account_id = $2")
        .bind(user)
        .bind(account)
        .fetch_optional(tx.conn())
        .await?;
    Ok(found.is_some())
}

/// Whether a user is a member of a role (by membership, not Everyone's).
pub async fn is_member(tx: &mut Tx, role: i64, user: i64) -> Result<bool, AppError> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT user_id FROM role_members WHERE role_id = $1 AND user_id = $2")
            .bind(role)
            .bind(user)
            .fetch_optional(tx.conn())
            .await?;
    Ok(found.is_some())
}

/// Takes a user out of a role.
pub async fn remove(tx: &mut Tx, role: i64, user: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM role_members WHERE role_id = $1 AND user_id = $2")
        .bind(role)
        .bind(user)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// The roles of `account` a user is a member of.
pub async fn roles_of(tx: &mut Tx, account: Scope, user: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT m.role_id FROM role_members m JOIN roles r ON r.id = m.role_id WHERE m.user_id = $1 AND r.account_id = $2",
    )
    .bind(user)
    .bind(account)
    .fetch_all(tx.conn())
    .await?)
}

/// The members of the account's Administrators who may sign in to the console at `now`.
pub async fn active_administrators(tx: &mut Tx, account: Scope, now: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM role_members m
         JOIN roles r ON r.id = m.role_id JOIN users u ON u.id = m.user_id
         WHERE r.account_id = $1 AND r.builtin = 'administrators'
           AND u.kind <> 'external' AND u.active = TRUE AND u.blocked = FALSE
           AND (u.valid_from IS NULL OR u.valid_from <= $2) AND (u.valid_to IS NULL OR u.valid_to > $2)",
    )
    .bind(account)
    .bind(now)
    .fetch_one(tx.conn())
    .await?)
}

/// Puts a user into a role.
pub async fn add(tx: &mut Tx, role: i64, user: i64) -> Result<(), AppError> {
    sqlx::query("INSERT INTO role_members (role_id, user_id) VALUES ($1, $2)")
        .bind(role)
        .bind(user)
        .execute(tx.conn())
        .await?;
    Ok(())
}
