//! Who a decision is about: a user by login, or the effective user of a session (substitutions
//! and the current account included); and the record a data right is checked on.

use super::{repo, Entity, Record};
use crate::auth::policy::login_key;
use crate::clients::repo::Caller;
use crate::error::AppError;
use crate::guard::CoreState;
use crate::guard::Scope;
use crate::rights::snapshots::load_snapshot;
use crate::rights::Snapshot;
use serde_json::Value;
use std::sync::Arc;

/// The subject found: the user the rights are of, in the account they work in.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub user_id: i64,
    pub login: String,
    /// Their home account, where their roles are.
    pub home: Scope,
    /// The account they work in.
    pub scope: Scope,
    /// Active, unblocked, inside the validity window, in an active account.
    pub may_work: bool,
    pub rights: Arc<Snapshot>,
}

/// The subject a question names, if it is a user of the caller's main account or of one of its
/// sub-accounts (`user`: by login; `session`: by session token). Anything else is `None`.
pub async fn find_subject(
    state: &CoreState,
    caller: &Caller,
    subject: &Entity,
) -> Result<Option<Found>, AppError> {
    match subject.kind.as_str() {
        "user" => by_login(state, caller, &subject.id).await,
        "session" => by_session(state, caller, &subject.id).await,
        _ => Ok(None),
    }
}

/// A user by login, or else by e-mail address when exactly one user of the accounts has it.
async fn by_login(state: &CoreState, caller: &Caller, login: &str) -> Result<Option<Found>, AppError> {
    let store = state.store();
    let rows = repo::users_by_login_or_email(store, login, caller.scope()).await?;
    let r = match rows.as_slice() {
        [one] => one,
        [first, _] if first.login_key == login_key(login) => first,
        // Two users share the address: it names nobody.
        _ => return Ok(None),
    };
    let user_id = r.id;
    let home = r.account_id;
    let may_work =
        r.standing.as_kind("internal", store.now()).is_ok() && r.account_active && r.deleted_at.is_none();
    let version = (r.rights_version, r.rights_version);
    let rights = match state.rights_cache.get(user_id, home, version) {
        Some(snapshot) => snapshot,
        None => {
            let snapshot = Arc::new(
                load_snapshot(store, user_id, caller.scope().related(home), caller.scope().related(home))
                    .await?,
            );
            state.rights_cache.put(user_id, home, version, snapshot.clone());
            snapshot
        }
    };
    Ok(Some(Found {
        user_id,
        login: r.login.clone(),
        home: caller.scope().related(home),
        scope: caller.scope().related(home),
        may_work,
        rights,
    }))
}

async fn by_session(state: &CoreState, caller: &Caller, token: &str) -> Result<Option<Found>, AppError> {
    // The session must still be open: `resolve` closes one past its time, ends a working-as
    // mode past its end, and builds the effective user's snapshot for the current account.
    let Some(who) = crate::sessions::resolve::resolve(state, token, false).await? else { return Ok(None) };
    if !repo::in_family(state.store(), who.home_account_id.get(), caller.scope()).await? {
        return Ok(None);
    }
    Ok(Some(Found {
        user_id: who.effective.id.get(),
        login: who.effective.login.clone(),
        home: who.home_scope(),
        scope: who.scope(),
        may_work: true,
        rights: who.rights.clone(),
    }))
}

pub(super) enum RecordRef {
    /// The resource names no person, unit or owner: only the module right counts.
    None,
    Unknown,
    Known(Record),
}

fn id_of(properties: &serde_json::Map<String, Value>, key: &str) -> Option<Option<i64>> {
    let value = properties.get(key)?;
    Some(match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// The record of a persons resource: its `id` (a person), or the properties `person`, `unit`,
/// or `owner` (a user's login: the person linked to that user, seed 002's "assigned person").
pub(super) async fn record_of(
    state: &CoreState,
    found: &Found,
    resource: &Entity,
    id_is_person: bool,
) -> Result<RecordRef, AppError> {
    let store = state.store();
    let p = &resource.properties;
    let person = match (id_of(p, "person"), p.get("owner")) {
        (Some(person), _) => Some(person),
        (None, Some(Value::String(owner))) => {
            Some(repo::person_of_login(store, &login_key(owner), found.scope).await?)
        }
        (None, Some(_)) => Some(None),
        (None, None) => match id_of(p, "unit") {
            Some(Some(unit)) => return unit_in(state, found, unit).await,
            Some(None) => return Ok(RecordRef::Unknown),
            // An application's record id is its own, not a person's: only properties count.
            None => (id_is_person && !resource.id.is_empty() && resource.id != "*")
                .then(|| resource.id.parse().ok()),
        },
    };
    let Some(person) = person else { return Ok(RecordRef::None) };
    let Some(person) = person else { return Ok(RecordRef::Unknown) };
    Ok(match repo::unit_of_person(store, person, found.scope).await? {
        Some(unit) => RecordRef::Known(Record::Person { person, unit }),
        None => RecordRef::Unknown,
    })
}

async fn unit_in(state: &CoreState, found: &Found, unit: i64) -> Result<RecordRef, AppError> {
    let known = repo::unit_in_account(state.store(), unit, found.scope).await?;
    Ok(if known { RecordRef::Known(Record::Unit(unit)) } else { RecordRef::Unknown })
}
