//! An application's sessions after sign-in: which are the caller's, and signing out.

use super::*;

/// Whether an open session is an application session of the caller's main account (or its
/// sub-accounts): only those may be reported on or ended by the caller.
pub async fn owns(state: &CoreState, caller: &Caller, session_id: i64) -> Result<bool, AppError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT s.id FROM sessions s JOIN accounts a ON a.id = s.home_account_id
         WHERE s.id = $1 AND s.service <> $2 AND (a.id = $3 OR a.parent_id = $3)",
    )
    .bind(session_id)
    .bind(sessions::SERVICE)
    .bind(caller.account_id)
    .fetch_optional(state.store().reader())
    .await?;
    Ok(found.is_some())
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
        account_id: Some(caller.account_id),
        session_id: Some(session_id),
        ..Default::default()
    };
    if sessions::end(&mut tx, session_id, EndReason::Logout, None, None).await? {
        audit::record(
            &mut tx,
            &actor,
            Entry::new("logout").object("session", session_id).detail(caller.name.clone()),
        )
        .await?;
    }
    tx.commit().await
}
