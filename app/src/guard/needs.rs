//! The one table of what every server function needs (issue 15). The guard checks it before a
//! function runs, and refuses any `/api/` path that is not in it, so a server function nobody
//! listed cannot be reached. A function whose right depends on its input (Create or Edit, a
//! role's or a user's rights) is listed with the rights any of its cases needs and checks the
//! exact one itself. The matrix test (`server/tests/it/matrix.rs`) proves each row from the
//! outside and fails when a registered server function is missing; docs/API.md lists it.

use crate::catalogue::{Module, Op, Permission, Right};
use klucznik_core::guard::Need;

const fn op(module: Module, op: Op) -> Need {
    Need::Op(module, op)
}

const SUBSTITUTION_DEFINERS: &[Right] = &[
    Right::Perm(Permission::SubstitutionsOwn),
    Right::Perm(Permission::SubstitutionsSubordinates),
    Right::Perm(Permission::SubstitutionsAnyone),
];

/// (server function's path, what its caller needs), in the order of docs/API.md.
pub const NEEDS: &[(&str, Need)] = &[
    ("/api/auth/login", Need::Public),
    ("/api/auth/logout", Need::Session),
    ("/api/auth/me", Need::Session),
    ("/api/auth/password", Need::Session),
    ("/api/auth/preferences", Need::Session),
    ("/api/config/my-policy", Need::Session),
    ("/api/config/get", op(Module::Configuration, Op::View)),
    ("/api/config/save", op(Module::Configuration, Op::Edit)),
    ("/api/applications/list", op(Module::Configuration, Op::View)),
    ("/api/applications/preview", op(Module::Configuration, Op::Edit)),
    ("/api/applications/apply", op(Module::Configuration, Op::Edit)),
    ("/api/applications/purge", op(Module::Configuration, Op::Edit)),
    ("/api/clients/list", op(Module::Configuration, Op::View)),
    ("/api/clients/create", op(Module::Configuration, Op::Edit)),
    ("/api/clients/rotate", op(Module::Configuration, Op::Edit)),
    ("/api/clients/revoke", op(Module::Configuration, Op::Edit)),
    ("/api/notices/inbox", Need::SelfService),
    ("/api/notices/read", Need::SelfService),
    ("/api/views/get", Need::SelfService),
    (
        "/api/views/save",
        Need::AnyOf(&[
            Right::Op(Module::Users, Op::EditView),
            Right::Op(Module::Sessions, Op::EditView),
            Right::Op(Module::Persons, Op::EditView),
        ]),
    ),
    ("/api/sessions/online", Need::SelfService),
    ("/api/sessions/mine", Need::SelfService),
    ("/api/sessions/end-mine", Need::SelfService),
    ("/api/sessions/list", op(Module::Sessions, Op::View)),
    ("/api/sessions/end", op(Module::Sessions, Op::Delete)),
    ("/api/audit/list", op(Module::Audit, Op::View)),
    (
        "/api/units/list",
        Need::AnyOf(&[
            Right::Op(Module::Units, Op::View),
            Right::Op(Module::Persons, Op::View),
            Right::Op(Module::Users, Op::View),
            Right::Op(Module::Roles, Op::View),
        ]),
    ),
    (
        "/api/units/save",
        Need::AnyOf(&[Right::Op(Module::Units, Op::Create), Right::Op(Module::Units, Op::Edit)]),
    ),
    ("/api/units/delete", op(Module::Units, Op::Delete)),
    ("/api/persons/list", op(Module::Persons, Op::View)),
    (
        "/api/persons/choices",
        Need::AnyOf(&[Right::Op(Module::Persons, Op::View), Right::Op(Module::Users, Op::View)]),
    ),
    ("/api/persons/get", op(Module::Persons, Op::View)),
    (
        "/api/persons/save",
        Need::AnyOf(&[Right::Op(Module::Persons, Op::Create), Right::Op(Module::Persons, Op::Edit)]),
    ),
    ("/api/persons/delete", op(Module::Persons, Op::Delete)),
    (
        "/api/roles/list",
        Need::AnyOf(&[Right::Op(Module::Roles, Op::View), Right::Op(Module::Users, Op::View)]),
    ),
    ("/api/roles/get", op(Module::Roles, Op::View)),
    (
        "/api/roles/save",
        Need::AnyOf(&[Right::Op(Module::Roles, Op::Create), Right::Op(Module::Roles, Op::Edit)]),
    ),
    ("/api/roles/delete", op(Module::Roles, Op::Delete)),
    ("/api/roles/copy", op(Module::Roles, Op::Create)),
    ("/api/roles/members", op(Module::Roles, Op::Edit)),
    ("/api/roles/export", op(Module::Roles, Op::View)),
    ("/api/roles/import", op(Module::Roles, Op::Edit)),
    ("/api/users/list", op(Module::Users, Op::View)),
    ("/api/users/get", op(Module::Users, Op::View)),
    (
        "/api/users/policy",
        Need::AnyOf(&[Right::Op(Module::Users, Op::Create), Right::Op(Module::Users, Op::Edit)]),
    ),
    (
        "/api/users/generate-password",
        Need::AnyOf(&[Right::Op(Module::Users, Op::Create), Right::Op(Module::Users, Op::Edit)]),
    ),
    (
        "/api/users/save",
        Need::AnyOf(&[Right::Op(Module::Users, Op::Create), Right::Op(Module::Users, Op::Edit)]),
    ),
    ("/api/users/set-password", op(Module::Users, Op::Edit)),
    (
        "/api/rights/editor",
        Need::AnyOf(&[Right::Op(Module::Roles, Op::View), Right::Op(Module::Users, Op::View)]),
    ),
    (
        "/api/rights/save",
        Need::AnyOf(&[Right::Op(Module::Roles, Op::Edit), Right::Op(Module::Users, Op::Edit)]),
    ),
    ("/api/rights/effective", op(Module::Users, Op::View)),
    ("/api/accounts/list", op(Module::Accounts, Op::View)),
    (
        "/api/accounts/save",
        Need::AnyOf(&[Right::Op(Module::Accounts, Op::Create), Right::Op(Module::Accounts, Op::Edit)]),
    ),
    ("/api/accounts/set-active", op(Module::Accounts, Op::Edit)),
    ("/api/accounts/delete", op(Module::Accounts, Op::Delete)),
    ("/api/accounts/access", op(Module::Accounts, Op::View)),
    ("/api/accounts/set-access", op(Module::Accounts, Op::Edit)),
    ("/api/accounts/switchable", Need::SelfService),
    ("/api/accounts/switch", Need::SelfService),
    ("/api/substitutions/list", Need::AnyOf(SUBSTITUTION_DEFINERS)),
    ("/api/substitutions/options", Need::AnyOf(SUBSTITUTION_DEFINERS)),
    ("/api/substitutions/overlaps", Need::AnyOf(SUBSTITUTION_DEFINERS)),
    ("/api/substitutions/save", Need::AnyOf(SUBSTITUTION_DEFINERS)),
    ("/api/substitutions/startable", Need::SelfService),
    ("/api/substitutions/start", Need::SelfService),
    ("/api/substitutions/end", Need::SelfService),
];

/// What a server function's caller needs; `None` for a path no server function answers.
pub fn need_of(path: &str) -> Option<Need> {
    NEEDS.iter().find(|(p, _)| *p == path).map(|(_, need)| *need)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_listed_once() {
        let mut paths: Vec<&str> = NEEDS.iter().map(|(p, _)| *p).collect();
        let count = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), count);
        assert!(paths.iter().all(|p| p.starts_with("/api/")));
        assert_eq!(need_of("/api/auth/login"), Some(Need::Public));
        assert_eq!(need_of("/api/nothing"), None);
    }
}
