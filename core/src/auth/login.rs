//! Signing in on the server: throttle, verify, tell a refused user why only after a correct
//! password, open the session, audit every outcome.

use super::policy::{login_key, LOGIN_MAX, PASSWORD_MAX};
use super::repo;
use super::{throttle, AuthT};
use crate::actor::{Actor, Client};
use crate::audit::{self, Entry};
use crate::auth::token::{hash_token, new_token};
use crate::catalogue::{Permission, Right};
use crate::error::{AppError, Checks, Message};
use crate::events::EndReason;
use crate::guard::PublicCtx;
use crate::guard::Scope;
use crate::i18n::{CommonT, Lang};
use crate::sessions::ending;
use crate::sessions::repo::{self as sessions, Opening};
use domain::ids::{AccountId, SessionId, UserId};

/// A successful sign-in: the token for the cookie and where to go next.
pub struct SignedIn {
    pub token: String,
    /// A new device token for the device cookie, when the device had none for this user.
    pub device: Option<String>,
    pub must_change_password: bool,
    pub lang: Lang,
}

/// What a correct password leads to.
pub enum Outcome {
    Signed(SignedIn),
    /// The user has several units: the same request again with one of them, and the step
    /// token instead of a second password check (issue 17: one verification per sign-in).
    ChooseUnit {
        units: Vec<(i64, String)>,
        default_unit: Option<i64>,
        step: String,
    },
    /// Without "open multiple sessions" the user already has an open session: continuing
    /// (the same request with `replace`) ends it (seed 000).
    AlreadySignedIn {
        computer: String,
        since_text: String,
        unit: i64,
        step: String,
    },
}

/// How long a step token of the console's sign-in stays good.
const STEP_MS: i64 = 120_000;

/// A single-use step token for the next request of a sign-in: the console's (no client) or an
/// application client's, with the unit already chosen.
pub(crate) async fn new_step(
    tx: &mut crate::store::Tx,
    user: i64,
    client: Option<i64>,
    unit: Option<i64>,
) -> Result<String, AppError> {
    let step = new_token();
    let expires_at = tx.now() + STEP_MS;
    repo::insert_step(tx, &hash_token(&step), user, client, unit, expires_at).await?;
    Ok(step)
}

/// The units a user may sign in to: those of their roles in their account (Everyone's too).
pub(crate) async fn units_of(
    tx: &mut crate::store::Tx,
    user: i64,
    account: Scope,
) -> Result<Vec<(i64, String)>, AppError> {
    let ids = repo::sign_in_unit_ids(tx, user, account).await?;
    let all = crate::units::repo::list(&mut *tx, account).await?;
    let mut units: Vec<(i64, String)> =
        ids.into_iter().map(|id| (id, crate::units::path(&all, id))).collect();
    units.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(units)
}

/// Whether the user's rights include "open multiple sessions", by the snapshot the guard keeps
/// for the account's rights version (issue 17's sign-in cost: no rights read per sign-in).
pub(crate) async fn may_hold_several(
    state: &crate::guard::CoreState,
    user: i64,
    account: Scope,
) -> Result<bool, AppError> {
    let store = state.store();
    let version = repo::rights_version(store, account).await?;
    let version = (version, version);
    let rights = match state.rights_cache.get(user, account.id(), version) {
        Some(snapshot) => snapshot,
        None => {
            let snapshot = std::sync::Arc::new(
                crate::rights::snapshots::load_snapshot(store, user, account, account).await?,
            );
            state.rights_cache.put(user, account.id(), version, snapshot.clone());
            snapshot
        }
    };
    Ok(rights.allows(Right::Perm(Permission::MultipleSessions)))
}

/// What an audit record keeps of a typed login: bounded, never the whole input.
fn clip(login: &str) -> String {
    login.trim().chars().take(LOGIN_MAX).collect()
}

