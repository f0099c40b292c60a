//! The sessions list of seed 000: what it asks for and what a row holds, shared by the page,
//! the server functions and the exports.

use super::SessionT;
use crate::error::{AppError, Checks, Message};
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

/// The seed's filter: Wszystkie / Przerwane / Otwarte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionState {
    #[default]
    All,
    Ended,
    Open,
}

impl SessionState {
    pub const ALL: [SessionState; 3] = [SessionState::All, SessionState::Ended, SessionState::Open];

    pub fn key(self) -> &'static str {
        match self {
            SessionState::All => "all",
            SessionState::Ended => "ended",
            SessionState::Open => "open",
        }
    }

    pub fn parse(key: &str) -> SessionState {
        Self::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }

    pub fn name(self) -> SessionT {
        match self {
            SessionState::All => SessionT::StateAll,
            SessionState::Ended => SessionT::StateEnded,
            SessionState::Open => SessionT::StateOpen,
        }
    }
}

/// A column of the list, for sorting; in the seed's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionSort {
    Id,
    User,
    Computer,
    Unit,
    #[default]
    Created,
    Closed,
    LastActivity,
    EndedBy,
    Service,
    SessionName,
    DbVersion,
    ProgramVersion,
    WorkingAs,
}

impl SessionSort {
    pub const ALL: [SessionSort; 13] = [
        SessionSort::Id,
        SessionSort::User,
        SessionSort::Computer,
        SessionSort::Unit,
        SessionSort::Created,
        SessionSort::Closed,
        SessionSort::LastActivity,
        SessionSort::EndedBy,
        SessionSort::Service,
        SessionSort::SessionName,
        SessionSort::DbVersion,
        SessionSort::ProgramVersion,
        SessionSort::WorkingAs,
    ];

    pub fn name(self) -> SessionT {
        use SessionSort::*;
        match self {
            Id => SessionT::ColId,
            User => SessionT::ColUser,
            Computer => SessionT::ColComputer,
            Unit => SessionT::ColUnit,
            Created => SessionT::ColCreated,
            Closed => SessionT::ColClosed,
            LastActivity => SessionT::ColLastActivity,
            EndedBy => SessionT::ColEndedBy,
            Service => SessionT::ColService,
            SessionName => SessionT::ColSessionName,
            DbVersion => SessionT::ColDbVersion,
            ProgramVersion => SessionT::ColProgramVersion,
            WorkingAs => SessionT::ColWorkingAs,
        }
    }

    /// The column's key in a saved list view (`views::SESSIONS`).
    pub fn key(self) -> &'static str {
        use SessionSort::*;
        match self {
            Id => "id",
            User => "user",
            Computer => "computer",
            Unit => "unit",
            Created => "created",
            Closed => "closed",
            LastActivity => "last_activity",
            EndedBy => "ended_by",
            Service => "service",
            SessionName => "session_name",
            DbVersion => "db_version",
            ProgramVersion => "program_version",
            WorkingAs => "working_as",
        }
    }

    pub fn from_key(key: &str) -> Option<SessionSort> {
        SessionSort::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The catalogue column that guards this one, if any (seed 000's optional columns).
    pub fn guarded_by(self) -> Option<&'static str> {
        use SessionSort::*;
        match self {
            Computer => Some("computer"),
            Unit => Some("unit"),
            Service => Some("service"),
            SessionName => Some("session_name"),
            DbVersion => Some("db_version"),
            ProgramVersion => Some("program_version"),
            _ => None,
        }
    }
}

pub const SEARCH_MAX: usize = 100;
pub const NOTE_MAX: usize = 200;
/// How many sessions one call may end.
pub const END_MAX: usize = 500;

/// What the list shows: the filter, the search by user, a range of creation days, the order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionQuery {
    pub state: SessionState,
    pub search: String,
    /// `YYYY-MM-DD` or empty, in the account's time zone.
    pub from: String,
    pub to: String,
    pub sort: SessionSort,
    pub descending: bool,
    pub page: u32,
}

impl SessionQuery {
    /// Field errors for the search and the dates (format, order).
    pub fn check(&self) -> Result<(), AppError> {
        let mut checks = Checks::new();
        if self.search.chars().count() > SEARCH_MAX {
            checks.add(
                "search",
                SessionT::Search,
                Message::new(CommonT::FieldTooLong).arg("max", SEARCH_MAX),
            );
        }
        let day = |text: &str| text.is_empty() || crate::list::parse_date(text).is_some();
        if !day(&self.from) {
            checks.add("from", SessionT::From, Message::new(CommonT::FieldBadDate));
        }
        if !day(&self.to) {
            checks.add("to", SessionT::To, Message::new(CommonT::FieldBadDate));
        }
        if day(&self.from)
            && day(&self.to)
            && !self.from.is_empty()
            && !self.to.is_empty()
            && self.to < self.from
        {
            checks.add("to", SessionT::To, Message::new(SessionT::ToBeforeFrom));
        }
        checks.finish()
    }
}

/// One row of the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRow {
    pub id: i64,
    pub login: String,
    pub full_name: String,
    pub computer: String,
    pub unit: String,
    pub created: i64,
    pub closed: Option<i64>,
    pub last_activity: i64,
    /// The login of whoever ended it, if someone did.
    pub ended_by: Option<String>,
    /// How it closed: `logout`, `expired`, `ended`, `password_changed`, `replaced`.
    pub end_reason: Option<String>,
    pub end_note: String,
    pub service: String,
    pub session_name: String,
    pub db_version: String,
    pub program_version: String,
    /// The absent user this session works for (issue 6), when it does.
    pub working_as: Option<String>,
    pub account: String,
    /// The viewer's own current session.
    pub current: bool,
    /// A main-account user's session working in this sub-account.
    #[serde(default)]
    pub visiting: bool,
    /// The viewer may end it (open, not their own, and not a main-account visitor unless the
    /// viewer is one too).
    #[serde(default)]
    pub endable: bool,
    /// `created`, `closed` and `last_activity` in the account's zone and the viewer's language.
    pub created_text: String,
    pub closed_text: String,
    pub last_text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_days_and_in_order() {
        let q =
            |from: &str, to: &str| SessionQuery { from: from.into(), to: to.into(), ..Default::default() };
        assert!(q("", "").check().is_ok());
        assert!(q("2026-11-01", "2026-11-22").check().is_ok());
        let fields = |r: Result<(), AppError>| match r {
            Err(AppError::Invalid(f)) => f.into_iter().map(|f| f.field).collect::<Vec<_>>(),
            _ => vec![],
        };
        assert_eq!(fields(q("2026-11-22", "2026-11-01").check()), ["to"]);
        assert_eq!(fields(q("2026-02-30", "x").check()), ["from", "to"]);
        let long = SessionQuery { search: "x".repeat(SEARCH_MAX + 1), ..Default::default() };
        assert_eq!(fields(long.check()), ["search"]);
    }
}
