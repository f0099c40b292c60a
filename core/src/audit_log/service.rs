//! The use cases behind the server functions of audit log: each runs on the context
//! authorization gave (docs/ARCHITECTURE.md "Layers").

use crate::error::AppError;
use crate::guard::Ctx;
use domain::audit_log::{AuditList, AuditQuery};

/// One page of the account's audit records.
pub async fn list_audit(ctx: &Ctx, query: AuditQuery) -> Result<AuditList, AppError> {
    use crate::catalogue::{ColumnOp, Module};
    query.check().finish()?;
    let zone = crate::config::repo::load(ctx.store(), ctx.who.account.id).await?.time_zone;
    let details = ctx.who.rights.column(Module::Audit, "details", ColumnOp::Visible);
    crate::audit_log::repo::page(ctx.store(), ctx.who.account.id, &query, &zone, ctx.who.lang, details).await
}
