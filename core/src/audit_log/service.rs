//! The use cases behind the server functions of audit log: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::catalogue::{ColumnOp, Module};
use crate::error::AppError;
use crate::guard::Ctx;
use domain::audit_log::{AuditList, AuditQuery};

/// One page of the account's audit records.
pub async fn list_audit(ctx: &Ctx, query: AuditQuery) -> Result<AuditList, AppError> {
    query.check().finish()?;
    let zone = crate::config::repo::load(ctx.store(), ctx.scope()).await?.time_zone;
    let details = ctx.who.rights.column(Module::Audit, "details", ColumnOp::Visible);
    crate::audit_log::repo::page(ctx.store(), ctx.scope(), &query, &zone, ctx.who.lang, details).await
}

/// Every record the filters select (at most `EXPORT_MAX`), with the account's time zone, for
/// the export.
pub async fn export_rows(
    ctx: &Ctx,
    query: &AuditQuery,
) -> Result<(String, Vec<(domain::audit_log::AuditRow, bool)>), AppError> {
    query.check().finish()?;
    let zone = crate::config::repo::load(ctx.store(), ctx.scope()).await?.time_zone;
    let rows = super::repo::all(ctx.store(), ctx.scope(), query, &zone, ctx.who.lang).await?;
    Ok((zone, rows))
}
