//! The catalogue of what rights protect: areas, modules with their operations, and named
//! permissions. Keys are stable (they are stored in grants); names are translatable.

mod right;
mod texts;

pub use right::{spec, ColumnOp, DataOp, Right, Spec, Target};
pub use texts::CatalogueT;

use serde::{Deserialize, Serialize};

/// An operation on a module (seed 002: Prohlížet, Nový, Editovat, Mazat, Obnovit, Tisk, Editovat zobrazení).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Op {
    View,
    Create,
    Edit,
    Delete,
    Restore,
    Print,
    EditView,
}

impl Op {
    pub const ALL: [Op; 7] =
        [Op::View, Op::Create, Op::Edit, Op::Delete, Op::Restore, Op::Print, Op::EditView];

    pub fn key(self) -> &'static str {
        match self {
            Op::View => "view",
            Op::Create => "create",
            Op::Edit => "edit",
            Op::Delete => "delete",
            Op::Restore => "restore",
            Op::Print => "print",
            Op::EditView => "edit_view",
        }
    }

    pub fn name(self) -> CatalogueT {
        match self {
            Op::View => CatalogueT::OpView,
            Op::Create => CatalogueT::OpCreate,
            Op::Edit => CatalogueT::OpEdit,
            Op::Delete => CatalogueT::OpDelete,
            Op::Restore => CatalogueT::OpRestore,
            Op::Print => CatalogueT::OpPrint,
            Op::EditView => CatalogueT::OpEditView,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Area {
    Administration,
    Staff,
}

impl Area {
    pub const ALL: [Area; 2] = [Area::Administration, Area::Staff];

    pub fn name(self) -> CatalogueT {
        match self {
            Area::Administration => CatalogueT::AreaAdministration,
            Area::Staff => CatalogueT::AreaStaff,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Module {
    Users,
    Roles,
    Units,
    Sessions,
    Substitutions,
    Accounts,
    Audit,
    Configuration,
    Persons,
}

/// What the catalogue says of one module.
#[derive(Debug)]
pub struct ModuleInfo {
    pub module: Module,
    pub area: Area,
    pub key: &'static str,
    pub name: CatalogueT,
    pub ops: &'static [Op],
    /// Columns (list columns and card fields) whose visibility and editing rights are set apart.
    pub columns: &'static [Column],
    /// The page of the module, once the console has one.
    pub path: Option<&'static str>,
}

/// A column of a module's list, or a field of its card (seed 002 "práva na sloupce").
#[derive(Debug, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub name: CatalogueT,
}

const fn col(key: &'static str, name: CatalogueT) -> Column {
    Column { key, name }
}

const CRUD: &[Op] = &[Op::View, Op::Create, Op::Edit, Op::Delete, Op::Print, Op::EditView];

const USER_COLUMNS: &[Column] = &[
    col("full_name", CatalogueT::ColFullName),
    col("kind", CatalogueT::ColKind),
    col("status", CatalogueT::ColStatus),
    col("note", CatalogueT::ColNote),
    col("person", CatalogueT::ColPerson),
    col("default_unit", CatalogueT::ColDefaultUnit),
    col("credentials", CatalogueT::ColCredentials),
    col("roles", CatalogueT::ColRoles),
];
const ROLE_COLUMNS: &[Column] = &[
    col("description", CatalogueT::ColDescription),
    col("units", CatalogueT::ColUnits),
    col("members", CatalogueT::ColMembers),
];
const SESSION_COLUMNS: &[Column] = &[
    col("computer", CatalogueT::ColComputer),
    col("unit", CatalogueT::ColUnit),
    col("service", CatalogueT::ColService),
    col("session_name", CatalogueT::ColSessionName),
    col("db_version", CatalogueT::ColDbVersion),
    col("program_version", CatalogueT::ColProgramVersion),
];
const PERSON_COLUMNS: &[Column] = &[
    col("first_name", CatalogueT::ColFirstName),
    col("personal_number", CatalogueT::ColPersonalNumber),
    col("unit", CatalogueT::ColUnit),
    col("supervisor", CatalogueT::ColSupervisor),
];

/// Every module, in the order of the navigation.
pub static MODULES: &[ModuleInfo] = &[
    module(
        Module::Users,
        Area::Administration,
        "users",
        CatalogueT::ModUsers,
        CRUD,
        USER_COLUMNS,
        Some("/users"),
    ),
    module(
        Module::Roles,
        Area::Administration,
        "roles",
        CatalogueT::ModRoles,
        CRUD,
        ROLE_COLUMNS,
        Some("/roles"),
    ),
    module(
        Module::Units,
        Area::Administration,
        "units",
        CatalogueT::ModUnits,
        CRUD,
        &[col("persons", CatalogueT::ColPersons)],
        Some("/units"),
    ),
    module(
        Module::Sessions,
        Area::Administration,
        "sessions",
        CatalogueT::ModSessions,
        &[Op::View, Op::Delete, Op::Print, Op::EditView],
        SESSION_COLUMNS,
        Some("/sessions"),
    ),
    module(
        Module::Substitutions,
        Area::Administration,
        "substitutions",
        CatalogueT::ModSubstitutions,
        // Who may define which substitutions is set by the three permissions alone.
        &[],
        &[],
        Some("/substitutions"),
    ),
    module(
        Module::Accounts,
        Area::Administration,
        "accounts",
        CatalogueT::ModAccounts,
        CRUD,
        &[col("external_id", CatalogueT::ColExternalId)],
        Some("/accounts"),
    ),
    module(
        Module::Audit,
        Area::Administration,
        "audit",
        CatalogueT::ModAudit,
        &[Op::View, Op::Restore, Op::Print, Op::EditView],
        &[col("details", CatalogueT::ColDetails)],
        Some("/audit"),
    ),
    module(
        Module::Configuration,
        Area::Administration,
        "configuration",
        CatalogueT::ModConfiguration,
        &[Op::View, Op::Edit],
        &[],
        Some("/configuration"),
    ),
    module(
        Module::Persons,
        Area::Staff,
        "persons",
        CatalogueT::ModPersons,
        CRUD,
        PERSON_COLUMNS,
        Some("/persons"),
    ),
];

const fn module(
    module: Module,
    area: Area,
    key: &'static str,
    name: CatalogueT,
    ops: &'static [Op],
    columns: &'static [Column],
    path: Option<&'static str>,
) -> ModuleInfo {
    ModuleInfo { module, area, key, name, ops, columns, path }
}

impl Module {
    pub fn info(self) -> &'static ModuleInfo {
        MODULES.iter().find(|m| m.module == self).expect("every module is in the catalogue")
    }

    pub fn has(self, op: Op) -> bool {
        self.info().ops.contains(&op)
    }
}

/// A named capability that is not an operation on a module (seed 001 "Inne uprawnienia").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Permission {
    MultipleSessions,
    AccessConfiguration,
    SubstitutionsOwn,
    SubstitutionsSubordinates,
    SubstitutionsAnyone,
    PersonalDataHistory,
}

impl Permission {
    pub const ALL: [Permission; 6] = [
        Permission::MultipleSessions,
        Permission::AccessConfiguration,
        Permission::SubstitutionsOwn,
        Permission::SubstitutionsSubordinates,
        Permission::SubstitutionsAnyone,
        Permission::PersonalDataHistory,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Permission::MultipleSessions => "multiple_sessions",
            Permission::AccessConfiguration => "access_configuration",
            Permission::SubstitutionsOwn => "substitutions_own",
            Permission::SubstitutionsSubordinates => "substitutions_subordinates",
            Permission::SubstitutionsAnyone => "substitutions_anyone",
            Permission::PersonalDataHistory => "personal_data_history",
        }
    }

    pub fn name(self) -> CatalogueT {
        match self {
            Permission::MultipleSessions => CatalogueT::PermMultipleSessions,
            Permission::AccessConfiguration => CatalogueT::PermAccessConfiguration,
            Permission::SubstitutionsOwn => CatalogueT::PermSubstitutionsOwn,
            Permission::SubstitutionsSubordinates => CatalogueT::PermSubstitutionsSubordinates,
            Permission::SubstitutionsAnyone => CatalogueT::PermSubstitutionsAnyone,
            Permission::PersonalDataHistory => CatalogueT::PermPersonalDataHistory,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_right_key_round_trips_and_is_unique() {
        let mut keys = HashSet::new();
        for right in Right::all() {
            let key = right.key();
            assert_eq!(Right::parse(&key), Some(right), "{key}");
            assert!(keys.insert(key.clone()), "duplicate key {key}");
        }
        assert_eq!(Right::parse("users.fly"), None);
        assert_eq!(Right::parse("sessions.create"), None, "Sessions has no Create");
        assert_eq!(Right::parse("perm.nothing"), None);
    }

    #[test]
    fn every_module_can_be_viewed() {
        for m in MODULES {
            // Substitutions are governed by their three permissions alone (seed 003).
            if m.module == Module::Substitutions {
                assert!(m.ops.is_empty());
                continue;
            }
            assert_eq!(m.ops.first(), Some(&Op::View), "{:?}", m.module);
        }
    }
}
