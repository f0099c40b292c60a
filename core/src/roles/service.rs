//! The use cases behind the server functions of roles: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::Entry;
use crate::error::AppError;
use crate::guard::Ctx;
use domain::events::{EventKind, Topic};
use domain::roles::{RoleDetail, RoleInput, RoleRow};

/// Every role with its members.
pub async fn list_roles(ctx: &Ctx) -> Result<Vec<RoleRow>, AppError> {
    let mut roles = crate::roles::repo::list(ctx.store(), ctx.scope()).await?;
    for r in &mut roles {
        r.name = domain::roles::shown_name(r.builtin, &r.name, ctx.who.lang);
        if let Some(b) = r.builtin {
            r.description = crate::i18n::Text::text(b.description(), ctx.who.lang).to_string();
        }
    }
    Ok(roles)
}

/// A role's card.
pub async fn get_role(ctx: &Ctx, id: i64) -> Result<RoleDetail, AppError> {
    let mut role = crate::roles::repo::get(ctx.store(), ctx.scope(), id).await?;
    role.name = domain::roles::shown_name(role.builtin, &role.name, ctx.who.lang);
    if let Some(b) = role.builtin {
        role.description = crate::i18n::Text::text(b.description(), ctx.who.lang).to_string();
    }
    Ok(role)
}

/// Adds a role (no id) or changes its name, description and units.
pub async fn save_role(ctx: &Ctx, input: RoleInput) -> Result<i64, AppError> {
    input.check().finish()?;
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    if !crate::units::repo::all_in_account(&mut tx, account, &input.units).await? {
        let mut checks = crate::error::Checks::new();
        let problem = crate::error::Message::new(crate::i18n::CommonT::FieldUnknown);
        checks.add("units", domain::roles::RoleT::Units, problem);
        checks.finish()?;
    }
    let after = serde_json::to_value(&input).ok();
    let (id, entry) = match input.id {
        None => {
            let id = crate::roles::repo::create(&mut tx, account, &input).await?;
            (id, Entry::new("role.create").object("role", id).change(None, after))
        }
        Some(id) => {
            let before = crate::roles::repo::update(&mut tx, account, id, &input).await?;
            let before = serde_json::json!({"name": before.name, "description": before.description});
            (id, Entry::new("role.update").object("role", id).change(Some(before), after))
        }
    };
    finish(tx, ctx, entry, true).await?;
    Ok(id)
}

/// Deletes a role that is not built in.
pub async fn delete_role(ctx: &Ctx, id: i64, version: i64) -> Result<(), AppError> {
    let mut tx = ctx.store().begin().await?;
    // Deleting a role takes it from every member (rule 6 as for detaching one).
    let head = crate::roles::repo::head(&mut tx, ctx.scope(), id).await?;
    let rights = crate::roles::members::grants(&mut tx, id).await?;
    crate::roles::members::may_take(ctx, head.builtin, &rights).await?;
    let before = crate::roles::repo::delete(&mut tx, ctx.scope(), id, version).await?;
    let entry = Entry::new("role.delete")
        .object("role", id)
        .change(Some(serde_json::json!({"name": before.name})), None);
    finish(tx, ctx, entry, true).await
}

/// Copies a role ("Sales" → "Sales (1)") with its description, units, members and rights;
/// answers the copy's id and name.
pub async fn copy_role(ctx: &Ctx, id: i64) -> Result<(i64, String), AppError> {
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let source = crate::roles::repo::head(&mut tx, account, id).await?;
    let rights = crate::roles::members::grants(&mut tx, id).await?;
    if !ctx.who.rights.administrator
        && (source.builtin == Some(domain::roles::Builtin::Administrators)
            || !ctx.who.rights.may_change(&[], &rights))
    {
        return Err(AppError::refused(domain::roles::RoleT::NotYourRights));
    }
    let author = crate::rights::editing::author(ctx);
    crate::applications::giving::may_change(ctx.store(), account, author, &[], &rights, false).await?;
    let (copy, name) = crate::roles::repo::copy(&mut tx, account, id).await?;
    // A copy of Administrators is an ordinary role that allows every right of the catalogue.
    let rights = match source.builtin {
        Some(domain::roles::Builtin::Administrators) => {
            crate::roles::repo::everything(&mut tx, account).await?
        }
        _ => rights,
    };
    crate::rights::repo::replace(&mut tx, account, domain::rights::Holder::Role(copy), &rights).await?;
    let entry =
        Entry::new("role.copy").object("role", copy).detail(format!("copy of role {id} ({})", source.name));
    finish(tx, ctx, entry, true).await?;
    Ok((copy, name))
}

