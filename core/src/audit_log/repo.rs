//! Reading the audit trail of one account with the view's filter.

use super::{AuditList, AuditQuery, AuditRow, PAGE_SIZE};
use crate::error::AppError;
use crate::guard::Scope;
use crate::i18n::Lang;
use crate::list::contains_pattern;
use crate::time::{day_end_ms, day_start_ms, format_ms};
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::Any;

/// The most rows an export holds.
pub const EXPORT_MAX: i64 = 100_000;

/// The WHERE clause and its values, numbered from `$1`.
struct Filter {
    sql: String,
    ints: Vec<(usize, i64)>,
    texts: Vec<(usize, String)>,
}

fn filter(account: Scope, q: &AuditQuery, zone: &str) -> Filter {
    let mut f = Filter { sql: "a.account_id = $1".into(), ints: vec![(1, account.id())], texts: Vec::new() };
    let mut n = 1;
    if let Some(from) = day_start_ms(q.from.trim(), zone) {
        n += 1;
        f.sql.push_str(&format!(" AND a.at >= ${n}"));
        f.ints.push((n, from));
    }
    if let Some(to) = day_end_ms(q.to.trim(), zone) {
        n += 1;
        f.sql.push_str(&format!(" AND a.at < ${n}"));
        f.ints.push((n, to));
    }
    if !q.user.trim().is_empty() {
        n += 1;
        f.sql.push_str(&format!(
            " AND (n.search_key LIKE ${n} ESCAPE '\\' OR e.search_key LIKE ${n} ESCAPE '\\')"
        ));
        f.texts.push((n, contains_pattern(&q.user)));
    }
    if !q.action.trim().is_empty() {
        n += 1;
        f.sql.push_str(&format!(" AND LOWER(a.action) LIKE ${n} ESCAPE '\\'"));
        f.texts.push((n, contains_pattern(&q.action)));
    }
    f
}

const FROM: &str = "FROM audit a LEFT JOIN users n ON n.id = a.native_user_id LEFT JOIN users e ON e.id = a.effective_user_id";

fn bind<'q, O>(f: &'q Filter, sql: &'q str) -> QueryAs<'q, Any, O, AnyArguments<'q>>
where
    O: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
{
    // Placeholders are numbered in the order they were added; bind in that order.
    let mut all: Vec<(usize, Result<i64, &str>)> = f
        .ints
        .iter()
        .map(|(i, v)| (*i, Ok(*v)))
        .chain(f.texts.iter().map(|(i, v)| (*i, Err(v.as_str()))))
        .collect();
    all.sort_by_key(|(i, _)| *i);
    let mut query = sqlx::query_as(sql);
    for (_, value) in all {
        query = match value {
            Ok(v) => query.bind(v),
            Err(t) => query.bind(t),
        };
    }
    query
}

/// A row of `COLUMNS`; the users' names are NULL when the user is none or gone.
#[derive(sqlx::FromRow)]
pub struct AuditRecord {
    id: i64,
    at: i64,
    action: String,
    object_kind: Option<String>,
    object_id: Option<i64>,
    detail: String,
    client_addr: String,
    before_json: Option<String>,
    after_json: Option<String>,
    native_user_id: Option<i64>,
    effective_user_id: Option<i64>,
    n_login: Option<String>,
    n_full: Option<String>,
    e_login: Option<String>,
    e_full: Option<String>,
}

fn name(login: Option<String>, full: Option<String>) -> Option<String> {
    Some(crate::users::labelled_name(&login?, &full.unwrap_or_default()))
}

pub fn read(r: AuditRecord, zone: &str, lang: Lang, details: bool) -> AuditRow {
    let native = name(r.n_login, r.n_full).unwrap_or_else(|| "—".into());
    let (n_id, e_id) = (r.native_user_id, r.effective_user_id);
    let effective = if e_id.is_some() && e_id != n_id { name(r.e_login, r.e_full) } else { None };
    let object = match (r.object_kind, r.object_id) {
        (Some(kind), Some(id)) => format!("{kind} #{id}"),
        (Some(kind), None) => kind,
        _ => String::new(),
    };
    let change = if details {
        let (b, a) = (r.before_json, r.after_json);
        (b.is_some() || a.is_some()).then(|| (b.unwrap_or_default(), a.unwrap_or_default()))
    } else {
        None
    };
    AuditRow {
        id: r.id,
        at_text: format_ms(r.at, zone, lang),
        native,
        effective,
        action: r.action,
        object,
        detail: r.detail,
        client_addr: r.client_addr,
        change,
    }
}

const COLUMNS: &str =
    "a.id, a.at, a.action, a.object_kind, a.object_id, a.detail, a.client_addr, a.before_json,
    a.after_json, a.native_user_id, a.effective_user_id, n.login AS n_login, n.full_name AS n_full,
    e.login AS e_login, e.full_name AS e_full";

/// One page of the list.
pub async fn page(
    store: &crate::store::Store,
    account: Scope,
    q: &AuditQuery,
    zone: &str,
    lang: Lang,
    details: bool,
) -> Result<AuditList, AppError> {
    let f = filter(account, q, zone);
    let count_sql = format!("SELECT COUNT(*) {FROM} WHERE {}", f.sql);
    let (total,): (i64,) = bind(&f, &count_sql).fetch_one(store.reader()).await?;
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE {} ORDER BY a.id DESC LIMIT {PAGE_SIZE} OFFSET {}",
        f.sql,
        q.page as i64 * PAGE_SIZE as i64
    );
    let rows: Vec<AuditRecord> = bind(&f, &sql).fetch_all(store.reader()).await?;
    let rows = rows.into_iter().map(|r| read(r, zone, lang, details)).collect();
    Ok(AuditList { rows, total: total as u64 })
}

/// Every matching record for the export, newest first, at most `EXPORT_MAX`, each with whether
/// it was done while working for a user (the export's second column stays empty otherwise).
pub async fn all(
    store: &crate::store::Store,
    account: Scope,
    q: &AuditQuery,
    zone: &str,
    lang: Lang,
) -> Result<Vec<(AuditRow, bool)>, AppError> {
    let f = filter(account, q, zone);
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE {} ORDER BY a.id DESC LIMIT {EXPORT_MAX}", f.sql);
    let rows: Vec<AuditRecord> = bind(&f, &sql).fetch_all(store.reader()).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let worked_for = r.effective_user_id.is_some();
            (read(r, zone, lang, false), worked_for)
        })
        .collect())
}
