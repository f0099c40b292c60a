//! Rights: what a grant names. Module operations, column rights and named permissions are
//! decided for the whole account; data operations on persons are decided per node of the unit
//! tree (or for the assigned person and the subordinates).

use super::{Module, Op, Permission, MODULES};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a column right allows (seed 002: Viditelný, Editovat).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ColumnOp {
    Visible,
    Edit,
}

impl ColumnOp {
    pub const ALL: [ColumnOp; 2] = [ColumnOp::Visible, ColumnOp::Edit];

    pub fn key(self) -> &'static str {
        match self {
            ColumnOp::Visible => "visible",
            ColumnOp::Edit => "edit",
        }
    }
}

/// An operation on persons, decided per person from the unit tree (seed 002 "Práva na osoby").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DataOp {
    View,
    Create,
    Edit,
    Delete,
    /// Move a person to another unit (seed 002 "Editovat strukturu").
    Move,
}

impl DataOp {
    pub const ALL: [DataOp; 5] = [DataOp::View, DataOp::Create, DataOp::Edit, DataOp::Delete, DataOp::Move];

    pub fn key(self) -> &'static str {
        match self {
            DataOp::View => "view",
            DataOp::Create => "create",
            DataOp::Edit => "edit",
            DataOp::Delete => "delete",
            DataOp::Move => "move",
        }
    }

    /// The bit of this operation in a mask of data operations.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    pub fn name(self) -> super::CatalogueT {
        use super::CatalogueT as T;
        match self {
            DataOp::View => T::DataView,
            DataOp::Create => T::DataCreate,
            DataOp::Edit => T::DataEdit,
            DataOp::Delete => T::DataDelete,
            DataOp::Move => T::DataMove,
        }
    }

    /// The stable key stored in grants: `persons.data.view`.
    pub fn grant_key(self) -> String {
        format!("persons.data.{}", self.key())
    }

    pub fn parse_grant_key(key: &str) -> Option<DataOp> {
        let op = key.strip_prefix("persons.data.")?;
        DataOp::ALL.into_iter().find(|d| d.key() == op)
    }
}

/// Where a data right is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    /// Persons in this unit and, by inheritance, in the units below it.
    Unit(i64),
    /// The person linked to the user (seed 002 "Přiřazená osoba").
    Assigned,
    /// The persons whose supervisor is the assigned person (seed 002 "Podřízení").
    Subordinates,
}

/// One right that a grant can allow or deny for the whole account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Right {
    Op(Module, Op),
    /// A column of a module, by its position in the module's columns.
    Column(Module, u8, ColumnOp),
    Perm(Permission),
}

impl Right {
    /// The stable key stored in grants: `users.view`, `users.col.note.edit`,
    /// `perm.multiple_sessions`.
    pub fn key(self) -> String {
        match self {
            Right::Op(m, op) => format!("{}.{}", m.info().key, op.key()),
            Right::Column(m, c, op) => {
                format!("{}.col.{}.{}", m.info().key, m.info().columns[c as usize].key, op.key())
            }
            Right::Perm(p) => format!("perm.{}", p.key()),
        }
    }

    pub fn parse(key: &str) -> Option<Right> {
        let (head, tail) = key.split_once('.')?;
        if head == "perm" {
            return Permission::ALL.into_iter().find(|p| p.key() == tail).map(Right::Perm);
        }
        let module = MODULES.iter().find(|m| m.key == head)?;
        if let Some(column) = tail.strip_prefix("col.") {
            let (name, op) = column.rsplit_once('.')?;
            let index = module.columns.iter().position(|c| c.key == name)?;
            let op = ColumnOp::ALL.into_iter().find(|o| o.key() == op)?;
            return Some(Right::Column(module.module, index as u8, op));
        }
        let op = module.ops.iter().find(|op| op.key() == tail)?;
        Some(Right::Op(module.module, *op))
    }

