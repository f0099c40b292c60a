//! The checks of the user card that need no database: lengths, characters, dates, PIN, card
//! number and passwords. The browser runs them before sending, the server again on receipt.

use super::{SecretChange, UserInput, UserKind, UserT};
use super::{CARD_MAX, EMAIL_MAX, FULL_NAME_MAX, LABEL_MAX, LOGIN_MAX, NOTE_MAX, PIN_MAX};
use crate::auth::policy::{check_password, PasswordFields, PasswordPolicy};
use crate::error::{Checks, Message};
use crate::list::parse_date;
use crate::texts::{CommonT, Msg};

/// Characters a login may have: letters (diacritics too), digits, and `. _ - @ \`.
pub fn login_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@' | '\\') || unicode_mark(c)
}

fn unicode_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// One `@` between a local part and a dotted domain, no spaces or controls: what a mail
/// server would accept, without pretending to verify the address.
pub fn email_shape(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.chars().all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>' | ',' | ';'))
}

fn text(checks: &mut Checks, field: &str, label: UserT, value: &str, max: usize) {
    if value.chars().count() > max {
        checks.add(field, label, Message::new(CommonT::FieldTooLong).arg("max", max));
    } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        checks.add(field, label, Message::new(CommonT::FieldBadCharacters));
    }
}

fn date(checks: &mut Checks, field: &str, label: UserT, value: &str) -> Option<(i32, u8, u8)> {
    if value.trim().is_empty() {
        return None;
    }
    let parsed = parse_date(value);
    if parsed.is_none() {
        checks.add(field, label, Message::new(CommonT::FieldBadDate));
    }
    parsed
}

/// The policy a user's passwords must meet: the account's, or the user's own rules on top of
/// the account's minimum length.
pub fn effective_policy(account: &PasswordPolicy, input: &UserInput) -> PasswordPolicy {
    if !input.pw_own_policy {
        return *account;
    }
    PasswordPolicy {
        min_length: account.min_length,
        strong: input.pw_strong,
        max_age_days: input.pw_max_age_days.trim().parse().ok(),
    }
}

pub fn check_input(input: &UserInput, account_policy: &PasswordPolicy) -> Checks {
    let mut checks = Checks::new();
    let login = input.login.trim();
    if login.is_empty() {
        checks.add("login", UserT::Login, Message::new(CommonT::FieldRequired));
    } else if login.chars().count() > LOGIN_MAX {
        checks.add("login", UserT::Login, Message::new(CommonT::FieldTooLong).arg("max", LOGIN_MAX));
    } else if !login.chars().all(login_char) {
        checks.add("login", UserT::Login, Message::new(UserT::LoginCharacters));
    }
    text(&mut checks, "full_name", UserT::FullName, &input.full_name, FULL_NAME_MAX);
    text(&mut checks, "print_label", UserT::PrintLabel, &input.print_label, LABEL_MAX);
    text(&mut checks, "note", UserT::Note, &input.note, NOTE_MAX);
    let email = input.email.trim();
    if email.chars().count() > EMAIL_MAX {
        checks.add("email", UserT::Email, Message::new(CommonT::FieldTooLong).arg("max", EMAIL_MAX));
    } else if !email.is_empty() && !email_shape(email) {
        checks.add("email", UserT::Email, Message::new(UserT::EmailShape));
    }
    let from = date(&mut checks, "valid_from", UserT::ValidFrom, &input.valid_from);
    let to = date(&mut checks, "valid_to", UserT::ValidTo, &input.valid_to);
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            checks.add("valid_to", UserT::ValidTo, Message::new(UserT::ValidToBeforeFrom));
        }
    }
    if let SecretChange::Set(pin) = &input.pin {
        if pin.is_empty() || pin.chars().count() > PIN_MAX || !pin.chars().all(|c| c.is_ascii_digit()) {
            checks.add("pin", UserT::NewPin, Message::new(UserT::PinDigits));
        }
    }
    if let SecretChange::Set(card) = &input.card {
        if card.trim().is_empty() {
            checks.add("card", UserT::NewCardNumber, Message::new(CommonT::FieldRequired));
        } else if card.chars().count() > CARD_MAX {
            checks.add(
                "card",
                UserT::NewCardNumber,
                Message::new(CommonT::FieldTooLong).arg("max", CARD_MAX),
            );
        } else if card.chars().any(char::is_control) {
            checks.add("card", UserT::NewCardNumber, Message::new(CommonT::FieldBadCharacters));
        }
    }
    if input.pw_own_policy && !input.pw_max_age_days.trim().is_empty() {
        let days: Option<u32> = input.pw_max_age_days.trim().parse().ok();
        if !days.is_some_and(|d| (1..=3650).contains(&d)) {
            checks.add("pw_max_age_days", UserT::MaxAgeDays, Message::new(UserT::DaysRange));
        }
    }
    if input.id.is_none() {
        check_new_passwords(input, &effective_policy(account_policy, input), &mut checks);
    }
    checks
}

