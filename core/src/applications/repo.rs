//! Applications in storage: the checked catalogue is kept whole per main account; its rights
//! live in `grants` under `<application>/<right>` keys, in the main account and its
//! sub-accounts (docs/INTEGRATION.md "Catalogue file").

use super::{parse, preview as diff, AppCatalogue, AppRights, AppRow, AppT, Preview};
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::{Flag, Store, Tx};
use domain::rights::GrantRow;
use std::sync::Arc;

/// The main account whose catalogues `account` uses: itself, or its main account.
pub async fn main_of(store: &Store, account: Scope) -> Result<Scope, AppError> {
    let parent: Option<Option<i64>> = sqlx::query_scalar("SELECT parent_id FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_optional(store.reader())
        .await?;
    Ok(parent.flatten().map_or(account, |main| account.related(main)))
}

fn decode(text: &str) -> Result<AppCatalogue, AppError> {
    serde_json::from_str(text).map_err(|e| AppError::internal("stored catalogue unreadable", e))
}

/// One application's catalogue, with its revision.
pub async fn load(store: &Store, main: Scope, key: &str) -> Result<Option<(AppCatalogue, i64)>, AppError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT catalogue, revision FROM applications WHERE account_id = $1 AND app_key = $2")
            .bind(main)
            .bind(key)
            .fetch_optional(store.reader())
            .await?;
    match row {
        Some((catalogue, revision)) => Ok(Some((decode(&catalogue)?, revision))),
        None => Ok(None),
    }
}

/// The rights of one application of `main`, ready for the resolver.
pub async fn rights(store: &Store, main: Scope, key: &str) -> Result<Option<Arc<AppRights>>, AppError> {
    Ok(load(store, main, key).await?.map(|(c, _)| Arc::new(AppRights::new(c))))
}

/// Every application catalogue of `main`, by key.
pub async fn all(store: &Store, main: Scope) -> Result<Vec<AppCatalogue>, AppError> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT catalogue FROM applications WHERE account_id = $1 ORDER BY app_key")
            .bind(main)
            .fetch_all(store.reader())
            .await?;
    rows.iter().map(|c| decode(c)).collect()
}

/// The stored grant keys of application `key` in `main` and its sub-accounts, with how many
/// grants name each.
pub async fn grant_keys(store: &Store, main: Scope, key: &str) -> Result<Vec<(String, i64)>, AppError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT right_key, COUNT(*) FROM grants
         WHERE account_id IN (SELECT id FROM accounts WHERE id = $1 OR parent_id = $1)
           AND right_key LIKE $2
         GROUP BY right_key",
    )
    .bind(main)
    .bind(format!("{key}/%"))
    .fetch_all(store.reader())
    .await?;
    // LIKE's "_" matches any character: keep the keys of this application only.
    Ok(rows
        .into_iter()
        .filter(|(k, _)| domain::applications::split_key(k).is_some_and(|(a, _)| a == key))
        .collect())
}

/// How many grants of the application name rights its catalogue no longer has.
async fn orphaned(store: &Store, main: Scope, rights: &AppRights) -> Result<i64, AppError> {
    let keys = grant_keys(store, main, &rights.catalogue.key).await?;
    Ok(keys.iter().filter(|(k, _)| !rights.knows(k)).map(|(_, n)| n).sum())
}

/// The applications of `main` as the console lists them.
pub async fn list(
    store: &Store,
    main: Scope,
    zone: &str,
    lang: crate::i18n::Lang,
) -> Result<Vec<AppRow>, AppError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT catalogue, applied_at FROM applications WHERE account_id = $1 ORDER BY app_key",
    )
    .bind(main)
    .fetch_all(store.reader())
    .await?;
    let mut out = Vec::new();
    for (catalogue, applied) in rows {
        let catalogue = decode(&catalogue)?;
        let rights = AppRights::new(catalogue);
        out.push(AppRow {
            key: rights.catalogue.key.clone(),
            name: rights.catalogue.name.get(lang).to_string(),
            version: rights.catalogue.version.clone(),
            modules: rights.catalogue.modules().count(),
            applied_text: crate::time::format_ms(applied, zone, lang),
            orphaned: orphaned(store, main, &rights).await?,
        });
    }
    Ok(out)
}

/// A fingerprint of what is stored for `key`, so that applying can tell the preview is stale.
fn base_of(stored: Option<&(AppCatalogue, i64)>) -> String {
    stored.map(|(_, revision)| revision.to_string()).unwrap_or_else(|| "new".into())
}

/// What applying `text` to `main` would change; nothing is written.
pub async fn preview(store: &Store, main: Scope, text: &str) -> Result<Preview, AppError> {
    let after = parse(text)?;
    let stored = load(store, main, &after.key).await?;
    let mut p = diff(stored.as_ref().map(|(c, _)| c), &after, base_of(stored.as_ref()));
    let rights = AppRights::new(after);
    p.orphaned = orphaned(store, main, &rights).await?;
    Ok(p)
}

