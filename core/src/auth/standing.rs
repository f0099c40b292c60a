//! The columns that decide whether a user may sign in at all (seed 001: the kind, active,
//! blocked, the validity window), read as one piece by every query that asks — the console's
//! and the applications' sign-in, a session's every request, the sweep, a user's save.

use crate::store::Flag;
use domain::auth::policy::{may_sign_in, SignInRefusal};

/// A user's standing as stored; in a record it is `#[sqlx(flatten)]`, so the query selects
/// `kind, active, blocked, valid_from, valid_to`.
#[derive(sqlx::FromRow)]
pub(crate) struct Standing {
    pub kind: String,
    #[sqlx(try_from = "Flag")]
    pub active: bool,
    #[sqlx(try_from = "Flag")]
    pub blocked: bool,
    pub valid_from: Option<i64>,
    pub valid_to: Option<i64>,
}

impl Standing {
    /// Whether the user may use the console at `now`.
    pub fn console(&self, now: i64) -> Result<(), SignInRefusal> {
        self.as_kind(&self.kind, now)
    }

    /// Whether a session may go on: the console's (`console`, its service is
    /// `sessions::repo::SERVICE`) holds internal and universal users, an application's external
    /// ones too (issue 17).
    pub fn session(&self, console: bool, now: i64) -> Result<(), SignInRefusal> {
        self.as_kind(if console { &self.kind } else { "universal" }, now)
    }

    /// The same rules for a user taken as `kind` (an application's session holds external users
    /// too: "universal").
    pub fn as_kind(&self, kind: &str, now: i64) -> Result<(), SignInRefusal> {
        may_sign_in(kind, self.active, self.blocked, self.valid_from, self.valid_to, now)
    }
}
