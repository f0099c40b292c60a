//! Sessions: who is signed in. The dashboard's live "online now" list lives here; the full
//! session administration of seed 000 grows here too.

pub mod api;
#[cfg(feature = "ssr")]
pub mod maintenance;
#[cfg(feature = "ssr")]
pub mod store;

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
