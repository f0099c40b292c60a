//! Roles (seed 001 "grupy operatorów", seed 002 "role"): named sets of users that carry rights,
//! the units their members sign in to, and the built-ins Administrators and Everyone.

pub mod transfer;

pub use crate::texts::roles::RoleT;

use crate::error::{Checks, Message};
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

pub const ROLE_NAME_MAX: usize = 100;
pub const ROLE_DESCRIPTION_MAX: usize = 500;

/// The built-in roles every account has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Builtin {
    Administrators,
    Everyone,
}

impl Builtin {
    pub fn key(self) -> &'static str {
        match self {
            Builtin::Administrators => "administrators",
            Builtin::Everyone => "everyone",
        }
    }

    pub fn parse(key: &str) -> Option<Builtin> {
        match key {
            "administrators" => Some(Builtin::Administrators),
            "everyone" => Some(Builtin::Everyone),
            _ => None,
        }
    }

    /// The role's name in the viewer's language (stored in English; issue 14).
    pub fn name(self) -> RoleT {
        match self {
            Builtin::Administrators => RoleT::NameAdministrators,
            Builtin::Everyone => RoleT::NameEveryone,
        }
    }

    /// The role's description in the viewer's language.
    pub fn description(self) -> RoleT {
        match self {
            Builtin::Administrators => RoleT::DescriptionAdministrators,
            Builtin::Everyone => RoleT::DescriptionEveryone,
        }
    }
}

/// A role's name as the viewer reads it: built-in roles in their language, others as named.
pub fn shown_name(builtin: Option<Builtin>, name: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Text;
    match builtin {
        Some(b) => b.name().text(lang).to_string(),
        None => name.to_string(),
    }
}

/// A user as a role's member lists show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: i64,
    pub login: String,
    pub full_name: String,
    /// The linked person's name (seed 001: "ImięNazwisko pracownika").
    pub person: Option<String>,
}

/// A role in the list, with its members (the seed's tree).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleRow {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub builtin: Option<Builtin>,
    pub members: Vec<Member>,
}

/// A role's card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleDetail {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub builtin: Option<Builtin>,
    pub version: i64,
    pub units: Vec<i64>,
    pub members: Vec<Member>,
    pub non_members: Vec<Member>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleInput {
    pub id: Option<i64>,
    pub name: String,
    pub description: String,
    pub units: Vec<i64>,
    pub version: i64,
}

impl RoleInput {
    pub fn check(&self) -> Checks {
        let mut checks = Checks::new();
        let name = self.name.trim();
        if name.is_empty() {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldRequired));
        } else if name.chars().count() > ROLE_NAME_MAX {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldTooLong).arg("max", ROLE_NAME_MAX));
        } else if name.chars().any(char::is_control) {
            checks.add("name", CommonT::Name, Message::new(CommonT::FieldBadCharacters));
        }
        if self.description.chars().count() > ROLE_DESCRIPTION_MAX {
            let problem = Message::new(CommonT::FieldTooLong).arg("max", ROLE_DESCRIPTION_MAX);
            checks.add("description", CommonT::Description, problem);
        }
        checks
    }
}

/// The name of a copy (seed 001): "Sales" → "Sales (1)", then "Sales (2)"; a copy of a copy
/// counts on from the original name.
pub fn copy_name(name: &str, taken: &[String]) -> String {
    let base = match name.trim_end().strip_suffix(')').and_then(|rest| rest.rsplit_once(" (")) {
        Some((base, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => base,
        _ => name.trim(),
    };
    let taken: Vec<String> = taken.iter().map(|t| crate::auth::policy::login_key(t)).collect();
    (1..)
        .map(|n| format!("{base} ({n})"))
        .find(|candidate| !taken.contains(&crate::auth::policy::login_key(candidate)))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_numbered_like_the_seed() {
        let taken = vec!["Sprzedawcy".to_string()];
        assert_eq!(copy_name("Sprzedawcy", &taken), "Sprzedawcy (1)");
        let taken = vec!["Sprzedawcy".into(), "Sprzedawcy (1)".into()];
        assert_eq!(copy_name("Sprzedawcy", &taken), "Sprzedawcy (2)");
        assert_eq!(copy_name("Sprzedawcy (1)", &taken), "Sprzedawcy (2)");
        assert_eq!(copy_name("Team (Kraków)", &["Team (Kraków)".into()]), "Team (Kraków) (1)");
        assert_eq!(
            copy_name("sales", &["SALES (1)".into()]),
            "sales (2)",
            "names are unique regardless of case"
        );
    }

    #[test]
    fn role_names_are_required_and_short() {
        let input = |name: &str, description: &str| RoleInput {
            id: None,
            name: name.into(),
            description: description.into(),
            units: vec![],
            version: 0,
        };
        assert!(input("Kadry", "").check().finish().is_ok());
        assert!(input("", "").check().has("name"));
        assert!(input(&"r".repeat(101), "").check().has("name"));
        assert!(input("Kadry", &"d".repeat(501)).check().has("description"));
    }
}
