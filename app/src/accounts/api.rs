//! Server functions of sub-accounts, access to them and switching between accounts.

#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use domain::accounts::{AccountInput, SubAccount, SwitchTarget, UserAccess};
use leptos::prelude::*;

/// The guard for the Accounts module, which exists in the main account only.
#[cfg(feature = "ssr")]
async fn in_main(op: Op) -> Result<crate::guard::Ctx, AppError> {
    use crate::guard::{authorize, Need};
    let ctx = authorize(Need::Op(Module::Accounts, op)).await?;
    if !ctx.who.account.is_main {
        return Err(AppError::Forbidden);
    }
    Ok(ctx)
}

/// The main account's sub-accounts. **Permissions:** Accounts / View, in the main account.
#[server(prefix = "/api", endpoint = "accounts/list")]
pub async fn list_accounts() -> Result<Vec<SubAccount>, AppError> {
    let ctx = in_main(Op::View).await?;
    klucznik_core::accounts::service::list_accounts(&ctx).await
}

/// Adds a sub-account (no id) or renames one. **Permissions:** Accounts / Create or Edit; a
/// rename only of a sub-account the caller may enter (rule 6).
#[server(prefix = "/api", endpoint = "accounts/save", input = server_fn::codec::Json)]
pub async fn save_account(input: AccountInput) -> Result<i64, AppError> {
    let ctx = in_main(if input.id.is_some() { Op::Edit } else { Op::Create }).await?;
    klucznik_core::accounts::service::save_account(&ctx, input).await
}

/// Activates or deactivates a sub-account. **Permissions:** Accounts / Edit, for a sub-account
/// the caller may enter (rule 6).
#[server(prefix = "/api", endpoint = "accounts/set-active")]
pub async fn set_account_active(id: i64, active: bool, version: i64) -> Result<(), AppError> {
    let ctx = in_main(Op::Edit).await?;
    klucznik_core::accounts::service::set_account_active(&ctx, id, active, version).await
}

/// Deletes an empty sub-account. **Permissions:** Accounts / Delete, for a sub-account the
/// caller may enter (rule 6).
#[server(prefix = "/api", endpoint = "accounts/delete")]
pub async fn delete_account(id: i64, version: i64) -> Result<(), AppError> {
    let ctx = in_main(Op::Delete).await?;
    klucznik_core::accounts::service::delete_account(&ctx, id, version).await
}

/// A main-account user's access to the sub-accounts. **Permissions:** Accounts / View.
#[server(prefix = "/api", endpoint = "accounts/access")]
pub async fn get_user_access(user: i64) -> Result<UserAccess, AppError> {
    let ctx = in_main(Op::View).await?;
    klucznik_core::accounts::service::get_user_access(&ctx, user).await
}

/// Gives a main-account user access to exactly these sub-accounts, at once.
/// **Permissions:** Accounts / Edit, only for sub-accounts the caller may enter and for a user
/// who holds no right the caller lacks (rule 6).
#[server(prefix = "/api", endpoint = "accounts/set-access", input = server_fn::codec::Json)]
pub async fn set_user_access(user: i64, accounts: Vec<i64>) -> Result<(), AppError> {
    let ctx = in_main(Op::Edit).await?;
    klucznik_core::accounts::service::set_user_access(&ctx, user, accounts).await
}

/// The accounts the caller may work in, the current one marked. **Permissions:** any session
/// (rule 8); the list holds only what the caller may enter.
#[server(prefix = "/api", endpoint = "accounts/switchable")]
pub async fn switchable() -> Result<Vec<SwitchTarget>, AppError> {
    let ctx = crate::guard::authorize_listed::<Switchable>().await?;
    klucznik_core::accounts::service::switchable(&ctx).await
}

/// Moves the caller's session into another account they may enter; no new sign-in.
/// **Permissions:** any session, into an account it may enter.
#[server(prefix = "/api", endpoint = "accounts/switch")]
pub async fn switch_account(account: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<SwitchAccount>().await?;
    klucznik_core::accounts::service::switch_account(&ctx, account).await
}
