//! A write transaction that carries the events it raises: they are stored with the change and
//! announced only once it has committed.

use super::Store;
use crate::error::AppError;
use crate::events::{EventKind, LiveEvent};
use sqlx::{Any, AnyConnection, Transaction};

pub struct Tx {
    tx: Transaction<'static, Any>,
    store: Store,
    raised: Vec<LiveEvent>,
}

impl Tx {
    pub(super) fn new(tx: Transaction<'static, Any>, store: Store) -> Tx {
        Tx { tx, store, raised: Vec::new() }
    }

    /// The connection, for the repositories' queries inside the transaction.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    pub fn now(&self) -> i64 {
        self.store.now()
    }

    /// Stores an event with the change; it reaches listeners after the commit.
    pub async fn raise(&mut self, account_id: Option<i64>, kind: EventKind) -> Result<(), AppError> {
        let payload = serde_json::to_string(&kind).map_err(|e| AppError::internal("event", e))?;
        let at = self.now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (at, account_id, payload) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(at)
        .bind(account_id)
        .bind(payload)
        .fetch_one(&mut *self.tx)
        .await?;
        let event = LiveEvent { id, account_id, kind };
        self.store.bus().stage(&mut self.tx, &event).await?;
        self.raised.push(event);
        Ok(())
    }

    pub async fn commit(self) -> Result<(), AppError> {
        self.tx.commit().await?;
        for event in self.raised {
            self.store.bus().committed(event);
        }
        Ok(())
    }
}