    /// Every account-wide right of the catalogue, in a fixed order (the snapshot's bit
    /// positions): each module's operations (View first), then its columns, then permissions.
    pub fn all() -> impl Iterator<Item = Right> {
        MODULES
            .iter()
            .flat_map(|m| {
                let ops = m.ops.iter().map(move |op| Right::Op(m.module, *op));
                let columns = (0..m.columns.len() as u8).flat_map(move |c| {
                    ColumnOp::ALL.into_iter().map(move |op| Right::Column(m.module, c, op))
                });
                ops.chain(columns)
            })
            .chain(Permission::ALL.into_iter().map(Right::Perm))
    }

    /// The dense position of this right in `Right::all()`.
    pub fn index(self) -> usize {
        catalogue().position[&self]
    }

    /// The right at a dense position.
    pub fn at(index: usize) -> Right {
        catalogue().rights[index]
    }

    /// How many account-wide rights the catalogue has.
    pub fn count() -> usize {
        catalogue().rights.len()
    }

    /// What rule 3 makes this right need: View of the module for its other operations; for a
    /// column, the module's View (to see it) or Edit and the column's visibility (to edit it).
    pub fn needs(self) -> Vec<Right> {
        match self {
            Right::Op(m, op) if op != Op::View => vec![Right::Op(m, Op::View)],
            Right::Column(m, _, ColumnOp::Visible) => vec![Right::Op(m, Op::View)],
            Right::Column(m, c, ColumnOp::Edit) if m.has(Op::Edit) => {
                vec![Right::Op(m, Op::Edit), Right::Column(m, c, ColumnOp::Visible)]
            }
            Right::Column(m, c, ColumnOp::Edit) => {
                vec![Right::Op(m, Op::View), Right::Column(m, c, ColumnOp::Visible)]
            }
            _ => vec![],
        }
    }

    /// What a right follows when nobody granted it: a column is as the module.
    pub fn follows(self) -> Option<Right> {
        match self {
            Right::Column(m, _, ColumnOp::Visible) => Some(Right::Op(m, Op::View)),
            Right::Column(m, _, ColumnOp::Edit) if m.has(Op::Edit) => Some(Right::Op(m, Op::Edit)),
            Right::Column(m, _, ColumnOp::Edit) => Some(Right::Op(m, Op::View)),
            _ => None,
        }
    }

    /// The column right of a module's column by key.
    pub fn column(module: Module, key: &str, op: ColumnOp) -> Option<Right> {
        module.info().columns.iter().position(|c| c.key == key).map(|i| Right::Column(module, i as u8, op))
    }
}

/// What rule 3 and the column defaults say of each right, by dense index.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Rights that must be allowed for this one to be (View for operations, …).
    pub needs: Vec<Vec<u32>>,
    /// The right this one is decided as when nobody granted it (columns follow the module).
    pub follows: Vec<Option<u32>>,
}

struct Catalogue {
    rights: Vec<Right>,
    position: HashMap<Right, usize>,
    spec: Spec,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let rights: Vec<Right> = Right::all().collect();
        let position: HashMap<Right, usize> = rights.iter().enumerate().map(|(i, r)| (*r, i)).collect();
        let spec = Spec {
            needs: rights.iter().map(|r| r.needs().iter().map(|n| position[n] as u32).collect()).collect(),
            follows: rights.iter().map(|r| r.follows().map(|f| position[&f] as u32)).collect(),
        };
        Catalogue { rights, position, spec }
    })
}

/// The engine's view of the application's catalogue.
pub fn spec() -> &'static Spec {
    &catalogue().spec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_right_needs_or_follows_comes_before_it() {
        for (i, right) in Right::all().enumerate() {
            for need in right.needs() {
                assert!(need.index() < i, "{right:?} needs {need:?}, which comes later");
            }
            if let Some(f) = right.follows() {
                assert!(f.index() < i);
            }
        }
    }

    #[test]
    fn data_keys_round_trip() {
        for op in DataOp::ALL {
            assert_eq!(DataOp::parse_grant_key(&op.grant_key()), Some(op));
        }
        assert_eq!(DataOp::parse_grant_key("persons.data.fly"), None);
        assert_eq!(Right::parse("users.col.note.edit"), Right::column(Module::Users, "note", ColumnOp::Edit));
        assert_eq!(Right::parse("users.col.nope.edit"), None);
    }
}
