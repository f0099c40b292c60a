//! Signing users in to business applications (issue 17, docs/INTEGRATION.md "Sign-in for
//! applications"): by login and password, login and PIN, or a card alone, on behalf of an
//! application client. The console's rules hold — active, unblocked, valid, in an active account,
//! a unit of theirs, "open multiple sessions" across the console and applications — with the
//! application's own: external users always, internal users only where the application accepts
//! them, the external password of a universal user with separate passwords.

use super::policy::{login_key, may_sign_in, LOGIN_MAX, PASSWORD_MAX};
use super::throttle::{self, Key};
use crate::actor::{Actor, Client};
use crate::audit::{self, Entry};
use crate::auth::token::{card_key, hash_token, new_token};
use crate::clients::store::Caller;
use crate::error::AppError;
use crate::events::EndReason;
use crate::guard::CoreState;
use crate::sessions::store::{self as sessions, Opening};
use crate::store::{flag, Tx};
use sqlx::Row;

/// The longest computer and session names (seed 000's columns).
pub const NAME_MAX: usize = 100;
/// The longest PIN and card number (seed 001).
pub const PIN_MAX: usize = 6;
pub const CARD_MAX: usize = 50;
/// PIN failures in a row that lock the PIN until an administrator sets a new one.
pub const PIN_LOCK_AFTER: i64 = 3;
/// How long a step token (continue after "already signed in") stays good.
const STEP_MS: i64 = 120_000;

/// What the user proves themselves with.
#[derive(Clone, Debug)]
pub enum Secret {
    Password(String),
    Pin(String),
    Card(String),
    /// The step token of an earlier answer: the secret was checked then.
    Step(String),
}

#[derive(Clone, Debug)]
pub struct AppRequest {
    pub login: String,
    pub secret: Secret,
    pub computer: String,
    pub session_name: String,
    pub unit: Option<i64>,
    pub close_other: bool,
}

/// A session opened for an application.
#[derive(Clone, Debug)]
pub struct AppSession {
    pub token: String,
    pub session_id: i64,
    pub user_id: i64,
    pub login: String,
    pub full_name: String,
    pub account_id: i64,
    pub account_name: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub rights_version: i64,
    pub must_change_password: bool,
}

/// Why no session was opened.
#[derive(Debug)]
pub enum SignInError {
    /// A field is missing or malformed (nothing was checked).
    Invalid(AppError),
    /// Unknown login, card or step, or a wrong secret: one answer for all.
    WrongCredentials,
    /// The secret was right but the user may not come in: the reason's key.
    Refused(&'static str),
    /// Too many PIN failures: an administrator sets a new PIN.
    PinLocked,
    Throttled(u64),
    /// Without "open multiple sessions" the user has a session already; the same request with
    /// `close_other` (or this step token and `close_other`) ends it.
    AlreadySignedIn {
        computer: String,
        service: String,
        since: i64,
        step: String,
    },
    Internal(AppError),
}

impl From<AppError> for SignInError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Throttled { seconds } => SignInError::Throttled(seconds),
            e @ AppError::Invalid(_) => SignInError::Invalid(e),
            e => SignInError::Internal(e),
        }
    }
}

impl From<sqlx::Error> for SignInError {
    fn from(e: sqlx::Error) -> Self {
        SignInError::Internal(e.into())
    }
}

