//! Users' rows as the queries of `repo` read them, and their conversion to the domain's records.

use super::super::{UserCard, UserKind, UserRow};
use crate::error::AppError;
use crate::persons::PersonChoice;
use crate::store::{non_null, Flag};
use crate::time::day_of_ms;

/// A line of the users' list, before its roles are added.
#[derive(sqlx::FromRow)]
pub(super) struct ListRecord {
    id: i64,
    login: String,
    full_name: String,
    kind: String,
    #[sqlx(try_from = "Flag")]
    active: bool,
    #[sqlx(try_from = "Flag")]
    blocked: bool,
    valid_to: Option<i64>,
}

impl ListRecord {
    pub(super) fn into_row(self, now: i64, zone: &str) -> UserRow {
        UserRow {
            id: self.id,
            login: self.login,
            full_name: self.full_name,
            kind: UserKind::parse(&self.kind).unwrap_or(UserKind::Internal),
            active: self.active,
            blocked: self.blocked,
            expired: self.valid_to.is_some_and(|t| t <= now),
            valid_to: self.valid_to.map(|t| day_of_ms(t - 1, zone)),
            roles: Vec::new(),
            sub_accounts: None,
        }
    }
}

/// A user with their person's name (`users.*` joined with `persons`).
#[derive(sqlx::FromRow)]
pub(super) struct CardRecord {
    kind: String,
    #[sqlx(try_from = "Flag")]
    active: bool,
    #[sqlx(try_from = "Flag")]
    blocked: bool,
    valid_from: Option<i64>,
    valid_to: Option<i64>,
    login: String,
    full_name: String,
    print_label: String,
    note: String,
    email: String,
    person_id: Option<i64>,
    // NULL without a person (the join is a left one).
    first_name: Option<String>,
    last_name: Option<String>,
    personal_number: Option<String>,
    default_unit_id: Option<i64>,
    password_hash: Option<String>,
    external_password_hash: Option<String>,
    pin_hash: Option<String>,
    card_hash: Option<String>,
    pin_used_at: Option<i64>,
    card_used_at: Option<i64>,
    external_password_used_at: Option<i64>,
    pin_locked_at: Option<i64>,
    #[sqlx(try_from = "Flag")]
    shared_password: bool,
    #[sqlx(try_from = "Flag")]
    pw_own_policy: bool,
    #[sqlx(try_from = "Flag")]
    pw_strong: bool,
    pw_max_age_days: Option<i64>,
    #[sqlx(try_from = "Flag")]
    must_change_password: bool,
    version: i64,
}

impl CardRecord {
    /// The card of user `id`; its roles and sign-in units come from other queries.
    pub(super) fn into_card(
        self,
        id: i64,
        zone: &str,
        roles: Vec<i64>,
        sign_in_units: i64,
    ) -> Result<UserCard, AppError> {
        let person = match self.person_id {
            Some(pid) => Some(PersonChoice {
                id: pid,
                name: format!(
                    "{} {}",
                    non_null(self.last_name, "last_name")?,
                    non_null(self.first_name, "first_name")?
                ),
                personal_number: non_null(self.personal_number, "personal_number")?,
            }),
            None => None,
        };
        let used = |t: Option<i64>| t.map(|t| crate::time::format_ms(t, zone, crate::i18n::Lang::default()));
        let day = |t: Option<i64>, shift: i64| t.map(|t| day_of_ms(t - shift, zone)).unwrap_or_default();
        Ok(UserCard {
            id,
            kind: UserKind::parse(&self.kind).unwrap_or(UserKind::Internal),
            active: self.active,
            blocked: self.blocked,
            valid_from: day(self.valid_from, 0),
            valid_to: day(self.valid_to, 1),
            login: self.login,
            full_name: self.full_name,
            print_label: self.print_label,
            note: self.note,
            email: self.email,
            person,
            default_unit_id: self.default_unit_id,
            has_password: self.password_hash.is_some(),
            has_external_password: self.external_password_hash.is_some(),
            has_pin: self.pin_hash.is_some(),
            has_card: self.card_hash.is_some(),
            pin_used: used(self.pin_used_at),
            card_used: used(self.card_used_at),
            external_password_used: used(self.external_password_used_at),
            pin_locked: self.pin_locked_at.is_some(),
            shared_password: self.shared_password,
            pw_own_policy: self.pw_own_policy,
            pw_strong: self.pw_strong,
            pw_max_age_days: self.pw_max_age_days.map(|d| d.to_string()).unwrap_or_default(),
            must_change_password: self.must_change_password,
            roles,
            sign_in_units,
            version: self.version,
        })
    }
}
