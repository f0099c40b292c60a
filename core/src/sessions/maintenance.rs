//! The periodic sweep: sessions that timed out, or whose user may no longer sign in (for
//! instance because "valid to" has just passed), are closed at once rather than at their next
//! request; old events are pruned.

use super::ending::end_now;
use crate::auth::standing::Standing;
use crate::error::AppError;
use crate::events::EndReason;
use crate::store::Store;
use std::time::Duration;

/// Events are kept this long for streams that resume.
pub const EVENTS_KEPT_MS: i64 = 24 * 3_600_000;

/// An open session with its user and home account.
#[derive(sqlx::FromRow)]
struct SweepRecord {
    id: i64,
    created_at: i64,
    last_activity_at: i64,
    session_idle_minutes: i64,
    session_max_hours: i64,
    service: String,
    #[sqlx(flatten)]
    standing: Standing,
}

/// One sweep; answers how many sessions it closed.
pub async fn sweep(store: &Store) -> Result<usize, AppError> {
    let now = store.now();
    let rows: Vec<SweepRecord> = sqlx::query_as(
        "SELECT s.id, s.created_at, s.last_activity_at, h.session_idle_minutes, h.session_max_hours,
                s.service, u.kind, u.active, u.blocked, u.valid_from, u.valid_to
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts h ON h.id = s.home_account_id
         WHERE s.closed_at IS NULL",
    )
    .fetch_all(store.reader())
    .await?;
    let mut closed = 0;
    for r in &rows {
        let idle = now - r.last_activity_at > r.session_idle_minutes * 60_000;
        let too_long = now - r.created_at > r.session_max_hours * 3_600_000;
        // The same rule as every request's (`resolve`): an application's session holds
        // external users too.
        let barred = r.standing.session(&r.service, now).is_err();
        let reason = if idle || too_long {
            EndReason::Expired
        } else if barred {
            EndReason::Ended
        } else {
            continue;
        };
        if end_now(store, r.id, reason, None).await? {
            closed += 1;
        }
    }
    let mut tx = store.begin().await?;
    sqlx::query("DELETE FROM events WHERE at < $1").bind(now - EVENTS_KEPT_MS).execute(tx.conn()).await?;
    tx.commit().await?;
    Ok(closed)
}

/// Sweeps every `every` for as long as the process runs.
pub fn spawn(store: Store, every: Duration) {
    crate::store::spawn_every(every, "sessions closed that expired or whose user was barred", move || {
        let store = store.clone();
        async move { sweep(&store).await }
    });
}
