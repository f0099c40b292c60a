//! `GET /audit/export?from=&to=&user=&action=`: the filtered audit records as CSV, with the
//! signed-in user and the user worked for in columns of their own.

use super::sessions::{attachment, csv_field};
use app::guard::{error_response, AppState};
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::response::Response;
use domain::audit_log::{AuditQuery, AuditT};
use domain::catalogue::{Module, Op};
use domain::i18n::Text;
use klucznik_core::guard::{authorize_parts, Need};

pub async fn export(State(state): State<AppState>, Query(q): Query<AuditQuery>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let ctx = match authorize_parts(&state, &parts, Need::Op(Module::Audit, Op::Print)) {
        Ok(ctx) => ctx,
        Err(e) => return error_response("/audit/export", &e),
    };
    let (zone, rows) = match klucznik_core::audit_log::service::export_rows(&ctx, &q).await {
        Ok(r) => r,
        Err(e) => return error_response("/audit/export", &e),
    };
    let lang = ctx.who.lang;
    let header = [
        AuditT::When,
        AuditT::NativeUser,
        AuditT::EffectiveUser,
        AuditT::User,
        AuditT::Action,
        AuditT::Object,
        AuditT::Detail,
        AuditT::Address,
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| csv_field(h.text(lang))).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for (row, worked_for) in &rows {
        // The second column is the user worked for, or the same user when working as oneself.
        let effective = row.effective.clone().unwrap_or_else(|| row.native.clone());
        let effective = if *worked_for { effective } else { String::new() };
        let cells = [
            row.at_text.clone(),
            row.native.clone(),
            effective,
            row.who(lang),
            row.action_label(lang),
            row.object.clone(),
            row.detail.clone(),
            row.client_addr.clone(),
        ];
        out.push_str(&cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    let day = klucznik_core::time::day_of_ms(ctx.now(), &zone);
    attachment(&format!("audit-{day}.csv"), "text/csv; charset=utf-8", Body::from(out))
}
