//! Sessions: who is signed in. The dashboard's live "online now" list, the sessions list of
//! seed 000 with ending sessions and exports, and every user's own sessions.

pub mod admin;

pub use crate::texts::sessions::SessionT;

use serde::{Deserialize, Serialize};

/// An open session as the "online now" list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnlineSession {
    pub session_id: i64,
    pub user_id: i64,
    pub login: String,
    pub full_name: String,
    pub since: i64,
    pub last_activity: i64,
    pub computer: String,
    /// `since` in the account's time zone and the viewer's language.
    pub since_text: String,
}
