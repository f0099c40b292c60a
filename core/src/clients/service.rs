//! The use cases behind the server functions of clients: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::actor::Actor;
use crate::audit::{self, Entry};
use crate::clients::repo;
use crate::error::AppError;
use crate::guard::Ctx;
use crate::store::Store;
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
    let application = application.filter(|a| !a.is_empty()).unwrap_or_else(|| BUILT_IN_APPLICATION.into());
    make(ctx.store(), &ctx.actor(), account, &application, &name).await
}

/// A new client of `application` in main account `account`, audited as `actor`'s (the console's
/// and the operator's command line's).
pub(crate) async fn make(
    store: &Store,
    actor: &Actor,
    account: crate::guard::Scope,
    application: &str,
    name: &str,
) -> Result<NewSecret, AppError> {
    let mut tx = store.begin().await?;
    let made = repo::create(&mut tx, account, application, name).await?;
    let entry = Entry::new("client.create").object("client", made.id).detail(name.trim());
    audit::record(&mut tx, actor, entry).await?;
    tx.commit().await?;
    Ok(made)
}

/// Replaces a client's secret; the old one is refused at once.
pub async fn rotate_client(ctx: &Ctx, id: i64) -> Result<NewSecret, AppError> {
    let account = main_account(ctx)?;
    administrator(ctx)?;
    let mut tx = ctx.store().begin().await?;
    let made = repo::rotate(&mut tx, account, id).await?;
    audit::record(&mut tx, &ctx.actor(), Entry::new("client.rotate").object("client", id)).await?;
    tx.commit().await?;
    // After the commit: a secret read before it must not be believed again.
    repo::forget_all();
    Ok(made)
}

/// Revokes a client.
pub async fn revoke_client(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    let account = main_account(ctx)?;
    let mut tx = ctx.store().begin().await?;
    repo::revoke(&mut tx, account, id).await?;
    audit::record(&mut tx, &ctx.actor(), Entry::new("client.revoke").object("client", id)).await?;
    tx.commit().await?;
    repo::forget_all();
    Ok(())
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

fn main_account(ctx: &crate::guard::Ctx) -> Result<crate::guard::Scope, AppError> {
    if ctx.who.account.is_main {
        Ok(ctx.scope())
    } else {
        Err(AppError::refused(ClientT::MainOnly))
    }
}

// The clients' own entry points: a bearer secret authenticated, and whether a client believed
// a moment ago is still live (the command line's steps are the operator's, crate::operator).
pub use super::repo::{authenticate, still_live, Caller};

impl Caller {
    /// The client's account (its secret was checked): what an application's calls may reach.
    pub fn scope(&self) -> crate::guard::Scope {
        crate::guard::scope::client(self.account_id)
    }
}
