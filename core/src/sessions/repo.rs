//! Session rows: opened at sign-in with every column of seed 000, touched as the session
//! works, closed once (logout, expiry, or ended by someone).

use super::OnlineSession;
use crate::actor::Client;
use crate::auth::standing::Standing;
use crate::error::AppError;
use crate::events::{EndReason, EventKind};
use crate::guard::Scope;
use crate::store::{Store, Tx, PROGRAM_VERSION};

pub mod token;

pub const SERVICE: &str = "web";
pub const SESSION_NAME: &str = "Klucznik web console";

/// Who signs in, and from where.
pub struct Opening<'a> {
    pub user_id: i64,
    pub account_id: i64,
    pub unit_id: Option<i64>,
    pub token_hash: &'a str,
    pub client: &'a Client,
    /// A session a business application opened (issue 17); `None` for the console.
    pub service: Option<Service<'a>>,
}

/// The application that opened a session, as seed 000's columns show it.
pub struct Service<'a> {
    /// "Whether the session comes from an external service": the application's name.
    pub service: &'a str,
    /// "The system or application in which the session was started", as the application says.
    pub session_name: &'a str,
    pub computer: &'a str,
    pub client_id: i64,
}

/// The seed's "computer" column: the client address and a short description of the browser.
pub fn computer(client: &Client) -> String {
    format!("{} · {}", client.addr, browser_summary(&client.user_agent))
}

/// "Firefox 133 / Windows" from a User-Agent header.
pub fn browser_summary(user_agent: &str) -> String {
    let version = |marker: &str| {
        user_agent.split(marker).nth(1).map(|rest| {
            let major: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            major
        })
    };
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
    ]
    .iter()
    .find_map(|(marker, name)| version(marker).map(|v| format!("{name} {v}")))
    .unwrap_or_else(|| user_agent.split_whitespace().next().unwrap_or("unknown").to_string());
    let system = [
        ("Windows", "Windows"),
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| *name);
    match system {
        Some(system) => format!("{browser} / {system}"),
        None => browser,
    }
}

/// A user's open sessions, oldest first: (id, computer, service, created at) — the console's
/// and applications' alike, for the one-session rule of seed 000.
pub async fn open_of(tx: &mut Tx, user: i64) -> Result<Vec<(i64, String, String, i64)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, computer, service, created_at FROM sessions WHERE user_id = $1 AND closed_at IS NULL ORDER BY created_at",
    )
    .bind(user)
    .fetch_all(tx.conn())
    .await?)
}

/// Opens a session row and announces it.
pub async fn open(tx: &mut Tx, schema_version: i64, s: Opening<'_>) -> Result<i64, AppError> {
    let now = tx.now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (token_hash, user_id, home_account_id, current_account_id, unit_id,
                               client_addr, user_agent, computer, service, session_name,
                               db_version, program_version, created_at, last_activity_at, client_id)
         VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
         RETURNING id",
    )
    .bind(s.token_hash)
    .bind(s.user_id)
    .bind(s.account_id)
    .bind(s.unit_id)
    .bind(&s.client.addr)
    .bind(&s.client.user_agent)
    .bind(s.service.as_ref().map_or_else(|| computer(s.client), |a| a.computer.to_string()))
    .bind(s.service.as_ref().map_or(SERVICE, |a| a.service))
    .bind(s.service.as_ref().map_or(SESSION_NAME, |a| a.session_name))
    .bind(schema_version.to_string())
    .bind(PROGRAM_VERSION)
    .bind(now)
    .bind(s.service.as_ref().map(|a| a.client_id))
    .fetch_one(tx.conn())
    .await?;
    tx.raise(Some(s.account_id), EventKind::SessionOpened { session_id: id, user_id: s.user_id }).await?;
    Ok(id)
}

/// Closes an open session's row for `reason`, with who ended it and their note; the user and
/// current account of the session, or `None` if it was closed already.
pub async fn close(
    tx: &mut Tx,
    now: i64,
    session_id: i64,
    reason: EndReason,
    ender: Option<i64>,
    note: Option<&str>,
) -> Result<Option<(i64, i64)>, AppError> {
    Ok(sqlx::query_as(
        "UPDATE sessions SET closed_at = $1, end_reason = $2, ended_by_user_id = $3, end_note = $4
         WHERE id = $5 AND closed_at IS NULL
         RETURNING user_id, current_account_id",
    )
    .bind(now)
    .bind(reason.key())
    .bind(ender)
    .bind(note)
    .bind(session_id)
    .fetch_optional(tx.conn())
    .await?)
}

