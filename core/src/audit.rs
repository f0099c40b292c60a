//! The audit trail: one way to write it, inside the transaction of the change it records.

use crate::actor::Actor;
use crate::error::AppError;
use crate::store::Tx;
use serde_json::Value;

/// One audit record; `action` is a stable key such as `login` or `user.update`.
#[derive(Debug, Default)]
pub struct Entry<'a> {
    pub action: &'a str,
    pub object_kind: Option<&'a str>,
    pub object_id: Option<i64>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub detail: String,
}

impl<'a> Entry<'a> {
    pub fn new(action: &'a str) -> Self {
        Entry { action, ..Default::default() }
    }

    pub fn object(mut self, kind: &'a str, id: i64) -> Self {
        self.object_kind = Some(kind);
        self.object_id = Some(id);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    pub fn change(mut self, before: Option<Value>, after: Option<Value>) -> Self {
        self.before = before;
        self.after = after;
        self
    }
}

pub async fn record(tx: &mut Tx, actor: &Actor, entry: Entry<'_>) -> Result<(), AppError> {
    let at = tx.now();
    sqlx::query(
        "INSERT INTO audit (at, account_id, session_id, native_user_id, effective_user_id, action,
                            object_kind, object_id, before_json, after_json, detail, client_addr)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(at)
    .bind(actor.account_id)
    .bind(actor.session_id)
    .bind(actor.native_user_id)
    .bind(actor.effective_user_id)
    .bind(entry.action)
    .bind(entry.object_kind)
    .bind(entry.object_id)
    .bind(entry.before.map(|v| v.to_string()))
    .bind(entry.after.map(|v| v.to_string()))
    .bind(entry.detail)
    .bind(&actor.client_addr)
    .execute(tx.conn())
    .await?;
    Ok(())
}
