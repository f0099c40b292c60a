//! The account configuration: the password policy and the session timeouts.

pub use crate::texts::config::ConfigT;

use crate::auth::policy::PasswordPolicy;
use crate::error::{Checks, Message};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountConfig {
    pub time_zone: String,
    pub pw_min_length: u32,
    pub pw_strong: bool,
    /// Empty: passwords do not expire.
    pub pw_max_age_days: String,
    pub session_idle_minutes: u32,
    pub session_max_hours: u32,
    /// Substitutions may be defined for users whose validity has ended (seed 003).
    #[serde(default)]
    pub substitute_expired: bool,
    pub version: i64,
}

impl AccountConfig {
    pub fn policy(&self) -> PasswordPolicy {
        PasswordPolicy {
            min_length: self.pw_min_length as usize,
            strong: self.pw_strong,
            max_age_days: self.pw_max_age_days.trim().parse().ok(),
        }
    }

    /// The checks that need no time-zone database (the server checks the zone).
    pub fn check(&self) -> Checks {
        let mut checks = Checks::new();
        let range = |checks: &mut Checks, field: &str, label: ConfigT, value: u32, min: u32, max: u32| {
            if !(min..=max).contains(&value) {
                let problem = Message::new(ConfigT::Range).arg("min", min).arg("max", max);
                checks.add(field, label, problem);
            }
        };
        range(&mut checks, "pw_min_length", ConfigT::MinLength, self.pw_min_length, 8, 128);
        range(
            &mut checks,
            "session_idle_minutes",
            ConfigT::IdleMinutes,
            self.session_idle_minutes,
            1,
            24 * 60,
        );
        range(&mut checks, "session_max_hours", ConfigT::MaxHours, self.session_max_hours, 1, 24 * 31);
        let days = self.pw_max_age_days.trim();
        if !days.is_empty() && !days.parse::<u32>().is_ok_and(|d| (1..=3650).contains(&d)) {
            checks.add(
                "pw_max_age_days",
                ConfigT::MaxAgeDays,
                Message::new(ConfigT::Range).arg("min", 1).arg("max", 3650),
            );
        }
        if self.time_zone.trim().is_empty() {
            checks.add("time_zone", ConfigT::TimeZone, Message::new(crate::texts::CommonT::FieldRequired));
        }
        checks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> AccountConfig {
        AccountConfig {
            time_zone: "Europe/Warsaw".into(),
            pw_min_length: 12,
            pw_strong: false,
            pw_max_age_days: String::new(),
            session_idle_minutes: 60,
            session_max_hours: 12,
            substitute_expired: false,
            version: 1,
        }
    }

    #[test]
    fn limits_are_checked_and_named() {
        assert!(config().check().finish().is_ok());
        let bad = AccountConfig {
            pw_min_length: 4,
            session_idle_minutes: 0,
            pw_max_age_days: "x".into(),
            ..config()
        };
        let checks = bad.check();
        assert!(
            checks.has("pw_min_length")
                && checks.has("session_idle_minutes")
                && checks.has("pw_max_age_days")
        );
        assert_eq!(
            AccountConfig { pw_max_age_days: "90".into(), ..config() }.policy().max_age_days,
            Some(90)
        );
    }
}
