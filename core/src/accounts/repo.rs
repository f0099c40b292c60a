//! Sub-accounts and access to them in storage. Every function takes the main account it works
//! in: a sub-account of another main account, or a deleted one, is "not found".

use super::{AccountInput, AccountT, SubAccount};
use crate::auth::policy::login_key;
use crate::error::{AppError, Checks, Message};
use crate::guard::Scope;
use crate::i18n::CommonT;
use crate::store::{Store, Tx};
use records::SubAccountRecord;

mod access;
mod records;

pub use access::{access, may_change, may_switch, send_home, set_access, summary, switch, targets};

const SELECT: &str = "SELECT a.id, a.name, COALESCE(a.external_id, '') AS external_id, a.active, a.version,
        (SELECT COUNT(*) FROM users u WHERE u.account_id = a.id) AS users,
        (SELECT COUNT(*) FROM account_access x WHERE x.account_id = a.id) AS granted
     FROM accounts a";

/// The sub-accounts of `main`, by name.
pub async fn list(store: &Store, main: Scope) -> Result<Vec<SubAccount>, AppError> {
    let rows: Vec<SubAccountRecord> = sqlx::query_as(&format!(
        "{SELECT} WHERE a.parent_id = $1 AND a.deleted_at IS NULL ORDER BY a.name_key, a.id"
    ))
    .bind(main)
    .fetch_all(store.reader())
    .await?;
    Ok(rows.into_iter().map(SubAccount::from).collect())
}

/// One sub-account of `main`.
pub async fn get(tx: &mut Tx, main: Scope, id: i64) -> Result<SubAccount, AppError> {
    let row: SubAccountRecord =
        sqlx::query_as(&format!("{SELECT} WHERE a.id = $1 AND a.parent_id = $2 AND a.deleted_at IS NULL"))
            .bind(id)
            .bind(main)
            .fetch_optional(tx.conn())
            .await?
            .ok_or(AppError::NotFound)?;
    Ok(row.into())
}

/// Names and identifiers are unique among the live sub-accounts of one main account.
async fn unique(tx: &mut Tx, main: Scope, input: &AccountInput) -> Result<(), AppError> {
    let id = input.id.unwrap_or(0);
    let mut checks = Checks::new();
    let name: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM accounts WHERE parent_id = $1 AND name_key = $2 AND id <> $3 AND deleted_at IS NULL",
    )
    .bind(main)
    .bind(login_key(input.name.trim()))
    .bind(id)
    .fetch_optional(tx.conn())
    .await?;
    if name.is_some() {
        checks.add("name", CommonT::Name, Message::new(CommonT::FieldDuplicate));
    }
    let external: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM accounts WHERE parent_id = $1 AND external_id = $2 AND id <> $3 AND deleted_at IS NULL",
    )
    .bind(main)
    .bind(input.external_id.trim())
    .bind(id)
    .fetch_optional(tx.conn())
    .await?;
    if external.is_some() {
        checks.add("external_id", AccountT::ExternalId, Message::new(CommonT::FieldDuplicate));
    }
    checks.finish()
}

/// Refuses a sub-account's name or identifier another account of `main` has.
pub async fn check_unique(tx: &mut Tx, main: Scope, input: &AccountInput) -> Result<(), AppError> {
    unique(tx, main, input).await
}

