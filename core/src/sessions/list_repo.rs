//! Reading the sessions list: one query for the page, the count and the exports, so that an
//! export holds exactly what the filter shows.

use super::admin::{SessionQuery, SessionRow, SessionSort, SessionState};
use crate::error::AppError;
use crate::guard::Scope;
use crate::list::{contains_pattern, PAGE_SIZE};
use domain::ids::{SessionId, UserId};
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::Any;

const SELECT: &str = "SELECT s.id, u.login, u.full_name, s.computer, COALESCE(un.name, '') AS unit,
        s.created_at, s.closed_at, s.last_activity_at, eb.login AS ended_by, s.end_reason,
        COALESCE(s.end_note, '') AS end_note, s.service, s.session_name, s.db_version,
        s.program_version, ef.login AS working_as, a.name AS account,
        CASE WHEN s.home_account_id = s.current_account_id THEN 0 ELSE 1 END AS visiting";

const FROM: &str = " FROM sessions s JOIN users u ON u.id = s.user_id
        JOIN accounts a ON a.id = s.current_account_id
        LEFT JOIN units un ON un.id = s.unit_id
        LEFT JOIN users eb ON eb.id = s.ended_by_user_id
        LEFT JOIN users ef ON ef.id = s.effective_user_id AND s.effective_user_id <> s.user_id";

fn column(sort: SessionSort) -> &'static str {
    use SessionSort::*;
    match sort {
        Id => "s.id",
        User => "u.login_key",
        Computer => "s.computer",
        Unit => "un.name",
        Created => "s.created_at",
        Closed => "s.closed_at",
        LastActivity => "s.last_activity_at",
        EndedBy => "eb.login_key",
        Service => "s.service",
        SessionName => "s.session_name",
        DbVersion => "s.db_version",
        ProgramVersion => "s.program_version",
        WorkingAs => "ef.login_key",
    }
}

/// The filter as SQL with `$n` placeholders, and its arguments in order.
pub struct Filter {
    pub sql: String,
    text: Vec<String>,
    numbers: Vec<i64>,
}

/// WHERE … ORDER BY for `query` in `account` whose days are in `zone`.
pub fn filter(account: Scope, query: &SessionQuery, zone: &str) -> Filter {
    let mut sql = String::from(" WHERE s.current_account_id = $1");
    let mut numbers = vec![account.id()];
    match query.state {
        SessionState::All => {}
        SessionState::Ended => sql.push_str(" AND s.closed_at IS NOT NULL"),
        SessionState::Open => sql.push_str(" AND s.closed_at IS NULL"),
    }
    if let Some(start) = crate::time::day_start_ms(&query.from, zone) {
        numbers.push(start);
        sql.push_str(&format!(" AND s.created_at >= ${}", numbers.len()));
    }
    if let Some(end) = crate::time::day_end_ms(&query.to, zone) {
        numbers.push(end);
        sql.push_str(&format!(" AND s.created_at < ${}", numbers.len()));
    }
    let mut text = Vec::new();
    if !query.search.trim().is_empty() {
        text.push(contains_pattern(&query.search));
        // The user, or the service and session name of a business application (issue 17).
        let n = numbers.len() + 1;
        sql.push_str(&format!(
            " AND (u.search_key LIKE ${n} ESCAPE '\\' OR LOWER(s.service) LIKE ${n} ESCAPE '\\'
                  OR LOWER(s.session_name) LIKE ${n} ESCAPE '\\')"
        ));
    }
    // NULLs last in both directions, the same on SQLite and PostgreSQL; columns that are never
    // NULL sort plainly, so that the newest-first list can walk its index.
    let (col, dir) = (column(query.sort), if query.descending { "DESC" } else { "ASC" });
    let nullable = matches!(
        query.sort,
        SessionSort::Unit | SessionSort::Closed | SessionSort::EndedBy | SessionSort::WorkingAs
    );
    let nulls = if nullable { format!("({col} IS NULL), ") } else { String::new() };
    sql.push_str(&format!(" ORDER BY {nulls}{col} {dir}, s.id {dir}"));
    Filter { sql, text, numbers }
}

impl Filter {
    fn bind<'q, O>(
        &'q self,
        mut q: QueryAs<'q, Any, O, AnyArguments<'q>>,
    ) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
        for n in &self.numbers {
            q = q.bind(*n);
        }
        for t in &self.text {
            q = q.bind(t.as_str());
        }
        q
    }

    fn without_order(&self) -> &str {
        self.sql.split(" ORDER BY ").next().unwrap_or_default()
    }
}

