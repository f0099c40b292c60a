//! What the editors and the effective-rights view exchange with the server, and the shared
//! computations on it (the same resolver the server uses, so the preview is exact).

use super::engine::{DataGrant, RoleGrants, Subject, Tree};
use super::{split, DataDecision, Decision, GrantRow, Holder};
use crate::catalogue::{DataOp, Right};
use crate::units::Unit;
use serde::{Deserialize, Serialize};

/// Everything an editor needs to show a holder's rights and preview an edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorData {
    pub holder: Holder,
    pub name: String,
    pub version: i64,
    /// The holder's own grants: what the editor changes.
    pub grants: Vec<GrantRow>,
    /// For a user: the grants of their roles (id, name, grants), for the preview.
    pub roles: Vec<(i64, String, Vec<GrantRow>)>,
    /// The holder is Administrators, or a user who belongs to it.
    pub administrator: bool,
    pub units: Vec<Unit>,
    /// For a user: the assigned person and the subordinates.
    pub assigned: Option<i64>,
    pub subordinates: Vec<i64>,
    /// Whether the caller may save an edit here at all (their right and not their own rights).
    pub editable: bool,
    /// The business applications of the account's main account, for their rights (issue 16).
    #[serde(default)]
    pub apps: Vec<crate::applications::AppEditor>,
}

impl EditorData {
    /// The resolver's subject with `grants` as the holder's own.
    pub fn subject(&self, grants: &[GrantRow]) -> Subject {
        let (own, own_data) = split(grants);
        let roles = self
            .roles
            .iter()
            .map(|(role_id, _, rows)| {
                let (grants, data) = split(rows);
                RoleGrants { role_id: *role_id, grants, data }
            })
            .collect();
        Subject { administrator: self.administrator, own, own_data, roles }
    }

    /// The resolver's subject over an application's rights, with `grants` as the holder's own.
    pub fn app_subject(&self, rights: &crate::applications::AppRights, grants: &[GrantRow]) -> Subject {
        let roles: Vec<(i64, Vec<GrantRow>)> =
            self.roles.iter().map(|(id, _, rows)| (*id, rows.clone())).collect();
        rights.subject(self.administrator, grants, &roles)
    }

    pub fn tree(&self) -> Tree {
        Tree {
            parent: self.units.iter().map(|u| (u.id, u.parent_id)).collect(),
            assigned: self.assigned,
            subordinates: self.subordinates.iter().copied().collect(),
        }
    }

    pub fn role_name(&self, id: i64) -> String {
        self.roles
            .iter()
            .find(|(r, _, _)| *r == id)
            .map(|(_, n, _)| n.clone())
            .unwrap_or_else(|| format!("#{id}"))
    }
}

/// One account-wide right of the effective-rights view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EffectiveRight {
    pub right: Right,
    pub decision: Decision,
}

/// One data right of the effective-rights view: for persons in a unit (or the special entries).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EffectiveData {
    pub node: super::Node,
    pub op: DataOp,
    pub decision: DataDecision,
}

/// A user's rights, every one with its reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Effective {
    pub data: EditorData,
    pub rights: Vec<EffectiveRight>,
    pub persons: Vec<EffectiveData>,
}

/// A person id no real person has: "someone in this unit" for the per-unit decisions.
pub const ANYONE: i64 = -1;

impl Effective {
    pub fn compute(data: EditorData) -> Effective {
        let subject = data.subject(&data.grants);
        let tree = data.tree();
        let rights = Right::all()
            .map(|right| EffectiveRight { right, decision: subject.decide_right(right) })
            .collect();
        let mut persons = Vec::new();
        for op in DataOp::ALL {
            for (node, target) in [
                (super::Node::Assigned, crate::catalogue::Target::Assigned),
                (super::Node::Subordinates, crate::catalogue::Target::Subordinates),
            ] {
                if let Some(d) = subject.data_granted(op, target) {
                    let decision = DataDecision {
                        allowed: d.allowed,
                        source: d.source,
                        node: Some(node),
                        inherited: false,
                    };
                    persons.push(EffectiveData { node, op, decision });
                }
            }
            for (_, unit) in crate::units::tree_order(&data.units) {
                let decision = subject.decide_data(&tree, op, ANYONE, unit.id);
                persons.push(EffectiveData { node: super::Node::Unit(unit.id), op, decision });
            }
        }
        Effective { data, rights, persons }
    }
}

/// A data grant of the holder at a node, if any.
pub fn own_data(grants: &[DataGrant], op: DataOp, target: crate::catalogue::Target) -> Option<bool> {
    grants.iter().find(|g| g.op == op && g.target == target).map(|g| g.allow)
}