/// The checks of the fields, before anything else.
pub fn check(r: &AppRequest) -> Result<(), AppError> {
    use crate::error::{Checks, Message};
    use crate::i18n::CommonT;
    use domain::auth::AuthT;
    let mut c = Checks::new();
    let mut bounded = |field: &str, label: AuthT, value: &str, max: usize, required: bool| {
        if required && value.trim().is_empty() {
            c.add(field, label, Message::new(CommonT::FieldRequired));
        } else if value.chars().count() > max {
            c.add(field, label, Message::new(CommonT::FieldTooLong).arg("max", max));
        }
    };
    bounded("computer", AuthT::Computer, &r.computer, NAME_MAX, true);
    bounded("session_name", AuthT::SessionName, &r.session_name, NAME_MAX, true);
    match &r.secret {
        Secret::Password(p) => {
            bounded("login", AuthT::Login, &r.login, LOGIN_MAX, true);
            bounded("password", AuthT::Password, p, PASSWORD_MAX, true);
        }
        Secret::Pin(pin) => {
            bounded("login", AuthT::Login, &r.login, LOGIN_MAX, true);
            if pin.is_empty() || pin.len() > PIN_MAX || !pin.chars().all(|ch| ch.is_ascii_digit()) {
                c.add("pin", AuthT::Pin, Message::new(AuthT::PinDigits).arg("max", PIN_MAX));
            }
        }
        Secret::Card(card) => bounded("card", AuthT::Card, card, CARD_MAX, true),
        Secret::Step(step) => bounded("step", AuthT::Step, step, 100, true),
    }
    c.finish()
}

/// Whether the client's application lets internal users in, and the service name sessions get.
async fn application_of(state: &CoreState, caller: &Caller) -> Result<(bool, String), AppError> {
    if caller.application == crate::clients::BUILT_IN_APPLICATION {
        return Ok((true, caller.name.clone()));
    }
    let app = crate::applications::store::load(state.store(), caller.account_id, &caller.application).await?;
    Ok(match app {
        Some((c, _)) => (c.accepts_internal_users, c.name.en),
        None => (false, caller.application.clone()),
    })
}

const USER_SQL: &str = "SELECT u.id, u.login, u.full_name, u.account_id, u.kind, u.active, u.blocked,
        u.valid_from, u.valid_to, u.password_hash, u.external_password_hash, u.shared_password,
        u.pin_hash, u.pin_failures, u.pin_locked_at, u.must_change_password, u.default_unit_id,
        a.active AS account_active, a.name AS account_name, a.rights_version
 FROM users u JOIN accounts a ON a.id = u.account_id
 WHERE (a.id = $2 OR a.parent_id = $2) AND a.deleted_at IS NULL";

/// The user a request names, in the client's main account or its sub-accounts.
async fn find(
    state: &CoreState,
    caller: &Caller,
    r: &AppRequest,
) -> Result<(Option<sqlx::any::AnyRow>, Option<i64>), AppError> {
    let store = state.store();
    let by = |column: &str| format!("{USER_SQL} AND u.{column} = $1");
    Ok(match &r.secret {
        Secret::Password(_) | Secret::Pin(_) => (
            sqlx::query(&by("login_key"))
                .bind(login_key(&r.login))
                .bind(caller.account_id)
                .fetch_optional(store.reader())
                .await?,
            None,
        ),
        Secret::Card(card) => (
            sqlx::query(&by("card_hash"))
                .bind(card_key(card))
                .bind(caller.account_id)
                .fetch_optional(store.reader())
                .await?,
            None,
        ),
        Secret::Step(step) => {
            let mut tx = store.begin().await?;
            // Single use: the row goes whatever follows.
            let row: Option<(i64, Option<i64>)> = sqlx::query_as(
                "DELETE FROM sign_in_steps WHERE token_hash = $1 AND client_id = $2 AND expires_at > $3
                 RETURNING user_id, unit_id",
            )
            .bind(hash_token(step))
            .bind(caller.id)
            .bind(tx.now())
            .fetch_optional(tx.conn())
            .await?;
            tx.commit().await?;
            match row {
                Some((user, unit)) => (
                    sqlx::query(&by("id"))
                        .bind(user)
                        .bind(caller.account_id)
                        .fetch_optional(store.reader())
                        .await?,
                    unit,
                ),
                None => (None, None),
            }
        }
    })
}

