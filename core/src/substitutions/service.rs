//! The use cases behind the server functions of substitutions: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::guard::Ctx;
use crate::notices::repo as notices;
use domain::events::{EventKind, Topic};
use domain::notices::Notice;
use domain::substitutions::{Startable, SubInput, SubList, SubOptions, Substitution, Tab};

/// One tab of the list, filtered to what the caller may see.
pub async fn list_substitutions(ctx: &Ctx, tab: Tab) -> Result<SubList, AppError> {
    crate::substitutions::repo::list_page(ctx.store(), &ctx.who, tab).await
}

/// Whom the caller may define substitutions for, and who may substitute.
pub async fn substitution_options(ctx: &Ctx) -> Result<SubOptions, AppError> {
    crate::substitutions::repo::options_for(ctx.store(), &ctx.who).await
}

/// Other active substitutions of the same people in a period (information only).
pub async fn substitution_overlaps(
    ctx: &Ctx,
    absent: i64,
    substitute: i64,
    from_day: String,
    to_day: String,
    except: Option<i64>,
) -> Result<Vec<Substitution>, AppError> {
    crate::substitutions::repo::overlaps_of(
        ctx.store(),
        &ctx.who,
        [absent, substitute],
        (&from_day, &to_day),
        except,
    )
    .await
}

/// Adds a substitution (no id) or changes one under the seed's rules; deactivating one ends
/// the work of whoever is working in it.
pub async fn save_substitution(ctx: &Ctx, input: SubInput) -> Result<i64, AppError> {
    let mut tx = ctx.store().begin().await?;
    let (id, before) = crate::substitutions::saving::save(&mut tx, ctx, &input).await?;
    if !input.active {
        // Whoever works in a deactivated substitution stops at once.
        mode::end_all(&mut tx, id, domain::substitutions::ModeEnd::Deactivated).await?;
    }
    let action = if before.is_some() { "substitution.update" } else { "substitution.create" };
    let entry = Entry::new(action).object("substitution", id).change(
        before.as_ref().and_then(|b| serde_json::to_value(b).ok()),
        serde_json::to_value(&input).ok(),
    );
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    let substitute = input.substitute_id.unwrap_or_default();
    let people_changed = before.as_ref().is_none_or(|b| b.substitute_id != substitute);
    if people_changed && input.active && substitute != ctx.who.native.id.get() {
        let notice = Notice::SubstitutionDefined {
            by: notices::name_of(&mut tx, ctx.who.native.id.get()).await?,
            absent: notices::name_of(&mut tx, input.absent_id.unwrap_or_default()).await?,
            from: input.from_day.trim().to_string(),
            to: input.to_day.trim().to_string(),
        };
        notices::send(&mut tx, substitute, &notice).await?;
    }
    tx.raise(Some(ctx.who.account.id.get()), EventKind::Changed { topic: Topic::Substitutions }).await?;
    tx.commit().await?;
    Ok(id)
}

/// The substitutions the caller may start now.
pub async fn startable_substitutions(ctx: &Ctx) -> Result<Vec<Startable>, AppError> {
    mode::startable(ctx).await
}

/// The caller's session starts working as the absent user.
pub async fn start_substitution(ctx: &Ctx, id: i64) -> Result<(), AppError> {
    mode::start(ctx, id).await
}

/// The caller's session stops working on someone's behalf.
pub async fn end_substitution(ctx: &Ctx) -> Result<(), AppError> {
    mode::end_own(ctx).await
}

/// Working on an absent colleague's behalf: start, end, what may be started, and the sweep
/// that ends the mode when a substitution period does.
pub use super::mode;
