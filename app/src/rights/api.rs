//! Server functions of the rights editors and the effective-rights view.

use crate::error::AppError;
use domain::rights::view::{EditorData, Effective};
use domain::rights::{GrantRow, Holder};
use leptos::prelude::*;

/// A holder's rights for the editor. **Permissions:** Roles / View for a role, Users / View
/// for a user.
#[server(prefix = "/api", endpoint = "rights/editor", input = server_fn::codec::Json)]
pub async fn rights_editor(holder: Holder) -> Result<EditorData, AppError> {
    let ctx = crate::guard::authorize(klucznik_core::rights::editing::need(holder, false)).await?;
    klucznik_core::rights::service::rights_editor(&ctx, holder).await
}

/// Saves a holder's whole set of grants in one transaction. **Permissions:** Roles / Edit or
/// Users / Edit, and every right the edit changes (rule 6); never one's own rights.
#[server(prefix = "/api", endpoint = "rights/save", input = server_fn::codec::Json)]
pub async fn save_rights(holder: Holder, grants: Vec<GrantRow>, version: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize(klucznik_core::rights::editing::need(holder, true)).await?;
    klucznik_core::rights::service::save_rights(&ctx, holder, grants, version).await
}

/// A user's rights, each with its reason. **Permissions:** Users / View.
#[server(prefix = "/api", endpoint = "rights/effective")]
pub async fn effective_rights(user: i64) -> Result<Effective, AppError> {
    let ctx =
        crate::guard::authorize(klucznik_core::rights::editing::need(Holder::User(user), false)).await?;
    klucznik_core::rights::service::effective_rights(&ctx, user).await
}
