//! Who acts and from where: what the audit records of every change and what a new session
//! remembers of its client. Made by the guard from an authorized call (`Ctx::actor`), or by the
//! core's own jobs with no one behind them.

use domain::ids::{AccountId, SessionId, UserId};

/// The caller's network details, for session rows, audit and throttling.
#[derive(Clone, Debug, Default)]
pub struct Client {
    pub addr: String,
    pub user_agent: String,
    /// The request came over TLS (directly or through a trusted proxy).
    pub secure: bool,
    /// The device cookie: a device the user signed in from before (sign-in throttling).
    pub device: Option<String>,
}

/// The actor of an audit record.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub account_id: Option<AccountId>,
    pub session_id: Option<SessionId>,
    pub native_user_id: Option<UserId>,
    pub effective_user_id: Option<UserId>,
    pub client_addr: String,
}
