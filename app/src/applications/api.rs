//! Server functions of business applications. Applications belong to a main account; only an
//! administrator registers one or changes its catalogue, since a catalogue decides what every
//! rights editor offers (rule 6: nobody reaches a right they do not hold).

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::applications::AppT;
use domain::applications::{AppRow, Preview};
#[cfg(feature = "ssr")]
use klucznik_core::applications::store;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn main_account(ctx: &crate::guard::Ctx) -> Result<i64, AppError> {
    if ctx.who.account.is_main {
        Ok(ctx.who.account.id)
    } else {
        Err(AppError::refused(AppT::MainOnly))
    }
}

#[cfg(feature = "ssr")]
fn administrator(ctx: &crate::guard::Ctx) -> Result<i64, AppError> {
    let main = main_account(ctx)?;
    if ctx.who.rights.administrator {
        Ok(main)
    } else {
        Err(AppError::refused(AppT::AdministratorsOnly))
    }
}

/// The main account's applications. **Permissions:** Configuration / View.
#[server(prefix = "/api", endpoint = "applications/list")]
pub async fn list_applications() -> Result<Vec<AppRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListApplications>().await?;
    let account = main_account(&ctx)?;
    let zone = klucznik_core::config::store::load(ctx.store(), account).await?.time_zone;
    store::list(ctx.store(), account, &zone, ctx.who.lang).await
}

/// What applying a catalogue file would change; nothing is written. **Permissions:**
/// Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "applications/preview")]
pub async fn preview_catalogue(content: String) -> Result<Preview, AppError> {
    let ctx = crate::guard::authorize_listed::<PreviewCatalogue>().await?;
    let main = administrator(&ctx)?;
    store::preview(ctx.store(), main, &content).await
}

/// Registers the application the file declares or updates its catalogue, unless it changed
/// since the preview `base`. **Permissions:** Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "applications/apply")]
pub async fn apply_catalogue(content: String, base: String) -> Result<Preview, AppError> {
    let ctx = crate::guard::authorize_listed::<ApplyCatalogue>().await?;
    let main = administrator(&ctx)?;
    store::apply(ctx.store(), &ctx.actor(), main, &content, Some(&base)).await
}

/// Deletes an application's grants of rights its catalogue no longer has; answers how many.
/// **Permissions:** Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "applications/purge")]
pub async fn purge_orphans(key: String) -> Result<i64, AppError> {
    let ctx = crate::guard::authorize_listed::<PurgeOrphans>().await?;
    let main = administrator(&ctx)?;
    store::purge(ctx.store(), &ctx.actor(), main, &key).await
}
