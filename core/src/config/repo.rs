//! The account configuration in storage.

use super::AccountConfig;
use crate::error::AppError;
use crate::store::{flag, Reader, Tx};
use sqlx::Row;

const COLUMNS: &str =
    "time_zone, pw_min_length, pw_strong, pw_max_age_days, session_idle_minutes, session_max_hours, substitute_expired, version";

fn read(r: &sqlx::any::AnyRow) -> Result<AccountConfig, sqlx::Error> {
    Ok(AccountConfig {
        time_zone: r.try_get("time_zone")?,
        pw_min_length: r.try_get::<i64, _>("pw_min_length")? as u32,
        pw_strong: flag(r, "pw_strong")?,
        pw_max_age_days: r
            .try_get::<Option<i64>, _>("pw_max_age_days")?
            .map(|d| d.to_string())
            .unwrap_or_default(),
        session_idle_minutes: r.try_get::<i64, _>("session_idle_minutes")? as u32,
        session_max_hours: r.try_get::<i64, _>("session_max_hours")? as u32,
        substitute_expired: flag(r, "substitute_expired")?,
        version: r.try_get("version")?,
    })
}

pub fn load<'a>(
    db: impl Into<Reader<'a>>,
    account: i64,
) -> impl std::future::Future<Output = Result<AccountConfig, AppError>> + Send + 'a {
    let db = db.into();
    async move {
        let mut conn = db.conn().await?;
        let r = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
            .bind(account)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(read(&r)?)
    }
}

pub async fn save(tx: &mut Tx, account: i64, c: &AccountConfig) -> Result<AccountConfig, AppError> {
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
