//! Server functions of the notification centre: the user's own notices (rule 8). While a
//! session works on someone's behalf, the notices are the absent user's.

use crate::error::AppError;
use leptos::prelude::*;

/// The newest notices and the unread count. **Permissions:** any session.
#[server(prefix = "/api", endpoint = "notices/inbox")]
pub async fn notices_inbox() -> Result<domain::notices::Inbox, AppError> {
    let ctx = crate::guard::authorize_listed::<NoticesInbox>().await?;
    klucznik_core::notices::service::notices_inbox(&ctx).await
}

/// Marks one notice (or, without an id, all of them) as read. **Permissions:** any session,
/// for its own notices.
#[server(prefix = "/api", endpoint = "notices/read")]
pub async fn mark_read(id: Option<i64>) -> Result<u64, AppError> {
    let ctx = crate::guard::authorize_listed::<MarkRead>().await?;
    klucznik_core::notices::service::mark_read(&ctx, id).await
}
