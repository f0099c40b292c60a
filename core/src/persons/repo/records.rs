//! Persons' rows as the queries of `repo` read them.

use super::super::PersonChoice;
use super::display;

/// A line of the list; `s_…` are the supervisor's, NULL without one.
#[derive(sqlx::FromRow)]
pub(super) struct RowRecord {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub unit_name: String,
    pub s_first: Option<String>,
    pub s_last: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(super) struct ChoiceRecord {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
}

impl From<ChoiceRecord> for PersonChoice {
    fn from(r: ChoiceRecord) -> PersonChoice {
        PersonChoice {
            id: r.id,
            name: display(&r.first_name, &r.last_name),
            personal_number: r.personal_number,
        }
    }
}

/// A person with their supervisor (`s_…`, NULL without one) and number of subordinates.
#[derive(sqlx::FromRow)]
pub(super) struct PersonRecord {
    pub first_name: String,
    pub last_name: String,
    pub personal_number: String,
    pub unit_id: i64,
    pub supervisor_id: Option<i64>,
    pub version: i64,
    pub s_first: Option<String>,
    pub s_last: Option<String>,
    pub s_number: Option<String>,
    pub subordinates: i64,
}
