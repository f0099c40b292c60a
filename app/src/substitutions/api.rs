//! Server functions of substitutions and of working on someone's behalf.

use crate::error::AppError;
use domain::substitutions::{Startable, SubInput, SubList, SubOptions, Substitution, Tab};
use leptos::prelude::*;

/// Defining substitutions needs one of the three permissions; which users it covers is the
/// store's `Scope`.
#[cfg(feature = "ssr")]
async fn definer() -> Result<crate::guard::Ctx, AppError> {
    crate::guard::authorize(crate::guard::Need::AnyOf(domain::substitutions::DEFINE)).await
}

/// One tab of the list, filtered to what the caller may see. **Permissions:** any of the three
/// "define substitutions" permissions.
#[server(prefix = "/api", endpoint = "substitutions/list")]
pub async fn list_substitutions(tab: Tab) -> Result<SubList, AppError> {
    let ctx = definer().await?;
    klucznik_core::substitutions::service::list_substitutions(&ctx, tab).await
}

/// Whom the caller may define substitutions for, and who may substitute. **Permissions:** as
/// the list.
#[server(prefix = "/api", endpoint = "substitutions/options")]
pub async fn substitution_options() -> Result<SubOptions, AppError> {
    let ctx = definer().await?;
    klucznik_core::substitutions::service::substitution_options(&ctx).await
}

/// Other active substitutions of the same people in a period (information only).
/// **Permissions:** as the list.
#[server(prefix = "/api", endpoint = "substitutions/overlaps")]
pub async fn substitution_overlaps(
    absent: i64,
    substitute: i64,
    from_day: String,
    to_day: String,
    except: Option<i64>,
) -> Result<Vec<Substitution>, AppError> {
    let ctx = definer().await?;
    klucznik_core::substitutions::service::substitution_overlaps(
        &ctx, absent, substitute, from_day, to_day, except,
    )
    .await
}

/// Adds a substitution (no id) or changes one under the seed's rules; deactivating one ends
/// the work of whoever is working in it. **Permissions:** as the list, for an absent user
/// within the caller's permission.
#[server(prefix = "/api", endpoint = "substitutions/save", input = server_fn::codec::Json)]
pub async fn save_substitution(input: SubInput) -> Result<i64, AppError> {
    let ctx = definer().await?;
    klucznik_core::substitutions::service::save_substitution(&ctx, input).await
}

/// The substitutions the caller may start now. **Permissions:** any session (rule 8).
#[server(prefix = "/api", endpoint = "substitutions/startable")]
pub async fn startable_substitutions() -> Result<Vec<Startable>, AppError> {
    let ctx = crate::guard::authorize(crate::guard::Need::SelfService).await?;
    klucznik_core::substitutions::service::startable_substitutions(&ctx).await
}

/// The caller's session starts working as the absent user. **Permissions:** any session, for a
/// substitution in which the caller is the substitute, now.
#[server(prefix = "/api", endpoint = "substitutions/start")]
pub async fn start_substitution(id: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize(crate::guard::Need::SelfService).await?;
    klucznik_core::substitutions::service::start_substitution(&ctx, id).await
}

/// The caller's session stops working on someone's behalf. **Permissions:** any session.
#[server(prefix = "/api", endpoint = "substitutions/end")]
pub async fn end_substitution() -> Result<(), AppError> {
    let ctx = crate::guard::authorize(crate::guard::Need::SelfService).await?;
    klucznik_core::substitutions::service::end_substitution(&ctx).await
}