/// The throttle's counters for a request: per login (or card) from this application, per login
/// everywhere (shared with the console), per calling address; a PIN is held back hardest.
fn keys(caller: &Caller, client: &Client, r: &AppRequest) -> Vec<Key> {
    let addr = Key { name: format!("addr:app:{}", client.addr), free: 50 };
    match &r.secret {
        Secret::Password(_) => {
            let login = login_key(&r.login);
            vec![
                Key { name: format!("pair:app{}|{login}", caller.id), free: throttle::FREE_PER_PAIR },
                Key { name: format!("login:{login}"), free: throttle::FREE_PER_LOGIN },
                addr,
            ]
        }
        Secret::Pin(_) => {
            vec![Key { name: format!("pin:{}", login_key(&r.login)), free: PIN_LOCK_AFTER }, addr]
        }
        Secret::Card(card) => vec![Key { name: format!("card:{}", card_key(card)), free: 3 }, addr],
        Secret::Step(_) => vec![addr],
    }
}

/// The hash a password is checked against: a universal user's external password when they have
/// separate ones, an external user's external password, else the console password.
fn password_column(kind: &str, shared: bool) -> &'static str {
    match (kind, shared) {
        ("external", _) | ("universal", false) => "external_password_hash",
        _ => "password_hash",
    }
}

/// Checks the secret; `Ok(Some(column))` names the secret's "last used" column on success.
async fn verify(
    state: &CoreState,
    r: &AppRequest,
    user: Option<&sqlx::any::AnyRow>,
) -> Result<Option<&'static str>, SignInError> {
    let hasher = state.hasher();
    match &r.secret {
        Secret::Password(p) => {
            let column = match user {
                Some(u) => password_column(&u.try_get::<String, _>("kind")?, flag(u, "shared_password")?),
                None => "password_hash",
            };
            let hash: Option<String> = match user {
                Some(u) => u.try_get(column)?,
                None => None,
            };
            let ok = hasher.verify(p, hash.as_deref()).await?;
            let used = if column == "password_hash" { "" } else { "external_password_used_at" };
            Ok(ok.then_some(used))
        }
        Secret::Pin(pin) => {
            let locked = match user {
                Some(u) => u.try_get::<Option<i64>, _>("pin_locked_at")?.is_some(),
                None => false,
            };
            let hash: Option<String> = match user {
                Some(u) if !locked => u.try_get("pin_hash")?,
                _ => None,
            };
            // A locked PIN costs the same work as a checked one.
            let ok = hasher.verify(pin, hash.as_deref()).await?;
            if locked {
                return Err(SignInError::PinLocked);
            }
            Ok(ok.then_some("pin_used_at"))
        }
        Secret::Card(_) => Ok(user.map(|_| "card_used_at")),
        Secret::Step(_) => Ok(user.map(|_| "")),
    }
}

fn clip(s: &str) -> String {
    s.trim().chars().take(LOGIN_MAX).collect()
}

