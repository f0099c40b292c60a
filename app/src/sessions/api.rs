//! Server functions about sessions.

use super::OnlineSession;
use crate::error::AppError;
use leptos::prelude::*;

/// The open sessions of the caller's current account: everyone sees who is signed in.
/// **Permissions:** any session without a pending password change.
#[server(prefix = "/api", endpoint = "sessions/online")]
pub async fn online_now() -> Result<Vec<OnlineSession>, AppError> {
    use crate::guard::{authorize, Need};
    let ctx = authorize(Need::SelfService).await?;
    let zone: String = sqlx::query_scalar("SELECT time_zone FROM accounts WHERE id = $1")
        .bind(ctx.who.account.id)
        .fetch_one(ctx.store().reader())
        .await?;
    let mut list = super::store::online(ctx.store(), ctx.who.account.id).await?;
    for s in &mut list {
        s.since_text = crate::time::format_ms(s.since, &zone, ctx.who.lang);
    }
    Ok(list)
}