/// Stores the catalogue `after` for `main`. With `base` (from a preview), refuses when the
/// stored catalogue moved since. Returns what changed, and false when the same catalogue was
/// stored already (nothing written).
pub async fn write(
    tx: &mut Tx,
    main: Scope,
    after: &AppCatalogue,
    base: Option<&str>,
) -> Result<(Preview, bool), AppError> {
    let is_main: Option<Option<i64>> = sqlx::query_scalar("SELECT parent_id FROM accounts WHERE id = $1")
        .bind(main)
        .fetch_optional(tx.conn())
        .await?;
    if is_main.flatten().is_some() || is_main.is_none() {
        return Err(AppError::refused(AppT::MainOnly));
    }
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT catalogue, revision FROM applications WHERE account_id = $1 AND app_key = $2")
            .bind(main)
            .bind(&after.key)
            .fetch_optional(tx.conn())
            .await?;
    let stored = match row {
        Some((catalogue, revision)) => Some((decode(&catalogue)?, revision)),
        None => None,
    };
    if base.is_some_and(|b| b != base_of(stored.as_ref())) {
        return Err(AppError::refused(AppT::Changed));
    }
    let p = diff(stored.as_ref().map(|(c, _)| c), after, base_of(stored.as_ref()));
    if stored.as_ref().is_some_and(|(c, _)| c == after) {
        return Ok((p, false));
    }
    let json = serde_json::to_string(after).map_err(|e| AppError::internal("catalogue not written", e))?;
    let now = tx.now();
    if stored.is_some() {
        sqlx::query(
            "UPDATE applications SET name = $1, version = $2, catalogue = $3, applied_at = $4, revision = revision + 1
             WHERE account_id = $5 AND app_key = $6",
        )
        .bind(&after.name.en)
        .bind(&after.version)
        .bind(&json)
        .bind(now)
        .bind(main)
        .bind(&after.key)
        .execute(tx.conn())
        .await?;
    } else {
        sqlx::query(
            "INSERT INTO applications (account_id, app_key, name, version, catalogue, applied_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(main)
        .bind(&after.key)
        .bind(&after.name.en)
        .bind(&after.version)
        .bind(&json)
        .bind(now)
        .execute(tx.conn())
        .await?;
    }
    Ok((p, true))
}

/// Deletes the grants of `keys` in `main` and its sub-accounts; returns how many.
pub async fn delete_grants(tx: &mut Tx, main: Scope, keys: &[String]) -> Result<i64, AppError> {
    let mut count = 0;
    for k in keys {
        let done = sqlx::query(
            "DELETE FROM grants WHERE right_key = $1
               AND account_id IN (SELECT id FROM accounts WHERE id = $2 OR parent_id = $2)",
        )
        .bind(k)
        .bind(main)
        .execute(tx.conn())
        .await?;
        count += done.rows_affected() as i64;
    }
    Ok(count)
}

/// The grants of application `key` a user holds through their own grants and their roles in
/// `home` (Everyone always), and whether they are an administrator there (rule 1).
pub async fn holder_rows(
    store: &Store,
    user_id: i64,
    home: Scope,
    key: &str,
) -> Result<(bool, Vec<GrantRow>, Vec<(i64, Vec<GrantRow>)>), AppError> {
    let administrator: Option<i64> = sqlx::query_scalar(
        "SELECT r.id FROM roles r JOIN role_members m ON m.role_id = r.id
         WHERE r.account_id = $1 AND r.builtin = 'administrators' AND m.user_id = $2",
    )
    .bind(home)
    .bind(user_id)
    .fetch_optional(store.reader())
    .await?;
    let rows: Vec<(Option<i64>, String, Flag)> = sqlx::query_as(
        "SELECT g.role_id, g.right_key, g.allow FROM grants g
         WHERE g.target = 'account' AND g.right_key LIKE $3
           AND (g.user_id = $1
                OR g.role_id IN (SELECT r.id FROM roles r
                                 WHERE r.account_id = $2
                                   AND (r.builtin = 'everyone'
                                        OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $1))))",
    )
    .bind(user_id)
    .bind(home)
    .bind(format!("{key}/%"))
    .fetch_all(store.reader())
    .await?;
    let mut own = Vec::new();
    let mut roles: Vec<(i64, Vec<GrantRow>)> = Vec::new();
    for (role_id, key, allow) in rows {
        let grant = GrantRow { key, target: None, allow: allow.into() };
        match role_id {
            Some(role) => match roles.iter_mut().find(|(id, _)| *id == role) {
                Some((_, g)) => g.push(grant),
                None => roles.push((role, vec![grant])),
            },
            None => own.push(grant),
        }
    }
    roles.sort_by_key(|(id, _)| *id);
    Ok((administrator.is_some(), own, roles))
}
