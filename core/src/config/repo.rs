//! The account configuration in storage.

use super::AccountConfig;
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::{Flag, Reader, Tx};

const COLUMNS: &str =
    "time_zone, pw_min_length, pw_strong, pw_max_age_days, session_idle_minutes, session_max_hours, substitute_expired, version";

/// An account's time zone alone (what a time on screen needs).
pub async fn time_zone(store: &crate::store::Store, account: Scope) -> Result<String, AppError> {
    Ok(sqlx::query_scalar("SELECT time_zone FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_one(store.reader())
        .await?)
}

/// A row of `COLUMNS`.
#[derive(sqlx::FromRow)]
struct ConfigRecord {
    time_zone: String,
    pw_min_length: i64,
    #[sqlx(try_from = "Flag")]
    pw_strong: bool,
    pw_max_age_days: Option<i64>,
    session_idle_minutes: i64,
    session_max_hours: i64,
    #[sqlx(try_from = "Flag")]
    substitute_expired: bool,
    version: i64,
}

impl From<ConfigRecord> for AccountConfig {
    fn from(r: ConfigRecord) -> AccountConfig {
        AccountConfig {
            time_zone: r.time_zone,
            pw_min_length: r.pw_min_length as u32,
            pw_strong: r.pw_strong,
            pw_max_age_days: r.pw_max_age_days.map(|d| d.to_string()).unwrap_or_default(),
            session_idle_minutes: r.session_idle_minutes as u32,
            session_max_hours: r.session_max_hours as u32,
            substitute_expired: r.substitute_expired,
            version: r.version,
        }
    }
}

pub fn load<'a>(
    db: impl Into<Reader<'a>>,
    account: Scope,
) -> impl std::future::Future<Output = Result<AccountConfig, AppError>> + Send + 'a {
    let db = db.into();
    async move {
        let mut conn = db.conn().await?;
        let r: ConfigRecord = sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
            .bind(account)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(r.into())
    }
}

pub async fn save(tx: &mut Tx, account: Scope, c: &AccountConfig) -> Result<AccountConfig, AppError> {
    let before = load(&mut *tx, account).await?;
    let changed = sqlx::query(
        "UPDATE accounts SET time_zone = $1, pw_min_length = $2, pw_strong = $3, pw_max_age_days = $4,
                session_idle_minutes = $5, session_max_hours = $6, substitute_expired = $9, version = version + 1
         WHERE id = $7 AND version = $8",
    )
    .bind(c.time_zone.trim())
    .bind(c.pw_min_length as i64)
    .bind(c.pw_strong)
    .bind(c.pw_max_age_days.trim().parse::<i64>().ok())
    .bind(c.session_idle_minutes as i64)
    .bind(c.session_max_hours as i64)
    .bind(account)
    .bind(c.version)
    .bind(c.substitute_expired)
    .execute(tx.conn())
    .await?
    .rows_affected();
    crate::store::expect_changed(changed)?;
    Ok(before)
}
