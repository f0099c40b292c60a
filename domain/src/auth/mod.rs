//! Signing in and out, the current user, passwords, preferences.

pub mod policy;

pub use policy::may_sign_in;

pub use crate::texts::auth::AuthT;

use crate::i18n::Lang;
use crate::prefs::Theme;
use crate::rights::Snapshot;
use serde::{Deserialize, Serialize};

/// The signed-in user as the pages see them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub session_id: i64,
    pub user_id: i64,
    pub login: String,
    pub full_name: String,
    /// Who is really signed in, when it differs from the user above (a substitution).
    pub native: Option<(String, String)>,
    /// While working as someone else: the substitution's last day.
    pub working_until: Option<String>,
    pub account_id: i64,
    pub account_name: String,
    pub account_is_main: bool,
    /// The user may switch between accounts (a main-account user with access to a sub-account).
    pub can_switch: bool,
    /// The unit the session works in (chosen at sign-in).
    pub unit_name: Option<String>,
    pub must_change_password: bool,
    pub lang: Lang,
    pub theme: Theme,
    pub rights: Snapshot,
}

impl Me {
    /// Who is really signed in, also while working on someone's behalf.
    pub fn native_name(&self) -> String {
        match &self.native {
            Some((login, full)) => crate::users::display_name(login, full),
            None => self.display_name().to_string(),
        }
    }

    /// The name to show: the full name, or the login when there is none.
    pub fn display_name(&self) -> &str {
        if self.full_name.trim().is_empty() {
            &self.login
        } else {
            &self.full_name
        }
    }
}

/// What signing in led to: a session and the page to go to, or a choice of unit first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginOutcome {
    /// Where the browser goes now; `None` while a unit must be chosen.
    pub next: Option<String>,
    /// The units the user may sign in to (with their paths), when there is a choice.
    pub units: Vec<(i64, String)>,
    /// The unit to preselect.
    pub default_unit: Option<i64>,
    /// The user is signed in elsewhere and may hold one session only: where, since when, and
    /// the unit to sign in to if they continue.
    pub already: Option<AlreadySignedIn>,
    /// Sent back with the unit or "continue" instead of a second password check (single use,
    /// two minutes; issue 17: one verification per sign-in).
    #[serde(default)]
    pub step: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlreadySignedIn {
    pub computer: String,
    pub since: String,
    pub unit: i64,
}
