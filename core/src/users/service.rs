//! The use cases behind the server functions of users: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::{self, Entry};
use crate::catalogue::{Module, Op};
use crate::error::{AppError, Message};
use crate::events::EndReason;
use crate::guard::Ctx;
use crate::guard::Scope;
use crate::i18n::CommonT;
use crate::list::Page;
use domain::auth::policy::PasswordPolicy;
use domain::events::{EventKind, Topic};
use domain::users::{PasswordTarget, SecretChange, UserCard, UserInput, UserKind, UserQuery, UserRow, UserT};
use rand::Rng;

/// A page of users matching the search and filters.
pub async fn list_users(ctx: &Ctx, query: UserQuery) -> Result<Page<UserRow>, AppError> {
    crate::list::check_search("search", crate::i18n::CommonT::Search, &query.search)?;
    let zone = crate::config::repo::load(ctx.store(), ctx.scope()).await?.time_zone;
    let mut page = crate::users::repo::list(ctx.store(), ctx.scope(), &zone, ctx.who.lang, &query).await?;
    page.rows.iter_mut().for_each(|row| crate::users::columns::hide_row(&ctx.who.rights, row));
    if ctx.who.account.is_main && ctx.who.rights.can(Module::Accounts, Op::View) {
        let ids: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
        let mut summary = crate::accounts::repo::summary(ctx.store(), ctx.scope(), &ids).await?;
        for row in &mut page.rows {
            row.sub_accounts = summary.remove(&row.id);
        }
    }
    Ok(page)
}

/// One user's card.
pub async fn get_user(ctx: &Ctx, id: i64) -> Result<UserCard, AppError> {
    let zone = crate::config::repo::load(ctx.store(), ctx.scope()).await?.time_zone;
    let mut card = crate::users::repo::get(ctx.store(), ctx.scope(), &zone, id).await?;
    crate::users::columns::hide_card(&ctx.who.rights, &mut card);
    Ok(card)
}

/// The account's password policy, for checking a card before sending it.
pub async fn account_policy(ctx: &Ctx) -> Result<PasswordPolicy, AppError> {
    Ok(crate::config::repo::load(ctx.store(), ctx.scope()).await?.policy())
}

/// The password policy that applies to a user: the account's, or the user's own rules.
pub async fn policy_of(
    store: &crate::store::Store,
    home: Scope,
    user: i64,
) -> Result<PasswordPolicy, AppError> {
    let own = crate::users::repo::own_policy(store, home, user).await?;
    let account = crate::config::repo::load(store, home).await?.policy();
    Ok(match own {
        None => account,
        Some((strong, max_age_days)) => {
            PasswordPolicy { min_length: account.min_length, strong, max_age_days }
        }
    })
}

/// A random password that meets the account's policy (and the strong rule).
pub async fn generate_password(ctx: &Ctx) -> Result<String, AppError> {
    let policy = crate::config::repo::load(ctx.store(), ctx.scope()).await?.policy();
    let mut rng = rand::rngs::OsRng;
    Ok(domain::auth::policy::random_password(&policy, |n| rng.gen_range(0..n)))
}

/// Creates a user (no id) or saves changes to one, with its roles; ends the user's sessions
/// when the user may no longer sign in.
pub async fn save_user(ctx: &Ctx, input: UserInput) -> Result<i64, AppError> {
    let account = ctx.scope();
    let config = crate::config::repo::load(ctx.store(), account).await?;
    let mut input = input;
    let before = match input.id {
        Some(id) => {
            let before = crate::users::repo::get(ctx.store(), account, &config.time_zone, id).await?;
            crate::users::columns::lock(&ctx.who.rights, &mut input, &before);
            crate::users::reach::may_edit(ctx, &before, &input).await?;
            Some(before)
        }
        None => {
            crate::users::columns::check_new(&ctx.who.rights, &input)?;
            crate::rights::outrank::may_create(ctx, &input.roles, input.person_id).await?;
            None
        }
    };
    let linked_before = before.as_ref().and_then(|b| b.person.as_ref().map(|p| p.id));
    if let Some(person) = input.person_id.filter(|p| Some(*p) != linked_before) {
        // Only a person the session may view can be newly linked.
        let unit = crate::persons::repo::unit_of(ctx.store(), account, person).await?;
        if !unit.is_some_and(|u| ctx.who.rights.data(crate::catalogue::DataOp::View, person, u)) {
            let problem = crate::error::Message::new(crate::i18n::CommonT::FieldUnknown);
            return Err(AppError::invalid("person_id", domain::users::UserT::Person, problem));
        }
    }
    domain::users::check_input(&input, &config.policy()).finish()?;
    let hashed = hash_secrets(ctx, &input, before.as_ref().map(|b| b.kind)).await?;
    let mut tx = ctx.store().begin().await?;
    check_links(&mut tx, account, &input).await?;
    let id = crate::users::repo::save(&mut tx, account, &config, &input, before.as_ref(), &hashed).await?;
    crate::roles::members::set_for_user(&mut tx, ctx, id, &input.roles).await?;
    crate::roles::members::ensure_active_administrator(&mut tx, account).await?;
    // A user who may no longer sign in is signed out everywhere at once.
    if crate::users::repo::standing(&mut tx, id).await?.console(tx.now()).is_err() {
        crate::sessions::ending::end_all_of(&mut tx, &ctx.actor(), id, None, EndReason::Ended).await?;
    }
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
    crate::rights::repo::changed(&mut tx, ctx.scope()).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Users }).await?;
    tx.commit().await?;
    Ok(id)
}

