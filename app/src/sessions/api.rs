//! Server functions about sessions.

use crate::error::AppError;
use crate::list::Page;
use domain::sessions::admin::{SessionQuery, SessionRow};
use domain::sessions::OnlineSession;
use leptos::prelude::*;

/// The open sessions of the caller's current account: everyone sees who is signed in; where
/// from (the computer) only holders of Sessions / View and its column (seed 000 gives session
/// details to administrators), and each their own. **Permissions:** any session without a
/// pending password change.
#[server(prefix = "/api", endpoint = "sessions/online")]
pub async fn online_now() -> Result<Vec<OnlineSession>, AppError> {
    let ctx = crate::guard::authorize_listed::<OnlineNow>().await?;
    klucznik_core::sessions::service::online_now(&ctx).await
}

/// A page of the account's sessions (seed 000). **Permissions:** Sessions / View.
#[server(prefix = "/api", endpoint = "sessions/list", input = server_fn::codec::Json)]
pub async fn list_sessions(query: SessionQuery) -> Result<Page<SessionRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListSessions>().await?;
    klucznik_core::sessions::service::list_sessions(&ctx, query).await
}

/// Ends the chosen open sessions of the account, with an optional reason; never the caller's
/// own current session. **Permissions:** Sessions / Delete.
#[server(prefix = "/api", endpoint = "sessions/end", input = server_fn::codec::Json)]
pub async fn end_sessions(ids: Vec<i64>, note: String) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<EndSessions>().await?;
    klucznik_core::sessions::service::end_sessions(&ctx, ids, note).await
}

/// The caller's own sessions: open ones and those of the last 30 days.
/// **Permissions:** self-service.
#[server(prefix = "/api", endpoint = "sessions/mine")]
pub async fn my_sessions() -> Result<Vec<SessionRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<MySessions>().await?;
    klucznik_core::sessions::service::my_sessions(&ctx).await
}

/// Ends some of the caller's own other sessions, or all of them (`ids` empty, `others` true).
/// **Permissions:** self-service.
#[server(prefix = "/api", endpoint = "sessions/end-mine", input = server_fn::codec::Json)]
pub async fn end_my_sessions(ids: Vec<i64>, others: bool) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<EndMySessions>().await?;
    klucznik_core::sessions::service::end_my_sessions(&ctx, ids, others).await
}