/// Whether the user has signed in from this device (its cookie) or this address before: then
/// the per-login counter does not hold them back (docs/BEHAVIOUR.md "Throttling sign-ins").
async fn known_place(store: &crate::store::Store, user: i64, client: &Client) -> Result<bool, AppError> {
    let since = store.now() - KNOWN_FOR_MS;
    if let Some(device) = &client.device {
        if repo::device_known(store, &hash_token(device), user, since).await? {
            return Ok(true);
        }
    }
    repo::address_known(store, user, &client.addr, since).await
}

/// A device or address stays known this long after a sign-in from it.
pub(crate) const KNOWN_FOR_MS: i64 = 90 * 24 * 3_600_000;

/// Records the device of a successful sign-in; answers a new device token when the device had
/// none (or one this user had not used).
async fn remember_device(
    tx: &mut crate::store::Tx,
    user: i64,
    client: &Client,
) -> Result<Option<String>, AppError> {
    let (token, fresh) = match &client.device {
        Some(device) => (device.clone(), false),
        None => (new_token(), true),
    };
    repo::remember_device(tx, &hash_token(&token), user).await?;
    Ok(fresh.then_some(token))
}

pub fn check_form(login: &str, password: &str) -> Result<(), AppError> {
    let mut checks = Checks::new();
    if login.trim().is_empty() {
        checks.add("login", AuthT::Login, Message::new(CommonT::FieldRequired));
    } else if login.chars().count() > LOGIN_MAX {
        checks.add("login", AuthT::Login, Message::new(CommonT::FieldTooLong).arg("max", LOGIN_MAX));
    }
    if password.is_empty() {
        checks.add("password", AuthT::Password, Message::new(CommonT::FieldRequired));
    } else if password.chars().count() > PASSWORD_MAX {
        checks.add("password", AuthT::Password, Message::new(CommonT::FieldTooLong).arg("max", PASSWORD_MAX));
    }
    checks.finish()
}

