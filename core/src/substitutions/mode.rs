//! Working as the absent user: starting and ending the mode of one session, and ending it for
//! every session when the substitution stops (deactivated, period over, absent user barred).
//! Each change is audited, the people concerned are told, and the session lists hear of it.

use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::events::{EventKind, Topic};
use crate::guard::Ctx;
use crate::notices::{repo::name_of, repo::send, Notice};
use crate::store::{Store, Tx};
use crate::substitutions::repo::mode as rows;
use crate::substitutions::{ModeEnd, Startable, SubT};
use domain::ids::{AccountId, SessionId, UserId};

/// Whether a session may go on working in its substitution, from the substitution's row and
/// the absent user's: the reason it must stop, if it must.
pub fn must_stop(
    active: bool,
    ends_at: i64,
    absent_active: bool,
    absent_blocked: bool,
    now: i64,
) -> Option<ModeEnd> {
    if now >= ends_at {
        Some(ModeEnd::PeriodOver)
    } else if !active {
        Some(ModeEnd::Deactivated)
    } else if !absent_active || absent_blocked {
        Some(ModeEnd::AbsentBarred)
    } else {
        None
    }
}

/// What the caller may start now: nothing while already working as someone (no chains) or
/// while visiting another account.
pub async fn startable(ctx: &Ctx) -> Result<Vec<Startable>, AppError> {
    let who = &ctx.who;
    if who.native.id != who.effective.id || who.account.id != who.home_account_id {
        return Ok(Vec::new());
    }
    let startable = rows::startable(ctx.store(), who.native.id, who.home_scope(), ctx.store().now()).await?;
    Ok(startable
        .into_iter()
        .map(|r| Startable {
            id: r.id,
            absent: crate::users::display_name(&r.login, &r.full_name),
            to_day: r.to_day,
        })
        .collect())
}

/// Makes the caller's session work as the absent user of substitution `id`.
pub async fn start(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    let who = &ctx.who;
    if who.native.id != who.effective.id {
        return Err(AppError::refused(SubT::AlreadyWorkingAs));
    }
    if who.account.id != who.home_account_id {
        // Substitutions live in the home account.
        return Err(AppError::refused(SubT::CannotStart));
    }
    let mut tx = ctx.store().begin().await?;
    let now = tx.now();
    let row = rows::startable_one(&mut tx, who.native.id, who.home_scope(), now, id).await?;
    let Some(row) = row else {
        // Another's substitution, or one of another account, is simply not there.
        let theirs = rows::is_substitute(&mut tx, id, who.home_scope(), who.native.id).await?;
        return Err(if theirs { AppError::refused(SubT::CannotStart) } else { AppError::NotFound });
    };
    let absent = row.absent_user_id;
    // Rule 6 again at the start: the absent user's rights may have grown since the
    // substitution was saved; whoever vouched for it must still hold what is gained.
    if let Some(author) = row.vouched_by {
        let store = ctx.store();
        let (author, _) = crate::rights::outrank::snapshot_of(store, author, who.home_scope()).await?;
        let covered = crate::rights::outrank::covers_gain(
            store,
            &author,
            absent,
            who.native.id.get(),
            who.home_scope(),
        )
        .await?;
        if !covered {
            return Err(AppError::refused(SubT::AuthorLacksRights));
        }
    }
    if !rows::enter(&mut tx, who.session_id, absent, id).await? {
        return Err(AppError::refused(SubT::AlreadyWorkingAs));
    }
    let mut actor = ctx.actor();
    actor.effective_user_id = Some(UserId::new(absent));
    audit::record(&mut tx, &actor, Entry::new("substitution.start").object("substitution", id)).await?;
    let substitute = name_of(&mut tx, who.native.id.get()).await?;
    send(&mut tx, absent, &Notice::SubstitutionStarted { substitute }).await?;
    tx.raise(Some(who.account.id.get()), EventKind::Changed { topic: Topic::Sessions }).await?;
    tx.commit().await
}

