//! Resolving a session token into `Who`, the first step of the request path (docs/ARCHITECTURE.md): the
//! session row, its users and account, the timeouts, and the rights snapshot. A session past its
//! time is closed here, a working-as mode past its end ended, access to a sub-account that
//! ended sends the session home.

use crate::auth::standing::Standing;
use crate::auth::token::hash_token;
use crate::error::AppError;
use crate::events::EndReason;
use crate::guard::{AccountRef, CoreState, UserRef, Who};
use crate::i18n::Lang;
use crate::rights::snapshots::load_snapshot;
use crate::sessions::{ending, repo as sessions};
use crate::store::{non_null, Flag, Store};
use domain::prefs::Theme;
use std::sync::Arc;

/// How often at most the last-activity time of a session is written.
const TOUCH_EVERY_MS: i64 = 5_000;

const SESSION_SQL: &str = "
SELECT s.id, s.user_id, s.effective_user_id, s.home_account_id, s.current_account_id, s.unit_id,
       s.created_at, s.last_activity_at, s.closed_at, s.service,
       u.login, u.full_name, u.kind, u.active, u.blocked, u.valid_from, u.valid_to,
       u.must_change_password, u.language, u.theme,
       a.name AS account_name, a.parent_id AS account_parent,
       h.name AS home_name, h.parent_id AS home_parent, h.active AS home_active,
       h.session_idle_minutes, h.session_max_hours,
       CASE WHEN s.current_account_id = s.home_account_id THEN 1
            WHEN a.parent_id = s.home_account_id AND h.parent_id IS NULL AND a.active = TRUE
                 AND a.deleted_at IS NULL
                 AND (EXISTS (SELECT 1 FROM account_access x WHERE x.account_id = a.id AND x.user_id = s.user_id)
                      OR EXISTS (SELECT 1 FROM role_members m JOIN roles r ON r.id = m.role_id
                                 WHERE m.user_id = s.user_id AND r.account_id = s.home_account_id
                                   AND r.builtin = 'administrators'))
            THEN 1 ELSE 0 END AS may_be_here,
       h.rights_version AS home_version, a.rights_version AS current_version,
       s.substitution_id, b.to_day AS sub_to_day, b.active AS sub_active, b.ends_at AS sub_ends_at,
       au.active AS absent_active, au.blocked AS absent_blocked
FROM sessions s
LEFT JOIN substitutions b ON b.id = s.substitution_id
LEFT JOIN users au ON au.id = b.absent_user_id
JOIN users u ON u.id = s.user_id
JOIN accounts a ON a.id = s.current_account_id
JOIN accounts h ON h.id = s.home_account_id
WHERE s.token_hash = $1";

/// A row of `SESSION_SQL`. The working-as mode's columns are NULL without a substitution.
#[derive(sqlx::FromRow)]
struct SessionRecord {
    id: i64,
    user_id: i64,
    effective_user_id: Option<i64>,
    home_account_id: i64,
    current_account_id: i64,
    unit_id: Option<i64>,
    created_at: i64,
    last_activity_at: i64,
    closed_at: Option<i64>,
    service: String,
    login: String,
    full_name: String,
    #[sqlx(flatten)]
    standing: Standing,
    #[sqlx(try_from = "Flag")]
    must_change_password: bool,
    language: String,
    theme: String,
    account_name: String,
    account_parent: Option<i64>,
    home_name: String,
    home_parent: Option<i64>,
    #[sqlx(try_from = "Flag")]
    home_active: bool,
    session_idle_minutes: i64,
    session_max_hours: i64,
    may_be_here: i64,
    home_version: i64,
    current_version: i64,
    substitution_id: Option<i64>,
    sub_to_day: Option<String>,
    sub_active: Option<Flag>,
    sub_ends_at: Option<i64>,
    absent_active: Option<Flag>,
    absent_blocked: Option<Flag>,
}

/// Whether the session of `token` is still open (without counting this as activity).
pub async fn still_open(state: &CoreState, token: &str) -> bool {
    current_account(state, token).await.is_some()
}

/// The account the open session of `token` works in now, if it is open.
pub async fn current_account(state: &CoreState, token: &str) -> Option<i64> {
    match resolve(state, token, false).await {
        Ok(Some(who)) => Some(who.account.id),
        _ => None,
    }
}

/// The account the session works in now, if it is still open, found by its id: its token may
/// have changed since (a new one after one's own password change).
pub async fn current_account_of(state: &CoreState, session_id: i64) -> Option<i64> {
    let hash: Option<String> = sqlx::query_scalar("SELECT token_hash FROM sessions WHERE id = $1")
        .bind(session_id)
        .fetch_optional(state.store().reader())
        .await
        .ok()
        .flatten();
    match resolve_hash(state, &hash?, false).await {
        Ok(Some(who)) => Some(who.account.id),
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
    let Some(row) =
        sqlx::query_as::<_, SessionRecord>(SESSION_SQL).bind(hash).fetch_optional(store.reader()).await?
    else {
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
    let signable = row.standing.session(&row.service, now);
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

    let native = UserRef { id: user_id, login: row.login, full_name: row.full_name };
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
        id: row.current_account_id,
        name: row.account_name,
        is_main: row.account_parent.is_none(),
    };
    if row.may_be_here == 0 {
        // Access to the sub-account ended without the session being moved (a safety net:
        // the change that ends it moves the session itself).
        let mut tx = store.begin().await?;
        crate::accounts::repo::send_home(&mut tx, account.id, Some(user_id)).await?;
        tx.commit().await?;
        account = AccountRef { id: home_account_id, name: row.home_name, is_main: row.home_parent.is_none() };
    }
    let unit_id = if account.id == home_account_id { row.unit_id } else { None };
    let version = (row.home_version, row.current_version);
    let rights = match state.rights_cache.get(effective.id, account.id, version) {
        Some(snapshot) => snapshot,
        None => {
            let snapshot = Arc::new(load_snapshot(store, effective.id, effective_home, account.id).await?);
            state.rights_cache.put(effective.id, account.id, version, snapshot.clone());
            snapshot
        }
    };
    Ok(Some(Arc::new(Who {
        session_id,
        web,
        native,
        effective,
        home_account_id,
        account,
        unit_id,
        substitution,
        rights,
        must_change_password: row.must_change_password,
        lang: Lang::from_code(&row.language).unwrap_or_default(),
        theme: Theme::from_key(&row.theme),
    })))
}

async fn load_user(store: &Store, id: i64) -> Result<(UserRef, i64), AppError> {
    let (login, full_name, account): (String, String, i64) =
        sqlx::query_as("SELECT login, full_name, account_id FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(store.reader())
            .await?;
    Ok((UserRef { id, login, full_name }, account))
}
