//! Server functions of substitutions and of working on someone's behalf.

use super::{Startable, SubInput, SubList, SubOptions, Substitution, Tab};
use crate::error::AppError;
use leptos::prelude::*;

/// Defining substitutions needs one of the three permissions; which users it covers is the
/// store's `Scope`.
#[cfg(feature = "ssr")]
async fn definer() -> Result<crate::guard::Ctx, AppError> {
    crate::guard::authorize(crate::guard::Need::AnyOf(super::DEFINE)).await
}

/// One tab of the list, filtered to what the caller may see. **Permissions:** any of the three
/// "define substitutions" permissions.
#[server(prefix = "/api", endpoint = "substitutions/list")]
pub async fn list_substitutions(tab: Tab) -> Result<SubList, AppError> {
    let ctx = definer().await?;
    super::store::list_page(ctx.store(), &ctx.who, tab).await
}

/// Whom the caller may define substitutions for, and who may substitute. **Permissions:** as
/// the list.
#[server(prefix = "/api", endpoint = "substitutions/options")]
pub async fn substitution_options() -> Result<SubOptions, AppError> {
    let ctx = definer().await?;
    super::store::options_for(ctx.store(), &ctx.who).await
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
    super::store::overlaps_of(ctx.store(), &ctx.who, [absent, substitute], (&from_day, &to_day), except).await
}

/// Adds a substitution (no id) or changes one under the seed's rules; deactivating one ends
/// the work of whoever is working in it. **Permissions:** as the list, for an absent user
/// within the caller's permission.
#[server(prefix = "/api", endpoint = "substitutions/save", input = server_fn::codec::Json)]
pub async fn save_substitution(input: SubInput) -> Result<i64, AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    use crate::notices::{store as notices, Notice};
    let ctx = definer().await?;
    let mut tx = ctx.store().begin().await?;
    let (id, before) = super::store::save(&mut tx, &ctx, &input).await?;
    let action = if before.is_some() { "substitution.update" } else { "substitution.create" };
    let entry = Entry::new(action).object("substitution", id).change(
        before.as_ref().and_then(|b| serde_json::to_value(b).ok()),
        serde_json::to_value(&input).ok(),
    );
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    let substitute = input.substitute_id.unwrap_or_default();
    let people_changed = before.as_ref().is_none_or(|b| b.substitute_id != substitute);
    if people_changed && input.active && substitute != ctx.who.native.id {
        let notice = Notice::SubstitutionDefined {
            by: notices::name_of(&mut tx, ctx.who.native.id).await?,
            absent: notices::name_of(&mut tx, input.absent_id.unwrap_or_default()).await?,
            from: input.from_day.trim().to_string(),
            to: input.to_day.trim().to_string(),
        };
        notices::send(&mut tx, substitute, &notice).await?;
    }
    tx.raise(Some(ctx.who.account.id), EventKind::Changed { topic: Topic::Substitutions }).await?;
    tx.commit().await?;
    Ok(id)
}

/// The substitutions the caller may start now. **Permissions:** any session (rule 8).
#[server(prefix = "/api", endpoint = "substitutions/startable")]
pub async fn startable_substitutions() -> Result<Vec<Startable>, AppError> {
    let ctx = crate::guard::authorize(crate::guard::Need::SelfService).await?;
    super::store::mode::startable(&ctx).await
}

/// The caller's session starts working as the absent user. **Permissions:** any session, for a
/// substitution in which the caller is the substitute, now.
#[server(prefix = "/api", endpoint = "substitutions/start")]
pub async fn start_substitution(id: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize(crate::guard::Need::SelfService).await?;
    super::store::mode::start(&ctx, id).await
}

/// The caller's session stops working on someone's behalf. **Permissions:** any session.
#[server(prefix = "/api", endpoint = "substitutions/end")]
pub async fn end_substitution() -> Result<(), AppError> {
    let ctx = crate::guard::authorize(crate::guard::Need::SelfService).await?;
    super::store::mode::end_own(&ctx).await
}
