//! What decisions read besides rights snapshots: the user a question names (by login or
//! e-mail), the accounts of a client's family, persons and units of an account, role names.

use crate::auth::standing::Standing;
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::{Flag, Store};

/// A user found by login or e-mail, with their account.
#[derive(sqlx::FromRow)]
pub struct UserRecord {
    pub id: i64,
    pub login: String,
    pub login_key: String,
    pub account_id: i64,
    /// Judged as an internal user's: a decision asks whether the user may work at all.
    #[sqlx(flatten)]
    pub standing: Standing,
    #[sqlx(try_from = "Flag")]
    pub account_active: bool,
    pub deleted_at: Option<i64>,
    pub rights_version: i64,
}

/// The users of main account `main` and its sub-accounts with this login, or else with this
/// e-mail address: at most two, the login's first.
pub async fn users_by_login_or_email(
    store: &Store,
    login: &str,
    main: Scope,
) -> Result<Vec<UserRecord>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.login, u.login_key, u.account_id, u.kind, u.active, u.blocked, u.valid_from, u.valid_to,
                a.active AS account_active, a.deleted_at,
                a.rights_version
         FROM users u JOIN accounts a ON a.id = u.account_id
         WHERE (a.id = $2 OR a.parent_id = $2)
           AND (u.login_key = $1 OR (u.email <> '' AND LOWER(u.email) = $3))
         ORDER BY CASE WHEN u.login_key = $1 THEN 0 ELSE 1 END LIMIT 2",
    )
    .bind(crate::auth::policy::login_key(login))
    .bind(main)
    .bind(login.trim().to_lowercase())
    .fetch_all(store.reader())
    .await?)
}

/// Whether `account` is main account `main` or one of its sub-accounts.
pub async fn in_family(store: &Store, candidate: i64, main: Scope) -> Result<bool, AppError> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1 AND (id = $2 OR parent_id = $2)")
            .bind(candidate)
            .bind(main)
            .fetch_optional(store.reader())
            .await?;
    Ok(found.is_some())
}

/// The person linked to the user with this login key in `main`'s family (`None` for no such
/// user or no linked person).
pub async fn person_of_login(store: &Store, key: &str, main: Scope) -> Result<Option<i64>, AppError> {
    let linked: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT u.person_id FROM users u JOIN accounts a ON a.id = u.account_id
         WHERE u.login_key = $1 AND (a.id = $2 OR a.parent_id = $2)",
    )
    .bind(key)
    .bind(main)
    .fetch_optional(store.reader())
    .await?;
    Ok(linked.flatten())
}

/// The unit of a person of `account`.
pub async fn unit_of_person(store: &Store, person: i64, account: Scope) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT unit_id FROM persons WHERE id = $1 AND account_id = $2")
        .bind(person)
        .bind(account)
        .fetch_optional(store.reader())
        .await?)
}

/// Whether a unit belongs to `account`.
pub async fn unit_in_account(store: &Store, unit: i64, account: Scope) -> Result<bool, AppError> {
    let known: Option<i64> = sqlx::query_scalar("SELECT id FROM units WHERE id = $1 AND account_id = $2")
        .bind(unit)
        .bind(account)
        .fetch_optional(store.reader())
        .await?;
    Ok(known.is_some())
}

/// The logins of the users of `main` and its sub-accounts, in login order.
pub async fn logins(store: &Store, main: Scope) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT u.login FROM users u JOIN accounts a ON a.id = u.account_id
         WHERE (a.id = $1 OR a.parent_id = $1) ORDER BY u.login_key",
    )
    .bind(main)
    .fetch_all(store.reader())
    .await?)
}

/// The persons of an account with their units.
pub async fn persons(store: &Store, account: Scope) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(sqlx::query_as("SELECT id, unit_id FROM persons WHERE account_id = $1 ORDER BY id")
        .bind(account)
        .fetch_all(store.reader())
        .await?)
}

/// A role's stored name.
pub async fn role_name(store: &Store, role: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar("SELECT name FROM roles WHERE id = $1")
        .bind(role)
        .fetch_optional(store.reader())
        .await?)
}
