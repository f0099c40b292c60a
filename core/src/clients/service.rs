//! The use cases behind the server functions of clients: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::clients::repo;
use crate::error::AppError;
use crate::guard::Ctx;
use domain::clients::{check_name, ClientT, BUILT_IN_APPLICATION};
use domain::clients::{ClientRow, NewSecret};

/// The main account's clients.
pub async fn list_clients(ctx: &Ctx) -> Result<Vec<ClientRow>, AppError> {
    let account = main_account(ctx)?;
    let zone = crate::config::repo::load(ctx.store(), account).await?.time_zone;
    repo::list(ctx.store(), account, &zone, ctx.who.lang).await
}

/// Adds a client of an application (the built-in one when none is named); the answer carries
/// its secret, shown once.
pub async fn create_client(
    ctx: &Ctx,
    name: String,
    application: Option<String>,
) -> Result<NewSecret, AppError> {
    let account = main_account(ctx)?;
    administrator(ctx)?;
    check_name(&name, ClientT::Name).finish()?;
    let mut tx = ctx.store().begin().await?;
    let application = application.filter(|a| !a.is_empty()).unwrap_or_else(|| BUILT_IN_APPLICATION.into());
    let made = repo::create(&mut tx, &ctx.actor(), account, &application, &name).await?;
    tx.commit().await?;
    Ok(made)
}

/// Replaces a client's secret; the old one is refused at once.
pub async fn rotate_client(ctx: &Ctx, id: i64) -> Result<NewSecret, AppError> {
    let account = main_account(ctx)?;
    administrator(ctx)?;
    repo::rotate(ctx.store(), &ctx.actor(), account, id).await
}

/// Revokes a client.
pub async fn revoke_client(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    let account = main_account(ctx)?;
    repo::revoke(ctx.store(), &ctx.actor(), account, id).await
}

/// A client may ask about every user of the account and its sub-accounts (their rights, their
/// logins): only an administrator, who holds every right, may make one (rule 6).
fn administrator(ctx: &crate::guard::Ctx) -> Result<(), AppError> {
    if ctx.who.rights.administrator {
        Ok(())
    } else {
        Err(AppError::refused(ClientT::AdministratorsOnly))
    }
}

fn main_account(ctx: &crate::guard::Ctx) -> Result<i64, AppError> {
    if ctx.who.account.is_main {
        Ok(ctx.who.account.id)
    } else {
        Err(AppError::refused(ClientT::MainOnly))
    }
}

// The clients' own entry points: a bearer secret authenticated, and whether a client believed
// a moment ago is still live (the command line's steps are the operator's, crate::operator).
pub use super::repo::{authenticate, still_live, Caller};
