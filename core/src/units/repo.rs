//! Units in storage, always within one account.

use super::{subtree, Unit, UnitInput, UnitT};
use crate::error::{AppError, Message};
use crate::guard::Scope;
use crate::store::{Reader, Tx};

/// A unit as stored; `persons` counts the persons placed directly in it.
#[derive(sqlx::FromRow)]
struct UnitRecord {
    id: i64,
    parent_id: Option<i64>,
    name: String,
    version: i64,
    persons: i64,
}

impl From<UnitRecord> for Unit {
    fn from(r: UnitRecord) -> Unit {
        Unit { id: r.id, parent_id: r.parent_id, name: r.name, version: r.version, persons: r.persons }
    }
}

pub fn list<'a>(
    db: impl Into<Reader<'a>>,
    account: Scope,
) -> impl std::future::Future<Output = Result<Vec<Unit>, AppError>> + Send + 'a {
    let db = db.into();
    async move {
        let mut conn = db.conn().await?;
        let rows: Vec<UnitRecord> = sqlx::query_as(
            "SELECT u.id, u.parent_id, u.name, u.version,
                (SELECT COUNT(*) FROM persons p WHERE p.unit_id = u.id) AS persons
         FROM units u WHERE u.account_id = $1 ORDER BY u.id",
        )
        .bind(account)
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows.into_iter().map(Unit::from).collect())
    }
}

/// The unit if it belongs to the account; another account's unit is "not found".
pub async fn get(tx: &mut Tx, account: Scope, id: i64) -> Result<Unit, AppError> {
    let row: UnitRecord = sqlx::query_as(
        "SELECT id, parent_id, name, version, 0 AS persons FROM units WHERE id = $1 AND account_id = $2",
    )
    .bind(id)
    .bind(account)
    .fetch_optional(tx.conn())
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(row.into())
}

/// Whether every id is a unit of the account.
pub async fn all_in_account(tx: &mut Tx, account: Scope, ids: &[i64]) -> Result<bool, AppError> {
    for id in ids {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM units WHERE id = $1 AND account_id = $2")
            .bind(id)
            .bind(account)
            .fetch_optional(tx.conn())
            .await?;
        if found.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

pub async fn create(tx: &mut Tx, account: Scope, input: &UnitInput) -> Result<i64, AppError> {
    let parent = input.parent_id.ok_or(AppError::NotFound)?;
    get(tx, account, parent).await.map_err(|_| unknown_parent())?;
    let now = tx.now();
    Ok(sqlx::query_scalar(
        "INSERT INTO units (account_id, parent_id, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(account)
    .bind(parent)
    .bind(input.name.trim())
    .bind(now)
    .fetch_one(tx.conn())
    .await?)
}

fn unknown_parent() -> AppError {
    AppError::invalid("parent_id", UnitT::Parent, Message::new(crate::i18n::CommonT::FieldUnknown))
}

/// Renames or moves a unit; returns it as it was before.
pub async fn update(tx: &mut Tx, account: Scope, id: i64, input: &UnitInput) -> Result<Unit, AppError> {
    let before = get(tx, account, id).await?;
    crate::store::expect_version(before.version, input.version)?;
    if before.parent_id.is_none() && input.parent_id.is_some() {
        return Err(AppError::refused(UnitT::RootIsFixed));
    }
    if before.parent_id.is_some() && input.parent_id.is_none() {
        // The account has one top unit (issue 13: a second one could not be undone).
        return Err(AppError::invalid(
            "parent_id",
            UnitT::Parent,
            Message::new(crate::i18n::CommonT::FieldRequired),
        ));
    }
    let parent = if before.parent_id.is_none() { None } else { input.parent_id };
    if let Some(parent) = parent {
        let units = list(&mut *tx, account).await?;
        if !units.iter().any(|u| u.id == parent) {
            return Err(unknown_parent());
        }
        if subtree(&units, id).contains(&parent) {
            return Err(AppError::invalid("parent_id", UnitT::Parent, Message::new(UnitT::MoveIntoItself)));
        }
    }
    let changed = sqlx::query(
        "UPDATE units SET name = $1, parent_id = $2, version = version + 1
         WHERE id = $3 AND account_id = $4 AND version = $5",
    )
    .bind(input.name.trim())
    .bind(parent)
    .bind(id)
    .bind(account)
    .bind(input.version)
    .execute(tx.conn())
    .await?
    .rows_affected();
    crate::store::expect_changed(changed)?;
    Ok(before)
}

/// Deletes a unit that has no units under it, no persons and is nobody's default unit.
pub async fn delete(tx: &mut Tx, account: Scope, id: i64, version: i64) -> Result<Unit, AppError> {
    let unit = get(tx, account, id).await?;
    crate::store::expect_version(unit.version, version)?;
    let refuse = |key: UnitT| Err(AppError::Refused(Message::new(key).arg("name", &unit.name)));
    if unit.parent_id.is_none() {
        return Err(AppError::refused(UnitT::RootIsFixed));
    }
    let children: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM units WHERE parent_id = $1")
        .bind(id)
        .fetch_one(tx.conn())
        .await?;
    if children > 0 {
        return refuse(UnitT::HasChildren);
    }
    let persons: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM persons WHERE unit_id = $1")
        .bind(id)
        .fetch_one(tx.conn())
        .await?;
    if persons > 0 {
        return refuse(UnitT::HasPersons);
    }
    let user: Option<String> =
        sqlx::query_scalar("SELECT login FROM users WHERE default_unit_id = $1 ORDER BY login LIMIT 1")
            .bind(id)
            .fetch_optional(tx.conn())
            .await?;
    if let Some(login) = user {
        return Err(AppError::Refused(
            Message::new(UnitT::IsDefaultUnit).arg("name", &unit.name).arg("login", login),
        ));
    }
    sqlx::query("UPDATE sessions SET unit_id = NULL WHERE unit_id = $1").bind(id).execute(tx.conn()).await?;
    sqlx::query("DELETE FROM units WHERE id = $1 AND account_id = $2")
        .bind(id)
        .bind(account)
        .execute(tx.conn())
        .await?;
    Ok(unit)
}

/// Inserts an account's top unit (named as the account); answers its id.
pub async fn insert_root(tx: &mut Tx, account: Scope, name: &str) -> Result<i64, AppError> {
    let now = tx.now();
    Ok(sqlx::query_scalar(
        "INSERT INTO units (account_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(account)
    .bind(name)
    .bind(now)
    .fetch_one(tx.conn())
    .await?)
}
