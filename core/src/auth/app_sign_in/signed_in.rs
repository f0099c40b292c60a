//! An application's sessions after sign-in: which are the caller's, and signing out.

use super::*;
use domain::ids::{AccountId, SessionId};

/// Whether a session was opened by a client of the caller's application in the caller's main
/// account: only those may be reported on, ended or moved into a substitution by the caller
/// (not the console's sessions, not another application's).
pub async fn owns(state: &CoreState, caller: &Caller, session_id: i64) -> Result<bool, AppError> {
    crate::auth::repo::opened_by(state.store(), session_id, caller.scope(), &caller.application).await
}

/// Ends an application session: the user signed out of the application.
pub async fn sign_out(
    state: &CoreState,
    caller: &Caller,
    client: &Client,
    session_id: i64,
) -> Result<(), AppError> {
    let mut tx = state.store().begin().await?;
    let actor = Actor {
        client_addr: client.addr.clone(),
        account_id: Some(AccountId::new(caller.account_id)),
        session_id: Some(SessionId::new(session_id)),
        ..Default::default()
    };
    if ending::end(&mut tx, session_id, EndReason::Logout, None, None).await? {
        audit::record(
            &mut tx,
            &actor,
            Entry::new("logout").object("session", session_id).detail(caller.name.clone()),
        )
        .await?;
    }
    tx.commit().await
}
