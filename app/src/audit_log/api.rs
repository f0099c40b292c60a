//! The audit view's server function.

use crate::error::AppError;
use domain::audit_log::{AuditList, AuditQuery};
use leptos::prelude::*;

/// One page of the account's audit records. **Permissions:** Audit / View; before and after
/// only with the "details" column.
#[server(prefix = "/api", endpoint = "audit/list", input = server_fn::codec::Json)]
pub async fn list_audit(query: AuditQuery) -> Result<AuditList, AppError> {
    let ctx = crate::guard::authorize_listed::<ListAudit>().await?;
    klucznik_core::audit_log::service::list_audit(&ctx, query).await
}
