//! Each user's view of a list (seed 002: "Edit view" is the right to save one's own columns and
//! sort order): which columns are shown and how the list is sorted. Anyone may choose columns
//! for the page they are on; saving the choice needs the list's Edit view right.

use crate::catalogue::Module;
use crate::error::{AppError, Checks, Message};
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

/// A list whose view can be saved, with the module whose Edit view right saves it and every
/// column it may show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListSpec {
    pub key: &'static str,
    pub module: Module,
    pub columns: &'static [&'static str],
}

pub const USERS: ListSpec = ListSpec {
    key: "users",
    module: Module::Users,
    columns: &["full_name", "kind", "status", "valid_to", "roles", "sub_accounts"],
};

pub const SESSIONS: ListSpec = ListSpec {
    key: "sessions",
    module: Module::Sessions,
    columns: &[
        "id",
        "user",
        "computer",
        "unit",
        "created",
        "closed",
        "last_activity",
        "ended_by",
        "service",
        "session_name",
        "db_version",
        "program_version",
        "working_as",
        "account",
    ],
};

pub const PERSONS: ListSpec = ListSpec {
    key: "persons",
    module: Module::Persons,
    columns: &["first_name", "personal_number", "unit", "supervisor"],
};

pub const LISTS: &[ListSpec] = &[USERS, SESSIONS, PERSONS];

pub fn spec(key: &str) -> Option<ListSpec> {
    LISTS.iter().copied().find(|l| l.key == key)
}

/// The saved view: the columns shown (in the list's order) and, for lists that sort, the sort
/// column and direction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListView {
    pub hidden: Vec<String>,
    pub sort: Option<String>,
    pub descending: bool,
}

impl ListView {
    /// Only columns and a sort key the list has.
    pub fn check(&self, spec: &ListSpec) -> Result<(), AppError> {
        let mut checks = Checks::new();
        if self.hidden.len() > spec.columns.len()
            || self.hidden.iter().any(|c| !spec.columns.contains(&c.as_str()))
        {
            checks.add("hidden", CommonT::Columns, Message::new(CommonT::FieldUnknown));
        }
        if self.sort.as_deref().is_some_and(|s| !spec.columns.contains(&s)) {
            checks.add("sort", CommonT::Columns, Message::new(CommonT::FieldUnknown));
        }
        checks.finish()
    }

    pub fn shows(&self, column: &str) -> bool {
        !self.hidden.iter().any(|c| c == column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_names_only_columns_of_its_list() {
        let good = ListView { hidden: vec!["kind".into()], sort: None, descending: false };
        assert!(good.check(&USERS).is_ok());
        assert!(!good.shows("kind") && good.shows("roles"));
        let bad = ListView { hidden: vec!["password_hash".into()], sort: None, descending: false };
        assert_eq!(bad.check(&USERS).unwrap_err().fields()[0].field, "hidden");
        let bad_sort = ListView { hidden: vec![], sort: Some("nope".into()), descending: true };
        assert!(bad_sort.check(&SESSIONS).is_err());
    }
}
