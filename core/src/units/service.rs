//! The use cases behind the server functions of units: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::audit::{self, Entry};
use crate::error::AppError;
use crate::guard::Ctx;
use domain::events::{EventKind, Topic};
use domain::units::{Unit, UnitInput};

/// The account's units.
pub async fn list_units(ctx: &Ctx) -> Result<Vec<Unit>, AppError> {
    crate::units::repo::list(ctx.store(), ctx.scope()).await
}

/// Adds a unit (no id) or renames / moves one.
pub async fn save_unit(ctx: &Ctx, input: UnitInput) -> Result<i64, AppError> {
    input.check().finish()?;
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let (id, entry) = match input.id {
        None => {
            let id = crate::units::repo::create(&mut tx, account, &input).await?;
            (id, Entry::new("unit.create").object("unit", id).change(None, serde_json::to_value(&input).ok()))
        }
        Some(id) => {
            let before = crate::units::repo::update(&mut tx, account, id, &input).await?;
            let entry = Entry::new("unit.update")
                .object("unit", id)
                .change(serde_json::to_value(&before).ok(), serde_json::to_value(&input).ok());
            (id, entry)
        }
    };
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    // Data rights follow the tree: a moved unit changes decisions at once (rule 7).
    crate::rights::repo::changed(&mut tx, ctx.scope()).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Units }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes an empty unit.
pub async fn delete_unit(ctx: &Ctx, id: i64, version: i64) -> Result<(), AppError> {
    let account = ctx.scope();
    let mut tx = ctx.store().begin().await?;
    let before = crate::units::repo::delete(&mut tx, account, id, version).await?;
    let entry = Entry::new("unit.delete").object("unit", id).change(serde_json::to_value(&before).ok(), None);
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    crate::rights::repo::changed(&mut tx, ctx.scope()).await?;
    tx.raise(Some(account.id()), EventKind::Changed { topic: Topic::Units }).await?;
    tx.commit().await
}
