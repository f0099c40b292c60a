//! Resolving a session token into `Who`, the first step of the request path (docs/ARCHITECTURE.md): the
//! session row, its users and account, the timeouts, and the rights snapshot. A session past its
//! time is closed here, a working-as mode past its end ended, access to a sub-account that
//! ended sends the session home.

use crate::auth::token::hash_token;
use crate::error::AppError;
use crate::events::EndReason;
use crate::guard::{scope, AccountRef, CoreState, UserRef, Who};
use crate::i18n::Lang;
use crate::rights::snapshots::load_snapshot;
use crate::sessions::repo::token;
use crate::sessions::{ending, repo as sessions};
use crate::store::{non_null, Store};
use domain::ids::{AccountId, SessionId, UnitId, UserId};
use domain::prefs::Theme;
use std::sync::Arc;

/// How often at most the last-activity time of a session is written.
const TOUCH_EVERY_MS: i64 = 5_000;

/// Whether the session of `token` is still open (without counting this as activity).
pub async fn still_open(state: &CoreState, token: &str) -> bool {
    current_account(state, token).await.is_some()
}

/// The account the open session of `token` works in now, if it is open.
pub async fn current_account(state: &CoreState, token: &str) -> Option<i64> {
    match resolve(state, token, false).await {
        Ok(Some(who)) => Some(who.account.id.get()),
        _ => None,
    }
}

/// The account the session works in now, if it is still open, found by its id: its token may
/// have changed since (a new one after one's own password change).
pub async fn current_account_of(state: &CoreState, session_id: i64) -> Option<i64> {
    let hash = token::token_hash(state.store(), session_id).await.ok().flatten();
    match resolve_hash(state, &hash?, false).await {
        Ok(Some(who)) => Some(who.account.id.get()),
        _ => None,
    }
}

/// The session behind a token, or `None` if it is unknown, closed or has just expired.
/// `touch` records the request as activity of the session.
pub async fn resolve(state: &CoreState, token: &str, touch: bool) -> Result<Option<Arc<Who>>, AppError> {
    resolve_hash(state, &hash_token(token), touch).await
}

async fn resolve_hash(state: &CoreState, hash: &str, touch: bool) -> Result<Option<Arc<Who>>, AppError> {
    let store = state.store();
    let Some(row) = token::by_token(store, hash).await? else {
        return Ok(None);
    };
    if row.closed_at.is_some() {
        return Ok(None);
    }
    let session_id = row.id;
    let user_id = row.user_id;
    let now = store.now();
    let created = row.created_at;
    let last = row.last_activity_at;
    let idle_ms = row.session_idle_minutes * 60_000;
    let max_ms = row.session_max_hours * 3_600_000;
    if now - last > idle_ms || now - created > max_ms {
        ending::end_now(store, session_id, EndReason::Expired, None).await?;
        return Ok(None);
    }
    let web = row.service == sessions::SERVICE;
    let signable = row.standing.session(row.service == sessions::SERVICE, now);
    if signable.is_err() || !row.home_active {
        ending::end_now(store, session_id, EndReason::Ended, None).await?;
        return Ok(None);
    }
    if touch && now - last >= TOUCH_EVERY_MS {
        let store = store.clone();
        tokio::spawn(async move {
            if let Err(e) = sessions::touch(&store, session_id).await {
                tracing::warn!("could not record session activity: {e}");
            }
        });
    }

    let native = UserRef { id: UserId::new(user_id), login: row.login, full_name: row.full_name };
    let home_account_id = row.home_account_id;
    let mut substitution = None;
    if let Some(sub) = row.substitution_id {
        let stop = crate::substitutions::mode::must_stop(
            non_null(row.sub_active, "sub_active")?.0,
            non_null(row.sub_ends_at, "sub_ends_at")?,
            non_null(row.absent_active, "absent_active")?.0,
            non_null(row.absent_blocked, "absent_blocked")?.0,
            now,
        );
        match stop {
            // A safety net: the sweep ends the mode when the period ends, the change that
            // deactivates it ends it at once.
            Some(why) => {
                let mut tx = store.begin().await?;
                crate::substitutions::mode::end_one(&mut tx, session_id, sub, why, None).await?;
                tx.commit().await?;
            }
            None => substitution = Some((sub, non_null(row.sub_to_day, "sub_to_day")?)),
        }
    }
    let (effective, effective_home) = match row.effective_user_id {
        Some(id) if id != user_id && substitution.is_some() => load_user(store, id).await?,
        _ => (native.clone(), home_account_id),
    };
    let mut account = AccountRef {
        id: AccountId::new(row.current_account_id),
        name: row.account_name,
        is_main: row.account_parent.is_none(),
    };
    if row.may_be_here == 0 {
        // Access to the sub-account ended without the session being moved (a safety net:
        // the change that ends it moves the session itself).
        let mut tx = store.begin().await?;
        crate::accounts::repo::send_home(&mut tx, scope::session(account.id.get()), Some(user_id)).await?;
        tx.commit().await?;
        account = AccountRef {
            id: AccountId::new(home_account_id),
            name: row.home_name,
            is_main: row.home_parent.is_none(),
        };
    }
    // The unit is the home account's: in a sub-account the session works in none.
    let (unit_id, unit_name) = if account.id == AccountId::new(home_account_id) {
        (row.unit_id, row.unit_name)
    } else {
        (None, None)
    };
    let version = (row.home_version, row.current_version);
    let rights = match state.rights_cache.get(effective.id.get(), account.id.get(), version) {
        Some(snapshot) => snapshot,
        None => {
            let snapshot = Arc::new(
                load_snapshot(
                    store,
                    effective.id.get(),
                    scope::session(effective_home),
                    scope::session(account.id.get()),
                )
                .await?,
            );
            state.rights_cache.put(effective.id.get(), account.id.get(), version, snapshot.clone());
            snapshot
        }
    };
    Ok(Some(Arc::new(Who {
        session_id: SessionId::new(session_id),
        web,
        native,
        effective,
        home_account_id: AccountId::new(home_account_id),
        account,
        unit_id: unit_id.map(UnitId::new),
        unit_name,
        substitution,
        rights,
        must_change_password: row.must_change_password,
        lang: Lang::from_code(&row.language).unwrap_or_default(),
        theme: Theme::from_key(&row.theme),
    })))
}

async fn load_user(store: &Store, id: i64) -> Result<(UserRef, i64), AppError> {
    token::user_ref(store, id).await
}
