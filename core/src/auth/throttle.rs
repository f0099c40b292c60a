//! Throttling of failed sign-ins, like Keycloak's brute-force detection, with a wait that
//! doubles after a few free attempts. Stored in the database, so every instance sees the
//! same counts. docs/BEHAVIOUR.md "Throttling sign-ins" says why the keys are these:
//!
//! - per login *and* client address: strict (3 free attempts), so guessing from one place
//!   stops quickly without locking the user out everywhere else;
//! - per client address: 10 free attempts over every login (password spraying);
//! - per login over every address: softer (10 free), and not applied to a device or address
//!   the user has signed in from before, so nobody can lock the right password out.
//!
//! An attempt takes a place under every key before the password is checked, in one atomic
//! statement per key: a key admits at most as many attempts in flight as it has free
//! attempts left, so concurrent attempts cannot slip past the count. Attempts beyond that
//! wait for the ones in flight (which free their place when they succeed) instead of failing.

use crate::error::AppError;
use crate::store::{Store, Tx};
use std::time::Duration;

/// Failed attempts per login and address before waiting starts.
pub const FREE_PER_PAIR: i64 = 3;
/// Failed attempts per client address before waiting starts (several people may share one).
pub const FREE_PER_ADDRESS: i64 = 10;
/// Failed attempts per login from unknown devices and addresses before waiting starts.
pub const FREE_PER_LOGIN: i64 = 10;
/// Failed attempts at the current password of one's own password change.
pub const FREE_PER_PASSWORD_CHANGE: i64 = 3;
/// The longest wait, in seconds.
pub const MAX_WAIT_S: i64 = 15 * 60;
/// Failures older than this are forgotten.
pub const FORGET_AFTER_MS: i64 = 12 * 3_600_000;
/// Places in flight older than this were left by a process that stopped.
const STALE_PENDING_MS: i64 = 30_000;
/// How long an attempt waits for a place before it is told to try again.
const WAIT_FOR_PLACE: Duration = Duration::from_secs(10);

/// One counter and the attempts it lets through before waiting starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    pub free: i64,
}

impl Key {
    /// The address's counter forgets a correct attempt rather than starting again: one
    /// person's success says nothing of the others behind the same address.
    fn shared(&self) -> bool {
        self.name.starts_with("addr:")
    }
}

/// The counters of one sign-in attempt; `known` skips the per-login one (a device or address
/// the user has signed in from before).
pub fn sign_in_keys(login_key: &str, addr: &str, known: bool) -> Vec<Key> {
    let mut keys = vec![
        Key { name: format!("pair:{login_key}|{addr}"), free: FREE_PER_PAIR },
        Key { name: format!("addr:{addr}"), free: FREE_PER_ADDRESS },
    ];
    if !known {
        keys.push(Key { name: format!("login:{login_key}"), free: FREE_PER_LOGIN });
    }
    keys
}

/// The counter of the current password in one's own password change.
pub fn password_change_key(user: i64) -> Key {
    Key { name: format!("password:{user}"), free: FREE_PER_PASSWORD_CHANGE }
}

/// The wait after `failures` failed attempts with `free` free ones, in seconds.
pub fn wait_after(failures: i64, free: i64) -> i64 {
    if failures <= free {
        return 0;
    }
    let doublings = (failures - free).min(20) as u32;
    2i64.pow(doublings).min(MAX_WAIT_S)
}

/// The failures that still count, and the places in flight that are not stale, in SQL.
const FAILURES: &str =
    "CASE WHEN login_throttle.last_failure_at < $3 THEN 0 ELSE login_throttle.failures END";
const PENDING: &str = "CASE WHEN login_throttle.pending_at < $4 THEN 0 ELSE login_throttle.pending END";
/// One place given back.
const RELEASED: &str = "CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END";

enum Place {
    Taken,
    /// A key is blocked for this many more milliseconds.
    Blocked(i64),
    /// Every place is in flight; try again shortly.
    Full,
}

/// One try at taking a place under every key, all or nothing. A key admits as many attempts at
/// once as it has free attempts left, plus the one that may start a wait; after a wait, one
/// at a time.
async fn take(store: &Store, keys: &[Key]) -> Result<Place, AppError> {
    let mut tx = store.begin().await?;
    let now = tx.now();
    for key in keys {
        let sql = format!(
            "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until, pending, pending_at)
             VALUES ($1, 0, 0, 0, 1, $2)
             ON CONFLICT (throttle_key) DO UPDATE SET pending = {PENDING} + 1, pending_at = $2
             WHERE login_throttle.blocked_until <= $2
               AND {PENDING} < CASE WHEN {FAILURES} < $5 THEN $5 + 1 - {FAILURES} ELSE 1 END
             RETURNING pending"
        );
        let taken: Option<i64> = sqlx::query_scalar(&sql)
            .bind(&key.name)
            .bind(now)
            .bind(now - FORGET_AFTER_MS)
            .bind(now - STALE_PENDING_MS)
            .bind(key.free)
            .fetch_optional(tx.conn())
            .await?;
        if taken.is_none() {
            // Dropping the transaction gives back the places taken so far.
            drop(tx);
            let until: i64 =
                sqlx::query_scalar("SELECT blocked_until FROM login_throttle WHERE throttle_key = $1")
                    .bind(&key.name)
                    .fetch_optional(store.reader())
                    .await?
                    .unwrap_or(0);
            return Ok(if until > now { Place::Blocked(until - now) } else { Place::Full });
        }
    }
    tx.commit().await?;
    Ok(Place::Taken)
}

