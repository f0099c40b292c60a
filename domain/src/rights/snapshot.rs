//! The rights of one session, resolved once when the session's rights change: account-wide
//! rights as a bit set, data rights as a mask of operations per unit plus the two special
//! nodes. Every check is a lookup.

use super::engine::{Spec, Subject, Tree};
use crate::catalogue::{ColumnOp, DataOp, Module, Op, Right, Target};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub administrator: bool,
    pub(super) bits: Vec<u64>,
    /// unit → the data operations the tree allows for persons in it (before rule 3).
    pub(super) units: HashMap<i64, u8>,
    pub(super) assigned: Option<i64>,
    pub(super) subordinates: HashSet<i64>,
    /// (decided, allowed) masks of the two special nodes.
    assigned_mask: (u8, u8),
    subordinates_mask: (u8, u8),
}

/// Which persons a session may see, as a query can use it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFilter {
    /// Every person (an administrator).
    pub all: bool,
    /// Units whose persons are visible (save the excluded).
    pub units: Vec<i64>,
    /// Persons visible wherever they are.
    pub include: Vec<i64>,
    /// Persons hidden wherever they are.
    pub exclude: Vec<i64>,
}

// Here rather than in the engine, so that the engine knows nothing of snapshots.
impl Subject {
    /// The rights of a session, resolved once.
    pub fn snapshot(&self, spec: &Spec, tree: &Tree) -> Snapshot {
        build(self, spec, tree)
    }
}

