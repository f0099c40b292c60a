//! Clients of business applications (issue 16, docs/INTEGRATION.md): the credentials an
//! application's server presents to ask Klucznik for decisions about its main account and that
//! account's sub-accounts. The secret is shown once, when the client is made or its secret
//! replaced; only its hash is kept.

use crate::error::{Checks, Message};
pub use crate::texts::clients::ClientT;
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

/// The longest name of a client.
pub const NAME_MAX: usize = 100;
/// The built-in application: Klucznik's own catalogue of modules.
pub const BUILT_IN_APPLICATION: &str = "klucznik";

/// A client as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientRow {
    pub id: i64,
    pub application: String,
    pub name: String,
    pub client_id: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// `created_at` and `last_used_at` in the account's time zone and the viewer's language.
    pub created_text: String,
    pub last_used_text: Option<String>,
}

/// A secret, shown once: the bearer token the application sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSecret {
    pub id: i64,
    pub client_id: String,
    pub secret: String,
}

/// The name of a new client: required, at most `NAME_MAX` characters.
pub fn check_name(name: &str, label: impl Into<crate::texts::Msg> + Copy) -> Checks {
    let mut checks = Checks::new();
    let name = name.trim();
    if name.is_empty() {
        checks.add("name", label, Message::new(CommonT::FieldRequired));
    } else if name.chars().count() > NAME_MAX {
        checks.add("name", label, Message::new(CommonT::FieldTooLong).arg("max", NAME_MAX));
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::CommonT;

    #[test]
    fn a_name_is_required_and_bounded() {
        assert!(check_name("POS", CommonT::Name).finish().is_ok());
        let empty = check_name("  ", CommonT::Name).finish().unwrap_err();
        assert!(empty.field("name").is_some());
        assert!(check_name(&"x".repeat(NAME_MAX + 1), CommonT::Name).finish().is_err());
    }
}
