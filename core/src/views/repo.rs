//! Saved list views in storage: one row per user and list.

use super::ListView;
use crate::error::AppError;
use crate::store::{Store, Tx};

pub async fn get(store: &Store, user: i64, list: &str) -> Result<Option<ListView>, AppError> {
    let json: Option<String> =
        sqlx::query_scalar("SELECT view_json FROM list_views WHERE user_id = $1 AND list_key = $2")
            .bind(user)
            .bind(list)
            .fetch_optional(store.reader())
            .await?;
    // A view that no longer reads (an older format) is as good as none.
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

pub async fn save(tx: &mut Tx, user: i64, list: &str, view: &ListView) -> Result<(), AppError> {
    let json = serde_json::to_string(view).map_err(|e| AppError::internal("list view", e))?;
    let now = tx.now();
    sqlx::query(
        "INSERT INTO list_views (user_id, list_key, view_json, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, list_key) DO UPDATE SET view_json = $3, updated_at = $4",
    )
    .bind(user)
    .bind(list)
    .bind(json)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}
