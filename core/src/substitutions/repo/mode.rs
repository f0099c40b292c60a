//! Working as the absent user: starting and ending the mode of one session, and ending it for
//! every session when the substitution stops (deactivated, period over, absent user barred).

use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::events::{EventKind, Topic};
use crate::guard::Ctx;
use crate::notices::{repo::name_of, repo::send, Notice};
use crate::store::{Flag, Store, Tx};
use crate::substitutions::{ModeEnd, Startable, SubT};

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

const STARTABLE: &str = "
SELECT b.id, b.to_day, b.absent_user_id, b.vouched_by, a.login, a.full_name
FROM substitutions b JOIN users a ON a.id = b.absent_user_id
WHERE b.substitute_user_id = $1 AND b.account_id = $2 AND b.active = TRUE
  AND b.starts_at <= $3 AND b.ends_at > $3 AND a.active = TRUE AND a.blocked = FALSE";

/// A row of `STARTABLE`: the substitution and its absent user.
#[derive(sqlx::FromRow)]
struct StartableRecord {
    id: i64,
    to_day: String,
    absent_user_id: i64,
    vouched_by: Option<i64>,
    login: String,
    full_name: String,
}

/// What the caller may start now: nothing while already working as someone (no chains) or
/// while visiting another account.
pub async fn startable(ctx: &Ctx) -> Result<Vec<Startable>, AppError> {
    let who = &ctx.who;
    if who.native.id != who.effective.id || who.account.id != who.home_account_id {
        return Ok(Vec::new());
    }
    let rows: Vec<StartableRecord> = sqlx::query_as(&format!("{STARTABLE} ORDER BY b.ends_at, b.id"))
        .bind(who.native.id)
        .bind(who.home_account_id)
        .bind(ctx.store().now())
        .fetch_all(ctx.store().reader())
        .await?;
    Ok(rows
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
    let row: Option<StartableRecord> = sqlx::query_as(&format!("{STARTABLE} AND b.id = $4"))
        .bind(who.native.id)
        .bind(who.home_account_id)
        .bind(now)
        .bind(id)
        .fetch_optional(tx.conn())
        .await?;
    let Some(row) = row else {
        // Another's substitution, or one of another account, is simply not there.
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM substitutions WHERE id = $1 AND account_id = $2 AND substitute_user_id = $3",
        )
        .bind(id)
        .bind(who.home_account_id)
        .bind(who.native.id)
        .fetch_optional(tx.conn())
        .await?;
        return Err(if exists.is_some() { AppError::refused(SubT::CannotStart) } else { AppError::NotFound });
    };
    let absent = row.absent_user_id;
    // Rule 6 again at the start: the absent user's rights may have grown since the
    // substitution was saved; whoever vouched for it must still hold what is gained.
    if let Some(author) = row.vouched_by {
        let store = ctx.store();
        let (author, _) = crate::rights::outrank::snapshot_of(store, author, who.home_account_id).await?;
        let covered =
            crate::rights::outrank::covers_gain(store, &author, absent, who.native.id, who.home_account_id)
                .await?;
        if !covered {
            return Err(AppError::refused(SubT::AuthorLacksRights));
        }
    }
    let moved = sqlx::query(
        "UPDATE sessions SET effective_user_id = $1, substitution_id = $2
         WHERE id = $3 AND closed_at IS NULL AND substitution_id IS NULL",
    )
    .bind(absent)
    .bind(id)
    .bind(who.session_id)
    .execute(tx.conn())
    .await?
    .rows_affected();
    if moved == 0 {
        return Err(AppError::refused(SubT::AlreadyWorkingAs));
    }
    let mut actor = ctx.actor();
    actor.effective_user_id = Some(absent);
    audit::record(&mut tx, &actor, Entry::new("substitution.start").object("substitution", id)).await?;
    let substitute = name_of(&mut tx, who.native.id).await?;
    send(&mut tx, absent, &Notice::SubstitutionStarted { substitute }).await?;
    tx.raise(Some(who.account.id), EventKind::Changed { topic: Topic::Sessions }).await?;
    tx.commit().await
}

/// The caller ends their own work on someone's behalf.
pub async fn end_own(ctx: &Ctx) -> Result<(), AppError> {
    let mut tx = ctx.store().begin().await?;
    let substitution: Option<i64> = sqlx::query_scalar("SELECT substitution_id FROM sessions WHERE id = $1")
        .bind(ctx.who.session_id)
        .fetch_one(tx.conn())
        .await?;
    let Some(id) = substitution else {
        return Ok(());
    };
    end_one(&mut tx, ctx.who.session_id, id, ModeEnd::Ended, Some(&ctx.actor())).await?;
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
    // `effective_user_id` is set while a session works in a substitution.
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT s.user_id, s.effective_user_id, s.current_account_id FROM sessions s
         WHERE s.id = $1 AND s.substitution_id = $2 AND s.closed_at IS NULL",
    )
    .bind(session_id)
    .bind(id)
    .fetch_optional(tx.conn())
    .await?;
    let Some((user, absent, account)) = row else { return Ok(false) };
    sqlx::query("UPDATE sessions SET effective_user_id = NULL, substitution_id = NULL WHERE id = $1")
        .bind(session_id)
        .execute(tx.conn())
        .await?;
    let actor = by.cloned().unwrap_or(Actor {
        account_id: Some(account),
        session_id: Some(session_id),
        native_user_id: Some(user),
        effective_user_id: Some(absent),
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
    let sessions: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM sessions WHERE substitution_id = $1 AND closed_at IS NULL")
            .bind(id)
            .fetch_all(tx.conn())
            .await?;
    let mut ended = 0;
    for session in sessions {
        if end_one(tx, session, id, why, None).await? {
            ended += 1;
        }
    }
    Ok(ended)
}

/// A session working in a substitution, with the substitution and its absent user.
#[derive(sqlx::FromRow)]
struct SweepRecord {
    session_id: i64,
    id: i64,
    #[sqlx(try_from = "Flag")]
    active: bool,
    ends_at: i64,
    #[sqlx(try_from = "Flag")]
    a_active: bool,
    #[sqlx(try_from = "Flag")]
    a_blocked: bool,
}

/// Ends the mode of sessions whose substitution stopped (its last day is over, it was
/// deactivated, or the absent user was barred); answers how many.
pub async fn sweep(store: &Store) -> Result<usize, AppError> {
    let now = store.now();
    let rows: Vec<SweepRecord> = sqlx::query_as(
        "SELECT s.id AS session_id, b.id, b.active, b.ends_at, a.active AS a_active, a.blocked AS a_blocked
         FROM sessions s JOIN substitutions b ON b.id = s.substitution_id JOIN users a ON a.id = b.absent_user_id
         WHERE s.substitution_id IS NOT NULL AND s.closed_at IS NULL",
    )
    .fetch_all(store.reader())
    .await?;
    let mut ended = 0;
    for r in rows {
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