pub async fn sign_in(
    ctx: &PublicCtx,
    login: &str,
    password: &str,
    unit: Option<i64>,
    replace: bool,
    step: Option<&str>,
) -> Result<Outcome, AppError> {
    check_form(login, password)?;
    let store = ctx.store();
    let key = login_key(login);
    let user = repo::console_user(store, &key).await?;
    // The step token of this sign-in's first answer stands for the password checked then, and
    // is used up in the transaction that opens the session (one write transaction for the
    // second request, issue 17's sign-in cost). An unknown, expired or other user's one is
    // used up at once, and the password is checked again.
    let mut stepped = None;
    if let Some(step) = step.filter(|s| !s.is_empty() && s.len() <= 100) {
        let mut tx = store.begin().await?;
        match (&user, repo::take_step(&mut tx, &hash_token(step), None).await?) {
            (Some(user), Some((id, _))) if user.id == id => stepped = Some(tx),
            _ => tx.commit().await?,
        }
    }
    let by_step = stepped.is_some();
    let known = match &user {
        Some(user) if !by_step => known_place(store, user.id, &ctx.client).await?,
        _ => false,
    };
    let keys = if by_step { Vec::new() } else { throttle::sign_in_keys(&key, &ctx.client.addr, known) };
    if let Some(seconds) = throttle::attempt(store, &keys).await? {
        let mut tx = store.begin().await?;
        let actor = Actor { client_addr: ctx.client.addr.clone(), ..Default::default() };
        audit::record(&mut tx, &actor, Entry::new("login.throttled").detail(clip(login))).await?;
        tx.commit().await?;
        return Err(AppError::Throttled { seconds });
    }
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let correct = by_step || ctx.state().hasher().verify(password, hash.as_deref()).await?;
    throttle::finish(store, &keys, correct && user.is_some()).await?;

    let mut tx = match stepped {
        Some(tx) => tx,
        None => store.begin().await?,
    };
    let mut actor = Actor { client_addr: ctx.client.addr.clone(), ..Default::default() };
    let (Some(user), true) = (user, correct) else {
        audit::record(&mut tx, &actor, Entry::new("login.failed").detail(clip(login))).await?;
        tx.commit().await?;
        return Err(AppError::refused(AuthT::WrongCredentials));
    };
    let (user_id, account_id) = (user.id, user.account_id);
    let scope = crate::guard::scope::signing_in(account_id);
    actor.account_id = Some(AccountId::new(account_id));
    actor.native_user_id = Some(UserId::new(user_id));
    actor.effective_user_id = Some(UserId::new(user_id));
    // The password was right: the user may now learn why they cannot come in.
    let refusal =
        user.standing.console(tx.now()).map_err(|r| (r.key(), r.message())).and(if user.account_active {
            Ok(())
        } else {
            Err(("account_inactive", AuthT::RefusedAccountInactive))
        });
    let units = units_of(&mut tx, user_id, scope).await?;
    let no_unit = if units.is_empty() { Err(("no_unit", AuthT::RefusedNoUnit)) } else { Ok(()) };
    let refusal = refusal.and(no_unit);
    if let Err((reason, message)) = refusal {
        audit::record(&mut tx, &actor, Entry::new("login.refused").object("user", user_id).detail(reason))
            .await?;
        tx.commit().await?;
        return Err(AppError::refused(message));
    }
    let default_unit = user
        .default_unit_id
        .filter(|d| units.iter().any(|(id, _)| id == d))
        .or_else(|| units.first().map(|(id, _)| *id));
    let unit_id = match unit {
        Some(chosen) if units.iter().any(|(id, _)| *id == chosen) => chosen,
        Some(_) => {
            // A step token is used up whatever follows.
            tx.commit().await?;
            return Err(AppError::invalid("unit", AuthT::Unit, Message::new(AuthT::UnitNotYours)));
        }
        None if units.len() == 1 => units[0].0,
        None => {
            let step = new_step(&mut tx, user_id, None, None).await?;
            tx.commit().await?;
            return Ok(Outcome::ChooseUnit { units, default_unit, step });
        }
    };
    // A password past its periodic change must be changed now.
    let policy = crate::users::service::policy_of(store, scope, user_id).await?;
    let expired = policy.expired(user.password_changed_at, tx.now());
    if expired {
        repo::require_password_change(&mut tx, user_id).await?;
    }

    // One session per user unless the permission says otherwise. Touching the user's row
    // first makes racing sign-ins of one user wait for each other (a row lock on PostgreSQL;
    // SQLite has a single writer anyway).
    repo::hold_user(&mut tx, user_id).await?;
    let open = sessions::open_of(&mut tx, user_id).await?;
    if !open.is_empty() && !may_hold_several(ctx.state(), user_id, scope).await? {
        if !replace {
            let step = new_step(&mut tx, user_id, None, None).await?;
            tx.commit().await?;
            let (_, computer, _, since) = open[0].clone();
            let zone = crate::config::repo::time_zone(store, scope).await?;
            let lang = Lang::from_code(&user.language).unwrap_or_default();
            let since_text = crate::time::format_ms(since, &zone, lang);
            return Ok(Outcome::AlreadySignedIn { computer, since_text, unit: unit_id, step });
        }
        for (id, ..) in &open {
            ending::end(&mut tx, *id, EndReason::Replaced, None, None).await?;
        }
    }

    let token = new_token();
    let opening = Opening {
        user_id,
        account_id,
        unit_id: Some(unit_id),
        token_hash: &hash_token(&token),
        client: &ctx.client,
        service: None,
    };
    let session_id = sessions::open(&mut tx, store.schema_version(), opening).await?;
    let device = remember_device(&mut tx, user_id, &ctx.client).await?;
    actor.session_id = Some(SessionId::new(session_id));
    audit::record(&mut tx, &actor, Entry::new("login").object("session", session_id)).await?;
    tx.commit().await?;
    Ok(Outcome::Signed(SignedIn {
        token,
        device,
        must_change_password: expired || user.must_change_password,
        lang: Lang::from_code(&user.language).unwrap_or_default(),
    }))
}