/// What the notice of a closed session shows: the account's time zone and the full name of
/// whoever ended it.
pub async fn closing_texts(
    tx: &mut Tx,
    account: Scope,
    ender: Option<i64>,
) -> Result<(String, Option<String>), AppError> {
    let zone: String = sqlx::query_scalar("SELECT time_zone FROM accounts WHERE id = $1")
        .bind(account)
        .fetch_one(tx.conn())
        .await?;
    let by: Option<String> = match ender {
        Some(id) => {
            sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
                .bind(id)
                .fetch_optional(tx.conn())
                .await?
        }
        None => None,
    };
    Ok((zone, by))
}

/// A user's open sessions (all, or all but `except`).
pub async fn open_ids(tx: &mut Tx, user: i64, except: Option<i64>) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM sessions WHERE user_id = $1 AND closed_at IS NULL AND id <> $2")
        .bind(user)
        .bind(except.unwrap_or(0))
        .fetch_all(tx.conn())
        .await?)
}

/// The open sessions of an account's own users (those whose home it is).
pub async fn open_at_home(tx: &mut Tx, account: Scope) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar("SELECT id FROM sessions WHERE home_account_id = $1 AND closed_at IS NULL")
        .bind(account)
        .fetch_all(tx.conn())
        .await?)
}

/// An open session with its user and home account.
#[derive(sqlx::FromRow)]
pub struct SweepRecord {
    pub id: i64,
    pub created_at: i64,
    pub last_activity_at: i64,
    pub session_idle_minutes: i64,
    pub session_max_hours: i64,
    pub service: String,
    #[sqlx(flatten)]
    pub standing: Standing,
}

/// Every open session with what the sweep judges it by.
pub async fn open_with_standing(store: &Store) -> Result<Vec<SweepRecord>, AppError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.created_at, s.last_activity_at, h.session_idle_minutes, h.session_max_hours,
                s.service, u.kind, u.active, u.blocked, u.valid_from, u.valid_to
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts h ON h.id = s.home_account_id
         WHERE s.closed_at IS NULL",
    )
    .fetch_all(store.reader())
    .await?)
}

/// Records that the session did something just now, and tells the open session lists.
pub async fn touch(store: &Store, session_id: i64) -> Result<(), AppError> {
    let mut tx = store.begin().await?;
    let account: Option<i64> = sqlx::query_scalar(
        "UPDATE sessions SET last_activity_at = $1 WHERE id = $2 AND closed_at IS NULL
         RETURNING current_account_id",
    )
    .bind(tx.now())
    .bind(session_id)
    .fetch_optional(tx.conn())
    .await?;
    if let Some(account) = account {
        tx.raise(Some(account), EventKind::SessionActive { session_id }).await?;
    }
    tx.commit().await
}

/// The open sessions of an account, newest first.
pub async fn online(store: &Store, account: Scope) -> Result<Vec<OnlineSession>, AppError> {
    let rows: Vec<OnlineRecord> = sqlx::query_as(
        "SELECT s.id, s.user_id, u.login, u.full_name, s.created_at, s.last_activity_at, s.computer
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.current_account_id = $1 AND s.closed_at IS NULL
         ORDER BY s.created_at DESC, s.id DESC
         LIMIT 500",
    )
    .bind(account)
    .fetch_all(store.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| OnlineSession {
            session_id: r.id,
            user_id: r.user_id,
            login: r.login,
            full_name: r.full_name,
            since: r.created_at,
            last_activity: r.last_activity_at,
            computer: r.computer,
            since_text: String::new(),
        })
        .collect())
}

/// A line of the online list.
#[derive(sqlx::FromRow)]
struct OnlineRecord {
    id: i64,
    user_id: i64,
    login: String,
    full_name: String,
    created_at: i64,
    last_activity_at: i64,
    computer: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_are_summarised() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        assert_eq!(browser_summary(chrome), "Chrome 156 / Linux");
        let firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(browser_summary(firefox), "Firefox 133 / Windows");
        assert_eq!(browser_summary("curl/8.5.0"), "curl/8.5.0");
    }
}
