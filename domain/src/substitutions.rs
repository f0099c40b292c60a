//! Substitutions (seed 003): a substitute works as an absent user between two days of the
//! account's time zone. Defining them (own / subordinates' / anyone's), the user menu's
//! "Start", the "working as" banner, and the end of the mode.

pub use crate::texts::substitutions::SubT;

use crate::catalogue::{Permission, Right};
use crate::error::{Checks, Message};
use crate::list::parse_date;
use crate::texts::CommonT;
use serde::{Deserialize, Serialize};

/// Any one of these opens the module; which users it covers depends on which (seed 003).
pub const DEFINE: &[Right] = &[
    Right::Perm(Permission::SubstitutionsOwn),
    Right::Perm(Permission::SubstitutionsSubordinates),
    Right::Perm(Permission::SubstitutionsAnyone),
];

/// Whether these rights open the Substitutions module.
pub fn may_define(rights: &crate::rights::Snapshot) -> bool {
    DEFINE.iter().any(|r| rights.allows(*r))
}

/// Where a substitution stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubState {
    Future,
    Ongoing,
    Finished,
    Deactivated,
}

impl SubState {
    /// The "Active" tab holds ongoing and future substitutions; "Inactive" the rest.
    pub fn listed_as_active(self) -> bool {
        matches!(self, SubState::Future | SubState::Ongoing)
    }

    pub fn of(active: bool, starts_at: i64, ends_at: i64, now: i64) -> SubState {
        if now >= ends_at {
            SubState::Finished
        } else if !active {
            SubState::Deactivated
        } else if now < starts_at {
            SubState::Future
        } else {
            SubState::Ongoing
        }
    }

    pub fn text(self) -> SubT {
        match self {
            SubState::Future => SubT::StateFuture,
            SubState::Ongoing => SubT::StateOngoing,
            SubState::Finished => SubT::StateFinished,
            SubState::Deactivated => SubT::StateDeactivated,
        }
    }
}

/// One substitution as the lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Substitution {
    pub id: i64,
    pub absent_id: i64,
    pub absent: String,
    pub substitute_id: i64,
    pub substitute: String,
    pub from_day: String,
    pub to_day: String,
    pub active: bool,
    pub forward_email: bool,
    pub state: SubState,
    /// The period has begun (only the end may move, and it may be deactivated).
    pub started: bool,
    /// The viewer may change it (the absent user is within their permission).
    pub editable: bool,
    pub version: i64,
}

/// Which list the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    Active,
    Inactive,
}

/// A list of substitutions and today's date in the account's zone (for the form's checks).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubList {
    pub today: String,
    pub items: Vec<Substitution>,
}

/// A user in a pick list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickUser {
    pub id: i64,
    pub name: String,
}

/// What the form offers: whom the caller may define substitutions for, and who may substitute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubOptions {
    pub today: String,
    /// The caller (the default absent user), if they may define their own.
    pub me: Option<i64>,
    pub absent: Vec<PickUser>,
    pub substitutes: Vec<PickUser>,
}

/// A new substitution (no id) or a change of one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubInput {
    pub id: Option<i64>,
    pub absent_id: Option<i64>,
    pub substitute_id: Option<i64>,
    pub from_day: String,
    pub to_day: String,
    pub active: bool,
    pub forward_email: bool,
    pub version: i64,
}

/// A substitution the caller may start now, from the user menu.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Startable {
    pub id: i64,
    pub absent: String,
    pub to_day: String,
}

/// Why a session stopped working as someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModeEnd {
    /// The substitute ended it.
    Ended,
    Deactivated,
    /// The last day is over.
    PeriodOver,
    /// The absent user was deactivated or blocked.
    AbsentBarred,
}

impl ModeEnd {
    pub fn text(self) -> SubT {
        match self {
            ModeEnd::Ended => SubT::EndEnded,
            ModeEnd::Deactivated => SubT::EndDeactivated,
            ModeEnd::PeriodOver => SubT::EndPeriodOver,
            ModeEnd::AbsentBarred => SubT::EndAbsentBarred,
        }
    }
}

fn day(checks: &mut Checks, field: &str, label: SubT, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        checks.add(field, label, Message::new(CommonT::FieldRequired));
        return None;
    }
    match parse_date(value) {
        Some(_) => Some(value.to_string()),
        None => {
            checks.add(field, label, Message::new(CommonT::FieldBadDate));
            None
        }
    }
}

impl SubInput {
    /// The rules the form and the server share; `today` is in the account's time zone.
    pub fn check(&self, today: &str) -> Checks {
        let mut checks = Checks::new();
        if self.absent_id.is_none() {
            checks.add("absent_id", SubT::Absent, Message::new(CommonT::FieldRequired));
        }
        match self.substitute_id {
            None => checks.add("substitute_id", SubT::Substitute, Message::new(CommonT::FieldRequired)),
            Some(s) if Some(s) == self.absent_id => {
                checks.add("substitute_id", SubT::Substitute, Message::new(SubT::SameAsAbsent))
            }
            Some(_) => {}
        }
        let from = day(&mut checks, "from_day", SubT::FromDay, &self.from_day);
        let to = day(&mut checks, "to_day", SubT::ToDay, &self.to_day);
        if let Some(to) = &to {
            if from.as_ref().is_some_and(|from| to < from) {
                checks.add("to_day", SubT::ToDay, Message::new(SubT::ToBeforeFrom));
            } else if to.as_str() < today {
                checks.add("to_day", SubT::ToDay, Message::new(SubT::ToInPast));
            }
        }
        checks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(absent: i64, substitute: i64, from: &str, to: &str) -> SubInput {
        SubInput {
            id: None,
            absent_id: Some(absent),
            substitute_id: Some(substitute),
            from_day: from.into(),
            to_day: to.into(),
            active: true,
            forward_email: true,
            version: 0,
        }
    }

    #[test]
    fn the_form_rules_name_their_field() {
        let today = "2026-11-22";
        assert!(input(1, 2, "2026-11-01", "2026-11-22").check(today).finish().is_ok());
        assert!(input(1, 1, "2026-11-22", "2026-11-22").check(today).has("substitute_id"));
        assert!(input(1, 2, "2026-11-23", "2026-11-22").check(today).has("to_day"));
        assert!(input(1, 2, "2026-11-01", "2026-11-21").check(today).has("to_day"));
        assert!(input(1, 2, "", "2026-11-30").check(today).has("from_day"));
        assert!(input(1, 2, "2026-13-01", "2026-11-30").check(today).has("from_day"));
        let mut none = input(1, 2, "2026-11-22", "2026-11-22");
        none.absent_id = None;
        none.substitute_id = None;
        let checks = none.check(today);
        assert!(checks.has("absent_id") && checks.has("substitute_id"));
    }

    #[test]
    fn states_follow_the_period_and_the_switch() {
        assert_eq!(SubState::of(true, 10, 20, 5), SubState::Future);
        assert_eq!(SubState::of(true, 10, 20, 10), SubState::Ongoing);
        assert_eq!(SubState::of(true, 10, 20, 20), SubState::Finished);
        assert_eq!(SubState::of(false, 10, 20, 15), SubState::Deactivated);
        assert_eq!(SubState::of(false, 10, 20, 25), SubState::Finished);
        assert!(SubState::Future.listed_as_active() && !SubState::Deactivated.listed_as_active());
    }
}
