//! Rule 6 (docs/ARCHITECTURE.md "How a rights decision is made") between two users: whether one holds every right another holds, or
//! every right another would gain (a substitute working as an absent user). Pure: the
//! server's acts on other users (`rights::outrank`) build on it.

use super::Snapshot;
use crate::catalogue::DataOp;

/// Where the persons of a snapshot's special nodes (assigned person, subordinates) sit.
pub type PersonUnits = std::collections::HashMap<i64, i64>;

impl Snapshot {
    /// Whether this snapshot holds every right `other` holds that `already` does not:
    /// account-wide rights, data operations on the persons of each unit, and on the persons
    /// `other` reaches through its assigned person and subordinates. With `already` None it
    /// asks whether this snapshot holds everything `other` holds.
    pub fn covers(&self, other: &Snapshot, already: Option<&Snapshot>, persons: &PersonUnits) -> bool {
        if self.administrator || already.is_some_and(|a| a.administrator) {
            return true;
        }
        if other.administrator {
            return false;
        }
        let has = |s: &Snapshot, i: usize| s.bits.get(i).copied().unwrap_or(0);
        for (i, word) in other.bits.iter().enumerate() {
            let gained = word & !already.map_or(0, |a| has(a, i));
            if gained & !has(self, i) != 0 {
                return false;
            }
        }
        for unit in other.units.keys() {
            for op in DataOp::ALL {
                let gained =
                    other.data_in_unit(op, *unit) && !already.is_some_and(|a| a.data_in_unit(op, *unit));
                if gained && !self.data_in_unit(op, *unit) {
                    return false;
                }
            }
        }
        for person in other.assigned.iter().chain(other.subordinates.iter()) {
            let Some(unit) = persons.get(person).copied() else { continue };
            for op in DataOp::ALL {
                let gained =
                    other.data(op, *person, unit) && !already.is_some_and(|a| a.data(op, *person, unit));
                if gained && !self.data(op, *person, unit) {
                    return false;
                }
            }
        }
        true
    }

    /// The persons this snapshot reaches through its special nodes (for `PersonUnits`).
    pub fn special_persons(&self) -> Vec<i64> {
        self.assigned.iter().chain(self.subordinates.iter()).copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Module, Op, Permission, Right, Target};
    use crate::rights::{grants, DataGrant, RoleGrants, Subject, Tree};
    use std::collections::{HashMap, HashSet};

    fn subject(pairs: &[(Right, bool)], data: Vec<DataGrant>) -> Subject {
        Subject {
            roles: vec![RoleGrants { role_id: 1, grants: grants(pairs.iter().copied()), data }],
            ..Default::default()
        }
    }

    fn tree(assigned: Option<i64>, subordinates: &[i64]) -> Tree {
        Tree {
            parent: HashMap::from([(1, None), (2, Some(1))]),
            assigned,
            subordinates: subordinates.iter().copied().collect::<HashSet<_>>(),
        }
    }

    const VIEW: Right = Right::Op(Module::Users, Op::View);
    const EDIT: Right = Right::Op(Module::Users, Op::Edit);
    const ANYONE: Right = Right::Perm(Permission::SubstitutionsAnyone);

    #[test]
    fn only_administrators_cover_administrators() {
        let admin = Subject { administrator: true, ..Default::default() }.snapshot_of(&tree(None, &[]));
        let all = subject(&Right::all().map(|r| (r, true)).collect::<Vec<_>>(), vec![])
            .snapshot_of(&tree(None, &[]));
        assert!(!all.covers(&admin, None, &PersonUnits::new()), "every right but not an administrator");
        assert!(admin.covers(&all, None, &PersonUnits::new()));
        assert!(admin.covers(&admin, None, &PersonUnits::new()));
    }

    #[test]
    fn account_wide_rights_must_all_be_held() {
        let t = tree(None, &[]);
        let small = subject(&[(VIEW, true)], vec![]).snapshot_of(&t);
        let big = subject(&[(VIEW, true), (EDIT, true), (ANYONE, true)], vec![]).snapshot_of(&t);
        assert!(big.covers(&small, None, &PersonUnits::new()));
        assert!(!small.covers(&big, None, &PersonUnits::new()));
        // What `already` holds is no gain.
        assert!(small.covers(&big, Some(&big), &PersonUnits::new()));
        let only_anyone = subject(&[(ANYONE, true)], vec![]).snapshot_of(&t);
        assert!(!only_anyone.covers(&big, Some(&small), &PersonUnits::new()), "Users / Edit is gained");
    }

    #[test]
    fn data_rights_per_unit_and_through_special_persons() {
        let t = tree(Some(10), &[11]);
        let view = |target| DataGrant { op: DataOp::View, target, allow: true };
        let edit = |target| DataGrant { op: DataOp::Edit, target, allow: true };
        let on_top = subject(&[], vec![view(Target::Unit(1)), edit(Target::Unit(1))]).snapshot_of(&t);
        let on_child = subject(&[], vec![view(Target::Unit(2))]).snapshot_of(&t);
        assert!(on_top.covers(&on_child, None, &PersonUnits::new()), "the top unit covers its child");
        assert!(!on_child.covers(&on_top, None, &PersonUnits::new()));
        let subordinates =
            subject(&[], vec![view(Target::Subordinates), edit(Target::Subordinates)]).snapshot_of(&t);
        let nothing = subject(&[], vec![]).snapshot_of(&tree(None, &[]));
        let units = PersonUnits::from([(11, 2)]);
        assert!(!nothing.covers(&subordinates, None, &units), "person 11 in unit 2 is reached");
        assert!(on_top.covers(&subordinates, None, &units), "unit 1 covers person 11 in unit 2");
        assert!(!on_child.covers(&subordinates, None, &units), "editing person 11 is not held");
    }
}
