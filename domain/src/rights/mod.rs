//! The resolver: decides "may this session do R (on this person)?" by the rules of docs/ARCHITECTURE.md "How a rights decision is made",
//! explains each decision, and builds the per-session snapshot that answers every check in
//! O(1). No I/O: the server and the browser (the editors' preview) share it.

pub mod engine;
mod grant;
mod reach;
mod snapshot;
pub mod view;

pub use crate::texts::rights::RightT;
pub use engine::{DataDecision, DataGrant, Decision, Grants, Node, RoleGrants, Source, Spec, Subject, Tree};
pub use grant::{changed, split, split_key, GrantRow, Holder};
pub use reach::PersonUnits;
pub use snapshot::{PersonFilter, Snapshot};

use crate::catalogue::Right;

/// Account-wide grants from (right, allow) pairs of the application's catalogue.
pub fn grants(pairs: impl IntoIterator<Item = (Right, bool)>) -> Grants {
    pairs.into_iter().map(|(r, allow)| (r.index() as u32, allow)).collect()
}

impl Subject {
    /// Decides one right of the application's catalogue.
    pub fn decide_right(&self, right: Right) -> Decision {
        self.decide(crate::catalogue::spec(), right.index() as u32)
    }

    /// Data grants on the unit `from` apply to the unit `to` instead (a main-account user's
    /// grants on the main organisation's top unit, in a sub-account).
    pub fn carry_into(&mut self, from: i64, to: i64) {
        let data = self.own_data.iter_mut().chain(self.roles.iter_mut().flat_map(|r| r.data.iter_mut()));
        for grant in data {
            if grant.target == crate::catalogue::Target::Unit(from) {
                grant.target = crate::catalogue::Target::Unit(to);
            }
        }
    }

    /// The snapshot over the application's catalogue.
    pub fn snapshot_of(&self, tree: &Tree) -> Snapshot {
        self.snapshot(crate::catalogue::spec(), tree)
    }
}

#[cfg(test)]
mod tests;
