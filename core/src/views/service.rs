//! The use cases behind the server functions of views: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::error::AppError;
use crate::guard::Ctx;
use domain::views::ListView;

/// The caller's saved view of a list, if any.
pub async fn get_view(ctx: &Ctx, list: String) -> Result<Option<ListView>, AppError> {
    let spec = domain::views::spec(&list).ok_or(AppError::NotFound)?;
    crate::views::repo::get(ctx.store(), ctx.who.native.id.get(), spec.key).await
}

/// Saves the caller's view of a list, checked against the list's columns.
pub async fn save_view(ctx: &Ctx, spec: &domain::views::ListSpec, view: ListView) -> Result<(), AppError> {
    view.check(spec)?;
    let mut tx = ctx.store().begin().await?;
    crate::views::repo::save(&mut tx, ctx.who.native.id.get(), spec.key, &view).await?;
    tx.commit().await
}
