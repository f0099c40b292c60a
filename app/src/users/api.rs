//! Server functions of users.

use super::{PasswordTarget, UserCard, UserInput, UserQuery, UserRow};
use crate::auth::policy::PasswordPolicy;
#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use crate::list::Page;
use leptos::prelude::*;

/// A page of users matching the search and filters. **Permissions:** Users / View.
#[server(prefix = "/api", endpoint = "users/list", input = server_fn::codec::Json)]
pub async fn list_users(query: UserQuery) -> Result<Page<UserRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListUsers>().await?;
    crate::list::check_search("search", crate::i18n::CommonT::Search, &query.search)?;
    let zone = crate::config::store::load(ctx.store(), ctx.who.account.id).await?.time_zone;
    let mut page = super::store::list(ctx.store(), ctx.who.account.id, &zone, ctx.who.lang, &query).await?;
    page.rows.iter_mut().for_each(|row| super::columns::hide_row(&ctx.who.rights, row));
    if ctx.who.account.is_main && ctx.who.rights.can(Module::Accounts, Op::View) {
        let ids: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
        let mut summary = crate::accounts::store::summary(ctx.store(), ctx.who.account.id, &ids).await?;
        for row in &mut page.rows {
            row.sub_accounts = summary.remove(&row.id);
        }
    }
    Ok(page)
}

/// One user's card. **Permissions:** Users / View.
#[server(prefix = "/api", endpoint = "users/get")]
pub async fn get_user(id: i64) -> Result<UserCard, AppError> {
    let ctx = crate::guard::authorize_listed::<GetUser>().await?;
    let zone = crate::config::store::load(ctx.store(), ctx.who.account.id).await?.time_zone;
    let mut card = super::store::get(ctx.store(), ctx.who.account.id, &zone, id).await?;
    super::columns::hide_card(&ctx.who.rights, &mut card);
    Ok(card)
}

/// The account's password policy, for checking a card before sending it.
/// **Permissions:** Users / Create or Edit.
#[server(prefix = "/api", endpoint = "users/policy")]
pub async fn account_policy() -> Result<PasswordPolicy, AppError> {
    let ctx = crate::guard::authorize_listed::<AccountPolicy>().await?;
    Ok(crate::config::store::load(ctx.store(), ctx.who.account.id).await?.policy())
}

/// A random password that meets the account's policy (and the strong rule).
/// **Permissions:** Users / Create or Edit.
#[server(prefix = "/api", endpoint = "users/generate-password")]
pub async fn generate_password() -> Result<String, AppError> {
    use rand::Rng;
    let ctx = crate::guard::authorize_listed::<GeneratePassword>().await?;
    let policy = crate::config::store::load(ctx.store(), ctx.who.account.id).await?.policy();
    let mut rng = rand::rngs::OsRng;
    Ok(crate::auth::policy::random_password(&policy, |n| rng.gen_range(0..n)))
}

/// Creates a user (no id) or saves changes to one, with its roles; ends the user's sessions
/// when the user may no longer sign in. **Permissions:** Users / Create or Edit.
#[server(prefix = "/api", endpoint = "users/save", input = server_fn::codec::Json)]
pub async fn save_user(input: UserInput) -> Result<i64, AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Users, op)).await?;
    let account = ctx.who.account.id;
    let config = crate::config::store::load(ctx.store(), account).await?;
    let mut input = input;
    let linked_before = match input.id {
        Some(id) => {
            let before = super::store::get(ctx.store(), account, &config.time_zone, id).await?;
            super::columns::lock(&ctx.who.rights, &mut input, &before);
            super::reach::may_edit(&ctx, &before, &input).await?;
            before.person.map(|p| p.id)
        }
        None => {
            super::columns::check_new(&ctx.who.rights, &input)?;
            crate::rights::outrank::may_create(&ctx, &input.roles, input.person_id).await?;
            None
        }
    };
    if let Some(person) = input.person_id.filter(|p| Some(*p) != linked_before) {
        // Only a person the session may view can be newly linked.
        let unit = crate::persons::store::unit_of(ctx.store(), account, person).await?;
        if !unit.is_some_and(|u| ctx.who.rights.data(crate::catalogue::DataOp::View, person, u)) {
            let problem = crate::error::Message::new(crate::i18n::CommonT::FieldUnknown);
            return Err(AppError::invalid("person_id", super::UserT::Person, problem));
        }
    }
    super::check_input(&input, &config.policy()).finish()?;
    let mut tx = ctx.store().begin().await?;
    let (id, before) = super::store::save(&mut tx, &ctx, &config, &input).await?;
    crate::roles::members::set_for_user(&mut tx, &ctx, id, &input.roles).await?;
    crate::roles::members::ensure_active_administrator(&mut tx, account).await?;
    super::store::end_sessions_if_barred(&mut tx, &ctx, id).await?;
    let mut after = serde_json::to_value(&input).unwrap_or_default();
    for secret in
        ["password", "password_confirm", "external_password", "external_password_confirm", "pin", "card"]
    {
        if let Some(map) = after.as_object_mut() {
            map.remove(secret);
        }
    }
    let action = if before.is_some() { "user.update" } else { "user.create" };
    let entry = Entry::new(action)
        .object("user", id)
        .change(before.and_then(|b| serde_json::to_value(b).ok()), Some(after));
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    // Roles and the linked person (the assigned person of data rights) decide rights.
    crate::rights::store::changed(&mut tx, ctx.who.account.id).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Users }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Sets another user's password without the current one; may require a change at the next
/// sign-in and end the user's open sessions. **Permissions:** Users / Edit, and every right the
/// user holds (rule 6); never one's own (the profile's change asks for the current one).
#[server(prefix = "/api", endpoint = "users/set-password", input = server_fn::codec::Json)]
pub async fn set_password(
    user: i64,
    target: PasswordTarget,
    password: String,
    confirm: String,
    must_change: bool,
    end_sessions: bool,
) -> Result<usize, AppError> {
    use crate::events::{EventKind, Topic};
    let ctx = crate::guard::authorize_listed::<SetPassword>().await?;
    let account = ctx.who.account.id;
    let zone = crate::config::store::load(ctx.store(), account).await?.time_zone;
    let card = super::store::get(ctx.store(), account, &zone, user).await?;
    super::reach::may_set_password(&ctx, user).await?;
    let policy = super::store::policy_of(ctx.store(), user).await?;
    let mut checks = crate::error::Checks::new();
    crate::auth::policy::check_new_password(&policy, &card.login, &password, &confirm, &mut checks);
    checks.finish()?;
    let mut tx = ctx.store().begin().await?;
    super::store::set_password(&mut tx, &ctx, user, target, &password, must_change).await?;
    let by = crate::notices::store::name_of(&mut tx, ctx.who.native.id).await?;
    crate::notices::store::send(&mut tx, user, &crate::notices::Notice::PasswordReset { by }).await?;
    let ended = if end_sessions {
        super::store::end_sessions(&mut tx, &ctx, user, Some(ctx.who.session_id)).await?
    } else {
        0
    };
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Users }).await?;
    tx.commit().await?;
    Ok(ended)
}
