//! The sessions list (times in the account's zone, columns the viewer may not see blanked),
//! one's own sessions, and ending sessions from either list under rule 6.

use super::admin::{SessionQuery, SessionRow, SessionSort, END_MAX, NOTE_MAX};
use super::list_repo;
use super::SessionT;
use crate::catalogue::{ColumnOp, Module};
use crate::error::{AppError, Message};
use crate::events::EndReason;
use crate::guard::Ctx;
use crate::i18n::CommonT;
use crate::list::Page;

/// The time zone of the caller's account.
pub async fn zone(ctx: &Ctx) -> Result<String, AppError> {
    crate::config::repo::time_zone(ctx.store(), ctx.scope()).await
}

/// Times in the account's zone and the viewer's language; columns the viewer may not see are
/// blanked before they leave the server.
pub fn present(ctx: &Ctx, zone: &str, row: &mut SessionRow) {
    times(ctx, zone, row);
    let viewer_visits = ctx.who.home_account_id != ctx.who.account.id;
    row.endable = row.closed.is_none() && !row.current && (!row.visiting || viewer_visits);
    for sort in SessionSort::ALL {
        let Some(key) = sort.guarded_by() else { continue };
        if ctx.who.rights.column(Module::Sessions, key, ColumnOp::Visible) {
            continue;
        }
        match sort {
            SessionSort::Computer => row.computer.clear(),
            SessionSort::Unit => row.unit.clear(),
            SessionSort::Service => row.service.clear(),
            SessionSort::SessionName => row.session_name.clear(),
            SessionSort::DbVersion => row.db_version.clear(),
            SessionSort::ProgramVersion => row.program_version.clear(),
            _ => {}
        }
    }
}

/// The times of a row in the account's zone and the viewer's language.
fn times(ctx: &Ctx, zone: &str, row: &mut SessionRow) {
    let lang = ctx.who.lang;
    row.created_text = crate::time::format_ms(row.created, zone, lang);
    row.closed_text = row.closed.map(|c| crate::time::format_ms(c, zone, lang)).unwrap_or_default();
    row.last_text = crate::time::format_ms(row.last_activity, zone, lang);
}

pub async fn list(ctx: &Ctx, query: &SessionQuery) -> Result<Page<SessionRow>, AppError> {
    let zone = zone(ctx).await?;
    let mut query = query.clone();
    // A column the viewer may not see is not a sort key either.
    if query.sort.guarded_by().is_some_and(|k| !ctx.who.rights.column(Module::Sessions, k, ColumnOp::Visible))
    {
        query.sort = SessionSort::Created;
    }
    let filter = list_repo::filter(ctx.scope(), &query, &zone);
    let (mut rows, total) =
        list_repo::page(ctx.store(), &filter, query.page, ctx.who.session_id.get()).await?;
    for row in &mut rows {
        present(ctx, &zone, row);
    }
    Ok(Page { rows, total })
}

/// Ends open sessions: of the account (`own` false) or of the caller's own (`own` true).
pub async fn end(ctx: &Ctx, ids: &[i64], note: &str, own: bool) -> Result<usize, AppError> {
    if ids.is_empty() {
        return Err(AppError::refused(SessionT::NothingSelected));
    }
    if ids.len() > END_MAX {
        return Err(AppError::Request(format!("at most {END_MAX} sessions at once")));
    }
    if note.chars().count() > NOTE_MAX {
        let problem = Message::new(CommonT::FieldTooLong).arg("max", NOTE_MAX);
        return Err(AppError::invalid("note", SessionT::Note, problem));
    }
    if ids.contains(&ctx.who.session_id.get()) {
        return Err(AppError::refused(SessionT::NotOwnSession));
    }
    let mut tx = ctx.store().begin().await?;
    let mut ended = 0;
    // The owners of sessions someone else ended are told, once each, after the loop.
    let mut told: Vec<i64> = Vec::new();
    for id in ids {
        let (user, account, home) = list_repo::owner(&mut tx, *id).await?.ok_or(AppError::NotFound)?;
        let visible = if own { user == ctx.who.native.id.get() } else { account == ctx.who.account.id.get() };
        if !visible {
            return Err(AppError::NotFound);
        }
        // A sub-account's own people do not end the sessions of main-account users visiting it.
        if !own && home != account && ctx.who.home_account_id == ctx.who.account.id {
            return Err(AppError::refused(SessionT::VisitorSession));
        }
        if !own && user != ctx.who.native.id.get() {
            // Ending the session of someone who holds more is acting on them (rule 6).
            crate::rights::outrank::may_act_on(ctx, user).await?;
        }
        let by = ctx.actor();
        if super::ending::end(&mut tx, *id, EndReason::Ended, Some(&by), Some(note)).await? {
            ended += 1;
            if user != ctx.who.native.id.get() && !told.contains(&user) {
                told.push(user);
            }
        }
    }
    if !told.is_empty() {
        let by = crate::notices::repo::name_of(&mut tx, ctx.who.native.id.get()).await?;
        let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
        let notice = crate::notices::Notice::SessionEnded { by, note };
        crate::notices::repo::send_all(&mut tx, &told, &notice).await?;
    }
    tx.commit().await?;
    Ok(ended)
}

const MINE_SINCE_MS: i64 = 30 * 24 * 3600 * 1000;

pub async fn mine(ctx: &Ctx) -> Result<Vec<SessionRow>, AppError> {
    let zone = zone(ctx).await?;
    let since = ctx.store().now() - MINE_SINCE_MS;
    let mut rows = list_repo::mine(ctx.store(), ctx.who.native.id, since, ctx.who.session_id).await?;
    for row in &mut rows {
        times(ctx, &zone, row);
    }
    Ok(rows)
}

pub async fn my_open_others(ctx: &Ctx) -> Result<Vec<i64>, AppError> {
    list_repo::open_others(ctx.store(), ctx.who.native.id, ctx.who.session_id).await
}
