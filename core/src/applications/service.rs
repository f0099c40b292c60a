//! The use cases behind the server functions of applications: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::applications::repo;
use crate::error::AppError;
use crate::guard::Ctx;
use domain::applications::AppT;
use domain::applications::{AppRow, Preview};

/// The main account's applications.
pub async fn list_applications(ctx: &Ctx) -> Result<Vec<AppRow>, AppError> {
    let account = main_account(ctx)?;
    let zone = crate::config::repo::load(ctx.store(), account).await?.time_zone;
    repo::list(ctx.store(), account, &zone, ctx.who.lang).await
}

/// What applying a catalogue file would change; nothing is written.
pub async fn preview_catalogue(ctx: &Ctx, content: String) -> Result<Preview, AppError> {
    let main = administrator(ctx)?;
    repo::preview(ctx.store(), main, &content).await
}

/// Registers the application the file declares or updates its catalogue, unless it changed
/// since the preview `base`.
pub async fn apply_catalogue(ctx: &Ctx, content: String, base: String) -> Result<Preview, AppError> {
    let main = administrator(ctx)?;
    crate::applications::applying::apply(ctx.store(), &ctx.actor(), main, &content, Some(&base)).await
}

/// Deletes an application's grants of rights its catalogue no longer has; answers how many.
pub async fn purge_orphans(ctx: &Ctx, key: String) -> Result<i64, AppError> {
    let main = administrator(ctx)?;
    crate::applications::applying::purge(ctx.store(), &ctx.actor(), main, &key).await
}

fn main_account(ctx: &crate::guard::Ctx) -> Result<crate::guard::Scope, AppError> {
    if ctx.who.account.is_main {
        Ok(ctx.scope())
    } else {
        Err(AppError::refused(AppT::MainOnly))
    }
}

fn administrator(ctx: &crate::guard::Ctx) -> Result<crate::guard::Scope, AppError> {
    let main = main_account(ctx)?;
    if ctx.who.rights.administrator {
        Ok(main)
    } else {
        Err(AppError::refused(AppT::AdministratorsOnly))
    }
}
