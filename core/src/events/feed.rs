//! What one session's live stream reads (docs/ARCHITECTURE.md "Events"): the bus to follow and,
//! on a resume, the events it missed. Given only to an authorized call.

use crate::guard::Ctx;
use crate::store::Store;
use domain::events::LiveEvent;
use std::sync::Arc;
use tokio::sync::broadcast;

pub struct Feed {
    store: Store,
    account: i64,
}

impl Feed {
    /// The feed of the caller's current account.
    pub fn of(ctx: &Ctx) -> Feed {
        Feed { store: ctx.store().clone(), account: ctx.who.account.id.get() }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<LiveEvent>> {
        self.store.bus().subscribe()
    }

    /// The account's events after `last`, at most `limit`; false when more were missed. A
    /// failure is the stream's to log as a warning (it goes on live), not an internal error.
    pub async fn backlog(&self, last: i64, limit: i64) -> Result<(Vec<LiveEvent>, bool), sqlx::Error> {
        crate::store::bus::backlog(&self.store, self.account, last, limit).await
    }
}
