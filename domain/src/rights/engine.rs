//! The rules of docs/ARCHITECTURE.md "How a rights decision is made", over rights numbered densely. It
//! knows nothing of the application's catalogue beyond a `Spec` (what each right needs and
//! follows), so that the benchmarks can run it over a catalogue of any size.

pub use crate::catalogue::Spec;

use crate::catalogue::{DataOp, Target};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Account-wide grants of one subject: right → allow (true) or deny (false).
pub type Grants = HashMap<u32, bool>;

/// A grant of a data operation at a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DataGrant {
    pub op: DataOp,
    pub target: Target,
    pub allow: bool,
}

/// The grants of one role the user is a member of.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoleGrants {
    pub role_id: i64,
    pub grants: Grants,
    pub data: Vec<DataGrant>,
}

/// Everything the resolver needs about one user in one account.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subject {
    /// Member of the built-in Administrators: holds every right.
    pub administrator: bool,
    pub own: Grants,
    pub own_data: Vec<DataGrant>,
    pub roles: Vec<RoleGrants>,
}

/// The unit tree of the account and the user's place among the persons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tree {
    /// unit → its parent (None for the top unit).
    pub parent: HashMap<i64, Option<i64>>,
    /// The person linked to the user.
    pub assigned: Option<i64>,
    /// The persons whose supervisor is the assigned person.
    pub subordinates: HashSet<i64>,
}

impl Tree {
    /// The unit and those above it, nearest first.
    pub fn chain(&self, unit: i64) -> Vec<i64> {
        let mut chain = vec![unit];
        let mut current = unit;
        while let Some(Some(parent)) = self.parent.get(&current) {
            if chain.contains(parent) {
                break;
            }
            chain.push(*parent);
            current = *parent;
        }
        chain
    }
}

/// Who or what decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Administrator,
    /// The user's own grant.
    User,
    /// A grant of this role (for a deny: the first role that denies).
    Role(i64),
    /// Nobody granted it: deny by default.
    NotGranted,
    /// Rule 3: a right this one needs (by index) is not allowed.
    Needs(u32),
    /// Rule 3 for persons: the person may not even be viewed.
    ViewMissing,
    /// Nobody granted it, so it is as this right (by index) is.
    Follows(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub allowed: bool,
    pub source: Source,
}

/// Where a data decision was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    Assigned,
    Subordinates,
    Unit(i64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataDecision {
    pub allowed: bool,
    pub source: Source,
    /// The node whose grants decided; None when nothing did.
    pub node: Option<Node>,
    /// Decided at a unit above the person's own (seed 002: "by inheritance").
    pub inherited: bool,
}

/// Rule 2 over one set of grants each: the user's own grant, else any role's deny, else any
/// role's allow.
fn rule2<'a, T: 'a>(
    own: Option<bool>,
    roles: impl Iterator<Item = (i64, T)> + Clone,
    pick: impl Fn(&T) -> Option<bool>,
) -> Option<Decision> {
    if let Some(allow) = own {
        return Some(Decision { allowed: allow, source: Source::User });
    }
    if let Some((id, _)) = roles.clone().find(|(_, g)| pick(g) == Some(false)) {
        return Some(Decision { allowed: false, source: Source::Role(id) });
    }
    roles
        .clone()
        .find(|(_, g)| pick(g) == Some(true))
        .map(|(id, _)| Decision { allowed: true, source: Source::Role(id) })
}

impl Subject {
    /// Rule 2 for an account-wide right, or None when nobody granted it.
    pub fn granted(&self, right: u32) -> Option<Decision> {
        rule2(self.own.get(&right).copied(), self.roles.iter().map(|r| (r.role_id, &r.grants)), |g| {
            g.get(&right).copied()
        })
    }

    /// Decides an account-wide right and says why (rules 2, 3 and the column defaults).
    pub fn decide(&self, spec: &Spec, right: u32) -> Decision {
        if self.administrator {
            return Decision { allowed: true, source: Source::Administrator };
        }
        for need in &spec.needs[right as usize] {
            if !self.decide(spec, *need).allowed {
                return Decision { allowed: false, source: Source::Needs(*need) };
            }
        }
        self.base(spec, right)
    }

    fn base(&self, spec: &Spec, right: u32) -> Decision {
        match (self.granted(right), spec.follows[right as usize]) {
            (Some(decision), _) => decision,
            (None, Some(f)) => Decision { allowed: self.decide(spec, f).allowed, source: Source::Follows(f) },
            (None, None) => Decision { allowed: false, source: Source::NotGranted },
        }
    }

    /// Rule 2 for a data operation at one node, or None when nothing there decides.
    pub fn data_granted(&self, op: DataOp, target: Target) -> Option<Decision> {
        let at = |grants: &Vec<DataGrant>| {
            grants.iter().find(|g| g.op == op && g.target == target).map(|g| g.allow)
        };
        rule2(at(&self.own_data), self.roles.iter().map(|r| (r.role_id, &r.data)), |d| at(d))
    }

    /// Rule 4 without rule 3: the assigned person and the subordinates first, then the units
    /// from the person's own up to the top; the first node that decides wins.
    fn data_raw(&self, tree: &Tree, op: DataOp, person: i64, unit: i64) -> DataDecision {
        let special = [
            (tree.assigned == Some(person), Target::Assigned, Node::Assigned),
            (tree.subordinates.contains(&person), Target::Subordinates, Node::Subordinates),
        ];
        for (applies, target, node) in special {
            if let Some(d) = applies.then(|| self.data_granted(op, target)).flatten() {
                return DataDecision {
                    allowed: d.allowed,
                    source: d.source,
                    node: Some(node),
                    inherited: false,
                };
            }
        }
        for u in tree.chain(unit) {
            if let Some(d) = self.data_granted(op, Target::Unit(u)) {
                return DataDecision {
                    allowed: d.allowed,
                    source: d.source,
                    node: Some(Node::Unit(u)),
                    inherited: u != unit,
                };
            }
        }
        DataDecision { allowed: false, source: Source::NotGranted, node: None, inherited: false }
    }

    /// Decides a data operation on a person in a unit (rules 2, 3 and 4).
    pub fn decide_data(&self, tree: &Tree, op: DataOp, person: i64, unit: i64) -> DataDecision {
        if self.administrator {
            return DataDecision {
                allowed: true,
                source: Source::Administrator,
                node: None,
                inherited: false,
            };
        }
        if op != DataOp::View && !self.data_raw(tree, DataOp::View, person, unit).allowed {
            return DataDecision {
                allowed: false,
                source: Source::ViewMissing,
                node: None,
                inherited: false,
            };
        }
        self.data_raw(tree, op, person, unit)
    }
}
