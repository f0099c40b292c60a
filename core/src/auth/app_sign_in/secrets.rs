//! Finding the user a sign-in names and checking what they prove themselves with: password
//! (which of the user's passwords), PIN (with its lock), card, step token; the throttle's keys.

use super::*;
use crate::auth::repo::{self, AppUserBy};

/// Whether the client's application lets internal users in, and the service name sessions get.
pub(super) async fn application_of(state: &CoreState, caller: &Caller) -> Result<(bool, String), AppError> {
    if caller.application == crate::clients::BUILT_IN_APPLICATION {
        return Ok((true, caller.name.clone()));
    }
    let app = crate::applications::repo::load(state.store(), caller.scope(), &caller.application).await?;
    Ok(match app {
        Some((c, _)) => (c.accepts_internal_users, c.name.en),
        None => (false, caller.application.clone()),
    })
}

pub(super) use crate::auth::repo::AppUser;

/// The user a request names, in the client's main account or its sub-accounts.
pub(super) async fn find(
    state: &CoreState,
    caller: &Caller,
    r: &AppRequest,
) -> Result<(Option<AppUser>, Option<i64>), AppError> {
    let store = state.store();
    let main = caller.scope();
    Ok(match &r.secret {
        Secret::Password(_) | Secret::Pin(_) => {
            (repo::app_user(store, AppUserBy::LoginKey(&login_key(&r.login)), main).await?, None)
        }
        Secret::Card(card) => (repo::app_user(store, AppUserBy::CardKey(&card_key(card)), main).await?, None),
        Secret::Step(step) => {
            let mut tx = store.begin().await?;
            // Single use: the row goes whatever follows.
            let row = repo::take_step(&mut tx, &hash_token(step), Some(caller.id)).await?;
            tx.commit().await?;
            match row {
                Some((user, unit)) => (repo::app_user(store, AppUserBy::Id(user), main).await?, unit),
                None => (None, None),
            }
        }
    })
}

/// The throttle's counters for a request: per login (or card) from this application, per login
/// everywhere (shared with the console), per calling address; a PIN is held back hardest.
pub(super) fn keys(caller: &Caller, client: &Client, r: &AppRequest) -> Vec<Key> {
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
pub(super) fn password_column(kind: &str, shared: bool) -> &'static str {
    match (kind, shared) {
        ("external", _) | ("universal", false) => "external_password_hash",
        _ => "password_hash",
    }
}

/// Checks the secret; `Ok(Some(column))` names the secret's "last used" column on success.
pub(super) async fn verify(
    state: &CoreState,
    r: &AppRequest,
    user: Option<&AppUser>,
) -> Result<Option<&'static str>, SignInError> {
    let hasher = state.hasher();
    match &r.secret {
        Secret::Password(p) => {
            let column = match user {
                Some(u) => password_column(&u.standing.kind, u.shared_password),
                None => "password_hash",
            };
            let hash = match (user, column) {
                (Some(u), "password_hash") => u.password_hash.clone(),
                (Some(u), _) => u.external_password_hash.clone(),
                (None, _) => None,
            };
            let ok = hasher.verify(p, hash.as_deref()).await?;
            let used = if column == "password_hash" { "" } else { "external_password_used_at" };
            Ok(ok.then_some(used))
        }
        Secret::Pin(pin) => {
            let locked = match user {
                Some(u) => u.pin_locked_at.is_some(),
                None => false,
            };
            let hash: Option<String> = match user {
                Some(u) if !locked => u.pin_hash.clone(),
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

pub(super) fn clip(s: &str) -> String {
    s.trim().chars().take(LOGIN_MAX).collect()
}

/// A PIN failure counts towards the lock; a success forgets the failures.
pub(super) async fn pin_outcome(
    tx: &mut Tx,
    actor: &Actor,
    user: i64,
    failures: i64,
    ok: bool,
    service: &str,
) -> Result<(), AppError> {
    if ok {
        return repo::forget_pin_failures(tx, user).await;
    }
    let failures = failures + 1;
    let lock = failures >= PIN_LOCK_AFTER;
    repo::count_pin_failure(tx, user, failures, lock.then(|| tx.now())).await?;
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
