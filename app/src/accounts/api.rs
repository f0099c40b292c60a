//! Server functions of sub-accounts, access to them and switching between accounts.

use super::{AccountInput, SubAccount, SwitchTarget, UserAccess};
#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
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
    super::store::list(ctx.store(), ctx.who.account.id).await
}

/// Adds a sub-account (no id) or renames one. **Permissions:** Accounts / Create or Edit; a
/// rename only of a sub-account the caller may enter (rule 6).
#[server(prefix = "/api", endpoint = "accounts/save", input = server_fn::codec::Json)]
pub async fn save_account(input: AccountInput) -> Result<i64, AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = in_main(if input.id.is_some() { Op::Edit } else { Op::Create }).await?;
    input.check().finish()?;
    let main = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let after = serde_json::to_value(&input).ok();
    let (id, entry) = match input.id {
        None => {
            let id = super::store::create(&mut tx, main, &input).await?;
            (id, Entry::new("account.create").object("account", id).change(None, after))
        }
        Some(id) => {
            super::store::get(&mut tx, main, id).await?;
            super::store::may_change(&mut tx, ctx.who.effective.id, main, id).await?;
            let before = super::store::update(&mut tx, main, &input).await?;
            (
                id,
                Entry::new("account.update")
                    .object("account", id)
                    .change(serde_json::to_value(&before).ok(), after),
            )
        }
    };
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(main), EventKind::Changed { topic: Topic::Accounts }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Activates or deactivates a sub-account. **Permissions:** Accounts / Edit, for a sub-account
/// the caller may enter (rule 6).
#[server(prefix = "/api", endpoint = "accounts/set-active")]
pub async fn set_account_active(id: i64, active: bool, version: i64) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = in_main(Op::Edit).await?;
    let main = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    super::store::get(&mut tx, main, id).await?;
    super::store::may_change(&mut tx, ctx.who.effective.id, main, id).await?;
    let before = super::store::set_active(&mut tx, &ctx.actor(), main, id, active, version).await?;
    let action = if active { "account.activate" } else { "account.deactivate" };
    let entry = Entry::new(action).object("account", id).change(
        Some(serde_json::json!({"active": before.active})),
        Some(serde_json::json!({"active": active})),
    );
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(main), EventKind::Changed { topic: Topic::Accounts }).await?;
    tx.commit().await
}

/// Deletes an empty sub-account. **Permissions:** Accounts / Delete, for a sub-account the
/// caller may enter (rule 6).
#[server(prefix = "/api", endpoint = "accounts/delete")]
pub async fn delete_account(id: i64, version: i64) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = in_main(Op::Delete).await?;
    let main = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    super::store::get(&mut tx, main, id).await?;
    super::store::may_change(&mut tx, ctx.who.effective.id, main, id).await?;
    let before = super::store::delete(&mut tx, main, id, version).await?;
    let entry =
        Entry::new("account.delete").object("account", id).change(serde_json::to_value(&before).ok(), None);
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(main), EventKind::Changed { topic: Topic::Accounts }).await?;
    tx.commit().await
}

/// A main-account user's access to the sub-accounts. **Permissions:** Accounts / View.
#[server(prefix = "/api", endpoint = "accounts/access")]
pub async fn get_user_access(user: i64) -> Result<UserAccess, AppError> {
    let ctx = in_main(Op::View).await?;
    let mut tx = ctx.store().begin().await?;
    let access = super::store::access(&mut tx, ctx.who.account.id, user, ctx.who.effective.id).await?;
    tx.commit().await?;
    Ok(access)
}

/// Gives a main-account user access to exactly these sub-accounts, at once.
/// **Permissions:** Accounts / Edit, only for sub-accounts the caller may enter and for a user
/// who holds no right the caller lacks (rule 6).
#[server(prefix = "/api", endpoint = "accounts/set-access", input = server_fn::codec::Json)]
pub async fn set_user_access(user: i64, accounts: Vec<i64>) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = in_main(Op::Edit).await?;
    let main = ctx.who.account.id;
    // Opening an account to someone who holds more is acting on them (rule 6).
    crate::rights::outrank::may_act_on(&ctx, user).await?;
    let mut tx = ctx.store().begin().await?;
    let (before, after) =
        super::store::set_access(&mut tx, main, user, ctx.who.effective.id, &accounts).await?;
    if before != after {
        let entry = Entry::new("account.access")
            .object("user", user)
            .change(Some(serde_json::json!(before)), Some(serde_json::json!(after)));
        audit::record(&mut tx, &ctx.actor(), entry).await?;
        tx.raise(Some(main), EventKind::Changed { topic: Topic::Users }).await?;
        tx.raise(Some(main), EventKind::Changed { topic: Topic::Accounts }).await?;
    }
    tx.commit().await
}

/// The accounts the caller may work in, the current one marked. **Permissions:** any session
/// (rule 8); the list holds only what the caller may enter.
#[server(prefix = "/api", endpoint = "accounts/switchable")]
pub async fn switchable() -> Result<Vec<SwitchTarget>, AppError> {
    let ctx = crate::guard::authorize_listed::<Switchable>().await?;
    let mut tx = ctx.store().begin().await?;
    let mut targets = super::store::targets(&mut tx, ctx.who.native.id, ctx.who.home_account_id).await?;
    tx.commit().await?;
    for t in &mut targets {
        t.current = t.id == ctx.who.account.id;
    }
    Ok(targets)
}

/// Moves the caller's session into another account they may enter; no new sign-in.
/// **Permissions:** any session, into an account it may enter.
#[server(prefix = "/api", endpoint = "accounts/switch")]
pub async fn switch_account(account: i64) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = crate::guard::authorize_listed::<SwitchAccount>().await?;
    let from = ctx.who.account.id;
    if account == from {
        return Ok(());
    }
    if ctx.who.substitution.is_some() {
        return Err(AppError::refused(crate::substitutions::SubT::NotWhileSubstituting));
    }
    let mut tx = ctx.store().begin().await?;
    let who = &ctx.who;
    let name =
        super::store::switch(&mut tx, who.session_id, who.native.id, who.home_account_id, account).await?;
    let mut actor = ctx.actor();
    actor.account_id = Some(account);
    let entry = Entry::new("account.switch")
        .object("account", account)
        .detail(format!("{} → {name}", who.account.name));
    audit::record(&mut tx, &actor, entry).await?;
    tx.raise(Some(from), EventKind::Changed { topic: Topic::Sessions }).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Sessions }).await?;
    tx.commit().await
}
