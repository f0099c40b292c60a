//! Server functions of roles: the list, the card, membership, copy, export and import.

use super::{RoleDetail, RoleInput, RoleRow};
#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn finish(
    mut tx: crate::store::Tx,
    ctx: &crate::guard::Ctx,
    entry: crate::audit::Entry<'_>,
    rights: bool,
) -> Result<(), AppError> {
    use crate::events::{EventKind, Topic};
    let account = ctx.who.account.id;
    crate::audit::record(&mut tx, &ctx.actor(), entry).await?;
    if rights {
        crate::roles::members::ensure_active_administrator(&mut tx, account).await?;
        crate::rights::store::changed(&mut tx, account).await?;
    }
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Roles }).await?;
    tx.commit().await
}

/// Every role with its members. **Permissions:** Roles or Users / View.
#[server(prefix = "/api", endpoint = "roles/list")]
pub async fn list_roles() -> Result<Vec<RoleRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListRoles>().await?;
    let mut roles = super::store::list(ctx.store(), ctx.who.account.id).await?;
    for r in &mut roles {
        r.name = super::shown_name(r.builtin, &r.name, ctx.who.lang);
        if let Some(b) = r.builtin {
            r.description = crate::i18n::Text::text(b.description(), ctx.who.lang).to_string();
        }
    }
    Ok(roles)
}

/// A role's card. **Permissions:** Roles / View.
#[server(prefix = "/api", endpoint = "roles/get")]
pub async fn get_role(id: i64) -> Result<RoleDetail, AppError> {
    let ctx = crate::guard::authorize_listed::<GetRole>().await?;
    let mut role = super::store::get(ctx.store(), ctx.who.account.id, id).await?;
    role.name = super::shown_name(role.builtin, &role.name, ctx.who.lang);
    if let Some(b) = role.builtin {
        role.description = crate::i18n::Text::text(b.description(), ctx.who.lang).to_string();
    }
    Ok(role)
}

/// Adds a role (no id) or changes its name, description and units.
/// **Permissions:** Roles / Create or Edit.
#[server(prefix = "/api", endpoint = "roles/save", input = server_fn::codec::Json)]
pub async fn save_role(input: RoleInput) -> Result<i64, AppError> {
    use crate::audit::Entry;
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Roles, op)).await?;
    input.check().finish()?;
    let account = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let after = serde_json::to_value(&input).ok();
    let (id, entry) = match input.id {
        None => {
            let id = super::store::create(&mut tx, account, &input).await?;
            (id, Entry::new("role.create").object("role", id).change(None, after))
        }
        Some(id) => {
            let before = super::store::update(&mut tx, account, id, &input).await?;
            let before = serde_json::json!({"name": before.name, "description": before.description});
            (id, Entry::new("role.update").object("role", id).change(Some(before), after))
        }
    };
    finish(tx, &ctx, entry, true).await?;
    Ok(id)
}

/// Deletes a role that is not built in. **Permissions:** Roles / Delete, and every right the
/// role allows or denies (rule 6).
#[server(prefix = "/api", endpoint = "roles/delete")]
pub async fn delete_role(id: i64, version: i64) -> Result<(), AppError> {
    use crate::audit::Entry;
    let ctx = crate::guard::authorize_listed::<DeleteRole>().await?;
    let mut tx = ctx.store().begin().await?;
    // Deleting a role takes it from every member (rule 6 as for detaching one).
    let head = super::store::head(&mut tx, ctx.who.account.id, id).await?;
    let rights = super::store::grants(&mut tx, id).await?;
    super::members::may_take(&ctx, head.builtin, &rights).await?;
    let before = super::store::delete(&mut tx, ctx.who.account.id, id, version).await?;
    let entry = Entry::new("role.delete")
        .object("role", id)
        .change(Some(serde_json::json!({"name": before.name})), None);
    finish(tx, &ctx, entry, true).await
}

