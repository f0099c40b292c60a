//! Live events: what the bus carries and what `/events` streams to the browser.

use serde::{Deserialize, Serialize};

/// One event as stored and streamed. `id` grows with every event; the browser resumes from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveEvent {
    pub id: i64,
    /// The account the event belongs to; `None` for the installation as a whole.
    pub account_id: Option<i64>,
    pub kind: EventKind,
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndReason {
    Logout,
    Expired,
    Ended,
    PasswordChanged,
    /// The user signed in again elsewhere and chose to end this session.
    Replaced,
}

impl EndReason {
    pub fn key(self) -> &'static str {
        match self {
            EndReason::Logout => "logout",
            EndReason::Expired => "expired",
            EndReason::Ended => "ended",
            EndReason::PasswordChanged => "password_changed",
            EndReason::Replaced => "replaced",
        }
    }
}

/// What a page may need to re-read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Sessions,
    Users,
    Roles,
    Units,
    Persons,
    Config,
    Accounts,
    Substitutions,
    /// The signed-in user's notifications.
    Notices,
    /// Rights or memberships changed: the signed-in user's rights may have too.
    Rights,
    /// A session's last activity moved: only lists that show it re-read (often, so kept apart
    /// from `Sessions`).
    Activity,
}

impl Topic {
    pub const ALL: &'static [Topic] = &[
        Topic::Sessions,
        Topic::Users,
        Topic::Roles,
        Topic::Units,
        Topic::Persons,
        Topic::Config,
        Topic::Accounts,
        Topic::Substitutions,
        Topic::Notices,
        Topic::Rights,
        Topic::Activity,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum EventKind {
    SessionOpened {
        session_id: i64,
        user_id: i64,
    },
    SessionClosed {
        session_id: i64,
        user_id: i64,
        reason: EndReason,
        /// Who ended it, when, and the reason they gave; only the session itself receives
        /// `by` and `note` (see `sse::for_listener`).
        #[serde(default)]
        by: Option<String>,
        #[serde(default)]
        at_text: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// A session did something: its last activity moved.
    SessionActive {
        session_id: i64,
    },
    /// The session was working in a sub-account it may no longer enter and is back in its
    /// home account.
    ReturnedHome {
        session_id: i64,
        /// The name of the account it left.
        from: String,
    },
    /// The session stopped working as the absent user (deactivated, period over, …).
    SubstitutionEnded {
        session_id: i64,
        absent: String,
        why: crate::substitutions::ModeEnd,
    },
    /// New or read notifications of these users (recipients and substitutes with copies).
    Notice {
        user_ids: Vec<i64>,
    },
    /// Records of one kind changed in the account.
    Changed {
        topic: Topic,
    },
    /// Listeners may have missed events: re-read everything.
    Resync,
}

impl LiveEvent {
    /// The topics a page re-reads when this event arrives.
    pub fn topics(&self) -> Vec<Topic> {
        match self.kind {
            EventKind::SessionOpened { .. }
            | EventKind::SessionClosed { .. }
            | EventKind::ReturnedHome { .. }
            | EventKind::SubstitutionEnded { .. } => {
                vec![Topic::Sessions]
            }
            EventKind::Notice { .. } => vec![Topic::Notices],
            EventKind::SessionActive { .. } => vec![Topic::Activity],
            EventKind::Changed { topic } => vec![topic],
            EventKind::Resync => Topic::ALL.to_vec(),
        }
    }

    /// Whether a session in `account_id` may see this event.
    pub fn visible_in(&self, account_id: i64) -> bool {
        self.account_id.is_none_or(|a| a == account_id)
    }

    /// Whether a session working as `user` is told of this event: notices only reach their
    /// recipients.
    pub fn concerns(&self, user: i64) -> bool {
        match &self.kind {
            EventKind::Notice { user_ids } => user_ids.contains(&user),
            _ => true,
        }
    }
}