/// The caller ends their own work on someone's behalf.
pub async fn end_own(ctx: &Ctx) -> Result<(), AppError> {
    let mut tx = ctx.store().begin().await?;
    let Some(id) = rows::substitution_of(&mut tx, ctx.who.session_id).await? else {
        return Ok(());
    };
    end_one(&mut tx, ctx.who.session_id.get(), id, ModeEnd::Ended, Some(&ctx.actor())).await?;
    tx.commit().await
}

/// Ends the mode of one session working in substitution `id`; the session is told unless it
/// ended the mode itself. Answers whether it was working in it.
pub async fn end_one(
    tx: &mut Tx,
    session_id: i64,
    id: i64,
    why: ModeEnd,
    by: Option<&Actor>,
) -> Result<bool, AppError> {
    let Some((user, absent, account)) = rows::leave(tx, session_id, id).await? else { return Ok(false) };
    let actor = by.cloned().unwrap_or(Actor {
        account_id: Some(AccountId::new(account)),
        session_id: Some(SessionId::new(session_id)),
        native_user_id: Some(UserId::new(user)),
        effective_user_id: Some(UserId::new(absent)),
        client_addr: String::new(),
    });
    let key = match why {
        ModeEnd::Ended => "ended",
        ModeEnd::Deactivated => "deactivated",
        ModeEnd::PeriodOver => "period_over",
        ModeEnd::AbsentBarred => "absent_barred",
    };
    let entry = Entry::new("substitution.end")
        .object("substitution", id)
        .detail(format!("session {session_id}: {key}"));
    audit::record(tx, &actor, entry).await?;
    let (substitute, absent_name) = (name_of(tx, user).await?, name_of(tx, absent).await?);
    send(tx, absent, &Notice::SubstitutionStopped { substitute }).await?;
    if why != ModeEnd::Ended {
        send(tx, user, &Notice::ModeEnded { absent: absent_name.clone(), why }).await?;
        tx.raise(Some(account), EventKind::SubstitutionEnded { session_id, absent: absent_name, why })
            .await?;
    }
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Sessions }).await?;
    Ok(true)
}

/// Ends the mode of every session working in substitution `id`.
pub async fn end_all(tx: &mut Tx, id: i64, why: ModeEnd) -> Result<usize, AppError> {
    let mut ended = 0;
    for session in rows::sessions_in(tx, id).await? {
        if end_one(tx, session, id, why, None).await? {
            ended += 1;
        }
    }
    Ok(ended)
}

/// Ends the mode of sessions whose substitution stopped (its last day is over, it was
/// deactivated, or the absent user was barred); answers how many.
pub async fn sweep(store: &Store) -> Result<usize, AppError> {
    let now = store.now();
    let mut ended = 0;
    for r in rows::working(store).await? {
        if let Some(why) = must_stop(r.active, r.ends_at, r.a_active, r.a_blocked, now) {
            let mut tx = store.begin().await?;
            if end_one(&mut tx, r.session_id, r.id, why, None).await? {
                ended += 1;
            }
            tx.commit().await?;
        }
    }
    Ok(ended)
}

/// Sweeps every `every` for as long as the process runs: the end of a period takes effect
/// within that time, whether or not the session makes a request.
pub fn spawn(store: Store, every: std::time::Duration) {
    crate::store::spawn_every(every, "sessions whose work on someone's behalf ended", move || {
        let store = store.clone();
        async move { sweep(&store).await }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_stops_for_the_first_reason_that_holds() {
        assert_eq!(must_stop(true, 100, true, false, 99), None);
        assert_eq!(must_stop(true, 100, true, false, 100), Some(ModeEnd::PeriodOver));
        assert_eq!(must_stop(false, 100, true, false, 50), Some(ModeEnd::Deactivated));
        assert_eq!(must_stop(true, 100, false, false, 50), Some(ModeEnd::AbsentBarred));
        assert_eq!(must_stop(true, 100, true, true, 50), Some(ModeEnd::AbsentBarred));
    }
}
