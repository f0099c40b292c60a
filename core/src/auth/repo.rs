//! The rows of signing in: the users a sign-in names, step tokens, known devices, the units a
//! user may sign in to, and a PIN's failures. The rules are the callers' (`login.rs`,
//! `app_sign_in/`, `password_change.rs`).

use super::standing::Standing;
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::{Flag, Store, Tx};

/// The user a console sign-in names, with what it checks and answers.
#[derive(sqlx::FromRow)]
pub struct ConsoleUser {
    pub id: i64,
    pub account_id: i64,
    #[sqlx(flatten)]
    pub standing: Standing,
    pub password_hash: Option<String>,
    pub password_changed_at: Option<i64>,
    #[sqlx(try_from = "Flag")]
    pub must_change_password: bool,
    pub language: String,
    pub default_unit_id: Option<i64>,
    #[sqlx(try_from = "Flag")]
    pub account_active: bool,
}

/// The user with this login key, for the console.
pub async fn console_user(store: &Store, key: &str) -> Result<Option<ConsoleUser>, AppError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.account_id, u.kind, u.active, u.blocked, u.valid_from, u.valid_to,
                u.password_hash, u.password_changed_at, u.must_change_password, u.language, u.default_unit_id,
                a.active AS account_active
         FROM users u JOIN accounts a ON a.id = u.account_id
         WHERE u.login_key = $1",
    )
    .bind(key)
    .fetch_optional(store.reader())
    .await?)
}

/// Stores a step token's hash for the next request of a sign-in.
pub async fn insert_step(
    tx: &mut Tx,
    token_hash: &str,
    user: i64,
    client: Option<i64>,
    unit: Option<i64>,
    expires_at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO sign_in_steps (token_hash, user_id, client_id, unit_id, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user)
    .bind(client)
    .bind(unit)
    .bind(expires_at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Uses up a step token of `client` (`None`: the console's): its user and unit, or `None` if
/// unknown, used or expired. Single use: the row goes whatever follows.
pub async fn take_step(
    tx: &mut Tx,
    token_hash: &str,
    client: Option<i64>,
) -> Result<Option<(i64, Option<i64>)>, AppError> {
    let sql = match client {
        None => {
            "DELETE FROM sign_in_steps WHERE token_hash = $1 AND client_id IS NULL AND expires_at > $2
                 RETURNING user_id, unit_id"
        }
        Some(_) => {
            "DELETE FROM sign_in_steps WHERE token_hash = $1 AND expires_at > $2 AND client_id = $3
                    RETURNING user_id, unit_id"
        }
    };
    let query = sqlx::query_as(sql).bind(token_hash).bind(tx.now());
    let query = match client {
        Some(client) => query.bind(client),
        None => query,
    };
    Ok(query.fetch_optional(tx.conn()).await?)
}

/// The units of a user's roles in their account (Everyone's too).
pub async fn sign_in_unit_ids(tx: &mut Tx, user: i64, account: Scope) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT ru.unit_id FROM role_units ru JOIN roles r ON r.id = ru.role_id
         WHERE r.account_id = $1 AND (r.builtin = 'everyone' OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $2))",
    )
    .bind(account)
    .bind(user)
    .fetch_all(tx.conn())
    .await?)
}

/// The version of an account's rights (the snapshot cache's key).
pub async fn rights_version(store: &Store, account: Scope) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar("SELECT rights_version FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_one(store.reader())
        .await?)
}

/// Whether the user signed in from the device with this token hash after `since`.
pub async fn device_known(store: &Store, device_hash: &str, user: i64, since: i64) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT user_id FROM known_devices WHERE device_hash = $1 AND user_id = $2 AND last_used_at > $3",
    )
    .bind(device_hash)
    .bind(user)
    .bind(since)
    .fetch_optional(store.reader())
    .await?;
    Ok(found.is_some())
}

/// Whether the user opened a session from this address after `since`.
pub async fn address_known(store: &Store, user: i64, addr: &str, since: i64) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE user_id = $1 AND client_addr = $2 AND created_at > $3 LIMIT 1",
    )
    .bind(user)
    .bind(addr)
    .bind(since)
    .fetch_optional(store.reader())
    .await?;
    Ok(found.is_some())
}

