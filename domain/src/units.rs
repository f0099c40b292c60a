//! The account's organisation tree of units (seed 001 "centra struktury", seed 002
//! "organizační struktura"): who sits where, and where users sign in.

pub use crate::texts::units::UnitT;

use crate::error::{Checks, Message};
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const UNIT_NAME_MAX: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub version: i64,
    /// Persons placed directly in the unit.
    pub persons: i64,
}

/// A new unit (no `id`) or a change of one: its name and its place in the tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitInput {
    pub id: Option<i64>,
    pub parent_id: Option<i64>,
    pub name: String,
    pub version: i64,
}

impl UnitInput {
    pub fn check(&self) -> Checks {
        let mut checks = Checks::new();
        let name = self.name.trim();
        if name.is_empty() {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldRequired));
        } else if name.chars().count() > UNIT_NAME_MAX {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldTooLong).arg("max", UNIT_NAME_MAX));
        } else if name.chars().any(char::is_control) {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldBadCharacters));
        }
        if self.id.is_none() && self.parent_id.is_none() {
            checks.add("parent_id", UnitT::Parent, Message::new(CommonT::FieldRequired));
        }
        checks
    }
}

/// The units in tree order (each after its parent, siblings by name), with their depth.
pub fn tree_order(units: &[Unit]) -> Vec<(usize, &Unit)> {
    fn walk<'a>(units: &'a [Unit], parent: Option<i64>, depth: usize, out: &mut Vec<(usize, &'a Unit)>) {
        let mut children: Vec<&Unit> = units.iter().filter(|u| u.parent_id == parent).collect();
        children.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
        for child in children {
            out.push((depth, child));
            walk(units, Some(child.id), depth + 1, out);
        }
    }
    let mut out = Vec::with_capacity(units.len());
    walk(units, None, 0, &mut out);
    out
}

/// "Company / Sales / Kraków": the names from the root down to `id`.
pub fn path(units: &[Unit], id: i64) -> String {
    let mut names = Vec::new();
    let mut current = Some(id);
    while let Some(unit) = current.and_then(|c| units.iter().find(|u| u.id == c)) {
        names.push(unit.name.as_str());
        current = unit.parent_id;
        if names.len() > units.len() {
            break;
        }
    }
    names.reverse();
    names.join(" / ")
}

/// `id` and every unit below it.
pub fn subtree(units: &[Unit], id: i64) -> HashSet<i64> {
    let mut found = HashSet::from([id]);
    loop {
        let before = found.len();
        for unit in units {
            if unit.parent_id.is_some_and(|p| found.contains(&p)) {
                found.insert(unit.id);
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, parent: Option<i64>, name: &str) -> Unit {
        Unit { id, parent_id: parent, name: name.into(), version: 1, persons: 0 }
    }

    #[test]
    fn tree_order_puts_children_under_parents_by_name() {
        let units = vec![
            unit(1, None, "Firma"),
            unit(2, Some(1), "Sprzedaż"),
            unit(3, Some(1), "Kadry"),
            unit(4, Some(2), "Kraków"),
        ];
        let order: Vec<(usize, i64)> = tree_order(&units).into_iter().map(|(d, u)| (d, u.id)).collect();
        assert_eq!(order, vec![(0, 1), (1, 3), (1, 2), (2, 4)]);
        assert_eq!(path(&units, 4), "Firma / Sprzedaż / Kraków");
        assert_eq!(subtree(&units, 2), HashSet::from([2, 4]));
    }

    #[test]
    fn names_are_required_short_and_printable() {
        let input = |name: &str| UnitInput { id: None, parent_id: Some(1), name: name.into(), version: 0 };
        assert!(input("Kadry").check().finish().is_ok());
        assert!(input("  ").check().has("name"));
        assert!(input(&"x".repeat(201)).check().has("name"));
        assert!(input("a\u{7}b").check().has("name"));
        let orphan = UnitInput { id: None, parent_id: None, name: "x".into(), version: 0 };
        assert!(orphan.check().has("parent_id"));
    }
}
