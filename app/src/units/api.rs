//! Server functions of the units tree.

#[cfg(feature = "ssr")]
use crate::catalogue::{Module, Op};
use crate::error::AppError;
use domain::units::{Unit, UnitInput};
use leptos::prelude::*;

/// The account's units. **Permissions:** Units, Users, Persons or Roles / View.
#[server(prefix = "/api", endpoint = "units/list")]
pub async fn list_units() -> Result<Vec<Unit>, AppError> {
    let ctx = crate::guard::authorize_listed::<ListUnits>().await?;
    klucznik_core::units::service::list_units(&ctx).await
}

/// Adds a unit (no id) or renames / moves one. **Permissions:** Units / Create or Edit.
#[server(prefix = "/api", endpoint = "units/save", input = server_fn::codec::Json)]
pub async fn save_unit(input: UnitInput) -> Result<i64, AppError> {
    use crate::guard::{authorize, Need};
    let op = if input.id.is_some() { Op::Edit } else { Op::Create };
    let ctx = authorize(Need::Op(Module::Units, op)).await?;
    klucznik_core::units::service::save_unit(&ctx, input).await
}

/// Deletes an empty unit. **Permissions:** Units / Delete.
#[server(prefix = "/api", endpoint = "units/delete")]
pub async fn delete_unit(id: i64, version: i64) -> Result<(), AppError> {
    let ctx = crate::guard::authorize_listed::<DeleteUnit>().await?;
    klucznik_core::units::service::delete_unit(&ctx, id, version).await
}
