//! Server functions of roles: the list, the card, membership, copy, export and import.

#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use domain::roles::{RoleDetail, RoleInput, RoleRow};
use leptos::prelude::*;

/// Every role with its members. **Permissions:** Roles or Users / View.
#[server(prefix = "/api", endpoint = "roles/list")]
pub async fn list_roles() -> Result<Vec<RoleRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListRoles>().await?;
    klucznik_core::roles::service::list_roles(&ctx).await
}

/// A role's card. **Permissions:** Roles / View.
#[server(prefix = "/api", endpoint = "roles/get")]
pub async fn get_role(id: i64) -> Result<RoleDetail, AppError> {
    let ctx = crate::guard::authorize_listed::<GetRole>().await?;
    klucznik_core::roles::service::get_role(&ctx, id).await
}

/// Adds a role (no id) or changes its name, description and units.
/// **Permissions:** Roles / Create or Edit.
#[server(prefix = "/api", endpoint = "roles/save", input = server_fn::codec::Json)]
pub async fn save_role(input: RoleInput) -> Result<i64, AppError> {
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Roles, op)).await?;
    klucznik_core::roles::service::save_role(&ctx, input).await
}

/// Deletes a role that is not built in. **Permissions:** Roles / Delete, and every right the
/// role allows or denies (rule 6).
#[server(prefix = "/api", endpoint = "roles/delete")]
pub async fn delete_role(id: i64, version: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<DeleteRole>().await?;
    klucznik_core::roles::service::delete_role(&ctx, id, version).await
}

/// Copies a role ("Sales" → "Sales (1)") with its description, units, members and rights;
/// answers the copy's id and name. **Permissions:** Roles / Create, and every right it copies.
#[server(prefix = "/api", endpoint = "roles/copy")]
pub async fn copy_role(id: i64) -> Result<(i64, String), AppError> {
    let ctx = crate::guard::authorize_listed::<CopyRole>().await?;
    klucznik_core::roles::service::copy_role(&ctx, id).await
}

/// Joins users to a role and detaches others. **Permissions:** Roles / Edit; see
/// `members::change` for the rules on top.
#[server(prefix = "/api", endpoint = "roles/members", input = server_fn::codec::Json)]
pub async fn change_members(role: i64, join: Vec<i64>, detach: Vec<i64>) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<ChangeMembers>().await?;
    klucznik_core::roles::service::change_members(&ctx, role, join, detach).await
}

/// A role's settings as the JSON of a settings file. **Permissions:** Roles / View.
#[server(prefix = "/api", endpoint = "roles/export")]
pub async fn export_role(id: i64) -> Result<String, AppError> {
    let ctx = crate::guard::authorize_listed::<ExportRole>().await?;
    klucznik_core::roles::service::export_role(&ctx, id).await
}

/// Overwrites the description, units and rights of the given roles with a settings file's,
/// all or nothing. **Permissions:** Roles / Edit, and every right the file gives.
#[server(prefix = "/api", endpoint = "roles/import", input = server_fn::codec::Json)]
pub async fn import_roles(roles: Vec<i64>, content: String) -> Result<usize, AppError> {
    let ctx = crate::guard::authorize_listed::<ImportRoles>().await?;
    klucznik_core::roles::service::import_roles(&ctx, roles, content).await
}