/// Copies a role ("Sales" → "Sales (1)") with its description, units, members and rights;
/// answers the copy's id and name. **Permissions:** Roles / Create, and every right it copies.
#[server(prefix = "/api", endpoint = "roles/copy")]
pub async fn copy_role(id: i64) -> Result<(i64, String), AppError> {
    use crate::audit::Entry;
    let ctx = crate::guard::authorize_listed::<CopyRole>().await?;
    let account = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let source = super::store::head(&mut tx, account, id).await?;
    let rights = super::store::grants(&mut tx, id).await?;
    if !ctx.who.rights.administrator
        && (source.builtin == Some(super::Builtin::Administrators)
            || !ctx.who.rights.may_change(&[], &rights))
    {
        return Err(AppError::refused(super::RoleT::NotYourRights));
    }
    let author = klucznik_core::rights::server::author(&ctx);
    klucznik_core::applications::giving::may_change(ctx.store(), account, author, &[], &rights, false)
        .await?;
    let (copy, name) = super::store::copy(&mut tx, account, id).await?;
    let entry =
        Entry::new("role.copy").object("role", copy).detail(format!("copy of role {id} ({})", source.name));
    finish(tx, &ctx, entry, true).await?;
    Ok((copy, name))
}

/// Joins users to a role and detaches others. **Permissions:** Roles / Edit; see
/// `members::change` for the rules on top.
#[server(prefix = "/api", endpoint = "roles/members", input = server_fn::codec::Json)]
pub async fn change_members(role: i64, join: Vec<i64>, detach: Vec<i64>) -> Result<usize, AppError> {
    use crate::audit::Entry;
    let ctx = crate::guard::authorize_listed::<ChangeMembers>().await?;
    let mut tx = ctx.store().begin().await?;
    let changed = super::members::change(&mut tx, &ctx, role, &join, &detach).await?;
    let entry = Entry::new("role.members")
        .object("role", role)
        .change(None, Some(serde_json::json!({"joined": join, "detached": detach})));
    finish(tx, &ctx, entry, true).await?;
    Ok(changed)
}

/// A role's settings as the JSON of a settings file. **Permissions:** Roles / View.
#[server(prefix = "/api", endpoint = "roles/export")]
pub async fn export_role(id: i64) -> Result<String, AppError> {
    let ctx = crate::guard::authorize_listed::<ExportRole>().await?;
    let mut tx = ctx.store().begin().await?;
    let file = super::store::export(&mut tx, ctx.who.account.id, id).await?;
    Ok(file.to_json())
}

/// Overwrites the description, units and rights of the given roles with a settings file's,
/// all or nothing. **Permissions:** Roles / Edit, and every right the file gives.
#[server(prefix = "/api", endpoint = "roles/import", input = server_fn::codec::Json)]
pub async fn import_roles(roles: Vec<i64>, content: String) -> Result<usize, AppError> {
    use crate::audit::Entry;
    let ctx = crate::guard::authorize_listed::<ImportRoles>().await?;
    let file: super::transfer::RoleFile =
        super::transfer::parse(&content).ok_or_else(|| AppError::refused(super::RoleT::DamagedFile))?;
    let account = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let grants = super::store::file_grants(&mut tx, account, &file).await?;
    let mut entries = Vec::new();
    for role in &roles {
        let before = super::store::export(&mut tx, account, *role).await?;
        if crate::rights::server::own(&mut tx, &ctx, crate::rights::Holder::Role(*role)).await? {
            return Err(AppError::refused(super::RoleT::OwnRights));
        }
        let current = super::store::grants(&mut tx, *role).await?;
        if !ctx.who.rights.may_change(&current, &grants) {
            return Err(AppError::refused(super::RoleT::NotYourRights));
        }
        let author = klucznik_core::rights::server::author(&ctx);
        klucznik_core::applications::giving::may_change(
            ctx.store(),
            account,
            author,
            &current,
            &grants,
            true,
        )
        .await?;
        super::store::import(&mut tx, account, *role, &file, &grants).await?;
        entries.push((*role, serde_json::to_value(before).ok()));
    }
    for (role, before) in entries {
        let entry =
            Entry::new("role.import").object("role", role).change(before, serde_json::to_value(&file).ok());
        crate::audit::record(&mut tx, &ctx.actor(), entry).await?;
    }
    finish(tx, &ctx, Entry::new("role.import.done").detail(format!("{} roles", roles.len())), true).await?;
    Ok(roles.len())
}
