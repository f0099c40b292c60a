//! Server functions about sessions.

use super::admin::{SessionQuery, SessionRow};
use super::OnlineSession;
use crate::error::AppError;
use crate::list::Page;
use leptos::prelude::*;

/// The open sessions of the caller's current account: everyone sees who is signed in; where
/// from (the computer) only holders of Sessions / View and its column (seed 000 gives session
/// details to administrators), and each their own. **Permissions:** any session without a
/// pending password change.
#[server(prefix = "/api", endpoint = "sessions/online")]
pub async fn online_now() -> Result<Vec<OnlineSession>, AppError> {
    use crate::catalogue::{ColumnOp, Module, Op};
    let ctx = crate::guard::authorize_listed::<OnlineNow>().await?;
    let zone = super::server::zone(&ctx).await?;
    let rights = &ctx.who.rights;
    let details = rights.can(Module::Sessions, Op::View)
        && rights.column(Module::Sessions, "computer", ColumnOp::Visible);
    let mut list = super::store::online(ctx.store(), ctx.who.account.id).await?;
    for s in &mut list {
        s.since_text = crate::time::format_ms(s.since, &zone, ctx.who.lang);
        if !details && s.user_id != ctx.who.native.id {
            s.computer.clear();
        }
    }
    Ok(list)
}

/// A page of the account's sessions (seed 000). **Permissions:** Sessions / View.
#[server(prefix = "/api", endpoint = "sessions/list", input = server_fn::codec::Json)]
pub async fn list_sessions(query: SessionQuery) -> Result<Page<SessionRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListSessions>().await?;
    query.check()?;
    super::server::list(&ctx, &query).await
}

/// Ends the chosen open sessions of the account, with an optional reason; never the caller's
/// own current session. **Permissions:** Sessions / Delete.
#[server(prefix = "/api", endpoint = "sessions/end", input = server_fn::codec::Json)]
pub async fn end_sessions(ids: Vec<i64>, note: String) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<EndSessions>().await?;
    super::server::end(&ctx, &ids, &note, false).await
}

/// The caller's own sessions: open ones and those of the last 30 days.
/// **Permissions:** self-service.
#[server(prefix = "/api", endpoint = "sessions/mine")]
pub async fn my_sessions() -> Result<Vec<SessionRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<MySessions>().await?;
    super::server::mine(&ctx).await
}

/// Ends some of the caller's own other sessions, or all of them (`ids` empty, `others` true).
/// **Permissions:** self-service.
#[server(prefix = "/api", endpoint = "sessions/end-mine", input = server_fn::codec::Json)]
pub async fn end_my_sessions(ids: Vec<i64>, others: bool) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<EndMySessions>().await?;
    let ids = if others { super::server::my_open_others(&ctx).await? } else { ids };
    if others && ids.is_empty() {
        return Ok(0);
    }
    super::server::end(&ctx, &ids, "", true).await
}
