//! Sub-accounts (seed 004): the main account's list of sub-accounts, which main-account users
//! may enter which of them, and the title bar's "Switch account".

pub use crate::texts::accounts::AccountT;

use crate::error::{Checks, Message};
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

pub const ACCOUNT_NAME_MAX: usize = 100;
pub const EXTERNAL_ID_MAX: usize = 50;

/// A sub-account as the main account's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAccount {
    pub id: i64,
    pub name: String,
    /// The seed's "PT id": unique within the main account.
    pub external_id: String,
    pub active: bool,
    /// Users whose home is the sub-account.
    pub users: i64,
    /// Main-account users given access (administrators not counted: they always have it).
    pub granted: i64,
    pub version: i64,
}

/// A new sub-account (no `id`) or a change of one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountInput {
    pub id: Option<i64>,
    pub name: String,
    pub external_id: String,
    pub version: i64,
}

/// Letters, digits and `- _ . /`: identifiers other systems exchange.
pub fn external_id_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')
}

impl AccountInput {
    pub fn check(&self) -> Checks {
        let mut checks = Checks::new();
        let name = self.name.trim();
        if name.is_empty() {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldRequired));
        } else if name.chars().count() > ACCOUNT_NAME_MAX {
            checks.add(
                "name",
                CommonT::Name,
                Message::new(CommonT::FieldTooLong).arg("max", ACCOUNT_NAME_MAX),
            );
        } else if name.chars().any(char::is_control) {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldBadCharacters));
        }
        let external = self.external_id.trim();
        if external.is_empty() {
            checks.add("external_id", AccountT::ExternalId, Message::new(CommonT::FieldRequired));
        } else if external.chars().count() > EXTERNAL_ID_MAX {
            let problem = Message::new(CommonT::FieldTooLong).arg("max", EXTERNAL_ID_MAX);
            checks.add("external_id", AccountT::ExternalId, problem);
        } else if !external.chars().all(external_id_char) {
            checks.add("external_id", AccountT::ExternalId, Message::new(AccountT::ExternalIdCharacters));
        }
        checks
    }
}

/// One sub-account in a user's access dialog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessChoice {
    pub account_id: i64,
    pub name: String,
    pub external_id: String,
    pub active: bool,
    pub granted: bool,
    /// The caller may change this box (they may enter the sub-account themselves).
    pub changeable: bool,
}

/// A main-account user's access to the sub-accounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserAccess {
    pub user_id: i64,
    pub login: String,
    /// Administrators of the main account always have every sub-account.
    pub administrator: bool,
    pub choices: Vec<AccessChoice>,
}

/// An account the session may switch to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwitchTarget {
    pub id: i64,
    pub name: String,
    pub external_id: Option<String>,
    pub is_main: bool,
    pub current: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, external: &str) -> AccountInput {
        AccountInput { id: None, name: name.into(), external_id: external.into(), version: 0 }
    }

    #[test]
    fn names_and_identifiers_are_checked() {
        assert!(input("Oddział Kraków", "PT-0004").check().finish().is_ok());
        assert!(input(" ", "PT-1").check().has("name"));
        assert!(input(&"x".repeat(ACCOUNT_NAME_MAX + 1), "PT-1").check().has("name"));
        assert!(input("A", "").check().has("external_id"));
        assert!(input("A", "PT 1").check().has("external_id"));
        assert!(input("A", &"9".repeat(EXTERNAL_ID_MAX + 1)).check().has("external_id"));
        assert!(input("A", &"9".repeat(EXTERNAL_ID_MAX)).check().finish().is_ok());
    }
}
