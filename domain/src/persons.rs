//! The persons directory (employee records): name, personal number, unit and supervisor — the
//! subordinate relation that rights and substitutions use.

pub use crate::texts::persons::PersonT;

use crate::error::{Checks, Message};
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 100;
pub const NUMBER_MAX: usize = 50;

/// A person as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub unit_name: String,
    pub supervisor: Option<String>,
}

/// A person's card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub unit_id: i64,
    pub supervisor: Option<PersonChoice>,
    pub version: i64,
    /// Users linked to the person: (login, kind key).
    pub users: Vec<(String, String)>,
    pub subordinates: i64,
}

/// A person as pickers list them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonChoice {
    pub id: i64,
    pub name: String,
    pub personal_number: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonQuery {
    pub search: String,
    pub unit_id: Option<i64>,
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonInput {
    pub id: Option<i64>,
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub unit_id: Option<i64>,
    pub supervisor_id: Option<i64>,
    pub version: i64,
}

fn check_text(checks: &mut Checks, field: &str, label: PersonT, value: &str, max: usize, required: bool) {
    let value = value.trim();
    if value.is_empty() {
        if required {
            checks.add(field, label, Message::new(CommonT::FieldRequired));
        }
    } else if value.chars().count() > max {
        checks.add(field, label, Message::new(CommonT::FieldTooLong).arg("max", max));
    } else if value.chars().any(char::is_control) {
        checks.add(field, label, Message::new(CommonT::FieldBadCharacters));
    }
}

impl PersonInput {
    pub fn check(&self) -> Checks {
        let mut checks = Checks::new();
        check_text(&mut checks, "first_name", PersonT::FirstName, &self.first_name, NAME_MAX, true);
        check_text(&mut checks, "last_name", PersonT::LastName, &self.last_name, NAME_MAX, true);
        check_text(
            &mut checks,
            "personal_number",
            PersonT::PersonalNumber,
            &self.personal_number,
            NUMBER_MAX,
            false,
        );
        if !checks.has("personal_number")
            && !self
                .personal_number
                .trim()
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'))
        {
            checks.add("personal_number", PersonT::PersonalNumber, Message::new(CommonT::FieldBadCharacters));
        }
        if self.unit_id.is_none() {
            checks.add("unit_id", PersonT::Unit, Message::new(CommonT::FieldRequired));
        }
        if self.id.is_some() && self.supervisor_id == self.id {
            checks.add("supervisor_id", PersonT::Supervisor, Message::new(PersonT::OwnSupervisor));
        }
        checks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> PersonInput {
        PersonInput {
            id: Some(7),
            first_name: "Anna".into(),
            last_name: "Nowak".into(),
            personal_number: "P-0042".into(),
            unit_id: Some(1),
            supervisor_id: None,
            version: 1,
        }
    }

    #[test]
    fn a_complete_person_passes() {
        assert!(input().check().finish().is_ok());
    }

    #[test]
    fn every_field_problem_is_named() {
        let bad = PersonInput {
            first_name: " ".into(),
            last_name: "x".repeat(101),
            personal_number: "12 34".into(),
            unit_id: None,
            supervisor_id: Some(7),
            ..input()
        };
        let checks = bad.check();
        for field in ["first_name", "last_name", "personal_number", "unit_id", "supervisor_id"] {
            assert!(checks.has(field), "{field}");
        }
    }
}