/// The secrets of a save hashed before its transaction: a new user's passwords (by its kind),
/// the PIN, and the card's digest (the same for everyone: a card signs in alone).
async fn hash_secrets(
    ctx: &Ctx,
    input: &UserInput,
    existing: Option<domain::users::UserKind>,
) -> Result<crate::users::repo::Hashed, AppError> {
    let hasher = ctx.state().hasher();
    let (mut console, mut external) = (None, None);
    if existing.is_none() {
        let kind = input.kind;
        if kind.console() {
            console = Some(hasher.hash(&input.password).await?);
        }
        let own_external = match kind {
            UserKind::External => !input.external_password.is_empty(),
            UserKind::Universal => !input.shared_password,
            UserKind::Internal => false,
        };
        if own_external {
            external = Some(hasher.hash(&input.external_password).await?);
        }
    }
    let pin = match &input.pin {
        SecretChange::Set(pin) => SecretChange::Set(hasher.hash(pin.trim()).await?),
        other => other.clone(),
    };
    let card = match &input.card {
        SecretChange::Set(card) => SecretChange::Set(crate::auth::token::card_key(card)),
        other => other.clone(),
    };
    Ok(crate::users::repo::Hashed { console, external, pin, card })
}

/// The default unit and the linked person must be the account's.
async fn check_links(tx: &mut crate::store::Tx, account: Scope, input: &UserInput) -> Result<(), AppError> {
    if let Some(unit) = input.default_unit_id {
        if !crate::units::repo::all_in_account(tx, account, &[unit]).await? {
            let problem = Message::new(CommonT::FieldUnknown);
            return Err(AppError::invalid("default_unit_id", UserT::DefaultUnit, problem));
        }
    }
    if let Some(person) = input.person_id {
        if crate::persons::repo::choice_of(tx, account, person).await?.is_none() {
            return Err(AppError::invalid("person_id", UserT::Person, Message::new(CommonT::FieldUnknown)));
        }
    }
    Ok(())
}

/// Sets another user's password without the current one; may require a change at the next
/// sign-in and end the user's open sessions.
pub async fn set_password(
    ctx: &Ctx,
    user: i64,
    target: PasswordTarget,
    password: String,
    confirm: String,
    must_change: bool,
    end_sessions: bool,
) -> Result<usize, AppError> {
    let account = ctx.scope();
    let zone = crate::config::repo::load(ctx.store(), account).await?.time_zone;
    let card = crate::users::repo::get(ctx.store(), account, &zone, user).await?;
    crate::users::reach::may_set_password(ctx, user).await?;
    let policy = policy_of(ctx.store(), account, user).await?;
    let mut checks = crate::error::Checks::new();
    domain::auth::policy::check_new_password(&policy, &card.login, &password, &confirm, &mut checks);
    checks.finish()?;
    // Hashed before the transaction: the writer is not held while argon2 works.
    let hash = ctx.state().hasher().hash(&password).await?;
    let mut tx = ctx.store().begin().await?;
    let which = crate::users::repo::set_password(&mut tx, account, user, target, &hash, must_change).await?;
    let entry = crate::audit::Entry::new("user.password").object("user", user).detail(which);
    crate::audit::record(&mut tx, &ctx.actor(), entry).await?;
    let by = crate::notices::repo::name_of(&mut tx, ctx.who.native.id.get()).await?;
    crate::notices::repo::send(&mut tx, user, &domain::notices::Notice::PasswordReset { by }).await?;
    let ended = if end_sessions {
        let except = Some(ctx.who.session_id.get());
        crate::sessions::ending::end_all_of(&mut tx, &ctx.actor(), user, except, EndReason::Ended).await?
    } else {
        0
    };
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Users }).await?;
    tx.commit().await?;
    Ok(ended)
}
