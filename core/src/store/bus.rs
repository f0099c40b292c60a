//! The event bus. In one process it is a broadcast channel. On PostgreSQL every event is also
//! sent with NOTIFY inside the writing transaction, so it is delivered at commit to every
//! instance listening on the database, this one included.

use super::url::{Backend, DbUrl};
use crate::error::AppError;
use domain::events::{EventKind, LiveEvent};
use sqlx::postgres::PgListener;
use sqlx::{AnyConnection, AnyPool};
use std::sync::Arc;
use tokio::sync::broadcast;

const CHANNEL: &str = "klucznik_events";

#[derive(Clone)]
pub struct Bus {
    sender: broadcast::Sender<Arc<LiveEvent>>,
    /// Events come back through LISTEN rather than straight from the commit.
    over_postgres: bool,
}

impl Bus {
    pub async fn start(url: &DbUrl, _pool: &AnyPool) -> Result<Bus, sqlx::Error> {
        let (sender, _) = broadcast::channel(4096);
        let over_postgres = url.backend == Backend::Postgres;
        if over_postgres {
            let mut listener = PgListener::connect(url.as_str()).await?;
            listener.listen(CHANNEL).await?;
            tokio::spawn(listen(listener, sender.clone()));
        }
        Ok(Bus { sender, over_postgres })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<LiveEvent>> {
        self.sender.subscribe()
    }

    /// Called inside the writing transaction.
    pub(crate) async fn stage(&self, conn: &mut AnyConnection, event: &LiveEvent) -> Result<(), AppError> {
        if self.over_postgres {
            let payload = serde_json::to_string(event).map_err(|e| AppError::internal("event", e))?;
            sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(conn).await?;
        }
        Ok(())
    }

    /// Called after the transaction committed.
    pub(crate) fn committed(&self, event: LiveEvent) {
        if !self.over_postgres {
            // No receivers is not an error: nobody is listening yet.
            let _ = self.sender.send(Arc::new(event));
        }
    }
}

async fn listen(mut listener: PgListener, sender: broadcast::Sender<Arc<LiveEvent>>) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => match serde_json::from_str::<LiveEvent>(notification.payload()) {
                Ok(event) => {
                    let _ = sender.send(Arc::new(event));
                }
                Err(e) => tracing::warn!("unreadable event notification: {e}"),
            },
            // The connection was lost and is being re-made: whatever came meanwhile is gone.
            Ok(None) => {
                tracing::warn!("event listener reconnected; asking pages to re-read");
                let _ = sender.send(Arc::new(LiveEvent { id: 0, account_id: None, kind: EventKind::Resync }));
            }
            Err(e) => {
                tracing::error!("event listener failed: {e}; retrying in 1 s");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

/// Events of `account` after `last` (at most `limit`), and whether nothing between was already pruned.
pub async fn backlog(
    store: &super::Store,
    account: i64,
    last: i64,
    limit: i64,
) -> Result<(Vec<LiveEvent>, bool), sqlx::Error> {
    let oldest: Option<i64> =
        sqlx::query_scalar("SELECT MIN(id) FROM events").fetch_one(store.reader()).await?;
    let rows: Vec<(i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT id, account_id, payload FROM events
         WHERE id > $1 AND (account_id IS NULL OR account_id = $2)
         ORDER BY id LIMIT $3",
    )
    .bind(last)
    .bind(account)
    .bind(limit + 1)
    .fetch_all(store.reader())
    .await?;
    let mut complete = oldest.is_none_or(|o| o <= last + 1) && rows.len() as i64 <= limit;
    let mut events = Vec::new();
    for (id, account_id, payload) in rows.into_iter().take(limit as usize) {
        match serde_json::from_str::<EventKind>(&payload) {
            Ok(kind) => events.push(LiveEvent { id, account_id, kind }),
            Err(_) => complete = false,
        }
    }
    Ok((events, complete))
}

/// Forgets the events stored before `at` (streams that resume further back start afresh).
pub async fn prune(store: &super::Store, at: i64) -> Result<(), AppError> {
    let mut tx = store.begin().await?;
    sqlx::query("DELETE FROM events WHERE at < $1").bind(at).execute(tx.conn()).await?;
    tx.commit().await
}
