//! The account a repository call may touch (docs/ARCHITECTURE.md "Storage"). Repositories take a
//! `Scope`, never a bare number, and only this module makes one: from an authorized call
//! (`Ctx::scope`), from a user being signed in, from an application's client, from the operator's
//! command line or from the core's own jobs — each a named function, so every origin of an
//! account's scope can be found and is checked by the crate-faces test.

use domain::ids::AccountId;
use sqlx::any::AnyTypeInfo;
use sqlx::error::BoxDynError;
use sqlx::{Any, Database, Encode, Type};

/// An account that authorization let the caller reach; bound in SQL as the account's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scope(AccountId);

impl Scope {
    pub(super) const fn new(account: AccountId) -> Self {
        Self(account)
    }

    pub fn account(self) -> AccountId {
        self.0
    }

    pub fn id(self) -> i64 {
        self.0.get()
    }
}

impl Type<Any> for Scope {
    fn type_info() -> AnyTypeInfo {
        <AccountId as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <AccountId as Type<Any>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Any> for Scope {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, BoxDynError> {
        <AccountId as Encode<'q, Any>>::encode_by_ref(&self.0, buf)
    }
}

/// The account of a user a sign-in found by login, PIN or card, before any secret is checked:
/// what signing in reads and, once the secret holds, writes.
pub(crate) fn signing_in(account: i64) -> Scope {
    Scope::new(AccountId::new(account))
}

/// The account an application's client belongs to (its bearer token was checked).
pub(crate) fn client(account: i64) -> Scope {
    Scope::new(AccountId::new(account))
}

/// An account the core's own work touches with no caller behind it: the first start, the demo,
/// the operator's command line, the sweeps and the event bus's fan-out.
pub(crate) fn job(account: i64) -> Scope {
    Scope::new(AccountId::new(account))
}

impl Scope {
    /// Another account of the same family (the main account of a sub-account, a sub-account the
    /// caller was found to have access to) once a use case has checked the relation.
    pub(crate) fn related(self, account: i64) -> Scope {
        Scope::new(AccountId::new(account))
    }
}

/// The accounts a stored session names (its home and current account) while the session is
/// resolved for a request or ended.
pub(crate) fn session(account: i64) -> Scope {
    Scope::new(AccountId::new(account))
}

/// An account created in the caller's transaction, while its top unit and built-in roles are
/// made.
pub(crate) fn created(account: i64) -> Scope {
    Scope::new(AccountId::new(account))
}