/// A row of `SELECT`.
#[derive(sqlx::FromRow)]
pub struct Record {
    id: i64,
    login: String,
    full_name: String,
    computer: String,
    unit: String,
    created_at: i64,
    closed_at: Option<i64>,
    last_activity_at: i64,
    ended_by: Option<String>,
    end_reason: Option<String>,
    end_note: String,
    service: String,
    session_name: String,
    db_version: String,
    program_version: String,
    working_as: Option<String>,
    account: String,
    visiting: i64,
}

/// The list's row of a session; `current` is the viewer's own session.
pub fn row(r: Record, current: i64) -> SessionRow {
    SessionRow {
        id: r.id,
        login: r.login,
        full_name: r.full_name,
        computer: r.computer,
        unit: r.unit,
        created: r.created_at,
        closed: r.closed_at,
        last_activity: r.last_activity_at,
        ended_by: r.ended_by,
        end_reason: r.end_reason,
        end_note: r.end_note,
        service: r.service,
        session_name: r.session_name,
        db_version: r.db_version,
        program_version: r.program_version,
        working_as: r.working_as,
        account: r.account,
        current: r.id == current,
        visiting: r.visiting == 1,
        endable: false,
        created_text: String::new(),
        closed_text: String::new(),
        last_text: String::new(),
    }
}

/// One page of the list and the number of sessions the filter matches.
pub async fn page(
    store: &crate::store::Store,
    filter: &Filter,
    page: u32,
    current: i64,
) -> Result<(Vec<SessionRow>, u64), AppError> {
    let sql =
        format!("{SELECT}{FROM}{} LIMIT {PAGE_SIZE} OFFSET {}", filter.sql, page as u64 * PAGE_SIZE as u64);
    let reader = store.reader();
    let rows: Vec<Record> = filter.bind(sqlx::query_as(&sql)).fetch_all(reader).await?;
    let count = format!("SELECT COUNT(*) AS n{FROM}{}", filter.without_order());
    let (total,): (i64,) = filter.bind(sqlx::query_as(&count)).fetch_one(reader).await?;
    let rows = rows.into_iter().map(|r| row(r, current)).collect();
    Ok((rows, total as u64))
}

/// Every session the filter matches, as a stream (for the exports).
pub fn all<'a>(
    store: &'a crate::store::Store,
    filter: &'a Filter,
    sql: &'a str,
    current: i64,
) -> impl futures::Stream<Item = Result<SessionRow, AppError>> + 'a {
    use futures::StreamExt;
    filter.bind(sqlx::query_as(sql)).fetch(store.reader()).map(move |r| Ok(row(r?, current)))
}

/// The SELECT … FROM … of a session row, for other WHERE clauses.
pub fn head() -> String {
    format!("{SELECT}{FROM}")
}

/// The full SQL of an export of `filter`.
pub fn export_sql(filter: &Filter) -> String {
    format!("{SELECT}{FROM}{}", filter.sql)
}

/// A user's own sessions: the open ones and those closed after `since`, open first, newest
/// first, at most 50.
pub async fn mine(
    store: &crate::store::Store,
    user: UserId,
    since: i64,
    current: SessionId,
) -> Result<Vec<SessionRow>, AppError> {
    let sql = format!(
        "{} WHERE s.user_id = $1 AND (s.closed_at IS NULL OR s.closed_at >= $2)
         ORDER BY (s.closed_at IS NULL) DESC, s.created_at DESC, s.id DESC LIMIT 50",
        head()
    );
    let rows: Vec<Record> = sqlx::query_as(&sql).bind(user).bind(since).fetch_all(store.reader()).await?;
    Ok(rows.into_iter().map(|r| row(r, current.get())).collect())
}

/// A session's user, current account and home account, for ending it.
pub async fn owner(tx: &mut crate::store::Tx, session: i64) -> Result<Option<(i64, i64, i64)>, AppError> {
    Ok(sqlx::query_as("SELECT user_id, current_account_id, home_account_id FROM sessions WHERE id = $1")
        .bind(session)
        .fetch_optional(tx.conn())
        .await?)
}

/// A user's open sessions other than `except`.
pub async fn open_others(
    store: &crate::store::Store,
    user: UserId,
    except: SessionId,
) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM sessions WHERE user_id = $1 AND closed_at IS NULL AND id <> $2")
        .bind(user)
        .bind(except)
        .fetch_all(store.reader())
        .await?)
}
