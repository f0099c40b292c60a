//! The use cases behind the server functions of sessions: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::catalogue::{ColumnOp, Module, Op};
use crate::error::AppError;
use crate::guard::Ctx;
use crate::list::Page;
use domain::sessions::admin::{SessionQuery, SessionRow};
use domain::sessions::OnlineSession;

/// The open sessions of the caller's current account: everyone sees who is signed in; where
/// from (the computer) only holders of Sessions / View and its column (seed 000 gives session
/// details to administrators), and each their own.
pub async fn online_now(ctx: &Ctx) -> Result<Vec<OnlineSession>, AppError> {
    let zone = crate::sessions::listing::zone(ctx).await?;
    let rights = &ctx.who.rights;
    let details = rights.can(Module::Sessions, Op::View)
        && rights.column(Module::Sessions, "computer", ColumnOp::Visible);
    let mut list = crate::sessions::repo::online(ctx.store(), ctx.scope()).await?;
    for s in &mut list {
        s.since_text = crate::time::format_ms(s.since, &zone, ctx.who.lang);
        if !details && s.user_id != ctx.who.native.id.get() {
            s.computer.clear();
        }
    }
    Ok(list)
}

/// A page of the account's sessions (seed 000).
pub async fn list_sessions(ctx: &Ctx, query: SessionQuery) -> Result<Page<SessionRow>, AppError> {
    query.check()?;
    crate::sessions::listing::list(ctx, &query).await
}

/// Ends the chosen open sessions of the account, with an optional reason; never the caller's
/// own current session.
pub async fn end_sessions(ctx: &Ctx, ids: Vec<i64>, note: String) -> Result<usize, AppError> {
    crate::sessions::listing::end(ctx, &ids, &note, false).await
}

/// The caller's own sessions: open ones and those of the last 30 days.
pub async fn my_sessions(ctx: &Ctx) -> Result<Vec<SessionRow>, AppError> {
    crate::sessions::listing::mine(ctx).await
}

/// Ends some of the caller's own other sessions, or all of them (`ids` empty, `others` true).
pub async fn end_my_sessions(ctx: &Ctx, ids: Vec<i64>, others: bool) -> Result<usize, AppError> {
    let ids = if others { crate::sessions::listing::my_open_others(ctx).await? } else { ids };
    if others && ids.is_empty() {
        return Ok(0);
    }
    crate::sessions::listing::end(ctx, &ids, "", true).await
}

/// An export of the sessions list: the page's filters as one query over every matching row.
pub struct Export {
    filter: super::list_repo::Filter,
    sql: String,
}

impl Export {
    pub fn new(ctx: &Ctx, query: &SessionQuery, zone: &str) -> Export {
        let filter = super::list_repo::filter(ctx.scope(), query, zone);
        let sql = super::list_repo::export_sql(&filter);
        Export { filter, sql }
    }

    /// The rows, read as they are sent, each presented as on the page (column rights, names).
    pub fn rows<'a>(
        &'a self,
        ctx: &'a Ctx,
        zone: &'a str,
    ) -> impl futures::Stream<Item = Result<SessionRow, AppError>> + 'a {
        use futures::StreamExt;
        super::list_repo::all(ctx.store(), &self.filter, &self.sql, ctx.who.session_id.get()).map(
            move |row| {
                let mut row = row?;
                crate::sessions::listing::present(ctx, zone, &mut row);
                Ok(row)
            },
        )
    }
}
