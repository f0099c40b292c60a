//! Authorization, the bottom of the request path (docs/ARCHITECTURE.md): cookie → session → native user →
//! effective user → current account → rights snapshot → the right the caller needs → the storage
//! handle. The web layer (the app crate's `guard`) finds the request's caller and asks here;
//! storage is reached only through the `Ctx` or `PublicCtx` this module hands out.

pub(crate) mod scope;
mod state;

pub use crate::actor::{Actor, Client};
pub use scope::Scope;
pub use state::{CoreState, Settings};

use crate::catalogue::{Module, Op, Permission, Right};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::rights::Snapshot;
use crate::store::Store;
use domain::ids::{AccountId, SessionId, UnitId, UserId};
use domain::prefs::Theme;
use http::request::Parts;
use std::sync::Arc;

/// Plain routes that answer callers without a session (besides the pages and static files,
/// which hold no data of their own).
pub const PUBLIC_ROUTES: &[&str] = &["/healthz"];

/// What a caller must have to pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Anyone, signed in or not (sign-in itself).
    Public,
    /// Any open session, even one that must change its password first.
    Session,
    /// Any open session with no pending password change: the user's own things (rule 8).
    SelfService,
    Op(Module, Op),
    Perm(Permission),
    /// Any one of these rights (for pickers that several modules share).
    AnyOf(&'static [Right]),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRef {
    pub id: UserId,
    pub login: String,
    pub full_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRef {
    pub id: AccountId,
    pub name: String,
    pub is_main: bool,
}

/// Who is calling, resolved once per request.
#[derive(Clone, Debug)]
pub struct Who {
    pub session_id: SessionId,
    /// A console session (a business application's session is no console cookie, issue 17).
    pub web: bool,
    /// Who is really at the keyboard.
    pub native: UserRef,
    /// Whose identity and rights the session uses (differs only in a substitution).
    pub effective: UserRef,
    pub home_account_id: AccountId,
    pub account: AccountRef,
    pub unit_id: Option<UnitId>,
    /// The unit's name, read with the session (the title bar shows it on every page).
    pub unit_name: Option<String>,
    /// While working as the absent user: the substitution and its last day.
    pub substitution: Option<(i64, String)>,
    pub rights: Arc<Snapshot>,
    pub must_change_password: bool,
    pub lang: Lang,
    pub theme: Theme,
}

impl Who {
    /// The account the resolved caller works in (a `Who` is made only by resolving a session).
    pub fn scope(&self) -> Scope {
        Scope::new(self.account.id)
    }

    /// The native user's home account: where their roles, substitutions and access are kept.
    pub fn home_scope(&self) -> Scope {
        Scope::new(self.home_account_id)
    }
}

/// What the middleware leaves in every request's extensions.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub who: Option<Arc<Who>>,
    pub client: Client,
}

/// An authorized call: who it is, and the only way to storage.
pub struct Ctx {
    pub who: Arc<Who>,
    pub client: Client,
    state: CoreState,
}

impl Ctx {
    // Storage is the core's: outside it an authorized call reaches it only through a service.
    pub(crate) fn store(&self) -> &Store {
        self.state.store()
    }

    /// The time of the call by the store's clock (tests move it).
    pub fn now(&self) -> i64 {
        self.state.store().now()
    }

    pub(crate) fn state(&self) -> &CoreState {
        &self.state
    }

    /// The account the caller works in: all a console call's storage may touch.
    pub fn scope(&self) -> Scope {
        self.who.scope()
    }

    pub fn actor(&self) -> Actor {
        Actor {
            account_id: Some(self.who.account.id),
            session_id: Some(self.who.session_id),
            native_user_id: Some(self.who.native.id),
            effective_user_id: Some(self.who.effective.id),
            client_addr: self.client.addr.clone(),
        }
    }
}

/// A public entry point's call: no session, the storage handle for that entry only.
pub struct PublicCtx {
    pub client: Client,
    state: CoreState,
}

