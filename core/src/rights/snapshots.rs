//! Building a user's rights snapshot from storage: their roles and own grants (rule 1) and the
//! data rights over the units of the account the session works in (docs/ARCHITECTURE.md "How a rights
//! decision is made").

use crate::error::AppError;
use crate::guard::Scope;
use crate::rights::Snapshot;
use crate::store::Store;

/// The rights of a user: the roles they hold in their home account (rule 1), Everyone
/// included, and their own grants; data rights
/// over the units of the account the session works in.
pub async fn load_snapshot(
    store: &Store,
    user_id: i64,
    home_account_id: Scope,
    account: Scope,
) -> Result<Snapshot, AppError> {
    load_snapshot_linked(store, user_id, home_account_id, account, None).await
}

/// As `load_snapshot`, with the user linked to `person` instead of their stored person when
/// given (what an edit of the link would make of their rights).
pub async fn load_snapshot_linked(
    store: &Store,
    user_id: i64,
    home_account_id: Scope,
    account: Scope,
    person: Option<Option<i64>>,
) -> Result<Snapshot, AppError> {
    let mut subject = crate::rights::repo::load_subject(store, user_id, home_account_id).await?;
    let tree = crate::rights::repo::load_tree(store, user_id, account, person).await?;
    if account != home_account_id {
        // In a sub-account, data rights given on the whole home organisation (its top unit)
        // cover the whole sub-account; rights on other home units have no counterpart there.
        let from = crate::rights::repo::holders::top_unit(store, home_account_id).await?;
        if let (Some(from), Some(to)) = (from, crate::rights::repo::holders::top_unit(store, account).await?)
        {
            subject.carry_into(from, to);
        }
    }
    Ok(subject.snapshot_of(&tree))
}
