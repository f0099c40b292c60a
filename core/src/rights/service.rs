//! The use cases behind the server functions of rights: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::error::AppError;
use crate::guard::Ctx;
use domain::rights::view::{EditorData, Effective};
use domain::rights::{GrantRow, Holder};

/// A holder's rights for the editor.
pub async fn rights_editor(ctx: &Ctx, holder: Holder) -> Result<EditorData, AppError> {
    crate::rights::editing::editor_data(ctx, holder).await
}

/// Saves a holder's whole set of grants in one transaction.
pub async fn save_rights(
    ctx: &Ctx,
    holder: Holder,
    grants: Vec<GrantRow>,
    version: i64,
) -> Result<(), AppError> {
    crate::rights::editing::save(ctx, holder, grants, version).await
}

/// A user's rights, each with its reason.
pub async fn effective_rights(ctx: &Ctx, user: i64) -> Result<Effective, AppError> {
    Ok(Effective::compute(crate::rights::editing::editor_data(ctx, Holder::User(user)).await?))
}
