//! The resolver: decides "may this user do R?" from the user's own grants and their roles'
//! grants (DESIGN.md rules 2, 3 and 6), explains the decision, and builds the per-session
//! snapshot that answers every check in O(1). No I/O: the server and the browser share it.

#[cfg(feature = "ssr")]
pub mod store;

use crate::catalogue::{Op, Right};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Grants of one subject (a user or a role): right → allow (true) or deny (false).
pub type Grants = HashMap<Right, bool>;

/// The grants of one role the user is a member of.
#[derive(Clone, Debug, Default)]
pub struct RoleGrants {
    pub role_id: i64,
    pub grants: Grants,
}

/// Everything the resolver needs about one user in one account.
#[derive(Clone, Debug, Default)]
pub struct Subject {
    /// Member of the account's built-in Administrators: holds every right.
    pub administrator: bool,
    pub own: Grants,
    pub roles: Vec<RoleGrants>,
}

/// Why a decision came out as it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    Administrator,
    UserAllows,
    UserDenies,
    RoleDenies(i64),
    RoleAllows(i64),
    /// Rule 3: without View of the module no other operation is allowed.
    ViewNotAllowed,
    /// Nobody granted it: deny by default.
    NotGranted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub allowed: bool,
    pub reason: Reason,
}

impl Subject {
    /// Rule 2 for one right, without rule 3.
    fn direct(&self, right: Right) -> Decision {
        if self.administrator {
            return Decision { allowed: true, reason: Reason::Administrator };
        }
        if let Some(&allow) = self.own.get(&right) {
            let reason = if allow { Reason::UserAllows } else { Reason::UserDenies };
            return Decision { allowed: allow, reason };
        }
        if let Some(role) = self.roles.iter().find(|r| r.grants.get(&right) == Some(&false)) {
            return Decision { allowed: false, reason: Reason::RoleDenies(role.role_id) };
        }
        if let Some(role) = self.roles.iter().find(|r| r.grants.get(&right) == Some(&true)) {
            return Decision { allowed: true, reason: Reason::RoleAllows(role.role_id) };
        }
        Decision { allowed: false, reason: Reason::NotGranted }
    }

    /// Decides one right and says why.
    pub fn decide(&self, right: Right) -> Decision {
        if let Right::Op(module, op) = right {
            if op != Op::View && !self.direct(Right::Op(module, Op::View)).allowed {
                return Decision { allowed: false, reason: Reason::ViewNotAllowed };
            }
        }
        self.direct(right)
    }

    pub fn snapshot(&self) -> Snapshot {
        let mut bits = vec![0u64; Right::count().div_ceil(64)];
        for right in Right::all() {
            if self.decide(right).allowed {
                let i = right.index();
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        Snapshot { administrator: self.administrator, bits }
    }
}

/// The rights of one session, resolved once: every check is a bit test.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub administrator: bool,
    bits: Vec<u64>,
}

impl Snapshot {
    pub fn allows(&self, right: Right) -> bool {
        let i = right.index();
        self.bits.get(i / 64).is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    pub fn can(&self, module: crate::catalogue::Module, op: Op) -> bool {
        self.allows(Right::Op(module, op))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Module, Permission};
    use proptest::prelude::*;

    const VIEW: Right = Right::Op(Module::Users, Op::View);
    const EDIT: Right = Right::Op(Module::Users, Op::Edit);

    fn role(id: i64, grants: &[(Right, bool)]) -> RoleGrants {
        RoleGrants { role_id: id, grants: grants.iter().copied().collect() }
    }

    #[test]
    fn own_grant_beats_roles_and_deny_beats_allow_among_roles() {
        let mut s = Subject {
            roles: vec![role(1, &[(VIEW, true)]), role(2, &[(VIEW, false)])],
            ..Default::default()
        };
        assert_eq!(s.decide(VIEW), Decision { allowed: false, reason: Reason::RoleDenies(2) });
        s.own.insert(VIEW, true);
        assert_eq!(s.decide(VIEW), Decision { allowed: true, reason: Reason::UserAllows });
    }

    #[test]
    fn nothing_granted_is_denied_and_administrators_hold_everything() {
        let s = Subject::default();
        assert_eq!(s.decide(VIEW).reason, Reason::NotGranted);
        let admin = Subject { administrator: true, ..Default::default() };
        assert!(Right::all().all(|r| admin.snapshot().allows(r)));
    }

    #[test]
    fn no_operation_without_view() {
        let s = Subject { roles: vec![role(1, &[(EDIT, true)])], ..Default::default() };
        assert_eq!(s.decide(EDIT), Decision { allowed: false, reason: Reason::ViewNotAllowed });
        let perm = Right::Perm(Permission::MultipleSessions);
        let s = Subject { roles: vec![role(1, &[(perm, true)])], ..Default::default() };
        assert!(s.snapshot().allows(perm), "permissions need no View");
    }

    /// The rules written as plainly as possible, to check the resolver against.
    fn naive(s: &Subject, right: Right) -> bool {
        fn rule2(s: &Subject, r: Right) -> bool {
            if s.administrator {
                return true;
            }
            match s.own.get(&r) {
                Some(v) => *v,
                None => {
                    let states: Vec<bool> =
                        s.roles.iter().filter_map(|role| role.grants.get(&r).copied()).collect();
                    !states.is_empty() && states.iter().all(|v| *v)
                }
            }
        }
        match right {
            Right::Op(m, op) if op != Op::View => rule2(s, Right::Op(m, Op::View)) && rule2(s, right),
            _ => rule2(s, right),
        }
    }

    fn grants() -> impl Strategy<Value = Grants> {
        let rights: Vec<Right> = Right::all().collect();
        proptest::collection::hash_map(proptest::sample::select(rights), any::<bool>(), 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn snapshot_agrees_with_the_naive_rules(
            administrator in proptest::bool::weighted(0.1),
            own in grants(),
            roles in proptest::collection::vec(grants(), 0..4),
        ) {
            let s = Subject {
                administrator,
                own,
                roles: roles.into_iter().enumerate().map(|(i, g)| RoleGrants { role_id: i as i64, grants: g }).collect(),
            };
            let snap = s.snapshot();
            for right in Right::all() {
                prop_assert_eq!(snap.allows(right), naive(&s, right), "{:?}", right);
            }
        }
    }
}
