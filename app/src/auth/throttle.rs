//! Throttling of failed sign-ins, per login and per client address, with a wait that doubles
//! after a few free attempts (like Keycloak's brute-force detection). Stored in the database,
//! so every instance sees the same counts.

use crate::error::AppError;
use crate::store::{Store, Tx};
use sqlx::Row;

/// Failed attempts per login before waiting starts.
pub const FREE_PER_LOGIN: i64 = 3;
/// Failed attempts per client address before waiting starts (several people may share one).
pub const FREE_PER_ADDRESS: i64 = 10;
/// The longest wait, in seconds.
pub const MAX_WAIT_S: i64 = 15 * 60;
/// Failures older than this are forgotten.
pub const FORGET_AFTER_MS: i64 = 12 * 3_600_000;

pub fn login_key(login_key: &str) -> String {
    format!("login:{login_key}")
}

pub fn address_key(addr: &str) -> String {
    format!("addr:{addr}")
}

/// The wait after `failures` failed attempts with `free` free ones, in seconds.
pub fn wait_after(failures: i64, free: i64) -> i64 {
    if failures <= free {
        return 0;
    }
    let doublings = (failures - free).min(20) as u32;
    2i64.pow(doublings).min(MAX_WAIT_S)
}

/// How many seconds the caller must still wait before trying, if at all.
pub async fn remaining_wait(store: &Store, keys: &[String]) -> Result<Option<u64>, AppError> {
    let now = store.now();
    let mut longest = 0i64;
    for key in keys {
        let until: Option<i64> =
            sqlx::query_scalar("SELECT blocked_until FROM login_throttle WHERE throttle_key = $1")
                .bind(key)
                .fetch_optional(store.reader())
                .await?;
        longest = longest.max(until.unwrap_or(0) - now);
    }
    Ok((longest > 0).then(|| (longest as u64).div_ceil(1000)))
}

/// Counts one more failure under `key`.
pub async fn record_failure(tx: &mut Tx, key: &str, free: i64) -> Result<(), AppError> {
    let now = tx.now();
    let row = sqlx::query(
        "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until)
         VALUES ($1, 1, $2, 0)
         ON CONFLICT (throttle_key) DO UPDATE SET
             failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1
                             ELSE login_throttle.failures + 1 END,
             last_failure_at = $2
         RETURNING failures",
    )
    .bind(key)
    .bind(now)
    .bind(now - FORGET_AFTER_MS)
    .fetch_one(tx.conn())
    .await?;
    let failures: i64 = row.try_get("failures")?;
    let wait = wait_after(failures, free);
    if wait > 0 {
        sqlx::query("UPDATE login_throttle SET blocked_until = $1 WHERE throttle_key = $2")
            .bind(now + wait * 1000)
            .bind(key)
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}

pub async fn clear(tx: &mut Tx, key: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM login_throttle WHERE throttle_key = $1").bind(key).execute(tx.conn()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_start_after_the_free_attempts_double_and_stop_at_the_cap() {
        let waits: Vec<i64> = (1..=8).map(|n| wait_after(n, FREE_PER_LOGIN)).collect();
        assert_eq!(waits, vec![0, 0, 0, 2, 4, 8, 16, 32]);
        assert_eq!(wait_after(1000, FREE_PER_LOGIN), MAX_WAIT_S);
    }
}