/// Records a device's sign-in now (`forget_devices` removes the ones unused for long).
pub async fn remember_device(tx: &mut Tx, device_hash: &str, user: i64) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO known_devices (device_hash, user_id, last_used_at) VALUES ($1, $2, $3)
         ON CONFLICT (device_hash, user_id) DO UPDATE SET last_used_at = $3",
    )
    .bind(device_hash)
    .bind(user)
    .bind(tx.now())
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Forgets the devices not used since `before` (the periodic sweep's; a sign-in checks the
/// time itself, so the rows may stay until then).
pub async fn forget_devices(store: &Store, before: i64) -> Result<(), AppError> {
    let mut tx = store.begin().await?;
    sqlx::query("DELETE FROM known_devices WHERE last_used_at < $1").bind(before).execute(tx.conn()).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks a user's password as to be changed at this sign-in.
pub async fn require_password_change(tx: &mut Tx, user: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE users SET must_change_password = TRUE WHERE id = $1")
        .bind(user)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Touches the user's row so that racing sign-ins of one user wait for each other (a row lock
/// on PostgreSQL; SQLite has a single writer anyway).
pub async fn hold_user(tx: &mut Tx, user: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE users SET version = version WHERE id = $1").bind(user).execute(tx.conn()).await?;
    Ok(())
}

/// The user an application's sign-in names, with what it checks and answers.
#[derive(sqlx::FromRow)]
pub struct AppUser {
    pub id: i64,
    pub login: String,
    pub full_name: String,
    pub account_id: i64,
    #[sqlx(flatten)]
    pub standing: Standing,
    pub password_hash: Option<String>,
    pub external_password_hash: Option<String>,
    #[sqlx(try_from = "Flag")]
    pub shared_password: bool,
    pub pin_hash: Option<String>,
    pub pin_failures: i64,
    pub pin_locked_at: Option<i64>,
    #[sqlx(try_from = "Flag")]
    pub must_change_password: bool,
    pub default_unit_id: Option<i64>,
    #[sqlx(try_from = "Flag")]
    pub account_active: bool,
    pub account_name: String,
    pub rights_version: i64,
}

const APP_USER_SQL: &str = "SELECT u.id, u.login, u.full_name, u.account_id, u.kind, u.active, u.blocked,
        u.valid_from, u.valid_to, u.password_hash, u.external_password_hash, u.shared_password,
        u.pin_hash, u.pin_failures, u.pin_locked_at, u.must_change_password, u.default_unit_id,
        a.active AS account_active, a.name AS account_name, a.rights_version
 FROM users u JOIN accounts a ON a.id = u.account_id
 WHERE (a.id = $2 OR a.parent_id = $2) AND a.deleted_at IS NULL";

/// How an application's sign-in finds its user.
pub enum AppUserBy<'a> {
    LoginKey(&'a str),
    CardKey(&'a str),
    Id(i64),
}

/// The user found `by`, in main account `main` or its live sub-accounts.
pub async fn app_user(store: &Store, by: AppUserBy<'_>, main: Scope) -> Result<Option<AppUser>, AppError> {
    let column = match by {
        AppUserBy::LoginKey(_) => "login_key",
        AppUserBy::CardKey(_) => "card_hash",
        AppUserBy::Id(_) => "id",
    };
    let sql = format!("{APP_USER_SQL} AND u.{column} = $1");
    let query = sqlx::query_as(&sql);
    let query = match by {
        AppUserBy::LoginKey(key) | AppUserBy::CardKey(key) => query.bind(key),
        AppUserBy::Id(id) => query.bind(id),
    };
    Ok(query.bind(main).fetch_optional(store.reader()).await?)
}

/// A right PIN forgets the failures before it.
pub async fn forget_pin_failures(tx: &mut Tx, user: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE users SET pin_failures = 0 WHERE id = $1").bind(user).execute(tx.conn()).await?;
    Ok(())
}

/// A wrong PIN: the failures so far, and the moment of the lock once they reach it.
pub async fn count_pin_failure(
    tx: &mut Tx,
    user: i64,
    failures: i64,
    locked_at: Option<i64>,
) -> Result<(), AppError> {
    sqlx::query("UPDATE users SET pin_failures = $1, pin_locked_at = $2 WHERE id = $3")
        .bind(failures)
        .bind(locked_at)
        .bind(user)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Records when a user's secret was last used (`column`: `external_password_used_at`,
/// `pin_used_at` or `card_used_at`, chosen by the caller, never typed in).
pub async fn secret_used(tx: &mut Tx, column: &str, user: i64) -> Result<(), AppError> {
    sqlx::query(&format!("UPDATE users SET {column} = $1 WHERE id = $2"))
        .bind(tx.now())
        .bind(user)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Whether a session was opened by a client of `application` in main account `main`.
pub async fn opened_by(
    store: &Store,
    session: i64,
    main: Scope,
    application: &str,
) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT s.id FROM sessions s JOIN app_clients c ON c.id = s.client_id
         WHERE s.id = $1 AND c.account_id = $2 AND c.application = $3",
    )
    .bind(session)
    .bind(main)
    .bind(application)
    .fetch_optional(store.reader())
    .await?;
    Ok(found.is_some())
}

/// A user's login and console password hash.
pub async fn login_and_hash(store: &Store, user: i64) -> Result<(String, Option<String>), AppError> {
    Ok(sqlx::query_as("SELECT login, password_hash FROM users WHERE id = $1")
        .bind(user)
        .fetch_one(store.reader())
        .await?)
}

/// A user's own new console password: changed now, no longer to be changed.
pub async fn set_own_password(tx: &mut Tx, user: i64, hash: &str) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, password_changed_at = $2, must_change_password = FALSE,
                          version = version + 1
         WHERE id = $3",
    )
    .bind(hash)
    .bind(tx.now())
    .bind(user)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Gives a session a new token (only its hash is stored).
pub async fn replace_token(tx: &mut Tx, session: i64, token_hash: &str) -> Result<(), AppError> {
    sqlx::query("UPDATE sessions SET token_hash = $1 WHERE id = $2")
        .bind(token_hash)
        .bind(session)
        .execute(tx.conn())
        .await?;
    Ok(())
}
