//! Server functions of the units tree.

use super::{Unit, UnitInput};
#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use leptos::prelude::*;

/// The account's units. **Permissions:** Units, Users, Persons or Roles / View.
#[server(prefix = "/api", endpoint = "units/list")]
pub async fn list_units() -> Result<Vec<Unit>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListUnits>().await?;
    super::store::list(ctx.store(), ctx.who.account.id).await
}

/// Adds a unit (no id) or renames / moves one. **Permissions:** Units / Create or Edit.
#[server(prefix = "/api", endpoint = "units/save", input = server_fn::codec::Json)]
pub async fn save_unit(input: UnitInput) -> Result<i64, AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Units, op)).await?;
    input.check().finish()?;
    let account = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let (id, entry) = match input.id {
        None => {
            let id = super::store::create(&mut tx, account, &input).await?;
            (id, Entry::new("unit.create").object("unit", id).change(None, serde_json::to_value(&input).ok()))
        }
        Some(id) => {
            let before = super::store::update(&mut tx, account, id, &input).await?;
            let entry = Entry::new("unit.update")
                .object("unit", id)
                .change(serde_json::to_value(&before).ok(), serde_json::to_value(&input).ok());
            (id, entry)
        }
    };
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    // Data rights follow the tree: a moved unit changes decisions at once (rule 7).
    crate::rights::store::changed(&mut tx, ctx.who.account.id).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Units }).await?;
    tx.commit().await?;
    Ok(id)
}

/// Deletes an empty unit. **Permissions:** Units / Delete.
#[server(prefix = "/api", endpoint = "units/delete")]
pub async fn delete_unit(id: i64, version: i64) -> Result<(), AppError> {
    use crate::audit::{self, Entry};
    use crate::events::{EventKind, Topic};
    let ctx = crate::guard::authorize_listed::<DeleteUnit>().await?;
    let account = ctx.who.account.id;
    let mut tx = ctx.store().begin().await?;
    let before = super::store::delete(&mut tx, account, id, version).await?;
    let entry = Entry::new("unit.delete").object("unit", id).change(serde_json::to_value(&before).ok(), None);
    audit::record(&mut tx, &ctx.actor(), entry).await?;
    crate::rights::store::changed(&mut tx, ctx.who.account.id).await?;
    tx.raise(Some(account), EventKind::Changed { topic: Topic::Units }).await?;
    tx.commit().await
}
