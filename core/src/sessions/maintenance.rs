//! The periodic sweep: sessions that timed out, or whose user may no longer sign in (for
//! instance because "valid to" has just passed), are closed at once rather than at their next
//! request; old events and devices unused for 90 days are forgotten.

use super::ending::end_now;
use crate::error::AppError;
use crate::events::EndReason;
use crate::store::Store;
use std::time::Duration;

/// Events are kept this long for streams that resume.
pub const EVENTS_KEPT_MS: i64 = 24 * 3_600_000;

/// One sweep; answers how many sessions it closed.
pub async fn sweep(store: &Store) -> Result<usize, AppError> {
    let now = store.now();
    let rows = super::repo::open_with_standing(store).await?;
    let mut closed = 0;
    for r in &rows {
        let idle = now - r.last_activity_at > r.session_idle_minutes * 60_000;
        let too_long = now - r.created_at > r.session_max_hours * 3_600_000;
        // The same rule as every request's (`resolve`): an application's session holds
        // external users too.
        let barred = r.standing.session(r.service == super::repo::SERVICE, now).is_err();
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
    crate::store::bus::prune(store, now - EVENTS_KEPT_MS).await?;
    crate::auth::repo::forget_devices(store, now - crate::auth::login::KNOWN_FOR_MS).await?;
    Ok(closed)
}

/// Sweeps every `every` for as long as the process runs.
pub fn spawn(store: Store, every: Duration) {
    crate::store::spawn_every(every, "sessions closed that expired or whose user was barred", move || {
        let store = store.clone();
        async move { sweep(&store).await }
    });
}
