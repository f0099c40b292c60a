//! What the rights editor reads of a holder besides its grants: a user's login, version and
//! whether they are an administrator; a user's roles, assigned person and subordinates; a
//! role's members.

use crate::error::AppError;
use crate::guard::Scope;
use crate::rights::Holder;
use crate::store::{Reader, Store, Tx};

/// A user of `account`: login, version, and in how many Administrators roles.
pub async fn user_head(tx: &mut Tx, id: i64, account: Scope) -> Result<Option<(String, i64, i64)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT login, version,
                (SELECT COUNT(*) FROM role_members m JOIN roles r ON r.id = m.role_id
                 WHERE m.user_id = u.id AND r.builtin = 'administrators') AS admins
         FROM users u WHERE u.id = $1 AND u.account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(tx.conn())
    .await?)
}

/// Whether `user` holds role `role` (everyone holds Everyone).
pub async fn holds_role(tx: &mut Tx, role: i64, user: i64) -> Result<bool, AppError> {
    let member: Option<i64> = sqlx::query_scalar(
        "SELECT r.id FROM roles r WHERE r.id = $1
           AND (r.builtin = 'everyone'
                OR EXISTS (SELECT 1 FROM role_members m WHERE m.role_id = r.id AND m.user_id = $2))",
    )
    .bind(role)
    .bind(user)
    .fetch_optional(tx.conn())
    .await?;
    Ok(member.is_some())
}

/// A user's roles in `account` (Everyone's too): id, name, built-in key; by name.
pub async fn roles_of(
    tx: &mut Tx,
    account: Scope,
    user: i64,
) -> Result<Vec<(i64, String, Option<String>)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.name, r.builtin FROM roles r WHERE r.account_id = $1
           AND (r.builtin = 'everyone' OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $2))
         ORDER BY r.name_key",
    )
    .bind(account)
    .bind(user)
    .fetch_all(tx.conn())
    .await?)
}

/// The person a user is linked to (the assigned person of data rights); `None` for none or no
/// such user.
pub async fn person_of<'a>(db: impl Into<Reader<'a>>, user: i64) -> Result<Option<i64>, sqlx::Error> {
    let mut conn = db.into().conn().await?;
    let found: Option<Option<i64>> = sqlx::query_scalar("SELECT person_id FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.flatten())
}

/// The persons whose supervisor is `person`.
pub async fn subordinates_of<'a>(db: impl Into<Reader<'a>>, person: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut conn = db.into().conn().await?;
    sqlx::query_scalar("SELECT id FROM persons WHERE supervisor_id = $1")
        .bind(person)
        .fetch_all(&mut *conn)
        .await
}

/// A new version of the holder's row (its grants changed).
pub async fn bump_version(tx: &mut Tx, holder: Holder) -> Result<(), AppError> {
    let (table, id) = match holder {
        Holder::Role(id) => ("roles", id),
        Holder::User(id) => ("users", id),
    };
    sqlx::query(&format!("UPDATE {table} SET version = version + 1 WHERE id = $1"))
        .bind(id)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// The members of a role.
pub async fn members_of(tx: &mut Tx, role: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT user_id FROM role_members WHERE role_id = $1")
        .bind(role)
        .fetch_all(tx.conn())
        .await?)
}

/// The home account of a user seen from `account`: `account` itself, or its main account for a
/// main-account user working in it; `None` for a user of another account.
pub async fn home_seen_from(store: &Store, user: i64, account: Scope) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT u.account_id FROM users u JOIN accounts a ON a.id = $2
         WHERE u.id = $1 AND (u.account_id = a.id OR u.account_id = a.parent_id)",
    )
    .bind(user)
    .bind(account)
    .fetch_optional(store.reader())
    .await?)
}

/// The unit of each of `persons` that exists (data rights on special persons are judged by it).
pub async fn units_of_persons(
    store: &Store,
    persons: impl IntoIterator<Item = i64>,
) -> Result<Vec<(i64, i64)>, AppError> {
    let mut found = Vec::new();
    for person in persons {
        let unit: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM persons WHERE id = $1")
            .bind(person)
            .fetch_optional(store.reader())
            .await?;
        if let Some(unit) = unit {
            found.push((person, unit));
        }
    }
    Ok(found)
}

/// The top unit of an account.
pub async fn top_unit(store: &Store, account: Scope) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM units WHERE account_id = $1 AND parent_id IS NULL")
        .bind(account)
        .fetch_optional(store.reader())
        .await?)
}
