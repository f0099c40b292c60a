//! Reading the sessions list: one query for the page, the count and the exports, so that an
//! export holds exactly what the filter shows.

use super::admin::{SessionQuery, SessionRow, SessionSort, SessionState};
use crate::error::AppError;
use crate::list::{contains_pattern, PAGE_SIZE};
use sqlx::any::AnyRow;
use sqlx::Row;

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
pub fn filter(account: i64, query: &SessionQuery, zone: &str) -> Filter {
    let mut sql = String::from(" WHERE s.current_account_id = $1");
    let mut numbers = vec![account];
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
    fn bind<'q>(
        &'q self,
        mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
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

pub fn row(r: &AnyRow, current: i64) -> Result<SessionRow, sqlx::Error> {
    let id: i64 = r.try_get("id")?;
    Ok(SessionRow {
        id,
        login: r.try_get("login")?,
        full_name: r.try_get("full_name")?,
        computer: r.try_get("computer")?,
        unit: r.try_get("unit")?,
        created: r.try_get("created_at")?,
        closed: r.try_get("closed_at")?,
        last_activity: r.try_get("last_activity_at")?,
        ended_by: r.try_get("ended_by")?,
        end_reason: r.try_get("end_reason")?,
        end_note: r.try_get("end_note")?,
        service: r.try_get("service")?,
        session_name: r.try_get("session_name")?,
        db_version: r.try_get("db_version")?,
        program_version: r.try_get("program_version")?,
        working_as: r.try_get("working_as")?,
        account: r.try_get("account")?,
        current: id == current,
        visiting: r.try_get::<i64, _>("visiting")? == 1,
        endable: false,
        created_text: String::new(),
        closed_text: String::new(),
        last_text: String::new(),
    })
}

/// One page of the list and the number of sessions the filter matches.
pub async fn page(
    reader: &sqlx::AnyPool,
    filter: &Filter,
    page: u32,
    current: i64,
) -> Result<(Vec<SessionRow>, u64), AppError> {
    let sql =
        format!("{SELECT}{FROM}{} LIMIT {PAGE_SIZE} OFFSET {}", filter.sql, page as u64 * PAGE_SIZE as u64);
    let rows = filter.bind(sqlx::query(&sql)).fetch_all(reader).await?;
    let count = format!("SELECT COUNT(*) AS n{FROM}{}", filter.without_order());
    let total: i64 = filter.bind(sqlx::query(&count)).fetch_one(reader).await?.try_get("n")?;
    let rows = rows.iter().map(|r| row(r, current)).collect::<Result<_, _>>()?;
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
    filter.bind(sqlx::query(sql)).fetch(store.reader()).map(move |r| Ok(row(&r?, current)?))
}

/// The SELECT … FROM … of a session row, for other WHERE clauses.
pub fn head() -> String {
    format!("{SELECT}{FROM}")
}

/// The full SQL of an export of `filter`.
pub fn export_sql(filter: &Filter) -> String {
    format!("{SELECT}{FROM}{}", filter.sql)
}
