//! The use cases behind the server functions of notices: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::error::AppError;
use crate::guard::Ctx;

/// The newest notices and the unread count.
pub async fn notices_inbox(ctx: &Ctx) -> Result<domain::notices::Inbox, AppError> {
    let zone = crate::config::repo::load(ctx.store(), ctx.scope()).await?.time_zone;
    crate::notices::repo::inbox(ctx.store(), ctx.who.effective.id.get(), &zone, ctx.who.lang).await
}

/// Marks one notice (or, without an id, all of them) as read.
pub async fn mark_read(ctx: &Ctx, id: Option<i64>) -> Result<u64, AppError> {
    let mut tx = ctx.store().begin().await?;
    let done = crate::notices::repo::mark_read(&mut tx, ctx.who.effective.id.get(), id).await?;
    tx.commit().await?;
    Ok(done)
}