impl PublicCtx {
    // Only the core's public entry points (signing in) use it: outside the core an anonymous
    // caller's handle can do nothing but be passed to them.
    pub(crate) fn store(&self) -> &Store {
        self.state.store()
    }

    pub(crate) fn state(&self) -> &CoreState {
        &self.state
    }
}

/// Whether `who` has what `need` asks for.
pub fn check(who: &Who, need: Need) -> Result<(), AppError> {
    if matches!(need, Need::Public | Need::Session) {
        return Ok(());
    }
    if who.must_change_password {
        return Err(AppError::PasswordChangeRequired);
    }
    let allowed = match need {
        Need::Public | Need::Session | Need::SelfService => true,
        Need::Op(module, op) => who.rights.allows(Right::Op(module, op)),
        Need::Perm(p) => who.rights.allows(Right::Perm(p)),
        Need::AnyOf(rights) => rights.iter().any(|r| who.rights.allows(*r)),
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The guard as a route handler calls it, with the request's parts.
pub fn authorize_parts(state: &CoreState, parts: &Parts, need: Need) -> Result<Ctx, AppError> {
    let resolved = parts.extensions.get::<Resolved>().ok_or(AppError::Unauthenticated)?;
    let who = resolved.who.clone().ok_or(AppError::Unauthenticated)?;
    check(&who, need)?;
    Ok(Ctx { who, client: resolved.client.clone(), state: state.clone() })
}

/// The guard for the user of a business application's session (issue 17): the application
/// acts for the user its session belongs to, under the same checks as the console's requests.
pub fn for_application_session(
    state: &CoreState,
    who: Arc<Who>,
    client: Client,
    need: Need,
) -> Result<Ctx, AppError> {
    check(&who, need)?;
    Ok(Ctx { who, client, state: state.clone() })
}

/// The anonymous entry: what public entry points (sign-in, the login page's settings) may use.
/// The web layer checks that the entry point is listed as public before it asks for one.
pub fn public_entry(state: &CoreState, parts: &Parts) -> PublicCtx {
    let client = parts.extensions.get::<Resolved>().map(|r| r.client.clone()).unwrap_or_default();
    PublicCtx { client, state: state.clone() }
}

/// The storage handle of a public route; `path` must be in `PUBLIC_ROUTES`.
pub fn public_route<'a>(state: &'a CoreState, path: &str) -> &'a Store {
    assert!(PUBLIC_ROUTES.contains(&path), "{path} is not a public route");
    state.store()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rights::Subject;

    fn who(snapshot: Snapshot, must_change_password: bool) -> Who {
        let user = UserRef { id: UserId::new(1), login: "u".into(), full_name: "U".into() };
        Who {
            session_id: SessionId::new(1),
            web: true,
            native: user.clone(),
            effective: user,
            home_account_id: AccountId::new(1),
            account: AccountRef { id: AccountId::new(1), name: "A".into(), is_main: true },
            unit_id: None,
            unit_name: None,
            substitution: None,
            rights: Arc::new(snapshot),
            must_change_password,
            lang: Lang::En,
            theme: Theme::Light,
        }
    }

    #[test]
    fn pending_password_change_allows_only_the_session_itself() {
        let admin = Subject { administrator: true, ..Default::default() }.snapshot_of(&Default::default());
        let w = who(admin, true);
        assert!(check(&w, Need::Session).is_ok());
        assert_eq!(check(&w, Need::SelfService), Err(AppError::PasswordChangeRequired));
        assert_eq!(check(&w, Need::Op(Module::Users, Op::View)), Err(AppError::PasswordChangeRequired));
    }

    #[test]
    fn rights_come_from_the_snapshot() {
        let w = who(Subject::default().snapshot_of(&Default::default()), false);
        assert!(check(&w, Need::SelfService).is_ok());
        assert_eq!(check(&w, Need::Op(Module::Sessions, Op::View)), Err(AppError::Forbidden));
        assert_eq!(check(&w, Need::Perm(Permission::MultipleSessions)), Err(AppError::Forbidden));
    }
}
