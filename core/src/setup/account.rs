//! A new account as every account starts: its top unit (named as the account), the built-in
//! Administrators and Everyone, both able to sign in to the top unit. The first start, a new
//! sub-account and the demo make accounts this way.

use crate::error::AppError;
use crate::guard::Scope;
use crate::store::Tx;

/// A new account with its root unit and its built-in roles.
pub struct NewAccount {
    pub id: i64,
    pub scope: Scope,
    pub root_unit: i64,
    pub administrators: i64,
    pub everyone: i64,
}

pub async fn new_account(
    tx: &mut Tx,
    parent: Option<i64>,
    name: &str,
    external_id: Option<&str>,
) -> Result<NewAccount, AppError> {
    let id = crate::accounts::repo::insert(tx, parent, name, external_id).await?;
    let scope = crate::guard::scope::created(id);
    let root_unit = crate::units::repo::insert_root(tx, scope, name).await?;
    let roles = crate::roles::repo::insert;
    let administrators =
        roles(tx, scope, "Administrators", "Built-in: holds every right.", Some("administrators")).await?;
    // Administrators can always sign in to the account's top unit.
    crate::roles::repo::attach_unit(tx, administrators, root_unit).await?;
    let everyone =
        roles(tx, scope, "Everyone", "Built-in: every user is a member.", Some("everyone")).await?;
    // A new user can sign in at once, to the top unit (issue 14: on a fresh installation nobody
    // but the administrator could); organisations that assign units take it away from Everyone.
    crate::roles::repo::attach_unit(tx, everyone, root_unit).await?;
    Ok(NewAccount { id, scope, root_unit, administrators, everyone })
}