fn build(subject: &Subject, spec: &Spec, tree: &Tree) -> Snapshot {
    let count = spec.needs.len();
    let granted = merged_grants(subject, count);
    let mut allowed = vec![false; count];
    for i in 0..count {
        allowed[i] = subject.administrator || {
            let needs = spec.needs[i].iter().all(|n| allowed[*n as usize]);
            let base = match (granted[i], spec.follows[i]) {
                (Some(allow), _) => allow,
                (None, Some(f)) => allowed[f as usize],
                (None, None) => false,
            };
            needs && base
        };
    }
    let mut bits = vec![0u64; count.div_ceil(64)];
    for (i, a) in allowed.iter().enumerate() {
        if *a {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    let data = merged_data(subject);
    let mut units = HashMap::with_capacity(tree.parent.len());
    for unit in tree.parent.keys() {
        unit_mask(&data, tree, *unit, &mut units);
    }
    let special = |target: Target| data.get(&target).copied().unwrap_or((0, 0));
    Snapshot {
        administrator: subject.administrator,
        bits,
        units,
        assigned: tree.assigned,
        subordinates: tree.subordinates.clone(),
        assigned_mask: special(Target::Assigned),
        subordinates_mask: special(Target::Subordinates),
    }
}

/// Rule 2 for every account-wide right at once, as `Subject::granted` decides one: the user's
/// own grant, else a role's deny, else a role's allow. One pass over the grants instead of a
/// lookup per role and right (issue 16: a snapshot of 14,000 rights and 20 roles in ≤ 1 ms).
fn merged_grants(subject: &Subject, count: usize) -> Vec<Option<bool>> {
    let mut own = vec![None; count];
    for (i, allow) in &subject.own {
        if let Some(slot) = own.get_mut(*i as usize) {
            *slot = Some(*allow);
        }
    }
    let (mut deny, mut allow) = (vec![false; count], vec![false; count]);
    for role in &subject.roles {
        for (i, a) in &role.grants {
            if let (Some(d), Some(al)) = (deny.get_mut(*i as usize), allow.get_mut(*i as usize)) {
                if *a {
                    *al = true;
                } else {
                    *d = true;
                }
            }
        }
    }
    (0..count)
        .map(|i| {
            own[i].or(if deny[i] {
                Some(false)
            } else if allow[i] {
                Some(true)
            } else {
                None
            })
        })
        .collect()
}

/// Rule 2 for the data grants of every node at once: (decided, allowed) masks of operations per
/// target, as `Subject::data_granted` decides one (a holder's first grant of an operation at a
/// node counts).
fn merged_data(subject: &Subject) -> HashMap<Target, (u8, u8)> {
    let first = |grants: &[super::engine::DataGrant]| {
        let mut masks: HashMap<Target, (u8, u8)> = HashMap::new();
        for g in grants {
            let m = masks.entry(g.target).or_default();
            if m.0 & g.op.bit() == 0 {
                m.0 |= g.op.bit();
                if g.allow {
                    m.1 |= g.op.bit();
                }
            }
        }
        masks
    };
    let own = first(&subject.own_data);
    let mut deny: HashMap<Target, u8> = HashMap::new();
    let mut allow: HashMap<Target, u8> = HashMap::new();
    for role in &subject.roles {
        for (target, (decided, allowed)) in first(&role.data) {
            *deny.entry(target).or_default() |= decided & !allowed;
            *allow.entry(target).or_default() |= allowed;
        }
    }
    let mut out = HashMap::new();
    for target in own.keys().chain(deny.keys()).chain(allow.keys()) {
        let (own_decided, own_allowed) = own.get(target).copied().unwrap_or((0, 0));
        let (d, a) = (deny.get(target).copied().unwrap_or(0), allow.get(target).copied().unwrap_or(0));
        let decided = own_decided | d | a;
        let allowed = (own_decided & own_allowed) | (!own_decided & !d & a);
        out.insert(*target, (decided, allowed));
    }
    out
}

/// The mask of a unit: decided at the unit itself, else as its parent's.
fn unit_mask(data: &HashMap<Target, (u8, u8)>, tree: &Tree, unit: i64, done: &mut HashMap<i64, u8>) -> u8 {
    if let Some(mask) = done.get(&unit) {
        return *mask;
    }
    // Mark before recursing, so that a (corrupt) cycle ends.
    done.insert(unit, 0);
    let parent = match tree.parent.get(&unit) {
        Some(Some(p)) => unit_mask(data, tree, *p, done),
        _ => 0,
    };
    let (decided, allowed) = data.get(&Target::Unit(unit)).copied().unwrap_or((0, 0));
    let mask = (allowed & decided) | (parent & !decided);
    done.insert(unit, mask);
    mask
}

impl Snapshot {
    pub fn allows(&self, right: Right) -> bool {
        self.allows_index(right.index())
    }

    pub fn allows_index(&self, i: usize) -> bool {
        self.bits.get(i / 64).is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    pub fn can(&self, module: Module, op: Op) -> bool {
        self.allows(Right::Op(module, op))
    }

    /// A column of a module: visible or editable.
    pub fn column(&self, module: Module, key: &str, op: ColumnOp) -> bool {
        Right::column(module, key, op).is_some_and(|r| self.allows(r))
    }

    fn raw(&self, op: DataOp, person: i64, unit: i64) -> bool {
        let special = [
            (self.assigned == Some(person), self.assigned_mask),
            (self.subordinates.contains(&person), self.subordinates_mask),
        ];
        for (applies, (decided, allowed)) in special {
            if applies && decided & op.bit() != 0 {
                return allowed & op.bit() != 0;
            }
        }
        self.units.get(&unit).is_some_and(|mask| mask & op.bit() != 0)
    }

    /// Whether a data operation on a person in a unit is allowed.
    pub fn data(&self, op: DataOp, person: i64, unit: i64) -> bool {
        self.administrator
            || (self.raw(op, person, unit) && (op == DataOp::View || self.raw(DataOp::View, person, unit)))
    }

    /// Whether a data operation is allowed for persons placed in a unit (for new persons).
    pub fn data_in_unit(&self, op: DataOp, unit: i64) -> bool {
        let mask = self.units.get(&unit).copied().unwrap_or(0);
        self.administrator || (mask & op.bit() != 0 && mask & DataOp::View.bit() != 0)
    }

    /// Which persons may be viewed, for list queries.
    pub fn person_filter(&self) -> PersonFilter {
        if self.administrator {
            return PersonFilter { all: true, ..Default::default() };
        }
        let view = DataOp::View.bit();
        let mut filter = PersonFilter {
            units: self.units.iter().filter(|(_, m)| *m & view != 0).map(|(u, _)| *u).collect(),
            ..Default::default()
        };
        filter.units.sort_unstable();
        let mut special = |person: i64, (decided, allowed): (u8, u8)| {
            if decided & view != 0 {
                if allowed & view != 0 {
                    filter.include.push(person);
                } else {
                    filter.exclude.push(person);
                }
            }
        };
        if let Some(a) = self.assigned {
            special(a, self.assigned_mask);
        }
        for s in &self.subordinates {
            if Some(*s) != self.assigned {
                special(*s, self.subordinates_mask);
            }
        }
        filter
    }
}
