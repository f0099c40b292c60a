//! Shared rules for logins and passwords: the same code checks the form in the browser and
//! the request on the server.

use crate::error::{Checks, Message};
use crate::texts::auth::AuthT;
use crate::texts::{CommonT, Msg};
use unicode_normalization::UnicodeNormalization;

pub const LOGIN_MAX: usize = 100;
pub const PASSWORD_MAX: usize = 128;
/// The special characters of seed 001's strong-password rule.
pub const STRONG_SPECIALS: &str = "!@#$%^&*(){}[]\\|:\"”;'<>?,./";

static COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// The key under which a login is unique: NFKC-normalised, trimmed, lower-case.
pub fn login_key(login: &str) -> String {
    login.trim().nfkc().collect::<String>().to_lowercase()
}

/// The password policy of an account (seed 001 "Polityka haseł"), or a user's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PasswordPolicy {
    pub min_length: usize,
    /// Seed 001 "Wymagaj mocnego hasła".
    pub strong: bool,
    /// Seed 001 "Wymagaj okresowej zmiany hasła": days a password lasts.
    pub max_age_days: Option<u32>,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy { min_length: 12, strong: false, max_age_days: None }
    }
}

impl PasswordPolicy {
    /// Whether a password set at `changed_at` has expired by `now` (both UTC milliseconds).
    pub fn expired(&self, changed_at: Option<i64>, now: i64) -> bool {
        match (self.max_age_days, changed_at) {
            (Some(days), Some(changed)) => now - changed >= days as i64 * 86_400_000,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

pub fn is_common_password(password: &str) -> bool {
    let lowered = password.to_lowercase();
    COMMON_PASSWORDS.lines().map(str::trim).any(|p| !p.is_empty() && p == lowered)
}

fn is_strong(password: &str) -> bool {
    password.chars().count() >= 8
        && password.chars().any(char::is_uppercase)
        && password.chars().any(char::is_lowercase)
        && password.chars().any(|c| c.is_ascii_digit())
        && password.chars().any(|c| STRONG_SPECIALS.contains(c))
}

/// The form fields a password and its confirmation are entered in.
#[derive(Clone, Copy)]
pub struct PasswordFields {
    pub password: (&'static str, Msg),
    pub confirm: (&'static str, Msg),
}

/// The fields of the change-password form.
pub const NEW_PASSWORD_FIELDS: PasswordFields = PasswordFields {
    password: ("new_password", Msg::Auth(AuthT::NewPassword)),
    confirm: ("confirm_password", Msg::Auth(AuthT::ConfirmPassword)),
};

/// Checks a new password and its confirmation against the policy.
pub fn check_new_password(
    policy: &PasswordPolicy,
    login: &str,
    password: &str,
    confirm: &str,
    checks: &mut Checks,
) {
    check_password(policy, login, password, confirm, NEW_PASSWORD_FIELDS, checks)
}

/// Checks a password entered in `fields`; the message says which rule it breaks.
pub fn check_password(
    policy: &PasswordPolicy,
    login: &str,
    password: &str,
    confirm: &str,
    fields: PasswordFields,
    checks: &mut Checks,
) {
    let (field, label) = fields.password;
    let length = password.chars().count();
    if password.is_empty() {
        checks.add(field, label, Message::new(CommonT::FieldRequired));
    } else if length > PASSWORD_MAX {
        checks.add(field, label, Message::new(CommonT::FieldTooLong).arg("max", PASSWORD_MAX));
    } else if length < policy.min_length {
        checks.add(field, label, Message::new(AuthT::PasswordTooShort).arg("min", policy.min_length));
    } else if policy.strong && !is_strong(password) {
        checks.add(field, label, Message::new(AuthT::PasswordNotStrong));
    } else if is_common_password(password) {
        checks.add(field, label, Message::new(AuthT::PasswordTooCommon));
    } else if login_key(password) == login_key(login) {
        checks.add(field, label, Message::new(AuthT::PasswordSameAsLogin));
    }
    if !checks.has(field) && password != confirm {
        let (field, label) = fields.confirm;
        checks.add(field, label, Message::new(AuthT::PasswordMismatch));
    }
}

/// A random password that satisfies `policy` (and the strong rule in any case).
pub fn random_password(policy: &PasswordPolicy, mut pick: impl FnMut(usize) -> usize) -> String {
    const LOWER: &str = "abcdefghijkmnopqrstuvwxyz";
    const UPPER: &str = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    const DIGITS: &str = "23456789";
    const SPECIAL: &str = "!@#$%^&*?";
    let classes = [LOWER, UPPER, DIGITS, SPECIAL];
    let all: Vec<char> = classes.concat().chars().collect();
    let length = policy.min_length.clamp(16, PASSWORD_MAX);
    let mut chars: Vec<char> = classes.iter().map(|c| c.chars().nth(pick(c.len())).unwrap_or('x')).collect();
    while chars.len() < length {
        chars.push(all[pick(all.len())]);
    }
    for i in (1..chars.len()).rev() {
        chars.swap(i, pick(i + 1));
    }
    chars.into_iter().collect()
}

/// Why a user with a correct password may still not sign in to the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInRefusal {
    External,
    Inactive,
    Blocked,
    NotYetValid,
    Expired,
}

impl SignInRefusal {
    pub fn message(self) -> AuthT {
        match self {
            SignInRefusal::External => AuthT::RefusedExternal,
            SignInRefusal::Inactive => AuthT::RefusedInactive,
            SignInRefusal::Blocked => AuthT::RefusedBlocked,
            SignInRefusal::NotYetValid => AuthT::RefusedNotYetValid,
            SignInRefusal::Expired => AuthT::RefusedExpired,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SignInRefusal::External => "external",
            SignInRefusal::Inactive => "inactive",
            SignInRefusal::Blocked => "blocked",
            SignInRefusal::NotYetValid => "not_yet_valid",
            SignInRefusal::Expired => "expired",
        }
    }
}

/// Who may use the console: internal and universal users that are active, not blocked and
/// inside their validity window (`valid_to` is the first instant no longer valid).
pub fn may_sign_in(
    kind: &str,
    active: bool,
    blocked: bool,
    valid_from: Option<i64>,
    valid_to: Option<i64>,
    now: i64,
) -> Result<(), SignInRefusal> {
    if kind == "external" {
        Err(SignInRefusal::External)
    } else if !active {
        Err(SignInRefusal::Inactive)
    } else if blocked {
        Err(SignInRefusal::Blocked)
    } else if valid_from.is_some_and(|from| now < from) {
        Err(SignInRefusal::NotYetValid)
    } else if valid_to.is_some_and(|to| now >= to) {
        Err(SignInRefusal::Expired)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(
        policy: PasswordPolicy,
        login: &str,
        password: &str,
        confirm: &str,
    ) -> Vec<(String, Message)> {
        let mut checks = Checks::new();
        check_new_password(&policy, login, password, confirm, &mut checks);
        match checks.finish() {
            Ok(()) => vec![],
            Err(e) => e.fields().iter().map(|f| (f.field.clone(), f.problem.clone())).collect(),
        }
    }

    #[test]
    fn logins_are_unique_after_normalisation_and_case_folding() {
        assert_eq!(login_key("  Żaneta.Nowak "), login_key("żANETA.nowak"));
        // "ﬁ" (one ligature character) and "fi" are the same login.
        assert_eq!(login_key("ﬁlip"), login_key("Filip"));
        assert_ne!(login_key("jan"), login_key("ján"));
    }

    #[test]
    fn default_policy_wants_twelve_uncommon_characters() {
        let p = PasswordPolicy::default();
        assert_eq!(problems(p, "ala", "short", "short")[0].1.key, AuthT::PasswordTooShort.into());
        assert_eq!(
            problems(p, "ala", "password1234", "password1234")[0].1.key,
            AuthT::PasswordTooCommon.into()
        );
        assert_eq!(
            problems(p, "magdalena.kowalska", "Magdalena.Kowalska", "x")[0].1.key,
            AuthT::PasswordSameAsLogin.into()
        );
        assert!(problems(p, "ala", "correct horse battery", "correct horse battery").is_empty());
        let mismatch = problems(p, "ala", "correct horse battery", "correct horse");
        assert_eq!(mismatch[0].0, "confirm_password");
        assert_eq!(problems(p, "ala", "", "")[0].1.key, CommonT::FieldRequired.into());
    }

    #[test]
    fn strong_rule_of_seed_001() {
        let p = PasswordPolicy { min_length: 8, strong: true, max_age_days: None };
        assert!(problems(p, "ala", "Abcdef1!", "Abcdef1!").is_empty());
        assert!(problems(p, "ala", "Abcdef1”", "Abcdef1”").is_empty(), "the seed's curly quote");
        assert_eq!(problems(p, "ala", "abcdef1!", "abcdef1!")[0].1.key, AuthT::PasswordNotStrong.into());
        assert_eq!(problems(p, "ala", "Abcdefg!", "Abcdefg!")[0].1.key, AuthT::PasswordNotStrong.into());
    }

    #[test]
    fn random_passwords_pass_the_strong_rule_and_the_length() {
        let mut seed = 7u64;
        let mut pick = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let policy = PasswordPolicy { min_length: 20, strong: true, max_age_days: None };
        for _ in 0..50 {
            let password = random_password(&policy, &mut pick);
            assert_eq!(password.chars().count(), 20);
            assert!(problems(policy, "ala", &password, &password).is_empty(), "{password}");
        }
    }

    #[test]
    fn passwords_expire_after_the_periodic_change_interval() {
        let day = 86_400_000;
        let policy = PasswordPolicy { max_age_days: Some(30), ..Default::default() };
        assert!(!policy.expired(Some(0), 29 * day));
        assert!(policy.expired(Some(0), 30 * day));
        assert!(policy.expired(None, 0), "never set counts as expired");
        assert!(!PasswordPolicy::default().expired(Some(0), 10_000 * day));
    }

    #[test]
    fn only_active_unblocked_valid_console_users_sign_in() {
        assert_eq!(may_sign_in("internal", true, false, None, None, 10), Ok(()));
        assert_eq!(may_sign_in("universal", true, false, Some(10), Some(20), 10), Ok(()));
        assert_eq!(may_sign_in("external", true, false, None, None, 10), Err(SignInRefusal::External));
        assert_eq!(may_sign_in("internal", false, false, None, None, 10), Err(SignInRefusal::Inactive));
        assert_eq!(may_sign_in("internal", true, true, None, None, 10), Err(SignInRefusal::Blocked));
        assert_eq!(may_sign_in("internal", true, false, Some(11), None, 10), Err(SignInRefusal::NotYetValid));
        assert_eq!(may_sign_in("internal", true, false, None, Some(10), 10), Err(SignInRefusal::Expired));
    }
}
