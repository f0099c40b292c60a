//! Server functions of the application clients. Clients belong to a main account: a session
//! working in a sub-account is refused.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::clients::{check_name, ClientT, BUILT_IN_APPLICATION};
use domain::clients::{ClientRow, NewSecret};
#[cfg(feature = "ssr")]
use klucznik_core::clients::store;
use leptos::prelude::*;

/// A client may ask about every user of the account and its sub-accounts (their rights, their
/// logins): only an administrator, who holds every right, may make one (rule 6).
#[cfg(feature = "ssr")]
fn administrator(ctx: &crate::guard::Ctx) -> Result<(), AppError> {
    if ctx.who.rights.administrator {
        Ok(())
    } else {
        Err(AppError::refused(ClientT::AdministratorsOnly))
    }
}

#[cfg(feature = "ssr")]
fn main_account(ctx: &crate::guard::Ctx) -> Result<i64, AppError> {
    if ctx.who.account.is_main {
        Ok(ctx.who.account.id)
    } else {
        Err(AppError::refused(ClientT::MainOnly))
    }
}

/// The main account's clients. **Permissions:** Configuration / View.
#[server(prefix = "/api", endpoint = "clients/list")]
pub async fn list_clients() -> Result<Vec<ClientRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListClients>().await?;
    let account = main_account(&ctx)?;
    let zone = klucznik_core::config::store::load(ctx.store(), account).await?.time_zone;
    store::list(ctx.store(), account, &zone, ctx.who.lang).await
}

/// Adds a client of an application (the built-in one when none is named); the answer carries
/// its secret, shown once. **Permissions:** Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "clients/create")]
pub async fn create_client(name: String, application: Option<String>) -> Result<NewSecret, AppError> {
    let ctx = crate::guard::authorize_listed::<CreateClient>().await?;
    let account = main_account(&ctx)?;
    administrator(&ctx)?;
    check_name(&name, ClientT::Name).finish()?;
    let mut tx = ctx.store().begin().await?;
    let application = application.filter(|a| !a.is_empty()).unwrap_or_else(|| BUILT_IN_APPLICATION.into());
    let made = store::create(&mut tx, &ctx.actor(), account, &application, &name).await?;
    tx.commit().await?;
    Ok(made)
}

/// Replaces a client's secret; the old one is refused at once. **Permissions:** Configuration /
/// Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "clients/rotate")]
pub async fn rotate_client(id: i64) -> Result<NewSecret, AppError> {
    let ctx = crate::guard::authorize_listed::<RotateClient>().await?;
    let account = main_account(&ctx)?;
    administrator(&ctx)?;
    store::rotate(ctx.store(), &ctx.actor(), account, id).await
}

/// Revokes a client. **Permissions:** Configuration / Edit.
#[server(prefix = "/api", endpoint = "clients/revoke")]
pub async fn revoke_client(id: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<RevokeClient>().await?;
    let account = main_account(&ctx)?;
    store::revoke(ctx.store(), &ctx.actor(), account, id).await
}
