//! The audit view's server function.

use super::{AuditList, AuditQuery};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the account's audit records. **Permissions:** Audit / View; before and after
/// only with the "details" column.
#[server(prefix = "/api", endpoint = "audit/list", input = server_fn::codec::Json)]
pub async fn list_audit(query: AuditQuery) -> Result<AuditList, AppError> {
    use crate::catalogue::{ColumnOp, Module};
    let ctx = crate::guard::authorize_listed::<ListAudit>().await?;
    query.check().finish()?;
    let zone = crate::config::store::load(ctx.store(), ctx.who.account.id).await?.time_zone;
    let details = ctx.who.rights.column(Module::Audit, "details", ColumnOp::Visible);
    super::store::page(ctx.store(), ctx.who.account.id, &query, &zone, ctx.who.lang, details).await
}
