//! What an application client's event stream says (docs/INTEGRATION.md "Events"): the bus's
//! events of the client's main account and its sub-accounts, told as what an application caches
//! — rights, users, sessions — and nothing a console page alone needs.

use super::repo::Caller;
use crate::error::AppError;
use crate::events::{EventKind, LiveEvent, Topic};
use crate::guard::CoreState;
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::sync::broadcast;

/// The bus, for a client's stream.
pub fn subscribe(state: &CoreState) -> broadcast::Receiver<Arc<LiveEvent>> {
    state.store().bus().subscribe()
}

/// The client's main account and its sub-accounts.
pub async fn family(state: &CoreState, caller: &Caller) -> Result<Vec<i64>, AppError> {
    crate::clients::repo::family(state.store(), caller.scope()).await
}

/// The event as the client is told it, if it concerns the client's accounts and an
/// application's caches.
pub fn told(event: &LiveEvent, family: &[i64]) -> Option<Value> {
    if event.account_id.is_some_and(|a| !family.contains(&a)) {
        return None;
    }
    let account = event.account_id;
    let body = match &event.kind {
        EventKind::Changed { topic: Topic::Rights | Topic::Roles | Topic::Units | Topic::Persons } => {
            json!({ "type": "rights_changed", "account": account })
        }
        EventKind::Changed { topic: Topic::Users } => json!({ "type": "users_changed", "account": account }),
        EventKind::Changed { topic: Topic::Accounts } => {
            json!({ "type": "accounts_changed", "account": account })
        }
        EventKind::SessionClosed { session_id, user_id, reason, .. } => json!({
            "type": "session_ended", "account": account, "session": session_id, "user": user_id,
            "reason": reason.key(),
        }),
        EventKind::SubstitutionEnded { session_id, .. } => {
            json!({ "type": "substitution_ended", "account": account, "session": session_id })
        }
        EventKind::ReturnedHome { session_id, .. } => {
            json!({ "type": "session_moved", "account": account, "session": session_id })
        }
        EventKind::Resync => json!({ "type": "resync" }),
        _ => return None,
    };
    Some(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EndReason;

    fn event(account: Option<i64>, kind: EventKind) -> LiveEvent {
        LiveEvent { id: 1, account_id: account, kind }
    }

    #[test]
    fn only_the_client_s_accounts_and_what_applications_cache() {
        let rights = event(Some(2), EventKind::Changed { topic: Topic::Rights });
        assert_eq!(told(&rights, &[1, 2]).unwrap()["type"], "rights_changed");
        assert!(told(&rights, &[1, 3]).is_none(), "another main account's change");
        let closed = event(
            Some(1),
            EventKind::SessionClosed {
                session_id: 7,
                user_id: 3,
                reason: EndReason::Ended,
                by: Some("Admin".into()),
                at_text: String::new(),
                note: Some("private".into()),
            },
        );
        let told_closed = told(&closed, &[1]).unwrap();
        assert_eq!(told_closed["session"], 7);
        assert!(told_closed.get("note").is_none() && told_closed.get("by").is_none(), "{told_closed}");
        assert!(told(&event(Some(1), EventKind::SessionActive { session_id: 7 }), &[1]).is_none());
        assert!(told(&event(Some(1), EventKind::Notice { user_ids: vec![3] }), &[1]).is_none());
        assert_eq!(told(&event(None, EventKind::Resync), &[1]).unwrap()["type"], "resync");
    }
}
