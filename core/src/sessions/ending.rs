//! Ending a session, whoever ends it (sign-out, the sweep, an administrator's scissors, a
//! blocked user, a deactivated sub-account): the row is closed once, the audit log records it,
//! and the event tells the session lists and the application's stream (docs/ARCHITECTURE.md
//! "Layers": a use case over the sessions repository).

use super::repo;
use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::events::{EndReason, EventKind};
use crate::store::{Store, Tx};
use domain::ids::{AccountId, SessionId, UserId};

/// Ends an open session inside `tx` for `reason`, with the note of whoever ended it; false if
/// it was closed already.
pub async fn end(
    tx: &mut Tx,
    session_id: i64,
    reason: EndReason,
    by: Option<&Actor>,
    note: Option<&str>,
) -> Result<bool, AppError> {
    let now = tx.now();
    let ender = by.filter(|_| reason == EndReason::Ended).and_then(|a| a.native_user_id).map(UserId::get);
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    let Some((user_id, account_id)) = repo::close(tx, now, session_id, reason, ender, note).await? else {
        return Ok(false);
    };
    let actor = match by {
        Some(actor) => actor.clone(),
        None => Actor {
            account_id: Some(AccountId::new(account_id)),
            session_id: Some(SessionId::new(session_id)),
            native_user_id: Some(UserId::new(user_id)),
            effective_user_id: Some(UserId::new(user_id)),
            client_addr: String::new(),
        },
    };
    let action = match reason {
        EndReason::Logout => "logout",
        _ => "session.close",
    };
    audit::record(tx, &actor, Entry::new(action).object("session", session_id).detail(reason.key())).await?;
    let (zone, by) = repo::closing_texts(tx, crate::guard::scope::session(account_id), ender).await?;
    let at_text = crate::time::format_ms(now, &zone, crate::i18n::Lang::En);
    let note = note.map(str::to_string);
    tx.raise(Some(account_id), EventKind::SessionClosed { session_id, user_id, reason, by, at_text, note })
        .await?;
    Ok(true)
}

/// Ends an open session in a transaction of its own.
pub async fn end_now(
    store: &Store,
    session_id: i64,
    reason: EndReason,
    by: Option<&Actor>,
) -> Result<bool, AppError> {
    let mut tx = store.begin().await?;
    let ended = end(&mut tx, session_id, reason, by, None).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Ends a user's open sessions (all, or all but `except`) as `by` did; answers how many.
pub async fn end_all_of(
    tx: &mut Tx,
    by: &Actor,
    user: i64,
    except: Option<i64>,
    reason: EndReason,
) -> Result<usize, AppError> {
    let mut ended = 0;
    for session in repo::open_ids(tx, user, except).await? {
        if end(tx, session, reason, Some(by), None).await? {
            ended += 1;
        }
    }
    Ok(ended)
}
