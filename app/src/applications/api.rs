//! Server functions of business applications. Applications belong to a main account; only an
//! administrator registers one or changes its catalogue, since a catalogue decides what every
//! rights editor offers (rule 6: nobody reaches a right they do not hold).

use crate::error::AppError;
use domain::applications::{AppRow, Preview};
use leptos::prelude::*;

/// The main account's applications. **Permissions:** Configuration / View.
#[server(prefix = "/api", endpoint = "applications/list")]
pub async fn list_applications() -> Result<Vec<AppRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListApplications>().await?;
    klucznik_core::applications::service::list_applications(&ctx).await
}

/// What applying a catalogue file would change; nothing is written. **Permissions:**
/// Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "applications/preview")]
pub async fn preview_catalogue(content: String) -> Result<Preview, AppError> {
    let ctx = crate::guard::authorize_listed::<PreviewCatalogue>().await?;
    klucznik_core::applications::service::preview_catalogue(&ctx, content).await
}

/// Registers the application the file declares or updates its catalogue, unless it changed
/// since the preview `base`. **Permissions:** Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "applications/apply")]
pub async fn apply_catalogue(content: String, base: String) -> Result<Preview, AppError> {
    let ctx = crate::guard::authorize_listed::<ApplyCatalogue>().await?;
    klucznik_core::applications::service::apply_catalogue(&ctx, content, base).await
}

/// Deletes an application's grants of rights its catalogue no longer has; answers how many.
/// **Permissions:** Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "applications/purge")]
pub async fn purge_orphans(key: String) -> Result<i64, AppError> {
    let ctx = crate::guard::authorize_listed::<PurgeOrphans>().await?;
    klucznik_core::applications::service::purge_orphans(&ctx, key).await
}
