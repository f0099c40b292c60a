//! Editing a set of grants, and saying in words what a decision means.

use crate::catalogue::{Right, Target};
use crate::i18n::{fill, I18n};
use domain::rights::view::EditorData;
use domain::rights::{DataDecision, Decision, GrantRow, Node, Source};
use domain::texts::rights::RightT;

/// What the holder itself says of a right: nothing (inherit), allow or deny.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Own {
    Inherit,
    Allow,
    Deny,
}

impl Own {
    /// Seed 002: clicking a right cycles inherit → allow → deny.
    pub fn next(self) -> Own {
        match self {
            Own::Inherit => Own::Allow,
            Own::Allow => Own::Deny,
            Own::Deny => Own::Inherit,
        }
    }

    pub fn word(self) -> RightT {
        match self {
            Own::Inherit => RightT::Inherit,
            Own::Allow => RightT::Allow,
            Own::Deny => RightT::Deny,
        }
    }
}

pub fn own_of(grants: &[GrantRow], key: &str, target: Option<Target>) -> Own {
    match grants.iter().find(|g| g.key == key && g.target == target) {
        Some(g) if g.allow => Own::Allow,
        Some(_) => Own::Deny,
        None => Own::Inherit,
    }
}

pub fn set(grants: &mut Vec<GrantRow>, key: &str, target: Option<Target>, own: Own) {
    grants.retain(|g| !(g.key == key && g.target == target));
    match own {
        Own::Inherit => {}
        Own::Allow => grants.push(GrantRow { key: key.to_string(), target, allow: true }),
        Own::Deny => grants.push(GrantRow { key: key.to_string(), target, allow: false }),
    }
    grants.sort();
}

/// How many grants differ between the saved set and the edited one.
pub fn pending(saved: &[GrantRow], edited: &[GrantRow]) -> usize {
    domain::rights::changed(saved, edited).len()
}

/// The name of a right in the user's language: "Users: Edit", "Users › Note: Visible".
pub fn right_name(i18n: &I18n, right: Right) -> String {
    use crate::catalogue::ColumnOp;
    match right {
        Right::Op(m, op) => format!("{}: {}", i18n.t(m.info().name), i18n.t(op.name())),
        Right::Column(m, c, op) => {
            let column = i18n.t(m.info().columns[c as usize].name);
            let what = match op {
                ColumnOp::Visible => crate::catalogue::CatalogueT::ColumnVisible,
                ColumnOp::Edit => crate::catalogue::CatalogueT::ColumnEdit,
            };
            format!("{} › {column}: {}", i18n.t(m.info().name), i18n.t(what))
        }
        Right::Perm(p) => i18n.t(p.name()).to_string(),
    }
}

fn node_name(i18n: &I18n, data: &EditorData, node: Node) -> String {
    match node {
        Node::Assigned => i18n.t(crate::catalogue::CatalogueT::Assigned).to_string(),
        Node::Subordinates => i18n.t(crate::catalogue::CatalogueT::Subordinates).to_string(),
        Node::Unit(u) => domain::units::path(&data.units, u),
    }
}

/// "allowed directly", "denied by role Sales", "denied: needs Users: View", …
pub fn describe(i18n: &I18n, data: &EditorData, d: &Decision) -> String {
    describe_with(i18n, data, d, |i| right_name(i18n, Right::at(i as usize)))
}

/// As `describe`, naming the rights a decision refers to by `name` (an application's catalogue).
pub fn describe_with(i18n: &I18n, data: &EditorData, d: &Decision, name: impl Fn(u32) -> String) -> String {
    let role = |id: i64| vec![("role".to_string(), data.role_name(id))];
    let right = |i: u32| vec![("right".to_string(), name(i))];
    match (d.source, d.allowed) {
        (Source::Administrator, _) => i18n.t(RightT::AllowedAdministrator).to_string(),
        (Source::User, true) => i18n.t(RightT::AllowedDirectly).to_string(),
        (Source::User, false) => i18n.t(RightT::DeniedDirectly).to_string(),
        (Source::Role(id), true) => fill(i18n.t(RightT::AllowedByRole), &role(id)),
        (Source::Role(id), false) => fill(i18n.t(RightT::DeniedByRole), &role(id)),
        (Source::NotGranted, _) => i18n.t(RightT::NotGranted).to_string(),
        (Source::Needs(i), _) => fill(i18n.t(RightT::NeedsRight), &right(i)),
        (Source::Follows(i), _) => fill(i18n.t(RightT::AsRight), &right(i)),
        (Source::ViewMissing, _) => i18n.t(RightT::ViewMissing).to_string(),
    }
}

/// A data decision in seed 002's four states, with who decided.
pub fn describe_data(i18n: &I18n, data: &EditorData, d: &DataDecision) -> String {
    match (d.node, d.inherited) {
        (Some(node), true) => {
            let key = if d.allowed { RightT::AllowedInherited } else { RightT::DeniedInherited };
            let at = fill(i18n.t(key), &[("node".into(), node_name(i18n, data, node))]);
            // The holder's own grant needs no second word; a role's grant is named.
            if d.source == Source::User {
                return at;
            }
            let by = describe(i18n, data, &Decision { allowed: d.allowed, source: d.source });
            format!("{at} — {by}")
        }
        _ => describe(i18n, data, &Decision { allowed: d.allowed, source: d.source }),
    }
}
