//! A grant as stored and as the editors exchange it, and what rule 6 says of giving one.

use super::engine::{DataGrant, Grants};
use super::Snapshot;
use crate::catalogue::{DataOp, Right, Target};
use serde::{Deserialize, Serialize};

/// The application a stored grant key belongs to and the right within it
/// (`nordwind/sales_invoices.view`); `None` for the built-in catalogue's keys (issue 16).
pub fn split_key(key: &str) -> Option<(&str, &str)> {
    key.split_once('/')
}

/// Whose grants: a role's or a user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Holder {
    Role(i64),
    User(i64),
}

/// A right key, where it applies (None: the whole account), allow or deny.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GrantRow {
    pub key: String,
    pub target: Option<Target>,
    pub allow: bool,
}

impl GrantRow {
    /// Whether the key and the target fit together and name something of the catalogue.
    pub fn sound(&self) -> bool {
        // An application's right (`<application>/<right>`): its catalogue is checked by the server.
        if let Some((app, right)) = split_key(&self.key) {
            return self.target.is_none() && !app.is_empty() && !right.is_empty();
        }
        match self.target {
            None => Right::parse(&self.key).is_some(),
            Some(_) => DataOp::parse_grant_key(&self.key).is_some(),
        }
    }
}

/// Splits grant rows into the resolver's account-wide and data grants; unknown keys (rights
/// that left the catalogue) are ignored.
pub fn split(rows: &[GrantRow]) -> (Grants, Vec<DataGrant>) {
    let mut account = Grants::new();
    let mut data = Vec::new();
    for g in rows {
        match (g.target, Right::parse(&g.key), DataOp::parse_grant_key(&g.key)) {
            (None, Some(right), _) => {
                account.insert(right.index() as u32, g.allow);
            }
            (Some(target), _, Some(op)) => data.push(DataGrant { op, target, allow: g.allow }),
            _ => {}
        }
    }
    (account, data)
}

impl Snapshot {
    /// Rule 6: whether the holder of this snapshot holds the right a grant gives or takes —
    /// needed to change it. The assigned-person and subordinates entries are relative to the
    /// user they belong to, so only administrators change those.
    pub fn holds(&self, key: &str, target: Option<Target>) -> bool {
        if self.administrator {
            return true;
        }
        match (target, Right::parse(key), DataOp::parse_grant_key(key)) {
            (None, Some(right), _) => self.allows(right),
            (Some(Target::Unit(unit)), _, Some(op)) => self.data_in_unit(op, unit),
            _ => false,
        }
    }
}

/// The grants whose presence or state differs between two sets.
pub fn changed<'a>(before: &'a [GrantRow], after: &'a [GrantRow]) -> Vec<&'a GrantRow> {
    let same = |a: &GrantRow, b: &GrantRow| a.key == b.key && a.target == b.target;
    let removed_or_switched =
        before.iter().filter(|b| !after.iter().any(|a| same(a, b) && a.allow == b.allow));
    let added = after.iter().filter(|a| !before.iter().any(|b| same(a, b)));
    removed_or_switched.chain(added).collect()
}

impl Snapshot {
    /// Rule 6 for a whole edit: every grant that changes must be one its author holds.
    /// Applications' rights are not this snapshot's: the server checks them against the
    /// author's rights in each application (`applications::giving::may_change`).
    pub fn may_change(&self, before: &[GrantRow], after: &[GrantRow]) -> bool {
        changed(before, after)
            .iter()
            .filter(|g| split_key(&g.key).is_none())
            .all(|g| self.holds(&g.key, g.target))
    }
}