/// Inserts an account (`parent`: its main account, for a sub-account); answers its id.
pub async fn insert(
    tx: &mut Tx,
    parent: Option<i64>,
    name: &str,
    external_id: Option<&str>,
) -> Result<i64, AppError> {
    let now = tx.now();
    Ok(sqlx::query_scalar(
        "INSERT INTO accounts (parent_id, name, name_key, external_id, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(parent)
    .bind(name)
    .bind(login_key(name))
    .bind(external_id)
    .bind(now)
    .fetch_one(tx.conn())
    .await?)
}

/// Renames a sub-account or changes its identifier; returns it as it was.
pub async fn update(tx: &mut Tx, main: Scope, input: &AccountInput) -> Result<SubAccount, AppError> {
    let id = input.id.ok_or(AppError::NotFound)?;
    let before = get(tx, main, id).await?;
    unique(tx, main, input).await?;
    let done = sqlx::query(
        "UPDATE accounts SET name = $1, name_key = $2, external_id = $3, version = version + 1
         WHERE id = $4 AND version = $5",
    )
    .bind(input.name.trim())
    .bind(login_key(input.name.trim()))
    .bind(input.external_id.trim())
    .bind(id)
    .bind(input.version)
    .execute(tx.conn())
    .await?;
    crate::store::expect_changed(done.rows_affected())?;
    // The root unit carries the account's name in the tree.
    sqlx::query("UPDATE units SET name = $1 WHERE account_id = $2 AND parent_id IS NULL AND name = $3")
        .bind(input.name.trim())
        .bind(id)
        .bind(&before.name)
        .execute(tx.conn())
        .await?;
    Ok(before)
}

/// Activates or deactivates a sub-account; returns it as it was. Deactivating sends visitors
/// from the main account home (the service ends its own users' sessions).
pub async fn set_active(
    tx: &mut Tx,
    main: Scope,
    id: i64,
    active: bool,
    version: i64,
) -> Result<SubAccount, AppError> {
    let before = get(tx, main, id).await?;
    let done =
        sqlx::query("UPDATE accounts SET active = $1, version = version + 1 WHERE id = $2 AND version = $3")
            .bind(active)
            .bind(id)
            .bind(version)
            .execute(tx.conn())
            .await?;
    crate::store::expect_changed(done.rows_affected())?;
    if !active {
        send_home(tx, main.related(id), None).await?;
    }
    Ok(before)
}

/// Deletes an empty sub-account (no users, persons, units below the top one, or own roles).
/// The row stays, marked deleted, so that its history keeps its name.
pub async fn delete(tx: &mut Tx, main: Scope, id: i64, version: i64) -> Result<SubAccount, AppError> {
    let before = get(tx, main, id).await?;
    let held: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM users WHERE account_id = $1)
              + (SELECT COUNT(*) FROM persons WHERE account_id = $1)
              + (SELECT COUNT(*) FROM units WHERE account_id = $1 AND parent_id IS NOT NULL)
              + (SELECT COUNT(*) FROM roles WHERE account_id = $1 AND builtin IS NULL)",
    )
    .bind(id)
    .fetch_one(tx.conn())
    .await?;
    if held > 0 {
        return Err(AppError::Refused(Message::new(AccountT::NotEmpty).arg("name", &before.name)));
    }
    send_home(tx, main.related(id), None).await?;
    sqlx::query("DELETE FROM account_access WHERE account_id = $1").bind(id).execute(tx.conn()).await?;
    let done = sqlx::query(
        "UPDATE accounts SET deleted_at = $1, active = FALSE, name_key = NULL, external_id = NULL,
                version = version + 1
         WHERE id = $2 AND version = $3",
    )
    .bind(tx.now())
    .bind(id)
    .bind(version)
    .execute(tx.conn())
    .await?;
    crate::store::expect_changed(done.rows_affected())?;
    Ok(before)
}

/// Recomputes the case-insensitive name keys that SQL could only approximate (migration 0005
/// lower-cased ASCII only); a handful of rows, at start-up.
pub async fn refresh_name_keys(store: &Store) -> Result<(), AppError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, name, COALESCE(name_key, '') AS name_key FROM accounts WHERE deleted_at IS NULL",
    )
    .fetch_all(store.reader())
    .await?;
    let stale: Vec<(i64, String)> = rows
        .into_iter()
        .filter(|(_, name, key)| login_key(name) != *key)
        .map(|(id, name, _)| (id, login_key(&name)))
        .collect();
    if stale.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin().await?;
    for (id, key) in stale {
        sqlx::query("UPDATE accounts SET name_key = $1 WHERE id = $2")
            .bind(key)
            .bind(id)
            .execute(tx.conn())
            .await?;
    }
    tx.commit().await
}