/// Opens a session for an application, or says why not. Every outcome is audited with the
/// application's name.
pub async fn sign_in(
    state: &CoreState,
    caller: &Caller,
    client: &Client,
    r: &AppRequest,
) -> Result<AppSession, SignInError> {
    check(r).map_err(SignInError::Invalid)?;
    let store = state.store();
    let (accepts_internal, service) = application_of(state, caller).await?;
    let (user, step_unit) = find(state, caller, r).await?;
    let keys = keys(caller, client, r);
    let mut actor =
        Actor { client_addr: client.addr.clone(), account_id: Some(caller.account_id), ..Default::default() };
    let what = match &r.secret {
        Secret::Card(_) => "card".to_string(),
        _ => clip(&r.login),
    };
    if let Some(seconds) = throttle::attempt(store, &keys).await? {
        let mut tx = store.begin().await?;
        audit::record(&mut tx, &actor, Entry::new("login.throttled").detail(format!("{service}: {what}")))
            .await?;
        tx.commit().await?;
        return Err(SignInError::Throttled(seconds));
    }
    let verified = verify(state, r, user.as_ref()).await;
    let correct = matches!(verified, Ok(Some(_)));
    throttle::finish(store, &keys, correct && user.is_some()).await?;
    let mut tx = store.begin().await?;
    if let (Secret::Pin(_), Some(u), Ok(ok)) = (&r.secret, &user, &verified) {
        pin_outcome(&mut tx, &actor, u.try_get("id")?, u.try_get("pin_failures")?, ok.is_some(), &service)
            .await?;
    }
    let used = match verified {
        Ok(Some(used)) if user.is_some() => used,
        Err(SignInError::PinLocked) => {
            tx.commit().await?;
            return Err(SignInError::PinLocked);
        }
        Err(e) => return Err(e),
        _ => {
            audit::record(&mut tx, &actor, Entry::new("login.failed").detail(format!("{service}: {what}")))
                .await?;
            tx.commit().await?;
            return Err(SignInError::WrongCredentials);
        }
    };
    let Some(user) = user else { return Err(SignInError::WrongCredentials) };
    let user_id: i64 = user.try_get("id")?;
    let account_id: i64 = user.try_get("account_id")?;
    actor.account_id = Some(account_id);
    actor.native_user_id = Some(user_id);
    actor.effective_user_id = Some(user_id);
    let kind: String = user.try_get("kind")?;
    let account_active = flag(&user, "account_active")?;
    // The secret was right: the application may now learn why the user cannot come in.
    let refusal = if kind == "internal" && !accepts_internal {
        Err("internal_user")
    } else {
        // External users are the applications' own; the console's other rules hold.
        may_sign_in(
            "universal",
            flag(&user, "active")?,
            flag(&user, "blocked")?,
            user.try_get("valid_from")?,
            user.try_get("valid_to")?,
            tx.now(),
        )
        .map_err(|r| r.key())
        .and(if account_active { Ok(()) } else { Err("account_inactive") })
    };
    let units = super::login::units_of(&mut tx, user_id, account_id).await?;
    let refusal = refusal.and(if units.is_empty() { Err("no_unit") } else { Ok(()) });
    if let Err(reason) = refusal {
        let entry =
            Entry::new("login.refused").object("user", user_id).detail(format!("{service}: {reason}"));
        audit::record(&mut tx, &actor, entry).await?;
        tx.commit().await?;
        return Err(SignInError::Refused(reason));
    }
    // Seed 001: the default unit, unless the application names one of the user's units.
    let unit_id = match r.unit.or(step_unit) {
        Some(chosen) if units.iter().any(|(id, _)| *id == chosen) => chosen,
        Some(_) => {
            use crate::error::Message;
            use domain::auth::AuthT;
            return Err(SignInError::Invalid(AppError::invalid(
                "unit",
                AuthT::Unit,
                Message::new(AuthT::UnitNotYours),
            )));
        }
        None => user
            .try_get::<Option<i64>, _>("default_unit_id")?
            .filter(|d| units.iter().any(|(id, _)| id == d))
            .unwrap_or(units[0].0),
    };
    // One session per user across the console and applications, unless the permission says
    // otherwise (seed 000); the user's row orders racing sign-ins.
    sqlx::query("UPDATE users SET version = version WHERE id = $1").bind(user_id).execute(tx.conn()).await?;
    let open: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, computer, service, created_at FROM sessions WHERE user_id = $1 AND closed_at IS NULL ORDER BY created_at",
    )
    .bind(user_id)
    .fetch_all(tx.conn())
    .await?;
    if !open.is_empty() && !super::login::may_hold_several(store, user_id, account_id).await? {
        if !r.close_other {
            let step = new_token();
            sqlx::query(
                "INSERT INTO sign_in_steps (token_hash, user_id, client_id, unit_id, expires_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(hash_token(&step))
            .bind(user_id)
            .bind(caller.id)
            .bind(unit_id)
            .bind(tx.now() + STEP_MS)
            .execute(tx.conn())
            .await?;
            tx.commit().await?;
            let (_, computer, service, since) = open[0].clone();
            return Err(SignInError::AlreadySignedIn { computer, service, since, step });
        }
        for (id, ..) in &open {
            sessions::end(&mut tx, *id, EndReason::Replaced, None, None).await?;
        }
    }
    let token = new_token();
    let opening = Opening {
        user_id,
        account_id,
        unit_id: Some(unit_id),
        token_hash: &hash_token(&token),
        client,
        service: Some(sessions::Service {
            service: &service,
            session_name: r.session_name.trim(),
            computer: r.computer.trim(),
            client_id: caller.id,
        }),
    };
    let session_id = sessions::open(&mut tx, store.schema_version(), opening).await?;
    if !used.is_empty() {
        sqlx::query(&format!("UPDATE users SET {used} = $1 WHERE id = $2"))
            .bind(tx.now())
            .bind(user_id)
            .execute(tx.conn())
            .await?;
    }
    actor.session_id = Some(session_id);
    audit::record(&mut tx, &actor, Entry::new("login").object("session", session_id).detail(service.clone()))
        .await?;
    let unit_name = units.iter().find(|(id, _)| *id == unit_id).map(|(_, n)| n.clone()).unwrap_or_default();
    tx.commit().await?;
    Ok(AppSession {
        token,
        session_id,
        user_id,
        login: user.try_get("login")?,
        full_name: user.try_get("full_name")?,
        account_id,
        account_name: user.try_get("account_name")?,
        unit_id,
        unit_name,
        rights_version: user.try_get("rights_version")?,
        must_change_password: flag(&user, "must_change_password")?,
    })
}