const CONSOLE_FIELDS: PasswordFields = PasswordFields {
    password: ("password", Msg::User(UserT::Password)),
    confirm: ("password_confirm", Msg::User(UserT::PasswordConfirm)),
};
const EXTERNAL_FIELDS: PasswordFields = PasswordFields {
    password: ("external_password", Msg::User(UserT::ExternalPassword)),
    confirm: ("external_password_confirm", Msg::User(UserT::ExternalPasswordConfirm)),
};

fn check_new_passwords(input: &UserInput, policy: &PasswordPolicy, checks: &mut Checks) {
    let login = input.login.trim();
    if input.kind.console() {
        check_password(policy, login, &input.password, &input.password_confirm, CONSOLE_FIELDS, checks);
    }
    let external_needed = match input.kind {
        UserKind::External => !input.external_password.is_empty(),
        UserKind::Universal => !input.shared_password,
        UserKind::Internal => false,
    };
    if external_needed {
        check_password(
            policy,
            login,
            &input.external_password,
            &input.external_password_confirm,
            EXTERNAL_FIELDS,
            checks,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn input() -> UserInput {
        UserInput {
            id: None,
            version: 0,
            kind: UserKind::Internal,
            active: true,
            blocked: false,
            valid_from: String::new(),
            valid_to: String::new(),
            login: "żaneta.nowak".into(),
            full_name: "Żaneta Nowak".into(),
            print_label: String::new(),
            note: String::new(),
            email: String::new(),
            person_id: None,
            default_unit_id: None,
            pin: SecretChange::Keep,
            card: SecretChange::Keep,
            password: "correct horse battery".into(),
            password_confirm: "correct horse battery".into(),
            shared_password: true,
            external_password: String::new(),
            external_password_confirm: String::new(),
            pw_own_policy: false,
            pw_strong: false,
            pw_max_age_days: String::new(),
            must_change_password: false,
            roles: vec![],
        }
    }

    fn fields(input: &UserInput) -> Vec<String> {
        match check_input(input, &PasswordPolicy::default()).finish() {
            Ok(()) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn a_complete_card_passes_and_diacritics_are_allowed() {
        assert_eq!(fields(&input()), Vec::<String>::new());
        assert_eq!(
            fields(&UserInput { login: "DOMENA\\jan.kowalski".into(), ..input() }),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_issue_s_bad_inputs_are_named() {
        assert_eq!(fields(&UserInput { login: "".into(), ..input() }), ["login"]);
        assert_eq!(fields(&UserInput { login: "x".repeat(101), ..input() }), ["login"]);
        assert_eq!(fields(&UserInput { login: "jan kowalski".into(), ..input() }), ["login"]);
        assert_eq!(fields(&UserInput { pin: SecretChange::Set("12a4".into()), ..input() }), ["pin"]);
        assert_eq!(fields(&UserInput { pin: SecretChange::Set("1234567".into()), ..input() }), ["pin"]);
        assert_eq!(fields(&UserInput { card: SecretChange::Set("c".repeat(51)), ..input() }), ["card"]);
        assert_eq!(
            fields(&UserInput { card: SecretChange::Set("c".repeat(50)), ..input() }),
            Vec::<String>::new()
        );
        let dates = UserInput { valid_from: "2026-12-01".into(), valid_to: "2026-11-30".into(), ..input() };
        assert_eq!(fields(&dates), ["valid_to"]);
        assert_eq!(fields(&UserInput { valid_from: "2026-02-30".into(), ..input() }), ["valid_from"]);
        assert_eq!(
            fields(&UserInput { password_confirm: "something else".into(), ..input() }),
            ["password_confirm"]
        );
        assert_eq!(
            fields(&UserInput { password: "short".into(), password_confirm: "short".into(), ..input() }),
            ["password"]
        );
    }

    #[test]
    fn own_policy_adds_the_strong_rule_and_checks_the_interval() {
        let strong = UserInput { pw_own_policy: true, pw_strong: true, ..input() };
        assert_eq!(fields(&strong), ["password"], "no upper case, digit or special character");
        let ok = UserInput {
            password: "Correct!horse7".into(),
            password_confirm: "Correct!horse7".into(),
            ..strong
        };
        assert_eq!(fields(&ok), Vec::<String>::new());
        let days = UserInput { pw_own_policy: true, pw_max_age_days: "0".into(), ..input() };
        assert_eq!(fields(&days), ["pw_max_age_days"]);
    }

    #[test]
    fn passwords_follow_the_kind() {
        let external = UserInput {
            kind: UserKind::External,
            password: String::new(),
            password_confirm: String::new(),
            ..input()
        };
        assert_eq!(fields(&external), Vec::<String>::new(), "external users need no console password");
        let separate = UserInput { kind: UserKind::Universal, shared_password: false, ..input() };
        assert_eq!(fields(&separate), ["external_password"]);
        let editing =
            UserInput { id: Some(3), password: String::new(), password_confirm: String::new(), ..input() };
        assert_eq!(fields(&editing), Vec::<String>::new(), "passwords are not part of an edit");
    }
}
