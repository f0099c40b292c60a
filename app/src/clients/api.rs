//! Server functions of the application clients. Clients belong to a main account: a session
//! working in a sub-account is refused.

use crate::error::AppError;
use domain::clients::{ClientRow, NewSecret};
use leptos::prelude::*;

/// The main account's clients. **Permissions:** Configuration / View.
#[server(prefix = "/api", endpoint = "clients/list")]
pub async fn list_clients() -> Result<Vec<ClientRow>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListClients>().await?;
    klucznik_core::clients::service::list_clients(&ctx).await
}

/// Adds a client of an application (the built-in one when none is named); the answer carries
/// its secret, shown once. **Permissions:** Configuration / Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "clients/create")]
pub async fn create_client(name: String, application: Option<String>) -> Result<NewSecret, AppError> {
    let ctx = crate::guard::authorize_listed::<CreateClient>().await?;
    klucznik_core::clients::service::create_client(&ctx, name, application).await
}

/// Replaces a client's secret; the old one is refused at once. **Permissions:** Configuration /
/// Edit, and being an administrator.
#[server(prefix = "/api", endpoint = "clients/rotate")]
pub async fn rotate_client(id: i64) -> Result<NewSecret, AppError> {
    let ctx = crate::guard::authorize_listed::<RotateClient>().await?;
    klucznik_core::clients::service::rotate_client(&ctx, id).await
}

/// Revokes a client. **Permissions:** Configuration / Edit.
#[server(prefix = "/api", endpoint = "clients/revoke")]
pub async fn revoke_client(id: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<RevokeClient>().await?;
    klucznik_core::clients::service::revoke_client(&ctx, id).await
}
