//! The web side of the one guard (docs/ARCHITECTURE.md "The request path"): the middleware finds each
//! request's caller (cookie → session → who), `needs::NEEDS` says what each server function's
//! caller needs, and `authorize_listed` / `public` hand a server function the core's authorized
//! handle. Deciding and storage are the core's (`klucznik_core::guard`).

pub mod headers;
mod middleware;
pub mod needs;
mod state;

pub(crate) use klucznik_core::guard::*;
pub use middleware::{
    client_of, cookie as middleware_cookie, error_response, guard_layer, DEVICE_COOKIE, TOKEN_COOKIE,
};
pub use state::AppState;

use crate::error::AppError;
use http::request::Parts;
use leptos::prelude::*;
use std::sync::Arc;

/// Whether the server function at `path` is an anonymous entry point.
pub fn is_public(path: &str) -> bool {
    needs::need_of(path) == Some(Need::Public)
}

fn request() -> Result<(Parts, AppState), AppError> {
    let parts = use_context::<Parts>().ok_or(AppError::Unauthenticated)?;
    let state = use_context::<AppState>()
        .ok_or_else(|| AppError::internal("guard", "no application state in context"))?;
    Ok((parts, state))
}

/// The guard as a server function calls it.
pub async fn authorize(need: Need) -> Result<Ctx, AppError> {
    let (parts, state) = request()?;
    authorize_parts(&state, &parts, need)
}

/// The guard for server function `F`, with the need the table of needs lists for it.
pub async fn authorize_listed<F: server_fn::ServerFn>() -> Result<Ctx, AppError> {
    let need = needs::need_of(F::PATH)
        .ok_or_else(|| AppError::internal("guard", format!("{} is not in the table of needs", F::PATH)))?;
    authorize(need).await
}

/// The anonymous entry for server function `F`, which the table of needs must list as public.
pub async fn public<F: server_fn::ServerFn>() -> Result<PublicCtx, AppError> {
    if !is_public(F::PATH) {
        return Err(AppError::internal("guard", format!("{} is not a public entry point", F::PATH)));
    }
    let (parts, state) = request()?;
    Ok(public_entry(&state, &parts))
}

/// The signed-in caller of the current request, if any (pages use it to render).
pub fn current() -> Option<Arc<Who>> {
    use_context::<Parts>()?.extensions.get::<Resolved>()?.who.clone()
}