/// Joins users to a role and detaches others.
pub async fn change_members(
    ctx: &Ctx,
    role: i64,
    join: Vec<i64>,
    detach: Vec<i64>,
) -> Result<usize, AppError> {
    let mut tx = ctx.store().begin().await?;
    let changed = crate::roles::members::change(&mut tx, ctx, role, &join, &detach).await?;
    let entry = Entry::new("role.members")
        .object("role", role)
        .change(None, Some(serde_json::json!({"joined": join, "detached": detach})));
    finish(tx, ctx, entry, true).await?;
    Ok(changed)
}

/// A role's settings as the JSON of a settings file.
pub async fn export_role(ctx: &Ctx, id: i64) -> Result<String, AppError> {
    let mut tx = ctx.store().begin().await?;
    let file = crate::roles::file::export(&mut tx, ctx.scope(), id).await?;
    Ok(file.to_json())
}

/// Overwrites the description, units and rights of the given roles with a settings file's,
/// all or nothing.
pub async fn import_roles(ctx: &Ctx, roles: Vec<i64>, content: String) -> Result<usize, AppError> {
    let file: domain::roles::transfer::RoleFile = domain::roles::transfer::parse(&content)
        .ok_or_else(|| AppError::refused(domain::roles::RoleT::DamagedFile))?;
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let (units, grants) = crate::roles::file::read(&mut tx, account, &file).await?;
    let mut entries = Vec::new();
    for role in &roles {
        let before = crate::roles::file::export(&mut tx, account, *role).await?;
        if crate::rights::editing::own(&mut tx, ctx, domain::rights::Holder::Role(*role)).await? {
            return Err(AppError::refused(domain::roles::RoleT::OwnRights));
        }
        let current = crate::roles::members::grants(&mut tx, *role).await?;
        if !ctx.who.rights.may_change(&current, &grants) {
            return Err(AppError::refused(domain::roles::RoleT::NotYourRights));
        }
        let author = crate::rights::editing::author(ctx);
        crate::applications::giving::may_change(ctx.store(), account, author, &current, &grants, true)
            .await?;
        crate::roles::repo::overwrite(&mut tx, account, *role, &file.description, &units).await?;
        crate::rights::repo::replace(&mut tx, account, domain::rights::Holder::Role(*role), &grants).await?;
        entries.push((*role, serde_json::to_value(before).ok()));
    }
    for (role, before) in entries {
        let entry =
            Entry::new("role.import").object("role", role).change(before, serde_json::to_value(&file).ok());
        crate::audit::record(&mut tx, &ctx.actor(), entry).await?;
    }
    finish(tx, ctx, Entry::new("role.import.done").detail(format!("{} roles", roles.len())), true).await?;
    Ok(roles.len())
}

async fn finish(
    mut tx: crate::store::Tx,
    ctx: &crate::guard::Ctx,
    entry: crate::audit::Entry<'_>,
    rights: bool,
) -> Result<(), AppError> {
    let account = ctx.scope();
    crate::audit::record(&mut tx, &ctx.actor(), entry).await?;
    if rights {
        crate::roles::members::ensure_active_administrator(&mut tx, account).await?;
        crate::rights::repo::changed(&mut tx, account).await?;
    }
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Roles }).await?;
    tx.commit().await
}