/// A PIN failure counts towards the lock; a success forgets the failures.
async fn pin_outcome(
    tx: &mut Tx,
    actor: &Actor,
    user: i64,
    failures: i64,
    ok: bool,
    service: &str,
) -> Result<(), AppError> {
    if ok {
        sqlx::query("UPDATE users SET pin_failures = 0 WHERE id = $1").bind(user).execute(tx.conn()).await?;
        return Ok(());
    }
    let failures = failures + 1;
    let lock = failures >= PIN_LOCK_AFTER;
    sqlx::query("UPDATE users SET pin_failures = $1, pin_locked_at = $2 WHERE id = $3")
        .bind(failures)
        .bind(lock.then(|| tx.now()))
        .bind(user)
        .execute(tx.conn())
        .await?;
    if lock {
        audit::record(
            tx,
            actor,
            Entry::new("login.pin_locked").object("user", user).detail(service.to_string()),
        )
        .await?;
    }
    Ok(())
}

/// Whether an open session is an application session of the caller's main account (or its
/// sub-accounts): only those may be reported on or ended by the caller.
pub async fn owns(state: &CoreState, caller: &Caller, session_id: i64) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT s.id FROM sessions s JOIN accounts a ON a.id = s.home_account_id
         WHERE s.id = $1 AND s.service <> $2 AND (a.id = $3 OR a.parent_id = $3)",
    )
    .bind(session_id)
    .bind(sessions::SERVICE)
    .bind(caller.account_id)
    .fetch_optional(state.store().reader())
    .await?;
    Ok(found.is_some())
}

/// Ends an application session: the user signed out of the application.
pub async fn sign_out(
    state: &CoreState,
    caller: &Caller,
    client: &Client,
    session_id: i64,
) -> Result<(), AppError> {
    let mut tx = state.store().begin().await?;
    let actor = Actor {
        client_addr: client.addr.clone(),
        account_id: Some(caller.account_id),
        session_id: Some(session_id),
        ..Default::default()
    };
    if sessions::end(&mut tx, session_id, EndReason::Logout, None, None).await? {
        audit::record(
            &mut tx,
            &actor,
            Entry::new("logout").object("session", session_id).detail(caller.name.clone()),
        )
        .await?;
    }
    tx.commit().await
}