/// Takes a place for one attempt under every key, waiting while the places are all in flight;
/// answers how many seconds to wait when a key is blocked (then nothing was taken). Every
/// place taken must be given back with `finish`.
pub async fn attempt(store: &Store, keys: &[Key]) -> Result<Option<u64>, AppError> {
    // A sign-in's step token counts nothing: no transaction for it (issue 17's sign-in cost).
    if keys.is_empty() {
        return Ok(None);
    }
    let deadline = tokio::time::Instant::now() + WAIT_FOR_PLACE;
    loop {
        // Listening before trying, so a place given back meanwhile is not missed.
        let freed = PLACE_FREED.notified();
        tokio::pin!(freed);
        freed.as_mut().enable();
        match take(store, keys).await? {
            Place::Taken => return Ok(None),
            Place::Blocked(ms) => return Ok(Some((ms as u64).div_ceil(1000))),
            Place::Full if tokio::time::Instant::now() >= deadline => return Ok(Some(1)),
            Place::Full => {
                let _ = tokio::time::timeout(RETRY_AFTER, freed).await;
            }
        }
    }
}

/// Wakes one waiting attempt of this process when a place is given back, instead of every
/// waiting attempt trying again every few milliseconds: under a storm of sign-ins from one
/// address (an office behind one router, the load script) that polling took the single
/// writer's time from the sign-ins themselves (docs/MEASUREMENTS.md "Signing in"). Places given
/// back by another instance, or to a waiter of other keys, are found by the retry.
static PLACE_FREED: tokio::sync::Notify = tokio::sync::Notify::const_new();
/// How long a waiting attempt waits for a wake-up before it tries again anyway.
const RETRY_AFTER: Duration = Duration::from_millis(100);

/// Gives back the places of an attempt at once, in a transaction of its own (whatever the
/// sign-in does next): a failure is counted (and may start a wait); a success starts the
/// counters of this login again and leaves the address's as it was.
pub async fn finish(store: &Store, keys: &[Key], succeeded: bool) -> Result<(), AppError> {
    if keys.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin().await?;
    release(&mut tx, keys, succeeded).await?;
    tx.commit().await?;
    PLACE_FREED.notify_one();
    Ok(())
}

async fn release(tx: &mut Tx, keys: &[Key], succeeded: bool) -> Result<(), AppError> {
    let now = tx.now();
    for key in keys {
        if succeeded && !key.shared() {
            sqlx::query("DELETE FROM login_throttle WHERE throttle_key = $1")
                .bind(&key.name)
                .execute(tx.conn())
                .await?;
            continue;
        }
        if succeeded {
            sqlx::query(&format!("UPDATE login_throttle SET pending = {RELEASED} WHERE throttle_key = $1"))
                .bind(&key.name)
                .execute(tx.conn())
                .await?;
            continue;
        }
        let failures: Option<i64> = sqlx::query_scalar(&format!(
            "UPDATE login_throttle SET pending = {RELEASED},
                 failures = CASE WHEN last_failure_at < $2 THEN 1 ELSE failures + 1 END, last_failure_at = $3
             WHERE throttle_key = $1 RETURNING failures"
        ))
        .bind(&key.name)
        .bind(now - FORGET_AFTER_MS)
        .bind(now)
        .fetch_optional(tx.conn())
        .await?;
        let wait = wait_after(failures.unwrap_or(0), key.free);
        if wait > 0 {
            sqlx::query("UPDATE login_throttle SET blocked_until = $1 WHERE throttle_key = $2")
                .bind(now + wait * 1000)
                .bind(&key.name)
                .execute(tx.conn())
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_start_after_the_free_attempts_double_and_stop_at_the_cap() {
        let waits: Vec<i64> = (1..=8).map(|n| wait_after(n, FREE_PER_PAIR)).collect();
        assert_eq!(waits, vec![0, 0, 0, 2, 4, 8, 16, 32]);
        assert_eq!(wait_after(1000, FREE_PER_PAIR), MAX_WAIT_S);
    }

    #[test]
    fn a_known_device_is_not_held_by_the_per_login_counter() {
        let unknown = sign_in_keys("admin", "10.0.0.1", false);
        let known = sign_in_keys("admin", "10.0.0.1", true);
        assert!(unknown.iter().any(|k| k.name == "login:admin"));
        assert!(!known.iter().any(|k| k.name.starts_with("login:")));
        assert!(known.iter().any(|k| k.name == "pair:admin|10.0.0.1"), "the strict pair counter stays");
    }
}
