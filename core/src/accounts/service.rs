//! The use cases behind the server functions of accounts: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::guard::Ctx;
use domain::accounts::{AccountInput, SubAccount, SwitchTarget, UserAccess};
use domain::events::{EventKind, Topic};
use domain::ids::AccountId;

/// The main account's sub-accounts.
pub async fn list_accounts(ctx: &Ctx) -> Result<Vec<SubAccount>, AppError> {
    crate::accounts::repo::list(ctx.store(), ctx.scope()).await
}

/// Adds a sub-account (no id) or renames one.
pub async fn save_account(ctx: &Ctx, input: AccountInput) -> Result<i64, AppError> {
    input.check().finish()?;
    let main = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let after = serde_json::to_value(&input).ok();
    let (id, entry) = match input.id {
        None => {
            crate::accounts::repo::check_unique(&mut tx, main, &input).await?;
            let (name, external_id) = (input.name.trim(), Some(input.external_id.trim()));
            let id =
                crate::setup::account::new_account(&mut tx, Some(main.id()), name, external_id).await?.id;
            (id, Entry::new("account.create").object("account", id).change(None, after))
        }
        Some(id) => {
            crate::accounts::repo::get(&mut tx, main, id).await?;
            crate::accounts::repo::may_change(&mut tx, ctx.who.effective.id.get(), main, id).await?;
            let before = crate::accounts::repo::update(&mut tx, main, &input).await?;
            (
                id,
                Entry::new("account.update")
                    .object("account", id)
                    .change(serde_json::to_value(&before).ok(), after),
            )
        }
    };
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(main.id()), EventKind::Changed { topic: Topic::Accounts }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Activates or deactivates a sub-account.
pub async fn set_account_active(ctx: &Ctx, id: i64, active: bool, version: i64) -> Result<(), AppError> {
    let main = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    crate::accounts::repo::get(&mut tx, main, id).await?;
    crate::accounts::repo::may_change(&mut tx, ctx.who.effective.id.get(), main, id).await?;
    let before = crate::accounts::repo::set_active(&mut tx, main, id, active, version).await?;
    if !active {
        // A deactivated sub-account's own users are signed out at once.
        for session in crate::sessions::repo::open_at_home(&mut tx, main.related(id)).await? {
            let (by, reason) = (ctx.actor(), crate::events::EndReason::Ended);
            crate::sessions::ending::end(&mut tx, session, reason, Some(&by), None).await?;
        }
    }
    let action = if active { "account.activate" } else { "account.deactivate" };
    let entry = Entry::new(action).object("account", id).change(
        Some(serde_json::json!({"active": before.active})),
        Some(serde_json::json!({"active": active})),
    );
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(main.id()), EventKind::Changed { topic: Topic::Accounts }).await?;
    tx.commit().await
}

/// Deletes an empty sub-account.
pub async fn delete_account(ctx: &Ctx, id: i64, version: i64) -> Result<(), AppError> {
    let main = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    crate::accounts::repo::get(&mut tx, main, id).await?;
    crate::accounts::repo::may_change(&mut tx, ctx.who.effective.id.get(), main, id).await?;
    let before = crate::accounts::repo::delete(&mut tx, main, id, version).await?;
    let entry =
        Entry::new("account.delete").object("account", id).change(serde_json::to_value(&before).ok(), None);
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    tx.raise(Some(main.id()), EventKind::Changed { topic: Topic::Accounts }).await?;
    tx.commit().await
}

/// A main-account user's access to the sub-accounts.
pub async fn get_user_access(ctx: &Ctx, user: i64) -> Result<UserAccess, AppError> {
    let mut tx = ctx.store().begin().await?;
    let access =
        crate::accounts::repo::access(&mut tx, ctx.scope(), user, ctx.who.effective.id.get()).await?;
    tx.commit().await?;
    Ok(access)
}

/// Gives a main-account user access to exactly these sub-accounts, at once.
pub async fn set_user_access(ctx: &Ctx, user: i64, accounts: Vec<i64>) -> Result<(), AppError> {
    let main = ctx.scope();
    // Opening an account to someone who holds more is acting on them (rule 6).
    crate::rights::outrank::may_act_on(ctx, user).await?;
    let mut tx = ctx.store().begin().await?;
    let (before, after) =
        crate::accounts::repo::set_access(&mut tx, main, user, ctx.who.effective.id.get(), &accounts).await?;
    if before != after {
        let entry = Entry::new("account.access")
            .object("user", user)
            .change(Some(serde_json::json!(before)), Some(serde_json::json!(after)));
        audit::record(&mut tx, &ctx.actor(), entry).await?;
        tx.raise(Some(main.id()), EventKind::Changed { topic: Topic::Users }).await?;
        tx.raise(Some(main.id()), EventKind::Changed { topic: Topic::Accounts }).await?;
    }
    tx.commit().await
}

/// The accounts the caller may work in, the current one marked.
pub async fn switchable(ctx: &Ctx) -> Result<Vec<SwitchTarget>, AppError> {
    let mut tx = ctx.store().begin().await?;
    let mut targets =
        crate::accounts::repo::targets(&mut tx, ctx.who.native.id.get(), ctx.who.home_scope()).await?;
    tx.commit().await?;
    for t in &mut targets {
        t.current = t.id == ctx.who.account.id.get();
    }
    Ok(targets)
}

/// Moves the caller's session into another account they may enter; no new sign-in.
pub async fn switch_account(ctx: &Ctx, account: i64) -> Result<(), AppError> {
    let from = ctx.who.account.id.get();
    if account == from {
        return Ok(());
    }
    if ctx.who.substitution.is_some() {
        return Err(AppError::refused(domain::substitutions::SubT::NotWhileSubstituting));
    }
    let mut tx = ctx.store().begin().await?;
    let who = &ctx.who;
    let name = crate::accounts::repo::switch(
        &mut tx,
        who.session_id,
        who.native.id,
        who.home_scope(),
        domain::ids::AccountId::new(account),
    )
    .await?;
    let mut actor = ctx.actor();
    actor.account_id = Some(AccountId::new(account));
    let entry = Entry::new("account.switch")
        .object("account", account)
        .detail(format!("{} → {name}", who.account.name));
    audit::record(&mut tx, &actor, entry).await?;
    tx.raise(Some(from), EventKind::Changed { topic: Topic::Sessions }).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Sessions }).await?;
    tx.commit().await
}
