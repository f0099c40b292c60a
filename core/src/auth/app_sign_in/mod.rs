//! Signing users in to business applications (issue 17, docs/INTEGRATION.md "Sign-in for
//! applications"): by login and password, login and PIN, or a card alone, on behalf of an
//! application client. The console's rules hold — active, unblocked, valid, in an active account,
//! a unit of theirs, "open multiple sessions" across the console and applications — with the
//! application's own: external users always, internal users only where the application accepts
//! them, the external password of a universal user with separate passwords.

use super::policy::{login_key, LOGIN_MAX, PASSWORD_MAX};
use super::throttle::{self, Key};
use crate::actor::{Actor, Client};
use crate::audit::{self, Entry};
use crate::auth::token::{card_key, hash_token, new_token};
use crate::clients::repo::Caller;
use crate::error::{AppError, Checks, Message};
use crate::events::EndReason;
use crate::guard::CoreState;
use crate::i18n::CommonT;
use crate::sessions::ending;
use crate::sessions::repo::{self as sessions, Opening};
use crate::store::Tx;
use domain::auth::AuthT;

/// The longest computer and session names (seed 000's columns).
pub const NAME_MAX: usize = 100;
/// The longest PIN and card number (seed 001).
pub const PIN_MAX: usize = 6;
pub const CARD_MAX: usize = 50;
/// PIN failures in a row that lock the PIN until an administrator sets a new one.
pub const PIN_LOCK_AFTER: i64 = 3;

/// What the user proves themselves with.
#[derive(Clone, Debug)]
pub enum Secret {
    Password(String),
    Pin(String),
    Card(String),
    /// The step token of an earlier answer: the secret was checked then.
    Step(String),
}

#[derive(Clone, Debug)]
pub struct AppRequest {
    pub login: String,
    pub secret: Secret,
    pub computer: String,
    pub session_name: String,
    pub unit: Option<i64>,
    pub close_other: bool,
}

/// A session opened for an application.
#[derive(Clone, Debug)]
pub struct AppSession {
    pub token: String,
    pub session_id: i64,
    pub user_id: i64,
    pub login: String,
    pub full_name: String,
    pub account_id: i64,
    pub account_name: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub rights_version: i64,
    pub must_change_password: bool,
}

/// Why no session was opened.
#[derive(Debug)]
pub enum SignInError {
    /// A field is missing or malformed (nothing was checked).
    Invalid(AppError),
    /// Unknown login, card or step, or a wrong secret: one answer for all.
    WrongCredentials,
    /// The secret was right but the user may not come in: the reason's key.
    Refused(&'static str),
    /// Too many PIN failures: an administrator sets a new PIN.
    PinLocked,
    Throttled(u64),
    /// Without "open multiple sessions" the user has a session already; the same request with
    /// `close_other` (or this step token and `close_other`) ends it.
    AlreadySignedIn {
        computer: String,
        service: String,
        since: i64,
        step: String,
    },
    Internal(AppError),
}

impl From<AppError> for SignInError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Throttled { seconds } => SignInError::Throttled(seconds),
            e @ AppError::Invalid(_) => SignInError::Invalid(e),
            e => SignInError::Internal(e),
        }
    }
}

impl From<sqlx::Error> for SignInError {
    fn from(e: sqlx::Error) -> Self {
        SignInError::Internal(e.into())
    }
}

/// The checks of the fields, before anything else.
pub fn check(r: &AppRequest) -> Result<(), AppError> {
    let mut c = Checks::new();
    let mut bounded = |field: &str, label: AuthT, value: &str, max: usize, required: bool| {
        if required && value.trim().is_empty() {
            c.add(field, label, Message::new(CommonT::FieldRequired));
        } else if value.chars().count() > max {
            c.add(field, label, Message::new(CommonT::FieldTooLong).arg("max", max));
        }
    };
    bounded("computer", AuthT::Computer, &r.computer, NAME_MAX, true);
    bounded("session_name", AuthT::SessionName, &r.session_name, NAME_MAX, true);
    match &r.secret {
        Secret::Password(p) => {
            bounded("login", AuthT::Login, &r.login, LOGIN_MAX, true);
            bounded("password", AuthT::Password, p, PASSWORD_MAX, true);
        }
        Secret::Pin(pin) => {
            bounded("login", AuthT::Login, &r.login, LOGIN_MAX, true);
            if pin.is_empty() || pin.len() > PIN_MAX || !pin.chars().all(|ch| ch.is_ascii_digit()) {
                c.add("pin", AuthT::Pin, Message::new(AuthT::PinDigits).arg("max", PIN_MAX));
            }
        }
        Secret::Card(card) => bounded("card", AuthT::Card, card, CARD_MAX, true),
        Secret::Step(step) => bounded("step", AuthT::Step, step, 100, true),
    }
    c.finish()
}

mod open;
mod secrets;
mod signed_in;

pub use open::sign_in;
use secrets::{application_of, clip, find, keys, pin_outcome, verify};
pub use signed_in::{owns, sign_out};
