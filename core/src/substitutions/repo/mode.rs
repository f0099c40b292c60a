//! The rows of working as the absent user: what a substitute may start, a session moved into
//! and out of a substitution, and the sessions working in one.

use crate::error::AppError;
use crate::guard::Scope;
use crate::store::{Flag, Store, Tx};
use domain::ids::{SessionId, UserId};

const STARTABLE: &str = "
SELECT b.id, b.to_day, b.absent_user_id, b.vouched_by, a.login, a.full_name
FROM substitutions b JOIN users a ON a.id = b.absent_user_id
WHERE b.substitute_user_id = $1 AND b.account_id = $2 AND b.active = TRUE
  AND b.starts_at <= $3 AND b.ends_at > $3 AND a.active = TRUE AND a.blocked = FALSE";

/// A substitution its substitute may start now, with its absent user.
#[derive(sqlx::FromRow)]
pub struct StartableRecord {
    pub id: i64,
    pub to_day: String,
    pub absent_user_id: i64,
    pub vouched_by: Option<i64>,
    pub login: String,
    pub full_name: String,
}

/// What `user` may start in `account` at `now`, the soonest ending first.
pub async fn startable(
    store: &Store,
    user: UserId,
    account: Scope,
    now: i64,
) -> Result<Vec<StartableRecord>, AppError> {
    Ok(sqlx::query_as(&format!("{STARTABLE} ORDER BY b.ends_at, b.id"))
        .bind(user)
        .bind(account)
        .bind(now)
        .fetch_all(store.reader())
        .await?)
}

/// Substitution `id` if `user` may start it now.
pub async fn startable_one(
    tx: &mut Tx,
    user: UserId,
    account: Scope,
    now: i64,
    id: i64,
) -> Result<Option<StartableRecord>, AppError> {
    Ok(sqlx::query_as(&format!("{STARTABLE} AND b.id = $4"))
        .bind(user)
        .bind(account)
        .bind(now)
        .bind(id)
        .fetch_optional(tx.conn())
        .await?)
}

/// Whether substitution `id` of `account` names `user` as the substitute (startable or not).
pub async fn is_substitute(tx: &mut Tx, id: i64, account: Scope, user: UserId) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM substitutions WHERE id = $1 AND account_id = $2 AND substitute_user_id = $3",
    )
    .bind(id)
    .bind(account)
    .bind(user)
    .fetch_optional(tx.conn())
    .await?;
    Ok(found.is_some())
}

/// Moves an open session not yet working as anyone into substitution `id`; false if it was.
pub async fn enter(tx: &mut Tx, session: SessionId, absent: i64, id: i64) -> Result<bool, AppError> {
    let moved = sqlx::query(
        "UPDATE sessions SET effective_user_id = $1, substitution_id = $2
         WHERE id = $3 AND closed_at IS NULL AND substitution_id IS NULL",
    )
    .bind(absent)
    .bind(id)
    .bind(session)
    .execute(tx.conn())
    .await?
    .rows_affected();
    Ok(moved > 0)
}

/// The substitution a session works in, if any.
pub async fn substitution_of(tx: &mut Tx, session: SessionId) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT substitution_id FROM sessions WHERE id = $1")
        .bind(session)
        .fetch_one(tx.conn())
        .await?)
}

/// Takes an open session out of substitution `id`: its user, the absent user and its current
/// account, or `None` if it was not working in it.
pub async fn leave(tx: &mut Tx, session: i64, id: i64) -> Result<Option<(i64, i64, i64)>, AppError> {
    // `effective_user_id` is set while a session works in a substitution.
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT s.user_id, s.effective_user_id, s.current_account_id FROM sessions s
         WHERE s.id = $1 AND s.substitution_id = $2 AND s.closed_at IS NULL",
    )
    .bind(session)
    .bind(id)
    .fetch_optional(tx.conn())
    .await?;
    if row.is_some() {
        sqlx::query("UPDATE sessions SET effective_user_id = NULL, substitution_id = NULL WHERE id = $1")
            .bind(session)
            .execute(tx.conn())
            .await?;
    }
    Ok(row)
}

/// The open sessions working in substitution `id`.
pub async fn sessions_in(tx: &mut Tx, id: i64) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM sessions WHERE substitution_id = $1 AND closed_at IS NULL")
        .bind(id)
        .fetch_all(tx.conn())
        .await?)
}

/// A session working in a substitution, with the substitution and its absent user.
#[derive(sqlx::FromRow)]
pub struct WorkingRecord {
    pub session_id: i64,
    pub id: i64,
    #[sqlx(try_from = "Flag")]
    pub active: bool,
    pub ends_at: i64,
    #[sqlx(try_from = "Flag")]
    pub a_active: bool,
    #[sqlx(try_from = "Flag")]
    pub a_blocked: bool,
}

/// Every open session working in a substitution.
pub async fn working(store: &Store) -> Result<Vec<WorkingRecord>, AppError> {
    Ok(sqlx::query_as(
        "SELECT s.id AS session_id, b.id, b.active, b.ends_at, a.active AS a_active, a.blocked AS a_blocked
         FROM sessions s JOIN substitutions b ON b.id = s.substitution_id JOIN users a ON a.id = b.absent_user_id
         WHERE s.substitution_id IS NOT NULL AND s.closed_at IS NULL",
    )
    .fetch_all(store.reader())
    .await?)
}
