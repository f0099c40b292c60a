//! Users (seed 001 "konta operatorów", seed 002 "uživatelé"): the user card with every field of
//! the seeds, the list with its filters, passwords set by an administrator.

mod check;

pub use crate::texts::users::UserT;
pub use check::check_input;

use crate::persons::PersonChoice;
use serde::{Deserialize, Serialize};

pub const LOGIN_MAX: usize = crate::auth::policy::LOGIN_MAX;
pub const FULL_NAME_MAX: usize = 200;
pub const LABEL_MAX: usize = 100;
pub const NOTE_MAX: usize = 2000;
/// RFC 5321's limit on an address.
pub const EMAIL_MAX: usize = 254;
pub const PIN_MAX: usize = 6;
pub const CARD_MAX: usize = 50;

/// Seed 001's operator types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserKind {
    /// Signs in to the console.
    Internal,
    /// Signs in only to other applications (PIN, card, external password).
    External,
    /// Both, with one shared password or two separate ones.
    Universal,
}

impl UserKind {
    pub const ALL: [UserKind; 3] = [UserKind::Internal, UserKind::External, UserKind::Universal];

    pub fn key(self) -> &'static str {
        match self {
            UserKind::Internal => "internal",
            UserKind::External => "external",
            UserKind::Universal => "universal",
        }
    }

    pub fn parse(key: &str) -> Option<UserKind> {
        UserKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn name(self) -> UserT {
        match self {
            UserKind::Internal => UserT::KindInternal,
            UserKind::External => UserT::KindExternal,
            UserKind::Universal => UserT::KindUniversal,
        }
    }

    /// Whether users of this kind use the console (and so have a console password).
    pub fn console(self) -> bool {
        self != UserKind::External
    }
}

/// The list's status filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusFilter {
    #[default]
    All,
    Active,
    Blocked,
    Expired,
    Inactive,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserQuery {
    pub search: String,
    pub status: StatusFilter,
    pub kind: Option<UserKind>,
    pub role_id: Option<i64>,
    pub page: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub full_name: String,
    pub kind: UserKind,
    pub active: bool,
    pub blocked: bool,
    pub expired: bool,
    /// The last day of validity (`YYYY-MM-DD`), if limited.
    pub valid_to: Option<String>,
    pub roles: Vec<String>,
    /// In the main account, for viewers of sub-accounts: whether the user is an administrator
    /// (every sub-account) and the sub-accounts given to them.
    #[serde(default)]
    pub sub_accounts: Option<(bool, Vec<String>)>,
}

/// A secret that is only ever written (PIN, card number): keep it, remove it, or set it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecretChange {
    #[default]
    Keep,
    Clear,
    Set(String),
}

/// A user as notices and banners name them: the full name, or the login when there is none.
pub fn display_name(login: &str, full_name: &str) -> String {
    if full_name.trim().is_empty() {
        login.to_string()
    } else {
        full_name.to_string()
    }
}

/// A user as lists and pick lists name them: "Full Name (login)", or the login alone.
pub fn labelled_name(login: &str, full_name: &str) -> String {
    if full_name.trim().is_empty() {
        login.to_string()
    } else {
        format!("{full_name} ({login})")
    }
}

/// The user card as loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserCard {
    pub id: i64,
    pub kind: UserKind,
    pub active: bool,
    pub blocked: bool,
    pub valid_from: String,
    pub valid_to: String,
    pub login: String,
    pub full_name: String,
    pub print_label: String,
    pub note: String,
    /// Where notifications are mailed; empty: none.
    #[serde(default)]
    pub email: String,
    pub person: Option<PersonChoice>,
    pub default_unit_id: Option<i64>,
    pub has_password: bool,
    pub has_external_password: bool,
    pub has_pin: bool,
    pub has_card: bool,
    /// When applications last signed the user in with each (issue 17), in the account's zone.
    #[serde(default)]
    pub pin_used: Option<String>,
    #[serde(default)]
    pub card_used: Option<String>,
    #[serde(default)]
    pub external_password_used: Option<String>,
    /// Three wrong PINs in a row lock the PIN until a new one is set.
    #[serde(default)]
    pub pin_locked: bool,
    pub shared_password: bool,
    pub pw_own_policy: bool,
    pub pw_strong: bool,
    pub pw_max_age_days: String,
    pub must_change_password: bool,
    pub roles: Vec<i64>,
    /// Units the user's roles (Everyone's too) open to them: with none they cannot sign in.
    #[serde(default)]
    pub sign_in_units: i64,
    pub version: i64,
}

/// A new user (no id) or changes to one. Passwords are only read when creating; afterwards
/// they are set through `set_password`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInput {
    pub id: Option<i64>,
    pub version: i64,
    pub kind: UserKind,
    pub active: bool,
    pub blocked: bool,
    pub valid_from: String,
    pub valid_to: String,
    pub login: String,
    pub full_name: String,
    pub print_label: String,
    pub note: String,
    #[serde(default)]
    pub email: String,
    pub person_id: Option<i64>,
    pub default_unit_id: Option<i64>,
    pub pin: SecretChange,
    pub card: SecretChange,
    pub password: String,
    pub password_confirm: String,
    pub shared_password: bool,
    pub external_password: String,
    pub external_password_confirm: String,
    pub pw_own_policy: bool,
    pub pw_strong: bool,
    pub pw_max_age_days: String,
    pub must_change_password: bool,
    pub roles: Vec<i64>,
}

/// Which password an administrator sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordTarget {
    /// The console password (for a universal user with a shared password, the only one).
    Console,
    /// The password for other applications.
    External,
}
