//! Loading a user's grants and roles from storage into the resolver's `Subject`.

use super::{Grants, RoleGrants, Subject};
use crate::catalogue::Right;
use crate::store::{flag, Store};
use sqlx::Row;
use std::collections::BTreeMap;

/// The user's roles in `home_account_id` — Everyone always, without a membership row — and
/// the grants of those roles and of the user, all account-wide (unit-less) ones.
pub async fn load_subject(store: &Store, user_id: i64, home_account_id: i64) -> Result<Subject, sqlx::Error> {
    let roles = sqlx::query(
        "SELECT r.id, r.builtin FROM roles r
         WHERE r.account_id = $1
           AND (r.builtin = 'everyone'
                OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $2))",
    )
    .bind(home_account_id)
    .bind(user_id)
    .fetch_all(store.reader())
    .await?;
    let mut subject = Subject::default();
    let mut by_role: BTreeMap<i64, Grants> = BTreeMap::new();
    for row in &roles {
        let id: i64 = row.try_get("id")?;
        if row.try_get::<Option<String>, _>("builtin")?.as_deref() == Some("administrators") {
            subject.administrator = true;
        }
        by_role.insert(id, Grants::new());
    }
    let grants = sqlx::query(
        "SELECT g.role_id, g.user_id, g.right_key, g.allow FROM grants g
         WHERE g.unit_id IS NULL
           AND (g.user_id = $1
                OR g.role_id IN (SELECT r.id FROM roles r
                                 WHERE r.account_id = $2
                                   AND (r.builtin = 'everyone'
                                        OR r.id IN (SELECT role_id FROM role_members WHERE user_id = $1))))",
    )
    .bind(user_id)
    .bind(home_account_id)
    .fetch_all(store.reader())
    .await?;
    for row in &grants {
        // Keys of rights that left the catalogue are ignored, not fatal.
        let Some(right) = Right::parse(&row.try_get::<String, _>("right_key")?) else { continue };
        let allow = flag(row, "allow")?;
        match row.try_get::<Option<i64>, _>("role_id")? {
            Some(role_id) => {
                by_role.entry(role_id).or_default().insert(right, allow);
            }
            None => {
                subject.own.insert(right, allow);
            }
        }
    }
    subject.roles = by_role.into_iter().map(|(role_id, grants)| RoleGrants { role_id, grants }).collect();
    Ok(subject)
}

/// Records that rights or memberships changed: every session's snapshot is rebuilt on its
/// next request, and open pages are told to re-read.
pub async fn changed(tx: &mut crate::store::Tx) -> Result<(), crate::error::AppError> {
    sqlx::query("UPDATE installation SET rights_version = rights_version + 1 WHERE id = 1")
        .execute(tx.conn())
        .await?;
    // Main-account roles also rule sessions in sub-accounts (rule 1): tell every account.
    tx.raise(None, crate::events::EventKind::Changed { topic: crate::events::Topic::Rights }).await
}
